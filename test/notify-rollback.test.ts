import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { BetterStackSimulator } from "../src/sim/betterstack.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { InstatusSimulator } from "../src/sim/instatus.ts";
import { PagerDutySimulator } from "../src/sim/pagerduty.ts";
import { StatuspageSimulator, type StatusSim } from "../src/sim/status.ts";
import { runInProcess } from "./helpers/run.ts";

// Incidents are one environment's rollback's own: tagged with the environment and the run, found by that tag,
// continued by a re-run, and never a person's incident of the same name.

const fast = { backoffBaseMs: 5, backoffMaxMs: 20, retries: 2 };
const statuspage = new StatuspageSimulator();
const instatus = new InstatusSimulator();
const betterstack = new BetterStackSimulator();
const pd = new PagerDutySimulator();
const gh = new GitHubSimulator();
const sims = [statuspage, instatus, betterstack];
beforeAll(() => Promise.all([...sims, pd, gh].map((s) => s.start())));
afterAll(() => Promise.all([...sims, pd, gh].map((s) => s.stop())));
beforeEach(() => {
  for (const sim of [...sims, pd]) sim.reset();
  gh.requests.length = 0;
  gh.deployments.deployments.length = 0;
});

const env = (runId = "7001", attempt = "1") => ({
  GITHUB_API_URL: gh.url,
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: runId,
  GITHUB_RUN_ATTEMPT: attempt,
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
});

interface Provider {
  channel: string;
  sim: StatusSim;
  inputs: () => Record<string, string>;
  /** The status a person's open incident has on this page. */
  openStatus: string;
  /** The status word `unverified` leaves, where the provider has them. */
  monitoring: string;
}

const PROVIDERS: Provider[] = [
  {
    channel: "statuspage",
    sim: statuspage,
    inputs: () => ({
      "statuspage-api-key": statuspage.key,
      "statuspage-page-id": statuspage.pageId,
      "statuspage-components": "cmp_api",
      "statuspage-api-url": statuspage.apiUrl,
    }),
    openStatus: "investigating",
    monitoring: "monitoring",
  },
  {
    channel: "instatus",
    sim: instatus,
    inputs: () => ({
      "instatus-api-key": instatus.key,
      "instatus-page-id": instatus.pageId,
      "instatus-components": "cmp_api",
      "instatus-api-url": instatus.apiUrl,
    }),
    openStatus: "INVESTIGATING",
    monitoring: "MONITORING",
  },
  {
    channel: "betterstack",
    sim: betterstack,
    inputs: () => ({
      "betterstack-api-token": betterstack.key,
      "betterstack-status-page-id": betterstack.pageId,
      "betterstack-resources": "8001",
      "betterstack-api-url": betterstack.apiUrl,
    }),
    openStatus: "open",
    monitoring: "open",
  },
];

const notify = (inputs: Record<string, string>, runEnv = env()) =>
  runInProcess(notifyAction(fast), inputs, { env: runEnv });

describe.each(PROVIDERS)("$channel: the incident is this rollback's own", (p) => {
  it("staging and production each get their own incident; staging's resolve leaves production's open", async () => {
    const prod = await notify({ status: "started", environment: "production", ...p.inputs() });
    const staging = await notify({ status: "started", environment: "staging", ...p.inputs() });
    const prodId = prod.outputs["status-page-incident"];
    const stagingId = staging.outputs["status-page-incident"];
    expect(prodId).toBeTruthy();
    expect(stagingId).not.toBe(prodId);
    expect(p.sim.incidents.map((i) => i.name)).toEqual([
      "Service Degradation (production, rollback 7001)",
      "Service Degradation (staging, rollback 7001)",
    ]);
    // Without the id (a step that lost it), staging finds its own by the tag.
    const done = await notify({ status: "succeeded", environment: "staging", ...p.inputs() });
    expect(done.outputs["status-page-incident"]).toBe(stagingId);
    expect(p.sim.incidents.map((i) => [i.id, i.resolved])).toEqual([
      [prodId, false],
      [stagingId, true],
    ]);
  });

  it('a person\'s open "Service Degradation" is never taken over, updated or resolved', async () => {
    p.sim.incidents.push({
      id: "person-1",
      name: "Service Degradation",
      status: p.openStatus,
      components: { [p.channel === "betterstack" ? "8001" : "cmp_api"]: "degraded" },
      updates: [{ status: p.openStatus, message: "Looking into slow checkouts." }],
      resolved: false,
    });
    const started = await notify({ status: "started", environment: "production", ...p.inputs() });
    expect(started.outputs["status-page-incident"]).not.toBe("person-1");
    await notify({ status: "failed", environment: "production", ...p.inputs() });
    await notify({ status: "succeeded", environment: "production", ...p.inputs() });
    const person = p.sim.incidents.find((i) => i.id === "person-1");
    expect(person).toMatchObject({ resolved: false, status: p.openStatus });
    expect(person?.updates).toHaveLength(1);
    expect(p.sim.incidents).toHaveLength(2);
    expect(p.sim.mutations().every((r) => !r.path.includes("person-1"))).toBe(true);
  });

  it("a re-run (attempt 2) continues the incident: reopened on failed, resolved again, never a second", async () => {
    await notify({ status: "started", environment: "production", ...p.inputs() });
    await notify({ status: "succeeded", environment: "production", ...p.inputs() });
    const again = env("7001", "2");
    const started = await notify({ status: "started", environment: "production", ...p.inputs() }, again);
    expect(started.logs.join("\n")).toMatch(
      /of this rollback was resolved by an earlier attempt: left resolved/,
    );
    const failed = await notify({ status: "failed", environment: "production", ...p.inputs() }, again);
    expect(failed.logs.join("\n")).toMatch(/updated incident \S+ \(investigating, reopened\)/);
    expect(p.sim.incidents[0]?.resolved).toBe(false);
    await notify({ status: "succeeded", environment: "production", ...p.inputs() }, again);
    expect(p.sim.incidents).toHaveLength(1);
    expect(p.sim.incidents[0]?.resolved).toBe(true);
  });

  it("unverified keeps the incident open (monitoring) with components still degraded", async () => {
    const started = await notify({ status: "started", environment: "production", ...p.inputs() });
    const id = started.outputs["status-page-incident"] ?? "";
    const tk = await notify({
      status: "unverified",
      environment: "production",
      "status-page-incident": id,
      ...p.inputs(),
    });
    expect(tk.outputs).toMatchObject({ status: "sent", "status-page-incident": id });
    const incident = p.sim.incidents[0];
    expect(incident).toMatchObject({ resolved: false, status: p.monitoring });
    expect(Object.values(incident?.components ?? {})).not.toContain("operational");
    expect(incident?.updates.at(-1)?.message).toContain("monitoring the results");
  });
});

describe("PagerDuty: one alert per environment's rollback, never paged again by a re-run", () => {
  const paging = (environment: string) => ({
    "pagerduty-routing-key": pd.routingKey,
    "pagerduty-api-url": pd.url,
    environment,
  });

  it("attempt 2 sends no trigger (the dedup key was resolved) and says so; it still resolves", async () => {
    await notify({ status: "started", ...paging("production") });
    await notify({ status: "succeeded", ...paging("production") });
    expect(pd.requests).toHaveLength(2);
    const again = env("7001", "2");
    for (const status of ["started", "failed"]) {
      const tk = await notify({ status, ...paging("production") }, again);
      expect(tk.outputs.status).toBe("skipped");
      expect(tk.logs.join("\n")).toContain(
        "pagerduty: attempt 2 of this run: no new trigger (dedup_key acme/shop/production/7001 belongs to attempt 1's alert",
      );
    }
    expect(pd.requests).toHaveLength(2);
    expect(pd.alerts).toEqual([expect.objectContaining({ status: "resolved", events: 2 })]);
    await notify({ status: "succeeded", ...paging("production") }, again);
    expect(pd.requests.at(-1)?.body).toMatchObject({ event_action: "resolve" });
  });

  it("why: a trigger with a resolved dedup key opens a second alert (what attempt 2 would have done)", async () => {
    await notify({ status: "started", ...paging("production") });
    await notify({ status: "succeeded", ...paging("production") });
    await notify({ status: "started", ...paging("production") });
    expect(pd.alerts.map((a) => a.status)).toEqual(["resolved", "triggered"]);
  });

  it("staging and production have their own dedup keys; unverified resolves nothing", async () => {
    await notify({ status: "started", ...paging("production") });
    await notify({ status: "started", ...paging("staging") });
    const tk = await notify({ status: "unverified", ...paging("production") });
    expect(tk.logs.join("\n")).toContain("status unverified leaves the alert open");
    expect(pd.alerts.map((a) => [a.dedupKey, a.status])).toEqual([
      ["acme/shop/production/7001", "triggered"],
      ["acme/shop/staging/7001", "triggered"],
    ]);
    expect(pd.requests).toHaveLength(2);
  });
});

describe("GitHub deployment: production_environment follows the environment", () => {
  it.each([
    { environment: "production", setting: "", expected: true },
    { environment: "staging", setting: "", expected: false },
    { environment: "staging", setting: "auto", expected: false },
    { environment: "prod-eu", setting: "true", expected: true },
    { environment: "production", setting: "false", expected: false },
  ])("$environment with production-environment '$setting': $expected", async (c) => {
    const tk = await notify({
      status: "started",
      "github-deployment": "true",
      "github-token": gh.token,
      environment: c.environment,
      ...(c.setting ? { "production-environment": c.setting } : {}),
    });
    expect(tk.outputs.status).toBe("sent");
    const create = gh.requests.find((r) => r.method === "POST" && r.path.endsWith("/deployments"));
    expect(create?.body).toMatchObject({ environment: c.environment, production_environment: c.expected });
    expect(gh.deployments.deployments[0]?.productionEnvironment).toBe(c.expected);
  });

  it("unverified leaves the deployment in_progress, never success", async () => {
    const deploy = { "github-deployment": "true", "github-token": gh.token, environment: "production" };
    await notify({ status: "started", ...deploy });
    const tk = await notify({ status: "unverified", ...deploy });
    expect(tk.outputs.status).toBe("sent");
    const statuses = gh.deployments.deployments[0]?.statuses ?? [];
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "in_progress"]);
    expect(statuses[1]?.description).toBe("Rolled back, not verified");
  });
});
