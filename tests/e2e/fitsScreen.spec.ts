import { expect, test, type Locator, type Page } from "@playwright/test";
import { addMember, createBoard, newPerson, openBoard } from "./people";

/**
 * A phone, the narrowest laptop and a common desktop. At each, every control of the board's
 * header and toolbar is visible, wholly on screen, and does what it says, whether it stands in
 * its bar or in the bar's "⋯" menu; side panels never leave the timeline too narrow to use.
 */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;
/** panelPlacement.ts: the narrowest the view gets beside docked panels. */
const MIN_VIEW_WIDTH = 560;

test.describe.configure({ timeout: 120_000 });

type EntryRole = "menuitem" | "menuitemradio";

/**
 * A control where a person finds it at this width: `inline` if the bar shows it, else the entry
 * named `entry` of the overflow menu `menu` (which it opens). Either way it is visible, wholly
 * in the viewport and not covered (a trial click), and returned for the real click.
 */
async function reach(page: Page, inline: Locator, menu: string, entry: string, role: EntryRole = "menuitem"): Promise<Locator> {
  if (await inline.isVisible()) {
    await expect(inline).toBeInViewport({ ratio: 1 });
    await inline.click({ trial: true });
    return inline;
  }
  const more = page.getByTestId(menu);
  await expect(more, `${entry}: neither in the bar nor behind its menu`).toBeVisible();
  await expect(more).toBeInViewport({ ratio: 1 });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  const item = page.getByRole("menu").getByRole(role, { name: entry, exact: true });
  await expect(item).toBeVisible();
  await expect(item).toBeInViewport({ ratio: 1 });
  await item.click({ trial: true });
  return item;
}

/** A control that is always in its bar: visible, wholly on screen and clickable. */
async function inView(control: Locator): Promise<Locator> {
  await expect(control).toBeVisible();
  await expect(control).toBeInViewport({ ratio: 1 });
  await control.click({ trial: true });
  return control;
}

/** Opens a dialog through `control` and closes it again with Escape. */
async function opensDialog(page: Page, control: Locator, testId: string) {
  await control.click();
  const dialog = page.getByTestId(testId);
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

/** Opens a side panel through `control`, checks it is on screen and leaves the timeline usable, and closes it. */
async function opensPanel(page: Page, control: Locator, testId: string, closeLabel: string) {
  await control.click();
  const panel = page.getByTestId(testId);
  await expect(panel).toBeVisible();
  await expect(panel).toBeInViewport({ ratio: 0.9 });
  const close = await inView(panel.getByRole("button", { name: closeLabel }));
  await close.click();
  await expect(panel).toBeHidden();
}

for (const screen of SCREENS) {
  test(`at ${screen.width} px every header and toolbar control is on screen and works, in its bar or its menu`, async ({ browser }) => {
    const owner = await newPerson(browser, `Fit Owner ${screen.width}`);
    const peer = await newPerson(browser, `Fit Presenter ${screen.width}`);
    const board = await createBoard(owner.page.request, `A roadmap with a long enough title to need room ${screen.width}`);
    await addMember(owner.page.request, board.id, peer.account.email, "editor");
    await openBoard(peer.page, `/boards/${board.id}`);
    const page = owner.page;
    await page.setViewportSize(screen);
    await openBoard(page, `/boards/${board.id}`);
    const wide = screen.width >= 1024;

    // The header: the title, the people, the board's actions, the connection, the inbox.
    await expect(page.getByLabel("Board title")).toBeInViewport();
    const avatar = page.getByTestId("presence").getByRole("button", { name: new RegExp(`^(Follow|Stop following) ${peer.account.name}$`) });
    await (await inView(avatar)).click();
    await expect(avatar).toHaveAttribute("aria-pressed", "true");
    await avatar.click();
    await expect(avatar).toHaveAttribute("aria-pressed", "false");
    const lead = await inView(page.getByTestId("follow-me"));
    await lead.click();
    await expect(lead).toHaveAttribute("aria-pressed", "true");
    await lead.click();
    await expect(lead).toHaveAttribute("aria-pressed", "false");
    // "Bring everyone here" beside it, from a tablet up (a phone's header has no room for it).
    if (screen.width >= 640) await inView(page.getByTestId("bring-here"));
    else await expect(page.getByTestId("bring-here")).toBeHidden();
    await opensDialog(page, await reach(page, page.getByRole("button", { name: "Members", exact: true }), "board-menu", "Members"), "members-dialog");
    await opensDialog(page, await reach(page, page.getByRole("button", { name: "Share", exact: true }), "board-menu", "Share"), "share-dialog");
    await opensDialog(page, await reach(page, page.getByRole("button", { name: "Delete board" }), "board-menu", "Delete board"), "delete-board-dialog");
    await inView(page.getByTestId("connection-status"));
    await inView(page.getByTestId("inbox-button"));

    // The toolbar: views, zoom, history, critical path, comments, conflicts, setup, versions, compare, add item.
    for (const view of ["Phases", "Table", "Timeline"]) {
      const tab = await inView(page.getByRole("tab", { name: view }));
      await tab.click();
      await expect(tab).toHaveAttribute("aria-selected", "true");
    }
    for (const scale of ["Weeks", "Quarters", "Months"]) {
      await (await reach(page, page.getByRole("radio", { name: scale }), "toolbar-more", scale, "menuitemradio")).click();
      await expect(await reach(page, page.getByRole("radio", { name: scale }), "toolbar-more", scale, "menuitemradio")).toHaveAttribute("aria-checked", "true");
      if (await page.getByRole("menu").isVisible()) await page.keyboard.press("Escape");
    }
    if (wide) await opensDialog(page, await inView(page.getByRole("button", { name: "Keyboard shortcuts" })), "shortcuts-help");
    const critical = () => reach(page, page.getByRole("button", { name: "Critical path" }), "toolbar-more", "Critical path", "menuitemradio");
    await (await critical()).click();
    await expect(await critical()).toHaveAttribute(screen.width >= 1280 ? "aria-pressed" : "aria-checked", "true");
    if (await page.getByRole("menu").isVisible()) await page.keyboard.press("Escape");
    await (await critical()).click();
    await opensPanel(page, await inView(page.getByTestId("comments-toggle")), "threads-panel", "Close comments");
    await opensPanel(page, await inView(page.getByTestId("conflict-summary")), "conflicts-panel", "Close conflicts");
    await opensPanel(page, await reach(page, page.getByTestId("requests-toggle"), "toolbar-more", "Requests", "menuitemradio"), "requests-panel", "Close requests");
    await opensDialog(page, await reach(page, page.getByRole("button", { name: "Board setup" }), "toolbar-more", "Board setup"), "board-setup");
    await opensPanel(page, await reach(page, page.getByRole("button", { name: "Versions", exact: true }), "toolbar-more", "Versions", "menuitemradio"), "versions-panel", "Close versions");
    await opensDialog(page, await reach(page, page.getByTestId("compare-open"), "toolbar-more", "Compare versions"), "compare-dialog");
    await (await reach(page, page.getByRole("button", { name: "Add item" }), "toolbar-more", "Add item")).click();
    await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
    const itemPanel = page.getByTestId("item-panel");
    await expect(itemPanel).toBeInViewport({ ratio: 0.9 });
    await (await inView(itemPanel.getByRole("button", { name: "Close panel" }))).click();
    await expect(itemPanel).toBeHidden();
    if (wide) {
      // From a laptop up, undo and redo stand in the bar (a phone keeps them on the keyboard).
      await (await inView(page.getByRole("button", { name: "Undo" }))).click();
      await expect(page.getByTestId("item-bar")).toHaveCount(0);
      await (await inView(page.getByRole("button", { name: "Redo" }))).click();
      await expect(page.getByTestId("item-bar")).toHaveCount(1);
    }

    // Last, the way out: the account menu and its "Sign out".
    await (await inView(page.getByTestId("user-menu"))).click();
    const signOut = page.getByRole("menuitem", { name: "Sign out" });
    await expect(signOut).toBeInViewport({ ratio: 1 });
    await signOut.click();
    await expect(page).toHaveURL(/\/signin/);
  });
}

test("side panels lie over the timeline where docking them would leave it too narrow", async ({ browser }) => {
  const { page } = await newPerson(browser, "Fit Panels");
  const board = await createBoard(page.request, "Panels");
  for (const screen of [SCREENS[1], SCREENS[2]]) {
    await page.setViewportSize(screen);
    await openBoard(page, `/boards/${board.id}`);
    await page.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByTestId("item-panel")).toHaveAttribute("data-placement", "docked");
    await page.getByTestId("conflict-summary").click();
    await page.getByTestId("comments-toggle").click();
    // Three panels beside the timeline would leave it a strip: they lie over it instead.
    for (const id of ["item-panel", "conflicts-panel", "threads-panel"]) await expect(page.getByTestId(id)).toHaveAttribute("data-placement", "overlay");
    const timeline = (await page.getByTestId("timeline").boundingBox())!;
    expect(timeline.width).toBeGreaterThanOrEqual(MIN_VIEW_WIDTH);
    // The one on top (the item's, opened last in the page's order) is wholly on screen and closes.
    await page.getByRole("button", { name: "Close panel" }).click();
    await page.getByRole("button", { name: "Close comments" }).click();
    await expect(page.getByTestId("conflicts-panel")).toHaveAttribute("data-placement", "docked");
  }
});

test("on a phone a person reads the board, follows the presenter and comments", async ({ browser }) => {
  const reader = await newPerson(browser, "Phone Reader");
  const presenter = await newPerson(browser, "Phone Presenter");
  const board = await createBoard(presenter.page.request, "On the go");
  await addMember(presenter.page.request, board.id, reader.account.email, "commenter");
  await openBoard(presenter.page, `/boards/${board.id}`);
  const page = reader.page;
  await page.setViewportSize(SCREENS[0]);
  await openBoard(page, `/boards/${board.id}`);

  // The lane names take a narrow column: most of the phone's width is left to the bars.
  const timeline = (await page.getByTestId("timeline").boundingBox())!;
  const laneColumn = (await page.getByTestId("lane-header").first().boundingBox())!;
  expect(timeline.width - laneColumn.width).toBeGreaterThanOrEqual(0.6 * SCREENS[0].width);
  await expect(page.getByTestId("lane-header").first().getByText(/\S/).first()).toBeVisible();

  // The presenter asks everyone to follow; the phone follows their zoom.
  await presenter.page.getByTestId("follow-me").click();
  await presenter.page.getByRole("radio", { name: "Quarters" }).click();
  await expect(page.getByRole("button", { name: `Stop following ${presenter.account.name}` })).toBeVisible();
  await page.getByTestId("toolbar-more").click();
  await expect(page.getByRole("menuitemradio", { name: "Quarters" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");

  // A comment on the board, written and posted on the phone.
  await page.getByTestId("comments-toggle").click();
  const panel = page.getByTestId("threads-panel");
  await expect(panel).toBeInViewport({ ratio: 0.9 });
  await panel.getByRole("button", { name: "Comment on the board" }).click();
  await panel.getByTestId("comment-editor").click();
  await page.keyboard.type("Readable on my phone");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("thread").filter({ hasText: "Readable on my phone" })).toBeInViewport();
});
