import type { Logger } from "../../core/action.ts";
import { inputError } from "../../core/inputs.ts";
import {
  connect,
  DEFAULT_API_URL,
  type DetectedToken,
  type RailwayClient,
} from "../../platforms/railway/client.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import { type TrafficState, trafficState } from "../../platforms/railway/traffic.ts";
import type { Settings } from "./plan.ts";
import { pauseService } from "./railway-pause.ts";
import { resumeService } from "./railway-resume.ts";
import type { RailwayStopped, RailwayStoppedEntry } from "./stopped.ts";

export interface RailwayServicePlan {
  name: string;
  id: string;
  state: TrafficState;
  /** Resume: the deployment to bring back (the pause's record, or without one the stopped one found). */
  bringBack: string | undefined;
}

/** Railway: each service's active deployment is stopped, or the stopped one brought back. */
export interface RailwayTrafficPlan {
  platform: "railway";
  mode: "pause" | "resume";
  project: { id: string; name: string };
  environment: { id: string; name: string };
  services: RailwayServicePlan[];
  /** Resume: the pause's `stopped` record; undefined for older callers (every stopped service resumes). */
  recorded: RailwayStopped | undefined;
}

export interface RailwayServiceResult {
  name: string;
  /**
   * stopped / resumed: by this run; already: nothing to do (serving on resume, stopped on pause); left:
   * stopped but not by this rollback, left so; skipped: not reached (cancelled); failed.
   */
  outcome: "stopped" | "resumed" | "already" | "left" | "skipped" | "failed";
  deployment?: string;
  error?: string;
  autoDeploy?: boolean;
  /** Pause: the deployment this run stopped (what `stopped` records). */
  record?: RailwayStoppedEntry;
}

/** A service as read back after the run: what it serves, or why that is unknown. */
export type ServiceNow = { name: string } & ({ state: TrafficState } | { unreadable: string });

async function token(settings: Settings, log: Logger): Promise<DetectedToken> {
  return connect({
    token: settings.token as string,
    tokenType: settings["token-type"],
    apiUrl: settings["api-url"] ?? DEFAULT_API_URL,
    logger: log,
  });
}

export async function planRailwayTraffic(
  settings: Settings,
  log: Logger,
  recorded: RailwayStopped | undefined,
): Promise<RailwayTrafficPlan> {
  if (settings.services.length === 0 && !recorded)
    throw inputError("services", "is required with platform: railway.", `"api, worker"`);
  const detected = await token(settings, log);
  const project = await resolveProject(detected, settings.project);
  const environment = resolveEnvironment(project, detected, settings.environment);
  const wanted = [...settings.services, ...(recorded?.services.map((s) => s["service-id"]) ?? [])];
  const services: RailwayServicePlan[] = [];
  for (const service of resolveServices(project, wanted)) {
    const ids = { projectId: project.id, environmentId: environment.id, serviceId: service.id };
    const state = await trafficState(detected.client, ids);
    const entry = recorded?.services.find((s) => s["service-id"] === service.id);
    log.info(
      `${service.name}: ${state.serving.length ? `serving ${state.serving.map((d) => d.id).join(", ")}` : state.stopped ? `stopped (${state.stopped.id})` : "nothing deployed"}${state.latest && state.latest.id !== state.stopped?.id && !state.serving.some((d) => d.id === state.latest?.id) ? `; newest deployment ${state.latest.id} is ${state.latest.status}` : ""}.`,
    );
    services.push({
      name: service.name,
      id: service.id,
      state,
      bringBack: recorded ? entry?.["deployment-id"] : state.stopped?.id,
    });
  }
  return {
    platform: "railway",
    mode: settings.mode,
    project: { id: project.id, name: project.name },
    environment: { id: environment.id, name: environment.name },
    services,
    recorded,
  };
}

/** Whether a service needs this run: serving on pause; on resume, nothing serving and something to bring back. */
export function railwayPending(plan: RailwayTrafficPlan, service: RailwayServicePlan): boolean {
  if (plan.mode === "pause") return service.state.serving.length > 0;
  return service.state.serving.length === 0 && service.bringBack !== undefined;
}

/**
 * One service after another; a failure does not stop the others, a cancellation does (before the next
 * change). Every service is read back afterwards: the message says what serves from that, not from the
 * steps reached.
 */
export async function applyRailwayTraffic(r: {
  settings: Settings;
  log: Logger;
  plan: RailwayTrafficPlan;
  signal: AbortSignal;
}): Promise<{ results: RailwayServiceResult[]; now: ServiceNow[] }> {
  const { settings, log, plan, signal } = r;
  const { client } = await token(settings, log);
  const results: RailwayServiceResult[] = [];
  for (const service of plan.services) {
    if (signal.aborted) {
      results.push({ name: service.name, outcome: "skipped", error: "not reached: cancelled" });
      continue;
    }
    try {
      results.push(
        plan.mode === "pause"
          ? await pauseService({ client, log, plan, service })
          : await resumeService({ client, log, settings, plan, service, signal }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`${service.name}: ${message}`);
      results.push({ name: service.name, outcome: "failed", error: message });
    }
  }
  return { results, now: await readBack(client, plan) };
}

async function readBack(client: RailwayClient, plan: RailwayTrafficPlan): Promise<ServiceNow[]> {
  const now: ServiceNow[] = [];
  for (const service of plan.services) {
    const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
    try {
      now.push({ name: service.name, state: await trafficState(client, ids) });
    } catch (error) {
      now.push({ name: service.name, unreadable: error instanceof Error ? error.message : String(error) });
    }
  }
  return now;
}
