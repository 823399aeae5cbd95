import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, freshAccount, laptop, newPerson, openBoard, signIn, signUp } from "./people";
import { seedItems } from "./seedBoard";

/**
 * Import and export as people use them (issue 18): the board menu's downloads, and the import
 * dialog — a file chosen, its columns mapped, a preview with each row's error before anything is
 * written, a new board or one change to the open board that everyone sees live.
 */

const LIVE = { timeout: 2_000 };

// Several people, their laptops and a build: more than the default half minute on a shared machine.
test.describe.configure({ timeout: 120_000 });

async function boardCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/boards");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { boards: unknown[] }).boards.length;
}

async function openBoardMenu(page: Page) {
  await page.getByTestId("board-menu").click();
  return page.getByRole("menu", { name: "Board menu" });
}

async function download(page: Page, testId: string): Promise<string> {
  await openBoardMenu(page);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function seriousAxeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include("[data-testid=import-dialog]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("every member downloads the board as CSV, Waymark JSON, MS Project XML and iCalendar from the board menu", async ({ browser, baseURL }) => {
  const { page } = await newPerson(browser, "Exporter");
  const board = await createBoard(page.request, "Export roadmap");
  await seedItems(page.request, baseURL!, board.id, [{ title: "Export me please", duration: 5, status: "planned", startOffset: 7 }]);
  await openBoard(page, `/boards/${board.id}`);

  const csv = await download(page, "export-csv");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain("Export me please");
  expect(csv).toContain("\r\n");

  const json = JSON.parse(await download(page, "export-json")) as { format: string; items: { title: string }[] };
  expect(json.format).toBe("waymark-board");
  expect(json.items.map((i) => i.title)).toContain("Export me please");

  const xml = await download(page, "export-mspdi");
  expect(xml).toContain("<Project");
  expect(xml).toContain("<Name>Export me please</Name>");

  const ics = await download(page, "export-ics");
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  await expectNoCspViolations(page);
});

test("a CSV with a bad row shows the row's error and writes nothing; fixing the mapping imports it as a new board", async ({ browser }) => {
  const { page } = await newPerson(browser, "Importer");
  await page.goto("/");
  const before = await boardCount(page.request);
  await page.getByRole("button", { name: "Import from a file…" }).click();
  const dialog = page.getByTestId("import-dialog");
  await expect(dialog).toBeVisible();
  const csv = [
    "Title,Team,Start,Days,Due",
    "Discovery interviews,Research,2027-03-01,5,2027-03-05",
    "Pilot signage,Design,2027-03-08,3,Q3",
    "Launch event,Design,2027-03-15,2,",
  ].join("\n");
  await dialog.getByLabel("File to import").setInputFiles({ name: "service plan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The mapping step: each column with its first values and the guessed field.
  const mapping = dialog.getByTestId("csv-mapping");
  await expect(mapping.getByRole("row", { name: /Team/ })).toContainText("Research · Design");
  await expect(dialog.getByLabel("Import column “Team” as")).toHaveValue("lane");
  await expect(dialog.getByLabel("Import column “Due” as")).toHaveValue("finish");
  await expect(dialog.getByLabel("Format")).toHaveValue("csv");

  // The preview: the bad row's error in words, and no way to import.
  await expect(dialog.getByTestId("import-errors")).toContainText("Row 3: Finish Q3 is not a date");
  await expect(dialog.getByTestId("import-submit")).toBeDisabled();
  await page.screenshot({ path: "test-results/import-csv-error.png" });
  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(await boardCount(page.request)).toBe(before);

  // The column was not a date at all: ignore it, and the preview draws the board.
  await dialog.getByLabel("Import column “Due” as").selectOption({ label: "Ignore" });
  await expect(dialog.getByTestId("import-errors")).toHaveCount(0);
  await expect(dialog.getByTestId("import-counts")).toContainText("Ready to import 3 items");
  const preview = dialog.getByTestId("import-preview-board");
  await expect(preview.getByText("Pilot signage")).toBeVisible();
  await expect(preview.getByText("Research").first()).toBeVisible();
  await expect(dialog.getByTestId("import-submit")).toBeEnabled();
  await page.screenshot({ path: "test-results/import-csv-preview.png" });
  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(await boardCount(page.request)).toBe(before);

  await dialog.getByLabel("Title of the new board").fill("Imported service plan");
  await dialog.getByTestId("import-submit").click();
  await page.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("board-title-input")).toHaveValue("Imported service plan");
  await expect(barNamed(page, "Discovery interviews")).toBeVisible();
  await expect(barNamed(page, "Pilot signage")).toBeVisible();
  expect(await boardCount(page.request)).toBe(before + 1);
  await expectNoCspViolations(page);
});

test("a file dropped over the limit is refused before it is read", async ({ browser }) => {
  const { page } = await newPerson(browser, "Big file");
  await page.goto("/");
  await page.getByRole("button", { name: "Import from a file…" }).click();
  const dialog = page.getByTestId("import-dialog");
  // Dropped, as from a file manager: a 21 MB file made in the page.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(21 * 1024 * 1024)], "huge.csv", { type: "text/csv" }));
    return transfer;
  });
  await dialog.getByTestId("import-drop").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(dialog.getByRole("alert")).toContainText("The file is 21.0 MB; Waymark imports files up to 20 MB.");
  await expect(dialog.getByTestId("import-submit")).toBeDisabled();
});

test("an editor imports a Waymark JSON file into the board, everyone sees it live, one Undo takes it back, and a viewer has no Import", async ({ browser, baseURL }) => {
  // The owner's board, open on their laptop.
  const { page: owner } = await newPerson(browser, "Board owner");
  const board = await createBoard(owner.request, "Shared plan");
  await seedItems(owner.request, baseURL!, board.id, [{ title: "Already here", duration: 3, status: "planned", startOffset: 2 }]);

  // A file from another board: its JSON export.
  const other = await createBoard(owner.request, "Elsewhere");
  await seedItems(owner.request, baseURL!, other.id, [{ title: "Brought over", duration: 4, status: "in_progress", startOffset: 5 }]);
  const exported = await owner.request.get(`/api/boards/${other.id}/export?format=json`);
  expect(exported.ok()).toBe(true);
  const json = await exported.text();

  const editor = freshAccount("Importing editor");
  const viewer = freshAccount("Just looking");
  const editorContext = await laptop(browser);
  const viewerContext = await laptop(browser);
  await signUp(editorContext.request, editor);
  await signUp(viewerContext.request, viewer);
  await addMember(owner.request, board.id, editor.email, "editor");
  await addMember(owner.request, board.id, viewer.email, "viewer");
  await signIn(editorContext.request, editor);
  await signIn(viewerContext.request, viewer);

  await openBoard(owner, `/boards/${board.id}`);
  const editorPage = await editorContext.newPage();
  await openBoard(editorPage, `/boards/${board.id}`);

  // The viewer exports but cannot import.
  const viewerPage = await viewerContext.newPage();
  await openBoard(viewerPage, `/boards/${board.id}`);
  const viewerMenu = await openBoardMenu(viewerPage);
  await expect(viewerMenu.getByRole("menuitem", { name: "Export as CSV (spreadsheet)" })).toBeVisible();
  await expect(viewerMenu.getByRole("menuitem", { name: /Import/ })).toHaveCount(0);

  const menu = await openBoardMenu(editorPage);
  await menu.getByRole("menuitem", { name: "Import into this board…" }).click();
  const dialog = editorPage.getByTestId("import-dialog");
  await dialog.getByLabel("File to import").setInputFiles({ name: "elsewhere.waymark.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await expect(dialog.getByLabel("Format")).toHaveValue("json");
  await expect(dialog.getByTestId("import-counts")).toContainText("Ready to import 1 item,");
  // The preview is this board with the file in it.
  const preview = dialog.getByTestId("import-preview-board");
  await expect(preview.getByText("Already here")).toBeVisible();
  await expect(preview.getByText("Brought over")).toBeVisible();
  await editorPage.screenshot({ path: "test-results/import-json-into-preview.png" });
  // Nothing is written by the preview.
  await expect(barNamed(owner, "Brought over")).toHaveCount(0);

  await dialog.getByTestId("import-submit").click();
  await expect(dialog).toBeHidden();
  await expect(barNamed(owner, "Brought over")).toBeVisible(LIVE);
  await expect(barNamed(editorPage, "Brought over")).toBeVisible();
  const toast = editorPage.getByTestId("board-toast");
  await expect(toast).toContainText("Imported 1 item");
  await editorPage.screenshot({ path: "test-results/import-json-into-toast.png" });
  await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();
  // The toast opens the version the server kept before writing: the board without the import.
  await toast.getByRole("button", { name: "See the board before" }).click();
  const past = editorPage.getByTestId("past-board");
  await expect(past).toBeVisible();
  await expect(past.getByText("Already here")).toBeVisible();
  await expect(past.getByText("Brought over")).toHaveCount(0);
  // The import is the editor's own change: one Undo takes it all back, for everyone; Redo brings it again.
  await editorPage.getByTestId("replay-banner").getByRole("button", { name: "Back to now" }).click();
  await editorPage.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(barNamed(owner, "Brought over")).toHaveCount(0, LIVE);
  await expect(barNamed(editorPage, "Already here")).toBeVisible();
  await editorPage.getByRole("button", { name: "Redo", exact: true }).click();
  await expect(barNamed(owner, "Brought over")).toBeVisible(LIVE);
  await expectNoCspViolations(editorPage);
});
