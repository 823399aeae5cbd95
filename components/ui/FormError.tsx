/**
 * Why a dialog's or form's action failed, in the server's own words, where the person is
 * looking (role="alert": screen readers say it at once). Nothing while there is no error.
 */
export function FormError({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
      {message}
    </p>
  );
}
