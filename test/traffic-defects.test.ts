import { Vercel } from "@vercel/sdk";
import { describe, expect, it } from "vitest";
import vercelPromote from "../src/actions/vercel-promote/index.ts";
import { SIM_VERCEL_TOKEN } from "../src/sim/vercel.ts";
import { runInProcess } from "./helpers/run.ts";
import {
  AI,
  BACKEND,
  operationOf,
  railwayRollback,
  railwayTraffic,
  serving,
  startRailway,
  startVercel,
  stopAfterEach,
  until,
  vercelRollback,
  vercelTraffic,
} from "./helpers/traffic.ts";

/** Each defect of issue 23 about traffic, as its own case. */

stopAfterEach();
const redeploysOf = (sim: { requests: { body: unknown }[] }, id: string) =>
  sim.requests.filter(
    (r) =>
      operationOf(r as never) === "DeploymentResume" &&
      (r.body as { variables?: { id?: string } }).variables?.id === id,
  ).length;

describe("Vercel: an unpause turns auto-assignment back on", () => {
  it("the simulator does as the SDK documents: pause off, unpause on, PATCH sets it", async () => {
    const sim = await startVercel();
    const vercel = new Vercel({ bearerToken: SIM_VERCEL_TOKEN, serverURL: sim.url });
    await vercelRollback(sim, "dpl_good2");
    expect(sim.project("shop")?.autoAssignCustomDomains).toBe(false);
    await vercel.projects.pauseProject({ projectId: "prj_shop" });
    expect(sim.project("shop")).toMatchObject({ paused: true, autoAssignCustomDomains: false });
    await vercel.projects.unpauseProject({ projectId: "prj_shop" });
    // The defect: the rollback's pin is gone, so the next build takes production.
    expect(sim.project("shop")).toMatchObject({ paused: false, autoAssignCustomDomains: true });
    const updated = await vercel.projects.updateProject({
      idOrName: "prj_shop",
      requestBody: { autoAssignCustomDomains: false },
    });
    expect(updated.autoAssignCustomDomains).toBe(false);
    expect(sim.project("shop")?.autoAssignCustomDomains).toBe(false);
    // Fields the simulator does not model are refused, not silently ignored.
    const other = await fetch(`${sim.url}/v9/projects/prj_shop`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${SIM_VERCEL_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ buildCommand: "make" }),
    });
    expect(other.status).toBe(400);
  });

  it("pause → rollback during the pause → resume ends pinned: a new build stays staged, a second run stays put", async () => {
    const sim = await startVercel();
    const paused = await vercelTraffic(sim, "pause");
    expect(JSON.parse(paused.outputs.stopped ?? "")).toEqual({
      platform: "vercel",
      "project-id": "prj_shop",
      paused: true,
      pinned: false,
    });
    const promote = (inputs: Record<string, string> = {}) =>
      runInProcess(vercelPromote, {
        token: SIM_VERCEL_TOKEN,
        project: "shop",
        "api-url": sim.url,
        wait: "5s",
        ...inputs,
      });
    const rolled = await promote();
    expect(rolled.outputs).toMatchObject({ status: "rolled-back", "deployment-id": "dpl_good2" });
    // While paused the plan and the report say "paused", not "pinned".
    expect(rolled.summary).toContain("The project is paused");
    expect(rolled.summary).not.toContain("Production is pinned");
    const again = await promote();
    expect(again.outputs.status).toBe("already-current");
    expect(again.summary).toContain("The project is paused");

    const resumed = await vercelTraffic(sim, "resume", { stopped: paused.outputs.stopped ?? "" });
    expect(resumed.failed).toBeUndefined();
    expect(resumed.outputs.status).toBe("resumed");
    expect(sim.project("shop")).toMatchObject({
      paused: false,
      autoAssignCustomDomains: false,
      production: "dpl_good2",
    });
    expect(resumed.summary).toContain("Production stays pinned");
    expect(
      sim
        .mutations()
        .map((r) => `${r.method} ${r.path}`)
        .slice(-2),
    ).toEqual(["POST /v1/projects/prj_shop/unpause", "PATCH /v9/projects/prj_shop"]);
    // The next push builds and stays staged; an automatic rollback run does not walk further back.
    sim.startBuild("shop", { id: "dpl_push", readyInMs: 10 });
    await until(() => sim.deployment("dpl_push")?.readyState === "READY");
    expect(sim.visit("shop.example.com")).toEqual({ status: 200, deploymentId: "dpl_good2" });
    expect((await promote()).outputs).toMatchObject({
      status: "already-current",
      "deployment-id": "dpl_good2",
    });
  });

  it("a pin from before the pause is recorded and put back; an older caller (no `stopped`) re-pins too", async () => {
    const sim = await startVercel();
    await vercelRollback(sim, "dpl_good2");
    await until(() => sim.project("shop")?.production === "dpl_good2");
    const paused = await vercelTraffic(sim, "pause");
    expect(JSON.parse(paused.outputs.stopped ?? "").pinned).toBe(true);
    const resumed = await vercelTraffic(sim, "resume");
    expect(resumed.outputs.status).toBe("resumed");
    expect(sim.project("shop")).toMatchObject({ paused: false, autoAssignCustomDomains: false });
  });

  it("a resume without a rollback in effect leaves auto-assignment on", async () => {
    const sim = await startVercel();
    const paused = await vercelTraffic(sim, "pause");
    const resumed = await vercelTraffic(sim, "resume", { stopped: paused.outputs.stopped ?? "" });
    expect(resumed.outputs.status).toBe("resumed");
    expect(sim.project("shop")).toMatchObject({ paused: false, autoAssignCustomDomains: true });
    expect(sim.mutations().some((r) => r.method === "PATCH")).toBe(false);
  });

  it("a project a person paused stays paused: this rollback's record says it did not pause it", async () => {
    const sim = await startVercel();
    await vercelTraffic(sim, "pause");
    const rerun = await vercelTraffic(sim, "pause");
    expect(rerun.outputs.status).toBe("already-paused");
    const stopped = rerun.outputs.stopped ?? "";
    expect(JSON.parse(stopped).paused).toBe(false);
    expect(rerun.summary).toContain("a resume with it leaves this stopped");
    const resumed = await vercelTraffic(sim, "resume", { stopped });
    expect(resumed.outputs.status).toBe("already-running");
    expect(resumed.summary).toContain("The project stays paused");
    expect(sim.project("shop")?.paused).toBe(true);
  });
});

describe("Railway: a partial stop", () => {
  it("records what it stopped, names what is stopped and what serves; resume brings back only that", async () => {
    const { sim, url } = await startRailway();
    // backend stops; ai-engine, the second, is refused (403 Not Authorized, nothing done).
    let stops = 0;
    sim.inject({
      kind: "status",
      status: 403,
      body: { errors: [{ message: "Not Authorized" }] },
      match: { when: (r) => operationOf(r) === "DeploymentStop" && ++stops === 2 },
    });
    const paused = await railwayTraffic(url, "pause");
    expect(paused.outputs.status).toBe("failed");
    expect(JSON.parse(paused.outputs.stopped ?? "")).toEqual({
      platform: "railway",
      services: [{ service: "backend", "service-id": BACKEND.id, "deployment-id": BACKEND.bad }],
    });
    expect(paused.failed).toContain("Stopping failed for ai-engine");
    expect(paused.failed).toContain("Stopped (requests get no answer from them): backend.");
    expect(paused.failed).toContain(`Serving: ai-engine (${AI.bad}).`);
    expect(serving(sim, "backend")).toBe(`stopped ${BACKEND.bad}`);
    expect(serving(sim, "ai-engine")).toBe(AI.bad);

    const resumed = await railwayTraffic(url, "resume", {
      stopped: paused.outputs.stopped ?? "",
      services: "",
    });
    expect(resumed.failed).toBeUndefined();
    expect(resumed.outputs.status).toBe("resumed");
    expect(serving(sim, "backend")).not.toMatch(/stopped|nothing/);
    expect(serving(sim, "ai-engine")).toBe(AI.bad);
    expect(redeploysOf(sim, AI.bad)).toBe(0);
  });
});

describe("Railway: a service a person stopped before the run", () => {
  it("is not recorded by the pause and stays stopped after the resume", async () => {
    const { sim, url } = await startRailway();
    const ai = sim.deployment(AI.bad);
    if (ai) ai.stopped = true;
    const paused = await railwayTraffic(url, "pause");
    expect(paused.outputs.status).toBe("paused");
    expect(
      JSON.parse(paused.outputs.stopped ?? "").services.map((s: { service: string }) => s.service),
    ).toEqual(["backend"]);
    const resumed = await railwayTraffic(url, "resume", { stopped: paused.outputs.stopped ?? "" });
    expect(resumed.outputs.status).toBe("resumed");
    expect(serving(sim, "ai-engine")).toBe(`stopped ${AI.bad}`);
    expect(redeploysOf(sim, AI.bad)).toBe(0);
    expect(resumed.summary).toMatch(/\| ai-engine \| left stopped \(not by this rollback's pause\) \|/);
    expect(resumed.summary).toContain("Stopped (requests get no answer from them): ai-engine.");
  });
});

describe("Railway: resume while the rollback is still deploying", () => {
  const slow = { initializingMs: 10, buildingMs: 10, deployingMs: 400 };

  it("waits for the rollback's deployment and keeps it; the stopped bad one is not redeployed", async () => {
    const { sim, url } = await startRailway(slow);
    const paused = await railwayTraffic(url, "pause");
    await railwayRollback(url, BACKEND.good);
    const resumed = await railwayTraffic(url, "resume", { stopped: paused.outputs.stopped ?? "" });
    expect(resumed.failed).toBeUndefined();
    expect(resumed.outputs.status).toBe("resumed");
    expect(redeploysOf(sim, BACKEND.bad)).toBe(0);
    expect(sim.activeDeployment("backend")?.meta.image).toBe(sim.deployment(BACKEND.good)?.meta.image);
    expect(sim.activeDeployment("backend")?.stopped).toBeUndefined();
    expect(resumed.logs.join("\n")).toContain("is not brought back (it would replace it)");
    expect(redeploysOf(sim, AI.bad)).toBe(1);
  });

  it("when `wait` runs out, brings nothing back for that service and says so; a rerun after it landed finishes", async () => {
    const { sim, url } = await startRailway(slow);
    const paused = await railwayTraffic(url, "pause");
    const stopped = paused.outputs.stopped ?? "";
    await railwayRollback(url, BACKEND.good);
    const resumed = await railwayTraffic(url, "resume", { stopped, wait: "100ms" });
    expect(resumed.outputs.status).toBe("failed");
    expect(resumed.failed).toMatch(/backend: the newer deployment [\w-]+ .* still (DEPLOYING|INITIALIZING)/);
    expect(resumed.failed).toContain(`so the stopped ${BACKEND.bad} was not brought back`);
    expect(redeploysOf(sim, BACKEND.bad)).toBe(0);
    await until(() => sim.activeDeployment("backend")?.meta.reason === "rollback");
    const rerun = await railwayTraffic(url, "resume", { stopped });
    expect(rerun.failed).toBeUndefined();
    expect(redeploysOf(sim, BACKEND.bad)).toBe(0);
    expect(sim.activeDeployment("backend")?.meta.image).toBe(sim.deployment(BACKEND.good)?.meta.image);
  });

  it("a rollback that ended FAILED: nothing is brought back for that service, the message says it serves nothing", async () => {
    const { sim, url } = await startRailway();
    const paused = await railwayTraffic(url, "pause");
    sim.behave("backend", { outcome: ["FAILED"] });
    await railwayRollback(url, BACKEND.good);
    await until(() => sim.deploymentsOf("backend")[0]?.status === "FAILED");
    const resumed = await railwayTraffic(url, "resume", { stopped: paused.outputs.stopped ?? "" });
    expect(resumed.outputs.status).toBe("failed");
    expect(resumed.failed).toContain("ended FAILED");
    expect(resumed.failed).toContain("Stopped (requests get no answer from them): backend.");
    expect(redeploysOf(sim, BACKEND.bad)).toBe(0);
    expect(serving(sim, "backend")).toBe(`stopped ${BACKEND.bad}`);
  });

  it("an older caller (no `stopped`) never redeploys over a newer deployment either", async () => {
    const { sim, url } = await startRailway(slow);
    await railwayTraffic(url, "pause");
    await railwayRollback(url, BACKEND.good);
    const resumed = await railwayTraffic(url, "resume");
    expect(resumed.failed).toBeUndefined();
    expect(redeploysOf(sim, BACKEND.bad)).toBe(0);
    expect(sim.activeDeployment("backend")?.meta.image).toBe(sim.deployment(BACKEND.good)?.meta.image);
  });
});

describe("traffic: `stopped` as input", () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ["not JSON", { stopped: "backend" }, `Input "stopped" is not JSON`],
    [
      "not a pause's record",
      { stopped: `{"platform":"railway"}` },
      `Input "stopped" is not what a pause records`,
    ],
    [
      "with mode: pause",
      { mode: "pause", stopped: `{"platform":"railway","services":[]}` },
      "is read only with `mode: resume`",
    ],
    [
      "another platform's",
      { stopped: `{"platform":"vercel","project-id":"prj_shop","paused":true,"pinned":false}` },
      "records platform vercel, but `platform` is railway",
    ],
  ];
  for (const [name, inputs, message] of cases) {
    it(`${name}: fails naming the input before any request`, async () => {
      const { sim, url } = await startRailway();
      const { mode = "resume", ...rest } = inputs;
      const tk = await railwayTraffic(url, mode as "resume", rest);
      expect(tk.failed).toContain(message);
      expect(tk.failed).toContain("Nothing was changed.");
      expect(sim.requests).toHaveLength(0);
    });
  }

  it("another Vercel project's record fails before any change", async () => {
    const sim = await startVercel();
    const tk = await vercelTraffic(sim, "resume", {
      stopped: `{"platform":"vercel","project-id":"prj_other","paused":true,"pinned":false}`,
    });
    expect(tk.failed).toContain(
      `Input "stopped" records project prj_other, but \`project\` is shop (prj_shop)`,
    );
    expect(sim.mutations()).toHaveLength(0);
  });

  it("a resume given an empty record (the pause stopped nothing) changes nothing", async () => {
    const { sim, url } = await startRailway();
    const ai = sim.deployment(AI.bad);
    if (ai) ai.stopped = true;
    const tk = await railwayTraffic(url, "resume", { stopped: `{"platform":"railway","services":[]}` });
    expect(tk.outputs.status).toBe("already-running");
    expect(tk.summary).toContain("Left stopped (not stopped by this rollback's pause): ai-engine.");
    expect(redeploysOf(sim, AI.bad)).toBe(0);
  });
});
