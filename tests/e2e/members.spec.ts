import { expect, test } from "@playwright/test";
import { addMember, createBoard, freshAccount, newPerson, openBoard } from "./people";

/** Role changes reach open boards within a second (the sync server applies them at once). */
const LIVE = { timeout: 1_000 };
/** Two people, invitations by mail and several role changes: 30 s was met only on a calm machine. */
test.describe.configure({ timeout: 90_000 });

test("the owner manages members in the dialog and an open board follows each change", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Otto Owner");
  const { page: mia, account: miaAccount } = await newPerson(browser, "Mia Member");
  const board = await createBoard(owner.context().request, "Team board");
  await addMember(owner.context().request, board.id, miaAccount.email, "editor");
  await openBoard(owner, `/boards/${board.id}`);
  await openBoard(mia, `/boards/${board.id}`);
  await expect(mia.getByRole("button", { name: "Add item" })).toBeVisible();
  await expect(mia.getByTestId("read-only-banner")).toHaveCount(0);

  await owner.getByRole("button", { name: "Members" }).click();
  const dialog = owner.getByTestId("members-dialog");
  const miaRow = dialog.getByTestId("member").filter({ hasText: miaAccount.email });
  await expect(miaRow).toHaveAttribute("data-role", "editor");

  // Downgrade: Mia's open board turns read-only and says so.
  await miaRow.getByLabel(`Role of ${miaAccount.name}`).selectOption("viewer");
  await expect(dialog.getByTestId("members-notice")).toHaveText(`${miaAccount.name} is now viewer.`);
  await expect(mia.getByTestId("read-only-banner")).toContainText("changed your role", LIVE);
  await expect(mia.getByTestId("read-only-banner")).toContainText("View only — your role is viewer");
  await expect(mia.getByRole("button", { name: "Add item" })).toHaveCount(0);

  // As a viewer Mia sees the members but cannot change them.
  await mia.getByRole("button", { name: "Members" }).click();
  const miaDialog = mia.getByTestId("members-dialog");
  await expect(miaDialog.getByTestId("member")).toHaveCount(2);
  await expect(miaDialog.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(miaDialog.getByRole("combobox")).toHaveCount(0);
  await mia.keyboard.press("Escape");

  // Upgrade: back to editor; her board picks it up when she returns to the tab.
  await miaRow.getByLabel(`Role of ${miaAccount.name}`).selectOption("editor");
  await mia.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(mia.getByTestId("read-only-banner")).toHaveCount(0);
  await expect(mia.getByRole("button", { name: "Add item" })).toBeVisible();

  // Errors are shown in the dialog: Mia is already a member.
  await dialog.getByLabel("Email address to invite").fill(miaAccount.email);
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByTestId("members-error")).toHaveText(`${miaAccount.email} is already a member; change their role instead.`);

  // An invitation (the notice is the same whether or not the address has an account), resent, then withdrawn.
  const later = freshAccount("Lee Later");
  await dialog.getByLabel("Email address to invite").fill(later.email);
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByTestId("members-notice")).toHaveText(
    `Invitation sent to ${later.email}. They join as editor once they open the link in it and accept.`,
  );
  const invitation = dialog.getByTestId("invitation").filter({ hasText: later.email });
  await expect(invitation).toBeVisible();
  await invitation.getByRole("button", { name: `Resend the invitation of ${later.email}` }).click();
  await expect(dialog.getByTestId("members-notice")).toContainText("A new invitation link was sent");
  await invitation.getByRole("button", { name: `Withdraw the invitation of ${later.email}` }).click();
  await expect(invitation).toHaveCount(0);

  // Removal: Mia's open board is disconnected at once.
  await miaRow.getByRole("button", { name: `Remove ${miaAccount.name}` }).click();
  await expect(dialog.getByTestId("member")).toHaveCount(1);
  await expect(mia.getByTestId("connection-status")).toHaveText("You no longer have access", LIVE);

  await owner.context().close();
  await mia.context().close();
});

test("deleting a board asks first, then removes it for everyone", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Dora Deleter");
  const { page: ed, account: edAccount } = await newPerson(browser, "Ed Editor");
  const board = await createBoard(owner.context().request, "Short-lived board");
  await addMember(owner.context().request, board.id, edAccount.email, "editor");
  await openBoard(owner, `/boards/${board.id}`);
  await openBoard(ed, `/boards/${board.id}`);
  // Only owners get the button.
  await expect(ed.getByRole("button", { name: "Delete board" })).toHaveCount(0);

  await owner.getByRole("button", { name: "Delete board" }).click();
  const confirm = owner.getByTestId("delete-board-dialog");
  await expect(confirm).toContainText("Delete “Short-lived board”?");
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toHaveCount(0);
  await owner.getByRole("button", { name: "Delete board" }).click();
  await confirm.getByRole("button", { name: "Delete board for everyone" }).click();
  await owner.waitForURL("/");
  await expect(owner.getByTestId("board-link").filter({ hasText: "Short-lived board" })).toHaveCount(0);
  await expect(ed.getByTestId("connection-status")).toHaveText("This board no longer exists", LIVE);

  await owner.context().close();
  await ed.context().close();
});
