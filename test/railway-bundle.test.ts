import { afterEach, expect, it } from "vitest";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { runBundle } from "./helpers/bundle.ts";

const sims: RailwaySimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

async function start() {
  const sim = new RailwaySimulator(
    rollbackScenario({ timing: { initializingMs: 20, buildingMs: 20, deployingMs: 40 } }),
  );
  const url = await sim.start();
  sims.push(sim);
  return { sim, url };
}

it("runs as the runner runs it: outputs, job summary, the token never shown", async () => {
  const { sim, url } = await start();
  sim.behave("ai-engine", { outcome: ["CRASHED"] });
  const run = await runBundle("railway-redeploy", {
    token: SCENARIO.projectToken,
    services: "backend, ai-engine",
    "api-url": url,
    wait: "30s",
  });
  expect(run.code).toBe(1);
  expect(run.outputs.status).toBe("failed");
  const rows = JSON.parse(run.outputs.deployments ?? "[]");
  expect(rows.map((r: { service: string; status: string }) => [r.service, r.status])).toEqual([
    ["backend", "rolled-back"],
    ["ai-engine", "failed"],
  ]);
  expect(sim.activeDeployment("backend")?.id).toBe(rows[0]["new-deployment-id"]);
  expect(run.stdout).toContain("::error::Railway rollback failed for ai-engine");
  expect(run.summary).toContain("## Railway rollback: failed");
  expect(run.summary).toMatch(/\| backend \| rolled-back \|/);
  expect(run.all).not.toContain(SCENARIO.projectToken);
});

it("exits 0 with one service and sets deployment-id; a bad input sends no request", async () => {
  const { sim, url } = await start();
  const ok = await runBundle("railway-redeploy", {
    token: SCENARIO.accountToken,
    project: "shop",
    services: "backend",
    "api-url": url,
  });
  expect(ok.code).toBe(0);
  expect(ok.outputs.status).toBe("rolled-back");
  expect(ok.outputs["deployment-id"]).toBe(sim.activeDeployment("backend")?.id);
  expect(ok.all).not.toContain(SCENARIO.accountToken);

  const before = sim.requests.length;
  const bad = await runBundle("railway-redeploy", {
    token: SCENARIO.accountToken,
    services: "backend",
    wait: "forever",
    "api-url": url,
  });
  expect(bad.code).toBe(1);
  expect(bad.stdout).toContain('Input "wait"');
  expect(sim.requests.length).toBe(before);
  expect(bad.all).not.toContain(SCENARIO.accountToken);
});
