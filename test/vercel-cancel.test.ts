import { describe, expect, it } from "vitest";
import { badProductionScenario, type SimDeploymentSeed } from "../src/sim/vercel.ts";
import { run, vercelHarness } from "./helpers/vercel.ts";

const { start } = vercelHarness();
const alice = { uid: "usr_alice", username: "alice" };
const cancels = (s: { requests: { method: string; path: string }[] }) =>
  s.requests.filter((r) => r.method === "PATCH").map((r) => r.path);

/** The bad-production scenario with production builds still on their way (newest last). */
function withBuilds(...builds: SimDeploymentSeed[]) {
  const seed = badProductionScenario({ aliasJobMs: 30 });
  seed.projects[0]?.deployments.push(...builds);
  return seed;
}
const building = (id: string, extra: Partial<SimDeploymentSeed> = {}): SimDeploymentSeed => ({
  id,
  readyState: "BUILDING",
  readyInMs: 60_000,
  creator: alice,
  meta: { githubCommitSha: "9999999fffffff", githubCommitMessage: "Retry the payment rewrite" },
  ...extra,
});

describe("vercel-promote: cancel-in-flight", () => {
  it("cancels a build in progress before the rollback; production stays on the target after it would have finished", async () => {
    const s = await start(
      withBuilds(building("dpl_next"), { id: "dpl_queued", readyState: "QUEUED", readyInMs: 60_000 }),
    );
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(JSON.parse(tk.outputs.cancelled ?? "")).toEqual(["dpl_queued", "dpl_next"]);
    const patchAt = s.requests.findIndex((r) => r.method === "PATCH");
    const rollbackAt = s.requests.findIndex((r) => r.method === "POST");
    expect(patchAt).toBeLessThan(rollbackAt);
    expect(s.deployment("dpl_next")?.readyState).toBe("CANCELED");
    s.finishBuilds();
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good2");
    expect(tk.summary).toContain("**Cancelled**");
    expect(tk.summary).toContain("9999999 Retry the payment rewrite, by alice");
  });

  it("cancels a deployment that starts while the rollback waits", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 300 });
    let pushed = false;
    s.onRequest = (request) => {
      if (!pushed && request.method === "GET" && s.mutations().length > 0) {
        pushed = true;
        s.startBuild("shop", building("dpl_pushed", { readyInMs: 5000 }));
      }
    };
    const tk = await run(s);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(JSON.parse(tk.outputs.cancelled ?? "")).toEqual(["dpl_pushed"]);
    expect(s.deployment("dpl_pushed")?.readyState).toBe("CANCELED");
  });

  it("a cancel answered with an error is a warning with Vercel's message, and the rollback goes on", async () => {
    const s = await start(withBuilds(building("dpl_racing", { finishesOnCancel: true })));
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "rolled-back", cancelled: "[]" });
    const warning = tk.logs.find(
      (l) => l.startsWith("warning:") && l.includes("Could not cancel dpl_racing"),
    );
    expect(warning).toContain("400: Cannot cancel deployment dpl_racing: it is READY.");
    expect(tk.summary).toContain("**Could not cancel**");
    // It finished and took production for a moment; the rollback still put the target back.
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good2");
  });

  it("`cancel-in-flight: false` leaves them alone and warns", async () => {
    const s = await start(withBuilds(building("dpl_next")));
    const tk = await run(s, { "cancel-in-flight": "false" });
    expect(tk.outputs).toMatchObject({ status: "rolled-back", cancelled: "[]" });
    expect(cancels(s)).toEqual([]);
    expect(tk.logs.some((l) => l.startsWith("warning:") && l.includes("dpl_next"))).toBe(true);
    expect(tk.summary).toContain("**Left alone**");
  });

  it("a dry run lists what would be cancelled and cancels nothing", async () => {
    const s = await start(withBuilds(building("dpl_next")));
    const tk = await run(s, { "dry-run": "true" });
    expect(tk.outputs).toMatchObject({ status: "planned", cancelled: "[]" });
    expect(tk.summary).toContain("would be cancelled");
    expect(tk.summary).toContain("dpl_next");
    expect(s.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("never cancels the build the rollback itself starts (a preview rebuilt for production)", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 30, buildMs: 2000 });
    const tk = await run(s, { deployment: "dpl_preview", strategy: "promote", wait: "0" });
    expect(tk.outputs).toMatchObject({ status: "requested", cancelled: "[]" });
    expect(cancels(s)).toEqual([]);
    expect(s.deployment(tk.outputs["deployment-id"] ?? "")?.readyState).toBe("BUILDING");
  });

  it("an already-current production still has a racing build stopped when it could take production", async () => {
    const seed = withBuilds(building("dpl_next"));
    const s = await start(seed);
    const tk = await run(s, { deployment: "dpl_bad" });
    expect(tk.outputs).toMatchObject({ status: "already-current", cancelled: '["dpl_next"]' });
  });
});
