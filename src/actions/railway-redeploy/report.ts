import type { ActionContext, NothingToDo, Outcome } from "../../core/action.ts";
import type { Outputs } from "../../core/report.ts";
import { dashboardUrl } from "../../platforms/railway/deployments.ts";
import type { ServiceResult } from "./apply.ts";
import type { railwayInputs } from "./inputs.ts";
import type { RailwayPlan, ServicePlan } from "./plan.ts";
import { type Row, rowsOf, type Status, toOf, writeTable } from "./summary.ts";

/** Worst last: with several services, `status` is the worst of theirs. */
const SEVERITY: Status[] = [
  "already-current",
  "rolled-back",
  "redeployed",
  "restarted",
  "planned",
  "requested",
  "failed",
];

function outputs(plan: RailwayPlan, rows: Row[], results?: ServiceResult[]): Outputs {
  const url = (sp: ServicePlan, id: string | undefined) =>
    id ? dashboardUrl(plan.project.id, sp.service.id, plan.environment.id, id) : null;
  const single = rows.length === 1 ? rows[0] : undefined;
  return {
    status: SEVERITY[Math.max(...rows.map((r) => SEVERITY.indexOf(r.status)))],
    deployments: JSON.stringify(
      rows.map((r) => ({
        service: r.plan.service.name,
        "service-id": r.plan.service.id,
        from: r.plan.from?.id ?? null,
        to: toOf(r.plan) ?? null,
        "new-deployment-id": r.newDeploymentId ?? null,
        status: r.status,
        url: url(r.plan, r.newDeploymentId),
        ...(r.status === "failed" ? { error: r.message ?? null } : {}),
      })),
    ),
    "deployment-id":
      single?.newDeploymentId ?? (single?.status === "already-current" ? single.plan.from?.id : undefined),
    cancelled: JSON.stringify((results ?? []).flatMap((r) => r.cancelled.map((c) => c.id))),
    // Only what a run did: a plan (dry run) has paused nothing, and `every` of nothing is true.
    "auto-deploy-paused": String(pausedEverywhere(results)),
  };
}

function pausedEverywhere(results: readonly ServiceResult[] | undefined): boolean {
  const changed = (results ?? []).filter((r) => r.plan.kind === "change");
  return changed.length > 0 && changed.every((r) => r.autoDeploy === "paused" || r.autoDeploy === "already");
}

export function planOutputs(plan: RailwayPlan): Outputs {
  return outputs(plan, rowsOf(plan));
}

export function nothingToDo(plan: RailwayPlan): NothingToDo | undefined {
  if (!plan.services.every((sp) => sp.kind === "current")) return undefined;
  return {
    status: "already-current",
    reason: plan.services
      .map((sp) => `${sp.service.name}: ${sp.kind === "current" ? sp.reason : ""}`)
      .join("\n"),
  };
}

export function reportRailway(
  _ctx: ActionContext<typeof railwayInputs>,
  plan: RailwayPlan,
  results: ServiceResult[],
): Outcome {
  const rows: Row[] = results.map((r) => ({
    plan: r.plan,
    status: r.status,
    newDeploymentId: r.newDeploymentId,
    message: r.message,
  }));
  const out = outputs(plan, rows, results);
  const failed = results.filter((r) => r.status === "failed");
  return {
    status: String(out.status),
    headline: String(out.status),
    outputs: out,
    summary: (summary) => writeTable(plan, summary, rows, results),
    failure: failed.length
      ? `Railway ${plan.strategy} failed for ${failed.map((r) => r.plan.service.name).join(", ")}:\n${failed.map((r) => `- ${r.plan.service.name}: ${r.message}`).join("\n")}`
      : undefined,
  };
}
