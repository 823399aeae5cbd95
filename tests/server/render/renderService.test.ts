import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserId } from "../../../lib/model/ids";
import { renderQuerySchema } from "../../../lib/protocol/importExport";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../../helpers/testServer";

/** PDF and PNG through the service the export route calls: who may, what is refused, how often. */
let s: TestServer;
let board: TestBoard;
let viewer: UserId;
let stranger: UserId;

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Launch plan" });
  viewer = await s.createUser("viewer");
  stranger = await s.createUser("stranger");
  await s.store.setRole(board.id, viewer, "viewer");
});
afterEach(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

const q = (query: Record<string, string>) => renderQuerySchema.parse(query);

describe("PDF and PNG export", () => {
  it("every member gets a PDF and a PNG named after the board; a stranger gets not-found", async () => {
    const pdf = await s.services.renderBoard(viewer, board.id, q({ format: "pdf" }));
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.value).toMatchObject({ contentType: "application/pdf", filename: "Launch plan.pdf" });
    expect(Buffer.from(pdf.value.body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const png = await s.services.renderBoard(viewer, board.id, q({ format: "png", paper: "a3", range: "2027-01-04..2027-03-31" }));
    if (!png.ok) throw new Error(png.error.message);
    expect(png.value).toMatchObject({ contentType: "image/png", filename: "Launch plan.png", pages: 1 });
    expect(await s.services.renderBoard(stranger, board.id, q({ format: "pdf" }))).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("the query is checked: ranges forwards and at most ten years, real dates, known paper", () => {
    for (const bad of [
      { format: "pdf", range: "2027-03-01..2027-02-01" },
      { format: "pdf", range: "2027-02-30..2027-03-01" },
      { format: "pdf", range: "2000-01-01..2027-01-01" },
      { format: "pdf", range: "yesterday" },
      { format: "pdf", paper: "letter" },
      { format: "pdf", scale: "9" },
    ]) expect(renderQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(q({ format: "png", range: "2027-01-04..2027-01-04" }).range).toEqual({ from: "2027-01-04", to: "2027-01-04" });
  });

  it("a person exporting in a loop is told to wait", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await s.services.renderBoard(viewer, board.id, q({ format: "pdf", range: "2027-01-04..2027-01-31" })));
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { kind: "too-many" } });
  });
});
