import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { input, inputError, readInputs } from "../core/inputs.ts";
import { Summary, setOutputs } from "../core/report.ts";
import type { Toolkit } from "../core/toolkit.ts";
import { formatMs } from "../core/wait.ts";
import { type Check, parseChecks, urlCheck } from "../smoke/checks.ts";
import { runSmoke, type SmokeResult } from "../smoke/run.ts";

export const smokeTestInputs = {
  url: input.list({ example: "https://api.example.com/healthz" }),
  checks: input.text(),
  headers: input.headers(),
  "ready-timeout": input.duration("5m"),
  samples: input.number({ default: "3", min: 1, max: 1000, integer: true, example: "3" }),
  interval: input.duration("5s"),
  "max-error-rate": input.number({ default: "0", min: 0, max: 1, example: "0.05" }),
  "max-p95-ms": input.number({ min: 1, example: "800" }),
  "request-timeout": input.duration("10s"),
  concurrency: input.number({ default: "10", min: 1, max: 256, integer: true, example: "10" }),
  fail: input.boolean(true),
};

/** Decides whether a deployment is healthy: warm-up until each check passes once, then a verification window. */
export async function smokeTest(tk: Toolkit): Promise<void> {
  // Inputs: all checked before the first request.
  const settings = readInputs(tk, smokeTestInputs);
  const checks = await planChecks(settings.url, settings.checks);

  // Plan.
  const summary = new Summary("Smoke test");
  tk.info(
    `Checking ${checks.length} endpoint${checks.length > 1 ? "s" : ""}: warm-up up to ${formatMs(settings["ready-timeout"])}, then ${settings.samples} sample(s) every ${formatMs(settings.interval)}.`,
  );

  // Apply.
  const result = await runSmoke({
    checks,
    headers: settings.headers,
    readyTimeoutMs: settings["ready-timeout"],
    samples: settings.samples ?? 3,
    intervalMs: settings.interval,
    maxErrorRate: settings["max-error-rate"] ?? 0,
    maxP95Ms: settings["max-p95-ms"],
    requestTimeoutMs: settings["request-timeout"],
    concurrency: settings.concurrency ?? 10,
    onProgress: (line) => tk.info(line),
  });

  // Report.
  const report = await writeReport(tk, result);
  const failed = result.checks.filter((check) => check.failure);
  setOutputs(tk, {
    status: result.verdict,
    verdict: result.verdict,
    "error-rate": Number(result.errorRate.toFixed(4)),
    "p95-ms": result.p95Ms,
    "failed-checks": JSON.stringify(
      failed.map(({ check, failure }) => ({ name: check.name, url: check.url, reason: failure })),
    ),
    report,
  });
  summarize(summary, result, settings);
  await summary.write(tk, result.verdict === "pass" ? "✅ pass" : "❌ fail");

  const verdictLine = `Verdict: ${result.verdict} — error rate ${(result.errorRate * 100).toFixed(1)}%, p95 ${result.p95Ms ?? "–"} ms, ${formatMs(result.elapsedMs)}.`;
  tk.info(verdictLine);
  if (result.verdict === "fail") {
    const reasons = failed.map((check) => check.failure);
    if (reasons.length === 0) reasons.push(`error rate or p95 over the limit`);
    const message = `Smoke test failed:\n${reasons.map((reason) => `- ${reason}`).join("\n")}`;
    if (settings.fail) tk.setFailed(message);
    else tk.warning(message);
  }
}

async function planChecks(urls: string[], checksText: string): Promise<Check[]> {
  const checks: Check[] = [];
  for (const url of urls) {
    if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
      throw inputError(
        "url",
        `has ${JSON.stringify(url)}, which is not an http(s) URL.`,
        "https://api.example.com/healthz",
      );
    }
    checks.push(urlCheck(url));
  }
  try {
    checks.push(...(await parseChecks(checksText)));
  } catch (error) {
    throw inputError(
      "checks",
      (error as Error).message,
      "[{url: https://api.example.com/healthz, expect: {status: 200}}]",
    );
  }
  if (checks.length === 0) {
    throw inputError(
      "url",
      "and `checks` are both empty: give at least one URL to check.",
      "https://api.example.com/healthz",
    );
  }
  return checks;
}

async function writeReport(tk: Toolkit, result: SmokeResult): Promise<string> {
  const dir = tk.env.RUNNER_TEMP || tmpdir();
  const path = join(dir, `smoke-test-report-${process.pid}-${Date.now()}.json`);
  const report = {
    verdict: result.verdict,
    errorRate: result.errorRate,
    p95Ms: result.p95Ms,
    elapsedMs: result.elapsedMs,
    checks: result.checks.map(({ check, ...rest }) => ({
      name: check.name,
      method: check.method,
      url: check.url,
      ...rest,
    })),
    samples: result.samples,
  };
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

function summarize(
  summary: Summary,
  result: SmokeResult,
  settings: ReturnType<typeof readInputs<typeof smokeTestInputs>>,
): void {
  summary.table(
    ["Check", "Result", "Warm-up attempts", "Verify failures", "p50", "p95", "Last error"],
    result.checks.map((check) => [
      check.check.name,
      check.failure ? "❌" : "✅",
      check.warmupAttempts,
      check.ready ? `${check.verifyFailures}/${check.verifySamples}` : "not ready",
      check.p50Ms === undefined ? undefined : `${Math.round(check.p50Ms)} ms`,
      check.p95Ms === undefined ? undefined : `${Math.round(check.p95Ms)} ms`,
      check.lastError,
    ]),
  );
  summary.list([
    `Error rate ${(result.errorRate * 100).toFixed(1)}% (allowed ${((settings["max-error-rate"] ?? 0) * 100).toFixed(1)}%)`,
    `p95 ${result.p95Ms ?? "–"} ms${settings["max-p95-ms"] ? ` (allowed ${settings["max-p95-ms"]} ms)` : ""}`,
  ]);
  const failures = result.checks.flatMap((check) => (check.failure ? [check.failure] : []));
  if (failures.length) summary.heading("What failed").list(failures.map((failure) => `\`${failure}\``));
}
