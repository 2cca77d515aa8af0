import { client, v1 } from "@datadog/datadog-api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatadogClient } from "../src/platforms/metrics/datadog.ts";
import { PrometheusClient } from "../src/platforms/metrics/prometheus.ts";
import { MetricsError } from "../src/platforms/metrics/types.ts";
import { WebMetricsClient } from "../src/platforms/metrics/web.ts";
import {
  DatadogSimulator,
  MetricsSource,
  SIM_DATADOG_API_KEY,
  SIM_DATADOG_APP_KEY,
} from "../src/sim/metrics.ts";
import { type PrometheusServer, startPrometheus } from "./helpers/prometheus.ts";

const quick = { retries: 0, timeoutMs: 5000 };
const now = () => ({ startMs: Date.now() - 5000, endMs: Date.now() });

describe("prometheus, against a real Prometheus scraping an exporter", () => {
  const errorRate = 0.02;
  const source = new MetricsSource({ errorRate: () => errorRate, rps: 100 });
  let prometheus: PrometheusServer;
  let prom: PrometheusClient;
  const ERROR_RATE = 'sum(rate(http_requests_total{code="500"}[4s])) / sum(rate(http_requests_total[4s]))';

  beforeAll(async () => {
    prometheus = await startPrometheus([await source.start()]);
    prom = new PrometheusClient({ url: prometheus.url, http: quick });
    await prometheus.waitFor(ERROR_RATE);
  }, 40_000);
  afterAll(async () => {
    await prometheus?.stop();
    await source.stop();
  });

  it("reads an error rate as one number", async () => {
    const [value, ...rest] = await prom.query(ERROR_RATE, now());
    expect(rest).toEqual([]);
    expect(value?.series).toBe("");
    expect(value?.value).toBeCloseTo(errorRate, 2);
  });

  it("names each series when several come back", async () => {
    const values = await prom.query("sum by (code) (rate(http_requests_total[4s]))", now());
    expect(values.map((v) => v.series).sort()).toEqual(['{code="200"}', '{code="500"}']);
    const named = await prom.query('http_requests_total{code="500"}', now());
    expect(named[0]?.series).toMatch(
      /^http_requests_total\{code="500", instance="127\.0\.0\.1:\d+", job="app"\}$/,
    );
  });

  it("reads NaN, ±Inf, scalars and string values; an empty vector is no data", async () => {
    expect((await prom.query("vector(0) / vector(0)", now()))[0]?.value).toBeNaN();
    expect((await prom.query("vector(1) / vector(0)", now()))[0]?.value).toBe(Number.POSITIVE_INFINITY);
    expect((await prom.query("vector(-1) / vector(0)", now()))[0]?.value).toBe(Number.NEGATIVE_INFINITY);
    expect(await prom.query("scalar(vector(0.25))", now())).toEqual([{ series: "", value: 0.25 }]);
    expect(await prom.query('"0.5"', now())).toEqual([{ series: "", value: 0.5 }]);
    expect(await prom.query('http_requests_total{code="999"}', now())).toEqual([]);
    await expect(prom.query('"high"', now())).rejects.toThrow(/"high", which is not a number/);
  });

  it("a query Prometheus rejects (400) or a range vector is a permanent error", async () => {
    const bad = await prom.query("sum(rate(http_requests_total[5m]", now()).catch((e) => e);
    expect(bad).toBeInstanceOf(MetricsError);
    expect(bad).toMatchObject({ status: 400, code: "bad_data", permanent: true });
    expect(bad.message).toContain("Prometheus UI");
    const range = await prom.query("http_requests_total[4s]", now()).catch((e) => e);
    expect(range).toMatchObject({ permanent: true });
    expect(range.message).toContain("returns a matrix");
  });

  it("a Prometheus that is down is a transient error", async () => {
    const down = new PrometheusClient({ url: "http://127.0.0.1:1", http: quick });
    const error = await down.query("up", now()).catch((e) => e);
    expect(error).toBeInstanceOf(MetricsError);
    expect(error.permanent).toBe(false);
  });
});

describe("datadog, against the simulator, request and answer checked with @datadog/datadog-api-client", () => {
  const sim = new DatadogSimulator();
  let dd: DatadogClient;
  const QUERY =
    "sum:trace.http.request.errors{service:api}.as_rate() / sum:trace.http.request.hits{service:api}.as_rate()";
  beforeAll(async () => {
    const url = await sim.start();
    dd = new DatadogClient({
      apiKey: SIM_DATADOG_API_KEY,
      appKey: SIM_DATADOG_APP_KEY,
      apiUrl: url,
      http: quick,
    });
    sim.set(QUERY, [{ scope: "service:api", value: (ms) => (Math.floor(ms / 1000) % 2 ? 0.04 : 0.02) }]);
    sim.set("avg:cache.hit_rate{*} by {host}", [
      { scope: "host:a", value: () => 0.95 },
      { scope: "host:b", value: () => null },
      { scope: "host:c", value: () => 0.7 },
    ]);
    sim.set("sum:db.errors{*}", [{ scope: "*", value: () => null }]);
    sim.reject("sum:oops{", "Error parsing query: unexpected end of input");
  });
  afterAll(() => sim.stop());

  it("the official client's request is answered, and the answer parses as its model", async () => {
    const configuration = client.createConfiguration({
      authMethods: { apiKeyAuth: SIM_DATADOG_API_KEY, appKeyAuth: SIM_DATADOG_APP_KEY },
      baseServer: new client.BaseServerConfiguration(sim.server.url, {}),
    });
    const api = new v1.MetricsApi(configuration);
    const to = Math.floor(Date.now() / 1000);
    const answer = await api.queryMetrics({ from: to - 60, to, query: QUERY });
    expect(answer._unparsed).toBeFalsy();
    expect(answer.status).toBe("ok");
    expect(answer.series?.[0]?._unparsed).toBeFalsy();
    expect(answer.series?.[0]?.pointlist?.length).toBe(61);
    expect(answer.series?.[0]?.scope).toBe("service:api");

    // Our client sends what the official one sends: same path, parameters and key headers.
    const sdk = sim.requests.at(-1);
    await dd.query(QUERY, { startMs: (to - 60) * 1000, endMs: to * 1000 }, "avg");
    const ours = sim.requests.at(-1);
    expect(ours?.path).toBe(sdk?.path);
    expect([...(ours?.query.keys() ?? [])].sort()).toEqual([...(sdk?.query.keys() ?? [])].sort());
    expect(ours?.query.toString()).toBe(sdk?.query.toString());
    for (const header of ["dd-api-key", "dd-application-key"])
      expect(ours?.headers[header]).toBe(sdk?.headers[header]);
  });

  it("reduces each series over the window, skipping null points", async () => {
    const to = Math.floor(Date.now() / 1000) * 1000;
    const window = { startMs: to - 9000, endMs: to };
    const [avg] = await dd.query(QUERY, window, "avg");
    expect(avg?.value).toBeCloseTo(0.03, 2);
    expect((await dd.query(QUERY, window, "max"))[0]?.value).toBe(0.04);
    const hosts = await dd.query("avg:cache.hit_rate{*} by {host}", window, "last");
    expect(hosts).toEqual([
      { series: "host:a", value: 0.95 },
      { series: "host:c", value: 0.7 },
    ]);
  });

  it("an empty series, or one of only nulls, is no data, never 0", async () => {
    expect(await dd.query("sum:never.reported{*}", now(), "sum")).toEqual([]);
    expect(await dd.query("sum:db.errors{*}", now(), "sum")).toEqual([]);
  });

  it("a rejected query or refused keys are permanent, and the keys never show", async () => {
    const bad = await dd.query("sum:oops{", now(), "avg").catch((e) => e);
    expect(bad).toMatchObject({ status: 400, permanent: true });
    expect(bad.message).toContain("Error parsing query");
    const wrong = new DatadogClient({
      apiKey: "dd-api-wrong-key-123456",
      appKey: SIM_DATADOG_APP_KEY,
      apiUrl: sim.server.url,
      http: quick,
    });
    const refused = await wrong.query(QUERY, now(), "avg").catch((e) => e);
    expect(refused).toMatchObject({ status: 403, permanent: true });
    expect(refused.message).toContain("datadog-app-key");
    expect(refused.message).not.toContain("dd-api-wrong-key-123456");
  });
});

describe("web, any JSON endpoint", () => {
  const source = new MetricsSource({ errorRate: 0.125 });
  const web = new WebMetricsClient({ http: quick });
  let url = "";
  beforeAll(async () => {
    url = await source.start();
  });
  afterAll(() => source.stop());

  it("reads the number at a JSON path (smoke-test's path syntax)", async () => {
    expect(await web.read({ url: `${url}/stats`, headers: {}, jsonPath: "$.errorRate" })).toEqual([
      { series: "", value: 0.125 },
    ]);
    expect(await web.read({ url: `${url}/stats`, headers: {}, jsonPath: "missing.path" })).toEqual([]);
    const error = await web.read({ url: `${url}/nope`, headers: {}, jsonPath: "x" }).catch((e) => e);
    expect(error).toMatchObject({ status: 404, permanent: true });
  });
});
