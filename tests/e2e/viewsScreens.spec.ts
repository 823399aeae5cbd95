import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

/**
 * Screenshots of the phase board and the table in light and dark mode, mid-drag, with the panel,
 * at a laptop's width and as a viewer, for a person to look at (not assertions). Run with
 * WAYMARK_SCREENSHOTS=<folder> npx playwright test viewsScreens.
 */
test.describe("screenshots", () => {
  const folder = process.env.WAYMARK_SCREENSHOTS;
  test.skip(!folder, "set WAYMARK_SCREENSHOTS=<folder> to take screenshots");

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the phase board and the table of the demo board, ${colorScheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
      await signIn(context.request, DEMO.owner);
      const page = await context.newPage();
      await page.goto("/");
      await page.getByTestId("board-link").first().click();
      await expect(page.getByTestId("timeline")).toBeVisible();
      await page.getByRole("tab", { name: "Phases" }).click();
      await expect(page.getByTestId("phase-card").first()).toBeVisible();
      await page.screenshot({ path: `${folder}/views-phases-${colorScheme}.png` });
      // Mid-drag: the ghost under the pointer, the drop line where it lands.
      const from = (await page.getByTestId("phase-card").nth(1).boundingBox())!;
      const to = (await page.getByTestId("phase-column").nth(1).getByTestId("phase-card").nth(1).boundingBox())!;
      await page.mouse.move(from.x + 40, from.y + 20);
      await page.mouse.down();
      await page.mouse.move(to.x + 60, to.y + 6, { steps: 10 });
      await page.screenshot({ path: `${folder}/views-phases-drag-${colorScheme}.png` });
      await page.keyboard.press("Escape");
      await page.mouse.up();
      await page.getByTestId("phase-card").first().click();
      await expect(page.getByTestId("item-panel")).toBeVisible();
      await page.screenshot({ path: `${folder}/views-phases-panel-${colorScheme}.png` });
      // Keyboard focus on a card, at a laptop's width.
      await page.setViewportSize({ width: 1024, height: 720 });
      await page.getByTestId("phase-card").nth(2).focus();
      await page.keyboard.press("ArrowDown");
      await page.screenshot({ path: `${folder}/views-phases-focus-1024-${colorScheme}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole("tab", { name: "Table" }).click();
      await expect(page.getByTestId("table-row").first()).toBeVisible();
      await page.screenshot({ path: `${folder}/views-table-panel-${colorScheme}.png` });
      await page.getByRole("button", { name: "Close panel" }).click();
      await page.getByTestId("table-row").nth(2).hover();
      await page.screenshot({ path: `${folder}/views-table-${colorScheme}.png` });
      await page.getByLabel("Filter by phase").selectOption({ label: "MVP" });
      await page.getByTestId("sort-start").click();
      await page.getByTestId("sort-start").click();
      await page.screenshot({ path: `${folder}/views-table-filtered-${colorScheme}.png` });
      await context.close();
    });
  }

  test("the views as a viewer sees them", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await signIn(context.request, DEMO.viewer);
    const page = await context.newPage();
    await page.goto("/");
    await page.getByTestId("board-link").first().click();
    await page.getByRole("tab", { name: "Phases" }).click();
    await expect(page.getByTestId("phase-card").first()).toBeVisible();
    await page.screenshot({ path: `${folder}/views-phases-viewer.png` });
    await page.getByRole("tab", { name: "Table" }).click();
    await page.getByTestId("table-row").first().click();
    await page.screenshot({ path: `${folder}/views-table-viewer.png` });
    await context.close();
  });
});
