import type { NothingToDo, Outcome } from "../../core/action.ts";
import { formatMs } from "../../core/wait.ts";
import type { StorageResult } from "./apply.ts";
import { adviseStorage } from "./explain.ts";
import type { Ctx } from "./inputs.ts";
import { type StoragePlan, where } from "./plan.ts";

export function planOutputs(plan: StoragePlan) {
  return { report: plan.report, restored: 0, deleted: 0, changed: false };
}

export function nothingToDo(plan: StoragePlan): NothingToDo | undefined {
  const { counts } = plan.restore;
  if (counts.restore + counts.delete > 0) return undefined;
  return {
    status: "already-current",
    reason: `Every key under ${where(plan.restore)} is as it was at ${new Date(plan.restore.at).toISOString()} (${counts.unchanged} keys checked${counts["kept-newer"] ? `, ${counts["kept-newer"]} newer ones kept` : ""}): nothing to restore.`,
  };
}

export function reportStorage(ctx: Ctx, plan: StoragePlan, run: StorageResult): Outcome {
  if (run.kind === "stopped") return reportStopped(plan, run);
  const restored = run.results.filter((r) => r.plan.action === "restore").length;
  const deleted = run.results.filter((r) => r.plan.action === "delete").length;
  const changed = run.results.filter((r) => r.changed);
  const at = new Date(plan.restore.at).toISOString();
  ctx.log.info(
    `${where(plan.restore)} restored to ${at}: ${restored} keys restored, ${deleted} deleted in ${formatMs(run.elapsedMs)}.`,
  );
  for (const r of changed)
    ctx.log.warn(`${r.plan.key}: changed by another writer during the restore: ${r.changed}.`);
  return {
    status: "restored",
    headline: changed.length ? "⚠️ restored, with keys changed meanwhile" : "✅ restored",
    outputs: {
      restored,
      deleted,
      changed: run.results.length > 0,
      "changed-meanwhile": changed.length,
      report: plan.report,
    },
    summary: (summary) => {
      summary.text(
        `\`${where(plan.restore)}\` restored to **${at}** in ${formatMs(run.elapsedMs)}: ${restored} keys restored, ${deleted} deleted (delete markers), ${plan.restore.counts.unchanged} already as they were.`,
      );
      if (changed.length) {
        summary.heading("Changed by another writer during the restore");
        summary.text(
          "These keys are not as they were at the time: something wrote them while the restore ran. Stop the writers (traffic) and run again.",
        );
        summary.table(
          ["Key", "What was seen"],
          changed.map((r) => [r.plan.key, r.changed]),
        );
      }
      summary.text(`Report: \`${plan.report}\`. Every replaced version is kept in its key's history.`);
    },
  };
}

/** A restore that stopped: what the bucket holds now (read back), `changed` from it, and the next step. */
function reportStopped(plan: StoragePlan, run: Extract<StorageResult, { kind: "stopped" }>): Outcome {
  const { stopped } = run;
  const planned = plan.restore.counts.restore + plan.restore.counts.delete;
  const written = stopped.written.length;
  const restored = stopped.written.filter((r) => r.plan.action === "restore").length;
  const deleted = written - restored;
  const changed = written > 0 ? "true" : stopped.readBack || stopped.unsure === 0 ? "false" : "unknown";
  const list = `aws s3api list-object-versions --bucket ${plan.restore.bucket} --prefix '${plan.restore.prefix}'`;
  const state = !stopped.readBack
    ? `The bucket could not be read back: S3 answered ${written} of ${planned} writes${stopped.unsure ? `, and ${stopped.unsure} got no clear answer (they may have been written)` : ""}. See what each key holds with: ${list}, then run again: keys already as they were are left alone.`
    : written === 0
      ? `Read back: none of the ${planned} keys was written: the bucket is as before. Run again once the cause is fixed.`
      : written === planned
        ? `Read back: all ${planned} keys hold the restored version (${restored} restored, ${deleted} deleted); only what came after failed. A rerun says already-current.`
        : `Read back: ${written} of ${planned} keys hold the restored version (${restored} restored, ${deleted} deleted), the other ${planned - written} are as before; the report lists each key written. Run again to finish: keys already as they were are left alone.`;
  const failure = `${run.cancelled ? "Cancelled: " : ""}${adviseStorage(stopped)}\n${state}`;
  return {
    status: "failed",
    headline: run.cancelled ? "⏹️ cancelled" : "❌ failed",
    failure,
    outputs: { restored, deleted, changed, report: plan.report },
    summary: (summary) => {
      summary.text(
        `**${run.cancelled ? "Cancelled" : "Failed"}** on \`${where(plan.restore)}\` (changed: ${changed}).`,
      );
      summary.text(state);
      summary.text(`Report: \`${plan.report}\`.`);
    },
  };
}
