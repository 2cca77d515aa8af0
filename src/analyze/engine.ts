import { MetricsError, type Reader, type SeriesValue } from "../platforms/metrics/types.ts";
import { judge, type Outcome, type Rule } from "./judge.ts";

export type Verdict = "pass" | "fail" | "inconclusive";
/** `unfinished`: the analysis stopped before this metric's window ended, its verdict no longer mattering. */
export type MetricStatus = "pass" | "fail" | "inconclusive" | "error" | "running" | "unfinished";

export interface MetricSpec extends Rule {
  name: string;
  /** Failed measurements allowed: the metric fails when failures exceed it (Argo's failureLimit). */
  failureLimit: number;
  read: Reader;
}

export interface Measurement {
  metric: string;
  /** 1-based round of the whole analysis. */
  round: number;
  /** ISO time the measurement was taken (end of its window). */
  time: string;
  value?: number;
  series?: string;
  /** Every series when several came back. */
  values?: SeriesValue[];
  outcome: Outcome;
  noData?: boolean;
  error?: string;
}

export interface MetricResult {
  name: string;
  status: MetricStatus;
  reason: string;
  measurements: Measurement[];
  successful: number;
  failed: number;
  inconclusive: number;
  errors: number;
  consecutiveErrors: number;
}

export interface AnalysisOptions {
  intervalMs: number;
  count: number;
  initialDelayMs: number;
  /** Provider errors in a row allowed; one more and the metric is `error`. */
  consecutiveErrorLimit: number;
  signal?: AbortSignal;
  onMeasurement?: (measurement: Measurement, metric: MetricResult) => void;
  now?: () => number;
}

export interface Analysis {
  verdict: Verdict;
  metrics: MetricResult[];
  rounds: number;
  /** The verdict was settled before every metric finished its window. */
  stoppedEarly: boolean;
  cancelled: boolean;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** A measurement that is evidence of health: a real value that passed (`no-data: pass` only tolerates a gap). */
function passed(result: MetricResult): number {
  return result.measurements.filter((m) => m.outcome === "successful" && !m.noData).length;
}

/** An error measurement does not use up one of `count`: a pass always rests on `count` real values. */
function budget(options: AnalysisOptions): number {
  return options.count + options.consecutiveErrorLimit;
}

function record(
  spec: MetricSpec,
  result: MetricResult,
  m: Measurement,
  options: AnalysisOptions,
  permanent: boolean,
): void {
  result.measurements.push(m);
  if (m.outcome === "error") {
    result.errors++;
    result.consecutiveErrors++;
  } else {
    result.consecutiveErrors = 0;
    result[m.outcome]++;
  }
  const taken = result.successful + result.failed + result.inconclusive;
  if (result.failed > spec.failureLimit) {
    result.status = "fail";
    const values = result.measurements.filter((x) => x.outcome === "failed").map((x) => x.value ?? "no data");
    result.reason = `${result.failed} of ${taken} measurements failed (failure-limit ${spec.failureLimit}): ${values.join(", ")}`;
  } else if (
    m.outcome === "error" &&
    (permanent || result.consecutiveErrors > options.consecutiveErrorLimit)
  ) {
    result.status = "error";
    result.reason = permanent
      ? `the provider refused the query: ${m.error}`
      : `${result.consecutiveErrors} provider errors in a row (consecutive-error-limit ${options.consecutiveErrorLimit}): ${m.error}`;
  } else if (taken >= options.count) {
    const evidence = passed(result);
    if (result.inconclusive > 0) {
      result.status = "inconclusive";
      result.reason = `${result.inconclusive} of ${taken} measurements inconclusive (no data, or neither condition met)`;
    } else if (evidence === 0) {
      // A pass needs one value that passed: every measurement failing "within the limit" is a failure, and
      // gaps alone (no-data: pass) prove nothing.
      result.status = result.failed > 0 ? "fail" : "inconclusive";
      result.reason = result.failed
        ? `none of ${taken} measurements passed (${result.failed} failed, failure-limit ${spec.failureLimit})`
        : `none of ${taken} measurements had data (no-data: pass tolerates gaps, but a pass needs one value that passed)`;
    } else {
      result.status = "pass";
      const gaps = result.successful - evidence;
      result.reason = `${evidence} of ${taken} measurements successful${gaps ? `, ${gaps} without data` : ""}${result.failed ? `, ${result.failed} failed (within failure-limit ${spec.failureLimit})` : ""}`;
    }
  } else if (result.measurements.length >= budget(options)) {
    result.status = "error";
    result.reason = `only ${taken} of ${options.count} measurements succeeded; ${result.errors} provider errors`;
  }
}

/** What a metric may still end as, for stopping as soon as the verdict cannot change. */
function possible(spec: MetricSpec, r: MetricResult, options: AnalysisOptions): Set<Verdict> {
  if (r.status === "pass" || r.status === "fail") return new Set([r.status]);
  if (r.status !== "running") return new Set(["inconclusive"]);
  const taken = r.successful + r.failed + r.inconclusive;
  const left = Math.min(options.count - taken, budget(options) - r.measurements.length);
  const out = new Set<Verdict>(["inconclusive"]);
  const evidence = passed(r);
  // With no value passed yet, the window may still end with every measurement failed: a failure.
  if (r.failed + left > spec.failureLimit || evidence === 0) out.add("fail");
  if (r.inconclusive === 0 && evidence + left > 0) out.add("pass");
  return out;
}

/** Fail closed: any failed metric fails the analysis; errors, no data or unfinished windows never pass. */
function combine(statuses: Array<Set<Verdict>>): Set<Verdict> {
  const out = new Set<Verdict>();
  if (statuses.some((s) => s.has("fail"))) out.add("fail");
  if (statuses.every((s) => s.has("pass"))) out.add("pass");
  if (
    statuses.every((s) => s.has("pass") || s.has("inconclusive")) &&
    statuses.some((s) => s.has("inconclusive"))
  )
    out.add("inconclusive");
  return out;
}

async function measure(spec: MetricSpec, round: number, options: AnalysisOptions, now: () => number) {
  const endMs = now();
  const time = new Date(endMs).toISOString();
  try {
    const values = await spec.read({ startMs: endMs - options.intervalMs, endMs });
    const judged = judge(spec, values);
    const measurement: Measurement = {
      metric: spec.name,
      round,
      time,
      value: judged.value,
      series: judged.series || undefined,
      values: values.length > 1 ? values : undefined,
      outcome: judged.outcome,
      noData: judged.noData || undefined,
    };
    return { measurement, permanent: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const measurement: Measurement = { metric: spec.name, round, time, outcome: "error", error: message };
    return { measurement, permanent: error instanceof MetricsError && error.permanent };
  }
}

/**
 * Argo-style analysis: after `initialDelayMs`, one round every `intervalMs` measures every unsettled
 * metric at once (one request each), until each has `count` measurements, or stops early once the
 * verdict can no longer change.
 */
export async function analyze(specs: MetricSpec[], options: AnalysisOptions): Promise<Analysis> {
  const now = options.now ?? Date.now;
  const results: MetricResult[] = specs.map((spec) => ({
    name: spec.name,
    status: "running",
    reason: "",
    measurements: [],
    successful: 0,
    failed: 0,
    inconclusive: 0,
    errors: 0,
    consecutiveErrors: 0,
  }));
  await sleep(options.initialDelayMs, options.signal);
  const start = now();
  let round = 0;
  let settled = combine(specs.map((spec, i) => possible(spec, results[i] as MetricResult, options)));
  while (settled.size > 1 && !options.signal?.aborted) {
    round++;
    const running = results.flatMap((result, i) => (result.status === "running" ? [i] : []));
    const taken = await Promise.all(running.map((i) => measure(specs[i] as MetricSpec, round, options, now)));
    taken.forEach(({ measurement, permanent }, k) => {
      const i = running[k] as number;
      const result = results[i] as MetricResult;
      record(specs[i] as MetricSpec, result, measurement, options, permanent);
      options.onMeasurement?.(measurement, result);
    });
    settled = combine(specs.map((spec, i) => possible(spec, results[i] as MetricResult, options)));
    if (settled.size > 1) await sleep(start + round * options.intervalMs - now(), options.signal);
  }
  const cancelled = settled.size > 1;
  let stoppedEarly = false;
  for (const result of results) {
    if (result.status !== "running") continue;
    stoppedEarly = !cancelled;
    result.status = "unfinished";
    result.reason = cancelled
      ? "cancelled before its window ended"
      : "not measured to the end: the verdict could no longer change";
  }
  const verdict: Verdict = cancelled ? "inconclusive" : ([...settled][0] ?? "inconclusive");
  return { verdict, metrics: results, rounds: round, stoppedEarly, cancelled };
}
