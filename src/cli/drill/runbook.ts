// The local drill: rehearse the rollback runbook against built-in simulators, through the bundled actions
// run exactly as the runner runs them, in the order rollback.yml runs its jobs.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMs } from "../../core/wait.ts";
import { SCENARIO } from "../../sim/railway.ts";
import { SIM_VERCEL_TOKEN } from "../../sim/vercel.ts";
import { type ActionRun, killRunningActions, runAction } from "../run-action.ts";
import { atExit } from "./exit.ts";
import { FAULTS, type FaultName, type Target } from "./faults.ts";
import { injectFaults } from "./inject.ts";
import { analyzeInputs, outsideInputs, revertInputs, smokeInputs, storageInputs } from "./inputs.ts";
import {
  cacheLine,
  databaseLine,
  decode,
  failedList,
  failedMetrics,
  incidentText,
  phaseOf,
  railwayLine,
  revertLine,
  storageLine,
  trafficLine,
  vercelLine,
} from "./lines.ts";
import { dataKnown, decide, type Outcome, resumeCommand, type Stopped } from "./rule.ts";
import { type Serving, servingNow } from "./serving.ts";
import { startWorld, type World } from "./world.ts";

export interface DrillOptions {
  target?: Target;
  faults?: FaultName[];
  /** Each timeline line as it happens. */
  log?: (line: string) => void;
  /** Railway's deploy time for a restored image, and Vercel's alias job time. */
  railwayDeployMs?: number;
  vercelAliasMs?: number;
  /** The full runbook's database and cache on the Railway simulator even where the machine has the servers. */
  simulatedData?: boolean;
  /**
   * Stops the drill (Ctrl-C): the running actions get SIGINT, as on a cancelled run, then everything is torn
   * down and runDrill rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

export interface DrillStep {
  at: number;
  phase: string;
  text: string;
  /** How long the step's action ran, when it is one. */
  durationMs?: number;
}

export interface DrillResult {
  /** Verification passed: production serves the rolled-back version. */
  recovered: boolean;
  outcome: Outcome;
  /** What serves now, one line per Railway service and Vercel project. */
  serving: Serving[];
  /** When traffic was left stopped: the command that resumes it. */
  resume: string | undefined;
  timeline: DrillStep[];
  totalMs: number;
  /** Time the simulated platforms spent working on the critical path (rollbacks run in parallel). */
  platformMs: number;
  /** Summed back-off of the retries that injected faults caused (steps in parallel may overlap). */
  faultWaitMs: number;
  overheadMs: number;
  runs: Record<string, ActionRun>;
}

/** Log lines that show the suite coping with a fault: retries, re-reads, refusals to resend. */
const HANDLED = /retrying|re-read|no clear answer|did accept|rate-limit|not sent again|could not reach/i;
/** A retry's back-off as the clients log it ("retrying in 1.2s", "retry 2 in 350 ms"). */
const BACKOFF = /(?:retrying in|retry \d+ in) ([\d.]+) ?(ms|s)\b/;
/** A rollback's warning that the bad release also changed the schema. */
const MIGRATIONS = /^Migrations between/;
const REASON = "Checkout failing after the 14:02 deploy (drill)";

/** The channels a notify could not reach, and why, for its timeline line. */
function unreached(run: ActionRun): string {
  let failed: { channel: string; reason: string }[] = [];
  try {
    failed = JSON.parse(run.outputs["failed-channels"] || "[]");
  } catch {
    return "";
  }
  return failed.map((f) => `; ${f.channel} NOT reached: ${f.reason}`).join("");
}

export async function runDrill(options: DrillOptions = {}): Promise<DrillResult> {
  const target = options.target ?? "all";
  const faults = new Set(options.faults ?? []);
  const full = target === "full";
  const railwayOn = target === "all" || target === "railway" || full;
  const vercelOn = target === "all" || target === "vercel" || full;
  let started = performance.now();
  const timeline: DrillStep[] = [];
  const log = options.log ?? (() => {});
  const step = (phase: string, text: string, durationMs?: number) => {
    const entry: DrillStep = { at: performance.now() - started, phase, text, durationMs };
    timeline.push(entry);
    const took = durationMs === undefined ? "" : ` (${formatMs(durationMs)})`;
    log(`${formatMs(entry.at).padStart(7)}  ${phase.padEnd(12)} ${text}${took}`);
  };
  // Everything the drill and its steps write goes in one folder, removed when it ends, however it ends.
  const dir = mkdtempSync(join(tmpdir(), "rollback-drill-"));
  // As root, PostgreSQL runs as the postgres user, which must reach its data folder inside this one.
  if (process.getuid?.() === 0) chmodSync(dir, 0o711);
  let live: World | undefined;
  const forget = atExit(() => {
    killRunningActions();
    live?.stopNow();
    rmSync(dir, { recursive: true, force: true });
  });
  const stopping = new AbortController();
  const onAbort = () => stopping.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  /** Actions running now: a drill that ends early stops and awaits them before it stops their servers. */
  const inFlight = new Set<Promise<unknown>>();
  const runs: Record<string, ActionRun> = {};
  // Time spent waiting out injected faults (retries' back-off) is neither the platforms' work nor overhead.
  let backoffMs = 0;
  try {
    const world = await startWorld({
      dir,
      target,
      faults,
      railwayDeployMs: options.railwayDeployMs ?? 900,
      vercelAliasMs: options.vercelAliasMs ?? 1000,
      simulatedData: options.simulatedData ?? false,
    });
    live = world;
    stopping.signal.throwIfAborted();
    const setupMs = performance.now() - started;
    // The suite's own time counts from here: starting servers is the drill's, not the rollback's.
    started = performance.now();
    injectFaults(world, faults);
    step(
      "ready",
      `simulators up in ${formatMs(setupMs)}: Vercel ${world.vercel.url}, Railway ${world.railway.url}, chat ${world.chat.url}, GitHub ${world.github.url}`,
    );
    for (const note of world.data?.notes ?? []) step("ready", note);
    for (const fault of faults) step("fault", `${fault}: ${FAULTS[fault].text}`);

    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: world.github.url,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_RUN_ID: "1001",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_ACTOR: "drill",
      GITHUB_WORKFLOW: "Rollback (drill)",
      GITHUB_REF: "refs/heads/main",
      GITHUB_TOKEN: world.github.token,
      // Reports, dumps and measurements land in the drill's folder, which goes when the drill ends; so does
      // anything a step writes in its temp folder.
      RUNNER_TEMP: dir,
      TMPDIR: dir,
    };
    const run = async (label: string, name: string, inputs: Record<string, string>) => {
      const running = runAction(name, inputs, {
        env,
        cwd: dir,
        tempDir: dir,
        signal: stopping.signal,
        onLine: (line) => {
          const text = line.replace(/^::(warning|notice)[^:]*::/, "");
          if (line.startsWith("::add-mask::")) return;
          const backoff = BACKOFF.exec(text);
          if (backoff) backoffMs += Number(backoff[1]) * (backoff[2] === "s" ? 1000 : 1);
          if (MIGRATIONS.test(text)) step("migrations", `${name}: ${decode(text)}`);
          else if (HANDLED.test(text)) step("handled", `${name}: ${decode(text)}`);
        },
      });
      inFlight.add(running);
      const forgetRun = () => inFlight.delete(running);
      running.then(forgetRun, forgetRun);
      const result = await running;
      runs[label] = result;
      return result;
    };
    const smoke = (label: string, warm: string) => run(label, "smoke-test", smokeInputs(world, warm));
    const analyze = (label: string) => run(label, "analyze", analyzeInputs(world));
    const outside = outsideInputs(world);

    step("incident", incidentText(world, target));
    const detect = await smoke("detect", "0");
    step("detected", `smoke-test ${detect.outputs.verdict}: ${failedList(detect)}`, detect.durationMs);
    if (full) {
      const metrics = await analyze("detect-metrics");
      step("detected", `analyze ${metrics.outputs.verdict}: ${failedMetrics(metrics)}`, metrics.durationMs);
    }

    // As in the workflow, the announcement goes out beside the rollback, never ahead of it.
    const announcing = run("announce", "notify", {
      status: "started",
      title: "Production rollback started",
      reason: REASON,
      "github-deployment": "true",
      ...outside,
    }).then((announced) => {
      step(
        "announced",
        `notify ${announced.outputs.status}: ${announced.outputs.sent || "nothing sent"}${unreached(announced)}`,
        announced.durationMs,
      );
      return announced;
    });
    // Awaited below; when a step fails before that, the failure that ends the drill is the one reported.
    announcing.catch(() => undefined);

    // The rule, as rollback.yml and the root action apply it: a destructive step runs only when every step
    // before it succeeded.
    let halted = false;
    const destructive = async (
      label: string,
      name: string,
      inputs: Record<string, string>,
      describe: (r: ActionRun) => string,
    ) => {
      if (halted) {
        step("skipped", `${name}: an earlier step failed, so nothing after it changes data or code`);
        return undefined;
      }
      const result = await run(label, name, inputs);
      step(
        phaseOf(name),
        `${name} ${result.outputs.status ?? "failed"}: ${describe(result)}`,
        result.durationMs,
      );
      if (result.code !== 0) halted = true;
      return result;
    };
    const railwayInputs = {
      token: SCENARIO.projectToken,
      services: "backend, ai-engine",
      "api-url": world.railway.url,
    };
    const vercelInputs = { token: SIM_VERCEL_TOKEN, project: "shop", "api-url": world.vercel.url };
    const platformInputs = { vercel: vercelInputs, railway: railwayInputs };

    // What each pause stopped, also when it failed half way: resume brings back exactly that.
    const stopped: Stopped = {};
    const data: (ActionRun | undefined)[] = [];
    if (full) {
      for (const platform of ["vercel", "railway"] as const) {
        const stop = await destructive(
          `pause-${platform}`,
          "traffic",
          { mode: "pause", platform, ...platformInputs[platform] },
          (r) => trafficLine(r, platform),
        );
        if (stop?.outputs.stopped) stopped[platform] = JSON.parse(stop.outputs.stopped) as unknown;
      }
      data.push(await destructive("database", "database-restore", world.data?.database ?? {}, databaseLine));
      data.push(await destructive("storage", "storage-restore", storageInputs(world), storageLine));
      // Before the code: a rolled-back deployment serves as soon as it is up.
      data.push(await destructive("cache", "cache-flush", world.data?.cache ?? {}, cacheLine));
    }

    const rollbacks: Promise<unknown>[] = [];
    if (railwayOn) {
      const wait = faults.has("railway-still-deploying") ? "2s" : "30s";
      rollbacks.push(destructive("railway", "railway-redeploy", { ...railwayInputs, wait }, railwayLine));
    }
    if (vercelOn) {
      rollbacks.push(
        destructive("vercel", "vercel-promote", { ...vercelInputs, reason: REASON, wait: "30s" }, vercelLine),
      );
    }
    if (target === "git-revert")
      rollbacks.push(destructive("revert", "revert-commit", revertInputs(world, REASON), revertLine));
    await Promise.all(rollbacks);

    // Traffic returns only when every data step is known restored or untouched; otherwise it stays stopped.
    let resume: string | undefined;
    const stoppedPlatforms = (["vercel", "railway"] as const).filter((p) => stopped[p] !== undefined);
    if (stoppedPlatforms.length && data.every(dataKnown)) {
      // Side by side: in the workflow each resume runs whatever the other's outcome (`always()`), so neither
      // waits for the other.
      await Promise.all(
        stoppedPlatforms.map(async (platform) => {
          const resumed = await run(`resume-${platform}`, "traffic", {
            mode: "resume",
            platform,
            stopped: JSON.stringify(stopped[platform]),
            ...platformInputs[platform],
          });
          step(
            "resumed",
            `traffic ${resumed.outputs.status ?? "failed"}: ${trafficLine(resumed, platform, stopped[platform])}`,
            resumed.durationMs,
          );
          if (resumed.code !== 0) resume = resumeCommand(stopped, "production", env.GITHUB_RUN_ID);
        }),
      );
    } else if (stoppedPlatforms.length) {
      resume = resumeCommand(stopped, "production", env.GITHUB_RUN_ID);
      step(
        "stopped",
        `traffic stays stopped: not every data step is known restored or untouched. Resume with: ${resume}`,
      );
    }

    let verdict: string | undefined;
    if (!resume) {
      const verify = await smoke("verify", "5s");
      verdict = verify.outputs.verdict;
      step(
        "verified",
        `smoke-test ${verdict}${verdict === "pass" ? "" : `: ${failedList(verify)}`}`,
        verify.durationMs,
      );
      if (full && verdict === "pass") {
        if (faults.has("metrics-no-data"))
          world.metrics.server.inject({ kind: "status", status: 503, times: 1000 });
        const metrics = await analyze("verify-metrics");
        verdict = metrics.outputs.verdict;
        step(
          "verified",
          `analyze ${verdict}${verdict === "pass" ? "" : `: ${metrics.outputs.reason || failedMetrics(metrics)}`}`,
          metrics.durationMs,
        );
      }
    }
    const recovered = verdict === "pass";

    const announced = await announcing;
    const changing = Object.entries(runs).filter(([label]) => !/^(detect|announce|verify)/.test(label));
    const failed = changing.some(([, r]) => r.code !== 0);
    const decision = decide({ failed, verdict, leftStopped: resume !== undefined });
    const report = await run("report", "notify", {
      status: decision.status,
      title: `Production rollback ${decision.headline}`,
      message: resume ? `Traffic is still stopped. To resume it, run ${resume}` : "",
      reason: REASON,
      fields: changing.map(([label, r]) => `${label}: ${r.outputs.status ?? "failed"}`).join("\n"),
      "slack-thread-ts": announced.outputs["slack-ts"] ?? "",
      "status-page-incident": announced.outputs["status-page-incident"] ?? "",
      "github-deployment-id": announced.outputs["github-deployment-id"] ?? "",
      "incident-issue": "true",
      "incident-title": `Production incident (drill): rollback of ${target}`,
      ...outside,
    });
    step(
      "notified",
      `notify ${report.outputs.status}: ${decision.headline}; ${report.outputs.sent || "nothing sent"}${report.outputs["issue-url"] ? ` (${report.outputs["issue-url"]})` : ""}${unreached(report)}`,
      report.durationMs,
    );
    const serving = servingNow(world, railwayOn ? ["backend", "ai-engine"] : [], vercelOn);
    for (const line of serving) step("serves", line.text);

    const totalMs = performance.now() - started;
    const platformMs = world.platformMs();
    return {
      recovered,
      outcome: decision.outcome,
      serving,
      resume,
      timeline,
      totalMs,
      platformMs,
      faultWaitMs: backoffMs,
      overheadMs: Math.max(0, totalMs - platformMs - backoffMs),
      runs,
    };
  } finally {
    // Steps still running (the announcement, when a step failed beside it) are stopped and awaited first, then
    // the clients and servers, then the files.
    stopping.abort(new Error("the drill ended"));
    await Promise.allSettled(inFlight);
    try {
      await live?.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      forget();
      options.signal?.removeEventListener("abort", onAbort);
    }
  }
}
