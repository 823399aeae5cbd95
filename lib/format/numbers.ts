import { APP_LOCALE } from "./locale";

const formats = new Map<string, Intl.NumberFormat>();

/** A count as people write it: "5,000", not "5000". */
export function formatCount(n: number, locale: string = APP_LOCALE): string {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format.format(n);
}
