import { type ActionContext, CancelledError } from "../../core/action.ts";
import type { Project } from "../../platforms/vercel/client.ts";
import { type ChangeResult, requestChange } from "./alias-job.ts";
import { advice } from "./explain.ts";
import { type Cancelled, cancelAll, type InFlight, listInFlight } from "./in-flight.ts";
import type { VercelPromoteInputs } from "./inputs.ts";
import { type VercelPlan, vercelClient } from "./plan.ts";
import { rebuildAndPromote } from "./rebuild.ts";
import type { Target } from "./target.ts";

export interface Applied {
  status: ChangeResult["status"];
  /** The deployment now serving (a rebuilt preview is a new deployment). */
  served: Target;
  /** The last project read, when the action waited. */
  project: Project | undefined;
  cancel: Cancelled;
  /** Builds seen on their way and left alone (`cancel-in-flight: false`). */
  leftAlone: InFlight[];
}

/** Stops builds that could land after it, makes the change, then looks once more for late builds. */
export async function applyVercelPromote(
  ctx: ActionContext<VercelPromoteInputs>,
  plan: VercelPlan,
): Promise<Applied> {
  const { log } = ctx;
  const client = vercelClient(ctx);
  const deadline = Date.now() + plan.waitMs;
  const cancel: Cancelled = plan.cancelInFlight
    ? await cancelAll(client, log, plan.inFlight)
    : { cancelled: [], failed: [] };
  if (ctx.signal.aborted)
    throw new CancelledError(
      "a cancellation",
      "Cancelled before the change was sent: production was not changed.",
    );

  let change: { result: ChangeResult; served: Target };
  if (plan.alreadyCurrent) {
    change = { result: { status: "already-current", project: undefined }, served: plan.target };
  } else if (plan.kind === "rebuild") {
    change = await rebuildAndPromote({
      client,
      log,
      project: plan.project,
      preview: plan.target,
      waitMs: plan.waitMs,
      deadline,
    });
  } else {
    const result = await requestChange({
      client,
      log,
      projectId: plan.project.id,
      type: plan.kind,
      to: plan.target.id,
      description: plan.description,
      before: plan.before,
      waitMs: plan.waitMs,
      deadline,
    });
    change = { result, served: plan.target };
  }

  // "Rolled back" must hold when the step ends: a build that started meanwhile is stopped too.
  const seen = [...plan.inFlight.map((d) => d.id), change.served.id];
  const late = await listInFlight(client, {
    projectId: plan.project.id,
    newerThan: plan.target.createdAt,
    exclude: seen,
  });
  let leftAlone = plan.cancelInFlight ? [] : [...plan.inFlight];
  if (late.length && plan.cancelInFlight) {
    const again = await cancelAll(client, log, late);
    cancel.cancelled.push(...again.cancelled);
    cancel.failed.push(...again.failed);
  } else if (late.length) {
    log.warn(advice.inFlightLeftAlone(late.map((d) => d.id).join(", ")));
    leftAlone = [...leftAlone, ...late];
  }
  return {
    status: change.result.status,
    served: change.served,
    project: change.result.project,
    cancel,
    leftAlone,
  };
}
