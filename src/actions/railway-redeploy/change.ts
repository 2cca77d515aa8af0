import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { waitFor } from "../../core/wait.ts";
import type { Deployment, RailwayClient } from "../../platforms/railway/client.ts";
import { classifyStatus, dashboardUrl, findNewDeployment } from "../../platforms/railway/deployments.ts";
import { TargetError } from "./explain.ts";
import type { ChangePlan, RailwayPlan } from "./plan.ts";

/** How long to look for the deployment a rollback created (Railway answers `true` before listing it). */
const FIND_NEW_MS = 20_000;

export interface Cancelled {
  id: string;
  /** Who and what started it, for the summary. */
  deployment: Deployment;
  /** Found after the rollback, while it waited. */
  late: boolean;
}

/** Cancels each deployment still on its way; a refusal (already finished, no permission) is a warning. */
export async function cancelAll(
  client: RailwayClient,
  deployments: readonly Deployment[],
  late: boolean,
  log: Logger,
): Promise<{ cancelled: Cancelled[]; refused: Array<{ id: string; message: string }> }> {
  const cancelled: Cancelled[] = [];
  const refused: Array<{ id: string; message: string }> = [];
  for (const deployment of deployments) {
    try {
      await client.cancel(deployment.id);
      cancelled.push({ id: deployment.id, deployment, late });
      log.info(`Cancelled ${deployment.id} (${deployment.status}) so it cannot land after the rollback.`);
    } catch (error) {
      const message = (error as Error).message;
      refused.push({ id: deployment.id, message });
      log.warn(
        `Could not cancel ${deployment.id} (${deployment.status}): ${message}. Going on with the rollback.`,
      );
    }
  }
  return { cancelled, refused };
}

/**
 * Sends the one mutation, never twice. When the answer is lost (ambiguous), or when Railway answers only
 * `true` (rollback, restart), the outcome is read back from the service's deployments.
 */
export async function mutate(plan: RailwayPlan, sp: ChangePlan, log: Logger): Promise<Deployment> {
  const { client, strategy } = plan;
  const { target } = sp;
  let ambiguous = false;
  try {
    if (strategy === "redeploy") return await client.redeploy(target.id);
    if (strategy === "rollback") await client.rollback(target.id);
    else await client.restart(target.id);
  } catch (error) {
    if (!(error instanceof HttpError && error.ambiguous)) throw error;
    ambiguous = true;
    log.info(
      `The answer to the ${strategy} was lost (${error.message}); reading the service to see whether Railway acted.`,
    );
  }
  if (strategy === "restart") {
    const now = await client.deployment(target.id);
    if (ambiguous && classifyStatus(now.status) === "success") {
      const url = dashboardUrl(plan.project.id, sp.service.id, plan.environment.id, target.id);
      throw new TargetError("restart-unknown", { id: target.id, status: now.status, url });
    }
    return now;
  }
  const known = new Set(sp.known);
  const found = await waitFor<Deployment>({
    what: `the new deployment of ${sp.service.name}`,
    timeoutMs: FIND_NEW_MS,
    initialDelayMs: 1000,
    maxDelayMs: 4000,
    onProgress: (line) => log.info(line),
    poll: async () => {
      const after = await client.serviceDeployments(plan.project.id, plan.environment.id, sp.service.id, 10);
      const { found, others } = findNewDeployment(known, after.deployments, target);
      if (!found) return { done: false, state: "not listed yet" };
      for (const other of others) {
        log.warn(
          `Another deployment ${other.id} (${other.status}) started during the ${strategy}; when it finishes it may replace the ${strategy}.`,
        );
      }
      return { done: true, value: found };
    },
  });
  if (found.outcome === "done") return found.value;
  throw new TargetError("not-listed", { verb: strategy, ambiguous, withinMs: FIND_NEW_MS });
}

/**
 * After the new deployment reached SUCCESS, one more look: a deployment that started while it waited is
 * cancelled (or reported), and one that already replaced it fails the service.
 */
export async function lookAgain(
  plan: RailwayPlan,
  sp: ChangePlan,
  created: Deployment,
  log: Logger,
): Promise<{ newer: Deployment[]; replacedBy?: Deployment }> {
  const { client, project, environment } = plan;
  const state = await client.serviceDeployments(project.id, environment.id, sp.service.id, 10);
  const createdAt = Date.parse(created.createdAt);
  const newer = state.deployments.filter(
    (d) =>
      d.id !== created.id && Date.parse(d.createdAt) > createdAt && classifyStatus(d.status) === "pending",
  );
  const serving = state.active[0];
  const replacedBy =
    serving && serving.id !== created.id && !state.active.some((d) => d.id === created.id)
      ? serving
      : undefined;
  if (newer.length && !plan.cancelInFlight) {
    for (const d of newer)
      log.warn(
        `${d.id} (${d.status}) started while the ${plan.strategy} waited; cancel-in-flight is false, so it may replace it.`,
      );
  }
  return { newer, replacedBy };
}
