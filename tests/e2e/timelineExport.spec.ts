import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createBoard, newPerson, openBoard } from "./people";

/** The board's PDF and PNG from the board menu's Export group: what is on screen by default, the file as drawn by the server. */
test("a member downloads the timeline as a PDF of what is on screen and as a PNG of the whole horizon", async ({ browser }) => {
  const { page } = await newPerson(browser, "Paula Planner");
  const board = await createBoard(page.context().request, "Pilot plan");
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, `/boards/${board.id}`);
  await expect(page.getByTestId("timeline")).toBeVisible();

  await page.getByTestId("board-menu").click();
  await page.getByRole("menuitem", { name: "Export as PDF or PNG…" }).click();
  const dialog = page.getByTestId("timeline-export");
  await expect(dialog.getByLabel(/What is on screen/)).toBeChecked();
  const [pdf] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("download-pdf").click()]);
  expect(pdf.suggestedFilename()).toBe("Pilot plan.pdf");
  const bytes = readFileSync((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(dialog).toHaveCount(0);

  await page.getByTestId("board-menu").click();
  await page.getByRole("menuitem", { name: "Export as PDF or PNG…" }).click();
  await dialog.getByLabel("The whole horizon").check();
  await dialog.getByLabel("A3").check();
  const [png] = await Promise.all([page.waitForEvent("download"), dialog.getByTestId("download-png").click()]);
  expect(png.suggestedFilename()).toBe("Pilot plan.png");
  const image = readFileSync((await png.path())!);
  expect(image.readUInt32BE(0)).toBe(0x89504e47);
  // A3 landscape (1190.55 pt) at 144 dpi.
  expect(image.readUInt32BE(16)).toBe(Math.round(1190.55 * 2));
});
