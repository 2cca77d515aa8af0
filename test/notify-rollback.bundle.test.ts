import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChatSimulator } from "../src/sim/chat.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { PagerDutySimulator } from "../src/sim/pagerduty.ts";
import { StatuspageSimulator } from "../src/sim/status.ts";
import { runBundle } from "./helpers/bundle.ts";

// The rollback's own incident and alert, and "rolled back, not verified", as the runner runs dist/notify.

const chat = new ChatSimulator();
const gh = new GitHubSimulator();
const statuspage = new StatuspageSimulator();
const pd = new PagerDutySimulator();
beforeAll(() => Promise.all([chat, gh, statuspage, pd].map((sim) => sim.start())));
afterAll(() => Promise.all([chat, gh, statuspage, pd].map((sim) => sim.stop())));
beforeEach(() => {
  statuspage.reset();
  pd.reset();
  gh.deployments.deployments.length = 0;
});

const SHA = "0123456789abcdef0123456789abcdef01234567";
const bundle = (inputs: Record<string, string>, attempt = "1") =>
  runBundle("notify", inputs, {
    env: { GITHUB_API_URL: gh.url, GITHUB_SHA: SHA, GITHUB_RUN_ID: "9300", GITHUB_RUN_ATTEMPT: attempt },
  });
const outside = (environment: string) => ({
  "statuspage-api-key": statuspage.key,
  "statuspage-page-id": statuspage.pageId,
  "statuspage-components": "cmp_api",
  "statuspage-api-url": statuspage.apiUrl,
  "pagerduty-routing-key": pd.routingKey,
  "pagerduty-api-url": pd.url,
  "github-deployment": "true",
  "github-token": gh.token,
  environment,
});

describe("dist/notify: one environment's rollback", () => {
  it("staging's rollback leaves production's incident, alert and flag alone", async () => {
    const prod = await bundle({ status: "started", ...outside("production") });
    const staging = await bundle({ status: "started", ...outside("staging") });
    await bundle({ status: "succeeded", ...outside("staging") });
    expect(prod.code).toBe(0);
    const [prodIncident, stagingIncident] = statuspage.incidents;
    expect(prodIncident).toMatchObject({
      name: "Service Degradation (production, rollback 9300)",
      resolved: false,
    });
    expect(stagingIncident).toMatchObject({
      name: "Service Degradation (staging, rollback 9300)",
      resolved: true,
    });
    expect(staging.outputs["status-page-incident"]).toBe(stagingIncident?.id);
    expect(pd.alerts.map((a) => [a.dedupKey, a.status])).toEqual([
      ["acme/shop/production/9300", "triggered"],
      ["acme/shop/staging/9300", "resolved"],
    ]);
    expect(gh.deployments.deployments.map((d) => [d.environment, d.productionEnvironment])).toEqual([
      ["production", true],
      ["staging", false],
    ]);
  });

  it("a re-run (attempt 2) opens no second incident and pages nobody; unverified announces no recovery", async () => {
    await bundle({ status: "started", ...outside("production") });
    await bundle({ status: "failed", ...outside("production") });
    const requests = pd.requests.length;
    const again = await bundle({ status: "started", ...outside("production") }, "2");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("pagerduty: attempt 2 of this run: no new trigger");
    expect(again.stdout).toMatch(/statuspage: incident inc_\d+ of this rollback is open: continued/);
    const unverified = await bundle(
      { status: "unverified", "webhook-url": chat.webhookUrl, ...outside("production") },
      "2",
    );
    expect(unverified.code).toBe(0);
    expect(unverified.outputs["status-page-incident"]).toBe(statuspage.incidents[0]?.id);
    expect(statuspage.incidents).toHaveLength(1);
    expect(statuspage.incidents[0]).toMatchObject({ resolved: false, status: "monitoring" });
    expect(pd.requests).toHaveLength(requests);
    expect(pd.alerts).toEqual([expect.objectContaining({ status: "triggered", severity: "critical" })]);
    const states = gh.deployments.deployments[0]?.statuses.map((s) => s.state);
    expect(states).toEqual(["in_progress", "failure", "in_progress", "in_progress"]);
    expect(unverified.summary).toContain("## Notify: ⚠️ Production rollback: sent");
    // The team's channels read "rolled back, not verified", never a recovery.
    const hook = chat.requests("webhook").at(-1);
    expect(hook?.body).toMatchObject({ status: "unverified" });
  });
});
