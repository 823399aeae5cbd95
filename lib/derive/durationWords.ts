import { countOf } from "../format/plural";
import type { WorkCalendar } from "./calendar";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * A duration as a person reads it: "1 working day", "15 working days", and with a rough
 * calendar length once counting working days stops meaning much: "65 working days (≈ 3
 * months)", "1,000 working days (≈ 3.8 years)". The estimate uses the board's working week
 * (a 4-day week makes 1,000 working days last longer) and ignores holidays, hence "≈".
 */
export function describeDuration(days: number, cal: Pick<WorkCalendar, "perWeek">): string {
  const words = countOf(days, "working day");
  const perYear = (cal.perWeek * 365.2425) / 7;
  const years = days / perYear;
  if (years >= 1) return `${words} (≈ ${years < 10 ? tenths.format(years) : whole.format(years)} year${years < 1.05 ? "" : "s"})`;
  const months = Math.round(years * 12);
  if (months >= 2) return `${words} (≈ ${months} months)`;
  return words;
}
