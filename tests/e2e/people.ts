import { expect, type Browser, type Page } from "@playwright/test";

/**
 * A person at their own laptop: a separate browser context (own storage, own socket) with a
 * known presence name, so tests can look for each other by name.
 */
export async function personAt(browser: Browser, name: string, color: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([n, c]) => window.localStorage.setItem("waymark.identity", JSON.stringify({ name: n, color: c })),
    [name, color] as const,
  );
  return context.newPage();
}

/** Opens a board and waits until it is synced and drawn (not the loading placeholder). */
export async function openBoard(page: Page, boardPath: string): Promise<void> {
  await page.goto(boardPath);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("timeline")).toBeVisible();
}

/** An item's bar on the timeline by title (not its chip in the unscheduled tray). */
export function barNamed(page: Page, title: string) {
  return page.getByTestId("item-bar").and(page.getByRole("button", { name: title, exact: true }));
}
