// analyze: one measurement round over 20 metrics (5 each on Prometheus, Datadog, Railway and web), every
// provider answering after 200 ms. Reports the round's wall time against the slowest answer measured plainly
// (one fetch of the same endpoint), and requests per metric per round. The simulated providers run in a
// child process, as real ones run elsewhere: their own work does not weigh on the action's event loop.
// Run: node bench/analyze.ts
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import analyzeAction from "../src/actions/analyze/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import { DatadogSimulator, SIM_DATADOG_API_KEY, SIM_DATADOG_APP_KEY } from "../src/sim/metrics.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { type SimRequest, type SimResponse, SimServer } from "../src/sim/server.ts";
import { median } from "./median.ts";

const DELAY_MS = 200;
const PER_PROVIDER = 5;
const RUNS = 5;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const METRIC_OPERATIONS = new Set(["HttpMetricsByStatus", "HttpDurationMetrics"]);

interface Served {
  prometheus: string;
  web: string;
  datadog: string;
  railway: string;
}

/** Child mode: the four providers, each answering after DELAY_MS; `GET /counts` on web: metric requests so far. */
async function serve(): Promise<void> {
  const prometheus = new SimServer(async () => {
    await wait(DELAY_MS);
    const value = [Date.now() / 1000, "0.01"];
    return {
      status: 200,
      body: { status: "success", data: { resultType: "vector", result: [{ metric: {}, value }] } },
    };
  });
  const datadog = new DatadogSimulator();
  const railway = new RailwaySimulator(rollbackScenario());
  const isMetricsQuery = (r: { body: unknown }) =>
    METRIC_OPERATIONS.has((r.body as { operationName?: string })?.operationName ?? "");
  const web: SimServer = new SimServer(async (request): Promise<SimResponse> => {
    if (request.path === "/counts") {
      const count =
        prometheus.requests.length + datadog.requests.length + railway.requests.filter(isMetricsQuery).length;
      return {
        status: 200,
        body: { count: count + web.requests.filter((r: SimRequest) => r.path !== "/counts").length },
      };
    }
    await wait(DELAY_MS);
    return { status: 200, body: { errorRate: 0.01 } };
  });
  railway.traffic.set(SCENARIO.services.backend.id, { rps: 20, errorRate: 0.01, p95Ms: 100 });
  datadog.set("avg:api.errors{*}", [{ scope: "*", value: () => 0.01 }]);
  datadog.server.inject({ kind: "delay", ms: DELAY_MS, times: Number.MAX_SAFE_INTEGER });
  railway.server.inject({
    kind: "delay",
    ms: DELAY_MS,
    times: Number.MAX_SAFE_INTEGER,
    match: { when: isMetricsQuery },
  });
  await Promise.all([prometheus.start(), web.start(), datadog.start(), railway.start()]);
  const served: Served = {
    prometheus: prometheus.url,
    web: web.url,
    datadog: datadog.server.url,
    railway: railway.url,
  };
  console.log(JSON.stringify(served));
}

if (process.argv.includes("--serve")) {
  await serve();
} else {
  await measure();
}

async function providers(): Promise<{ served: Served; child: ChildProcess }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), "line")) as [
    string,
  ];
  return { served: JSON.parse(line) as Served, child };
}

async function measure(): Promise<void> {
  const { served, child } = await providers();
  const counted = async () =>
    ((await (await fetch(`${served.web}/counts`)).json()) as { count: number }).count;
  const metrics = Array.from({ length: PER_PROVIDER }, (_, i) => [
    { name: `prom-${i}`, provider: "prometheus", query: `errors_${i}`, "failure-condition": "result > 0.05" },
    {
      name: `dd-${i}`,
      provider: "datadog",
      query: "avg:api.errors{*}",
      "failure-condition": "result > 0.05",
    },
    {
      name: `rw-${i}`,
      provider: "railway",
      service: "backend",
      measure: "error-rate",
      "failure-condition": "result > 0.05",
    },
    {
      name: `web-${i}`,
      provider: "web",
      url: `${served.web}/stats/${i}`,
      "json-path": "errorRate",
      "failure-condition": "result > 0.05",
    },
  ]).flat();

  async function plainSlowest(): Promise<number> {
    let slowest = 0;
    for (const url of [`${served.prometheus}/api/v1/query?query=x`, `${served.web}/stats/x`]) {
      const started = performance.now();
      await (await fetch(url)).text();
      slowest = Math.max(slowest, performance.now() - started);
    }
    return slowest;
  }

  const rounds: number[] = [];
  const plains: number[] = [];
  let perMetric = 0;
  for (let run = 0; run < RUNS; run++) {
    const before = await counted();
    let start = 0;
    let last = 0;
    const tk = recordingToolkit({
      metrics: JSON.stringify(metrics),
      count: "1",
      interval: "1m",
      "prometheus-url": served.prometheus,
      "datadog-api-key": SIM_DATADOG_API_KEY,
      "datadog-app-key": SIM_DATADOG_APP_KEY,
      "datadog-api-url": served.datadog,
      "railway-token": SCENARIO.projectToken,
      "railway-api-url": served.railway,
    });
    const info = tk.info;
    tk.info = (line) => {
      if (line.startsWith("Analyzing ")) start = performance.now();
      if (/ round 1: /.test(line)) last = performance.now();
      info(line);
    };
    await runDefinition(analyzeAction, tk);
    if (tk.outputs.status !== "pass")
      throw new Error(`verdict ${tk.outputs.status}: ${tk.failed ?? tk.outputs.reason}`);
    const requests = (await counted()) - before;
    perMetric = requests / metrics.length;
    rounds.push(last - start);
    plains.push(await plainSlowest());
  }
  child.kill();

  const round = median(rounds);
  const plain = median(plains);
  console.log(
    `analyze: one round over ${metrics.length} metrics (4 providers), each answering after ${DELAY_MS} ms, ${RUNS} runs`,
  );
  console.log(
    `  round wall time (median)        ${round.toFixed(0)} ms   [${rounds.map((r) => r.toFixed(0)).join(", ")}]`,
  );
  console.log(`  slowest answer, plain fetch     ${plain.toFixed(0)} ms`);
  console.log(`  ratio                           ${(round / plain).toFixed(2)}×  (target ≤ 1.2×)`);
  console.log(`  requests per metric per round   ${perMetric.toFixed(2)}  (target 1)`);
}
