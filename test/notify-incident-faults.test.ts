import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { BetterStackSimulator } from "../src/sim/betterstack.ts";
import { InstatusSimulator } from "../src/sim/instatus.ts";
import type { Fault } from "../src/sim/server.ts";
import { StatuspageSimulator, type StatusSim } from "../src/sim/status.ts";
import { runInProcess } from "./helpers/run.ts";

// Each change to a status page (open, update, resolve), with the server failing at it: a 503 before acting,
// the connection dropped before acting, the answer lost after acting. Afterwards the page holds one incident
// or none, the output names the one that exists (read back, not assumed), and a second run finishes.

const fast = { backoffBaseMs: 2, backoffMaxMs: 5, retries: 1 };
const statuspage = new StatuspageSimulator();
const instatus = new InstatusSimulator();
const betterstack = new BetterStackSimulator();
beforeAll(() => Promise.all([statuspage, instatus, betterstack].map((s) => s.start())));
afterAll(() => Promise.all([statuspage, instatus, betterstack].map((s) => s.stop())));
beforeEach(() => {
  for (const sim of [statuspage, instatus, betterstack]) sim.reset();
});

const env = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "8100",
  GITHUB_RUN_ATTEMPT: "1",
};

const PAGES: { channel: string; sim: StatusSim; inputs: () => Record<string, string> }[] = [
  {
    channel: "statuspage",
    sim: statuspage,
    inputs: () => ({
      "statuspage-api-key": statuspage.key,
      "statuspage-page-id": statuspage.pageId,
      "statuspage-components": "cmp_api",
      "statuspage-api-url": statuspage.apiUrl,
    }),
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
  },
];

type FaultKind = "503" | "drop" | "lost answer";
const FAULTS: Record<FaultKind, Fault> = {
  "503": { kind: "status", status: 503, body: { error: "Service Unavailable" } },
  drop: { kind: "drop" },
  "lost answer": { kind: "drop-after-handle" },
};
const onMutation = { when: (r: { method: string }) => r.method !== "GET" };

interface Case {
  step: "open" | "update" | "resolve";
  fault: FaultKind;
  /** Incidents on the page after the faulty run, and whether ours is resolved. */
  incidents: number;
  resolved?: boolean;
  result: "sent" | "failed";
}

const CASES: Case[] = [
  { step: "open", fault: "503", incidents: 0, result: "failed" },
  { step: "open", fault: "drop", incidents: 0, result: "failed" },
  // The create went through: found again by its tag, and reported.
  { step: "open", fault: "lost answer", incidents: 1, resolved: false, result: "sent" },
  { step: "update", fault: "503", incidents: 1, resolved: false, result: "failed" },
  { step: "update", fault: "drop", incidents: 1, resolved: false, result: "failed" },
  { step: "update", fault: "lost answer", incidents: 1, resolved: false, result: "failed" },
  { step: "resolve", fault: "503", incidents: 1, resolved: false, result: "failed" },
  { step: "resolve", fault: "drop", incidents: 1, resolved: false, result: "failed" },
  // Read back: resolved, so reported as resolved.
  { step: "resolve", fault: "lost answer", incidents: 1, resolved: true, result: "sent" },
];

const STATUS = { open: "started", update: "failed", resolve: "succeeded" } as const;

describe.each(PAGES)("$channel under faults", (page) => {
  const notify = (status: string, extra: Record<string, string> = {}) =>
    runInProcess(
      notifyAction(fast),
      { status, environment: "production", ...page.inputs(), ...extra },
      { env },
    );

  it.each(CASES)("$step, $fault: $incidents incident(s), $result", async (c) => {
    let id = "";
    if (c.step !== "open") id = (await notify("started")).outputs["status-page-incident"] ?? "";
    page.sim.inject({ match: onMutation, ...FAULTS[c.fault] });
    const faulty = await notify(STATUS[c.step], id ? { "status-page-incident": id } : {});

    expect(faulty.outputs.status).toBe(c.result);
    expect(page.sim.incidents).toHaveLength(c.incidents);
    const exists = page.sim.incidents[0];
    // The output names the incident on the page, or nothing when there is none.
    expect(faulty.outputs["status-page-incident"] ?? "").toBe(exists?.id ?? "");
    if (c.resolved !== undefined) expect(exists?.resolved).toBe(c.resolved);
    if (c.result === "failed") {
      const said = faulty.logs.join("\n");
      expect(said).toMatch(/HTTP 503|socket|ECONNRESET|other side closed|connection/i);
      if (exists) expect(said).toContain(`Incident ${exists.id} is still this rollback's: re-run this step`);
      else
        expect(said).toContain(
          "Read back: the page has no incident (production, rollback 8100), so none was opened",
        );
    }

    // A second run of the same step finishes, on the same single incident.
    const again = await notify(STATUS[c.step]);
    expect(again.outputs.status).toBe("sent");
    expect(page.sim.incidents).toHaveLength(1);
    expect(again.outputs["status-page-incident"]).toBe(page.sim.incidents[0]?.id);
    expect(page.sim.incidents[0]?.resolved).toBe(c.step === "resolve");
  });
});
