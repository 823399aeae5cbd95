"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_SCENARIO_NAME, MAX_SCENARIO_PURPOSE } from "../../lib/protocol/scenarios";
import { Dialog } from "../ui/Dialog";
import { Field, inputClass } from "../ui/Field";
import { boardPath, scenariosClient } from "./scenariosClient";

/** "New scenario…": a name and a purpose; the fork opens at once for everyone to edit together. */
export function NewScenarioDialog({ planId, onClose }: { planId: string; onClose: () => void }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [purpose, setPurpose] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    if (!name.trim()) return setError("Give the scenario a name.");
    setBusy(true);
    setError(null);
    const result = await scenariosClient.create(planId, { name: name.trim(), ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
    router.push(boardPath(result.value.scenario.id));
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="New scenario"
      description="A copy of the plan as it is now, to try something out together. The plan does not change until you adopt from it."
      testId="new-scenario-dialog"
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label="Name" htmlFor="scenario-name">
          <input id="scenario-name" className={inputClass} value={name} maxLength={MAX_SCENARIO_NAME} required autoFocus onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Purpose (optional)" htmlFor="scenario-purpose" hint="What question it answers, so others know what it is for.">
          <textarea id="scenario-purpose" className={inputClass} rows={3} value={purpose} maxLength={MAX_SCENARIO_PURPOSE} onChange={(e) => setPurpose(e.target.value)} />
        </Field>
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button type="submit" disabled={busy} className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-500 disabled:opacity-60">
            {busy ? "Creating…" : "Create scenario"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
