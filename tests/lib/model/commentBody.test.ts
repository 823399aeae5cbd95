import { describe, expect, it } from "vitest";
import {
  commentBodyFromText,
  commentText,
  MAX_COMMENT_CHARS,
  MAX_COMMENT_JSON_BYTES,
  MAX_LIST_DEPTH,
  mentionedIds,
  parseCommentBody,
  relabelMentions,
  type CommentBlock,
  type CommentBody,
} from "../../../lib/model/commentBody";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: "text", text, marks } : { type: "text", text });
const link = (href: string) => para(t("here", [{ type: "link", attrs: { href } }]));
const mention = (id: string, label?: string | null) => ({ type: "mention", attrs: { id, label } });
const bullets = (...items: unknown[][]) => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content })) });
/** A list nested `depth` levels deep. */
const nested = (depth: number): unknown => (depth === 0 ? para(t("leaf")) : bullets([para(t(`level ${depth}`)), nested(depth - 1)]));

function refusal(input: unknown): string {
  const r = parseCommentBody(input);
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

describe("links", () => {
  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.test", "/relative"])("%s is refused", (href) => {
    expect(refusal(doc(link(href)))).toBe("Links must start with http://, https:// or mailto:.");
  });
  it.each(["https://example.com/a?b=c", "HTTP://example.com", "mailto:ana@example.com"])("%s is kept", (href) => {
    const r = parseCommentBody(doc(link(href)));
    expect(r.ok && JSON.stringify(r.body)).toContain(href);
  });
});

describe("shape", () => {
  it.each([
    ["an image", doc({ type: "image", attrs: { src: "https://x.test/a.png" } })],
    ["a heading", doc({ type: "heading", attrs: { level: 1 }, content: [t("Big")] })],
    ["a code block", doc({ type: "codeBlock", content: [t("x")] })],
    ["an unknown inline node", doc(para({ type: "iframe", attrs: { src: "https://x.test" } }))],
    ["an unknown mark", doc(para(t("u", [{ type: "underline" }])))],
    ["a text node without text", doc(para({ type: "text", text: "" }))],
    ["a mention without an id", doc(para({ type: "mention", attrs: { label: "Ana" } }))],
    ["not a document", { type: "paragraph", content: [t("hi")] }],
    ["a string", "hello"],
    ["null", null],
  ])("%s is refused", (_what, input) => {
    expect(refusal(input)).toBe("This comment holds something comments cannot: only paragraphs, lists, bold, italic, strike-through, code, links and @mentions.");
  });

  it("says what is wrong in a sentence, never as a schema path", () => {
    const refused = [doc(para(t("ok")), para({ type: "video" })), doc(...Array.from({ length: 501 }, () => para(t("a")))), doc(para(t("x".repeat(MAX_COMMENT_CHARS + 1))))];
    for (const input of refused) {
      const message = refusal(input);
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toMatch(/content\.\d|Too big|Invalid/);
    }
  });

  it("drops attributes and keys the schema does not know", () => {
    const r = parseCommentBody({
      type: "doc",
      attrs: { evil: true },
      content: [{ type: "paragraph", attrs: { style: "color:red" }, content: [{ type: "text", text: "hi", onclick: "x()" }, mention("u1", "Ana")] }],
    });
    expect(r.ok && r.body).toEqual(doc(para(t("hi"), { type: "mention", attrs: { id: "u1", label: "Ana" } })));
  });

  it("cannot be turned into JSON: refused, not thrown", () => {
    const circular: Record<string, unknown> = { type: "doc" };
    circular.content = [circular];
    expect(refusal(circular)).toBe("This comment could not be read: its body must be JSON.");
    expect(refusal({ type: "doc", content: [para(t("x"))], n: BigInt(1) })).toBe("This comment could not be read: its body must be JSON.");
  });
});

describe("limits", () => {
  it(`lists nest at most ${MAX_LIST_DEPTH} deep`, () => {
    expect(parseCommentBody(doc(nested(MAX_LIST_DEPTH))).ok).toBe(true);
    expect(refusal(doc(nested(MAX_LIST_DEPTH + 1)))).toBe(`Lists in a comment can be nested at most ${MAX_LIST_DEPTH} deep.`);
  });

  it(`text is at most ${MAX_COMMENT_CHARS} characters`, () => {
    const lines = (n: number) => commentBodyFromText(Array.from({ length: n }, () => "x".repeat(99)).join("\n"));
    // 50 lines of 99 characters and 49 line breaks: 4999.
    expect(parseCommentBody(lines(50)).ok).toBe(true);
    expect(refusal(lines(51))).toBe("This comment is 5,099 characters long; a comment can have at most 5,000. Shorten it by 99.");
    // One long paragraph too: the same sentence, not the path of the text node that is too big.
    expect(refusal(doc(para(t("x".repeat(6_000)))))).toBe("This comment is 6,000 characters long; a comment can have at most 5,000. Shorten it by 1,000.");
  });

  it(`the JSON is at most ${MAX_COMMENT_JSON_BYTES} characters, formatting included`, () => {
    const bold = Array.from({ length: 2_000 }, () => t("b", [{ type: "bold" }, { type: "italic" }]));
    expect(refusal(doc(para(...bold)))).toBe(`This comment is too long: with its formatting it takes more than 40,000 bytes, and a comment can have at most 5,000 characters.`);
  });

  it.each([
    ["no blocks", doc()],
    ["an empty paragraph", doc({ type: "paragraph" })],
    ["spaces and breaks", doc(para(t("  \t "), { type: "hardBreak" }, t(" ")))],
    ["lists of nothing", doc(bullets([{ type: "paragraph" }], [para(t(" "))]))],
  ])("%s is refused as empty", (_what, input) => {
    expect(refusal(input)).toMatch(/^This comment (is empty: write something before sending it|holds something comments cannot)/);
  });

  it("a mention alone says something", () => {
    expect(parseCommentBody(doc(para(mention("u1", "Ana")))).ok).toBe(true);
  });
});

describe("text", () => {
  it("paragraphs and breaks become lines, mentions @label (or @id), lists bullets and dashes", () => {
    const body = doc(
      para(t("Hi "), mention("u1", "Ana"), t(","), { type: "hardBreak" }, t("see "), mention("u2", null)),
      { type: "paragraph" },
      { type: "paragraph" },
      { type: "paragraph" },
      bullets([para(t("one"))], [para(t("two"))]),
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [para(t("three"))] }] },
    ) as CommentBody;
    expect(commentText(body)).toBe("Hi @Ana,\nsee @u2\n\n• one\n• two\n- three");
    const r = parseCommentBody(body);
    expect(r.ok && r.text).toBe(commentText(body));
  });

  it("plain text round-trips through commentBodyFromText", () => {
    const text = "Line one\n\nLine three";
    expect(commentText(commentBodyFromText(text))).toBe(text);
  });
});

describe("mentions", () => {
  const body = doc(
    para(mention("u2", "Forged"), t(" and "), mention("u1", "Ana")),
    bullets([para(mention("u2", "Also forged")), bullets([para(mention("u3"))])]),
  ) as CommentBody;

  it("lists each mentioned id once, in order of first mention", () => {
    expect(mentionedIds(body)).toEqual(["u2", "u1", "u3"]);
  });

  it("relabelling sets every label, in lists too, and leaves the rest alone", () => {
    const names: Record<string, string> = { u1: "Ana Lima", u2: "Ben Ode", u3: "Cy" };
    const relabelled = relabelMentions(body, (id) => names[id]!);
    expect(commentText(relabelled)).toBe("@Ben Ode and @Ana Lima\n• @Ben Ode\n• @Cy");
    expect(JSON.stringify(relabelled)).not.toMatch(/Forged/);
    expect(mentionedIds(relabelled)).toEqual(mentionedIds(body));
    // The input is not changed (callers keep the original to compare).
    expect(JSON.stringify(body)).toMatch(/Forged/);
    const blocks: CommentBlock[] = relabelled.content;
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "bulletList"]);
  });
});
