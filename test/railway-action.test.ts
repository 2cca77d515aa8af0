import { afterEach, describe, expect, it } from "vitest";
import railwayRedeploy from "../src/actions/railway-redeploy/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type RailwaySeed, RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { runInProcess } from "./helpers/run.ts";

const FAST = { initializingMs: 15, buildingMs: 15, deployingMs: 30 };
const { backend, "ai-engine": aiEngine } = SCENARIO.services;
const sims: RailwaySimulator[] = [];

afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

async function start(seed: RailwaySeed = rollbackScenario({ timing: FAST })) {
  const sim = new RailwaySimulator(seed);
  const url = await sim.start();
  sims.push(sim);
  return { sim, url };
}

/** Runs the action in-process through the runner the bundle uses. */
function run(url: string, inputs: Record<string, string>): Promise<RecordingToolkit> {
  return runInProcess(railwayRedeploy, {
    token: SCENARIO.projectToken,
    services: "backend",
    "api-url": url,
    ...inputs,
  });
}

/** A rollback's deployment carries the target's image and `reason: "rollback"` (PLATFORMS.md). */
function expectRollbackOf(sim: RailwaySimulator, id: string | undefined, targetId: string) {
  const created = sim.deployment(id as string);
  expect(created?.meta.reason).toBe("rollback");
  expect(created?.meta.imageDigest).toBe(sim.deployment(targetId)?.meta.imageDigest);
  return created;
}

const MUTATIONS = new Set(["DeploymentRollback", "DeploymentRedeploy", "DeploymentRestart"]);
const mutations = (sim: RailwaySimulator) => sim.operations().filter((o) => MUTATIONS.has(o));

interface Row {
  service: string;
  "service-id": string;
  from: string | null;
  to: string | null;
  "new-deployment-id": string | null;
  status: string;
  error?: string;
}
const rows = (tk: RecordingToolkit): Row[] => JSON.parse(tk.outputs.deployments ?? "[]");

describe("rollback", () => {
  it("rolls two services back at once; one crashing does not stop the other, and the step names it", async () => {
    const { sim, url } = await start();
    sim.behave("ai-engine", { outcome: ["CRASHED"] });
    const tk = await run(url, { services: "backend\nai-engine" });

    expect(tk.outputs.status).toBe("failed");
    const [b, a] = rows(tk);
    expect(b).toMatchObject({
      service: "backend",
      "service-id": backend.id,
      from: backend.bad,
      to: backend.good,
      status: "rolled-back",
    });
    expect(sim.activeDeployment("backend")?.id).toBe(b?.["new-deployment-id"]);
    expect(sim.deployment(backend.bad)?.status).toBe("REMOVED");
    expect(a).toMatchObject({ service: "ai-engine", to: aiEngine.good, status: "failed" });
    const crashed = a?.["new-deployment-id"] as string;
    expect(sim.deployment(crashed)?.status).toBe("CRASHED");
    expect(tk.failed).toContain("ai-engine");
    expect(tk.failed).not.toContain("- backend");
    expect(tk.failed).toContain(crashed);
    expect(tk.failed).toContain(
      `https://railway.com/project/${SCENARIO.projectId}/service/${aiEngine.id}?environmentId=${SCENARIO.environmentId}&id=${crashed}`,
    );
    expect(tk.outputs["deployment-id"]).toBeUndefined();
    expect(tk.summary).toMatch(/\| backend \| rolled-back \|/);
    expect(tk.summary).toMatch(/\| ai-engine \| failed \|/);
  });

  it("picks the newest older deployment it may roll back to, skipping the crashed one and saying why", async () => {
    const { sim, url } = await start();
    const tk = await run(url, {});
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain(`Skipped ${backend.failed} (CRASHED): it crashed`);
    expect(tk.summary).toContain(`skipped ${backend.failed} (CRASHED): it crashed`);
    const created = expectRollbackOf(sim, tk.outputs["deployment-id"], backend.good);
    expect(created?.status).toBe("SUCCESS");
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
  });

  it("skips deployments past image retention and fails, listing why, when none is left", async () => {
    const seed = rollbackScenario({ timing: FAST });
    for (const d of seed.deployments ?? []) if (d.id === backend.good) d.canRollback = false;
    const { sim, url } = await start(seed);
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("No deployment to roll back to");
    expect(tk.logs.join("\n")).toContain(
      `Skipped ${backend.good} (REMOVED): Railway no longer allows rolling back to it`,
    );
    expect(tk.logs.join("\n")).toContain(`Skipped ${backend.expired} (REMOVED)`);
    expect(mutations(sim)).toEqual([]);
  });

  it("rolls back to an explicit target", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { deployment: backend.good });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(rows(tk)[0]).toMatchObject({ from: backend.bad, to: backend.good });
    expectRollbackOf(sim, tk.outputs["deployment-id"], backend.good);
  });

  it("refuses an explicit target Railway cannot roll back to, before any mutation", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { deployment: backend.expired });
    expect(tk.failed).toContain("canRollback: false");
    expect(tk.failed).toContain("strategy redeploy");
    expect(mutations(sim)).toEqual([]);
  });

  it("says already-current on a second run, and sends no second rollback", async () => {
    const { sim, url } = await start();
    const first = await run(url, { services: "backend, ai-engine" });
    expect(first.outputs.status).toBe("rolled-back");
    const second = await run(url, { services: "backend, ai-engine" });
    expect(second.failed).toBeUndefined();
    expect(second.outputs.status).toBe("already-current");
    expect(rows(second).map((r) => r.status)).toEqual(["already-current", "already-current"]);
    expect(mutations(sim)).toEqual(["DeploymentRollback", "DeploymentRollback"]);
    // The same with the explicit target.
    const third = await run(url, { deployment: backend.good });
    expect(third.outputs.status).toBe("already-current");
    expect(mutations(sim)).toHaveLength(2);
  });

  it("says already-current when the explicit target is the active deployment", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { deployment: backend.bad });
    expect(tk.outputs.status).toBe("already-current");
    expect(tk.outputs["deployment-id"]).toBe(backend.bad);
    expect(mutations(sim)).toEqual([]);
  });

  it("finds its own new deployment when a push deploys at the same moment", async () => {
    const { sim, url } = await start();
    sim.behave("backend", { raceDeploy: {} });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    const mine = expectRollbackOf(sim, tk.outputs["deployment-id"], backend.good);
    const racer = sim.deploymentsOf("backend").find((d) => d.meta.reason === "deploy");
    expect(racer).toBeDefined();
    expect(racer?.id).not.toBe(mine?.id);
    expect(tk.logs.join("\n")).toContain(`Another deployment ${racer?.id}`);
  });

  it("reports a deployment that a racing push removed as failed, with its id", async () => {
    const { sim, url } = await start();
    // The push lands before the rollback finishes and supersedes it.
    sim.behave("backend", { raceDeploy: { durationMs: 20 }, outcome: ["DEPLOYING", "SUCCESS"] });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("ended REMOVED");
    expect(tk.failed).toContain(rows(tk)[0]?.["new-deployment-id"] as string);
  });
});

describe("statuses", () => {
  it("keeps waiting through a status it does not know, warns, and succeeds when SUCCESS comes", async () => {
    const { sim, url } = await start();
    sim.behave("backend", { outcome: ["HIBERNATING", "SUCCESS"] });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("status HIBERNATING, which this action does not know");
  });

  it("does not pass an unknown status, and does not hang on it: the deadline fails it", async () => {
    const { sim, url } = await start();
    sim.behave("backend", { outcome: ["HIBERNATING"] });
    const tk = await run(url, { wait: "1s" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("did not reach SUCCESS within 1.0s (last status HIBERNATING)");
  });
});

describe("strategies", () => {
  it("redeploys the target: the mutation returns the new deployment", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { strategy: "redeploy" });
    expect(tk.outputs.status).toBe("redeployed");
    const created = sim.deployment(tk.outputs["deployment-id"] as string);
    expect(created?.meta.reason).toBe("redeploy");
    expect(created?.meta.commitHash).toBe(sim.deployment(backend.good)?.meta.commitHash);
    expect(created?.status).toBe("SUCCESS");
    expect(mutations(sim)).toEqual(["DeploymentRedeploy"]);
  });

  it("restarts the active deployment", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { strategy: "restart", services: "backend, ai-engine" });
    expect(tk.outputs.status).toBe("restarted");
    expect(rows(tk).map((r) => [r.from, r["new-deployment-id"]])).toEqual([
      [backend.bad, backend.bad],
      [aiEngine.bad, aiEngine.bad],
    ]);
    expect(mutations(sim)).toEqual(["DeploymentRestart", "DeploymentRestart"]);
  });

  it("plans without changing anything on a dry run", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { services: "backend, ai-engine", "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(tk.logs.join("\n")).toContain(`[backend] Would roll back from ${backend.bad}`);
    expect(rows(tk)[1]).toMatchObject({
      from: aiEngine.bad,
      to: aiEngine.good,
      status: "planned",
      "new-deployment-id": null,
    });
    expect(mutations(sim)).toEqual([]);
    expect(tk.summary).toContain("dry run: nothing changed");
  });

  it("returns right after the request with wait 0", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { wait: "0" });
    expect(tk.outputs.status).toBe("requested");
    expectRollbackOf(sim, tk.outputs["deployment-id"], backend.good);
    expect(sim.operations()).not.toContain("DeploymentStatus");
  });
});

describe("resolving names and tokens", () => {
  it("lists the services that exist when one name is mistyped, and changes nothing", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { services: "backend, ai-engin" });
    expect(tk.failed).toContain('no service "ai-engin"');
    expect(tk.failed).toContain("Its services: backend, ai-engine");
    expect(tk.outputs.status).toBe("failed");
    expect(mutations(sim)).toEqual([]);
  });

  it("lists the environments that exist for an unknown environment", async () => {
    const { url } = await start();
    const tk = await run(url, { token: SCENARIO.accountToken, project: "shop", environment: "prod" });
    expect(tk.failed).toContain('no environment "prod"');
    expect(tk.failed).toContain("production, staging");
  });

  it("lists the projects that exist for an unknown project name", async () => {
    const { url } = await start();
    const tk = await run(url, { token: SCENARIO.accountToken, project: "shopp" });
    expect(tk.failed).toContain('No Railway project "shopp"');
    expect(tk.failed).toContain("Projects it can see: shop");
  });

  it("works with an account token (Bearer), telling it apart from a project token", async () => {
    const { sim, url } = await start();
    const tk = await run(url, {
      token: SCENARIO.accountToken,
      project: SCENARIO.projectId,
      services: backend.id,
    });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("using it as an account/workspace token");
    const mutation = sim.requests.find(
      (r) => (r.body as { operationName?: string }).operationName === "DeploymentRollback",
    );
    expect(mutation?.headers.authorization).toBe(`Bearer ${SCENARIO.accountToken}`);
    expect(mutation?.headers["project-access-token"]).toBeUndefined();
    expect(mutation?.headers["user-agent"]).toMatch(/^production-rollback-railway-redeploy\//);
  });

  it("sends a project token as Project-Access-Token, and its scope implies the project", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { "token-type": "project" });
    expect(tk.outputs.status).toBe("rolled-back");
    const mutation = sim.requests.find(
      (r) => (r.body as { operationName?: string }).operationName === "DeploymentRollback",
    );
    expect(mutation?.headers["project-access-token"]).toBe(SCENARIO.projectToken);
    expect(mutation?.headers.authorization).toBeUndefined();
  });

  it("explains an account token given as token-type project", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { token: SCENARIO.accountToken, "token-type": "project" });
    expect(tk.failed).toContain("set token-type: account");
    expect(mutations(sim)).toEqual([]);
  });

  it("explains a project token given as token-type account", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { "token-type": "account", project: "shop" });
    expect(tk.failed).toContain("Not Authorized");
    expect(tk.failed).toContain("set token-type: project");
    expect(mutations(sim)).toEqual([]);
  });

  it("refuses a project token of another environment", async () => {
    const { sim, url } = await start();
    const tk = await run(url, { token: SCENARIO.stagingProjectToken });
    expect(tk.failed).toContain('scoped to environment "staging", but environment is "production"');
    expect(mutations(sim)).toEqual([]);
  });

  it("fails clearly on a token Railway does not know", async () => {
    const { url } = await start();
    const tk = await run(url, { token: "not-a-real-token-1234", project: "shop" });
    expect(tk.failed).toContain("Not Authorized");
    expect(tk.failed).not.toContain("not-a-real-token-1234");
  });
});

describe("bad inputs fail before any request, naming the input", () => {
  const cases: Array<[string, Record<string, string>]> = [
    ["deployment", { services: "backend, ai-engine", deployment: backend.good }],
    ["deployment", { strategy: "restart", deployment: backend.good }],
    ["deployment", { deployment: "not an id!" }],
    ["strategy", { strategy: "revert" }],
    ["wait", { wait: "soon" }],
    ["token-type", { "token-type": "oauth" }],
    ["services", { services: " , " }],
    ["token", { token: "" }],
    ["dry-run", { "dry-run": "yes" }],
    ["api-url", { "api-url": "backboard.railway.com" }],
    ["project", { "token-type": "account" }],
  ];
  for (const [name, inputs] of cases) {
    it(`${name}: ${JSON.stringify(inputs)}`, async () => {
      const { sim, url } = await start();
      const tk = await run(url, inputs);
      expect(tk.failed).toContain(`Input "${name}"`);
      expect(tk.failed).toContain("Example:");
      expect(sim.requests).toHaveLength(0);
    });
  }
});

describe("faults", () => {
  it("treats errors[] at HTTP 200 as a failure carrying Railway's message", async () => {
    const { sim, url } = await start();
    sim.inject({
      kind: "graphql-error",
      operation: "ServiceDeployments",
      message: "Problem processing request",
    });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("Railway API ServiceDeployments failed: Problem processing request");
    expect(tk.failed).toContain("Nothing was changed");
    expect(mutations(sim)).toEqual([]);
  });

  it("fails a rollback Railway refuses with errors[], with its message", async () => {
    const { sim, url } = await start();
    sim.inject({
      kind: "graphql-error",
      operation: "DeploymentRollback",
      message: "Deployment is being removed",
    });
    const tk = await run(url, {});
    expect(tk.failed).toContain("Deployment is being removed");
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
  });

  it("honours 429 with Retry-After and carries on", async () => {
    const { sim, url } = await start();
    sim.inject({
      kind: "status",
      status: 429,
      headers: { "retry-after": "0" },
      body: { errors: [{ message: "Rate limit exceeded" }] },
      operation: "ServiceConfig",
    });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("Railway API: 429, retrying");
  });

  it("stays within the simulator's rate limit by waiting as told", async () => {
    const { sim, url } = await start(
      rollbackScenario({ timing: FAST, rateLimit: { max: 4, windowMs: 1000 } }),
    );
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("429");
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
  });

  it("retries reads after 5xx, dropped connections and slow answers", async () => {
    const { sim, url } = await start();
    sim.inject({ kind: "status", status: 502, operation: "ProjectToken" });
    sim.inject({ kind: "drop", operation: "ServiceConfig" });
    sim.inject({ kind: "delay", ms: 200, operation: "ServiceDeployments" });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    expect(sim.operations().filter((o) => o === "ProjectToken")).toHaveLength(2);
    expect(sim.operations().filter((o) => o === "ServiceConfig")).toHaveLength(2);
  });

  it("never re-sends a rollback whose answer was lost: it reads the service and finds the new deployment", async () => {
    const { sim, url } = await start();
    sim.inject({ kind: "drop-after-handle", operation: "DeploymentRollback" });
    const tk = await run(url, {});
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("answer to the rollback was lost");
    expectRollbackOf(sim, tk.outputs["deployment-id"], backend.good);
  });

  it("never re-sends a redeploy answered 502 after it was applied", async () => {
    const { sim, url } = await start();
    sim.inject({ kind: "status-after-handle", status: 502, operation: "DeploymentRedeploy" });
    const tk = await run(url, { strategy: "redeploy" });
    expect(mutations(sim)).toEqual(["DeploymentRedeploy"]);
    expect(tk.outputs.status).toBe("redeployed");
  });

  it("falls back to polling when the WebSocket upgrade is refused", async () => {
    const { sim, url } = await start();
    sim.inject({ kind: "ws-refuse" });
    const tk = await run(url, {});
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.logs.join("\n")).toContain("polling Railway instead");
  });
});
