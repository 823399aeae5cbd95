import { compareStrings } from "./text";

/** "Ana", " ana " and "ANA" are the same person: owners are free text typed by many people. */
export const ownerKey = (name: string): string => tidy(name).toLowerCase();

/** Trimmed, inner runs of spaces made one; the regex only runs on names that need it. */
const tidy = (name: string): string => (/^\S+( \S+)*$/.test(name) ? name : name.trim().replace(/\s+/g, " "));

/**
 * The owners named on a board, as integers: each distinct owner string is a *spelling* (its
 * tidied text and the person it names), each distinct key (ownerKey) a *person*. Numbers are
 * handed out in the order names are first seen and never change, so a ConflictFinder keeps one
 * registry for the life of a board and items that did not change keep their numbers; nothing
 * in the output depends on the numbering.
 */
export class People {
  private readonly spellings = new Map<string, number>();
  private readonly personOf = new Map<string, number>();
  /** Per spelling: the tidied text and its person (-1 for a blank name, which names nobody). */
  readonly text: string[] = [];
  readonly person: number[] = [];
  /** Per person: the key (lower case, tidied). */
  readonly keys: string[] = [];

  /** The spellings and the distinct people (blank names left out) of several owner strings, in order. */
  more(owners: readonly string[]): { spellings: number[]; people: number[] } {
    const spellings: number[] = [];
    const people: number[] = [];
    for (const raw of owners) {
      const s = this.spellingOf(raw);
      spellings.push(s);
      const p = this.person[s]!;
      if (p >= 0 && !people.includes(p)) people.push(p);
    }
    return { spellings, people };
  }

  /** The spelling of an owner string, numbered on first sight. */
  spellingOf(raw: string): number {
    const known = this.spellings.get(raw);
    if (known !== undefined) return known;
    const text = tidy(raw);
    const key = text.toLowerCase();
    let p = -1;
    if (key !== "") {
      p = this.personOf.get(key) ?? -1;
      if (p < 0) {
        this.personOf.set(key, (p = this.keys.length));
        this.keys.push(key);
      }
    }
    const s = this.text.length;
    this.spellings.set(raw, s);
    this.text.push(text);
    this.person.push(p);
    return s;
  }

  /**
   * Each person's name as shown: of the spellings in `best` candidates, the first in code-unit
   * order. `best` is per person, -1 or a spelling; offer() updates it.
   */
  offer(best: Int32Array, s: number): void {
    const p = this.person[s]!;
    if (p < 0) return;
    const current = best[p]!;
    if (current === s) return;
    if (current < 0 || compareStrings(this.text[s]!, this.text[current]!) < 0) best[p] = s;
  }
}
