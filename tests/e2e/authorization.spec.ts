import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { addMember, createBoard, freshAccount, signIn, signUp } from "./people";

/**
 * The HTTP authorization matrix (docs/roles.md): every API route × every kind of caller,
 * each cell an exact status. A refused write also proves that nothing changed (read back as
 * the owner); an allowed write by the owner acts on a throwaway target and checks its effect.
 */
const WHO = ["owner", "editor", "commenter", "viewer", "guest", "outsider", "anonymous"] as const;
type Who = (typeof WHO)[number];

interface World {
  as: Record<Who, APIRequestContext>;
  /** User ids; `target` is a viewer whose role and membership the cells change. */
  ids: Record<"owner" | "editor" | "commenter" | "viewer" | "outsider" | "target", string>;
  targetEmail: string;
  boardId: string;
  /** The share link the guest holds. */
  secret: string;
  linkId: string;
}

let w: World;

test.beforeAll(async ({ browser }) => {
  // One cookie jar per caller; guest and anonymous never sign in.
  const as = {} as Record<Who, APIRequestContext>;
  for (const who of WHO) as[who] = (await browser.newContext()).request;
  const ids = {} as World["ids"];
  const emails: Record<string, string> = {};
  for (const who of ["owner", "editor", "commenter", "viewer", "outsider"] as const) {
    const account = freshAccount(`Matrix ${who}`);
    ids[who] = await signUp(as[who], account);
    await signIn(as[who], account);
    emails[who] = account.email;
  }
  const target = freshAccount("Matrix target");
  ids.target = await signUp(as.anonymous, target);
  const board = await createBoard(as.owner, "Authorization matrix");
  for (const role of ["editor", "commenter", "viewer"] as const) await addMember(as.owner, board.id, emails[role]!, role);
  await addMember(as.owner, board.id, target.email, "viewer");
  const link = (await (await as.owner.post(`/api/boards/${board.id}/share-links`)).json()) as { id: string; secret: string };
  w = { as, ids, targetEmail: target.email, boardId: board.id, secret: link.secret, linkId: link.id };
});

const board = () => `/api/boards/${w.boardId}`;
const json = async (r: APIResponse) => (await r.json()) as Record<string, unknown>;
/** What the owner sees: the state a refused write must leave alone. */
const membersState = async () => json(await w.as.owner.get(`${board()}/members`));
const linksState = async () => json(await w.as.owner.get(`${board()}/share-links`));
const ownerCreates = async (path: string, data?: unknown) => json(await w.as.owner.post(path, data === undefined ? {} : { data }));
/** A comment body as the editor sends it (Tiptap JSON). */
const say = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
/** Threads as the owner sees them: what a refused comment write must leave alone. */
const threadsState = async () => (await w.as.owner.get(`${board()}/threads`)).json() as Promise<unknown>;
/** Starts a thread on the board as `who`; its id and its first comment's. */
async function threadBy(who: Who): Promise<{ threadId: string; commentId: string }> {
  const response = await w.as[who].post(`${board()}/threads`, { data: { anchor: { kind: "board" }, body: say(`Started by ${who}`) } });
  expect(response.status(), await response.text()).toBe(201);
  const thread = (await response.json()) as { id: string; comments: { id: string }[] };
  return { threadId: thread.id, commentId: thread.comments[0]!.id };
}
const COMMENTERS = { owner: 201, editor: 201, commenter: 201, viewer: 403, guest: 401, outsider: 404, anonymous: 401 };
const SIGNED_IN = { owner: 200, editor: 200, commenter: 200, viewer: 200, outsider: 200, guest: 401, anonymous: 401 };

interface Row {
  route: string;
  expected: Record<Who, number>;
  /** Makes the throwaway target of this cell (as the owner) before anything is compared. */
  prepare?: () => Promise<string>;
  send: (as: APIRequestContext, who: Who, target: string) => Promise<APIResponse>;
  /** Read as the owner before and after a refused call: must be equal. */
  unchanged?: () => Promise<unknown>;
  /** After an allowed call: its effect, and putting things back. */
  allowed?: (response: APIResponse, who: Who) => Promise<void>;
}

const READ_BY_MEMBERS = { owner: 200, editor: 200, commenter: 200, viewer: 200, guest: 401, outsider: 404, anonymous: 401 };
const OWNER_ONLY = (ok: number) => ({ owner: ok, editor: 403, commenter: 403, viewer: 403, guest: 401, outsider: 404, anonymous: 401 });

const ROWS: Row[] = [
  {
    route: "GET /api/boards",
    expected: { ...READ_BY_MEMBERS, outsider: 200 },
    send: (as) => as.get("/api/boards"),
    allowed: async (r, who) => {
      const listed = ((await r.json()) as { boards: { id: string }[] }).boards.map((b) => b.id);
      // Everyone's own list: the board is on it exactly for its members.
      expect(listed.includes(w.boardId)).toBe(who !== "outsider");
    },
  },
  {
    route: "POST /api/boards",
    expected: { owner: 201, editor: 201, commenter: 201, viewer: 201, outsider: 201, guest: 401, anonymous: 401 },
    send: (as) => as.post("/api/boards", { data: { title: "Anyone signed in may start a board" } }),
  },
  {
    route: "GET /api/boards/:id",
    expected: READ_BY_MEMBERS,
    send: (as) => as.get(board()),
    allowed: async (r, who) => expect((await r.json()).role).toBe(who),
  },
  {
    route: "DELETE /api/boards/:id",
    expected: OWNER_ONLY(204),
    unchanged: async () => (await w.as.owner.get(board())).status(),
    // The owner deletes a board of its own, not the one every other cell needs.
    send: async (as, who) => {
      if (who !== "owner") return as.delete(board());
      const throwaway = (await ownerCreates("/api/boards", { title: "Throwaway" })).board as { id: string };
      const response = await as.delete(`/api/boards/${throwaway.id}`);
      expect((await as.get(`/api/boards/${throwaway.id}`)).status()).toBe(404);
      return response;
    },
  },
  {
    route: "GET /api/boards/:id/members",
    expected: READ_BY_MEMBERS,
    send: (as) => as.get(`${board()}/members`),
    allowed: async (r, who) => {
      const body = (await r.json()) as { members: unknown[]; invitations: unknown[] };
      expect(body.members).toHaveLength(5);
      // Pending invitations name people who have not joined: owners only.
      if (who !== "owner") expect(body.invitations).toEqual([]);
    },
  },
  {
    route: "POST /api/boards/:id/members",
    expected: OWNER_ONLY(201),
    unchanged: membersState,
    send: (as) => as.post(`${board()}/members`, { data: { email: freshAccount("Invitee").email, role: "editor" } }),
    allowed: async (r) => {
      expect((await r.json()).status).toBe("invited");
      const { invitations } = (await membersState()) as { invitations: { id: string }[] };
      for (const i of invitations) await w.as.owner.delete(`${board()}/invitations/${i.id}`);
    },
  },
  {
    route: "PATCH /api/boards/:id/members/:userId",
    expected: OWNER_ONLY(204),
    unchanged: membersState,
    send: (as) => as.patch(`${board()}/members/${w.ids.target}`, { data: { role: "commenter" } }),
    allowed: async () => {
      const { members } = (await membersState()) as { members: { id: string; role: string }[] };
      expect(members.find((m) => m.id === w.ids.target)?.role).toBe("commenter");
      expect((await w.as.owner.patch(`${board()}/members/${w.ids.target}`, { data: { role: "viewer" } })).status()).toBe(204);
    },
  },
  {
    route: "DELETE /api/boards/:id/members/:userId (someone else)",
    expected: OWNER_ONLY(204),
    unchanged: membersState,
    send: (as) => as.delete(`${board()}/members/${w.ids.target}`),
    allowed: async () => {
      const { members } = (await membersState()) as { members: { id: string }[] };
      expect(members.map((m) => m.id)).not.toContain(w.ids.target);
      await addMember(w.as.owner, w.boardId, w.targetEmail, "viewer");
    },
  },
  {
    // Anyone may leave; the last owner may not (a board needs one), outsiders are not there.
    route: "DELETE /api/boards/:id/members/:userId (themselves)",
    expected: { owner: 409, editor: 204, commenter: 204, viewer: 204, guest: 401, outsider: 404, anonymous: 401 },
    unchanged: membersState,
    send: (as, who) => as.delete(`${board()}/members/${who in w.ids ? w.ids[who as keyof World["ids"]] : w.ids.viewer}`),
    allowed: async (_r, who) => {
      const { members } = (await membersState()) as { members: { id: string; email: string }[] };
      expect(members.map((m) => m.id)).not.toContain(w.ids[who as keyof World["ids"]]);
      // Back on the board with the same role, for the cells that follow.
      const email = ((await json(await w.as[who].get("/api/auth/session"))).user as { email: string }).email;
      await addMember(w.as.owner, w.boardId, email, who);
    },
  },
  {
    route: "DELETE /api/boards/:id/invitations/:invitationId",
    expected: OWNER_ONLY(204),
    unchanged: membersState,
    prepare: async () => {
      await ownerCreates(`${board()}/members`, { email: freshAccount("Pending").email, role: "viewer" });
      const { invitations } = (await membersState()) as { invitations: { id: string }[] };
      return invitations[0]!.id;
    },
    send: (as, _who, invitationId) => as.delete(`${board()}/invitations/${invitationId}`),
    allowed: async () => expect((await membersState()).invitations).toEqual([]),
  },
  {
    route: "GET /api/boards/:id/share-links",
    expected: OWNER_ONLY(200),
    send: (as) => as.get(`${board()}/share-links`),
  },
  {
    route: "POST /api/boards/:id/share-links",
    expected: OWNER_ONLY(201),
    unchanged: linksState,
    send: (as) => as.post(`${board()}/share-links`),
    allowed: async (r) => {
      const link = (await r.json()) as { id: string; secret: string; path: string };
      expect(link.path).toBe(`/share/${link.secret}`);
      expect((await w.as.owner.delete(`${board()}/share-links/${link.id}`)).status()).toBe(204);
    },
  },
  {
    route: "DELETE /api/boards/:id/share-links/:linkId",
    expected: OWNER_ONLY(204),
    unchanged: linksState,
    send: async (as, who) => {
      // The owner revokes a link of its own; everyone else tries the guest's.
      const id = who === "owner" ? ((await ownerCreates(`${board()}/share-links`)).id as string) : w.linkId;
      return as.delete(`${board()}/share-links/${id}`);
    },
  },
  {
    route: "GET /api/boards/:id/threads",
    expected: READ_BY_MEMBERS,
    send: (as) => as.get(`${board()}/threads`),
    allowed: async (r) => expect(Array.isArray(await r.json())).toBe(true),
  },
  {
    route: "POST /api/boards/:id/threads",
    expected: COMMENTERS,
    unchanged: threadsState,
    send: (as) => as.post(`${board()}/threads`, { data: { anchor: { kind: "board" }, body: say("A new thread") } }),
    allowed: async (r, who) => {
      // The author is whoever is signed in, never something the body says.
      const thread = (await r.json()) as { createdBy: { id: string }; comments: { author: { id: string } }[] };
      expect(thread.createdBy.id).toBe(w.ids[who as keyof World["ids"]]);
      expect(thread.comments[0]!.author.id).toBe(w.ids[who as keyof World["ids"]]);
    },
  },
  {
    route: "POST /api/boards/:id/threads/:threadId/comments",
    expected: COMMENTERS,
    unchanged: threadsState,
    prepare: async () => (await threadBy("owner")).threadId,
    send: (as, _who, threadId) => as.post(`${board()}/threads/${threadId}/comments`, { data: { body: say("A reply") } }),
    allowed: async (r, who) => expect(((await r.json()) as { author: { id: string } }).author.id).toBe(w.ids[who as keyof World["ids"]]),
  },
  {
    // The owner's thread: editors and owners may resolve any, commenters only their own.
    route: "PATCH /api/boards/:id/threads/:threadId",
    expected: { owner: 200, editor: 200, commenter: 403, viewer: 403, guest: 401, outsider: 404, anonymous: 401 },
    unchanged: threadsState,
    prepare: async () => (await threadBy("owner")).threadId,
    send: (as, _who, threadId) => as.patch(`${board()}/threads/${threadId}`, { data: { resolved: true } }),
    allowed: async (r, who) => expect(((await r.json()) as { resolvedBy: { id: string } }).resolvedBy.id).toBe(w.ids[who as keyof World["ids"]]),
  },
  {
    route: "PATCH /api/boards/:id/threads/:threadId (the commenter's own)",
    expected: { owner: 200, editor: 200, commenter: 200, viewer: 403, guest: 401, outsider: 404, anonymous: 401 },
    unchanged: threadsState,
    prepare: async () => (await threadBy("commenter")).threadId,
    send: (as, _who, threadId) => as.patch(`${board()}/threads/${threadId}`, { data: { resolved: true } }),
  },
  {
    // Someone else's comment (the owner's): only its author may edit it.
    route: "PATCH /api/boards/:id/comments/:commentId",
    expected: { owner: 200, editor: 403, commenter: 403, viewer: 403, guest: 401, outsider: 404, anonymous: 401 },
    unchanged: threadsState,
    prepare: async () => (await threadBy("owner")).commentId,
    send: (as, _who, commentId) => as.patch(`${board()}/comments/${commentId}`, { data: { body: say("Edited") } }),
    allowed: async (r) => expect(((await r.json()) as { editedAt: string | null }).editedAt).not.toBeNull(),
  },
  {
    // The commenter's comment: its author or an owner may delete it.
    route: "DELETE /api/boards/:id/comments/:commentId",
    expected: { owner: 204, editor: 403, commenter: 204, viewer: 403, guest: 401, outsider: 404, anonymous: 401 },
    unchanged: threadsState,
    prepare: async () => (await threadBy("commenter")).commentId,
    send: (as, _who, commentId) => as.delete(`${board()}/comments/${commentId}`),
    // Its thread had only this comment, so the thread leaves the list.
    allowed: async (r) => {
      const gone = r.url().split("/").pop();
      const threads = (await threadsState()) as { comments: { id: string }[] }[];
      expect(threads.flatMap((t) => t.comments.map((c) => c.id))).not.toContain(gone);
    },
  },
  {
    route: "GET /api/inbox",
    expected: SIGNED_IN,
    send: (as) => as.get("/api/inbox"),
    allowed: async (r) => expect(typeof ((await r.json()) as { unread: number }).unread).toBe("number"),
  },
  {
    route: "POST /api/inbox/read",
    expected: SIGNED_IN,
    send: (as) => as.post("/api/inbox/read", { data: { all: true } }),
    allowed: async (r) => expect(await r.json()).toEqual({ unread: 0 }),
  },
  {
    // History names members and what each did: members only, not a share link (401, like /changes).
    route: "GET /api/boards/:id/history",
    expected: READ_BY_MEMBERS,
    send: (as) => as.get(`${board()}/history?from=2000-01-01T00:00:00Z&limit=5`),
    allowed: async (r) => expect(Array.isArray((await r.json()).entries)).toBe(true),
  },
  {
    route: "POST /api/boards/:id/sync-token",
    expected: READ_BY_MEMBERS,
    send: (as) => as.post(`${board()}/sync-token`),
    allowed: async (r) => expect(typeof (await r.json()).token).toBe("string"),
  },
  {
    // The link's secret is the credential: whoever holds it gets a guest token, session or not.
    route: "POST /api/share/:secret/token",
    expected: { owner: 200, editor: 200, commenter: 200, viewer: 200, guest: 200, outsider: 200, anonymous: 200 },
    send: (as) => as.post(`/api/share/${w.secret}/token`),
  },
  {
    route: "POST /api/share/:secret/token (unknown secret)",
    expected: { owner: 404, editor: 404, commenter: 404, viewer: 404, guest: 404, outsider: 404, anonymous: 404 },
    send: (as) => as.post(`/api/share/${"x".repeat(32)}/token`),
  },
];

test.describe("every API route × every caller", () => {
  for (const row of ROWS) {
    for (const who of WHO) {
      const status = row.expected[who];
      test(`${row.route} as ${who} → ${status}`, async () => {
        const refused = status >= 400;
        const target = (await row.prepare?.()) ?? "";
        const before = refused && row.unchanged ? await row.unchanged() : undefined;
        const response = await row.send(w.as[who], who, target);
        expect(response.status(), await response.text()).toBe(status);
        if (refused) {
          expect(typeof (await response.json()).error).toBe("string");
          if (row.unchanged) expect(await row.unchanged()).toEqual(before);
          // Leave no pending invitation behind for the next cell to trip over.
          if (row.prepare) await w.as.owner.delete(`${board()}/invitations/${target}`);
        } else {
          await row.allowed?.(response, who);
        }
      });
    }
  }
});

test.describe("bad input and cross-site requests change nothing", () => {
  test("owner: an unknown role is a 422 with the reason, for invitations and role changes", async () => {
    const before = await membersState();
    const invite = await w.as.owner.post(`${board()}/members`, { data: { email: "x@example.com", role: "admin" } });
    expect(invite.status()).toBe(422);
    expect((await invite.json()).error).toMatch(/role/);
    const change = await w.as.owner.patch(`${board()}/members/${w.ids.target}`, { data: { role: "superuser" } });
    expect(change.status()).toBe(422);
    const badEmail = await w.as.owner.post(`${board()}/members`, { data: { email: "not an email", role: "viewer" } });
    expect(badEmail.status()).toBe(422);
    expect((await badEmail.json()).error).toMatch(/email: must be a valid email address/);
    expect(await membersState()).toEqual(before);
  });

  test("owner: inviting someone already on the board is a 409 that says what to do", async () => {
    const before = await membersState();
    const again = await w.as.owner.post(`${board()}/members`, { data: { email: w.targetEmail, role: "editor" } });
    expect(again.status()).toBe(409);
    expect((await again.json()).error).toMatch(/already a member; change their role instead/);
    expect(await membersState()).toEqual(before);
  });

  test("a write the owner's browser is tricked into sending from another site is refused (403)", async () => {
    const before = await membersState();
    const forged = await w.as.owner.post(`${board()}/members`, {
      data: { email: freshAccount("Attacker").email, role: "owner" },
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status()).toBe(403);
    expect(await membersState()).toEqual(before);
  });

  test("comments: junk, empty, oversized and forged bodies are 422; unknown ids 404; nothing is stored", async () => {
    const before = await threadsState();
    const post = (data: unknown) => w.as.editor.post(`${board()}/threads`, { data });
    const anchor = { kind: "board" };
    for (const [data, message] of [
      [{ anchor, body: "plain string" }, /holds something comments cannot/],
      [{ anchor, body: { type: "doc", content: [{ type: "paragraph" }] } }, /This comment is empty/],
      // 60 lines of 99 characters: over the 5,000 a comment may hold.
      [{ anchor, body: { type: "doc", content: Array.from({ length: 60 }, () => say("y".repeat(99)).content[0]) } }, /This comment is too long|This comment is [\d,]+ characters long/],
      // Far over: refused by the route before it is even read in full.
      [{ anchor, body: say("A".repeat(200_000)) }, /body is too large/],
      [{ anchor, body: say("Backdated"), author: w.ids.owner, createdAt: "2001-01-01T00:00:00Z" }, /author|createdAt|Unrecognized/i],
      [{ anchor: { kind: "item", id: "../../x" }, body: say("Where") }, /anchor|id/],
      [{ anchor, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id: w.ids.outsider, label: "Out" } }] }] } }, /You can only @mention members of this board/],
    ] as const) {
      const response = await post(data);
      expect(response.status(), await response.text()).toBe(422);
      expect((await response.json()).error).toMatch(message);
    }
    expect((await post({ anchor: { kind: "item", id: "iNoSuchItem0000" }, body: say("Hi") })).status()).toBe(404);
    expect((await w.as.editor.post(`${board()}/threads/no-such-thread/comments`, { data: { body: say("Hi") } })).status()).toBe(404);
    expect((await w.as.editor.post(`${board()}/threads/${"%2E".repeat(3)}/comments`, { data: { body: say("Hi") } })).status()).toBe(404);
    expect((await w.as.editor.patch(`${board()}/comments/no-such-comment`, { data: { body: say("Hi") } })).status()).toBe(404);
    expect(await threadsState()).toEqual(before);
  });

  test("sign-up: 201 for a new email and the same 201 for a taken one, 422 with the field for bad input", async () => {
    const account = freshAccount("Sam Signup");
    const as = w.as.anonymous;
    const first = await as.post("/api/signup", { data: account });
    expect(first.status()).toBe(201);
    const twice = await as.post("/api/signup", { data: { ...account, email: account.email.toUpperCase() } });
    expect(twice.status()).toBe(201);
    expect(await twice.json()).toEqual(await first.json());
    const short = await as.post("/api/signup", { data: { ...freshAccount("Short"), password: "short" } });
    expect(short.status()).toBe(422);
    expect((await short.json()).error).toBe("password: must be at least 8 characters");
    const weak = await as.post("/api/signup", { data: { ...freshAccount("Weak"), password: "password123" } });
    expect(weak.status()).toBe(422);
    expect((await weak.json()).error).toMatch(/^password: is too easy to guess/);
    const extra = await as.post("/api/signup", { data: { ...freshAccount("Extra"), role: "owner" } });
    expect(extra.status()).toBe(422);
  });
});
