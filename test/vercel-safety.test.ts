import { describe, expect, it } from "vitest";
import { badProductionScenario, type VercelSimSeed } from "../src/sim/vercel.ts";
import { posts, run, vercelHarness } from "./helpers/vercel.ts";

const { start } = vercelHarness();

/** The bad-production scenario with changes to its one project. */
function scenario(
  change: (project: VercelSimSeed["projects"][number]) => void,
  seed: Partial<VercelSimSeed> = {},
) {
  const base = { ...badProductionScenario({ aliasJobMs: 30 }), ...seed };
  const project = base.projects[0];
  if (!project) throw new Error("no project");
  change(project);
  return base;
}

describe("vercel-promote: a second run never undoes the first", () => {
  it("after a rollback, an automatic rerun is already-current and says how to go further on purpose", async () => {
    const s = await start();
    expect((await run(s)).outputs.status).toBe("rolled-back");
    const again = await run(s);
    expect(again.outputs).toMatchObject({ status: "already-current", "deployment-id": "dpl_good2" });
    expect(again.summary).toContain("To go further on purpose, run with `deployment`");
    expect(posts(s)).toHaveLength(1);
  });

  it("never picks what the last rollback replaced, even when a newer build took production since", async () => {
    const s = await start();
    await run(s); // dpl_bad → dpl_good2
    // Someone turns auto-assignment back on in the dashboard and a new (also bad) build lands.
    const project = s.projects.find((p) => p.name === "shop");
    if (project) project.autoAssignCustomDomains = true;
    s.startBuild("shop", { id: "dpl_newer", readyInMs: 0 });
    await expect.poll(() => s.productionDeployment("shop")?.id).toBe("dpl_newer");
    const tk = await run(s);
    expect(tk.outputs).toMatchObject({ status: "rolled-back", "deployment-id": "dpl_good2" });
    expect(posts(s).at(-1)?.path).toBe("/v1/projects/prj_shop/rollback/dpl_good2");
  });
});

describe("vercel-promote: true to Vercel", () => {
  it("reads the project with rollbackInfo=true", async () => {
    const s = await start();
    await run(s, { "dry-run": "true" });
    const reads = s.requests.filter((r) => r.path === "/v9/projects/shop");
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.query.get("rollbackInfo")).toBe("true");
  });

  it("takes a custom domain as `deployment`, resolved with /v4/aliases", async () => {
    const s = await start(scenario((p) => (p.aliases = { "stable.shop.example.com": "dpl_good1" })));
    const tk = await run(s, { deployment: "https://stable.shop.example.com/" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "rolled-back", "deployment-id": "dpl_good1" });
    expect(s.requests.some((r) => r.path === "/v4/aliases/stable.shop.example.com")).toBe(true);
    // The production domain points at production itself: nothing to do.
    expect((await run(s, { deployment: "shop.example.com" })).outputs.status).toBe("already-current");
  });

  it("during an ACTIVE rolling release, an automatic run rolls back to the release's current deployment", async () => {
    const seed = scenario((p) => {
      p.production = "dpl_good2";
      p.activeRelease = { canary: "dpl_bad", targetPercentage: 25 };
    });
    const s = await start(seed);
    const tk = await run(s, { reason: "canary errors" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "rolled-back", "deployment-id": "dpl_good2" });
    expect(posts(s).map((r) => r.path)).toEqual(["/v1/projects/prj_shop/rollback/dpl_good2"]);
    expect(s.project("shop")?.rollingRelease?.state).toBe("ABORTED");
    expect(tk.summary).toContain("rolling release");
    // Ended: a second run has nothing to do.
    expect((await run(s)).outputs.status).toBe("already-current");
  });

  it("shortens a reason over 250 UTF-16 units with a warning instead of failing", async () => {
    const s = await start();
    const reason = `${"Checkout fails for every card ".repeat(8)}💳 after deploy 5f3c2a1`;
    expect(reason.length).toBeGreaterThan(250);
    const tk = await run(s, { reason });
    expect(tk.outputs.status).toBe("rolled-back");
    const sent = posts(s)[0]?.query.get("description") ?? "";
    expect(sent.length).toBeLessThanOrEqual(250);
    expect(sent.endsWith("…")).toBe(true);
    expect(s.project("shop")?.rollbackDescription).toBe(sent);
    expect(tk.logs.some((l) => l.startsWith("warning:") && l.includes("shortened"))).toBe(false);
    expect(tk.logs.some((l) => l.startsWith("warning:") && l.includes("at most 250"))).toBe(true);
    expect(tk.summary).toContain("💳 after deploy 5f3c2a1");
  });

  it("recognises its alias job when Vercel's clock is two minutes behind or ahead of the runner's", async () => {
    for (const clockSkewMs of [-120_000, 120_000]) {
      const s = await start({ ...badProductionScenario({ aliasJobMs: 30 }), clockSkewMs });
      const tk = await run(s, { wait: "20s" });
      expect(tk.failed, `skew ${clockSkewMs}`).toBeUndefined();
      expect(tk.outputs.status).toBe("rolled-back");
      await s.stop();
    }
  });

  it("reads a Retry-After date against the answer's Date, not the runner's clock", async () => {
    // Vercel's clock is 5 minutes ahead: against the runner's clock the date would mean "wait 5 minutes".
    const s = await start({ ...badProductionScenario({ aliasJobMs: 30 }), clockSkewMs: 300_000 });
    const now = s.now();
    s.inject({
      kind: "status",
      status: 429,
      match: { path: "/v9/projects/shop" },
      headers: { "retry-after": new Date(now + 1000).toUTCString(), date: new Date(now).toUTCString() },
    });
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
  });

  it("a failing alias listing never hides the alias job's own failure; the step says status=failed", async () => {
    const s = await start(scenario((p) => (p.failingDomains = ["www.shop.example.com"])));
    s.inject({
      kind: "status",
      status: 500,
      match: { path: "/v9/projects/prj_shop/rollback/aliases" },
      times: 10,
    });
    const tk = await run(s);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("alias job to dpl_good2 failed");
    expect(tk.failed).toContain("could not be listed");
    expect(tk.failed).toContain("production still serves dpl_bad");
  });
});
