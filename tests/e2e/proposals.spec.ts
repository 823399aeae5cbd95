import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import * as Y from "yjs";
import { addCalendarDays, date } from "../../lib/model/dates";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";
import { rawWrite, seedItems } from "./seedBoard";

/**
 * Suggest mode with two people (docs/teams.md "Proposals"): the board's owner makes Pia the
 * Platform lane's owner and asks editors to propose; Dan, who designs, drags a Platform item,
 * which is stopped and becomes a proposal with his reason; Pia sees the ghost and the inbox entry and accepts;
 * both see the item moved. (Decline and counter: tests/server/proposals.test.ts.)
 */
test.describe.configure({ timeout: 120_000 });

const LIVE = { timeout: 5_000 };
/** Pixels per day at the Weeks zoom. */
const DAY = 24;

/** axe on the page as it is now: no serious or critical findings (as tests/e2e/accessibility.spec.ts). */
async function audit(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const findings = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(findings, `axe findings on ${what}`).toEqual([]);
}

async function lanesAndPolicy(page: Page, boardId: string, platformLane: string, ownerId: string) {
  const owners = await page.request.put(`/api/boards/${boardId}/lanes/${platformLane}/owners`, { data: { userIds: [ownerId] } });
  expect(owners.status(), await owners.text()).toBe(200);
  const policy = await page.request.put(`/api/boards/${boardId}/lane-policy`, { data: { policy: "propose" } });
  expect(policy.status(), await policy.text()).toBe(200);
}

test("a design editor's drag of a Platform item becomes a proposal; the Platform owner sees its ghost and inbox entry and accepts; both see the item moved", async ({ browser, baseURL }) => {
  const ana = await newPerson(browser, "Ana Owner");
  const pia = await newPerson(browser, "Pia Platform");
  const dan = await newPerson(browser, "Dan Design");
  const board = await createBoard(ana.page.request, "Teams");
  await addMember(ana.page.request, board.id, pia.account.email, "editor");
  await addMember(ana.page.request, board.id, dan.account.email, "editor");
  // The method's Development lane is the Platform team's here.
  let platformLane = "";
  await rawWrite(
    ana.page.request,
    baseURL!,
    board.id,
    (doc) => {
      for (const [id, lane] of doc.getMap<Y.Map<unknown>>("lanes")) {
        if (lane.get("name") === "Development") {
          lane.set("name", "Platform");
          platformLane = id;
        }
      }
    },
    (snap) => snap.lanes.some((l) => l.name === "Platform"),
  );
  await seedItems(ana.page.request, baseURL!, board.id, [{ title: "API gateway", lane: "Platform", startOffset: 14, duration: 5 }]);
  await lanesAndPolicy(ana.page, board.id, platformLane, pia.id);

  await openBoard(dan.page, `/boards/${board.id}`);
  await openBoard(pia.page, `/boards/${board.id}`);
  const start = date((await barNamed(dan.page, "API gateway").getAttribute("data-start"))!);
  const later = addCalendarDays(start, 7);

  // Dan drags the gateway a week later: the lane is Platform's, so the drag is stopped and
  // offers to become a proposal, the dialog filled in with where he dropped it.
  await dan.page.getByRole("radio", { name: "Weeks" }).click();
  const bar = barNamed(dan.page, "API gateway");
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  const from = { x: box.x + 12, y: box.y + box.height / 2 };
  await dan.page.mouse.move(from.x, from.y);
  await dan.page.mouse.down();
  await dan.page.mouse.move(from.x + 3.5 * DAY, from.y, { steps: 5 });
  await dan.page.mouse.move(from.x + 7 * DAY, from.y, { steps: 5 });
  await dan.page.mouse.up();
  await expect(dan.page.getByTestId("board-toast")).toContainText("Platform is owned by Pia Platform");
  await dan.page.getByTestId("board-toast-action").click();
  const dialog = dan.page.getByTestId("propose-dialog");
  await expect(dialog.getByLabel("Start", { exact: true })).toHaveValue(later);
  await dialog.getByLabel("Why", { exact: true }).fill("The journey research ends a week later");
  await audit(dan.page, "the propose dialog");
  await dialog.getByRole("button", { name: "Send proposal" }).click();
  await expect(dialog).toBeHidden();
  // Nothing moved: it is a proposal, drawn as a ghost at the proposed dates for everyone.
  await expect(barNamed(dan.page, "API gateway")).toHaveAttribute("data-start", start);
  await expect(dan.page.getByTestId("proposal-ghost")).toHaveAttribute("data-start", later, LIVE);
  const ghost = pia.page.getByTestId("proposal-ghost");
  await expect(ghost).toHaveAttribute("data-start", later, LIVE);
  await expect(ghost).toContainText("Dan Design");

  // Pia's inbox has it.
  await expect(pia.page.getByTestId("inbox-unread")).toHaveText("1", LIVE);

  // The proposals panel lists it under Platform.
  // (In the bar from 1536 px; on this laptop, in the toolbar's More menu.)
  await pia.page.getByTestId("toolbar-more").click();
  await pia.page.getByRole("menuitemradio", { name: "Proposals (1)" }).click();
  const lane = pia.page.locator(`[data-testid="proposals-lane"][data-lane-id="${platformLane}"]`);
  await expect(lane.getByTestId("proposal-row")).toContainText("API gateway");
  await audit(pia.page, "the proposals panel with a ghost on the timeline");
  await pia.page.getByRole("button", { name: "Close proposals" }).click();

  // She opens the ghost from the keyboard (who, why) and accepts.
  await ghost.focus();
  await pia.page.keyboard.press("Enter");
  const card = pia.page.getByTestId("proposal-popover").getByTestId("proposal-card");
  await expect(card.getByTestId("proposal-author")).toHaveText("Dan Design");
  await expect(card.getByTestId("proposal-reason")).toHaveText("The journey research ends a week later");
  await audit(pia.page, "an open proposal");
  await card.getByRole("button", { name: "Accept" }).click();

  // Both see the item moved, and the ghost gone.
  await expect(barNamed(pia.page, "API gateway")).toHaveAttribute("data-start", later, LIVE);
  await expect(barNamed(dan.page, "API gateway")).toHaveAttribute("data-start", later, LIVE);
  await expect(dan.page.getByTestId("proposal-ghost")).toHaveCount(0, LIVE);
  await expect(pia.page.getByTestId("proposal-ghost")).toHaveCount(0);

  // The item's history names both: Pia accepted Dan's proposal.
  await barNamed(pia.page, "API gateway").click();
  await pia.page.getByTestId("item-tab-history").click();
  await expect(pia.page.getByTestId("item-panel")).toContainText("Pia Platform accepted Dan Design's proposal and moved", LIVE);
});
