import { backoffDelay, refused } from "../core/http.ts";
import { Agent } from "../core/undici.ts";
import { formatMs } from "../core/wait.ts";
import { type Check, evaluate } from "./checks.ts";
import { BODY_CUT_NOTE, describeError, fetchCheck } from "./fetch.ts";
import { pauseUnless, percentile, Semaphore } from "./pool.ts";

export interface SmokeSettings {
  checks: Check[];
  /** Sent with every request; a check's own headers win. */
  headers: Record<string, string>;
  readyTimeoutMs: number;
  /** Verification requests per check; with 1, the warm-up's first success is that one sample. */
  samples: number;
  intervalMs: number;
  maxErrorRate: number;
  maxP95Ms?: number;
  requestTimeoutMs: number;
  concurrency: number;
  onProgress?: (line: string) => void;
  /** Aborted (a cancelled workflow): requests in flight are dropped and the run rejects with the reason. */
  signal?: AbortSignal;
}

export interface Sample {
  check: string;
  phase: "warm-up" | "verify";
  time: string;
  status?: number;
  latencyMs: number;
  ok: boolean;
  error?: string;
  /** Only the first MiB of the body was read. */
  bodyCut?: true;
}

export interface CheckResult {
  check: Check;
  ready: boolean;
  warmupAttempts: number;
  verifySamples: number;
  verifyFailures: number;
  p50Ms?: number;
  p95Ms?: number;
  lastError?: string;
  /** Why the check failed, in words a person can act on; undefined when it passed. */
  failure?: string;
}

export interface SmokeResult {
  verdict: "pass" | "fail";
  errorRate: number;
  p95Ms?: number;
  checks: CheckResult[];
  samples: Sample[];
  elapsedMs: number;
}

interface Probe {
  /** This probe's entry in the samples. */
  sample: Sample;
  status?: number;
  body: string;
  bodyCut?: true;
  latencyMs: number;
  failure?: string;
}

/** Runs the warm-up and verification phases over every check and returns the verdict. */
export async function runSmoke(settings: SmokeSettings): Promise<SmokeResult> {
  const started = Date.now();
  const samples: Sample[] = [];
  const limit = new Semaphore(settings.concurrency);
  const agent = new Agent();
  const lastProbes = new Map<Check, Probe>();
  const stop = settings.signal;

  const probe = (check: Check, phase: Sample["phase"]): Promise<Probe> =>
    limit.run(async () => {
      const began = performance.now();
      let result: Omit<Probe, "sample">;
      try {
        const fetched = await fetchCheck(
          check,
          { ...settings.headers, ...check.headers },
          agent,
          stop
            ? AbortSignal.any([AbortSignal.timeout(settings.requestTimeoutMs), stop])
            : AbortSignal.timeout(settings.requestTimeoutMs),
        );
        const latencyMs = performance.now() - began;
        const failure = evaluate(check, fetched.status, fetched.body, latencyMs);
        // A body check on a cut body may have failed for want of the rest: say so.
        const cutNote = fetched.bodyCut && failure && !failure.startsWith("status") ? BODY_CUT_NOTE : "";
        result = {
          status: fetched.status,
          body: fetched.body,
          ...(fetched.bodyCut ? { bodyCut: true as const } : {}),
          latencyMs,
          failure: failure && failure + cutNote,
        };
      } catch (error) {
        result = {
          body: "",
          latencyMs: performance.now() - began,
          failure: describeError(error, settings.requestTimeoutMs),
        };
      }
      const sample: Sample = {
        check: check.name,
        phase,
        time: new Date().toISOString(),
        status: result.status,
        latencyMs: Math.round(result.latencyMs),
        ok: result.failure === undefined,
        error: result.failure,
        ...(result.bodyCut ? { bodyCut: true as const } : {}),
      };
      samples.push(sample);
      const probed = { ...result, sample };
      lastProbes.set(check, probed);
      return probed;
    });

  const pending = new Set(settings.checks);
  const progress = setInterval(() => {
    if (pending.size === 0) return;
    const names = [...pending].slice(0, 3).map((check) => check.name);
    settings.onProgress?.(
      `Waiting for ${pending.size} of ${settings.checks.length} checks to become ready (${formatMs(Date.now() - started)} of ${formatMs(settings.readyTimeoutMs)}): ${names.join(", ")}${pending.size > 3 ? ", …" : ""}`,
    );
  }, 10_000);
  progress.unref();

  const pause = (ms: number) => pauseUnless(ms, stop);

  const runCheck = async (check: Check): Promise<CheckResult> => {
    const deadline = Date.now() + settings.readyTimeoutMs;
    let attempts = 0;
    let last: Probe;
    for (;;) {
      last = await probe(check, "warm-up");
      attempts++;
      await pause(0);
      if (!last.failure || Date.now() >= deadline) break;
      await pause(Math.min(backoffDelay(attempts, 250, 5000), Math.max(0, deadline - Date.now())));
    }
    pending.delete(check);
    if (last.failure) {
      return {
        check,
        ready: false,
        warmupAttempts: attempts,
        verifySamples: 0,
        verifyFailures: 0,
        lastError: last.failure,
      };
    }
    settings.onProgress?.(`${check.name}: ready after ${attempts} attempt${attempts > 1 ? "s" : ""}`);
    // One pass asked for: the warm-up's first success is that pass, so each URL costs one request, not two.
    if (settings.samples === 1) {
      last.sample.phase = "verify";
      const latency = [last.latencyMs];
      return {
        check,
        ready: true,
        warmupAttempts: attempts,
        verifySamples: 1,
        verifyFailures: 0,
        p50Ms: percentile(latency, 50),
        p95Ms: percentile(latency, 95),
      };
    }
    const verifyStart = Date.now();
    const latencies: number[] = [];
    let failures = 0;
    let lastError: string | undefined;
    for (let i = 0; i < settings.samples; i++) {
      await pause(verifyStart + i * settings.intervalMs - Date.now());
      const sample = await probe(check, "verify");
      latencies.push(sample.latencyMs);
      if (sample.failure) {
        failures++;
        lastError = sample.failure;
      }
    }
    return {
      check,
      ready: true,
      warmupAttempts: attempts,
      verifySamples: settings.samples,
      verifyFailures: failures,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      lastError,
    };
  };

  let results: CheckResult[];
  try {
    results = await Promise.all(settings.checks.map(runCheck));
  } finally {
    clearInterval(progress);
    // Stopped: requests still open are dropped rather than waited for.
    await (stop?.aborted ? agent.destroy() : agent.close());
  }

  const verifySamples = samples.filter((sample) => sample.phase === "verify");
  const errorRate = verifySamples.length
    ? verifySamples.filter((s) => !s.ok).length / verifySamples.length
    : 0;
  const p95Ms = percentile(
    verifySamples.map((sample) => sample.latencyMs),
    95,
  );
  const rateExceeded = errorRate > settings.maxErrorRate;
  const p95Exceeded = settings.maxP95Ms !== undefined && p95Ms !== undefined && p95Ms > settings.maxP95Ms;

  for (const result of results) {
    const { check } = result;
    const mine = samples.filter((sample) => sample.check === check.name);
    if (!result.ready) {
      result.failure = neverReady(check, mine, lastProbes.get(check), Date.now() - started);
    } else if (rateExceeded && result.verifyFailures > 0) {
      result.failure = `${check.method} ${check.url} → ${result.verifyFailures} of ${result.verifySamples} verification samples failed (last: ${result.lastError})`;
    } else if (p95Exceeded && (result.p95Ms ?? 0) > (settings.maxP95Ms ?? Infinity)) {
      result.failure = `${check.method} ${check.url} → p95 ${Math.round(result.p95Ms ?? 0)} ms, over the ${settings.maxP95Ms} ms limit`;
    }
  }
  const anyFailed = results.some((result) => result.failure !== undefined);
  return {
    verdict: anyFailed || rateExceeded || p95Exceeded ? "fail" : "pass",
    errorRate,
    p95Ms: p95Ms === undefined ? undefined : Math.round(p95Ms),
    checks: results,
    samples,
    elapsedMs: Date.now() - started,
  };
}

/** `GET https://x/healthz → 503 ×12 over 5m00s (last body: "maintenance")` */
function neverReady(
  check: Check,
  samples: Sample[],
  lastProbe: Probe | undefined,
  elapsedMs: number,
): string {
  const last = samples.at(-1);
  const reason = last?.error ?? "no answer";
  const shown = reason.replace(/^status /, "");
  const count = samples.filter((sample) => sample.error === reason).length;
  const body = (lastProbe?.body ?? "").replace(/\s+/g, " ").trim();
  // A refusal's body may echo the credentials it refused.
  const snippet = refused(lastProbe?.status)
    ? body && " (its body is not shown: a refusal may echo the credentials sent)"
    : body && ` (last body: ${JSON.stringify(body.length > 120 ? `${body.slice(0, 117)}...` : body)})`;
  return `${check.method} ${check.url} → ${shown} ×${count} over ${formatMs(elapsedMs)}${snippet}`;
}
