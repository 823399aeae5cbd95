"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { InvitationSummary, MemberSummary } from "../../lib/protocol/appServices";
import { presenceColorFor } from "../../lib/protocol/presenceColor";
import { ASSIGNABLE_ROLES, type Role } from "../../lib/protocol/roles";
import { apiRequest, type ApiResult } from "../ui/apiRequest";
import { Dialog } from "../ui/Dialog";
import { controlClass } from "../ui/Field";
import { Avatar } from "./Avatar";
import { ROLE_HINTS, ROLE_LABELS } from "./roleLabels";
import { formatDayOf } from "../../lib/format/dates";

/** Mounted while open: every opening starts from a fresh list and no stale messages. */
interface MembersDialogProps {
  boardId: string;
  onClose: () => void;
  /** Owners invite, change roles, remove and withdraw; everyone else sees the list. */
  canManage: boolean;
  selfId: string;
}

interface MemberList {
  members: MemberSummary[];
  invitations: InvitationSummary[];
}

const smallButton =
  "w-16 shrink-0 rounded-md px-2 py-1 text-center text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800";

/** Who is on the board and with which role; owners manage it here. Every API error is shown inline. */
export function MembersDialog({ boardId, onClose, canManage, selfId }: MembersDialogProps) {
  const router = useRouter();
  const base = `/api/boards/${boardId}`;
  const [list, setList] = useState<MemberList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((result: ApiResult<MemberList>) => {
    if (result.ok) setList(result.value);
    else setError(result.error);
  }, []);
  const load = async () => show(await apiRequest<MemberList>("GET", `${base}/members`));

  useEffect(() => {
    let live = true;
    void apiRequest<MemberList>("GET", `${base}/members`).then((result) => live && show(result));
    return () => {
      live = false;
    };
  }, [base, show]);

  /** Runs one change, then re-reads the list so what is shown is what the server holds. */
  async function act<T>(method: string, path: string, body: unknown, done?: (value: T) => string): Promise<ApiResult<T>> {
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await apiRequest<T>(method, path, body);
    if (!result.ok) setError(result.error);
    else if (done) setNotice(done(result.value));
    await load();
    setBusy(false);
    return result;
  }

  // The server answers the same whether or not the address has an account (nobody learns who
  // has one), so the notice says what happens in both cases: a link by mail, accepted once.
  const invite = (email: string, role: Role) =>
    act<{ status: "invited" }>(
      "POST",
      `${base}/members`,
      { email, role },
      () => `Invitation sent to ${email}. They join as ${ROLE_LABELS[role].toLowerCase()} once they open the link in it and accept.`,
    );

  async function leave() {
    setBusy(true);
    setError(null);
    const result = await apiRequest("DELETE", `${base}/members/${selfId}`);
    if (result.ok) return router.push("/");
    setError(result.error);
    setBusy(false);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Members"
      description={canManage ? "Invite people by email and decide what each may do." : "Who is on this board. Only an owner can change it."}
      width="max-w-xl"
      testId="members-dialog"
    >
      <div className="flex flex-col gap-5">
        {canManage && <InviteForm busy={busy} onInvite={invite} />}
        {error && (
          <p role="alert" data-testid="members-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="members-notice" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-500/10 dark:text-emerald-300">
            {notice}
          </p>
        )}
        {!list ? (
          !error && <p className="text-sm text-slate-500 dark:text-slate-400">Loading members…</p>
        ) : (
          <>
            <section aria-label="Members">
              <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
                On this board ({list.members.length})
              </h3>
              <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
                {list.members.map((m) => {
                  const self = m.id === selfId;
                  return (
                    <li key={m.id} data-testid="member" data-email={m.email} data-role={m.role} className="flex items-center gap-3 py-2">
                      <Avatar name={m.name || m.email} color={presenceColorFor(m.id)} />
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-medium">
                          {m.name || m.email}
                          {self && <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>}
                        </p>
                        <p className="truncate text-xs text-slate-500 dark:text-slate-400">{m.email}</p>
                      </div>
                      {canManage ? (
                        <select
                          aria-label={`Role of ${m.name || m.email}`}
                          value={m.role}
                          disabled={busy}
                          onChange={(e) => {
                            const next = e.target.value as Role;
                            void act("PATCH", `${base}/members/${m.id}`, { role: next }, () => `${m.name || m.email} is now ${ROLE_LABELS[next].toLowerCase()}.`);
                          }}
                          className={`${controlClass} w-32 shrink-0 py-1 text-xs`}
                        >
                          {ASSIGNABLE_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                          {ROLE_LABELS[m.role]}
                        </span>
                      )}
                      {self ? (
                        <button type="button" disabled={busy} onClick={() => void leave()} className={smallButton}>
                          Leave
                        </button>
                      ) : canManage ? (
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={`Remove ${m.name || m.email}`}
                          onClick={() => void act("DELETE", `${base}/members/${m.id}`, undefined, () => `${m.name || m.email} was removed from the board.`)}
                          className={`${smallButton} text-rose-600 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-500/10`}
                        >
                          Remove
                        </button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
            {canManage && list.invitations.length > 0 && (
              <section aria-label="Pending invitations">
                <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  Invited, not yet accepted ({list.invitations.length})
                </h3>
                <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
                  {list.invitations.map((i) => (
                    <li key={i.id} data-testid="invitation" data-email={i.email} className="flex items-center gap-3 py-2">
                      <span aria-hidden className="inline-flex size-7 items-center justify-center rounded-full border border-dashed border-slate-300 text-xs text-slate-400 dark:border-slate-600">
                        @
                      </span>
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm">{i.email}</p>
                        <p className="text-xs text-slate-500 dark:text-slate-400">{invitationState(i.expiresAt)}</p>
                      </div>
                      <span className="text-xs text-slate-500 dark:text-slate-400">{ROLE_LABELS[i.role]}</span>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Resend the invitation of ${i.email}`}
                        onClick={() => void act("POST", `${base}/invitations/${i.id}`, undefined, () => `A new invitation link was sent to ${i.email}; the earlier one no longer works.`)}
                        className={smallButton}
                      >
                        Resend
                      </button>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Withdraw the invitation of ${i.email}`}
                        onClick={() => void act("DELETE", `${base}/invitations/${i.id}`, undefined, () => `The invitation of ${i.email} was withdrawn.`)}
                        className={smallButton}
                      >
                        Withdraw
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

/** Whether an invitation's link still works, in words. */
function invitationState(expiresAt: string | null): string {
  if (!expiresAt || Date.parse(expiresAt) <= Date.now()) return "Link expired: resend it";
  return `Link works until ${formatDayOf(expiresAt, { now: new Date() })}`;
}

function InviteForm({ busy, onInvite }: { busy: boolean; onInvite: (email: string, role: Role) => Promise<ApiResult<unknown>> }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await onInvite(email.trim(), role)).ok) setEmail("");
  }

  return (
    <form onSubmit={submit} aria-label="Invite by email" className="flex flex-col gap-2">
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="invite-email">
          Email address to invite
        </label>
        <input
          id="invite-email"
          type="email"
          required
          placeholder="name@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={`${controlClass} min-w-0 flex-1`}
        />
        <label className="sr-only" htmlFor="invite-role">
          Role
        </label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={`${controlClass} w-32 shrink-0`}>
          {ASSIGNABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
        >
          Invite
        </button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{ROLE_HINTS[role]}</p>
    </form>
  );
}
