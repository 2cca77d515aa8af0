import type { ActionContext, Logger } from "../../core/action.ts";
import { formatMs } from "../../core/wait.ts";
import type { Deployment } from "../../platforms/railway/client.ts";
import { setAutoDeploy } from "../../platforms/railway/config.ts";
import { dashboardUrl } from "../../platforms/railway/deployments.ts";
import { waitForDeployment } from "../../platforms/railway/watch.ts";
import { type Cancelled, cancelAll, lookAgain, mutate } from "./change.ts";
import { describeDeployment, explainService, prefixed, TargetError } from "./explain.ts";
import type { railwayInputs } from "./inputs.ts";
import type { ChangePlan, RailwayPlan, ServicePlan } from "./plan.ts";

export type ServiceStatus =
  | "rolled-back"
  | "redeployed"
  | "restarted"
  | "already-current"
  | "requested"
  | "failed";

export interface ServiceResult {
  plan: ServicePlan;
  status: ServiceStatus;
  newDeploymentId?: string;
  /** Why it failed, or what a person should know. */
  message?: string;
  cancelled: Cancelled[];
  refused: Array<{ id: string; message: string }>;
  /** Another run's rollback of the same target was followed instead of sending one. */
  followed?: boolean;
  /** Auto-deploy is paused after this run: `paused` by it, `already` paused before. */
  autoDeploy?: "paused" | "already" | "failed";
  elapsedMs: number;
}

const DONE = { rollback: "rolled-back", redeploy: "redeployed", restart: "restarted" } as const;

/** Every service at once: one service's failure does not stop the others. */
export async function applyRailway(
  ctx: ActionContext<typeof railwayInputs>,
  plan: RailwayPlan,
): Promise<ServiceResult[]> {
  return Promise.all(
    plan.services.map(async (sp): Promise<ServiceResult> => {
      const base = { plan: sp, cancelled: [], refused: [], elapsedMs: 0 };
      if (sp.kind === "current") return { ...base, status: "already-current", message: sp.reason };
      if (sp.kind === "failed")
        return { ...base, status: "failed", message: explainService(sp.error, false) };
      const started = Date.now();
      const log = prefixed(ctx.log, sp.service.name);
      const result: ServiceResult = { ...base, status: "failed", cancelled: [], refused: [] };
      try {
        ctx.signal.throwIfAborted();
        await change(plan, sp, result, log, ctx.signal);
      } catch (error) {
        result.status = "failed";
        const changed = result.newDeploymentId !== undefined || result.cancelled.length > 0;
        result.message = explainService(error, changed);
        log.info(`failed: ${result.message}`);
      }
      result.elapsedMs = Date.now() - started;
      return result;
    }),
  );
}

/** Cancel what is on its way, change, wait, freeze, look again. */
async function change(
  plan: RailwayPlan,
  sp: ChangePlan,
  result: ServiceResult,
  log: Logger,
  signal: AbortSignal,
): Promise<void> {
  const { client, strategy } = plan;
  const url = (id: string) => dashboardUrl(plan.project.id, sp.service.id, plan.environment.id, id);
  for (const note of sp.notes) log.warn(note);
  if (plan.cancelInFlight) {
    const { cancelled, refused } = await cancelAll(client, sp.inFlight, false, log);
    result.cancelled.push(...cancelled);
    result.refused.push(...refused);
  } else {
    for (const d of sp.inFlight)
      log.warn(
        `${d.id} (${d.status}) is on its way and cancel-in-flight is false: when it finishes it replaces the ${strategy}.`,
      );
  }
  signal.throwIfAborted();
  let created: Deployment;
  if (sp.follow) {
    created = sp.follow;
    result.followed = true;
    log.info(
      `A ${strategy} to ${sp.target.id} is already on its way (${created.id}, another run?): following it, none sent.`,
    );
  } else {
    log.info(
      strategy === "restart"
        ? `Restarting ${sp.target.id}…`
        : `${strategy === "rollback" ? "Rolling back" : "Redeploying"} to ${describeDeployment(sp.target)}…`,
    );
    created = await mutate(plan, sp, log);
  }
  result.newDeploymentId = created.id;
  log.info(`New deployment: ${created.id} (${url(created.id)}).`);
  if (plan.waitMs === 0) {
    result.status = "requested";
    log.info("wait is 0: not waiting for it to finish.");
    return;
  }
  const outcome = await waitForDeployment(client, created.id, {
    timeoutMs: plan.waitMs,
    log,
    what: `deployment ${created.id}`,
  });
  if (outcome.outcome === "timeout")
    throw new TargetError("timeout", {
      id: created.id,
      status: outcome.status,
      waitMs: plan.waitMs,
      url: url(created.id),
    });
  if (outcome.outcome === "failed")
    throw new TargetError("ended", {
      id: created.id,
      status: outcome.status,
      from: sp.from.id,
      url: url(created.id),
    });
  log.info(`Deployment ${created.id} is ${outcome.status} after ${formatMs(outcome.elapsedMs)}.`);
  if (plan.freeze) result.autoDeploy = await freeze(plan, sp, log);
  const after = await lookAgain(plan, sp, created, log);
  if (plan.cancelInFlight && after.newer.length) {
    const { cancelled, refused } = await cancelAll(client, after.newer, true, log);
    result.cancelled.push(...cancelled);
    result.refused.push(...refused);
  }
  if (after.replacedBy)
    throw new TargetError("replaced", { id: created.id, by: after.replacedBy, url: url(created.id) });
  result.status = DONE[strategy];
}

/** Pauses deploys on push so the next push does not bring the bad version back; a refusal is a warning. */
async function freeze(plan: RailwayPlan, sp: ChangePlan, log: Logger): Promise<ServiceResult["autoDeploy"]> {
  if (sp.autoDeploy && !sp.autoDeploy.enabled) {
    log.info("Auto-deploy was already paused.");
    return "already";
  }
  const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: sp.service.id };
  try {
    const enabled = await setAutoDeploy(plan.client, ids, false);
    if (enabled) throw new Error("Railway still reports auto-deploy enabled");
    log.info("Auto-deploy paused: a push no longer deploys this service.");
    return "paused";
  } catch (error) {
    log.warn(`Could not pause auto-deploy: ${(error as Error).message}. The next push will deploy again.`);
    return "failed";
  }
}
