"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ScenarioView } from "../../lib/protocol/scenarios";
import { ConfirmDialog } from "../roadmap/versions/ConfirmDialog";
import { boardPath, comparePath, scenariosClient } from "./scenariosClient";

interface ScenarioBannerProps {
  scenario: ScenarioView;
  /** Editors and owners of the plan archive, reopen and discard. */
  canManage: boolean;
}

const STATE_WORDS: Record<ScenarioView["state"], string> = {
  active: "",
  archived: " · archived, read-only",
  adopted: " · adopted into the plan, read-only",
};

/**
 * Under the header of a scenario's page, in the scenarios' violet: its name, that this is NOT
 * the plan, what it is for, and what can be done with it (compare and adopt on the plan's
 * page; archive, reopen, discard). Nobody should take a what-if for the real plan.
 */
export function ScenarioBanner({ scenario, canManage }: ScenarioBannerProps) {
  const router = useRouter();
  const [discarding, setDiscarding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setState = async (state: "active" | "archived") => {
    setError(null);
    const result = await scenariosClient.update(scenario.planId, scenario.id, { state });
    if (!result.ok) setError(result.error);
  };
  const button = "rounded-md border border-violet-300 px-2 py-0.5 text-xs font-medium hover:bg-violet-100 dark:border-violet-500/40 dark:hover:bg-violet-500/20";
  return (
    <div
      role="region"
      aria-label="Scenario"
      data-testid="scenario-banner"
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-violet-300 bg-violet-50 px-4 py-1.5 text-sm text-violet-950 dark:border-violet-500/40 dark:bg-violet-500/10 dark:text-violet-100"
    >
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">
          Scenario “{scenario.name}” — not the plan{STATE_WORDS[scenario.state]}.
        </strong>{" "}
        <span className="text-violet-800 dark:text-violet-200">
          {scenario.purpose ? scenario.purpose : "Edits here change only this scenario, until someone adopts them into the plan."}
        </span>
      </p>
      <Link href={boardPath(scenario.planId)} className={button}>
        Back to the plan
      </Link>
      <Link href={comparePath(scenario.planId, scenario.id)} data-testid="scenario-compare" className={button}>
        Compare with the plan
      </Link>
      {canManage && scenario.state === "active" && (
        <button type="button" className={button} onClick={() => void setState("archived")}>
          Archive
        </button>
      )}
      {canManage && scenario.state === "archived" && (
        <button type="button" className={button} onClick={() => void setState("active")}>
          Reopen
        </button>
      )}
      {canManage && (
        <button type="button" className={`${button} text-rose-700 dark:text-rose-300`} onClick={() => setDiscarding(true)}>
          Discard
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      {discarding && (
        <ConfirmDialog
          testId="discard-scenario-dialog"
          title={`Discard “${scenario.name}”?`}
          message="The scenario and everything edited in it are deleted for everyone. The plan is not touched."
          confirmLabel="Discard scenario"
          busyLabel="Discarding…"
          danger
          onConfirm={async () => {
            const result = await scenariosClient.discard(scenario.planId, scenario.id);
            if (!result.ok) return result.error;
            router.push(boardPath(scenario.planId));
            return null;
          }}
          onClose={() => setDiscarding(false)}
        />
      )}
    </div>
  );
}
