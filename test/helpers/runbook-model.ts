// Runs `target: full` of rollback.yml and of the root action on paper: each job's (step's) real `if:` decides
// whether it runs, the platforms' steps answer as modelled below, job outputs and the report's env come from
// the real expressions, and the report's real outcome script says what is announced.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { type Context, condition, interpolate, runScript, type Status } from "./expressions.ts";

export type Result = "success" | "failure" | "cancelled" | "skipped";
export type Platform = "vercel" | "railway";
/** The runbook's units, in order; each is a job of rollback.yml and one or two steps of the root action. */
export const UNITS = [
  "traffic-stop",
  "database",
  "storage",
  "cache",
  "railway",
  "vercel",
  "traffic-resume",
  "verify",
] as const;
export type Unit = (typeof UNITS)[number];

export interface Fault {
  /** The job (workflow) or unit that ends this way. */
  at: string;
  result: "failure" | "cancelled";
  /** A failed data step's read-back (its `changed` output). */
  changed?: "true" | "false" | "unknown";
}
export interface Scenario {
  fault?: Fault;
  /** analyze's verdict when it runs. */
  verdict?: "pass" | "inconclusive";
  keepTrafficStopped?: boolean;
  /** Another target than full: what its checks answer, and the `stopped` input (traffic-resume). */
  target?: { name: string; checked: Record<string, Record<string, string>>; stopped?: string };
}

export interface Announcement {
  status: string;
  title: string;
  message: string;
  traffic: string;
}
export interface Outcome {
  /** Units that ran, in order. */
  ran: Unit[];
  /** What each platform serves at the end: good (rolled back), bad (as before), stopped, unknown. */
  serves: Record<Platform, string>;
  announcement?: Announcement;
}

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}
interface Job {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface StepState {
  outcome: Result;
  conclusion: Result;
  outputs: Record<string, string>;
}

const STOPPED: Record<Platform, string> = {
  vercel: '{"platform":"vercel","project-id":"prj_shop","paused":true,"pinned":false}',
  railway:
    '{"platform":"railway","services":[{"service":"backend","service-id":"s1","deployment-id":"d1"},{"service":"ai-engine","service-id":"s2","deployment-id":"d2"}]}',
};
// A stop that fails half way: backend stopped, ai-engine refused.
const RAILWAY_PARTIAL =
  '{"platform":"railway","services":[{"service":"backend","service-id":"s1","deployment-id":"d1"}]}';
const DATA_DONE: Record<string, string> = {
  "database-restore": "restored",
  "storage-restore": "restored",
  "cache-flush": "flushed",
};
const UNIT_OF_ACTION: Record<string, Unit> = {
  "database-restore": "database",
  "storage-restore": "storage",
  "cache-flush": "cache",
  "railway-redeploy": "railway",
  "vercel-promote": "vercel",
  "smoke-test": "verify",
};

/** The world the steps act on, and which unit each step belongs to. */
class World {
  stopped: Record<Platform, "no" | "yes" | "unknown"> = { vercel: "no", railway: "no" };
  good: Record<Platform, boolean> = { vercel: false, railway: false };
  ran = new Set<Unit>();
  announcement?: Announcement;
  cancelled = false;

  readonly scenario: Scenario;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    // traffic-resume starts from what an earlier run left stopped.
    if (scenario.target?.stopped) this.stopped = { vercel: "yes", railway: "yes" };
  }

  unitOf(step: Step): Unit | undefined {
    if (String(step.with?.["dry-run"]) === "true") return undefined;
    const action = step.uses?.replace(/^\$\/actions\//, "") ?? "";
    if (action === "traffic") return step.with?.mode === "pause" ? "traffic-stop" : "traffic-resume";
    return UNIT_OF_ACTION[action];
  }

  /** How this step ends: the fault falls on a unit's last step (Railway's in traffic), or on a whole job. */
  result(step: Step, job: string | undefined, first: boolean): "success" | "failure" | "cancelled" {
    const fault = this.scenario.fault;
    if (!fault) return "success";
    const unit = this.unitOf(step);
    const platform = step.with?.platform;
    if (unit && fault.at === unit && (!unit.startsWith("traffic") || platform === "railway"))
      return fault.result;
    if (job && fault.at === job && first && !(UNITS as readonly string[]).includes(job)) return fault.result;
    return "success";
  }

  /** A platform step's outputs, as the actions' interfaces define them. */
  act(step: Step, result: "success" | "failure" | "cancelled"): Record<string, string> {
    // A dry run (the start job's migrations preview) changes nothing and is no step of the runbook.
    if (String(step.with?.["dry-run"]) === "true") return {};
    const action = step.uses?.replace(/^\$\/actions\//, "") ?? "";
    const unit = this.unitOf(step);
    if (unit) this.ran.add(unit);
    const platform = step.with?.platform as Platform | undefined;
    if (result === "cancelled") {
      // Cancelled mid-step: what it did is not known, and it wrote no outputs.
      if (platform) this.stopped[platform] = "unknown";
      return {};
    }
    const ok = result === "success";
    if (action === "traffic" && platform) {
      if (step.with?.mode === "pause") {
        this.stopped[platform] = "yes";
        const stopped = ok ? STOPPED[platform] : RAILWAY_PARTIAL;
        return { status: ok ? "paused" : "failed", stopped };
      }
      if (ok) this.stopped[platform] = "no";
      return { status: ok ? "resumed" : "failed" };
    }
    if (action in DATA_DONE) {
      return ok
        ? { status: DATA_DONE[action] ?? "", changed: "true" }
        : { status: "failed", changed: this.scenario.fault?.changed ?? "unknown" };
    }
    if (action === "railway-redeploy" || action === "vercel-promote") {
      const which: Platform = action === "vercel-promote" ? "vercel" : "railway";
      if (ok) this.good[which] = true;
      return { status: ok ? "rolled-back" : "failed" };
    }
    if (action === "smoke-test") {
      const pass = ok && (["vercel", "railway"] as const).every((p) => this.serves(p) === "good");
      return { verdict: pass ? "pass" : "fail" };
    }
    if (action === "analyze") return { verdict: this.scenario.verdict ?? "pass" };
    return {};
  }

  serves(platform: Platform): string {
    if (this.stopped[platform] === "unknown") return "unknown";
    if (this.stopped[platform] === "yes") return "stopped";
    return this.good[platform] ? "good" : "bad";
  }

  outcome(): Outcome {
    return {
      ran: UNITS.filter((unit) => this.ran.has(unit)),
      serves: { vercel: this.serves("vercel"), railway: this.serves("railway") },
      announcement: this.announcement,
    };
  }
}

/** Runs the steps of one job (or the composite action) in order, each behind its real `if:`. */
function runSteps(
  world: World,
  steps: Step[],
  base: Context,
  job: string | undefined,
  modelled: (step: Step) => Record<string, string> | undefined,
): Record<string, StepState> {
  const states: Record<string, StepState> = {};
  let index = 0;
  for (const step of steps) {
    const context = { ...base, steps: states };
    const failed = Object.values(states).some((s) => s.conclusion === "failure");
    const status: Status = { success: !failed, failure: failed, cancelled: world.cancelled };
    const id = step.id ?? `step${index}`;
    const first = index++ === 0;
    if (!condition(step.if, context, status)) {
      states[id] = { outcome: "skipped", conclusion: "skipped", outputs: {} };
      continue;
    }
    const result = world.result(step, job, first);
    if (result === "cancelled") world.cancelled = true;
    let outputs: Record<string, string> = {};
    if (step.run !== undefined) {
      if (result === "success")
        outputs = step.id === "outcome" ? report(step, context, status) : (modelled(step) ?? {});
    } else if (step.uses?.endsWith("/notify")) {
      if (result === "success" && step.id !== "started") announce(world, step, context, status);
    } else if (step.uses) outputs = world.act(step, result);
    const outcome = result === "success" && outputs.verdict === "fail" ? "failure" : result;
    const tolerated = outcome === "failure" && step["continue-on-error"] === true;
    states[id] = { outcome, conclusion: tolerated ? "success" : outcome, outputs };
  }
  return states;
}

/** The report's outcome step: its env from the real expressions, its real script. */
function report(step: Step, context: Context, status: Status): Record<string, string> {
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([key, value]) => [key, interpolate(value, context, status)]),
  );
  const run = runScript(step.run ?? "", env);
  if (run.code !== 0) throw new Error(`the outcome script exited ${run.code}: ${run.stdout}`);
  return run.outputs;
}

/** What the report's notify is given: status, title, message and the Traffic field. */
function announce(world: World, step: Step, context: Context, status: Status): void {
  const input = (name: string) => interpolate(String(step.with?.[name] ?? ""), context, status);
  const traffic = /^Traffic: (.*)$/m.exec(input("fields"))?.[1] ?? "";
  world.announcement = { status: input("status"), title: input("title"), message: input("message"), traffic };
}

const GITHUB = { repository: "acme/shop", run_id: "1001", token: "gh-token" };

/** What the checks of `target: full` answer with everything configured. */
const CHECKED: Record<string, Record<string, string>> = {
  guard: { "data-environment": "production-data", data: "true", "started-at": "2026-12-07T03:00:00Z" },
  start: { railway: "true", vercel: "true", traffic: "true", analyze: "true" },
  "data-check": { database: "true", storage: "true", cache: "true" },
};

export function runWorkflow(scenario: Scenario): Outcome & { jobs: Record<string, Result> } {
  const doc = parse(readFileSync(".github/workflows/rollback.yml", "utf8")) as {
    jobs: Record<string, Job>;
  };
  const world = new World(scenario);
  const inputs = {
    target: scenario.target?.name ?? "full",
    environment: "production",
    reason: "checkout 500s",
    "keep-traffic-stopped": scenario.keepTrafficStopped ?? false,
    "dry-run": false,
    verify: true,
    stopped: scenario.target?.stopped ?? "",
    confirm: "production",
  };
  const checked = { ...CHECKED, ...scenario.target?.checked };
  const jobs: Record<string, { result: Result; outputs: Record<string, string> }> = {};
  for (const [name, job] of Object.entries(doc.jobs)) {
    const needs = [job.needs ?? []].flat();
    const context: Context = { inputs, github: GITHUB, vars: {}, secrets: {}, needs: {} };
    for (const need of needs) {
      const done = jobs[need];
      if (!done) throw new Error(`job ${name} needs ${need}, which comes later in the file`);
      (context.needs as Context)[need] = done;
    }
    const results = needs.map((need) => jobs[need]?.result);
    const status: Status = {
      success: results.every((r) => r === "success"),
      failure: results.includes("failure"),
      cancelled: world.cancelled,
    };
    if (!condition(job.if, context, status)) {
      jobs[name] = { result: "skipped", outputs: {} };
      continue;
    }
    const env = Object.fromEntries(
      Object.entries(job.env ?? {}).map(([k, v]) => [k, interpolate(v, context, status)]),
    );
    const states = runSteps(world, job.steps, { ...context, env }, name, (step) =>
      step.run !== undefined && step.id !== "outcome" ? checked[name] : undefined,
    );
    const outcomes = Object.values(states).map((s) => s.conclusion);
    const result: Result = outcomes.includes("cancelled")
      ? "cancelled"
      : outcomes.includes("failure")
        ? "failure"
        : "success";
    // A cancelled job's outputs are not known: nothing downstream may lean on them.
    const outputs =
      result === "cancelled"
        ? {}
        : Object.fromEntries(
            Object.entries(job.outputs ?? {}).map(([k, v]) => [
              k,
              interpolate(v, { ...context, env, steps: states }, status),
            ]),
          );
    jobs[name] = { result, outputs };
  }
  return {
    ...world.outcome(),
    jobs: Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, job.result])),
  };
}

export function runRootAction(scenario: Scenario): Outcome {
  const doc = parse(readFileSync("action.yml", "utf8")) as { runs: { steps: Step[] } };
  const world = new World(scenario);
  const inputs = {
    target: "full",
    environment: "production",
    "keep-traffic-stopped": scenario.keepTrafficStopped ? "true" : "false",
    "dry-run": "false",
    verify: "true",
    stopped: "",
    "analyze-metrics": "- name: errors",
  };
  const check = {
    railway: "true",
    vercel: "true",
    database: "true",
    storage: "true",
    cache: "true",
    traffic: "true",
    verify: "true",
    "pause-vercel": "true",
    "pause-railway": "true",
  };
  runSteps(world, doc.runs.steps, { inputs, github: GITHUB, env: {} }, undefined, (step) =>
    step.id === "check" ? check : undefined,
  );
  return world.outcome();
}
