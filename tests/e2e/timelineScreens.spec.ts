import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./people";

/**
 * Screenshots of the timeline at each zoom, in light and dark mode, with its gestures in
 * progress (a new item being drawn, a dependency being drawn, the bar menu, a folded lane),
 * for a person to look at (not assertions). Run with
 *   WAYMARK_SCREENSHOTS=<folder> npx playwright test timelineScreens
 */
const folder = process.env.WAYMARK_SCREENSHOTS;
test.skip(!folder, "set WAYMARK_SCREENSHOTS=<folder> to take screenshots");

async function demoBoard(browser: Browser, colorScheme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
  await signIn(context.request, DEMO.owner);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByTestId("board-link").first().click();
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("item-bar").first()).toBeVisible();
  return page;
}

for (const scheme of ["light", "dark"] as const) {
  test(`timeline screenshots (${scheme})`, async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await demoBoard(browser, scheme);
    const shot = (name: string) => page.screenshot({ path: `${folder}/timeline-${scheme}-${name}.png` });
    for (const zoom of ["Weeks", "Months", "Quarters"]) {
      await page.getByRole("radio", { name: zoom }).click();
      await shot(`zoom-${zoom.toLowerCase()}`);
    }
    await page.getByRole("radio", { name: "Weeks" }).click();

    // A bar hovered (its link handle), then a dependency being drawn onto another bar.
    const bars = page.getByTestId("item-bar");
    const first = (await bars.nth(0).boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    const handle = (await bars.nth(0).getByTestId("link-handle").boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    const target = (await bars.nth(3).boundingBox())!;
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    await shot("link-drag");
    await page.keyboard.press("Escape");
    await page.mouse.up();

    // A new item being drawn on empty space at the bottom of the first lane.
    const lane = (await page.getByTestId("lane-header").nth(0).boundingBox())!;
    const canvas = (await page.getByTestId("timeline-canvas").boundingBox())!;
    const y = lane.y + lane.height - 12;
    await page.mouse.move(canvas.x + 500, y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 640, y, { steps: 6 });
    await shot("create-drag");
    await page.keyboard.press("Escape");
    await page.mouse.up();

    // The bar menu, opened from the keyboard.
    await bars.nth(1).focus();
    await page.keyboard.press("Shift+F10");
    await expect(page.getByTestId("bar-menu")).toBeVisible();
    await shot("bar-menu");
    await page.keyboard.press("Escape");

    // Two lanes folded away.
    await page.getByTestId("lane-toggle").nth(1).click();
    await page.getByTestId("lane-toggle").nth(2).click();
    await shot("collapsed-lanes");
    await page.getByRole("radio", { name: "Months" }).click();
    await shot("collapsed-lanes-months");
    // Unfold again: the choice is kept in this browser and would follow the next run.
    await page.getByTestId("lane-toggle").nth(1).click();
    await page.getByTestId("lane-toggle").nth(2).click();
    await page.context().close();
  });
}
