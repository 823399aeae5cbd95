import { expect, test } from "@playwright/test";
import { DEMO, personAt, signIn } from "./people";

test.describe("POST /api/boards", () => {
  // Any signed-in user may create boards; the demo editor has an account on every fresh server.
  test.beforeEach(async ({ request }) => signIn(request, DEMO.editor));

  const rejected: [string, string, RegExp][] = [
    ["a body that is not JSON", "title=Roadmap", /must be JSON/],
    ["a body that is not an object", JSON.stringify("Roadmap"), /must be a JSON object/],
    ["a missing title", "{}", /title: is required/],
    ["a title that is not text", JSON.stringify({ title: 42 }), /title: must be a string/],
    ["an empty title", JSON.stringify({ title: "   " }), /title: must not be empty/],
    ["a title over 200 characters", JSON.stringify({ title: "x".repeat(201) }), /at most 200 characters/],
    ["unknown fields", JSON.stringify({ title: "Roadmap", owner: "me" }), /Unrecognized key/],
  ];
  for (const [what, body, message] of rejected) {
    test(`rejects ${what} with 422 and says why`, async ({ request }) => {
      const response = await request.post("/api/boards", {
        // Raw bytes: Playwright would JSON-encode a string body once more.
        data: Buffer.from(body),
        headers: { "content-type": "application/json" },
      });
      expect(response.status()).toBe(422);
      expect((await response.json()).error).toMatch(message);
    });
  }

  test("creates a board from the template: 201, its summary, and it is listed", async ({ request }) => {
    const response = await request.post("/api/boards", { data: { title: "  Q3 service launch " } });
    expect(response.status()).toBe(201);
    const { board } = await response.json();
    expect(board).toMatchObject({ title: "Q3 service launch" });
    expect(board.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const list = await (await request.get("/api/boards")).json();
    expect(list.boards.map((b: { id: string }) => b.id)).toContain(board.id);
  });
});

test("an unknown or malformed board id is a 404 page", async ({ browser }) => {
  const page = await personAt(browser, DEMO.editor);
  for (const path of ["/boards/bdoesnotexist000000", "/boards/not%20an%20id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("This roadmap does not exist")).toBeVisible();
  }
  await page.context().close();
});
