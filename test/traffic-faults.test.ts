import { describe, expect, it } from "vitest";
import type { RailwaySimulator } from "../src/sim/railway.ts";
import type { SimRequest } from "../src/sim/server.ts";
import type { VercelSimulator } from "../src/sim/vercel.ts";
import {
  AI,
  BACKEND,
  operationOf,
  railwayTraffic,
  serving,
  sigtermAt,
  startRailway,
  startVercel,
  stopAfterEach,
  until,
  vercelRollback,
  vercelTraffic,
} from "./helpers/traffic.ts";

/**
 * Every step of pause and resume, failing three ways: the server answers 500 without acting, the
 * connection drops after the server acted (the client cannot know), SIGTERM arrives while the step's request
 * is on its way. After each: what serves (read from the simulator), the `stopped` output, the message, and
 * a rerun that finishes or says nothing is left.
 */

stopAfterEach();
type Fault = "500" | "drop" | "sigterm";

/** Matches the nth request for which `match` holds (each request is looked at once). */
function nth(match: (r: SimRequest) => boolean, n: number) {
  let seen = 0;
  return (r: SimRequest) => match(r) && ++seen === n;
}

function inject(sim: RailwaySimulator | VercelSimulator, fault: Fault, when: (r: SimRequest) => boolean) {
  if (fault === "sigterm") {
    const term = sigtermAt(when);
    sim.inject({ kind: "delay", ms: 0, match: { when: term.when }, times: 1000 });
    return { signal: term.signal };
  }
  sim.inject(
    fault === "500"
      ? {
          kind: "status",
          status: 500,
          body: { error: { code: "internal", message: "boom" } },
          match: { when },
        }
      : { kind: "drop-after-handle", match: { when } },
  );
  return {};
}

const names = (stopped: string | undefined) =>
  (JSON.parse(stopped ?? "{}") as { services?: { service: string }[] }).services?.map((s) => s.service);

describe("traffic pause on Railway: each stop failing", () => {
  const cases: Array<{
    fault: Fault;
    nth: 1 | 2;
    status: string;
    backend: "stopped" | "serving";
    ai: "stopped" | "serving";
    recorded: string[];
    message?: string[];
    rerun: { status: string; recorded: string[] };
  }> = [
    {
      fault: "500",
      nth: 1,
      status: "failed",
      backend: "serving",
      ai: "stopped",
      recorded: ["ai-engine"],
      message: [
        "Stopping failed for backend",
        "Stopped (requests get no answer from them): ai-engine.",
        `Serving: backend (${BACKEND.bad})`,
        "`stopped` records ai-engine",
      ],
      rerun: { status: "paused", recorded: ["backend"] },
    },
    {
      fault: "drop",
      nth: 1,
      status: "paused",
      backend: "stopped",
      ai: "stopped",
      recorded: ["backend", "ai-engine"],
      rerun: { status: "already-paused", recorded: [] },
    },
    {
      fault: "sigterm",
      nth: 1,
      status: "failed",
      backend: "stopped",
      ai: "serving",
      recorded: ["backend"],
      message: [
        "Cancelled by SIGTERM: ai-engine not reached.",
        "Stopped (requests get no answer from them): backend.",
        `Serving: ai-engine (${AI.bad})`,
      ],
      rerun: { status: "paused", recorded: ["ai-engine"] },
    },
    {
      fault: "500",
      nth: 2,
      status: "failed",
      backend: "stopped",
      ai: "serving",
      recorded: ["backend"],
      message: [
        "Stopping failed for ai-engine",
        "Stopped (requests get no answer from them): backend.",
        `Serving: ai-engine (${AI.bad})`,
      ],
      rerun: { status: "paused", recorded: ["ai-engine"] },
    },
    {
      fault: "drop",
      nth: 2,
      status: "paused",
      backend: "stopped",
      ai: "stopped",
      recorded: ["backend", "ai-engine"],
      rerun: { status: "already-paused", recorded: [] },
    },
    {
      fault: "sigterm",
      nth: 2,
      status: "failed",
      backend: "stopped",
      ai: "stopped",
      recorded: ["backend", "ai-engine"],
      message: ["Cancelled by SIGTERM.", "Stopped (requests get no answer from them): backend, ai-engine."],
      rerun: { status: "already-paused", recorded: [] },
    },
  ];
  for (const c of cases) {
    it(`${c.fault} at the ${c.nth === 1 ? "first (backend)" : "second (ai-engine)"} stop`, async () => {
      const { sim, url } = await startRailway();
      const options = inject(
        sim,
        c.fault,
        nth((r) => operationOf(r) === "DeploymentStop", c.nth),
      );
      const tk = await railwayTraffic(url, "pause", {}, options);
      expect(tk.outputs.status).toBe(c.status);
      const state = (id: string) => (sim.deployment(id)?.stopped ? "stopped" : "serving");
      expect(state(BACKEND.bad)).toBe(c.backend);
      expect(state(AI.bad)).toBe(c.ai);
      expect(names(tk.outputs.stopped)).toEqual(c.recorded);
      for (const part of c.message ?? []) expect(tk.failed).toContain(part);
      if (!c.message) expect(tk.failed).toBeUndefined();

      sim.server.clearFaults();
      const rerun = await railwayTraffic(url, "pause");
      expect(rerun.outputs.status).toBe(c.rerun.status);
      expect(names(rerun.outputs.stopped)).toEqual(c.rerun.recorded);
      expect(serving(sim, "backend")).toBe(`stopped ${BACKEND.bad}`);
      expect(serving(sim, "ai-engine")).toBe(`stopped ${AI.bad}`);
    });
  }
});

describe("traffic resume on Railway with `stopped`: each redeploy failing", () => {
  const cases: Array<{
    fault: Fault;
    nth: 1 | 2;
    status: string;
    /** After the run: the service serves a new deployment (resumed) or is still stopped. */
    backend: "resumed" | "stopped";
    ai: "resumed" | "stopped";
    message?: string[];
  }> = [
    {
      fault: "500",
      nth: 1,
      status: "failed",
      backend: "stopped",
      ai: "resumed",
      message: ["Resuming failed for backend", "Stopped (requests get no answer from them): backend."],
    },
    { fault: "drop", nth: 1, status: "resumed", backend: "resumed", ai: "resumed" },
    {
      fault: "sigterm",
      nth: 1,
      status: "failed",
      backend: "resumed",
      ai: "stopped",
      message: ["when the run was cancelled", "Cancelled by SIGTERM: ai-engine not reached."],
    },
    {
      fault: "500",
      nth: 2,
      status: "failed",
      backend: "resumed",
      ai: "stopped",
      message: ["Resuming failed for ai-engine", "Stopped (requests get no answer from them): ai-engine."],
    },
    { fault: "drop", nth: 2, status: "resumed", backend: "resumed", ai: "resumed" },
    {
      fault: "sigterm",
      nth: 2,
      status: "failed",
      backend: "resumed",
      ai: "resumed",
      message: ["when the run was cancelled"],
    },
  ];
  for (const c of cases) {
    it(`${c.fault} at the ${c.nth === 1 ? "first (backend)" : "second (ai-engine)"} redeploy`, async () => {
      const { sim, url } = await startRailway();
      const paused = await railwayTraffic(url, "pause");
      const stopped = paused.outputs.stopped ?? "";
      expect(names(stopped)).toEqual(["backend", "ai-engine"]);
      const options = inject(
        sim,
        c.fault,
        nth((r) => operationOf(r) === "DeploymentResume", c.nth),
      );
      const tk = await railwayTraffic(url, "resume", { stopped }, options);
      expect(tk.outputs.status).toBe(c.status);
      for (const part of c.message ?? []) expect(tk.failed).toContain(part);
      if (!c.message) expect(tk.failed).toBeUndefined();
      // A redeploy sent before SIGTERM lands by itself: wait for the simulator to settle.
      const settled = (service: string, id: string) => serving(sim, service) !== `stopped ${id}`;
      if (c.backend === "resumed") await until(() => settled("backend", BACKEND.bad));
      if (c.ai === "resumed") await until(() => settled("ai-engine", AI.bad));
      expect(serving(sim, "backend") === `stopped ${BACKEND.bad}`).toBe(c.backend === "stopped");
      expect(serving(sim, "ai-engine") === `stopped ${AI.bad}`).toBe(c.ai === "stopped");

      sim.server.clearFaults();
      const redeploysBefore = sim.operations().filter((o) => o === "DeploymentResume").length;
      const rerun = await railwayTraffic(url, "resume", { stopped });
      expect(rerun.failed).toBeUndefined();
      const left = c.backend === "stopped" || c.ai === "stopped";
      expect(rerun.outputs.status).toBe(left ? "resumed" : "already-running");
      for (const [service, bad] of [
        ["backend", BACKEND.bad],
        ["ai-engine", AI.bad],
      ] as const) {
        expect(serving(sim, service)).not.toMatch(/^stopped|nothing/);
        expect(sim.activeDeployment(service)?.meta.image).toBe(sim.deployment(bad)?.meta.image);
      }
      // Only what was still stopped is redeployed: once each in all.
      const redeploys = sim.operations().filter((o) => o === "DeploymentResume").length;
      expect(redeploys - redeploysBefore).toBe(
        (c.backend === "stopped" ? 1 : 0) + (c.ai === "stopped" ? 1 : 0),
      );
    });
  }
});

describe("traffic on Vercel: each step failing", () => {
  const post = (path: RegExp) => (r: SimRequest) => r.method !== "GET" && path.test(r.path);
  const cases: Array<{
    mode: "pause" | "resume";
    step: string;
    match: (r: SimRequest) => boolean;
    fault: Fault;
    status: string;
    paused: boolean;
    autoAssign: boolean;
    recordedPaused?: boolean;
    message?: string[];
    rerun: string;
  }> = [
    {
      mode: "pause",
      step: "pause",
      match: post(/\/pause$/),
      fault: "500",
      status: "failed",
      paused: false,
      autoAssign: false,
      recordedPaused: false,
      message: ["Vercel answered 500", "served by production (dpl_good2)"],
      rerun: "paused",
    },
    {
      mode: "pause",
      step: "pause",
      match: post(/\/pause$/),
      fault: "drop",
      status: "paused",
      paused: true,
      autoAssign: false,
      recordedPaused: true,
      rerun: "already-paused",
    },
    {
      mode: "pause",
      step: "pause",
      match: post(/\/pause$/),
      fault: "sigterm",
      status: "failed",
      paused: true,
      autoAssign: false,
      recordedPaused: true,
      message: ["Cancelled by SIGTERM.", "get 503"],
      rerun: "already-paused",
    },
    {
      mode: "resume",
      step: "unpause",
      match: post(/\/unpause$/),
      fault: "500",
      status: "failed",
      paused: true,
      autoAssign: false,
      message: ["Vercel answered 500", "get 503 (the project is paused)"],
      rerun: "resumed",
    },
    {
      mode: "resume",
      step: "unpause",
      match: post(/\/unpause$/),
      fault: "drop",
      status: "resumed",
      paused: false,
      autoAssign: false,
      rerun: "already-running",
    },
    {
      mode: "resume",
      step: "unpause",
      match: post(/\/unpause$/),
      fault: "sigterm",
      status: "failed",
      paused: false,
      autoAssign: false,
      message: ["Cancelled by SIGTERM.", "Production stays pinned"],
      rerun: "already-running",
    },
    {
      mode: "resume",
      step: "re-pin",
      match: post(/^\/v9\/projects\//),
      fault: "500",
      status: "failed",
      paused: false,
      autoAssign: true,
      message: ["Vercel answered 500", "Production is NOT pinned"],
      rerun: "resumed",
    },
    {
      mode: "resume",
      step: "re-pin",
      match: post(/^\/v9\/projects\//),
      fault: "drop",
      status: "resumed",
      paused: false,
      autoAssign: false,
      rerun: "already-running",
    },
    {
      mode: "resume",
      step: "re-pin",
      match: post(/^\/v9\/projects\//),
      fault: "sigterm",
      status: "failed",
      paused: false,
      autoAssign: false,
      message: ["Cancelled by SIGTERM.", "Production stays pinned"],
      rerun: "already-running",
    },
  ];
  for (const c of cases) {
    it(`${c.mode}: ${c.fault} at the ${c.step}`, async () => {
      // Production was rolled back (pinned) before the pause: the run must keep it so.
      const sim = await startVercel();
      await vercelRollback(sim, "dpl_good2");
      await until(() => sim.project("shop")?.production === "dpl_good2");
      let stopped = "";
      if (c.mode === "resume") {
        stopped = (await vercelTraffic(sim, "pause")).outputs.stopped ?? "";
        expect(JSON.parse(stopped)).toEqual({
          platform: "vercel",
          "project-id": "prj_shop",
          paused: true,
          pinned: true,
        });
      }
      const options = inject(sim, c.fault, c.match);
      const tk = await vercelTraffic(sim, c.mode, c.mode === "resume" ? { stopped } : {}, options);
      expect(tk.outputs.status).toBe(c.status);
      expect(sim.project("shop")).toMatchObject({
        paused: c.paused,
        autoAssignCustomDomains: c.autoAssign,
        production: "dpl_good2",
      });
      if (c.recordedPaused !== undefined)
        expect(JSON.parse(tk.outputs.stopped ?? "")).toEqual({
          platform: "vercel",
          "project-id": "prj_shop",
          paused: c.recordedPaused,
          pinned: true,
        });
      for (const part of c.message ?? []) expect(tk.failed).toContain(part);
      if (!c.message) expect(tk.failed).toBeUndefined();

      sim.server.clearFaults();
      const rerun = await vercelTraffic(sim, c.mode, c.mode === "resume" ? { stopped } : {});
      expect(rerun.outputs.status).toBe(c.rerun);
      expect(sim.project("shop")).toMatchObject({
        paused: c.mode === "pause",
        autoAssignCustomDomains: false,
      });
    });
  }
});

describe("traffic on Railway: the reads failing", () => {
  it("the pause's first read refused: nothing changed, `stopped` records nothing, a rerun pauses", async () => {
    const { sim, url } = await startRailway();
    sim.inject({ kind: "graphql-error", operation: "TrafficState", message: "Internal server error" });
    const tk = await railwayTraffic(url, "pause");
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("Internal server error");
    expect(tk.failed).toContain("Nothing was changed.");
    expect(JSON.parse(tk.outputs.stopped ?? "")).toEqual({ platform: "railway", services: [] });
    expect(serving(sim, "backend")).toBe(BACKEND.bad);
    expect(serving(sim, "ai-engine")).toBe(AI.bad);
    expect((await railwayTraffic(url, "pause")).outputs.status).toBe("paused");
  });

  it("resume's status read refused while waiting: the service fails with it, a rerun finishes without a second redeploy", async () => {
    const { sim, url } = await startRailway();
    const stopped = (await railwayTraffic(url, "pause")).outputs.stopped ?? "";
    sim.inject({ kind: "graphql-error", operation: "Deployment", message: "Internal server error" });
    const tk = await railwayTraffic(url, "resume", { stopped });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("Resuming failed for backend");
    expect(tk.failed).toContain("Internal server error");
    await until(() => !serving(sim, "backend").startsWith("stopped"));
    const rerun = await railwayTraffic(url, "resume", { stopped });
    expect(rerun.failed).toBeUndefined();
    expect(serving(sim, "backend")).not.toMatch(/stopped|nothing/);
    // One redeploy per service in all: backend's landed although its wait failed.
    expect(sim.operations().filter((o) => o === "DeploymentResume")).toHaveLength(2);
    expect(serving(sim, "ai-engine")).not.toMatch(/stopped|nothing/);
  });
});
