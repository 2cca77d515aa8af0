import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCENARIO } from "../src/sim/railway.ts";
import type { SimRequest } from "../src/sim/server.ts";
import { SIM_VERCEL_TOKEN } from "../src/sim/vercel.ts";
import { runBundle } from "./helpers/bundle.ts";
import {
  AI,
  BACKEND,
  operationOf,
  serving,
  startRailway,
  startVercel,
  stopAfterEach,
  until,
  vercelRollback,
} from "./helpers/traffic.ts";

/** traffic as the runner runs it (`node dist/traffic/index.js`): outputs in GITHUB_OUTPUT, exit codes, signals. */

stopAfterEach();
const railway = (url: string, inputs: Record<string, string>) =>
  runBundle("traffic", {
    platform: "railway",
    token: SCENARIO.projectToken,
    services: "backend, ai-engine",
    "api-url": url,
    wait: "5s",
    ...inputs,
  });

/** The pid of the traffic bundle this test process started (a child of ours), if it runs. */
function bundlePid(): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (ppid === process.pid && cmdline.includes("traffic/index.js")) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

describe("traffic bundle on Railway", () => {
  it("a partial stop exits 1 with `stopped` naming what it stopped; the resume bundle brings back only that", async () => {
    const { sim, url } = await startRailway();
    let stops = 0;
    sim.inject({
      kind: "status",
      status: 403,
      body: { errors: [{ message: "Not Authorized" }] },
      match: { when: (r: SimRequest) => operationOf(r) === "DeploymentStop" && ++stops === 2 },
    });
    const paused = await railway(url, { mode: "pause" });
    expect(paused.code).toBe(1);
    expect(paused.outputs.status).toBe("failed");
    expect(JSON.parse(paused.outputs.stopped ?? "")).toEqual({
      platform: "railway",
      services: [{ service: "backend", "service-id": BACKEND.id, "deployment-id": BACKEND.bad }],
    });
    expect(paused.stdout).toContain("::error::Stopping failed for ai-engine");
    expect(paused.stdout).toContain(`Serving: ai-engine (${AI.bad}).`);
    expect(paused.all).not.toContain(SCENARIO.projectToken);

    const resumed = await railway(url, { mode: "resume", stopped: paused.outputs.stopped ?? "" });
    expect(resumed.code).toBe(0);
    expect(resumed.outputs.status).toBe("resumed");
    expect(serving(sim, "backend")).not.toMatch(/stopped|nothing/);
    expect(serving(sim, "ai-engine")).toBe(AI.bad);
    expect(resumed.all).not.toContain(SCENARIO.projectToken);
  });

  it("SIGTERM during the first stop: exits 1, `stopped` records it, the summary says what serves", async () => {
    const { sim, url } = await startRailway();
    let signalled = false;
    // The stop that carries the signal is answered 300 ms later: the bundle handles SIGTERM before the answer.
    sim.inject({
      kind: "delay",
      ms: 300,
      match: {
        when: (r: SimRequest) => {
          const pid = !signalled && operationOf(r) === "DeploymentStop" ? bundlePid() : undefined;
          if (pid) {
            signalled = true;
            process.kill(pid, "SIGTERM");
          }
          return pid !== undefined;
        },
      },
    });
    const paused = await railway(url, { mode: "pause" });
    expect(signalled).toBe(true);
    expect(paused.code).toBe(1);
    expect(paused.stdout).toContain("Received SIGTERM");
    expect(paused.outputs.status).toBe("failed");
    expect(JSON.parse(paused.outputs.stopped ?? "").services).toEqual([
      { service: "backend", "service-id": BACKEND.id, "deployment-id": BACKEND.bad },
    ]);
    expect(paused.stdout).toContain("::error::Cancelled by SIGTERM: ai-engine not reached.");
    expect(paused.summary).toContain(`Serving: ai-engine (${AI.bad}).`);
    expect(serving(sim, "backend")).toBe(`stopped ${BACKEND.bad}`);
    expect(serving(sim, "ai-engine")).toBe(AI.bad);
  });
});

describe("traffic bundle on Vercel", () => {
  it("pause → rollback during the pause → resume: the project ends serving the rollback, pinned", async () => {
    const sim = await startVercel();
    const vercel = { platform: "vercel", token: SIM_VERCEL_TOKEN, project: "shop", "api-url": sim.url };
    const paused = await runBundle("traffic", { ...vercel, mode: "pause" });
    expect(paused.code).toBe(0);
    expect(JSON.parse(paused.outputs.stopped ?? "")).toEqual({
      platform: "vercel",
      "project-id": "prj_shop",
      paused: true,
      pinned: false,
    });
    await vercelRollback(sim, "dpl_good2");
    await until(() => sim.project("shop")?.production === "dpl_good2");
    const resumed = await runBundle("traffic", {
      ...vercel,
      mode: "resume",
      stopped: paused.outputs.stopped ?? "",
    });
    expect(resumed.code).toBe(0);
    expect(resumed.outputs.status).toBe("resumed");
    expect(sim.project("shop")).toMatchObject({ paused: false, autoAssignCustomDomains: false });
    expect(sim.visit("shop.example.com")).toEqual({ status: 200, deploymentId: "dpl_good2" });
    expect(resumed.summary).toContain("Production stays pinned");
    expect(resumed.all).not.toContain(SIM_VERCEL_TOKEN);
  });
});
