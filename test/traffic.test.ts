import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import traffic from "../src/actions/traffic/index.ts";
import { DEPLOYMENT_QUERY } from "../src/platforms/railway/operations.ts";
import {
  DEPLOYMENT_RESUME_MUTATION,
  DEPLOYMENT_STOP_MUTATION,
  TRAFFIC_STATE_QUERY,
} from "../src/platforms/railway/traffic.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { badProductionSimulator, SIM_VERCEL_TOKEN, type VercelSimulator } from "../src/sim/vercel.ts";
import { runInProcess } from "./helpers/run.ts";

let vercel: VercelSimulator | undefined;
let railway: RailwaySimulator | undefined;
let railwayUrl = "";
afterEach(async () => {
  await vercel?.stop();
  await railway?.stop();
  vercel = undefined;
  railway = undefined;
});

// Resume's wait polls DEPLOYMENT_QUERY (a deployment's status) besides the three of its own.
const OPERATIONS = {
  TRAFFIC_STATE_QUERY,
  DEPLOYMENT_STOP_MUTATION,
  DEPLOYMENT_RESUME_MUTATION,
  DEPLOYMENT_QUERY,
};

describe("traffic: Railway operations validate", () => {
  const publicSchema = buildSchema(
    readFileSync(resolve(import.meta.dirname, "../../shared/api/railway-public-schema.graphql"), "utf8"),
    { assumeValid: true },
  );
  const simSchema = new RailwaySimulator(rollbackScenario()).schema;
  for (const [name, source] of Object.entries(OPERATIONS)) {
    it(name, () => {
      expect(validate(publicSchema, parse(source)).map((e) => e.message)).toEqual([]);
      expect(validate(simSchema, parse(source)).map((e) => e.message)).toEqual([]);
    });
  }
});

describe("traffic: Vercel", () => {
  const run = (mode: string, extra: Record<string, string> = {}) =>
    runInProcess(traffic, {
      mode,
      platform: "vercel",
      token: SIM_VERCEL_TOKEN,
      project: "shop",
      "api-url": vercel?.url ?? "",
      ...extra,
    });

  it("pauses (visitors get 503) then resumes, each twice", async () => {
    vercel = badProductionSimulator();
    await vercel.start();
    const paused = await run("pause");
    expect(paused.failed).toBeUndefined();
    expect(paused.outputs.status).toBe("paused");
    expect(vercel.visit("shop.example.com").status).toBe(503);
    expect(paused.summary).toContain("now get 503");
    expect((await run("pause")).outputs.status).toBe("already-paused");
    const resumed = await run("resume");
    expect(resumed.outputs.status).toBe("resumed");
    expect(vercel.visit("shop.example.com")).toEqual({ status: 200, deploymentId: "dpl_bad" });
    expect(resumed.summary).toContain("are served by production (dpl_bad).");
    expect((await run("resume")).outputs.status).toBe("already-running");
    expect(vercel.mutations().map((r) => r.path)).toEqual([
      "/v1/projects/prj_shop/pause",
      "/v1/projects/prj_shop/unpause",
    ]);
  });

  it("a dry run changes nothing", async () => {
    vercel = badProductionSimulator();
    await vercel.start();
    const tk = await run("pause", { "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(vercel.mutations()).toHaveLength(0);
    expect(vercel.visit("shop.example.com").status).toBe(200);
  });

  it("without a project, fails naming the input before any request", async () => {
    vercel = badProductionSimulator();
    await vercel.start();
    const tk = await runInProcess(traffic, {
      mode: "pause",
      platform: "vercel",
      token: SIM_VERCEL_TOKEN,
      "api-url": vercel.url,
    });
    expect(tk.failed).toContain(`Input "project"`);
    expect(vercel.requests).toHaveLength(0);
  });
});

describe("traffic: Railway", () => {
  const fast = { timing: { initializingMs: 10, buildingMs: 0, deployingMs: 50 } };
  const run = (mode: string, extra: Record<string, string> = {}) =>
    runInProcess(traffic, {
      mode,
      platform: "railway",
      token: SCENARIO.projectToken,
      services: "backend, ai-engine",
      "api-url": railwayUrl,
      ...extra,
    });
  const stopped = (id: string) => railway?.deployment(id)?.stopped === true;

  it("stops the active deployments, then brings the same image back and waits for SUCCESS, each twice", async () => {
    railway = new RailwaySimulator(rollbackScenario(fast));
    railwayUrl = await railway.start();
    const paused = await run("pause");
    expect(paused.failed).toBeUndefined();
    expect(paused.outputs.status).toBe("paused");
    expect(stopped(SCENARIO.services.backend.bad)).toBe(true);
    expect(stopped(SCENARIO.services["ai-engine"].bad)).toBe(true);
    expect(paused.summary).toContain("Stopped (requests get no answer from them): backend, ai-engine.");
    expect((await run("pause")).outputs.status).toBe("already-paused");

    const resumed = await run("resume");
    expect(resumed.failed).toBeUndefined();
    expect(resumed.outputs.status).toBe("resumed");
    expect(resumed.summary).toMatch(/Serving: backend \([\w-]+\), ai-engine \([\w-]+\)\./);
    expect((await run("resume")).outputs.status).toBe("already-running");
  });

  it("resume of a service that was never stopped changes nothing", async () => {
    railway = new RailwaySimulator(rollbackScenario(fast));
    railwayUrl = await railway.start();
    const tk = await run("resume");
    expect(tk.outputs.status).toBe("already-running");
    expect(tk.summary).toContain(
      `Serving: backend (${SCENARIO.services.backend.bad}), ai-engine (${SCENARIO.services["ai-engine"].bad}).`,
    );
  });

  it("a stop failing halfway: the summary says which services are stopped, the step fails", async () => {
    railway = new RailwaySimulator(rollbackScenario(fast));
    railwayUrl = await railway.start();
    railway.inject({
      kind: "graphql-error",
      operation: "DeploymentStop",
      message: "Not Authorized",
      times: 1,
    });
    const tk = await run("pause", { services: "ai-engine, backend" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("ai-engine");
    expect(stopped(SCENARIO.services["ai-engine"].bad)).toBe(false);
    expect(stopped(SCENARIO.services.backend.bad)).toBe(true);
    expect(tk.summary).toContain("Stopped (requests get no answer from them): backend.");
    expect(tk.summary).toContain(`Serving: ai-engine (${SCENARIO.services["ai-engine"].bad}).`);
  });

  it("a dry run changes nothing", async () => {
    railway = new RailwaySimulator(rollbackScenario(fast));
    railwayUrl = await railway.start();
    const tk = await run("pause", { "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(stopped(SCENARIO.services.backend.bad)).toBe(false);
  });
});
