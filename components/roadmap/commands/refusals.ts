import type { Result } from "../../../lib/model/result";

/**
 * A command's value, or null once `onError` was told why the command refused (say, the item
 * was deleted meanwhile): commands report their message instead of throwing.
 */
export function reportingRefusals(onError: (message: string) => void) {
  return <T,>(result: Result<T>): T | null => {
    if (result.ok) return result.value;
    onError(result.error);
    return null;
  };
}

/** Why a command refused, or null when it ran: for forms that show the message beside themselves. */
export const refusal = (result: Result<unknown>): string | null => (result.ok ? null : result.error);
