// The local drill: rehearse the rollback runbook against built-in simulators, through the bundled actions
// run exactly as the runner runs them, in the order rollback.yml runs its jobs.
import { formatMs } from "../../core/wait.ts";
import { SCENARIO } from "../../sim/railway.ts";
import { SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../../sim/s3.ts";
import { SIM_VERCEL_TOKEN } from "../../sim/vercel.ts";
import { type ActionRun, runAction } from "../run-action.ts";
import { FAULTS, type FaultName, type Target } from "./faults.ts";
import {
  cacheLine,
  databaseLine,
  decode,
  errorSuffix,
  failedList,
  failedMetrics,
  firstError,
  incidentText,
  phaseOf,
  railwayLine,
  trafficLine,
} from "./lines.ts";
import { BUCKET, startWorld, type World } from "./world.ts";

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
}

export interface DrillStep {
  at: number;
  phase: string;
  text: string;
  /** How long the step's action ran, when it is one. */
  durationMs?: number;
}

export interface DrillResult {
  recovered: boolean;
  outcome: "succeeded" | "failed";
  timeline: DrillStep[];
  totalMs: number;
  /** Time the simulated platforms spent working on the critical path (rollbacks run in parallel). */
  platformMs: number;
  overheadMs: number;
  runs: Record<string, ActionRun>;
}

/** Log lines that show the suite coping with a fault: retries, re-reads, refusals to resend. */
const HANDLED = /retrying|re-read|no clear answer|did accept|rate-limit|not sent again|could not reach/i;
/** A rollback's warning that the bad release also changed the schema. */
const MIGRATIONS = /^Migrations between/;
const REASON = "Checkout failing after the 14:02 deploy (drill)";

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
  const world = await startWorld({
    target,
    faults,
    railwayDeployMs: options.railwayDeployMs ?? 900,
    vercelAliasMs: options.vercelAliasMs ?? 1000,
    simulatedData: options.simulatedData ?? false,
  });
  const setupMs = performance.now() - started;
  // The suite's own time counts from here: starting servers is the drill's, not the rollback's.
  started = performance.now();
  const runs: Record<string, ActionRun> = {};
  try {
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
      // Reports, dumps and measurements land in the drill's folder, which goes when the drill ends.
      RUNNER_TEMP: world.dir,
    };
    const run = async (label: string, name: string, inputs: Record<string, string>) => {
      const result = await runAction(name, inputs, {
        env,
        cwd: world.dir,
        onLine: (line) => {
          const text = line.replace(/^::(warning|notice)[^:]*::/, "");
          if (line.startsWith("::add-mask::")) return;
          if (MIGRATIONS.test(text)) step("migrations", `${name}: ${decode(text)}`);
          else if (HANDLED.test(text)) step("handled", `${name}: ${decode(text)}`);
        },
      });
      runs[label] = result;
      return result;
    };
    const urls = world.checks.map((check) => `${world.app.url}/${check}/healthz`).join("\n");
    const smoke = (label: string, warm: string) =>
      run(label, "smoke-test", {
        url: urls,
        "ready-timeout": warm,
        samples: "2",
        interval: "100ms",
        fail: "false",
      });
    const analyze = (label: string) =>
      run(label, "analyze", {
        metrics: JSON.stringify([
          {
            name: "API error rate",
            provider: "web",
            url: `${world.metrics.server.url}/stats`,
            "json-path": "errorRate",
            "failure-condition": "result > 0.05",
          },
        ]),
        interval: "200ms",
        count: "3",
        fail: "false",
      });
    const outside = {
      "slack-token": "xoxb-simulated-bot-token",
      "slack-channel": "C0INCIDENTS",
      "slack-api-url": world.chat.slackApiUrl,
      "statuspage-api-key": world.statuspage.key,
      "statuspage-page-id": world.statuspage.pageId,
      "statuspage-components": world.statuspage.components.map((c) => c.id).join(","),
      "statuspage-api-url": world.statuspage.apiUrl,
      "pagerduty-routing-key": world.pagerduty.routingKey,
      "pagerduty-api-url": world.pagerduty.url,
      environment: "production",
    };

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
        `notify ${announced.outputs.status}: ${announced.outputs.sent || "nothing sent"}`,
        announced.durationMs,
      );
      return announced;
    });

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

    const paused: string[] = [];
    if (full) {
      for (const [platform, inputs] of [
        ["vercel", vercelInputs],
        ["railway", railwayInputs],
      ] as const) {
        const stop = await destructive(
          `pause-${platform}`,
          "traffic",
          { mode: "pause", platform, ...inputs },
          (r) => trafficLine(r, platform),
        );
        if (stop?.outputs.status === "paused") paused.push(platform);
      }
      await destructive("database", "database-restore", world.data?.database ?? {}, databaseLine);
      await destructive(
        "storage",
        "storage-restore",
        {
          bucket: BUCKET,
          "point-in-time": world.bucketGoodAt,
          endpoint: world.s3.server.url,
          region: "us-east-1",
          "access-key-id": SIM_S3_ACCESS_KEY,
          "secret-access-key": SIM_S3_SECRET_KEY,
          confirm: BUCKET,
        },
        (r) => `${r.outputs.restored ?? 0} restored, ${r.outputs.deleted ?? 0} deleted${errorSuffix(r)}`,
      );
    }

    const rollbacks: Promise<unknown>[] = [];
    if (railwayOn) {
      rollbacks.push(
        destructive("railway", "railway-redeploy", { ...railwayInputs, wait: "30s" }, railwayLine),
      );
    }
    if (vercelOn) {
      rollbacks.push(
        destructive("vercel", "vercel-promote", { ...vercelInputs, reason: REASON, wait: "30s" }, (r) =>
          r.outputs["deployment-id"]
            ? `${r.outputs["previous-deployment-id"]} → ${r.outputs["deployment-id"]}${errorSuffix(r)}`
            : firstError(r),
        ),
      );
    }
    if (target === "git-revert") {
      rollbacks.push(
        destructive(
          "revert",
          "revert-commit",
          {
            reason: REASON,
            path: world.repo.checkout,
            branch: "main",
            committer: "Drill <drill@example.com>",
          },
          (r) =>
            r.outputs["revert-sha"]
              ? `reverted ${r.outputs["reverted-shas"]} as ${r.outputs["revert-sha"]}`
              : firstError(r),
        ),
      );
    }
    await Promise.all(rollbacks);

    if (full) {
      await destructive("cache", "cache-flush", world.data?.cache ?? {}, cacheLine);
      // Traffic comes back even when a step after the stop failed.
      for (const platform of paused) {
        const inputs = platform === "vercel" ? vercelInputs : railwayInputs;
        const resumed = await run(`resume-${platform}`, "traffic", { mode: "resume", platform, ...inputs });
        step(
          "resumed",
          `traffic ${resumed.outputs.status ?? "failed"}: ${trafficLine(resumed, platform)}`,
          resumed.durationMs,
        );
      }
    }

    const verify = await smoke("verify", "5s");
    let recovered = verify.outputs.verdict === "pass";
    step(
      "verified",
      `smoke-test ${verify.outputs.verdict}${recovered ? "" : `: ${failedList(verify)}`}`,
      verify.durationMs,
    );
    if (full && recovered) {
      const metrics = await analyze("verify-metrics");
      recovered = metrics.outputs.verdict === "pass";
      step(
        "verified",
        `analyze ${metrics.outputs.verdict}${recovered ? "" : `: ${failedMetrics(metrics)}`}`,
        metrics.durationMs,
      );
    }

    const announced = await announcing;
    const changing = Object.entries(runs).filter(([label]) => !/^(detect|announce|verify)/.test(label));
    const outcome = recovered && changing.every(([, r]) => r.code === 0) ? "succeeded" : "failed";
    const report = await run("report", "notify", {
      status: outcome,
      title: `Production rollback ${outcome}`,
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
      `notify ${report.outputs.status}: ${report.outputs.sent || "nothing sent"}${report.outputs["issue-url"] ? ` (${report.outputs["issue-url"]})` : ""}`,
      report.durationMs,
    );

    const totalMs = performance.now() - started;
    const platformMs = world.platformMs();
    return { recovered, outcome, timeline, totalMs, platformMs, overheadMs: totalMs - platformMs, runs };
  } finally {
    await world.stop();
  }
}

function injectFaults(world: World, faults: Set<FaultName>): void {
  if (faults.has("railway-crash")) world.railway.behave("ai-engine", { outcome: ["CRASHED"] });
  if (faults.has("railway-429"))
    world.railway.inject({ kind: "status", status: 429, headers: { "retry-after": "1" } });
  if (faults.has("vercel-503")) world.vercel.inject({ kind: "status", status: 503, times: 2 });
  if (faults.has("vercel-lost-answer"))
    world.vercel.inject({ kind: "drop-after-handle", match: { method: "POST" } });
  if (faults.has("slack-down")) world.chat.inject("slack-api", { kind: "status", status: 500, times: 100 });
  if (faults.has("statuspage-down")) world.statuspage.inject({ kind: "status", status: 503, times: 100 });
}
