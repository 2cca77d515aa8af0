import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ActionContext } from "../../core/action.ts";
import { redact } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";
import { runSmoke, type SmokeResult } from "../../smoke/run.ts";
import type { smokeTestInputs } from "./inputs.ts";
import type { SmokePlan } from "./plan.ts";

export interface SmokeRun {
  result: SmokeResult;
  /** Path of the JSON report with every sample. */
  report: string;
}

export async function applySmoke(
  ctx: ActionContext<typeof smokeTestInputs>,
  plan: SmokePlan,
): Promise<SmokeRun> {
  const { settings } = ctx;
  ctx.log.info(
    `Checking ${plan.checks.length} endpoint${plan.checks.length > 1 ? "s" : ""}: warm-up up to ${formatMs(plan.readyTimeoutMs)}, then ${plan.samples} sample(s) every ${formatMs(plan.intervalMs)}.`,
  );
  const result = await runSmoke({
    checks: plan.checks,
    headers: settings.headers,
    readyTimeoutMs: plan.readyTimeoutMs,
    samples: plan.samples,
    intervalMs: plan.intervalMs,
    maxErrorRate: settings["max-error-rate"] ?? 0,
    maxP95Ms: settings["max-p95-ms"],
    requestTimeoutMs: settings["request-timeout"],
    concurrency: settings.concurrency ?? 10,
    onProgress: (line) => ctx.log.info(line),
    signal: ctx.signal,
  });
  return { result, report: await writeReport(ctx.run.temp ?? tmpdir(), result) };
}

async function writeReport(dir: string, result: SmokeResult): Promise<string> {
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
  // Uploaded as an artifact: scrubbed like the log (an echoed header can sit in an error or a body).
  await writeFile(path, redact(`${JSON.stringify(report, null, 2)}\n`));
  return path;
}
