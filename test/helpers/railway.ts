import { afterEach } from "vitest";
import railwayRedeploy from "../../src/actions/railway-redeploy/index.ts";
import type { RecordingToolkit } from "../../src/core/toolkit.ts";
import { type RailwaySeed, RailwaySimulator, rollbackScenario, SCENARIO } from "../../src/sim/railway.ts";
import { runInProcess } from "./run.ts";

export const FAST = { initializingMs: 15, buildingMs: 15, deployingMs: 30 };
const sims: RailwaySimulator[] = [];

/** Stops every simulator a test file started, after each test. */
export function stopSimulatorsAfterEach(): void {
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.stop()));
  });
}

export async function startRailway(seed: RailwaySeed = rollbackScenario({ timing: FAST })) {
  const sim = new RailwaySimulator(seed);
  const url = await sim.start();
  sims.push(sim);
  return { sim, url };
}

/** railway-redeploy in-process, through the runner, with the scenario's project token and `backend`. */
export function runRailway(url: string, inputs: Record<string, string> = {}): Promise<RecordingToolkit> {
  return runInProcess(railwayRedeploy, {
    token: SCENARIO.projectToken,
    services: "backend",
    "api-url": url,
    ...inputs,
  });
}

const MUTATIONS = new Set([
  "DeploymentRollback",
  "DeploymentRedeploy",
  "DeploymentRestart",
  "DeploymentCancel",
  "ServiceInstanceAutoDeployUpdate",
]);
export const mutations = (sim: RailwaySimulator) => sim.operations().filter((o) => MUTATIONS.has(o));

export interface Row {
  service: string;
  from: string | null;
  to: string | null;
  "new-deployment-id": string | null;
  status: string;
  error?: string;
}
export const rows = (tk: RecordingToolkit): Row[] => JSON.parse(tk.outputs.deployments ?? "[]");
export const logs = (tk: RecordingToolkit) => tk.logs.join("\n");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
