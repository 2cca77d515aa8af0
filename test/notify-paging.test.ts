import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { PagerDutySimulator } from "../src/sim/pagerduty.ts";
import { StatuspageSimulator } from "../src/sim/status.ts";
import { runInProcess } from "./helpers/run.ts";
import { DOCUMENTED, expectOnlyFields } from "./notify-fields.ts";

const fast = { backoffBaseMs: 5, backoffMaxMs: 20, retries: 3 };
const pd = new PagerDutySimulator();
const gh = new GitHubSimulator();
const statuspage = new StatuspageSimulator();
beforeAll(() => Promise.all([pd.start(), gh.start(), statuspage.start()]));
afterAll(() => Promise.all([pd.stop(), gh.stop(), statuspage.stop()]));
beforeEach(() => {
  pd.reset();
  statuspage.reset();
  gh.requests.length = 0;
  gh.deployments.deployments.length = 0;
});

const env = () => ({
  GITHUB_API_URL: gh.url,
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "4242",
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
});
const run = (inputs: Record<string, string>) => runInProcess(notifyAction(fast), inputs, { env: env() });
const paging = () => ({
  "pagerduty-routing-key": pd.routingKey,
  "pagerduty-api-url": pd.url,
  environment: "production",
});

describe("notify: PagerDuty Events v2", () => {
  it("triggers on started, escalates on failed, resolves on succeeded: one alert per rollback", async () => {
    const started = await run({ status: "started", reason: "checkout 500s", ...paging() });
    expect(started.outputs).toMatchObject({ status: "sent", sent: "pagerduty" });
    const trigger = expectOnlyFields(pd.requests[0]?.body, DOCUMENTED.pagerdutyEvent);
    expect(trigger).toMatchObject({
      event_action: "trigger",
      dedup_key: "acme/shop/production/4242",
      client_url: "https://github.com/acme/shop/actions/runs/4242",
    });
    const payload = expectOnlyFields(trigger.payload, DOCUMENTED.pagerdutyPayload);
    expect(DOCUMENTED.pagerdutySeverities).toContain(payload.severity);
    expect(payload).toMatchObject({
      summary: "Rollback started: Production rollback (production): checkout 500s",
      source: "acme/shop production",
      severity: "error",
    });

    await run({ status: "failed", ...paging() });
    expect(pd.alerts).toEqual([
      expect.objectContaining({ status: "triggered", severity: "critical", events: 2 }),
    ]);

    const done = await run({ status: "succeeded", ...paging() });
    expect(done.outputs.status).toBe("sent");
    const resolve = expectOnlyFields(pd.requests[2]?.body, DOCUMENTED.pagerdutyEvent);
    expect(resolve).toMatchObject({ event_action: "resolve", dedup_key: "acme/shop/production/4242" });
    expect(resolve.payload).toBeUndefined();
    expect(pd.alerts[0]?.status).toBe("resolved");
    expect(done.summary).toContain("resolve (dedup_key acme/shop/production/4242)");
  });

  it("info and cancelled page nobody; dedup-key overrides the default", async () => {
    const info = await run({ status: "info", ...paging() });
    expect(info.outputs.status).toBe("skipped");
    expect(pd.requests).toHaveLength(0);
    await run({ status: "started", "dedup-key": "rollback-xyz", ...paging() });
    expect(pd.alerts[0]?.dedupKey).toBe("rollback-xyz");
  });

  it("a 400 (a wrong routing key) is never retried and never shows the key", async () => {
    const tk = await run({
      status: "started",
      ...paging(),
      "pagerduty-routing-key": "WRONGKEY00000000000000000000000X",
    });
    expect(pd.requests).toHaveLength(1);
    expect(tk.outputs.status).toBe("failed");
    const seen = [...tk.logs, tk.summary].join("\n");
    expect(seen).toContain(
      "PagerDuty: HTTP 400 invalid event: Event object is invalid: Invalid routing key.",
    );
    expect(seen).toContain("Check pagerduty-routing-key");
    expect(seen).not.toContain("WRONGKEY00000000000000000000000X");
  });

  it("a 429 is retried", async () => {
    pd.inject({ kind: "status", status: 429, headers: { "retry-after": "0" }, body: { status: "throttle" } });
    const tk = await run({ status: "started", ...paging() });
    expect(tk.outputs.status).toBe("sent");
    expect(pd.requests).toHaveLength(2);
  });

  it("partial when one channel fails: the status page is updated, PagerDuty is down", async () => {
    pd.inject({
      kind: "status",
      status: 400,
      body: { status: "invalid event", message: "Event object is invalid" },
    });
    const tk = await run({
      status: "started",
      ...paging(),
      "statuspage-api-key": statuspage.key,
      "statuspage-page-id": statuspage.pageId,
      "statuspage-api-url": statuspage.apiUrl,
    });
    expect(tk.outputs).toMatchObject({ status: "partial", sent: "statuspage" });
    expect(tk.failed).toBeUndefined();
    expect(tk.summary).toContain("| pagerduty | PagerDuty Events v2 | ❌ failed | PagerDuty: HTTP 400");
    expect(tk.summary).toContain("| statuspage | Statuspage incident | ✅ sent |");
  });
});

describe("notify: GitHub deployments", () => {
  const deploy = () => ({
    "github-deployment": "true",
    "github-token": gh.token,
    environment: "production",
    "environment-url": "https://shop.example.com",
  });

  it("records the rollback as a deployment with a status per phase, linking the run", async () => {
    const started = await run({ status: "started", reason: "checkout 500s", ...deploy() });
    expect(started.failed).toBeUndefined();
    const [created] = gh.deployments.deployments;
    const id = String(created?.id);
    expect(started.outputs).toMatchObject({
      status: "sent",
      sent: "github-deployment",
      "github-deployment-id": id,
    });
    const create = gh.requests.find((r) => r.method === "POST" && r.path.endsWith("/deployments"));
    const body = expectOnlyFields(create?.body, DOCUMENTED.githubDeployment);
    expect(body).toMatchObject({
      ref: env().GITHUB_SHA,
      environment: "production",
      auto_merge: false,
      required_contexts: [],
      task: "rollback",
    });
    const status = gh.requests.find((r) => r.path.endsWith("/statuses"));
    expect(expectOnlyFields(status?.body, DOCUMENTED.githubDeploymentStatus)).toMatchObject({
      state: "in_progress",
      log_url: "https://github.com/acme/shop/actions/runs/4242",
      environment_url: "https://shop.example.com",
    });
    expect(started.summary).toContain(`created deployment ${id}: in_progress`);

    // The report step passes the id on; without it the run's deployment is found again.
    // The id alone is enough: the report step need not repeat github-deployment: true.
    const { "github-deployment": _, ...reportInputs } = deploy();
    await run({ status: "succeeded", "github-deployment-id": id, ...reportInputs });
    await run({ status: "failed", ...deploy() });
    expect(gh.deployments.deployments).toHaveLength(1);
    expect(created?.statuses.map((s) => s.state)).toEqual(["in_progress", "success", "failure"]);
    for (const s of created?.statuses ?? []) expect(DOCUMENTED.githubDeploymentStates).toContain(s.state);
  });

  it("needs environment; a rejected token names the permission, not the token", async () => {
    const bad = await run({ "github-deployment": "true", "github-token": gh.token });
    expect(bad.failed).toContain('Input "environment" is required with github-deployment: true.');
    const tk = await run({ status: "started", ...deploy(), "github-token": "ghs_wrongtoken1234" });
    expect(tk.outputs.status).toBe("failed");
    const seen = [...tk.logs, tk.summary].join("\n");
    expect(seen).toContain(
      "GitHub deployment: listing deployments failed: 401 Bad credentials. Check github-token.",
    );
    expect(seen).not.toContain("ghs_wrongtoken1234");
  });
});
