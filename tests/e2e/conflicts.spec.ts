import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";

/** What "live" means to people in a workshop: another person's edit shows up within a second. */
const LIVE = { timeout: 1_000 };

/** Calendar days later, as YYYY-MM-DD (whole weeks keep a working day a working day). */
function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function addItem(page: Page, title: string): Promise<void> {
  await page.getByRole("button", { name: "Add item" }).click();
  const field = page.getByLabel("Title", { exact: true });
  await expect(field).toBeFocused();
  await field.fill(title);
  await field.press("Enter");
  await expect(barNamed(page, title)).toBeVisible();
}

const summary = (page: Page) => page.getByTestId("conflict-summary");

test("two people see the same conflict live, one applies the fix, both see it resolved", async ({ browser }) => {
  const { page: alice } = await newPerson(browser, "Alice");
  const { page: bob, account: bobAccount } = await newPerson(browser, "Bob");
  const board = await createBoard(alice.context().request, "Conflict drill");
  await addMember(alice.context().request, board.id, bobAccount.email, "editor");
  await openBoard(alice, `/boards/${board.id}`);
  await openBoard(bob, `/boards/${board.id}`);
  await expect(summary(alice)).toHaveAttribute("data-total", "0");

  // Alice plans two items; "Build" starts two weeks after "Design review" and then waits on it.
  await addItem(alice, "Design review");
  const reviewStart = (await barNamed(alice, "Design review").getAttribute("data-start"))!;
  await addItem(alice, "Build");
  const panel = alice.getByTestId("item-panel");
  await alice.getByLabel("Start", { exact: true }).fill(daysAfter(reviewStart, 14));
  await panel.getByLabel("Add predecessor").selectOption({ label: "Design review" });
  await panel.getByRole("button", { name: "Add", exact: true }).click();
  await expect(panel.getByTestId("dependency")).toHaveText(/Design review/);
  await expect(summary(alice)).toHaveAttribute("data-total", "0");

  // Alice pins "Build" back onto the review's start: both see one error, with the same words.
  await alice.getByLabel("Start", { exact: true }).fill(reviewStart);
  await expect(summary(alice)).toHaveAttribute("data-total", "1", LIVE);
  await expect(summary(bob)).toHaveAttribute("data-total", "1", LIVE);
  await expect(bob.getByTestId("conflict-count-error")).toHaveText("1");
  await expect(barNamed(bob, "Build").getByTestId("conflict-badge")).toHaveAttribute("data-severity", "error");
  await summary(alice).click();
  await summary(bob).click();
  const aliceConflict = alice.getByTestId("conflict");
  const bobConflict = bob.getByTestId("conflict");
  await expect(bobConflict.getByTestId("conflict-message")).toContainText("“Build”");
  await expect(bobConflict.getByTestId("conflict-message")).toContainText("“Design review”");
  expect(await aliceConflict.getByTestId("conflict-message").textContent()).toBe(
    await bobConflict.getByTestId("conflict-message").textContent(),
  );
  await expect(bob.getByTestId("conflict-group")).toContainText("Dependencies not respected");

  // Bob clicks the conflict: "Build" is selected. He applies the fix; both see it resolved.
  await bobConflict.getByTestId("conflict-message").click();
  await expect(bob.getByLabel("Title", { exact: true })).toHaveValue("Build");
  await expect(bobConflict.getByTestId("conflict-fix")).toContainText("Move “Build” to");
  await bobConflict.getByRole("button", { name: "Apply fix" }).click();
  await expect(summary(bob)).toHaveAttribute("data-total", "0", LIVE);
  await expect(summary(alice)).toHaveAttribute("data-total", "0", LIVE);
  await expect(aliceConflict).toHaveCount(0);
  const fixedStart = (await barNamed(bob, "Build").getAttribute("data-start"))!;
  expect(fixedStart > reviewStart).toBe(true);
  await expect(barNamed(alice, "Build")).toHaveAttribute("data-start", fixedStart, LIVE);

  // The critical-path view: both items drive the board's end, and the link between them shows.
  await alice.getByRole("button", { name: "Critical path" }).click();
  await expect(barNamed(alice, "Build")).toHaveAttribute("data-critical", "true");
  await expect(barNamed(alice, "Design review")).toHaveAttribute("data-critical", "true");
  await expect(alice.locator('[data-testid="dependency-arrows"] [data-kind="critical"]')).toHaveAttribute("data-count", "1");
  await expect(bob.getByTestId("item-slack")).toHaveText(/No slack/);

  // Unpinned, "Build" stays on the timeline, placed right after its predecessor.
  await bob.getByRole("button", { name: "Unpin" }).click();
  await expect(barNamed(alice, "Build")).toHaveAttribute("data-pinned", "false", LIVE);
  await expect(barNamed(alice, "Build")).toHaveAttribute("data-start", fixedStart);

  // A link that would close a loop is refused with the command's reason.
  await barNamed(bob, "Design review").click();
  await bob.getByTestId("item-panel").getByLabel("Add predecessor").selectOption({ label: "Build" });
  await bob.getByTestId("item-panel").getByRole("button", { name: "Add", exact: true }).click();
  await expect(bob.getByTestId("dependency-error")).toContainText("cycle");

  await alice.context().close();
  await bob.context().close();
});
