import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Analysis, analyze, type MetricSpec } from "../../analyze/engine.ts";
import type { MetricDefinition } from "../../analyze/metrics.ts";
import type { ActionContext } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { redact } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";
import { DatadogClient } from "../../platforms/metrics/datadog.ts";
import { PrometheusClient } from "../../platforms/metrics/prometheus.ts";
import { fromHttpError, MetricsError, type Reader } from "../../platforms/metrics/types.ts";
import { WebMetricsClient } from "../../platforms/metrics/web.ts";
import { RailwayClient, RailwayError } from "../../platforms/railway/client.ts";
import { httpErrorRate, httpP95 } from "../../platforms/railway/metrics.ts";
import type { analyzeInputs } from "./inputs.ts";
import type { AnalyzePlan } from "./plan.ts";

type Context = ActionContext<typeof analyzeInputs>;

export interface AnalyzeRun {
  analysis: Analysis;
  /** Path of the JSON file with every measurement. */
  measurements: string;
}

/** Railway answers with errors[] for a token that may not read a service: asking again will not help. */
async function railwayRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RailwayError) {
      throw new MetricsError("railway", error.message, { code: error.code, permanent: error.notAuthorized });
    }
    if (error instanceof HttpError) fromHttpError("railway", error, () => "");
    throw error;
  }
}

/** One reader per metric; clients are shared by the metrics of a provider. */
function readers(ctx: Context, plan: AnalyzePlan): Reader[] {
  const { settings } = ctx;
  const log = (line: string) => ctx.log.info(line);
  let prometheus: PrometheusClient | undefined;
  let datadog: DatadogClient | undefined;
  let railway: RailwayClient | undefined;
  let web: WebMetricsClient | undefined;
  return plan.metrics.map((metric: MetricDefinition): Reader => {
    const q = metric.query;
    switch (q.provider) {
      case "prometheus":
        prometheus ??= new PrometheusClient({
          url: settings["prometheus-url"] as string,
          headers: settings["prometheus-headers"],
          log,
        });
        return (window) => (prometheus as PrometheusClient).query(q.query, window);
      case "datadog":
        datadog ??= new DatadogClient({
          apiKey: settings["datadog-api-key"] as string,
          appKey: settings["datadog-app-key"] as string,
          site: settings["datadog-site"],
          apiUrl: settings["datadog-api-url"],
          log,
        });
        return (window) => (datadog as DatadogClient).query(q.query, window, q.aggregation);
      case "railway": {
        const scope = plan.railway;
        if (!scope) throw new Error("Railway metrics were planned without a resolved project.");
        railway ??= new RailwayClient({
          token: settings["railway-token"] as string,
          tokenType: scope.tokenType,
          apiUrl: settings["railway-api-url"],
          logger: ctx.log,
        });
        const target = {
          serviceId: scope.services[q.service] as string,
          environmentId: scope.environment.id,
        };
        const client = railway;
        return ({ startMs, endMs }) =>
          railwayRead(async () => {
            if (q.measure === "p95-ms") {
              const p95 = await httpP95(client, target, startMs, endMs);
              return p95 === undefined ? [] : [{ series: "", value: p95 }];
            }
            const rate = await httpErrorRate(client, target, startMs, endMs);
            return rate === undefined ? [] : [{ series: "", value: rate.rate }];
          });
      }
    }
    web ??= new WebMetricsClient({ log });
    return () => (web as WebMetricsClient).read(q);
  });
}

/** A value as the log, the table and the chart show it. */
export function shown(value: number | undefined): string {
  if (value === undefined) return "no data";
  return Number.isInteger(value) || !Number.isFinite(value)
    ? String(value)
    : String(Number(value.toPrecision(4)));
}

export async function applyAnalyze(ctx: Context, plan: AnalyzePlan): Promise<AnalyzeRun> {
  const read = readers(ctx, plan);
  const specs: MetricSpec[] = plan.metrics.map((metric, i) => ({
    name: metric.name,
    failure: metric.failure,
    success: metric.success,
    noData: metric.noData,
    failureLimit: metric.failureLimit,
    read: read[i] as Reader,
  }));
  ctx.log.info(
    `Analyzing ${specs.length} metric(s): ${plan.count} measurement(s) every ${formatMs(plan.intervalMs)}${plan.initialDelayMs ? ` after ${formatMs(plan.initialDelayMs)}` : ""}.`,
  );
  const analysis = await analyze(specs, {
    intervalMs: plan.intervalMs,
    count: plan.count,
    initialDelayMs: plan.initialDelayMs,
    consecutiveErrorLimit: plan.consecutiveErrorLimit,
    signal: ctx.signal,
    onMeasurement: (m, metric) => {
      const what =
        m.outcome === "error" ? `error: ${m.error}` : `${shown(m.value)}${m.series ? ` (${m.series})` : ""}`;
      const settled = metric.status === "running" ? "" : ` → ${metric.status}`;
      ctx.log.info(`[${m.metric}] round ${m.round}: ${what} — ${m.outcome}${settled}`);
    },
  });
  const path = join(ctx.run.temp ?? tmpdir(), `analyze-measurements-${process.pid}-${Date.now()}.json`);
  const file = {
    verdict: analysis.verdict,
    rounds: analysis.rounds,
    stoppedEarly: analysis.stoppedEarly,
    metrics: analysis.metrics.map(({ measurements: _, ...metric }) => metric),
    measurements: analysis.metrics.flatMap((metric) => metric.measurements),
  };
  // JSON has no NaN or ±Inf: written as Prometheus writes them, as text. Errors may quote a provider's answer.
  const json = JSON.stringify(
    file,
    (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v),
    2,
  );
  await writeFile(path, `${redact(json)}\n`);
  return { analysis, measurements: path };
}
