import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { waitFor } from "../../core/wait.ts";
import type { RailwayClient } from "../../platforms/railway/client.ts";
import { setAutoDeploy } from "../../platforms/railway/config.ts";
import { classifyStatus } from "../../platforms/railway/deployments.ts";
import { resumeDeployment, type TrafficDeployment, trafficState } from "../../platforms/railway/traffic.ts";
import { type End, trafficAdvice } from "./explain.ts";
import type { Settings } from "./plan.ts";
import type { RailwayServicePlan, RailwayServiceResult, RailwayTrafficPlan } from "./railway.ts";

/**
 * Brings back what the pause stopped, once every newer deployment (a rollback) reached its end: a newer one
 * that serves is kept (redeploying the stopped one would replace it), one that failed leaves the service
 * as it is, and one still on its way is waited for within `wait`.
 */
export async function resumeService(r: {
  client: RailwayClient;
  log: Logger;
  settings: Settings;
  plan: RailwayTrafficPlan;
  service: RailwayServicePlan;
  signal: AbortSignal;
}): Promise<RailwayServiceResult> {
  const { client, log, settings, plan, service } = r;
  const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
  const autoDeploy = settings["auto-deploy"] ? await setAutoDeploy(client, ids, true) : undefined;
  const base = { name: service.name, autoDeploy };
  const { serving, stopped, latest } = service.state;
  if (serving[0]) return { ...base, outcome: "already", deployment: serving[0].id };
  const target = service.bringBack;
  // Not stopped by this rollback's pause (a person's stop, say): left as it is.
  if (!target) return { ...base, outcome: stopped ? "left" : "already", deployment: stopped?.id };
  const wait = (id: string) => waitEnd(client, id, { ...r, what: `${service.name} deployment ${id}` });

  if (latest && latest.id !== target) {
    const end = await newerEnd(latest, settings.wait, wait);
    if (end.kind === "success") {
      log.info(trafficAdvice.newerServes(service.name, latest.id, target));
      return { ...base, outcome: "already", deployment: latest.id };
    }
    throw new Error(trafficAdvice.newerNotServing(service.name, latest.id, target, end));
  }
  if (!latest?.deploymentStopped)
    throw new Error(trafficAdvice.nothingToBringBack(service.name, target, latest?.status));

  const created = await redeploy(client, log, ids, target);
  log.info(`${service.name}: ${target} comes back as ${created} (same image).`);
  if (settings.wait === 0) return { ...base, outcome: "resumed", deployment: created };
  const end = await wait(created);
  if (end.kind !== "success") throw new Error(trafficAdvice.resumeFailed(service.name, created, end));
  return { ...base, outcome: "resumed", deployment: created };
}

/** How a newer deployment ended: at once when it has, else after waiting for it (not with `wait: 0`). */
async function newerEnd(
  latest: TrafficDeployment,
  waitMs: number,
  wait: (id: string) => Promise<End>,
): Promise<End> {
  const kind = classifyStatus(latest.status);
  // A newer deployment someone stopped serves nothing either.
  if (kind === "success")
    return { kind: latest.deploymentStopped ? "failed" : "success", status: latest.status, elapsedMs: 0 };
  if (kind === "failed") return { kind, status: latest.status, elapsedMs: 0 };
  if (waitMs === 0) return { kind: "timeout", status: latest.status, elapsedMs: 0 };
  return wait(latest.id);
}

/** Redeploys the stopped deployment once; after an answer that never came, a new newest deployment is it. */
async function redeploy(
  client: RailwayClient,
  log: Logger,
  ids: { projectId: string; environmentId: string; serviceId: string },
  target: string,
): Promise<string> {
  try {
    return (await resumeDeployment(client, target)).id;
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    log.warn(`The redeploy of ${target} got no clear answer (${error.message}); reading the service back.`);
    const { latest } = await trafficState(client, ids);
    if (!latest || latest.id === target) throw error;
    return latest.id;
  }
}

/** Polls a deployment until it succeeds, fails, the deadline passes or the run is cancelled (a read only). */
async function waitEnd(
  client: RailwayClient,
  id: string,
  options: { settings: Settings; log: Logger; signal: AbortSignal; what: string },
): Promise<End> {
  let status: string | undefined;
  const result = await waitFor<"success" | "failed" | "cancelled">({
    what: options.what,
    timeoutMs: options.settings.wait,
    // Frugal: Railway's hourly limits are low (PLATFORMS.md); the CLI polls every 5 s.
    initialDelayMs: 250,
    maxDelayMs: 5000,
    onProgress: (line) => options.log.info(line),
    poll: async () => {
      if (options.signal.aborted) return { done: true, value: "cancelled" };
      status = (await client.deployment(id)).status;
      const kind = classifyStatus(status);
      if (kind === "success" || kind === "failed") return { done: true, value: kind };
      return { done: false, state: status };
    },
  });
  if (result.outcome === "timeout") return { kind: "timeout", status, elapsedMs: result.elapsedMs };
  return { kind: result.value, status, elapsedMs: result.elapsedMs };
}
