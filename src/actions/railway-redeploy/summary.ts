import { link, type Summary } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import { describeMigrations } from "../../migrations/report.ts";
import { hasDrift } from "../../platforms/railway/config.ts";
import { dashboardUrl } from "../../platforms/railway/deployments.ts";
import type { ServiceResult, ServiceStatus } from "./apply.ts";
import { describeOrigin, resumeAdvice } from "./explain.ts";
import type { RailwayPlan, ServicePlan } from "./plan.ts";

export type Status = ServiceStatus | "planned";

export interface Row {
  plan: ServicePlan;
  status: Status;
  newDeploymentId?: string;
  message?: string;
}

export function rowsOf(plan: RailwayPlan): Row[] {
  return plan.services.map((sp) => ({
    plan: sp,
    status: sp.kind === "current" ? "already-current" : sp.kind === "failed" ? "failed" : "planned",
    message: sp.kind === "current" ? sp.reason : undefined,
  }));
}

export function toOf(sp: ServicePlan): string | undefined {
  return sp.kind === "change" ? sp.target.id : sp.kind === "current" ? sp.to : undefined;
}

/** The plan in words: the dry run's, nothing-to-do's and a failure's summary. */
export function describePlan(plan: RailwayPlan, summary: Summary): void {
  for (const sp of plan.services) {
    if (sp.kind !== "change") continue;
    const log = (line: string) => `${sp.service.name}: ${line}`;
    if (plan.dryRun) {
      summary.text(
        log(
          plan.strategy === "restart"
            ? `Would restart ${sp.target.id}.`
            : `Would ${plan.strategy === "rollback" ? "roll back" : "redeploy"} from ${sp.from.id} to ${sp.target.id}.`,
        ),
      );
    }
  }
  writeTable(plan, summary, rowsOf(plan));
}

export function writeTable(
  plan: RailwayPlan,
  summary: Summary,
  rows: Row[],
  results?: ServiceResult[],
): void {
  const url = (sp: ServicePlan, id: string | undefined) =>
    id ? link(id, dashboardUrl(plan.project.id, sp.service.id, plan.environment.id, id)) : undefined;
  summary.text(
    `Project **${plan.project.name}**, environment **${plan.environment.name}**, strategy \`${plan.strategy}\`${plan.dryRun ? " (dry run: nothing changed)" : ""}.`,
  );
  summary.table(
    ["Service", "Status", "From", "To", "New deployment", "Time", "Note"],
    rows.map((r, i) => [
      r.plan.service.name,
      r.status,
      url(r.plan, r.plan.from?.id),
      url(r.plan, toOf(r.plan)),
      url(r.plan, r.newDeploymentId),
      results?.[i] ? formatMs(results[i].elapsedMs) : undefined,
      r.message,
    ]),
  );
  const changes = plan.services.filter((sp) => sp.kind === "change");
  const skipped = plan.services.flatMap((sp) =>
    sp.skipped.map((s) => `${sp.service.name}: skipped ${s.id} (${s.status}): ${s.reason}`),
  );
  if (skipped.length)
    summary.details("Deployments skipped by the automatic choice", skipped.map((s) => `- ${s}`).join("\n"));
  const cancelled =
    results?.flatMap((r) => r.cancelled.map((c) => ({ ...c, service: r.plan.service.name }))) ?? [];
  const refused =
    results?.flatMap((r) =>
      r.refused.map((c) => `${r.plan.service.name}: could not cancel ${c.id}: ${c.message}`),
    ) ?? [];
  if (cancelled.length || refused.length) {
    summary.heading("Cancelled deployments");
    summary.list([
      ...cancelled.map(
        (c) =>
          `${c.service}: ${c.id} (${c.deployment.status}${c.late ? ", started while the rollback waited" : ""}), ${describeOrigin(c.deployment)}`,
      ),
      ...refused,
    ]);
  } else if (!results) {
    const pending = changes.flatMap((sp) =>
      sp.inFlight.map((d) => `${sp.service.name}: ${d.id} (${d.status}), ${describeOrigin(d)}`),
    );
    if (pending.length) {
      summary.heading(
        plan.cancelInFlight
          ? "Would cancel (still on their way)"
          : "On their way (cancel-in-flight: false, left alone)",
      );
      summary.list(pending);
    }
  }
  const drift = changes.flatMap((sp) => {
    if (!sp.drift) return [];
    const d = sp.drift;
    const lines = [
      d.added.length ? `added back: ${d.added.join(", ")}` : "",
      d.removed.length ? `removed: ${d.removed.join(", ")}` : "",
      d.changed.length ? `different value: ${d.changed.join(", ")}` : "",
      d.sealed.length ? `sealed, cannot be compared: ${d.sealed.join(", ")}` : "",
    ].filter(Boolean);
    return hasDrift(d) || d.sealed.length ? [`${sp.service.name}: ${lines.join("; ")}`] : [];
  });
  if (drift.length) {
    summary.heading("Variables the rollback changes (names only)");
    summary.list(drift);
  }
  describeMigrations(plan.migrations, summary);
  const frozen =
    results
      ?.filter((r) => r.autoDeploy === "paused" || r.autoDeploy === "already")
      .map((r) => r.plan.service.name) ?? [];
  if (frozen.length) {
    summary.heading("Auto-deploy paused");
    summary.text(
      `${frozen.join(", ")}: a push no longer deploys. ${resumeAdvice(plan.project.name, plan.environment.name, frozen)}`,
    );
  }
}
