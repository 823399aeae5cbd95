import { APP_LOCALE } from "./locale";
import { formatCount } from "./numbers";

/**
 * The forms of one phrase, chosen by Intl.PluralRules: `#` stands for the formatted count.
 * Whole phrases rather than a noun, so a verb agrees too: "# revoked link no longer works" /
 * "# revoked links no longer work". `other` is required, as it is in every language.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/** `forms` for `count`, with `#` replaced by the count ("1 revoked link no longer works"). */
export function plural(count: number, forms: PluralForms, locale: string = APP_LOCALE): string {
  const form = forms[rulesFor(locale).select(count)] ?? forms.other;
  return form.replaceAll("#", formatCount(count, locale));
}

/** A count and its noun: `countOf(3, "change")` is "3 changes"; irregular plurals are given. */
export function countOf(count: number, one: string, other: string = `${one}s`, locale: string = APP_LOCALE): string {
  return plural(count, { one: `# ${one}`, other: `# ${other}` }, locale);
}
