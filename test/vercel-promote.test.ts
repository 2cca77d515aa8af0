import { describe, expect, it } from "vitest";
import { badProductionScenario, type SimDeploymentSeed } from "../src/sim/vercel.ts";
import { posts, run, vercelHarness } from "./helpers/vercel.ts";

const { start } = vercelHarness();

describe("vercel-promote: choosing the target", () => {
  it("rolls back automatically to the newest good production deployment older than the current one", async () => {
    const s = await start();
    const tk = await run(s, { reason: "checkout 500s" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({
      status: "rolled-back",
      "deployment-id": "dpl_good2",
      "previous-deployment-id": "dpl_bad",
      "auto-assign-disabled": "true",
    });
    expect(tk.outputs["deployment-url"]).toBe(`https://${s.deployment("dpl_good2")?.url}`);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good2");
    const [rollback, ...others] = posts(s);
    expect(others).toHaveLength(0);
    expect(rollback?.path).toBe("/v1/projects/prj_shop/rollback/dpl_good2");
    expect(rollback?.query.get("description")).toBe("checkout 500s");
    expect(tk.summary).toContain("dpl_bad");
    expect(tk.summary).toContain("dpl_good2");
    expect(tk.summary).toContain("checkout 500s");
    expect(tk.summary).toContain("Production is pinned");
    expect(tk.summary).toContain("strategy: promote");
  });

  it("pages through the list with `until` past failed and staged deployments", async () => {
    const deployments: SimDeploymentSeed[] = [{ id: "dpl_old_good" }];
    for (let i = 0; i < 30; i++) {
      deployments.push(
        i % 2 ? { id: `dpl_err${i}`, readyState: "ERROR" } : { id: `dpl_stg${i}`, readySubstate: "STAGED" },
      );
    }
    deployments.push({ id: "dpl_newest_bad" });
    const s = await start({ projects: [{ id: "prj_shop", name: "shop", deployments }] });
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["deployment-id"]).toBe("dpl_old_good");
    // The pick's pages (the in-flight look-ups ask by state).
    const lists = s.requests.filter((r) => r.path === "/v6/deployments" && !r.query.get("state"));
    expect(lists.length).toBe(2);
    expect(lists[1]?.query.get("until")).toBe(String(s.deployment("dpl_stg10")?.createdAt));
    expect(s.productionDeployment("shop")?.id).toBe("dpl_old_good");
  });

  it("fails with what was considered and why each was skipped when there is no candidate", async () => {
    const s = await start({
      projects: [
        {
          id: "prj_shop",
          name: "shop",
          deployments: [
            { id: "dpl_e1", readyState: "ERROR" },
            { id: "dpl_s1", readySubstate: "STAGED" },
            { id: "dpl_only" },
          ],
        },
      ],
    });
    const tk = await run(s);
    expect(tk.failed).toContain("No deployment to roll back to");
    expect(tk.failed).toContain("dpl_e1");
    expect(tk.failed).toContain("state ERROR");
    expect(tk.failed).toContain("dpl_s1");
    expect(tk.failed).toContain("never served production");
    expect(posts(s)).toHaveLength(0);
    expect(tk.summary).toContain("failed");
  });

  it("takes an explicit id", async () => {
    const s = await start();
    const tk = await run(s, { deployment: "dpl_good1" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good1");
  });

  it("takes an explicit URL or hostname, resolved through the API", async () => {
    const s = await start();
    const url = `https://${s.deployment("dpl_good1")?.url}/some/page`;
    const tk = await run(s, { deployment: url });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["deployment-id"]).toBe("dpl_good1");
    expect(s.requests.some((r) => r.path === `/v13/deployments/${s.deployment("dpl_good1")?.url}`)).toBe(
      true,
    );

    const again = await run(s, { deployment: s.deployment("dpl_good1")?.url ?? "" });
    expect(again.outputs.status).toBe("already-current");
  });

  it("refuses a deployment of another project, one not READY, and a preview with strategy rollback", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    seed.projects.push({ id: "prj_blog", name: "blog", deployments: [{ id: "dpl_blog1" }] });
    const s = await start(seed);
    expect((await run(s, { deployment: "dpl_blog1" })).failed).toContain("belongs to another project");
    expect((await run(s, { deployment: "dpl_failed" })).failed).toContain("is ERROR, not READY");
    const preview = await run(s, { deployment: "dpl_preview", strategy: "rollback" });
    expect(preview.failed).toContain("preview deployment");
    expect(preview.failed).toContain("strategy: promote");
    expect(posts(s)).toHaveLength(0);
  });

  it("refuses an instant rollback to a staged deployment before asking Vercel", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    seed.projects[0]?.deployments.push({ id: "dpl_staged", readySubstate: "STAGED" });
    const s = await start(seed);
    const tk = await run(s, { deployment: "dpl_staged", strategy: "rollback" });
    expect(tk.failed).toContain("never served production");
    expect(posts(s)).toHaveLength(0);
  });
});

describe("vercel-promote: strategies", () => {
  it("promotes a staged production deployment (auto picks promote) and unpins production", async () => {
    const s = await start({
      projects: [
        {
          id: "prj_shop",
          name: "shop",
          autoAssignCustomDomains: false,
          deployments: [{ id: "dpl_a" }, { id: "dpl_b" }, { id: "dpl_staged", readySubstate: "STAGED" }],
          production: "dpl_a",
        },
      ],
    });
    const tk = await run(s, { deployment: "dpl_staged" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({
      status: "promoted",
      "deployment-id": "dpl_staged",
      "auto-assign-disabled": "false",
    });
    expect(posts(s).map((r) => r.path)).toEqual(["/v10/projects/prj_shop/promote/dpl_staged"]);
    expect(s.project("shop")?.autoAssignCustomDomains).toBe(true);
    expect(tk.summary).not.toContain("Production is pinned");
  });

  it("strategy promote on a deployment that served production promotes instead of rolling back", async () => {
    const s = await start();
    const tk = await run(s, { deployment: "dpl_good2", strategy: "promote" });
    expect(tk.outputs.status).toBe("promoted");
    expect(posts(s).map((r) => r.path)).toEqual(["/v10/projects/prj_shop/promote/dpl_good2"]);
  });

  it("rebuilds a preview for production, waits for READY and serving", async () => {
    const s = await start();
    const tk = await run(s, { deployment: "dpl_preview", strategy: "promote" });
    expect(tk.failed).toBeUndefined();
    const [create, ...rest] = posts(s);
    expect(rest).toHaveLength(0);
    expect(create?.path).toBe("/v13/deployments");
    expect(create?.body).toEqual({
      deploymentId: "dpl_preview",
      name: "shop",
      target: "production",
      meta: { action: "promote" },
    });
    const serving = s.productionDeployment("shop");
    expect(serving?.id).not.toBe("dpl_preview");
    expect(serving?.readyState).toBe("READY");
    expect(tk.outputs).toMatchObject({
      status: "promoted",
      "deployment-id": serving?.id,
      "previous-deployment-id": "dpl_bad",
    });
  });

  it("promotes the rebuilt preview when production is pinned after a rollback", async () => {
    const s = await start();
    await run(s); // rollback: pins production
    expect(s.project("shop")?.autoAssignCustomDomains).toBe(false);
    const tk = await run(s, { deployment: "dpl_preview", strategy: "auto" });
    expect(tk.failed).toBeUndefined();
    const newId = tk.outputs["deployment-id"] ?? "";
    expect(
      posts(s)
        .map((r) => r.path)
        .slice(1),
    ).toEqual(["/v13/deployments", `/v10/projects/prj_shop/promote/${newId}`]);
    expect(s.productionDeployment("shop")?.id).toBe(newId);
    expect(tk.outputs["auto-assign-disabled"]).toBe("false");
  });
});

describe("vercel-promote: idempotence", () => {
  it("says already-current for the serving deployment, and a second automatic run changes nothing", async () => {
    const s = await start();
    const current = await run(s, { deployment: "dpl_bad" });
    expect(current.outputs.status).toBe("already-current");
    expect(posts(s)).toHaveLength(0);

    const first = await run(s);
    expect(first.outputs.status).toBe("rolled-back");
    const second = await run(s);
    expect(second.failed).toBeUndefined();
    expect(second.outputs).toMatchObject({ status: "already-current", "deployment-id": "dpl_good2" });
    expect(posts(s)).toHaveLength(1);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good2");
  });

  it("treats Vercel's 409 (made current in between) as already-current", async () => {
    const s = await start();
    s.onRequest = (request) => {
      // Someone else promotes the same deployment between this run's plan and its request.
      if (request.method === "POST") s.setProduction("shop", "dpl_good1");
    };
    const tk = await run(s, { deployment: "dpl_good1", strategy: "promote" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("already-current");
    expect(posts(s)).toHaveLength(1);
  });

  it("waits for an earlier run's request still in flight instead of sending another", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 1000 });
    const first = await run(s, { wait: "0" });
    expect(first.outputs.status).toBe("requested");
    const second = await run(s);
    expect(second.failed).toBeUndefined();
    expect(second.outputs.status).toBe("rolled-back");
    expect(posts(s)).toHaveLength(1);
  });
});

describe("vercel-promote: waiting", () => {
  it("wait 0 returns right after the request is accepted", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 5000 });
    const tk = await run(s, { wait: "0" });
    expect(tk.outputs).toMatchObject({
      status: "requested",
      "deployment-id": "dpl_good2",
      "auto-assign-disabled": "true",
    });
    expect(s.project("shop")?.lastAliasRequest?.jobStatus).not.toBe("succeeded");
    expect(s.requests.filter((r) => r.path === "/v9/projects/shop")).toHaveLength(1);
  });

  it("a promote queued behind a rolling release (202) is `queued`", async () => {
    const seed = badProductionScenario();
    const project = seed.projects[0];
    if (project) project.rollingRelease = true;
    const s = await start(seed);
    const tk = await run(s, { deployment: "dpl_good2", strategy: "promote" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("queued");
  });

  it("fails at the `wait` deadline with the job's state", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 10_000 });
    const tk = await run(s, { wait: "400ms" });
    expect(tk.failed).toContain("had not moved the domains");
    expect(tk.failed).toMatch(/alias job: (pending|in-progress)/);
    expect(tk.failed).toContain("raise `wait`");
  });

  it("lists the aliases that did not move when the alias job fails", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    const project = seed.projects[0];
    if (project) project.failingDomains = ["www.shop.example.com"];
    const s = await start(seed);
    const tk = await run(s);
    expect(tk.failed).toContain("alias job to dpl_good2 failed");
    expect(tk.failed).toContain("www.shop.example.com (failed)");
    expect(tk.failed).toContain("production still serves dpl_bad");
    expect(
      s.requests.some(
        (r) =>
          r.path === "/v9/projects/prj_shop/rollback/aliases" &&
          r.query.get("failedOnly") === "true" &&
          r.query.get("limit") === "20",
      ),
    ).toBe(true);
  });

  it("ignores a stale alias request for the same deployment and waits for its own", async () => {
    const s = await start({ ...badProductionScenario(), aliasJobMs: 30 });
    await run(s, { deployment: "dpl_good2" });
    await run(s, { deployment: "dpl_bad", strategy: "promote" });
    // The project's last alias request is now a succeeded promote; a new rollback must wait for its own job.
    s.aliasJobMs = 200;
    const tk = await run(s, { deployment: "dpl_good2" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(s.project("shop")?.lastAliasRequest).toMatchObject({ type: "rollback", jobStatus: "succeeded" });
  });
});

describe("vercel-promote: dry run", () => {
  it("reads, plans and changes nothing", async () => {
    const s = await start();
    const tk = await run(s, { "dry-run": "true" });
    expect(tk.outputs).toMatchObject({
      status: "planned",
      "deployment-id": "dpl_good2",
      "previous-deployment-id": "dpl_bad",
    });
    expect(s.requests.every((r) => r.method === "GET")).toBe(true);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_bad");
    expect(tk.summary).toContain("dry run");
  });

  it("is `planned` even when the target already serves production", async () => {
    const s = await start();
    const tk = await run(s, { "dry-run": "true", deployment: "dpl_bad" });
    expect(tk.outputs).toMatchObject({ status: "planned", "deployment-id": "dpl_bad" });
    expect(tk.summary).toContain("would change nothing");
    expect(s.requests.every((r) => r.method === "GET")).toBe(true);
  });
});
