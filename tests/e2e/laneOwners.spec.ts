import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

/**
 * Lanes with owners (issue 19, docs/teams.md), as three people use them: the board's owner
 * makes Ben the owner of Development and asks other editors to propose; Cy, an editor of
 * Service design, sees the lane locked, cannot change its work (the page says why, the server
 * would refuse it anyway), and still edits her own lane; Ben edits his.
 */
test.describe.configure({ timeout: 120_000 });
const LIVE = { timeout: 5_000 };
const SHOTS = "test-results/lane-owners";

async function drag(page: Page, title: string, dx: number) {
  const box = (await barNamed(page, title).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

test("the owner assigns a lane's team; another editor's edits of it stop with the reason, their own lane stays theirs", async ({ browser, baseURL }) => {
  const ana = await newPerson(browser, "Ana Owner");
  const ben = await newPerson(browser, "Ben Platform");
  const cy = await newPerson(browser, "Cy Design");
  const board = await createBoard(ana.page.request, "Teams on one roadmap");
  await addMember(ana.page.request, board.id, ben.account.email, "editor");
  await addMember(ana.page.request, board.id, cy.account.email, "editor");
  await seedItems(ana.page.request, baseURL!, board.id, [
    { title: "API gateway", lane: "Development", startOffset: 7, duration: 5 },
    { title: "Journey map", lane: "Service design", startOffset: 7, duration: 5 },
  ]);
  const path = `/boards/${board.id}`;
  await openBoard(ana.page, path);
  await openBoard(cy.page, path);
  await openBoard(ben.page, path);

  // Ana, in Board setup: Ben owns Development; editors of other lanes propose.
  await ana.page.getByRole("button", { name: "Board setup" }).click();
  const lanes = ana.page.getByTestId("lanes-editor");
  const development = lanes.getByTestId("lane-row").filter({ has: ana.page.getByLabel("Lane name").and(ana.page.locator('[value="Development"]')) });
  await development.getByTestId("lane-owners-picker").locator("summary").click();
  await development.getByRole("checkbox", { name: "Ben Platform" }).check();
  await expect(development.getByTestId("lane-owners-picker").locator("summary")).toHaveText("Ben Platform", LIVE);
  await lanes.getByTestId("lane-policy").selectOption("propose");
  await ana.page.screenshot({ path: `${SHOTS}/setup.png` });
  await ana.page.keyboard.press("Escape");

  // Cy sees Development owned by Ben and locked for her; her own lane is not.
  const devHeader = cy.page.getByTestId("lane-header").filter({ hasText: "Development" });
  await expect(devHeader.getByTestId("lane-owners")).toHaveAttribute("data-locked", "true", LIVE);
  await expect(devHeader.getByTestId("lane-owners")).toHaveAttribute("aria-label", /owned by Ben Platform; you propose changes/);
  const gateway = barNamed(cy.page, "API gateway");
  const before = await gateway.getAttribute("data-start");
  await drag(cy.page, "API gateway", 160);
  await expect(cy.page.getByText(/Development is owned by Ben Platform: propose the change/)).toBeVisible();
  await expect(gateway).toHaveAttribute("data-start", before!);
  await cy.page.screenshot({ path: `${SHOTS}/cy-stopped.png` });
  // Its panel is read-only for her.
  await gateway.click();
  await expect(cy.page.getByTestId("item-fields").getByLabel("Title", { exact: true })).toBeDisabled();
  await cy.page.keyboard.press("Escape");

  // Her own lane is hers: the drag moves it, and everyone sees it.
  const journeyStart = await barNamed(cy.page, "Journey map").getAttribute("data-start");
  await drag(cy.page, "Journey map", 160);
  await expect(barNamed(ana.page, "Journey map")).not.toHaveAttribute("data-start", journeyStart!, LIVE);

  // Ben edits his lane's work; Cy sees it. The connection of neither was refused.
  const benGateway = barNamed(ben.page, "API gateway");
  await drag(ben.page, "API gateway", 160);
  await expect(gateway).not.toHaveAttribute("data-start", before!, LIVE);
  await expect(cy.page.getByTestId("lane-refused")).toBeHidden();
  await expect(benGateway).toBeVisible();

  // The policy is the owner's to set: the API refuses Cy.
  const refused = await cy.page.request.put(`/api/boards/${board.id}/lane-policy`, { data: { policy: "open" } });
  expect(refused.status()).toBe(403);
});
