import type { Logger } from "../../core/action.ts";
import {
  type Deployment,
  type Named,
  type RailwayClient,
  RailwayError,
} from "../../platforms/railway/client.ts";
import { type AutoDeployStatus, type Drift, readServiceConfig } from "../../platforms/railway/config.ts";
import {
  chooseTarget,
  dashboardUrl,
  inFlight,
  inFlightFrom,
  madeFrom,
  type Skipped,
} from "../../platforms/railway/deployments.ts";
import { describeDeployment, TargetError } from "./explain.ts";
import type { RailwayPlan, ServicePlan } from "./plan.ts";

/** Deployments read per service: enough history to find a good one past a few bad deploys. */
const HISTORY = 20;

/** One service: what serves, what to go back to, what is on its way, what the rollback changes. Reads only. */
export async function planService(
  plan: Omit<RailwayPlan, "services" | "migrations">,
  service: Named,
  explicit: string | undefined,
  log: Logger,
): Promise<ServicePlan> {
  const { client, project, environment, strategy } = plan;
  const url = (id: string) => dashboardUrl(project.id, service.id, environment.id, id);
  const state = await client.serviceDeployments(project.id, environment.id, service.id, HISTORY);
  const active = state.active[0];
  // With nothing serving (the bad deploy crashed), the newest deployment is the one to move away from.
  const from = active ?? state.deployments[0];
  if (!from)
    throw new TargetError("no-deployments", { service: service.name, environment: environment.name });
  log.info(`Active: ${active ? describeDeployment(active) : `none (newest: ${describeDeployment(from)})`}.`);

  let target: Deployment;
  let skipped: Skipped[] = [];
  if (strategy === "restart") {
    if (!active) throw new TargetError("nothing-running", { deployment: from, url: url(from.id) });
    target = active;
  } else if (explicit) {
    target = await explicitTarget(client, service, environment, state.deployments, explicit);
    if (active && (active.id === target.id || madeFrom(active, target))) {
      const reason =
        active.id === target.id
          ? `Deployment ${target.id} is already active: nothing to do.`
          : `The active deployment ${active.id} runs the image of ${target.id}: already current, nothing to do.`;
      return { kind: "current", service, from, to: target.id, reason, skipped };
    }
    if (strategy === "rollback" && target.canRollback === false)
      throw new TargetError("past-retention", { deployment: target });
    if (target.status === "FAILED" || target.status === "CRASHED")
      log.warn(`The target ${target.id} ended ${target.status}; going back to it anyway, as asked.`);
  } else {
    const choice = chooseTarget(from, state.deployments);
    skipped = choice.skipped;
    for (const s of skipped) log.info(`Skipped ${s.id} (${s.status}): ${s.reason}.`);
    if (choice.kind === "current") {
      const reason = `The active deployment ${from.id} was itself made from ${choice.source.id} (a previous ${strategy === "redeploy" ? "redeploy" : "rollback"}): already current. To go further back, give deployment explicitly.`;
      return { kind: "current", service, from, to: choice.source.id, reason, skipped };
    }
    if (choice.kind === "restored") {
      const reason = `The active deployment ${from.id} is itself a rollback or redeploy, and the deployment it was made from is not among the last ${state.deployments.length}: treated as already current, so this run never goes further back on its own. To go further back, give deployment: <id> explicitly.`;
      return { kind: "current", service, from, to: from.id, reason, skipped };
    }
    if (choice.kind === "none")
      throw new TargetError("none", {
        reason: choice.reason,
        listed: state.deployments.length,
        deployment: from,
        verb: strategy === "redeploy" ? "redeploy" : "roll back",
        url: url(from.id),
      });
    target = choice.target;
  }

  const follow = strategy === "restart" ? undefined : inFlightFrom(state.deployments, target);
  const targetAt = Date.parse(target.createdAt);
  const racing = inFlight(state.deployments).filter(
    (d) => d.id !== follow?.id && d.id !== active?.id && Date.parse(d.createdAt) > targetAt,
  );
  const notes: string[] = [];
  const config = await readConfig(plan, service, target, notes);
  if (plan.dryRun) {
    log.info(
      strategy === "restart"
        ? `Would restart ${describeDeployment(target)}.`
        : `Would ${strategy === "rollback" ? "roll back" : "redeploy"} from ${describeDeployment(from)} to ${describeDeployment(target)}${racing.length && plan.cancelInFlight ? `, cancelling ${racing.map((d) => d.id).join(", ")} first` : ""}.`,
    );
  }
  return {
    kind: "change",
    service,
    from,
    active,
    target,
    known: [...new Set([...state.deployments, ...state.active].map((d) => d.id))],
    follow,
    inFlight: racing,
    drift: config.drift,
    autoDeploy: config.autoDeploy,
    notes,
    skipped,
  };
}

/** Drift (rollback only) and the auto-deploy state (freeze only), in one read; a refusal is a note, not a failure. */
async function readConfig(
  plan: Omit<RailwayPlan, "services" | "migrations">,
  service: Named,
  target: Deployment,
  notes: string[],
): Promise<{ drift?: Drift; autoDeploy?: AutoDeployStatus }> {
  const drift = plan.strategy === "rollback";
  if (!drift && !plan.freeze) return {};
  const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
  try {
    const config = await readServiceConfig(plan.client, ids, {
      deploymentId: target.id,
      drift,
      autoDeploy: plan.freeze,
    });
    if (drift && !config.drift)
      notes.push(`Railway kept no variable snapshot of ${target.id}: variables not compared.`);
    return config;
  } catch (error) {
    if (!(error instanceof RailwayError)) throw error;
    notes.push(`Variables and auto-deploy could not be read (${error.messages.join("; ")}): not compared.`);
    return {};
  }
}

async function explicitTarget(
  client: RailwayClient,
  service: Named,
  environment: Named,
  history: Deployment[],
  id: string,
): Promise<Deployment> {
  let target = history.find((d) => d.id === id);
  if (!target) {
    try {
      target = await client.deployment(id);
    } catch (error) {
      if (error instanceof RailwayError) throw new TargetError("not-found", { id, messages: error.messages });
      throw error;
    }
  }
  if (
    (target.serviceId && target.serviceId !== service.id) ||
    (target.environmentId && target.environmentId !== environment.id)
  ) {
    throw new TargetError("elsewhere", { id, service: service.name, environment: environment.name });
  }
  return target;
}
