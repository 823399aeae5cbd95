import { test, expect } from "@playwright/test";
import { DEMO, barNamed, openBoard, personAt } from "./people";

/**
 * Screenshots of the auth pages, the board per role and the dialogs, for a person to look at
 * (not assertions). Run with WAYMARK_SCREENSHOTS=<folder> npx playwright test screens.
 */
const folder = process.env.WAYMARK_SCREENSHOTS;
test.skip(!folder, "set WAYMARK_SCREENSHOTS=<folder> to take screenshots");

test("screenshots of sign-in, sign-up, the board per role and the dialogs", async ({ browser }) => {
  test.setTimeout(60_000);
  const shot = (page: import("@playwright/test").Page, name: string) => page.screenshot({ path: `${folder}/${name}.png` });

  const anon = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await anon.goto("/signin");
  await anon.getByLabel("Email").fill(DEMO.owner.email);
  await anon.getByLabel("Password").fill("wrong password");
  await anon.getByRole("button", { name: "Sign in" }).click();
  await expect(anon.getByTestId("auth-error")).toBeVisible();
  await shot(anon, "01-signin-error");
  await anon.goto("/signup");
  await shot(anon, "02-signup");

  const ana = await personAt(browser, DEMO.owner);
  await ana.goto("/");
  await shot(ana, "03-home");
  await ana.getByTestId("board-link").first().click();
  await expect(ana.getByTestId("timeline")).toBeVisible();
  const boardPath = new URL(ana.url()).pathname;
  const dev = await personAt(browser, DEMO.viewer);
  await openBoard(dev, boardPath);
  await expect(ana.getByTestId("presence-peer")).toHaveCount(1);
  await shot(ana, "04-board-owner");
  await ana.setViewportSize({ width: 1024, height: 700 });
  await shot(ana, "04b-board-owner-1024");
  await ana.setViewportSize({ width: 1440, height: 900 });
  await ana.getByTestId("user-menu").click();
  await shot(ana, "05-user-menu");
  await ana.keyboard.press("Escape");

  const firstBar = dev.getByTestId("item-bar").first();
  await firstBar.click();
  await expect(dev.getByTestId("item-panel")).toBeVisible();
  await shot(dev, "06-board-viewer");
  await dev.getByRole("button", { name: "Members" }).click();
  await expect(dev.getByTestId("member")).toHaveCount(4);
  await shot(dev, "07-members-viewer");

  await ana.getByRole("button", { name: "Members" }).click();
  await ana.getByLabel("Email address to invite").fill("someone.new@example.com");
  await ana.getByRole("button", { name: "Invite" }).click();
  await expect(ana.getByTestId("members-notice")).toBeVisible();
  await shot(ana, "08-members-owner");
  await ana.getByLabel("Email address to invite").fill("not an email");
  await ana.getByLabel("Email address to invite").evaluate((el: HTMLInputElement) => (el.type = "text"));
  await ana.getByRole("button", { name: "Invite" }).click();
  await expect(ana.getByTestId("members-error")).toBeVisible();
  await shot(ana, "09-members-error");
  await ana.keyboard.press("Escape");

  await ana.getByRole("button", { name: "Share" }).click();
  await ana.getByRole("button", { name: "Create view-only link" }).click();
  const url = await ana.getByTestId("share-url").inputValue();
  await shot(ana, "10-share");
  await ana.keyboard.press("Escape");
  await ana.getByRole("button", { name: "Delete board" }).click();
  await shot(ana, "11-delete-confirm");
  await ana.keyboard.press("Escape");

  const guest = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await guest.goto(url);
  await expect(guest.getByTestId("timeline")).toBeVisible();
  await expect(barNamed(guest, (await firstBar.getAttribute("data-title"))!)).toBeVisible();
  await shot(guest, "12-share-guest");
});
