import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { linkifyBody } from "../../components/editor/linkifyBody";
import { parseCommentBody } from "../../lib/model/commentBody";

type Node = JSONContent;
const para = (...content: Node[]): Node => ({ type: "doc", content: [{ type: "paragraph", content }] });
const text = (t: string, marks?: { type: string; attrs?: Record<string, string> }[]): Node => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

describe("linkifyBody: addresses typed as plain text become links when the comment is sent", () => {
  it("links an address that ends the comment (the editor's autolink waits for a space after it)", () => {
    expect(linkifyBody(para(text("see https://example.com/agenda")))).toEqual(
      para(text("see "), text("https://example.com/agenda", [{ type: "link", attrs: { href: "https://example.com/agenda" } }])),
    );
  });

  it("links bare domains as https and mail addresses as mailto, keeping the text's other marks", () => {
    const out = linkifyBody(para(text("ask ops@example.com or example.org now", [{ type: "bold" }])));
    expect(out.content![0]!.content).toEqual([
      text("ask ", [{ type: "bold" }]),
      text("ops@example.com", [{ type: "bold" }, { type: "link", attrs: { href: "mailto:ops@example.com" } }]),
      text(" or ", [{ type: "bold" }]),
      text("example.org", [{ type: "bold" }, { type: "link", attrs: { href: "https://example.org" } }]),
      text(" now", [{ type: "bold" }]),
    ]);
  });

  it("leaves links, code and mentions alone, and reaches into lists", () => {
    const linked = text("https://a.example", [{ type: "link", attrs: { href: "https://b.example" } }]);
    const code = text("https://c.example", [{ type: "code" }]);
    const mention = { type: "mention", attrs: { id: "u1", label: "Ana" } };
    expect(linkifyBody(para(linked, code, mention))).toEqual(para(linked, code, mention));
    const list: Node = { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("https://d.example")] }] }] }] };
    expect(JSON.stringify(linkifyBody(list))).toContain('"href":"https://d.example"');
  });

  it("gives bodies the server accepts", () => {
    expect(parseCommentBody(linkifyBody(para(text("plan at https://example.com/x?y=1 and mail ops@example.com")))).ok).toBe(true);
  });
});
