import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetricsSource } from "../src/sim/metrics.ts";
import { runBundle } from "./helpers/bundle.ts";
import { type PrometheusServer, startPrometheus } from "./helpers/prometheus.ts";

const ERROR_RATE = 'sum(rate(http_requests_total{code="500"}[4s])) / sum(rate(http_requests_total[4s]))';
const PROM_SECRET = "prom-bundle-secret-4b8e1d";
let errorRate = 0.01;
const source = new MetricsSource({ errorRate: () => errorRate, rps: 100 });
let prometheus: PrometheusServer;

beforeAll(async () => {
  prometheus = await startPrometheus([await source.start()]);
  await prometheus.waitFor(ERROR_RATE);
}, 40_000);
afterAll(async () => {
  await prometheus?.stop();
  await source.stop();
});

const metrics = (failureLimit = 0) =>
  JSON.stringify([
    {
      name: "api-error-rate",
      provider: "prometheus",
      query: ERROR_RATE,
      "failure-condition": "result > 0.05",
      "failure-limit": failureLimit,
    },
    {
      name: "stats-error-rate",
      provider: "web",
      url: `${source.server.url}/stats`,
      "json-path": "errorRate",
      "failure-condition": "result > 0.05",
    },
  ]);

describe("dist/analyze run as the runner runs it, against a real Prometheus", () => {
  it("passes a healthy service and writes the outputs, the file and the summary", async () => {
    errorRate = 0.01;
    const run = await runBundle("analyze", {
      metrics: metrics(),
      interval: "300ms",
      count: "2",
      "prometheus-url": prometheus.url,
      "prometheus-headers": `Authorization: Bearer ${PROM_SECRET}`,
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: "pass", verdict: "pass", "failed-metrics": "[]" });
    const file = JSON.parse(readFileSync(run.outputs.measurements ?? "", "utf8"));
    expect(file.measurements).toHaveLength(4);
    expect(file.measurements[0].value).toBeCloseTo(0.01, 2);
    expect(run.summary).toContain("## Analyze: ✅ pass");
    expect(run.summary).toContain("xychart-beta");
    expect(run.summary).toContain("https://github.com/acme/shop/actions/runs/4242");
    expect(run.all).not.toContain(PROM_SECRET);
    expect(run.stdout).toContain("::add-mask::");
  });

  it("fails when the error rate rises, exit code 1, naming the metrics", async () => {
    errorRate = 0.3;
    await prometheus.waitFor(`(${ERROR_RATE}) > 0.2`);
    const run = await runBundle("analyze", {
      metrics: metrics(),
      interval: "300ms",
      "prometheus-url": prometheus.url,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe("fail");
    const failed = JSON.parse(run.outputs["failed-metrics"] ?? "");
    expect(failed.map((m: { name: string }) => m.name)).toEqual(["api-error-rate", "stats-error-rate"]);
    expect(run.stdout).toMatch(
      /::error::Analysis failed:%0A- api-error-rate: fail — 1 of 1 measurements failed/,
    );
  });

  it("rejects a bad expression before any query", async () => {
    const statsReads = () => source.server.requests.filter((r) => r.path === "/stats").length;
    const before = statsReads();
    const bad = metrics().replace("result > 0.05", "result >> 0.05");
    const run = await runBundle("analyze", { metrics: bad, "prometheus-url": prometheus.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "metrics" entry 1 ("api-error-rate"): failure-condition "result >> 0.05"',
    );
    expect(run.outputs).toEqual({ status: "failed" });
    expect(statsReads()).toBe(before);
  });
});
