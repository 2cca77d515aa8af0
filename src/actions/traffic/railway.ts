import type { Logger } from "../../core/action.ts";
import { inputError } from "../../core/inputs.ts";
import {
  connect,
  DEFAULT_API_URL,
  type DetectedToken,
  type RailwayClient,
} from "../../platforms/railway/client.ts";
import { setAutoDeploy } from "../../platforms/railway/config.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import {
  resumeDeployment,
  stopDeployment,
  type TrafficState,
  trafficState,
} from "../../platforms/railway/traffic.ts";
import { waitForDeployment } from "../../platforms/railway/watch.ts";
import { trafficAdvice } from "./explain.ts";
import type { Settings } from "./plan.ts";

export interface RailwayServicePlan {
  name: string;
  id: string;
  state: TrafficState;
}

/** Railway: each service's active deployment is stopped, or the stopped one brought back. */
export interface RailwayTrafficPlan {
  platform: "railway";
  mode: "pause" | "resume";
  project: { id: string; name: string };
  environment: { id: string; name: string };
  services: RailwayServicePlan[];
}

export interface RailwayServiceResult {
  name: string;
  /** stopped, resumed, already (nothing to do), failed */
  outcome: "stopped" | "resumed" | "already" | "failed";
  deployment?: string;
  error?: string;
  autoDeploy?: boolean;
}

async function token(settings: Settings, log: Logger): Promise<DetectedToken> {
  return connect({
    token: settings.token as string,
    tokenType: settings["token-type"],
    apiUrl: settings["api-url"] ?? DEFAULT_API_URL,
    logger: log,
  });
}

export async function planRailwayTraffic(settings: Settings, log: Logger): Promise<RailwayTrafficPlan> {
  if (settings.services.length === 0)
    throw inputError("services", "is required with platform: railway.", `"api, worker"`);
  const detected = await token(settings, log);
  const project = await resolveProject(detected, settings.project);
  const environment = resolveEnvironment(project, detected, settings.environment);
  const services: RailwayServicePlan[] = [];
  for (const service of resolveServices(project, settings.services)) {
    const ids = { projectId: project.id, environmentId: environment.id, serviceId: service.id };
    const state = await trafficState(detected.client, ids);
    log.info(
      `${service.name}: ${state.serving.length ? `serving ${state.serving.map((d) => d.id).join(", ")}` : state.stopped ? `stopped (${state.stopped.id})` : "nothing deployed"}.`,
    );
    services.push({ name: service.name, id: service.id, state });
  }
  return {
    platform: "railway",
    mode: settings.mode,
    project: { id: project.id, name: project.name },
    environment: { id: environment.id, name: environment.name },
    services,
  };
}

/** Every service is tried; one failing does not stop the others (the summary says which is where). */
export async function applyRailwayTraffic(
  settings: Settings,
  log: Logger,
  plan: RailwayTrafficPlan,
): Promise<RailwayServiceResult[]> {
  const { client } = await token(settings, log);
  const results: RailwayServiceResult[] = [];
  for (const service of plan.services) {
    try {
      results.push(
        plan.mode === "pause"
          ? await pause(client, log, service)
          : await resume({ client, log, settings, plan, service }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`${service.name}: ${message}`);
      results.push({ name: service.name, outcome: "failed", error: message });
    }
  }
  return results;
}

async function pause(
  client: RailwayClient,
  log: Logger,
  service: RailwayServicePlan,
): Promise<RailwayServiceResult> {
  if (service.state.serving.length === 0)
    return { name: service.name, outcome: "already", deployment: service.state.stopped?.id };
  for (const deployment of service.state.serving) {
    await stopDeployment(client, deployment.id);
    log.info(`${service.name}: stopped ${deployment.id}.`);
  }
  return { name: service.name, outcome: "stopped", deployment: service.state.serving[0]?.id };
}

async function resume(r: {
  client: RailwayClient;
  log: Logger;
  settings: Settings;
  plan: RailwayTrafficPlan;
  service: RailwayServicePlan;
}): Promise<RailwayServiceResult> {
  const { client, log, settings, service } = r;
  const ids = { projectId: r.plan.project.id, environmentId: r.plan.environment.id, serviceId: service.id };
  const autoDeploy = settings["auto-deploy"] ? await setAutoDeploy(client, ids, true) : undefined;
  const stopped = service.state.stopped;
  if (!stopped)
    return { name: service.name, outcome: "already", deployment: service.state.serving[0]?.id, autoDeploy };
  const created = await resumeDeployment(client, stopped.id);
  log.info(`${service.name}: ${stopped.id} comes back as ${created.id} (same image).`);
  if (settings.wait === 0)
    return { name: service.name, outcome: "resumed", deployment: created.id, autoDeploy };
  const outcome = await waitForDeployment(client, created.id, {
    timeoutMs: settings.wait,
    log,
    what: `${service.name} deployment ${created.id}`,
  });
  if (outcome.outcome !== "success") {
    throw new Error(trafficAdvice.resumeFailed(service.name, created.id, outcome.status, outcome.elapsedMs));
  }
  return { name: service.name, outcome: "resumed", deployment: created.id, autoDeploy };
}
