import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/** zxcvbn's scale runs 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

/**
 * A reason the password is too easy to guess, or null when it will do. The dictionaries
 * (common passwords, English words and names, keyboard walks) load on first use, not at start-up.
 * The person's own email and name count as guessable too.
 */
export function weakPasswordReason(password: string, userInputs: string[]): string | null {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  const result = checker.check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, "")})` : "";
  const hint = result.feedback.suggestions[0] ?? "Use a longer phrase of unrelated words.";
  return `is too easy to guess${why}. ${hint}`;
}
