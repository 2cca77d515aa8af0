import type { ActionContext, Outcome } from "../../core/action.ts";
import { escapeMarkdown, type Summary } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import type { SmokeResult } from "../../smoke/run.ts";
import type { SmokeRun } from "./apply.ts";
import type { smokeTestInputs } from "./inputs.ts";
import type { SmokePlan } from "./plan.ts";

export function reportSmoke(
  ctx: ActionContext<typeof smokeTestInputs>,
  _plan: SmokePlan,
  { result, report }: SmokeRun,
): Outcome {
  const { settings } = ctx;
  const failed = result.checks.filter((check) => check.failure);
  ctx.log.info(
    `Verdict: ${result.verdict} — error rate ${(result.errorRate * 100).toFixed(1)}%, p95 ${result.p95Ms ?? "–"} ms, ${formatMs(result.elapsedMs)}.`,
  );
  let failure: string | undefined;
  if (result.verdict === "fail") {
    const reasons = failed.map((check) => check.failure);
    if (reasons.length === 0) reasons.push("error rate or p95 over the limit");
    const message = `Smoke test failed:\n${reasons.map((reason) => `- ${reason}`).join("\n")}`;
    if (settings.fail) failure = message;
    else ctx.log.warn(message);
  }
  return {
    status: result.verdict,
    headline: result.verdict === "pass" ? "✅ pass" : "❌ fail",
    outputs: {
      verdict: result.verdict,
      "error-rate": Number(result.errorRate.toFixed(4)),
      "p95-ms": result.p95Ms,
      "failed-checks": JSON.stringify(
        failed.map(({ check, failure }) => ({ name: check.name, url: check.url, reason: failure })),
      ),
      report,
    },
    summary: (summary) => summarize(summary, result, settings["max-error-rate"] ?? 0, settings["max-p95-ms"]),
    failure,
  };
}

function summarize(
  summary: Summary,
  result: SmokeResult,
  maxErrorRate: number,
  maxP95Ms: number | undefined,
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
    errorRateLine(result, maxErrorRate),
    `p95 ${result.p95Ms ?? "–"} ms${maxP95Ms ? ` (allowed ${maxP95Ms} ms)` : ""}`,
  ]);
  const failures = result.checks.flatMap((check) => (check.failure ? [check.failure] : []));
  if (failures.length) summary.heading("What failed").list(failures.map(escapeMarkdown));
}

/** The rate over the verification samples, and what it leaves out: checks that never passed warm-up. */
function errorRateLine(result: SmokeResult, maxErrorRate: number): string {
  const samples = result.samples.filter((sample) => sample.phase === "verify").length;
  const notReady = result.checks.filter((check) => !check.ready).length;
  const allowed = `allowed ${(maxErrorRate * 100).toFixed(1)}%`;
  if (samples === 0)
    return `Error rate not measured: no check passed warm-up (${notReady} of ${result.checks.length} never ready)`;
  const rate = `Error rate ${(result.errorRate * 100).toFixed(1)}% over ${samples} verification samples (${allowed})`;
  return notReady
    ? `${rate}; ${notReady} of ${result.checks.length} checks never passed warm-up and are not in it`
    : rate;
}
