import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { BetterStackSimulator } from "../src/sim/betterstack.ts";
import { InstatusSimulator } from "../src/sim/instatus.ts";
import type { SimRequest } from "../src/sim/server.ts";
import { StatuspageSimulator, type StatusSim } from "../src/sim/status.ts";
import { runInProcess } from "./helpers/run.ts";
import { DOCUMENTED, expectOnlyFields } from "./notify-fields.ts";

const env = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "4242",
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
};
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, retries: 3 };

const statuspage = new StatuspageSimulator();
const instatus = new InstatusSimulator();
const betterstack = new BetterStackSimulator();
beforeAll(() => Promise.all([statuspage.start(), instatus.start(), betterstack.start()]));
afterAll(() => Promise.all([statuspage.stop(), instatus.stop(), betterstack.stop()]));
beforeEach(() => {
  for (const sim of [statuspage, instatus, betterstack]) sim.reset();
});

const run = (inputs: Record<string, string>) => runInProcess(notifyAction(fast), inputs, { env });

interface Provider {
  channel: string;
  sim: StatusSim;
  inputs: (components: string) => Record<string, string>;
  components: [string, string];
  /** Checks a create, an update and a resolve body against the provider's documented fields. */
  expectCreate: (body: unknown, components: string[]) => void;
  expectUpdate: (body: unknown, components: string[], resolved: boolean) => void;
}

const PROVIDERS: Provider[] = [
  {
    channel: "statuspage",
    sim: statuspage,
    inputs: (components) => ({
      "statuspage-api-key": statuspage.key,
      "statuspage-page-id": statuspage.pageId,
      "statuspage-components": components,
      "statuspage-api-url": statuspage.apiUrl,
    }),
    components: ["cmp_api", "cmp_web"],
    expectCreate: (body, components) => {
      const incident = expectOnlyFields(
        (body as { incident: unknown }).incident,
        DOCUMENTED.statuspageIncident,
      );
      expect(incident).toMatchObject({
        name: "Service Degradation (rollback 4242)",
        status: "investigating",
        impact_override: "major",
      });
      expect(incident.body).toBe(
        "We're currently experiencing issues and have initiated a rollback to restore service.",
      );
      expect(incident.component_ids).toEqual(components);
      for (const status of Object.values(incident.components as object)) {
        expect(DOCUMENTED.statuspageComponentStatuses).toContain(status);
        expect(status).toBe("partial_outage");
      }
    },
    expectUpdate: (body, components, resolved) => {
      const incident = expectOnlyFields(
        (body as { incident: unknown }).incident,
        DOCUMENTED.statuspageIncident,
      );
      expect(incident.status).toBe(resolved ? "resolved" : "investigating");
      expect(Object.keys(incident.components as object)).toEqual(components);
      for (const status of Object.values(incident.components as object)) {
        expect(status).toBe(resolved ? "operational" : "partial_outage");
      }
    },
  },
  {
    channel: "instatus",
    sim: instatus,
    inputs: (components) => ({
      "instatus-api-key": instatus.key,
      "instatus-page-id": instatus.pageId,
      "instatus-components": components,
      "instatus-api-url": instatus.apiUrl,
    }),
    components: ["cmp_api", "cmp_web"],
    expectCreate: (body, components) => {
      const incident = expectOnlyFields(body, DOCUMENTED.instatusIncident);
      expect(incident).toMatchObject({
        name: "Service Degradation (rollback 4242)",
        status: "INVESTIGATING",
        components,
      });
      expect(incident.statuses).toEqual(components.map((id) => ({ id, status: "PARTIALOUTAGE" })));
    },
    expectUpdate: (body, components, resolved) => {
      const update = expectOnlyFields(body, DOCUMENTED.instatusUpdate);
      expect(DOCUMENTED.instatusStatuses).toContain(update.status);
      expect(update.status).toBe(resolved ? "RESOLVED" : "INVESTIGATING");
      const status = resolved ? "OPERATIONAL" : "PARTIALOUTAGE";
      expect(update.statuses).toEqual(components.map((id) => ({ id, status })));
    },
  },
  {
    channel: "betterstack",
    sim: betterstack,
    inputs: (components) => ({
      "betterstack-api-token": betterstack.key,
      "betterstack-status-page-id": betterstack.pageId,
      "betterstack-resources": components,
      "betterstack-api-url": betterstack.apiUrl,
    }),
    components: ["8001", "8002"],
    expectCreate: (body, components) => {
      const report = expectOnlyFields(body, DOCUMENTED.betterstackReport);
      expect(report).toMatchObject({ title: "Service Degradation (rollback 4242)", report_type: "manual" });
      expect(report.affected_resources).toEqual(
        components.map((id) => ({ status_page_resource_id: id, status: "degraded" })),
      );
    },
    expectUpdate: (body, components, resolved) => {
      const update = expectOnlyFields(body, DOCUMENTED.betterstackUpdate);
      const status = resolved ? "resolved" : "degraded";
      expect(DOCUMENTED.betterstackResourceStatuses).toContain(status);
      expect(update.affected_resources).toEqual(
        components.map((id) => ({ status_page_resource_id: id, status })),
      );
    },
  },
];

const mutations = (sim: StatusSim): SimRequest[] => sim.mutations();

describe.each(PROVIDERS)("notify: $channel", (p) => {
  it("opens the incident on started, updates it on failed, resolves it on succeeded", async () => {
    const [a, b] = p.components;
    const started = await run({ status: "started", ...p.inputs(a) });
    expect(started.failed).toBeUndefined();
    expect(started.outputs).toMatchObject({ status: "sent", sent: p.channel });
    const id = started.outputs["status-page-incident"] ?? "";
    expect(p.sim.incidents.map((i) => i.id)).toEqual([id]);
    p.expectCreate(mutations(p.sim)[0]?.body, [a]);

    const failed = await run({ status: "failed", "status-page-incident": id, ...p.inputs(a) });
    expect(failed.outputs).toMatchObject({ status: "sent", "status-page-incident": id });
    p.expectUpdate(mutations(p.sim)[1]?.body, [a], false);
    expect(p.sim.incidents[0]?.resolved).toBe(false);

    // The report step names another component too: both go back to operational.
    const done = await run({ status: "succeeded", "status-page-incident": id, ...p.inputs(b) });
    expect(done.outputs).toMatchObject({ status: "sent", "status-page-incident": id });
    p.expectUpdate(mutations(p.sim)[2]?.body, [b, a], true);
    expect(p.sim.incidents[0]?.resolved).toBe(true);
    expect(p.sim.incidents).toHaveLength(1);
    expect(done.summary).toContain(`resolved incident ${id}`);

    // Once more: already resolved, nothing sent.
    const again = await run({ status: "succeeded", "status-page-incident": id, ...p.inputs(b) });
    expect(mutations(p.sim)).toHaveLength(3);
    expect(again.logs.join("\n")).toContain(`incident ${id} is already resolved`);
  });

  it("a second started for the same rollback continues the open incident, found by its tag", async () => {
    const first = await run({ status: "started", ...p.inputs(p.components[0]) });
    const second = await run({ status: "started", ...p.inputs(p.components[0]) });
    expect(p.sim.incidents).toHaveLength(1);
    expect(mutations(p.sim)).toHaveLength(1);
    expect(second.outputs["status-page-incident"]).toBe(first.outputs["status-page-incident"]);
    expect(second.outputs.status).toBe("sent");
    expect(second.summary).toContain("of this rollback is open: continued");
  });

  it("a rate-limited answer is retried after Retry-After", async () => {
    const status = p.channel === "statuspage" ? 420 : 429;
    p.sim.inject({
      match: { method: "POST" },
      kind: "status",
      status,
      headers: { "retry-after": "0" },
      body: {},
    });
    const tk = await run({ status: "started", ...p.inputs(p.components[0]) });
    expect(tk.outputs.status).toBe("sent");
    expect(p.sim.incidents).toHaveLength(1);
    expect(p.sim.requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });

  it("a rejected key fails the channel naming it, never the key", async () => {
    const inputs = p.inputs(p.components[0]);
    const keyInput = Object.keys(inputs).find((name) => /key|token/.test(name)) ?? "";
    const tk = await run({ status: "started", ...inputs, [keyInput]: "wrong-key-0123456789" });
    expect(tk.outputs.status).toBe("failed");
    const seen = [...tk.logs, tk.summary, JSON.stringify(tk.outputs)].join("\n");
    expect(seen).toMatch(/(Statuspage|Instatus|Better Stack): HTTP 401/);
    expect(seen).not.toContain("wrong-key-0123456789");
    expect(p.sim.incidents).toHaveLength(0);
  });

  it("components that do not exist are left out, and the warning names the ones that do", async () => {
    const [a] = p.components;
    const tk = await run({ status: "started", ...p.inputs(`${a}, nope-123`) });
    expect(tk.outputs.status).toBe("sent");
    p.expectCreate(mutations(p.sim)[0]?.body, [a]);
    const warning = tk.logs.find((line) => line.startsWith("warning:") && line.includes("nope-123"));
    expect(warning).toContain("not found on the page, left out. The page has:");
    expect(warning).toContain(`${a} (API)`);
    expect(tk.summary).toContain("nope-123");
  });
});

describe("notify: status pages together", () => {
  it("with several pages the output pairs each channel with its incident, and feeds back in", async () => {
    const inputs = { ...PROVIDERS[0]?.inputs("cmp_api"), ...PROVIDERS[1]?.inputs("cmp_api") };
    const started = await run({ status: "started", ...inputs });
    const output = started.outputs["status-page-incident"] ?? "";
    expect(output).toMatch(/^statuspage:inc_\d+ instatus:ckinc\d+$/);
    const done = await run({ status: "succeeded", "status-page-incident": output, ...inputs });
    expect(done.outputs.sent).toBe("statuspage instatus");
    expect(statuspage.incidents[0]?.resolved && instatus.incidents[0]?.resolved).toBe(true);
  });

  it("a dry run reads the page and prints what it would send, sending nothing", async () => {
    const tk = await run({ status: "started", "dry-run": "true", ...PROVIDERS[0]?.inputs("cmp_api") });
    expect(tk.outputs.status).toBe("planned");
    expect(statuspage.mutations()).toHaveLength(0);
    const log = tk.logs.join("\n");
    expect(log).toContain(
      'Dry run: statuspage (Statuspage incident) would get:\nopen "Service Degradation (rollback 4242)" (investigating',
    );
    expect(log).toContain("Message: We're currently experiencing issues and have initiated a rollback");
    expect(tk.summary).toContain("statuspage: what would be sent");
  });

  it("status-page-message and status-page-title replace the runbook's wording", async () => {
    await run({
      status: "started",
      "status-page-title": "Checkout degraded",
      "status-page-message": "Checkout is slow; we are rolling back.",
      impact: "critical",
      ...PROVIDERS[0]?.inputs("cmp_api"),
    });
    expect(statuspage.mutations()[0]?.body).toMatchObject({
      incident: {
        name: "Checkout degraded (rollback 4242)",
        body: "Checkout is slow; we are rolling back.",
        impact_override: "critical",
        components: { cmp_api: "major_outage" },
      },
    });
  });

  it("a key without its page id, or Better Stack without resources, is bad input before anything is sent", async () => {
    const tk = await run({
      "statuspage-api-key": statuspage.key,
      "betterstack-api-token": betterstack.key,
      "betterstack-status-page-id": "4242",
    });
    expect(tk.failed).toContain('Input "statuspage-page-id" is required with statuspage-api-key.');
    expect(tk.failed).toContain('Input "betterstack-resources" is required with betterstack-api-token');
    expect(statuspage.requests.length + betterstack.requests.length).toBe(0);
  });
});
