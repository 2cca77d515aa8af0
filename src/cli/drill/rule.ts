// The runbook's rule as the drill applies it, the same as rollback.yml and the root action (README, "The
// runbook's rule"): a destructive step runs only when every step before it succeeded; traffic returns only when
// every data step is known restored or untouched; otherwise it stays stopped and the report gives the command.
import type { ActionRun } from "../run-action.ts";

export type Platform = "vercel" | "railway";
/** What each traffic pause stopped (its `stopped` output), by platform. */
export type Stopped = Partial<Record<Platform, unknown>>;

/** Statuses that are a data step's own read-back of the state it was asked for. */
const KNOWN_DONE = ["restored", "already-current", "flushed", "restarted"];

/** A data step is known restored or untouched: it did not run, said so by read-back, or ended as asked. */
export function dataKnown(run: ActionRun | undefined): boolean {
  if (!run) return true;
  if (run.outputs.changed === "false") return true;
  return run.code === 0 && KNOWN_DONE.includes(run.outputs.status ?? "");
}

/** The one command that resumes what was left stopped, as the workflow's report gives it. */
export function resumeCommand(stopped: Stopped, environment: string, runId: string): string {
  const json = JSON.stringify({ vercel: stopped.vercel ?? null, railway: stopped.railway ?? null });
  return `gh workflow run rollback.yml --repo acme/shop -f environment=${environment} -f target=traffic-resume -f reason="resume traffic stopped by run ${runId}" -f stopped='${json.replaceAll("'", "'\\''")}'`;
}

export type Outcome = "succeeded" | "unverified" | "failed";

/** The report's decision: failed on any failure or a fail verdict; a stopped or unverified production is
 * "rolled back, not verified" (notify's unverified: the incident stays open, PagerDuty is not resolved). */
export function decide(input: { failed: boolean; verdict: string | undefined; leftStopped: boolean }): {
  outcome: Outcome;
  status: string;
  headline: string;
} {
  let outcome: Outcome = input.failed || input.verdict === "fail" ? "failed" : "succeeded";
  if (outcome === "succeeded" && (input.leftStopped || input.verdict !== "pass")) outcome = "unverified";
  const status = outcome;
  const headline = outcome === "unverified" ? "rolled back, not verified" : outcome;
  return { outcome, status, headline: input.leftStopped ? `${headline}, traffic STOPPED` : headline };
}
