import { age, type Check, fail, pass, type TargetName, type TargetResult, warn } from "./check.ts";

const DATA: TargetName[] = ["database", "storage"];
const CODE: TargetName[] = ["railway", "vercel"];

export interface Objectives {
  /** Seconds: the runbook's critical path from what was measured; undefined when nothing was. */
  rtoEstimate: number | undefined;
  /** Seconds: the age of the oldest newest-restorable-point among the data targets. */
  rpoExposure: number | undefined;
  /** How each figure was made up, for the report and the summary. */
  parts: string[];
  /** Each timed step in seconds, unrounded (the report keeps them). */
  timings: Record<string, number>;
  checks: Check[];
}

/**
 * The full runbook restores data one step after another, then rolls the code back on every platform at
 * once: the estimate is the data steps' sum plus the slowest code step. A step without a figure is named.
 */
export function objectives(results: Map<TargetName, TargetResult>, rtoMs: number, rpoMs: number): Objectives {
  const parts: string[] = [];
  const timings: Record<string, number> = {};
  const missing: string[] = [];
  let data = 0;
  let code = 0;
  let measured = false;
  for (const [target, result] of results) {
    if (result.rto) {
      measured = true;
      timings[target] = result.rto.seconds;
      parts.push(`${target}: ${age(result.rto.seconds)} (${result.rto.basis})`);
      if (DATA.includes(target)) data += result.rto.seconds;
      if (CODE.includes(target)) code = Math.max(code, result.rto.seconds);
    } else if (target === "database")
      missing.push("database restore (not rehearsed: rehearse: true measures it)");
    else if (target === "railway") missing.push("railway (no successful deployment to time)");
  }
  const rtoEstimate = measured ? Math.round(data + code) : undefined;
  const checks: Check[] = [];
  const rto = rtoMs / 1000;
  const unmeasured = missing.length ? `; not measured: ${missing.join(", ")}` : "";
  if (rtoEstimate === undefined) {
    checks.push(
      warn(
        "objectives",
        "RTO",
        `no step could be timed${unmeasured}`,
        "Run with rehearse: true, and deploy at least once, so the steps can be timed.",
      ),
    );
  } else if (rtoEstimate > rto) {
    checks.push(
      warn(
        "objectives",
        "RTO",
        `estimate ${age(rtoEstimate)} exceeds the objective ${age(rto)}${unmeasured}`,
        "Shorten the slowest step (parts in the report): smaller dumps, more restore jobs, faster deploys, or agree a longer rto.",
      ),
    );
  } else {
    checks.push(pass("objectives", "RTO", `estimate ${age(rtoEstimate)} within ${age(rto)}${unmeasured}`));
  }
  let rpoExposure: number | undefined;
  // Railway names a restorable point only when a database service was given.
  const dataResults = [...results].filter(([target, r]) => DATA.includes(target) || r.rpo);
  for (const [target, result] of dataResults) {
    if (!result.rpo) continue;
    parts.push(`${target} exposure: ${age(result.rpo.seconds)} (${result.rpo.basis})`);
    rpoExposure = Math.max(rpoExposure ?? 0, result.rpo.seconds);
  }
  const rpo = rpoMs / 1000;
  if (dataResults.length && rpoExposure === undefined) {
    checks.push(
      fail(
        "objectives",
        "RPO",
        "no restorable point was found",
        "Fix the failing data checks: without a backup nothing can be restored.",
      ),
    );
  } else if (rpoExposure !== undefined && rpoExposure > rpo) {
    checks.push(
      warn(
        "objectives",
        "RPO",
        `up to ${age(rpoExposure)} of data would be lost (objective ${rpo ? age(rpo) : "0"})`,
        rpo === 0
          ? "Only continuous point-in-time recovery meets an RPO of 0 (Railway volume or Atlas PITR, WAL archiving); else back up more often and set rpo to what is agreed."
          : "Back up more often than the objective.",
      ),
    );
  } else if (rpoExposure !== undefined) {
    checks.push(pass("objectives", "RPO", `exposure ${age(rpoExposure)} within ${rpo ? age(rpo) : "0"}`));
  }
  return {
    rtoEstimate,
    rpoExposure: rpoExposure === undefined ? undefined : Math.round(rpoExposure),
    parts,
    timings,
    checks,
  };
}
