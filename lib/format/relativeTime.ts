/** Within this long, a moment reads as a distance from now ("3 hours ago"); later ones by their weekday. */
const RELATIVE_FOR_MS = 6 * 3_600_000;
/** Within this long, a moment reads as its weekday and time ("Tue 14:05"); older ones by their date. */
const WEEKDAY_FOR_MS = 6 * 86_400_000;

/**
 * When something happened (a comment, a notification, a last visit), as a person reads it:
 * "now", "5 minutes ago" and "3 hours ago" in their language through Intl.RelativeTimeFormat;
 * "Tue 14:05" within six days; else "12 Nov", with the year when it is not this one.
 * An unreadable timestamp gives "".
 *
 * @param locale the reader's; undefined is the browser's.
 */
export function formatRelativeTime(iso: string, now: Date = new Date(), locale?: string): string {
  const at = new Date(iso);
  const ago = now.getTime() - at.getTime();
  if (!Number.isFinite(ago)) return "";
  if (ago < RELATIVE_FOR_MS) {
    const words = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    // A clock a little ahead of the server's must not say "in 2 seconds".
    const seconds = Math.max(0, Math.floor(ago / 1000));
    if (seconds < 60) return words.format(0, "second");
    if (seconds < 3600) return words.format(-Math.floor(seconds / 60), "minute");
    return words.format(-Math.floor(seconds / 3600), "hour");
  }
  if (ago < WEEKDAY_FOR_MS) return at.toLocaleString(locale, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return at.toLocaleDateString(locale, { day: "numeric", month: "short", year: at.getFullYear() === now.getFullYear() ? undefined : "numeric" });
}
