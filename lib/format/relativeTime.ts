import { formatDayOf, formatWeekdayTime } from "./dates";
import { APP_LOCALE } from "./locale";

/** Within this long, a moment reads as a distance from now ("3 hours ago"); later ones by their weekday. */
const RELATIVE_FOR_MS = 6 * 3_600_000;
/** Within this long, a moment reads as its weekday and time ("Tue 2:05 PM"); older ones by their date. */
const WEEKDAY_FOR_MS = 6 * 86_400_000;

/**
 * When something happened (a comment, a notification, a last visit), as a person reads it:
 * "now", "5 minutes ago" and "3 hours ago" in their language through Intl.RelativeTimeFormat;
 * "Tue 2:05 PM" within six days; else "Thu, Nov 12", with the year when it is not this one
 * (lib/format/dates.ts, so a moment is written the same way everywhere). An unreadable
 * timestamp gives "".
 *
 * @param locale defaults to the app's (lib/format/locale.ts), the same on server and browser.
 */
export function formatRelativeTime(iso: string, now: Date = new Date(), locale: string = APP_LOCALE): string {
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
  if (ago < WEEKDAY_FOR_MS) return formatWeekdayTime(at, { locale });
  return formatDayOf(at, { now, locale });
}
