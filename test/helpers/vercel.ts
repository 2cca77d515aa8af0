import { afterEach } from "vitest";
import vercelPromote from "../../src/actions/vercel-promote/index.ts";
import type { RecordingToolkit } from "../../src/core/toolkit.ts";
import {
  badProductionScenario,
  SIM_VERCEL_TOKEN,
  type VercelSimSeed,
  VercelSimulator,
} from "../../src/sim/vercel.ts";
import { runInProcess } from "./run.ts";

/** A Vercel simulator per test, stopped after it; alias jobs and builds take 30 ms unless the seed says. */
export function vercelHarness(): { start: (seed?: VercelSimSeed) => Promise<VercelSimulator> } {
  let sim: VercelSimulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });
  return {
    start: async (seed = badProductionScenario({ aliasJobMs: 30 })) => {
      sim = new VercelSimulator({ aliasJobMs: 30, buildMs: 30, ...seed });
      await sim.start();
      return sim;
    },
  };
}

/** Runs vercel-promote in-process through the action runner against the simulator. */
export function run(s: VercelSimulator, inputs: Record<string, string> = {}): Promise<RecordingToolkit> {
  return runInProcess(vercelPromote, {
    token: SIM_VERCEL_TOKEN,
    project: "shop",
    "api-url": s.url,
    ...inputs,
  });
}

export const posts = (s: VercelSimulator) => s.requests.filter((r) => r.method === "POST");
