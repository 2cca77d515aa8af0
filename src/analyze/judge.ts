import type { SeriesValue } from "../platforms/metrics/types.ts";
import type { Condition } from "./expression.ts";

export type NoDataPolicy = "fail" | "pass" | "inconclusive";

/** One measurement's outcome, as Argo Rollouts names them. */
export type Outcome = "successful" | "failed" | "inconclusive" | "error";

export interface Rule {
  failure?: Condition;
  success?: Condition;
  noData: NoDataPolicy;
}

export interface Judgement {
  outcome: Exclude<Outcome, "error">;
  /** The value that decided the outcome (the worst series); undefined when there was no data. */
  value?: number;
  series?: string;
  noData: boolean;
}

const NO_DATA: Record<NoDataPolicy, Judgement["outcome"]> = {
  fail: "failed",
  pass: "successful",
  inconclusive: "inconclusive",
};
const RANK: Record<Judgement["outcome"], number> = { successful: 0, inconclusive: 1, failed: 2 };

/**
 * Argo's rules for one value: the failure condition met → failed; else the success condition decides
 * (met → successful; not met → failed, or inconclusive when a failure condition exists too); with only a
 * failure condition, not met → successful. NaN is no data unless a condition asks `isNaN(result)`:
 * `NaN > 0.05` is false, and a rate over zero requests must not pass by accident.
 */
export function judgeValue(rule: Rule, value: number): Judgement["outcome"] | "no-data" {
  const asksNaN = rule.failure?.handlesNaN || rule.success?.handlesNaN;
  if (Number.isNaN(value) && !asksNaN) return "no-data";
  if (rule.failure?.test(value)) return "failed";
  if (rule.success) return rule.success.test(value) ? "successful" : rule.failure ? "inconclusive" : "failed";
  return "successful";
}

/** Several series (one per label set) are judged one by one; the worst decides the measurement. */
export function judge(rule: Rule, values: SeriesValue[]): Judgement {
  let worst: Judgement | undefined;
  for (const { series, value } of values) {
    const verdict = judgeValue(rule, value);
    const judged: Judgement =
      verdict === "no-data"
        ? { outcome: NO_DATA[rule.noData], value, series, noData: true }
        : { outcome: verdict, value, series, noData: false };
    if (!worst || RANK[judged.outcome] > RANK[worst.outcome]) worst = judged;
  }
  return worst ?? { outcome: NO_DATA[rule.noData], noData: true };
}
