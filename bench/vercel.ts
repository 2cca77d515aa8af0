// Vercel rollback: detection lag and API requests per rollback, against the local simulator.
// Usage: node bench/vercel.ts [--bundle] [--runs N]
//   default: the action runs in-process (the action runner with a recording toolkit), so the lag is the
//   action's own polling; --bundle runs dist/vercel-promote/index.js as the runner does (adds Node's
//   start-up and exit to each run).
// Detection lag: from the simulator finishing the alias job (production moves) to the action's exit.
// Requests: auto pick + rollback + waiting for a 3 s alias job, everything the simulator received.
// SPEC targets: lag ≤ 300 ms median, ≤ 20 requests.
import vercelPromote from "../src/actions/vercel-promote/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import { badProductionSimulator, SIM_VERCEL_TOKEN } from "../src/sim/vercel.ts";
import { runBundle } from "../test/helpers/bundle.ts";
import { median } from "./median.ts";

const args = process.argv.slice(2);
const bundle = args.includes("--bundle");
const runsIndex = args.indexOf("--runs");
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 10;

interface Sample {
  lagMs: number;
  requests: number;
  status: string | undefined;
}

async function once(aliasJobMs: number): Promise<Sample> {
  let finishedAt = 0;
  const sim = badProductionSimulator({
    aliasJobMs,
    onProductionChange: () => {
      finishedAt = performance.now();
    },
  });
  const url = await sim.start();
  const inputs = { token: SIM_VERCEL_TOKEN, project: "shop", reason: "bench", "api-url": url };
  let status: string | undefined;
  if (bundle) {
    const run = await runBundle("vercel-promote", inputs);
    status = run.outputs.status;
  } else {
    const tk = recordingToolkit(inputs);
    await runDefinition(vercelPromote, tk);
    status = tk.outputs.status;
  }
  const exitedAt = performance.now();
  const requests = sim.requests.length;
  await sim.stop();
  return { lagMs: exitedAt - finishedAt, requests, status };
}

const samples: Sample[] = [];
for (let i = 0; i < runs; i++) {
  // Jobs of 3 s ± 0.5 s, so the job's end falls anywhere between two polls rather than at one phase.
  const sample = await once(2500 + Math.random() * 1000);
  if (sample.status !== "rolled-back") throw new Error(`run ${i + 1} ended ${sample.status}`);
  samples.push(sample);
  console.log(`run ${i + 1}: lag ${sample.lagMs.toFixed(0)} ms, ${sample.requests} requests`);
}
const exact = await once(3000);

const lags = samples.map((s) => s.lagMs);
const lag = median(lags);
console.log("");
console.log(`mode: ${bundle ? "bundle (node dist/vercel-promote/index.js)" : "in-process (runDefinition)"}`);
console.log(
  `detection lag: median ${lag.toFixed(0)} ms over ${runs} runs (min ${Math.min(...lags).toFixed(0)}, max ${Math.max(...lags).toFixed(0)}); target ≤ 300 ms`,
);
console.log(
  `API requests per rollback (auto pick + rollback + 3 s alias job): ${exact.requests}; target ≤ 20`,
);
const ok = lag <= 300 && exact.requests <= 20;
console.log(ok ? "within targets" : "OUTSIDE targets");
process.exitCode = ok ? 0 : 1;
