import { afterEach } from "vitest";
import traffic from "../../src/actions/traffic/index.ts";
import { CancelledError } from "../../src/core/action.ts";
import type { RecordingToolkit } from "../../src/core/toolkit.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../../src/sim/railway.ts";
import type { SimRequest } from "../../src/sim/server.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../../src/sim/vercel.ts";
import { runInProcess } from "./run.ts";

/** Railway deployments finish within about 100 ms; a rollback's new deployment takes `deployingMs`. */
export const FAST = { initializingMs: 10, buildingMs: 10, deployingMs: 60 };
export const BACKEND = SCENARIO.services.backend;
export const AI = SCENARIO.services["ai-engine"];

const started: Array<{ stop(): Promise<void> }> = [];
/** Stops every simulator the test file started, after each test. */
export function stopAfterEach(): void {
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });
}

export async function startRailway(timing = FAST): Promise<{ sim: RailwaySimulator; url: string }> {
  const sim = new RailwaySimulator(rollbackScenario({ timing }));
  const url = await sim.start();
  started.push(sim);
  return { sim, url };
}

export async function startVercel(): Promise<VercelSimulator> {
  const sim = new VercelSimulator({ ...badProductionScenario(), aliasJobMs: 20, buildMs: 20 });
  await sim.start();
  started.push(sim);
  return sim;
}

export interface Run {
  signal?: AbortSignal;
}

export function railwayTraffic(
  url: string,
  mode: "pause" | "resume",
  inputs: Record<string, string> = {},
  options: Run = {},
): Promise<RecordingToolkit> {
  return runInProcess(
    traffic,
    {
      mode,
      platform: "railway",
      token: SCENARIO.projectToken,
      services: "backend, ai-engine",
      "api-url": url,
      wait: "5s",
      ...inputs,
    },
    options,
  );
}

export function vercelTraffic(
  sim: VercelSimulator,
  mode: "pause" | "resume",
  inputs: Record<string, string> = {},
  options: Run = {},
): Promise<RecordingToolkit> {
  return runInProcess(
    traffic,
    { mode, platform: "vercel", token: SIM_VERCEL_TOKEN, project: "shop", "api-url": sim.url, ...inputs },
    options,
  );
}

/** A Railway GraphQL request's operation name. */
export const operationOf = (r: SimRequest) =>
  (r.body as { operationName?: string } | undefined)?.operationName;

/** Aborts the run as the runner does on SIGTERM, when the `nth` request matching `match` arrives. */
export function sigtermAt(match: (r: SimRequest) => boolean, nth = 1) {
  const controller = new AbortController();
  let seen = 0;
  return {
    signal: controller.signal,
    when: (r: SimRequest) => {
      if (match(r) && ++seen === nth) controller.abort(new CancelledError("SIGTERM"));
      return false;
    },
  };
}

/** Rolls a Railway service back to a deployment, as railway-redeploy does (`deploymentRollback`). */
export async function railwayRollback(url: string, deploymentId: string): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "project-access-token": SCENARIO.projectToken },
    body: JSON.stringify({
      operationName: "Rollback",
      query: "mutation Rollback($id: String!) { deploymentRollback(id: $id) }",
      variables: { id: deploymentId },
    }),
  });
  const body = (await response.json()) as { data?: { deploymentRollback?: boolean } };
  if (body.data?.deploymentRollback !== true) throw new Error(`rollback refused: ${JSON.stringify(body)}`);
}

/** Instant rollback on the Vercel simulator (what vercel-promote sends). */
export async function vercelRollback(sim: VercelSimulator, deploymentId: string): Promise<void> {
  const response = await fetch(`${sim.url}/v1/projects/prj_shop/rollback/${deploymentId}`, {
    method: "POST",
    headers: { authorization: `Bearer ${SIM_VERCEL_TOKEN}` },
  });
  if (response.status !== 201) throw new Error(`rollback refused: ${response.status}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What serves each Railway service: the active deployment and whether it is stopped. */
export function serving(sim: RailwaySimulator, service: string): string {
  const active = sim.activeDeployment(service);
  if (!active) return "nothing";
  return active.stopped ? `stopped ${active.id}` : active.id;
}

/** Polls until `ok` holds (a simulator's timers move state on), at most `ms`. */
export async function until(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await sleep(10);
  }
}
