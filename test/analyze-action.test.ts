import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import analyzeAction from "../src/actions/analyze/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import {
  DatadogSimulator,
  MetricsSource,
  SIM_DATADOG_API_KEY,
  SIM_DATADOG_APP_KEY,
} from "../src/sim/metrics.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { SimServer } from "../src/sim/server.ts";

let errorRate = 0.01;
const source = new MetricsSource({ errorRate: () => errorRate });
const datadog = new DatadogSimulator();
const railway = new RailwaySimulator(rollbackScenario());
const SECRET = "Bearer web-metrics-secret-7f3a9c";
// An endpoint that rejects the request and quotes its Authorization header back: a leak test.
const echo = new SimServer((r) => ({
  status: 400,
  body: { error: `denied for ${r.headers.authorization}` },
}));
let stats = "";

beforeAll(async () => {
  stats = `${await source.start()}/stats`;
  await Promise.all([datadog.start(), railway.start(), echo.start()]);
  datadog.set("avg:cache.hit_rate{*}", [{ scope: "*", value: () => 0.93 }]);
});
afterAll(() => Promise.all([source.stop(), datadog.stop(), railway.stop(), echo.stop()]));

const FAST = { interval: "40ms", count: "3" };
const webMetric = (extra = "") =>
  `- name: api-error-rate\n  provider: web\n  url: ${stats}\n  json-path: errorRate\n  failure-condition: result > 0.05\n${extra}`;

async function run(inputs: Record<string, string>) {
  const tk = recordingToolkit({ ...FAST, ...inputs }, {});
  await runDefinition(analyzeAction, tk);
  return tk;
}

describe("analyze in-process", () => {
  it("passes a healthy service, with the measurements file, a chart and a table", async () => {
    errorRate = 0.01;
    const tk = await run({ metrics: webMetric() });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "pass", verdict: "pass", "failed-metrics": "[]" });
    const file = JSON.parse(readFileSync(tk.outputs.measurements ?? "", "utf8"));
    expect(file.measurements).toHaveLength(3);
    expect(file.measurements[0]).toMatchObject({
      metric: "api-error-rate",
      round: 1,
      value: 0.01,
      outcome: "successful",
    });
    expect(tk.summary).toContain("## Analyze: ✅ pass");
    expect(tk.summary).toContain("```mermaid\nxychart-beta");
    expect(tk.summary).toContain("line [0.05, 0.05, 0.05]");
    expect(tk.summary).toMatch(
      /\| api-error-rate \| ✅ pass \| fail when result \\> 0.05 \| 0.01 · 0.01 · 0.01 \|/,
    );
  });

  it("fails over the threshold, naming the metric and the values, and fails the step", async () => {
    errorRate = 0.2;
    const tk = await run({ metrics: webMetric() });
    expect(tk.outputs.status).toBe("fail");
    expect(JSON.parse(tk.outputs["failed-metrics"] ?? "")).toEqual([
      { name: "api-error-rate", reason: "1 of 1 measurements failed (failure-limit 0): 0.2", values: [0.2] },
    ]);
    expect(tk.failed).toBe(
      "Analysis failed:\n- api-error-rate: fail — 1 of 1 measurements failed (failure-limit 0): 0.2",
    );
    expect(tk.outputs.reason).toContain("api-error-rate: fail");

    const lenient = await run({ metrics: webMetric(), fail: "false" });
    expect(lenient.outputs.status).toBe("fail");
    expect(lenient.failed).toBeUndefined();
  });

  it("reads Railway's own HTTP metrics: the bad deployment fails, a healthy one passes", async () => {
    const metrics = `[{name: backend-5xx, provider: railway, service: backend, measure: error-rate, failure-condition: "result > 0.05"},
      {name: backend-p95, provider: railway, service: backend, measure: p95-ms, failure-condition: "result > 1000"}]`;
    const inputs = { metrics, "railway-token": SCENARIO.projectToken, "railway-api-url": railway.url };
    const bad = await run(inputs);
    expect(bad.outputs.status).toBe("fail");
    expect(JSON.parse(bad.outputs["failed-metrics"] ?? "").map((m: { name: string }) => m.name)).toEqual([
      "backend-5xx",
      "backend-p95",
    ]);
    railway.traffic.set(SCENARIO.services.backend.id, { rps: 30, errorRate: 0.01, p95Ms: 200 });
    const good = await run(inputs);
    expect(good.outputs.status).toBe("pass");
  });

  it("reads Datadog; refused keys are inconclusive at once and never shown", async () => {
    const metrics = `[{name: cache-hit-rate, provider: datadog, query: "avg:cache.hit_rate{*}", success-condition: "result >= 0.8"}]`;
    const inputs = { metrics, "datadog-api-url": datadog.server.url, "datadog-app-key": SIM_DATADOG_APP_KEY };
    const ok = await run({ ...inputs, "datadog-api-key": SIM_DATADOG_API_KEY });
    expect(ok.outputs.status).toBe("pass");
    const wrongKey = "dd-api-key-that-is-wrong-0123";
    const refused = await run({ ...inputs, "datadog-api-key": wrongKey });
    expect(refused.outputs.status).toBe("inconclusive");
    expect(refused.failed).toBeUndefined();
    expect(refused.logs.join("\n")).toMatch(/round 1: error: Datadog API GET .* 403: Forbidden/);
    const everything = [refused.logs.join("\n"), refused.summary, JSON.stringify(refused.outputs)].join("\n");
    expect(everything).not.toContain(wrongKey);
  });

  it("a provider down is inconclusive after the errors in a row, never pass", async () => {
    const down =
      "- name: api\n  provider: web\n  url: http://127.0.0.1:1/stats\n  json-path: errorRate\n  failure-condition: result > 0.05\n";
    const tk = await run({ metrics: down, "consecutive-error-limit": "1", interval: "10ms" });
    expect(tk.outputs.status).toBe("inconclusive");
    expect(tk.outputs.reason).toMatch(
      /api: error — 2 provider errors in a row \(consecutive-error-limit 1\)/,
    );
    expect(tk.logs.some((l) => l.startsWith("warning: Analysis inconclusive"))).toBe(true);
  });

  it("never shows a web metric's header value, even when the endpoint echoes it", async () => {
    const metrics = `[{name: echo, provider: web, url: "${echo.url}/x", json-path: v, headers: {Authorization: "${SECRET}"}, failure-condition: "result > 1"}]`;
    const tk = await run({ metrics });
    expect(tk.outputs.status).toBe("inconclusive");
    const file = readFileSync(tk.outputs.measurements ?? "", "utf8");
    expect(file).toContain("denied for");
    const everything = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs), file].join("\n");
    expect(everything).not.toContain("web-metrics-secret-7f3a9c");
  });
});

describe("bad inputs are reported before any query", () => {
  // Inputs are built when each test runs: the source's URL is known only after it started.
  const cases: Array<[string, () => Record<string, string>, RegExp]> = [
    [
      "a bad expression",
      () => ({ metrics: webMetric().replace("result > 0.05", "result >") }),
      /^Input "metrics" entry 1 \("api-error-rate"\): failure-condition "result >" ends too early \(expected result, a number or \(\)\. Example: /,
    ],
    [
      "an unknown provider",
      () => ({ metrics: "[{name: x, provider: grafana, query: up, failure-condition: result < 1}]" }),
      /^Input "metrics" entry 1 \("x"\): provider is "grafana"; it must be one of: prometheus, datadog, railway, web\./,
    ],
    [
      "a field another provider takes",
      () => ({
        metrics: "[{name: x, provider: prometheus, query: up, json-path: a, failure-condition: result < 1}]",
      }),
      /entry 1 \("x"\): has "json-path", which provider prometheus does not take/,
    ],
    [
      "no condition",
      () => ({ metrics: "[{name: x, provider: prometheus, query: up}]" }),
      /has neither failure-condition nor success-condition/,
    ],
    [
      "a provider's settings missing",
      () => ({ metrics: "[{name: api, provider: prometheus, query: up, failure-condition: result < 1}]" }),
      /^Input "prometheus-url" is required by metric "api" \(provider: prometheus\)\. Example: https:\/\/prometheus/,
    ],
    ["no metrics", () => ({ metrics: "" }), /^Input "metrics" is required\./],
    [
      "a bad count",
      () => ({ metrics: webMetric(), count: "0" }),
      /^Input "count" is "0"; it must be a whole number at least 1/,
    ],
  ];
  for (const [what, inputs, message] of cases) {
    it(what, async () => {
      const before = source.server.requests.length;
      const tk = await run(inputs());
      expect(tk.failed).toMatch(message);
      expect(tk.failed).toContain("Nothing was changed.");
      expect(tk.outputs).toEqual({ status: "failed" });
      expect(source.server.requests.length).toBe(before);
    });
  }
});
