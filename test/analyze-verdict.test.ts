import { afterAll, beforeAll, describe, expect, it } from "vitest";
import analyzeAction from "../src/actions/analyze/index.ts";
import { type AnalysisOptions, analyze, type MetricSpec } from "../src/analyze/engine.ts";
import { parseCondition } from "../src/analyze/expression.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import type { SeriesValue } from "../src/platforms/metrics/types.ts";
import { SimServer } from "../src/sim/server.ts";
import { runBundle } from "./helpers/bundle.ts";

// A verdict needs evidence: a pass rests on at least one value that passed per metric, and a limit that
// tolerates every measurement failing is refused before anything is measured.

type Step = number | SeriesValue[] | Error;
const options: AnalysisOptions = { intervalMs: 1, count: 3, initialDelayMs: 0, consecutiveErrorLimit: 1 };

function spec(name: string, steps: Step[], rule: Partial<MetricSpec> = {}): MetricSpec {
  let n = 0;
  return {
    name,
    failure: parseCondition("result > 0.05"),
    failureLimit: 0,
    noData: "inconclusive",
    read: async () => {
      const step = steps[Math.min(n++, steps.length - 1)] as Step;
      if (step instanceof Error) throw step;
      return typeof step === "number" ? [{ series: "", value: step }] : step;
    },
    ...rule,
  };
}

describe("the engine: no pass without a value that passed", () => {
  it.each([
    {
      what: "every measurement failed though the limit tolerates them (limit ≥ count reached the engine)",
      metrics: [spec("api", [0.5], { failureLimit: 3 })],
      verdict: "fail",
      reason: "none of 3 measurements passed (3 failed, failure-limit 3)",
    },
    {
      what: "one metric healthy, the other with no passing measurement",
      metrics: [spec("api", [0.01]), spec("web", [0.5], { failureLimit: 5 })],
      verdict: "fail",
      reason: "none of 3 measurements passed (3 failed, failure-limit 5)",
    },
    {
      what: "no data at all, counted as pass by no-data: pass",
      metrics: [spec("db", [[]], { noData: "pass" })],
      verdict: "inconclusive",
      reason:
        "none of 3 measurements had data (no-data: pass tolerates gaps, but a pass needs one value that passed)",
    },
    {
      what: "no data at all (the default no-data: inconclusive)",
      metrics: [spec("db", [[]])],
      verdict: "inconclusive",
      reason: "3 of 3 measurements inconclusive (no data, or neither condition met)",
    },
    {
      what: "the provider down",
      metrics: [spec("api", [new Error("connect ECONNREFUSED")])],
      verdict: "inconclusive",
      reason: "2 provider errors in a row (consecutive-error-limit 1): connect ECONNREFUSED",
    },
    {
      what: "two failures within the limit and one value that passed",
      metrics: [spec("api", [0.5, 0.5, 0.01], { failureLimit: 2 })],
      verdict: "pass",
      reason: "1 of 3 measurements successful, 2 failed (within failure-limit 2)",
    },
  ])("$what: $verdict", async ({ metrics, verdict, reason }) => {
    const analysis = await analyze(metrics, options);
    expect(analysis.verdict).toBe(verdict);
    expect(analysis.metrics.map((m) => m.reason)).toContain(reason);
  });
});

// An endpoint whose error rate is always over the line: a limit that tolerates that must never pass.
let reads = 0;
const stats = new SimServer(() => {
  reads++;
  return { status: 200, body: { errorRate: 0.5 } };
});
beforeAll(() => stats.start());
afterAll(() => stats.stop());

const metric = (limit: number, name = "api-error-rate") =>
  `- name: ${name}\n  provider: web\n  url: ${stats.url}/stats\n  json-path: errorRate\n  failure-condition: result > 0.05\n  failure-limit: ${limit}\n`;

describe("failure-limit ≥ count is bad input, before anything is measured", () => {
  it.each([
    {
      what: "limit equal to count",
      metrics: () => metric(5),
      count: "5",
      names: ['"api-error-rate" (failure-limit 5)'],
    },
    {
      what: "limit over the default count",
      metrics: () => metric(9),
      count: "",
      names: ['"api-error-rate" (failure-limit 9)'],
    },
    {
      what: "only the metric over it is named",
      metrics: () => metric(2) + metric(3, "web-error-rate"),
      count: "3",
      names: ['"web-error-rate" (failure-limit 3)'],
    },
  ])("$what", async ({ metrics, count, names }) => {
    const before = reads;
    const tk = recordingToolkit({ metrics: metrics(), interval: "10ms", ...(count ? { count } : {}) }, {});
    await runDefinition(analyzeAction, tk);
    expect(tk.failed).toMatch(/^Input "metrics" has failure-limit ≥ count \(\d+\) for /);
    for (const name of names) expect(tk.failed).toContain(name);
    expect(tk.failed).not.toContain('"api-error-rate" (failure-limit 2)');
    expect(tk.failed).toContain("Lower its failure-limit below count, or raise count.");
    expect(tk.outputs).toEqual({ status: "failed" });
    expect(reads).toBe(before);
  });

  it("through the bundle: the step fails naming the input, nothing is read", async () => {
    const before = reads;
    const run = await runBundle("analyze", { metrics: metric(5), count: "5", interval: "10ms" });
    expect(run.code).not.toBe(0);
    expect(run.outputs).toEqual({ status: "failed" });
    expect(run.stdout).toContain('::error::Input "metrics" has failure-limit ≥ count (5)');
    expect(reads).toBe(before);
  });

  it("through the bundle: every value over the line with failure-limit count - 1 fails", async () => {
    const run = await runBundle("analyze", {
      metrics: metric(2),
      count: "3",
      interval: "10ms",
      fail: "false",
    });
    expect(run.outputs).toMatchObject({ status: "fail", verdict: "fail" });
    expect(run.outputs.reason).toContain("3 of 3 measurements failed (failure-limit 2)");
  });
});
