// The local drill: rehearse the rollback runbook against built-in simulators, through the bundled actions
// run exactly as the runner runs them. Usage: npm run drill -- [--target all|railway|vercel|git-revert]
// [--fault NAME]... [--keep] [--quiet]. Exits 0 when production recovered.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatMs } from "../core/wait.ts";
import { ChatSimulator } from "../sim/chat.ts";
import { GitHubSimulator } from "../sim/github.ts";
import { BAD_DEPLOYMENT_IDS, RailwaySimulator, rollbackScenario } from "../sim/railway.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../sim/vercel.ts";
import { type ActionRun, runAction } from "./run-action.ts";

export const TARGETS = ["all", "railway", "vercel", "git-revert"] as const;
export type Target = (typeof TARGETS)[number];

/** Faults the drill can inject, each a thing that goes wrong on a bad day. */
export const FAULTS = {
  "railway-crash": "ai-engine's restored deployment crashes after deploying: one service fails to recover",
  "railway-429": "Railway rate-limits the first request (429, Retry-After: 1)",
  "vercel-503": "Vercel answers 503 to the first two requests",
  "vercel-alias-fail": "Vercel's alias job fails: production does not move",
  "vercel-lost-answer":
    "Vercel applies the rollback but the answer is lost: the action must re-read, not resend",
  "slack-down": "Slack answers 500 to every message: the rollback must not care",
} as const;
export type FaultName = keyof typeof FAULTS;

export interface DrillOptions {
  target?: Target;
  faults?: FaultName[];
  /** Each timeline line as it happens. */
  log?: (line: string) => void;
  /** Railway's deploy time for a restored image, and Vercel's alias job time. */
  railwayDeployMs?: number;
  vercelAliasMs?: number;
}

export interface DrillStep {
  at: number;
  phase: string;
  text: string;
}

export interface DrillResult {
  recovered: boolean;
  timeline: DrillStep[];
  totalMs: number;
  /** Time the simulated platforms spent working on the critical path (rollbacks run in parallel). */
  platformMs: number;
  overheadMs: number;
  runs: Record<string, ActionRun>;
  summaryFile: string;
}

const BROKEN_FILE = "BROKEN";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  }).trim();
}

/** A bare origin whose main ends with a bad commit, and a checkout of it for revert-commit. */
function gitOrigin(dir: string): { origin: string; checkout: string; badSha: string } {
  const origin = join(dir, "origin.git");
  const seed = join(dir, "seed");
  const checkout = join(dir, "checkout");
  git(dir, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  git(dir, "init", "--quiet", "--initial-branch=main", seed);
  const commit = (file: string, content: string, message: string) => {
    writeFileSync(join(seed, file), content);
    git(seed, "add", file);
    git(seed, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "--quiet", "-m", message);
    return git(seed, "rev-parse", "HEAD");
  };
  commit("app.txt", "v1\n", "Add search");
  commit("app.txt", "v2\n", "Faster checkout");
  const badSha = commit(BROKEN_FILE, "payment flow rewrite\n", "Rewrite payment flow");
  git(seed, "push", "--quiet", origin, "main");
  git(dir, "clone", "--quiet", origin, checkout);
  return { origin, checkout, badSha };
}

/** The team's production app: each health endpoint fails while a bad version serves. */
function appServer(
  health: Record<string, () => string | undefined>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const name = /^\/([^/]+)\/healthz$/.exec(req.url ?? "")?.[1] ?? "";
    const check = health[name];
    if (!check) return void res.writeHead(404).end("not found");
    const problem = check();
    if (problem) res.writeHead(503, { "content-type": "text/plain" }).end(problem);
    else res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

export async function runDrill(options: DrillOptions = {}): Promise<DrillResult> {
  const target = options.target ?? "all";
  const faults = new Set(options.faults ?? []);
  const railwayOn = target === "all" || target === "railway";
  const vercelOn = target === "all" || target === "vercel";
  const revertOn = target === "git-revert";
  const started = performance.now();
  const timeline: DrillStep[] = [];
  const log = options.log ?? (() => {});
  const step = (phase: string, text: string) => {
    const entry = { at: performance.now() - started, phase, text };
    timeline.push(entry);
    log(`${formatMs(entry.at).padStart(7)}  ${phase.padEnd(11)} ${text}`);
  };
  const dir = mkdtempSync(join(tmpdir(), "rollback-drill-"));
  const runs: Record<string, ActionRun> = {};
  const summaries: string[] = [];

  // Simulated platform time, measured from the simulators' own events.
  const platform = { railway: 0, vercel: 0 };
  const railwayStarted = new Map<string, number>();
  const railway = new RailwaySimulator(
    rollbackScenario({
      timing: { initializingMs: 100, buildingMs: 0, deployingMs: options.railwayDeployMs ?? 900 },
    }),
    {
      onChange: (deployment, previous) => {
        if (previous === undefined) railwayStarted.set(deployment.id, performance.now());
        const since = railwayStarted.get(deployment.id);
        if (since !== undefined && ["SUCCESS", "CRASHED", "FAILED"].includes(deployment.status)) {
          platform.railway = Math.max(platform.railway, performance.now() - since);
        }
      },
    },
  );
  const vercelSeed = badProductionScenario({ aliasJobMs: options.vercelAliasMs ?? 1000 });
  const shop = vercelSeed.projects[0];
  if (faults.has("vercel-alias-fail") && shop) shop.failingDomains = ["shop.example.com"];
  let vercelRequestedAt = 0;
  const vercel = new VercelSimulator(vercelSeed, {
    onRequest: (request) => {
      if (request.method === "POST" && /\/(rollback|promote)\//.test(request.path))
        vercelRequestedAt ||= performance.now();
    },
    onProductionChange: () => {
      if (vercelRequestedAt) platform.vercel = performance.now() - vercelRequestedAt;
    },
  });
  const chat = new ChatSimulator();
  const github = new GitHubSimulator({ owner: "acme", repo: "shop" });
  const repo = gitOrigin(dir);

  const health: Record<string, () => string | undefined> = {};
  for (const service of ["backend", "ai-engine"]) {
    health[service] = () => {
      const active = railway.activeDeployment(service);
      return active && !BAD_DEPLOYMENT_IDS.has(active.id)
        ? undefined
        : `bad deployment ${active?.id} serving`;
    };
  }
  health.web = () => {
    const production = vercel.productionDeployment("shop");
    return production?.id === "dpl_bad" ? "dpl_bad serving: payment flow broken" : undefined;
  };
  health.git = () => {
    try {
      git(repo.origin, "cat-file", "-e", `main:${BROKEN_FILE}`);
      return `main still holds the bad commit ${repo.badSha.slice(0, 7)}`;
    } catch {
      return undefined;
    }
  };
  const app = await appServer(health);

  try {
    await Promise.all([railway.start(), vercel.start(), chat.start(), github.start()]);
    if (faults.has("railway-crash")) railway.behave("ai-engine", { outcome: ["CRASHED"] });
    if (faults.has("railway-429"))
      railway.inject({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    if (faults.has("vercel-503")) vercel.inject({ kind: "status", status: 503, times: 2 });
    if (faults.has("vercel-lost-answer"))
      vercel.inject({ kind: "drop-after-handle", match: { method: "POST" } });
    if (faults.has("slack-down")) chat.inject("slack-api", { kind: "status", status: 500, times: 100 });
    step(
      "ready",
      `simulators: Vercel ${vercel.url}, Railway ${railway.url}, chat ${chat.url}, GitHub ${github.url}`,
    );

    const urls = [
      ...(railwayOn ? [`${app.url}/backend/healthz`, `${app.url}/ai-engine/healthz`] : []),
      ...(vercelOn ? [`${app.url}/web/healthz`] : []),
      ...(revertOn ? [`${app.url}/git/healthz`] : []),
    ].join("\n");
    const env = {
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_RUN_ID: "1001",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_ACTOR: "drill",
      GITHUB_WORKFLOW: "Rollback (drill)",
      GITHUB_REF: "refs/heads/main",
      GITHUB_TOKEN: github.token,
    };
    const run = async (label: string, name: string, inputs: Record<string, string>) => {
      const result = await runAction(name, inputs, { env, cwd: dir });
      runs[label] = result;
      summaries.push(result.summary);
      return result;
    };
    const chatInputs = {
      "slack-token": "xoxb-simulated-bot-token",
      "slack-channel": "C0INCIDENTS",
      "slack-api-url": chat.slackApiUrl,
    };
    const reason = "Checkout failing after the 14:02 deploy (drill)";
    step(
      "incident",
      [
        railwayOn && "Railway backend and ai-engine serve bad deployments",
        vercelOn && "Vercel shop serves dpl_bad",
        revertOn && `main holds bad commit ${repo.badSha.slice(0, 7)}`,
      ]
        .filter(Boolean)
        .join("; "),
    );

    const detect = await run("detect", "smoke-test", {
      url: urls,
      "ready-timeout": "0",
      samples: "1",
      fail: "false",
    });
    step("detected", `smoke-test ${detect.outputs.verdict}: ${failedList(detect)}`);

    // As in the workflow, the announcement goes out alongside the rollback, never ahead of it.
    const announcing = run("announce", "notify", {
      status: "started",
      title: "Production rollback started",
      reason,
      ...chatInputs,
    }).then((announced) => {
      step(
        "announced",
        `notify ${announced.outputs.status}${announced.outputs.sent ? ` → ${announced.outputs.sent}` : ""}`,
      );
      return announced;
    });

    const rollbacks: Promise<void>[] = [];
    if (railwayOn) {
      rollbacks.push(
        run("railway", "railway-redeploy", {
          token: "rwp-7f3a9c2e-project-token-production",
          services: "backend, ai-engine",
          wait: "30s",
          "api-url": railway.url,
        }).then((result) =>
          step(
            "rolled back",
            `railway-redeploy ${result.outputs.status ?? "failed"}: ${railwayLine(result)}`,
          ),
        ),
      );
    }
    if (vercelOn) {
      rollbacks.push(
        run("vercel", "vercel-promote", {
          token: SIM_VERCEL_TOKEN,
          project: "shop",
          reason,
          wait: "30s",
          "api-url": vercel.url,
        }).then((result) =>
          step(
            "rolled back",
            `vercel-promote ${result.outputs.status ?? "failed"}: ${result.outputs["previous-deployment-id"] ?? "?"} → ${result.outputs["deployment-id"] ?? "?"}${result.code ? ` (${firstError(result)})` : ""}`,
          ),
        ),
      );
    }
    if (revertOn) {
      rollbacks.push(
        run("revert", "revert-commit", {
          reason,
          path: repo.checkout,
          branch: "main",
          committer: "Drill <drill@example.com>",
        }).then((result) =>
          step(
            "rolled back",
            `revert-commit ${result.outputs.status ?? "failed"}: reverted ${result.outputs["reverted-shas"]?.slice(0, 7) ?? "?"} as ${result.outputs["revert-sha"]?.slice(0, 7) ?? "?"}${result.code ? ` (${firstError(result)})` : ""}`,
          ),
        ),
      );
    }
    const [announced] = await Promise.all([announcing, ...rollbacks]);

    const verify = await run("verify", "smoke-test", {
      url: urls,
      "ready-timeout": "5s",
      samples: "2",
      interval: "100ms",
      fail: "false",
    });
    const recovered = verify.outputs.verdict === "pass";
    step("verified", `smoke-test ${verify.outputs.verdict}${recovered ? "" : `: ${failedList(verify)}`}`);

    const outcome = recovered && Object.values(runs).every((r) => r.code === 0) ? "succeeded" : "failed";
    const report = await run("report", "notify", {
      status: outcome,
      title: `Production rollback ${outcome}`,
      reason,
      fields: Object.entries({ Railway: runs.railway, Vercel: runs.vercel, "git revert": runs.revert })
        .filter(([, r]) => r)
        .map(([name, r]) => `${name}: ${r?.outputs.status ?? "failed"}`)
        .join("\n"),
      "slack-thread-ts": announced.outputs["slack-ts"] ?? "",
      "incident-issue": "true",
      "incident-title": `Production incident (drill): rollback of ${target}`,
      ...chatInputs,
    });
    step(
      "notified",
      `notify ${report.outputs.status}${report.outputs.sent ? ` → ${report.outputs.sent}` : ""}${report.outputs["issue-url"] ? ` (${report.outputs["issue-url"]})` : ""}`,
    );

    const totalMs = performance.now() - started;
    const platformMs = Math.max(platform.railway, platform.vercel);
    const summaryFile = join(tmpdir(), `rollback-drill-summary-${process.pid}.md`);
    writeFileSync(summaryFile, summaries.join("\n---\n\n"));
    return { recovered, timeline, totalMs, platformMs, overheadMs: totalMs - platformMs, runs, summaryFile };
  } finally {
    app.server.close();
    await Promise.all([railway.stop(), vercel.stop(), chat.stop(), github.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function failedList(run: ActionRun): string {
  const failed = JSON.parse(run.outputs["failed-checks"] ?? "[]") as { url: string; reason: string }[];
  if (failed.length === 0) return "all checks pass";
  return failed.map((check) => new URL(check.url).pathname.split("/")[1]).join(", ") + " failing";
}

function railwayLine(run: ActionRun): string {
  const deployments = JSON.parse(run.outputs.deployments ?? "[]") as { service: string; status: string }[];
  return deployments.map((d) => `${d.service} ${d.status}`).join(", ") || firstError(run);
}

function firstError(run: ActionRun): string {
  const line = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
  return decodeURIComponent(
    line
      .replace(/^::error::/, "")
      .replace(/%0A/g, " ")
      .replace(/%25/g, "%"),
  ).slice(0, 160);
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: "string", default: "all" },
      fault: { type: "string", multiple: true, default: [] },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run drill -- [--target ${TARGETS.join("|")}] [--fault NAME]...\n\nFaults:`);
    for (const [name, text] of Object.entries(FAULTS)) console.log(`  ${name.padEnd(20)} ${text}`);
    return;
  }
  const target = values.target as Target;
  if (!TARGETS.includes(target)) throw new Error(`--target "${target}": use one of ${TARGETS.join(", ")}`);
  for (const fault of values.fault) {
    if (!(fault in FAULTS))
      throw new Error(`--fault "${fault}": use one of ${Object.keys(FAULTS).join(", ")}`);
  }
  console.log(
    `Production rollback drill: target ${target}${values.fault.length ? `, faults: ${values.fault.join(", ")}` : ""}`,
  );
  const result = await runDrill({
    target,
    faults: values.fault as FaultName[],
    log: (line) => console.log(line),
  });
  console.log(
    `\nTotal ${formatMs(result.totalMs)}: simulated platform work ${formatMs(result.platformMs)}, the suite's own overhead ${formatMs(result.overheadMs)}.`,
  );
  console.log(`Job summaries: ${result.summaryFile}`);
  console.log(
    result.recovered ? "Production recovered." : "Production did NOT recover: see the timeline above.",
  );
  process.exitCode = result.recovered ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
