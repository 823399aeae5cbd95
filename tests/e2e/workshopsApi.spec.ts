import { expect, test } from "@playwright/test";
import { addMember, createBoard, newPerson } from "./people";
import { seedItems } from "./seedBoard";

/**
 * The workshop routes through the real Next.js app and the real server (docs/workshops.md):
 * who may do what, hidden counts, private drafts and the record, as a browser's requests see it.
 */
test("the workshop API: start, vote with hidden counts, draft privately, reveal, end and read the record", async ({ browser, baseURL }) => {
  const owner = await newPerson(browser, "Ws Owner");
  const commenter = await newPerson(browser, "Ws Commenter");
  const viewer = await newPerson(browser, "Ws Viewer");
  const board = await createBoard(owner.page.request, "Workshop API");
  await addMember(owner.page.request, board.id, commenter.account.email, "commenter");
  await addMember(owner.page.request, board.id, viewer.account.email, "viewer");
  const ids = await seedItems(owner.page.request, baseURL!, board.id, [{ title: "Portal" }, { title: "Chatbot" }, { title: "Kiosk" }]);
  const base = `/api/boards/${board.id}`;
  const [o, c, v] = [owner.page.request, commenter.page.request, viewer.page.request];

  expect(await (await v.get(`${base}/workshop`)).json()).toMatchObject({ workshop: null });
  expect((await c.post(`${base}/workshop`, { data: { title: "No", agenda: [{ title: "x", minutes: 5 }] } })).status()).toBe(403);
  const agenda = [
    { title: "Draft", minutes: 5, kind: "draft" },
    { title: "Vote", minutes: 5, kind: "vote" },
  ];
  const started = await o.post(`${base}/workshop`, { data: { title: "MVP cut", agenda } });
  expect(started.status(), await started.text()).toBe(201);
  const wid = ((await started.json()) as { workshop: { id: string } }).workshop.id;
  expect((await o.post(`${base}/workshop`, { data: { title: "Again", agenda } })).status()).toBe(409);
  const ws = `${base}/workshop/${wid}`;

  const drafted = await c.post(`${ws}/drafts`, { data: { title: "Self-service kiosk", size: "S" } });
  expect(drafted.status(), await drafted.text()).toBe(201);
  const draftId = ((await drafted.json()) as { draft: { id: string } }).draft.id;
  expect(((await (await o.get(`${ws}/drafts`)).json()) as { drafts: unknown[] }).drafts).toEqual([]);
  expect((await o.patch(`${ws}/drafts/${draftId}`, { data: { title: "Mine now" } })).status()).toBe(404);
  expect((await v.post(`${ws}/drafts`, { data: { title: "Viewer" } })).status()).toBe(403);
  const revealed = await o.post(`${ws}/drafts/reveal`, { data: { target: { kind: "tray" } } });
  expect(revealed.status(), await revealed.text()).toBe(200);
  expect(((await revealed.json()) as { itemIds: string[] }).itemIds).toHaveLength(1);

  expect((await o.post(`${ws}/actions`, { data: { action: "next-step" } })).status()).toBe(200);
  const opened = await o.post(`${ws}/votes`, { data: { title: "MVP", scope: { kind: "selection", itemIds: [...ids.values()] } } });
  expect(opened.status(), await opened.text()).toBe(201);
  const voteId = ((await opened.json()) as { workshop: { vote: { id: string } } }).workshop.vote.id;
  const portal = ids.get("Portal")!;
  const cast = await c.post(`${ws}/votes/${voteId}/ballots`, { data: { itemId: portal, delta: 1 } });
  expect(cast.status(), await cast.text()).toBe(200);
  expect(await cast.json()).toMatchObject({ workshop: { vote: { counts: null, voters: 1 }, mine: { votes: { [portal]: 1 }, remaining: 2 } } });
  expect((await v.post(`${ws}/votes/${voteId}/ballots`, { data: { itemId: portal, delta: 1 } })).status()).toBe(403);
  expect(await (await o.get(`${base}/workshop`)).json()).toMatchObject({ workshop: { vote: { counts: null }, mine: { votes: {} } } });
  const shown = await o.post(`${ws}/votes/${voteId}/state`, { data: { state: "revealed" } });
  expect(((await shown.json()) as { workshop: { vote: { counts: Record<string, number> } } }).workshop.vote.counts[portal]).toBe(1);

  expect((await v.get(`${base}/workshops/${wid}`)).status()).toBe(409);
  expect((await o.post(`${ws}/actions`, { data: { action: "end" } })).status()).toBe(200);
  const record = (await (await v.get(`${base}/workshops/${wid}`)).json()) as { record: { votes: { ranked: { title: string }[] }[]; drafts: { title: string }[] } };
  expect(record.record.votes[0]!.ranked.map((r) => r.title)).toEqual(["Portal"]);
  expect(record.record.drafts.map((d) => d.title)).toEqual(["Self-service kiosk"]);
  const md = await v.get(`${base}/workshops/${wid}/record.md`);
  expect(md.headers()["content-type"]).toMatch(/^text\/markdown/);
  expect(await md.text()).toContain(`[Portal](/boards/${board.id}?item=${portal})`);
  const list = (await (await c.get(`${base}/workshops`)).json()) as { workshops: { id: string }[] };
  expect(list.workshops.map((w) => w.id)).toEqual([wid]);
});
