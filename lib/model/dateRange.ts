/**
 * The dates Waymark plans in: 1900-01-01 to 2199-12-31, both included. See docs/dates.md.
 *
 * Why a range at all: a DateString can name any day from 0100 to 9999, and a client may write
 * any of them. Every loop over time (the axis's ticks, the days drawn as not worked) and every
 * width in pixels grows with the span the board covers, so the span must have a bound that no
 * document can lift. Why these years: a roadmap looks a few years ahead and, when imported from
 * older tools, some decades back; three centuries leave ample margin either way while keeping
 * the widest axis to 109,573 days (15,654 weeks, 3,600 months).
 *
 * Kept framework-free and free of Date: these are the constants, checks and messages every
 * boundary (schemas, commands, the derive layer, date fields) shares.
 */

/** First supported date (inclusive). */
export const FIRST_SUPPORTED_DATE = "1900-01-01";
/** Last supported date (inclusive). */
export const LAST_SUPPORTED_DATE = "2199-12-31";
/** Their day numbers (days since 1970-01-01, as toDayNumber and parseDay count). */
export const FIRST_SUPPORTED_DAY = -25_567;
export const LAST_SUPPORTED_DAY = 84_005;

/** The range in words, for messages: "1900-01-01 to 2199-12-31". */
export const SUPPORTED_RANGE_TEXT = `${FIRST_SUPPORTED_DATE} to ${LAST_SUPPORTED_DATE}`;

/**
 * True when a YYYY-MM-DD string lies in the supported range. Compares the text, which orders
 * like the dates themselves for 4-digit years; call it on real dates (isDateString) only.
 */
export function isInSupportedRange(date: string): boolean {
  return date >= FIRST_SUPPORTED_DATE && date <= LAST_SUPPORTED_DATE;
}

/** A supported date's nearest edge of the range (itself when inside). */
export function clampToSupportedRange<D extends string>(date: D): D {
  return (date < FIRST_SUPPORTED_DATE ? FIRST_SUPPORTED_DATE : date > LAST_SUPPORTED_DATE ? LAST_SUPPORTED_DATE : date) as D;
}

/** A day number kept inside the supported range; NaN becomes the first supported day. */
export function clampDayToSupportedRange(day: number): number {
  return day >= FIRST_SUPPORTED_DAY ? (day <= LAST_SUPPORTED_DAY ? day : LAST_SUPPORTED_DAY) : FIRST_SUPPORTED_DAY;
}

/** The message every refusal of an out-of-range date shows. */
export function outOfRangeMessage(date: string): string {
  return `${date} is outside the supported dates (${SUPPORTED_RANGE_TEXT})`;
}
