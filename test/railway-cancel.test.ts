import { describe, expect, it } from "vitest";
import { SCENARIO } from "../src/sim/railway.ts";
import {
  logs,
  mutations,
  runRailway,
  sleep,
  startRailway,
  stopSimulatorsAfterEach,
} from "./helpers/railway.ts";

// Issue 19: deploys already on their way are stopped, so they cannot land after the rollback.
stopSimulatorsAfterEach();
const cancelled = (outputs: Record<string, string>) => JSON.parse(outputs.cancelled ?? "[]") as string[];

describe("cancel-in-flight", () => {
  it("cancels a build in progress when the rollback starts; production stays on the target after it would have finished", async () => {
    const { sim, url } = await startRailway();
    const push = sim.push("backend", {
      durationMs: 1200,
      meta: { commitMessage: "Hotfix attempt", commitAuthor: "ana" },
    });
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(cancelled(tk.outputs)).toEqual([push?.id]);
    expect(tk.summary).toContain(`${push?.id}`);
    expect(tk.summary).toContain('"Hotfix attempt" by ana');
    await sleep(1400);
    expect(sim.deployment(push?.id as string)?.status).toBe("REMOVED");
    expect(sim.activeDeployment("backend")?.id).toBe(tk.outputs["deployment-id"]);
  });

  it("cancels a deployment that starts while the rollback waits", async () => {
    const { sim, url } = await startRailway();
    let late: string | undefined;
    sim.onChange((d) => {
      if (d.meta.reason === "rollback" && d.status === "DEPLOYING" && !late)
        late = sim.push("backend", { durationMs: 3000 })?.id;
    });
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(late).toBeDefined();
    expect(cancelled(tk.outputs)).toEqual([late]);
    expect(tk.summary).toContain("started while the rollback waited");
    expect(sim.deployment(late as string)?.status).toBe("REMOVED");
  });

  it("a cancel answered with an error, or a deployment finishing during it, is a warning; the rollback goes on", async () => {
    const { sim, url } = await startRailway();
    const first = sim.push("backend", { durationMs: 5000 });
    sim.inject({ kind: "graphql-error", operation: "DeploymentCancel", message: "Not Authorized" });
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(logs(tk)).toContain(`warning: [backend] Could not cancel ${first?.id}`);
    expect(logs(tk)).toContain("Not Authorized");
    expect(cancelled(tk.outputs)).toEqual([]);

    const { sim: sim2, url: url2 } = await startRailway();
    const racing = sim2.push("ai-engine", { durationMs: 5000 });
    sim2.inject({ kind: "finish-during-cancel" });
    const raced = await runRailway(url2, { services: "ai-engine" });
    expect(raced.outputs.status).toBe("rolled-back");
    expect(logs(raced)).toContain(`Could not cancel ${racing?.id}`);
    expect(sim2.activeDeployment("ai-engine")?.id).toBe(raced.outputs["deployment-id"]);
  });

  it("cancels per service when several roll back at once", async () => {
    const { sim, url } = await startRailway();
    const a = sim.push("backend", { durationMs: 5000 });
    const b = sim.push("ai-engine", { durationMs: 5000 });
    const tk = await runRailway(url, { services: "backend, ai-engine" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(cancelled(tk.outputs).sort()).toEqual([a?.id, b?.id].sort());
  });

  it("cancel-in-flight false leaves them alone and warns", async () => {
    const { sim, url } = await startRailway();
    const push = sim.push("backend", { durationMs: 5000 });
    const tk = await runRailway(url, { "cancel-in-flight": "false" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
    expect(logs(tk)).toContain(
      `warning: [backend] ${push?.id} (INITIALIZING) is on its way and cancel-in-flight is false`,
    );
    expect(cancelled(tk.outputs)).toEqual([]);
  });

  it("a dry run lists what it would cancel and cancels nothing", async () => {
    const { sim, url } = await startRailway();
    const push = sim.push("backend", { durationMs: 5000 });
    const tk = await runRailway(url, { "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(mutations(sim)).toEqual([]);
    expect(tk.summary).toContain("Would cancel");
    expect(tk.summary).toContain(push?.id);
    expect(sim.deployment(push?.id as string)?.status).not.toBe("REMOVED");
  });
});

it("the scenario's token is never shown", async () => {
  const { url } = await startRailway();
  const tk = await runRailway(url, { "dry-run": "true" });
  expect(`${logs(tk)}${tk.summary}${JSON.stringify(tk.outputs)}`).not.toContain(SCENARIO.projectToken);
});
