import { describe, expect, it } from "vitest";
import { rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import {
  FAST,
  logs,
  mutations,
  rows,
  runRailway,
  startRailway,
  stopSimulatorsAfterEach,
} from "./helpers/railway.ts";

// Issue 10: safe to run twice, against a simulator that writes what Railway writes.
const { backend } = SCENARIO.services;
stopSimulatorsAfterEach();

describe("after good → bad → rollback", () => {
  it("a second automatic run and an explicit rerun to the good deployment change nothing", async () => {
    const { sim, url } = await startRailway();
    const first = await runRailway(url);
    expect(first.outputs.status).toBe("rolled-back");
    const rollback = first.outputs["deployment-id"] as string;

    const again = await runRailway(url);
    expect(again.failed).toBeUndefined();
    expect(again.outputs.status).toBe("already-current");
    expect(logs(again)).toContain("To go further back, give deployment explicitly");
    const explicit = await runRailway(url, { deployment: backend.good });
    expect(explicit.outputs.status).toBe("already-current");
    // Never the replaced (bad) deployment, never a second rollback.
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
    expect(sim.activeDeployment("backend")?.id).toBe(rollback);
  });

  it("refuses to walk past an active rollback whose source is not in the history", async () => {
    const seed = rollbackScenario({ timing: FAST });
    const bad = seed.deployments?.find((d) => d.id === backend.bad);
    // The active deployment is a rollback of an image no listed deployment has (trimmed history).
    if (bad)
      bad.meta = {
        reason: "rollback",
        image: "registry.railway.internal/backend:0",
        imageDigest: "sha256:gone",
      };
    const { sim, url } = await startRailway(seed);
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("already-current");
    expect(tk.logs.join("\n")).toContain("give deployment: <id> explicitly");
    expect(mutations(sim)).toEqual([]);
  });

  it("two runs at once make one rollback: the second follows the first's deployment", async () => {
    const { sim, url } = await startRailway(rollbackScenario({ timing: { ...FAST, deployingMs: 400 } }));
    const started = new Promise<void>((resolve) => {
      const off = sim.onChange((d) => {
        if (d.meta.reason === "rollback") {
          off();
          resolve();
        }
      });
    });
    const first = runRailway(url);
    await started;
    const [a, b] = await Promise.all([first, runRailway(url)]);
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
    expect([a.outputs.status, b.outputs.status]).toEqual(["rolled-back", "rolled-back"]);
    expect(b.outputs["deployment-id"]).toBe(a.outputs["deployment-id"]);
    expect(logs(b)).toContain("already on its way");
  });
});

describe("answers and tokens", () => {
  it("fails when deploymentRollback answers false", async () => {
    const { sim, url } = await startRailway();
    sim.inject({
      kind: "graphql-data",
      operation: "DeploymentRollback",
      data: { deploymentRollback: false },
    });
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("Railway answered false to DeploymentRollback");
    expect(rows(tk)[0]?.["new-deployment-id"]).toBeNull();
  });

  it("finds a workspace project by name with an account token (me.workspaces, then projects(workspaceId))", async () => {
    const { sim, url } = await startRailway();
    const tk = await runRailway(url, { token: SCENARIO.accountToken, project: "shop" });
    expect(tk.outputs.status).toBe("rolled-back");
    const projects = sim.requests.filter(
      (r) => (r.body as { operationName?: string }).operationName === "Projects",
    );
    expect(
      projects.map((r) => (r.body as { variables: { workspaceId?: string } }).variables.workspaceId),
    ).toContain(SCENARIO.workspaceId);
  });

  it("says Railway rejected a token it knows under neither kind, without advice to set what is set", async () => {
    const { url } = await startRailway();
    const tk = await runRailway(url, { token: "rw-unknown-0000", project: "shop" });
    expect(tk.failed).toContain("Railway rejected the token");
    expect(tk.failed).not.toContain("set token-type");
    expect(tk.failed).not.toContain("rw-unknown-0000");
  });

  it("says a Vercel token is not a Railway token, instead of asking for a project", async () => {
    const { sim, url } = await startRailway();
    const tk = await runRailway(url, { token: "vcp_0123456789abcdefghijklmn" });
    expect(tk.failed).toContain("Railway rejected the token");
    expect(tk.failed).toContain("not a Railway token Railway accepts");
    expect(tk.failed).not.toContain('Input "project" is required');
    expect(sim.requests.filter((r) => /mutation/.test(JSON.stringify(r.body)))).toEqual([]);
  });
});

describe("live updates", () => {
  it("a WebSocket that accepts and stays silent still sees SUCCESS within 15 s", async () => {
    // The deploy outlasts the first guard read (2 s after subscribing), so the 10 s guard has to catch it.
    const { sim, url } = await startRailway(
      rollbackScenario({ timing: { initializingMs: 500, buildingMs: 0, deployingMs: 2500 } }),
    );
    sim.inject({ kind: "ws-silent" });
    const tk = await runRailway(url, { wait: "15s" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(sim.operations().filter((o) => o === "Deployment").length).toBeLessThanOrEqual(3);
  }, 30_000);
});
