import type { Outcome } from "../../core/action.ts";
import type { Outputs } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import type { Ctx, RestorePlan, RestoreRun } from "./provider.ts";

export function planOutputs(plan: RestorePlan): Outputs {
  // Planned, already-current and refused-in-planning runs change nothing.
  return { "restored-from": plan.restoredFrom, changed: "false" };
}

export function reportRestore(ctx: Ctx, plan: RestorePlan, run: RestoreRun): Outcome {
  const headline = run.status === "restored" ? "✅ restored" : "⏳ requested";
  ctx.log.info(`${plan.target} ${run.status} from ${plan.restoredFrom}.`);
  if (run.safetyBackup) ctx.log.info(`Safety backup: ${run.safetyBackup}`);
  return {
    status: run.status,
    headline,
    outputs: {
      "restored-from": plan.restoredFrom,
      "safety-backup": run.safetyBackup,
      // A requested restore (wait 0) is under way: only a later read can say what the target holds.
      changed: run.status === "restored" ? "true" : "unknown",
    },
    summary: (summary) => {
      summary.text(`**${plan.target}** (${plan.provider}) ${run.status} from \`${plan.restoredFrom}\`.`);
      summary.table(["", ""], [...plan.facts]);
      summary.text(
        run.safetyBackup
          ? `Safety backup of the data from before: \`${run.safetyBackup}\`.`
          : plan.noSafetyReason
            ? `Safety backup: ${plan.noSafetyReason}`
            : "⚠️ **No safety backup** was taken (`safety-backup: false`).",
      );
      summary.heading("Replaced").list([...plan.replaces]);
      summary.list(run.notes);
      if (run.steps.length)
        summary.table(
          ["Step", "Time"],
          run.steps.map((step) => [step.name, formatMs(step.ms)]),
        );
    },
  };
}
