import { describe, expect, it } from "vitest";
import { badProductionScenario } from "../src/sim/vercel.ts";
import { posts, run, vercelHarness } from "./helpers/vercel.ts";

const { start } = vercelHarness();
const acme = { id: "team_acme123", slug: "acme", plan: "pro" as const };

describe("vercel-promote: errors a person can act on", () => {
  it("401: a bad token, without echoing it", async () => {
    const s = await start();
    const tk = await run(s, { token: "wrong-token-value-123" });
    expect(tk.failed).toContain("401");
    expect(tk.failed).toContain("`token` secret");
    expect(tk.logs.join("\n") + tk.summary).not.toContain("wrong-token-value-123");
    expect(s.requests).toHaveLength(1); // not retried
  });

  it("403: a team project without `team` suggests setting it", async () => {
    const s = await start(badProductionScenario({ team: acme, aliasJobMs: 30 }));
    const tk = await run(s);
    expect(tk.failed).toContain("403");
    expect(tk.failed).toContain("set `team`");
    expect(posts(s)).toHaveLength(0);
  });

  it("404: an unknown project or deployment", async () => {
    const s = await start();
    const project = await run(s, { project: "nope" });
    expect(project.failed).toContain("404");
    expect(project.failed).toContain("Check `project`");
    const deployment = await run(s, { deployment: "dpl_doesnotexist" });
    expect(deployment.failed).toContain("dpl_doesnotexist was not found");
    expect(deployment.failed).toContain("`deployment`");
  });

  it("402: a Hobby plan may only roll back to the previous deployment", async () => {
    const s = await start(badProductionScenario({ team: { ...acme, plan: "hobby" }, aliasJobMs: 30 }));
    const tk = await run(s, { team: "acme", deployment: "dpl_good1" });
    expect(tk.failed).toContain("402");
    expect(tk.failed).toContain("immediately previous production deployment");
    expect(s.productionDeployment("shop")?.id).toBe("dpl_bad");
    // The automatic pick is the previous one, which the plan allows.
    const auto = await run(s, { team: "acme" });
    expect(auto.outputs.status).toBe("rolled-back");
  });

  it("410: a deleted deployment", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    seed.projects[0]?.deployments.unshift({ id: "dpl_gone", deleted: true });
    const s = await start(seed);
    const tk = await run(s, { deployment: "dpl_gone" });
    expect(tk.failed).toContain("410");
    expect(tk.failed).toContain("deleted");
    expect(posts(s)).toHaveLength(0);
  });
});

describe("vercel-promote: team scope", () => {
  it.each([
    ["slug", "acme", "slug"],
    ["id", "team_acme123", "teamId"],
  ])("sends the team (%s) on every call", async (_kind, team, param) => {
    const s = await start(badProductionScenario({ team: acme, aliasJobMs: 30 }));
    const tk = await run(s, { team });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(s.requests.length).toBeGreaterThan(3);
    for (const request of s.requests) expect(request.query.get(param), request.path).toBe(team);
  });

  it("sends the team on the preview rebuild and failed-alias calls too", async () => {
    const seed = badProductionScenario({ team: acme, aliasJobMs: 30 });
    const project = seed.projects[0];
    if (project) project.failingDomains = ["shop.example.com"];
    const s = await start(seed);
    await run(s, { team: "acme", deployment: "dpl_preview" });
    await run(s, { team: "acme" });
    expect(s.requests.some((r) => r.path.endsWith("/aliases"))).toBe(true);
    expect(s.requests.some((r) => r.path === "/v13/deployments")).toBe(true);
    for (const request of s.requests) expect(request.query.get("slug"), request.path).toBe("acme");
  });
});

describe("vercel-promote: faults", () => {
  it("retries 429 with Retry-After and bursts of 5xx on reads", async () => {
    const s = await start();
    s.inject({
      kind: "status",
      status: 429,
      headers: { "retry-after": "0.05" },
      match: { path: "/v9/projects/shop" },
      times: 2,
    });
    s.inject({ kind: "status", status: 503, match: { path: "/v6/deployments" }, times: 2 });
    s.inject({
      kind: "status",
      status: 502,
      match: { method: "GET", path: "/v9/projects/prj_shop" },
      times: 1,
    });
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(s.requests.filter((r) => r.path === "/v9/projects/shop")).toHaveLength(3);
    expect(s.requests.filter((r) => r.path === "/v6/deployments" && !r.query.get("state"))).toHaveLength(3);
    expect(tk.logs.some((line) => line.includes("429, retry 1"))).toBe(true);
    expect(posts(s)).toHaveLength(1);
  });

  it("retries a 429 on the rollback itself (Vercel did not act)", async () => {
    const s = await start();
    s.inject({ kind: "status", status: 429, headers: { "retry-after": "0" }, match: { method: "POST" } });
    const tk = await run(s);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(posts(s)).toHaveLength(2);
    expect(s.project("shop")?.lastAliasRequest?.type).toBe("rollback");
  });

  it("after a connection dropped once the rollback was applied, re-reads and never sends it twice", async () => {
    const s = await start();
    s.inject({ kind: "drop-after-handle", match: { method: "POST" } });
    const tk = await run(s);
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(posts(s)).toHaveLength(1);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_good2");
    expect(tk.logs.some((line) => line.includes("reading the project"))).toBe(true);
  });

  it("after a 5xx on the promote that was applied, re-reads and never sends it twice", async () => {
    const s = await start();
    s.inject({ kind: "status-after-handle", status: 500, match: { method: "POST" } });
    const tk = await run(s, { deployment: "dpl_good1", strategy: "promote" });
    expect(tk.outputs.status).toBe("promoted");
    expect(posts(s)).toHaveLength(1);
  });

  it("after the preview rebuild's answer was lost, finds the build it started and never starts a second", async () => {
    const s = await start();
    s.inject({ kind: "drop-after-handle", match: { method: "POST", path: "/v13/deployments" } });
    const tk = await run(s, { deployment: "dpl_preview", strategy: "promote" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("promoted");
    expect(posts(s)).toHaveLength(1);
    expect(tk.outputs["deployment-id"]).toBe(s.productionDeployment("shop")?.id);
    expect(tk.outputs["deployment-id"]).not.toBe("dpl_preview");
  });

  it("after the preview rebuild request was lost before Vercel acted, fails without sending it again", async () => {
    const s = await start();
    s.inject({ kind: "drop", match: { method: "POST", path: "/v13/deployments" } });
    const tk = await run(s, { deployment: "dpl_preview", strategy: "promote" });
    expect(tk.failed).toContain("it was not started");
    expect(posts(s)).toHaveLength(1);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_bad");
  });

  it("after a connection dropped before Vercel acted, fails without sending it again", async () => {
    const s = await start();
    s.inject({ kind: "drop", match: { method: "POST" } });
    const tk = await run(s);
    expect(tk.failed).toContain("was not applied");
    expect(tk.failed).toContain("Re-run this action");
    expect(posts(s)).toHaveLength(1);
    expect(s.productionDeployment("shop")?.id).toBe("dpl_bad");
    // The failure summary still says what was attempted, from what to what.
    expect(tk.summary).toMatch(/\| from \| dpl_bad \|/);
    expect(tk.summary).toMatch(/\| to \| dpl_good2 \|/);
    expect(tk.summary).toContain("roll back failed");
  });
});

describe("vercel-promote: bad inputs fail before any request", () => {
  it.each([
    [{ strategy: "instant" }, "strategy"],
    [{ wait: "soon" }, "wait"],
    [{ deployment: "not a deployment!" }, "deployment"],
    [{ token: "" }, "token"],
    [{ project: "" }, "project"],
    [{ "dry-run": "maybe" }, "dry-run"],
    [{ "api-url": "ftp://example.com" }, "api-url"],
    [{ team: "acme corp" }, "team"],
  ])("%o names %s", async (inputs, name) => {
    const s = await start();
    const tk = await run(s, inputs);
    expect(tk.failed).toContain(`Input "${name}"`);
    expect(tk.failed).toContain("Example:");
    expect(s.requests).toHaveLength(0);
  });

  it("reports every bad input in one message", async () => {
    const s = await start();
    const tk = await run(s, { strategy: "x", wait: "y" });
    expect(tk.failed).toContain(`Input "strategy"`);
    expect(tk.failed).toContain(`Input "wait"`);
    expect(s.requests).toHaveLength(0);
  });
});
