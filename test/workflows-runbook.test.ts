// The runbook's rule, checked against the real rollback.yml and action.yml: for every unit of `target: full`
// failing or cancelled, which later units run, what serves afterwards, and what the report announces.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runScript } from "./helpers/expressions.ts";
import {
  type Outcome,
  runRootAction,
  runWorkflow,
  type Scenario,
  UNITS,
  type Unit,
} from "./helpers/runbook-model.ts";

type Serves = Outcome["serves"];
interface Expect {
  ran: Unit[];
  serves: Serves;
  /** notify's status; undefined: nothing announced. */
  status?: "succeeded" | "unverified" | "failed" | "cancelled";
  traffic?: RegExp;
  /** The announcement carries the command that resumes traffic. */
  resume?: boolean;
}
interface Row extends Scenario {
  name: string;
  expect: Expect;
  /** Where the root action, which knows each step's outputs even after a cancel, ends differently. */
  action?: Partial<Expect>;
}

const ALL = [...UNITS];
const upTo = (unit: Unit) => ALL.slice(0, ALL.indexOf(unit) + 1);
const GOOD: Serves = { vercel: "good", railway: "good" };
const BAD: Serves = { vercel: "bad", railway: "bad" };
const STOPPED: Serves = { vercel: "stopped", railway: "stopped" };
const RESUMED = /^resumed/;
const LEFT_STOPPED =
  /^STOPPED: not every data step ended known restored or untouched \(.*changed (unknown|true)/;

const dataRows = (unit: "database" | "storage" | "cache"): Row[] => [
  {
    name: `${unit} fails and cannot say what it holds: traffic stays stopped, the command to resume is given`,
    fault: { at: unit, result: "failure", changed: "unknown" },
    expect: { ran: upTo(unit), serves: STOPPED, status: "failed", traffic: LEFT_STOPPED, resume: true },
  },
  {
    name: `${unit} fails after changing data: traffic stays stopped`,
    fault: { at: unit, result: "failure", changed: "true" },
    expect: { ran: upTo(unit), serves: STOPPED, status: "failed", traffic: LEFT_STOPPED, resume: true },
  },
  {
    name: `${unit} fails and its read-back shows nothing changed: traffic returns onto the old code`,
    fault: { at: unit, result: "failure", changed: "false" },
    expect: {
      ran: [...upTo(unit), "traffic-resume", "verify"],
      serves: BAD,
      status: "failed",
      traffic: RESUMED,
    },
  },
  {
    name: `${unit} cancelled: what it holds is unknown, traffic stays stopped`,
    fault: { at: unit, result: "cancelled" },
    expect: { ran: upTo(unit), serves: STOPPED, status: "cancelled", traffic: LEFT_STOPPED, resume: true },
  },
];

const SHARED: Row[] = [
  {
    name: "nothing fails: everything runs, production recovered",
    expect: { ran: ALL, serves: GOOD, status: "succeeded", traffic: RESUMED },
  },
  {
    name: "traffic stop fails half way: no data or code step, what it stopped comes back",
    fault: { at: "traffic-stop", result: "failure" },
    expect: {
      ran: ["traffic-stop", "traffic-resume", "verify"],
      serves: BAD,
      status: "failed",
      traffic: RESUMED,
    },
  },
  {
    name: "traffic stop cancelled: nothing after it changes anything, and the announcement says traffic is unknown",
    fault: { at: "traffic-stop", result: "cancelled" },
    expect: {
      ran: ["traffic-stop"],
      serves: { vercel: "stopped", railway: "unknown" },
      status: "cancelled",
      traffic: /^UNKNOWN: the stop was cancelled/,
    },
    // The action still has Vercel's stopped output: it brings Vercel back and says Railway's is unknown.
    action: {
      ran: ["traffic-stop", "traffic-resume"],
      serves: { vercel: "bad", railway: "unknown" },
      traffic: /^resumed.*cancelled part way, so more may be stopped/,
    },
  },
  ...dataRows("database"),
  ...dataRows("storage"),
  ...dataRows("cache"),
  {
    name: "Railway rollback fails: Vercel still rolls back, data is restored, traffic returns",
    fault: { at: "railway", result: "failure" },
    expect: { ran: ALL, serves: { vercel: "good", railway: "bad" }, status: "failed", traffic: RESUMED },
  },
  {
    name: "Railway rollback cancelled: data is known restored, so traffic returns; nothing is verified",
    fault: { at: "railway", result: "cancelled" },
    expect: {
      ran: [...upTo("railway"), "traffic-resume"],
      serves: BAD,
      status: "cancelled",
      traffic: RESUMED,
    },
  },
  {
    name: "Vercel rollback fails: Railway rolls back, traffic returns",
    fault: { at: "vercel", result: "failure" },
    expect: { ran: ALL, serves: { vercel: "bad", railway: "good" }, status: "failed", traffic: RESUMED },
  },
  {
    name: "Vercel rollback cancelled: traffic returns, nothing is verified",
    fault: { at: "vercel", result: "cancelled" },
    expect: {
      ran: [...upTo("vercel"), "traffic-resume"],
      serves: { vercel: "bad", railway: "good" },
      status: "cancelled",
      traffic: RESUMED,
    },
  },
  {
    name: "resume fails: nothing is verified on a stopped production, the command to resume is given",
    fault: { at: "traffic-resume", result: "failure" },
    expect: {
      ran: upTo("traffic-resume"),
      serves: { vercel: "good", railway: "stopped" },
      status: "failed",
      traffic: /^STOPPED: resuming it ended failure/,
      resume: true,
    },
  },
  {
    name: "resume cancelled: Railway's state is unknown, the command to resume is given",
    fault: { at: "traffic-resume", result: "cancelled" },
    expect: {
      ran: upTo("traffic-resume"),
      serves: { vercel: "good", railway: "unknown" },
      status: "cancelled",
      traffic: /^STOPPED: resuming it ended cancelled/,
      resume: true,
    },
  },
  {
    name: "verification fails: failed, never recovered",
    fault: { at: "verify", result: "failure" },
    expect: { ran: ALL, serves: GOOD, status: "failed", traffic: RESUMED },
  },
  {
    name: "verification cancelled",
    fault: { at: "verify", result: "cancelled" },
    expect: { ran: ALL, serves: GOOD, status: "cancelled", traffic: RESUMED },
  },
  {
    name: "metrics inconclusive: rolled back, not verified (the incident stays open, nothing resolved)",
    verdict: "inconclusive",
    expect: { ran: ALL, serves: GOOD, status: "unverified", traffic: RESUMED },
  },
  {
    name: "keep-traffic-stopped: nothing verified, announced as not verified with the command to resume",
    keepTrafficStopped: true,
    expect: {
      ran: upTo("vercel"),
      serves: STOPPED,
      status: "unverified",
      traffic: /^STOPPED, kept stopped as asked/,
      resume: true,
    },
  },
];

// Jobs only the workflow has.
const WORKFLOW_ONLY: Row[] = [
  ...(["guard", "start"] as const).flatMap((at) =>
    (["failure", "cancelled"] as const).map(
      (result): Row => ({
        name: `${at} ${result}: nothing runs, nothing is announced`,
        fault: { at, result },
        expect: { ran: [], serves: BAD },
      }),
    ),
  ),
  ...(["failure", "cancelled"] as const).map(
    (result): Row => ({
      name: `data-check ${result}: nothing changes, the report says traffic was never stopped`,
      fault: { at: "data-check", result },
      expect: {
        ran: [],
        serves: BAD,
        status: result === "failure" ? "failed" : "cancelled",
        traffic: /^not stopped/,
      },
    }),
  ),
  {
    name: "announce fails: the rollback does not care",
    fault: { at: "announce", result: "failure" },
    expect: { ran: ALL, serves: GOOD, status: "succeeded", traffic: RESUMED },
  },
  {
    name: "run cancelled while announcing: nothing changes, the report says cancelled",
    fault: { at: "announce", result: "cancelled" },
    expect: { ran: [], serves: BAD, status: "cancelled", traffic: /^not stopped/ },
  },
  ...(["failure", "cancelled"] as const).map(
    (result): Row => ({
      name: `report ${result}: everything before it stands`,
      fault: { at: "report", result },
      expect: { ran: ALL, serves: GOOD },
    }),
  ),
];

function check(outcome: Outcome, expected: Expect): void {
  expect(outcome.ran).toEqual(expected.ran);
  expect(outcome.serves).toEqual(expected.serves);
  const said = outcome.announcement;
  if (!expected.status) return void expect(said).toBeUndefined();
  expect(said?.status).toBe(expected.status);
  expect(said?.traffic).toMatch(expected.traffic ?? /^$/);
  if (expected.resume) expect(said?.message).toMatch(/target[=:] ?traffic-resume.*stopped[=:] ?'\{"vercel":/);
  else expect(said?.message).toBe("");
}

/** The rule, whatever the row: a destructive unit never runs after an earlier one failed or was cancelled. */
function holdsTheRule(row: Row, outcome: Outcome): void {
  const at = row.fault?.at as Unit | undefined;
  if (at && ALL.includes(at) && at !== "traffic-resume" && at !== "verify") {
    const destructive = ["database", "storage", "cache", "railway", "vercel"].filter(
      (unit) => ALL.indexOf(unit as Unit) > ALL.indexOf(at) && !(at === "railway" && unit === "vercel"),
    );
    expect(outcome.ran.filter((unit) => destructive.includes(unit))).toEqual([]);
  }
  const stoppedSomewhere = Object.values(outcome.serves).some((s) => s === "stopped");
  // Left stopped: the announcement gives the command, or says the stop's own record was lost.
  if (stoppedSomewhere && outcome.announcement)
    expect(`${outcome.announcement.message} ${outcome.announcement.traffic}`).toMatch(
      /traffic-resume|^ UNKNOWN/,
    );
  if (outcome.announcement?.status === "succeeded") expect(outcome.serves).toEqual(GOOD);
}

describe("target: full under faults, through rollback.yml's real if:/needs:", () => {
  it.each([...SHARED, ...WORKFLOW_ONLY].map((row) => [row.name, row] as const))("%s", (_, row) => {
    const outcome = runWorkflow(row);
    check(outcome, row.expect);
    holdsTheRule(row, outcome);
  });

  it("target: traffic-resume, the report's command, brings back what was stopped and rolls nothing back", () => {
    const stopped = JSON.stringify({
      vercel: { platform: "vercel", "project-id": "prj_shop", paused: true, pinned: true },
      railway: {
        platform: "railway",
        services: [{ service: "backend", "service-id": "s1", "deployment-id": "d1" }],
      },
    });
    const outcome = runWorkflow({
      target: {
        name: "traffic-resume",
        stopped,
        checked: {
          guard: { "data-environment": "production-data", data: "false" },
          start: { railway: "false", vercel: "false", traffic: "false", analyze: "false" },
        },
      },
    });
    expect(outcome.ran).toEqual(["traffic-resume", "verify"]);
    expect(outcome.jobs).toMatchObject({ railway: "skipped", vercel: "skipped", database: "skipped" });
    // The earlier run stopped before the code rolled back: traffic returns, and verification says it is bad.
    expect(outcome.serves).toEqual(BAD);
    expect(outcome.announcement).toMatchObject({ status: "failed", message: "" });
    expect(outcome.announcement?.traffic).toMatch(RESUMED);
  });

  it("the cache job never runs after a failed or cancelled traffic stop", () => {
    for (const result of ["failure", "cancelled"] as const) {
      expect(runWorkflow({ fault: { at: "traffic-stop", result } }).jobs.cache).toBe("skipped");
    }
  });
});

describe("target: full under faults, through the root action's real step if:s", () => {
  it.each(SHARED.map((row) => [row.name, row] as const))("%s", (_, row) => {
    const outcome = runRootAction(row);
    check(outcome, { ...row.expect, ...row.action });
    holdsTheRule(row, outcome);
  });
});

interface Step {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  environment?: string;
  steps: Step[];
}
const workflow = parse(readFileSync(".github/workflows/rollback.yml", "utf8")) as {
  concurrency: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const action = parse(readFileSync("action.yml", "utf8")) as { runs: { steps: Step[] } };

describe("one rule in both places", () => {
  it("every job after guard names its status function: none leans on success(), where skipped is not success", () => {
    const implicit = Object.entries(workflow.jobs)
      .filter(
        ([name, job]) =>
          name !== "guard" && name !== "start" && !/\b(always|cancelled)\(\)/.test(job.if ?? ""),
      )
      .map(([name]) => name);
    expect(implicit).toEqual([]);
  });

  it("the workflow and the root action decide the outcome with the same script", () => {
    const report = workflow.jobs.report?.steps.find((step) => step.id === "outcome");
    const root = action.runs.steps.find((step) => step.id === "outcome");
    expect(root?.run).toBeTruthy();
    expect(report?.run).toBe(root?.run);
    expect(Object.keys(report?.env ?? {}).sort()).toEqual(Object.keys(root?.env ?? {}).sort());
  });

  it("every notify step names the environment, so its incident and alert are this environment's rollback's own", () => {
    const notifySteps = [
      ...Object.values(workflow.jobs).flatMap((job) => job.steps),
      ...action.runs.steps,
    ].filter((step) => step.uses?.endsWith("/notify"));
    expect(notifySteps.length).toBe(3);
    for (const step of notifySteps) expect(step.with?.environment).toBe("${{ inputs.environment }}");
  });

  it("a rollback waiting for the environment's group is never replaced by the next run", () => {
    expect(workflow.concurrency).toMatchObject({ "cancel-in-progress": false, queue: "max" });
  });
});

describe("data settings are checked where they live", () => {
  const script = (job: string) => workflow.jobs[job]?.steps.find((step) => step.id === "needs");
  const base = { ENVIRONMENT: "production", VERIFY: "true", SMOKE: "https://shop.example.com/healthz" };

  it("start (the main environment) reads no data secret, so target: database passes it without them", () => {
    const start = script("start");
    expect(Object.values(start?.env ?? {}).join(" ")).not.toMatch(/DATABASE_URL|REDIS_URL|STORAGE_|ATLAS_/);
    const run = runScript(start?.run ?? "", { ...base, TARGET: "database" });
    expect(run.code).toBe(0);
  });

  it("data-check runs in the data environment and finds the cache whose secret lives there: full flushes it", () => {
    expect(workflow.jobs["data-check"]?.environment).toBe("${{ needs.guard.outputs.data-environment }}");
    const check = script("data-check");
    const run = runScript(check?.run ?? "", {
      TARGET: "full",
      DATA_ENVIRONMENT: "production-data",
      HAS_REDIS_URL: "true",
      HAS_DATABASE_URL: "false",
      HAS_STORAGE_KEYS: "false",
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ database: "false", storage: "false", cache: "true" });
  });

  it("data-check names a missing data secret and the environment to set it on, before anything changes", () => {
    const run = runScript(script("data-check")?.run ?? "", {
      TARGET: "database",
      DATA_ENVIRONMENT: "production-data",
      DATABASE_PROVIDER: "postgres",
      DATABASE_NAME: "shop",
      HAS_DATABASE_URL: "false",
      DATABASE_BACKUP: "s3://backups/shop.dump",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Missing or wrong for target database: secret DATABASE_URL");
    expect(run.stdout).toContain("'production-data' environment");
  });
});
