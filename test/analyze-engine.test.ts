import { describe, expect, it } from "vitest";
import { type AnalysisOptions, analyze, type MetricSpec } from "../src/analyze/engine.ts";
import { parseCondition } from "../src/analyze/expression.ts";
import { MetricsError, type SeriesValue } from "../src/platforms/metrics/types.ts";

type Step = number | SeriesValue[] | Error;

/** A provider that answers from a script, one step per measurement (the last step repeats). */
function scripted(steps: Step[]) {
  const calls: number[] = [];
  const read = async () => {
    const step = steps[Math.min(calls.length, steps.length - 1)] as Step;
    calls.push(Date.now());
    if (step instanceof Error) throw step;
    return typeof step === "number" ? [{ series: "", value: step }] : step;
  };
  return { read, calls };
}

function metric(name: string, steps: Step[], rule: Partial<MetricSpec> = {}) {
  const provider = scripted(steps);
  const spec: MetricSpec = {
    name,
    failure: parseCondition("result > 0.05"),
    failureLimit: 0,
    noData: "inconclusive",
    read: provider.read,
    ...rule,
  };
  return { spec, calls: provider.calls };
}

const options: AnalysisOptions = { intervalMs: 2, count: 5, initialDelayMs: 0, consecutiveErrorLimit: 4 };

describe("error rate against a threshold (failure-condition result > 0.05)", () => {
  it("passes under it, and at it (the condition is strict)", async () => {
    for (const value of [0.01, 0.05]) {
      const { spec } = metric("api-error-rate", [value]);
      const analysis = await analyze([spec], options);
      expect(analysis.verdict).toBe("pass");
      expect(analysis.metrics[0]?.measurements).toHaveLength(5);
      expect(analysis.metrics[0]?.reason).toBe("5 of 5 measurements successful");
    }
  });

  it("fails over it, at the first failed measurement with failure-limit 0", async () => {
    const { spec, calls } = metric("api-error-rate", [0.01, 0.06, 0.01]);
    const analysis = await analyze([spec], options);
    expect(analysis.verdict).toBe("fail");
    expect(calls).toHaveLength(2);
    expect(analysis.metrics[0]?.reason).toBe("1 of 2 measurements failed (failure-limit 0): 0.06");
  });

  it("lets a spike shorter than the failure limit pass, and fails a longer one", async () => {
    const short = metric("api-error-rate", [0.01, 0.3, 0.01], { failureLimit: 1 });
    const passed = await analyze([short.spec], options);
    expect(passed.verdict).toBe("pass");
    expect(passed.metrics[0]?.reason).toContain("1 failed (within failure-limit 1)");

    const long = metric("api-error-rate", [0.01, 0.3, 0.3, 0.01], { failureLimit: 1 });
    const failed = await analyze([long.spec], options);
    expect(failed.verdict).toBe("fail");
    expect(long.calls).toHaveLength(3);
  });

  it("with a success condition only, a value not meeting it fails; with both, neither is inconclusive", async () => {
    const cache = metric("cache-hit-rate", [0.9, 0.7], {
      failure: undefined,
      success: parseCondition("result >= 0.8"),
    });
    expect((await analyze([cache.spec], options)).verdict).toBe("fail");

    const both = metric("latency", [300], {
      failure: parseCondition("result > 500"),
      success: parseCondition("result < 200"),
    });
    const analysis = await analyze([both.spec], options);
    expect(analysis.verdict).toBe("inconclusive");
    expect(analysis.metrics[0]?.status).toBe("inconclusive");
  });
});

describe("no data", () => {
  it.each([
    ["fail", "fail"],
    // `pass` tolerates gaps, but a window of gaps alone has no value that passed.
    ["pass", "inconclusive"],
    ["inconclusive", "inconclusive"],
  ] as const)("no-data: %s over a window without data gives %s", async (policy, verdict) => {
    const { spec } = metric("db-failures", [[]], { noData: policy });
    const analysis = await analyze([spec], options);
    expect(analysis.verdict).toBe(verdict);
    expect(analysis.metrics[0]?.measurements.every((m) => m.noData && m.value === undefined)).toBe(true);
  });

  it("NaN is no data, unless the condition asks isNaN(result)", async () => {
    const plain = metric("rate", [Number.NaN], { noData: "inconclusive" });
    expect((await analyze([plain.spec], options)).verdict).toBe("inconclusive");
    const strict = metric("rate", [Number.NaN, Number.NaN, 0.01], { noData: "pass" });
    const tolerated = await analyze([strict.spec], options);
    expect(tolerated.verdict).toBe("pass");
    expect(tolerated.metrics[0]?.reason).toBe("3 of 5 measurements successful, 2 without data");
    const asks = metric("rate", [Number.NaN], { failure: parseCondition("isNaN(result) or result > 0.05") });
    expect((await analyze([asks.spec], options)).verdict).toBe("fail");
  });
});

describe("provider errors", () => {
  it("a provider down is inconclusive after more errors in a row than the limit, never pass", async () => {
    const { spec, calls } = metric("api-error-rate", [
      new MetricsError("prometheus", "connect ECONNREFUSED"),
    ]);
    const other = metric("frontend-error-rate", [0.01]);
    const analysis = await analyze([spec, other.spec], options);
    expect(analysis.verdict).toBe("inconclusive");
    expect(calls).toHaveLength(5);
    expect(analysis.metrics[0]?.status).toBe("error");
    expect(analysis.metrics[0]?.reason).toMatch(
      /^5 provider errors in a row \(consecutive-error-limit 4\): connect/,
    );
  });

  it("an error does not use up a measurement: the pass rests on count real values", async () => {
    const { spec, calls } = metric("api-error-rate", [0.01, new Error("timeout"), 0.01]);
    const analysis = await analyze([spec], options);
    expect(analysis.verdict).toBe("pass");
    expect(calls).toHaveLength(6);
    expect(analysis.metrics[0]?.successful).toBe(5);
  });

  it("a query the provider refuses stops the metric at once", async () => {
    const refused = new MetricsError("prometheus", "bad_data: parse error", { status: 400, permanent: true });
    const { spec, calls } = metric("api-error-rate", [refused]);
    const analysis = await analyze([spec], options);
    expect(calls).toHaveLength(1);
    expect(analysis.verdict).toBe("inconclusive");
    expect(analysis.metrics[0]?.reason).toContain("refused the query: bad_data");
  });
});

describe("several series and several metrics", () => {
  it("judges each series; the worst decides and is named", async () => {
    const { spec } = metric("error-rate-by-route", [
      [
        { series: '{route="/a"}', value: 0.01 },
        { series: '{route="/b"}', value: 0.09 },
      ],
    ]);
    const analysis = await analyze([spec], options);
    expect(analysis.verdict).toBe("fail");
    const [first] = analysis.metrics[0]?.measurements ?? [];
    expect(first).toMatchObject({ value: 0.09, series: '{route="/b"}', outcome: "failed" });
    expect(first?.values).toHaveLength(2);
  });

  it("measures every metric of a round at once, one read each", async () => {
    let inFlight = 0;
    let most = 0;
    const specs = Array.from({ length: 20 }, (_, i) => ({
      ...metric(`m${i}`, [0.01]).spec,
      read: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [{ series: "", value: 0.01 }];
      },
    }));
    const analysis = await analyze(specs, { ...options, count: 2 });
    expect(most).toBe(20);
    expect(analysis.rounds).toBe(2);
    expect(analysis.metrics.every((m) => m.measurements.length === 2)).toBe(true);
  });

  it("stops as soon as the verdict cannot change", async () => {
    const failing = metric("api", [0.5]);
    const healthy = metric("web", [0.01]);
    const analysis = await analyze([failing.spec, healthy.spec], options);
    expect(analysis.verdict).toBe("fail");
    expect(analysis.stoppedEarly).toBe(true);
    expect(healthy.calls).toHaveLength(1);
    expect(analysis.metrics[1]?.status).toBe("unfinished");

    // One metric already in error, the other can no longer fail: inconclusive is certain.
    const refused = new MetricsError("datadog", "Forbidden", { status: 403, permanent: true });
    const broken = metric("db", [refused]);
    const late = metric("cache", [0.01], { failureLimit: 5 });
    const settled = await analyze([broken.spec, late.spec], options);
    expect(settled.verdict).toBe("inconclusive");
    expect(late.calls).toHaveLength(1);
  });

  it("waits initial-delay, and a cancelled analysis is inconclusive", async () => {
    const { spec, calls } = metric("api", [0.01]);
    const controller = new AbortController();
    const started = Date.now();
    const run = analyze([spec], {
      ...options,
      intervalMs: 1000,
      initialDelayMs: 20,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const analysis = await run;
    expect((calls[0] ?? 0) - started).toBeGreaterThanOrEqual(19);
    expect(analysis.cancelled).toBe(true);
    expect(analysis.verdict).toBe("inconclusive");
    expect(analysis.metrics[0]?.reason).toContain("cancelled");
  });
});
