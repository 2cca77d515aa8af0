// Railway rollback figures against the simulator (SPEC targets: detection lag ≤ 1 s median; ≤ 12 API
// requests for one service with a 20 s deploy). Needs a fresh bundle: npm run build -- railway-redeploy.
// Usage: node bench/railway.ts
import { type RailwaySeed, RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { runBundle } from "../test/helpers/bundle.ts";
import { median } from "./median.ts";

/** One rollback of `backend` run as the runner runs it; when the new deployment hit SUCCESS and when the process exited. */
async function rollback(seed: RailwaySeed, setup: (sim: RailwaySimulator) => void = () => {}) {
  const sim = new RailwaySimulator(seed);
  const url = await sim.start();
  setup(sim);
  let successAt: number | undefined;
  sim.onChange((deployment) => {
    if (deployment.status === "SUCCESS" && deployment.id !== SCENARIO.services.backend.bad)
      successAt ??= Date.now();
  });
  const run = await runBundle("railway-redeploy", {
    token: SCENARIO.projectToken,
    services: "backend",
    "api-url": url,
    wait: "2m",
  });
  const exitedAt = Date.now();
  await sim.stop();
  if (run.outputs.status !== "rolled-back" || successAt === undefined) {
    throw new Error(`the rollback did not succeed: ${run.stdout}\n${run.stderr}`);
  }
  return { lagMs: exitedAt - successAt, requests: sim.requests.length, operations: sim.operations() };
}

console.log("Detection lag: SUCCESS in the simulator → the bundle's process exit (10 runs, 1.5 s deploys)");
const lags: number[] = [];
for (let i = 0; i < 10; i++) {
  const { lagMs, requests } = await rollback(
    rollbackScenario({ timing: { initializingMs: 200, buildingMs: 200, deployingMs: 1300 } }),
  );
  lags.push(lagMs);
  console.log(`  run ${i + 1}: ${lagMs} ms, ${requests} requests`);
}
console.log(`  median ${median(lags)} ms (target ≤ 1000 ms), max ${Math.max(...lags)} ms`);

console.log(
  "API requests for one service rolled back with a 20 s deploy (target ≤ 12), live and polling only:",
);
const twenty = () =>
  rollbackScenario({ timing: { initializingMs: 1000, buildingMs: 1000, deployingMs: 19_000 } });
const [live, polling] = await Promise.all([
  rollback(twenty()),
  rollback(twenty(), (sim) => sim.inject({ kind: "ws-refuse" })),
]);
console.log(
  `  with the subscription: ${live.requests} (${live.operations.join(", ")}); lag ${live.lagMs} ms`,
);
console.log(
  `  WebSocket refused, polling: ${polling.requests} (${polling.operations.join(", ")}); lag ${polling.lagMs} ms`,
);

console.log("A WebSocket that accepts and then stays silent (target: SUCCESS seen within 15 s), 3 s deploy:");
const silent = await rollback(
  rollbackScenario({ timing: { initializingMs: 500, buildingMs: 500, deployingMs: 2000 } }),
  (sim) => sim.inject({ kind: "ws-silent" }),
);
console.log(
  `  silent subscription: lag ${silent.lagMs} ms, ${silent.requests} requests (${silent.operations.join(", ")})`,
);
