import { z } from "zod";
import { HttpClient, type HttpClientOptions } from "../../core/http.ts";
import { fromHttpError, MetricsError, parseNumber, type SeriesValue, type Window } from "./types.ts";

export interface PrometheusOptions {
  /** Server root, e.g. `https://prometheus.example.com` (the `/api/v1/query` path is added). */
  url: string;
  headers?: Record<string, string>;
  log?: (line: string) => void;
  http?: Partial<Omit<HttpClientOptions, "baseUrl" | "platform" | "headers">>;
}

// Prometheus HTTP API, https://prometheus.io/docs/prometheus/latest/querying/api/: every answer is this
// envelope; sample values are strings ("0.05", "NaN", "+Inf").
const sample = z.tuple([z.number(), z.string()]);
const envelope = z
  .object({
    status: z.string(),
    data: z.object({ resultType: z.string(), result: z.unknown() }).loose().optional(),
    errorType: z.string().optional(),
    error: z.string().optional(),
    warnings: z.array(z.string()).optional(),
  })
  .loose();
const vector = z.array(z.object({ metric: z.record(z.string(), z.string()), value: sample }).loose());

/** `name{label="value", …}` as Prometheus prints a series. */
export function seriesName(labels: Record<string, string>): string {
  const { __name__: name = "", ...rest } = labels;
  const pairs = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return pairs.length ? `${name}{${pairs.join(", ")}}` : name;
}

/** Instant queries against the Prometheus HTTP API (and servers speaking it: Thanos, Mimir, VictoriaMetrics). */
export class PrometheusClient {
  private readonly http: HttpClient;

  constructor(options: PrometheusOptions) {
    this.http = new HttpClient({
      baseUrl: options.url,
      platform: "Prometheus",
      headers: options.headers,
      timeoutMs: 15_000,
      retries: 2,
      errorDetails: (body) => {
        const parsed = envelope.safeParse(body);
        return parsed.success ? { code: parsed.data.errorType, message: parsed.data.error } : undefined;
      },
      onRetry: ({ attempt, reason }) => options.log?.(`Prometheus: ${reason}, retrying (retry ${attempt})`),
      ...options.http,
    });
  }

  get requestCount(): number {
    return this.http.requestCount;
  }

  /** The query's value at the end of the window: one entry per series, none when nothing matched. */
  async query(query: string, window: Window): Promise<SeriesValue[]> {
    let data: z.infer<typeof envelope>;
    try {
      const response = await this.http.request({
        path: "/api/v1/query",
        query: { query, time: (window.endMs / 1000).toFixed(3) },
        schema: envelope,
      });
      data = response.data;
    } catch (error) {
      fromHttpError("prometheus", error, (status) =>
        status === 400
          ? "Check the query in the Prometheus UI (Graph tab)."
          : status === 401 || status === 403
            ? "Check prometheus-headers (an Authorization header for a hosted Prometheus)."
            : "",
      );
    }
    if (data.status !== "success" || !data.data) {
      throw new MetricsError(
        "prometheus",
        `Prometheus answered ${data.errorType ?? data.status}: ${data.error ?? "no data"}`,
        {
          code: data.errorType,
        },
      );
    }
    return values(data.data.resultType, data.data.result);
  }
}

function number(text: string, series: string): number {
  const value = parseNumber(text);
  if (value === undefined) {
    throw new MetricsError(
      "prometheus",
      `Prometheus returned ${JSON.stringify(text)}${series ? ` for ${series}` : ""}, which is not a number.`,
      {
        permanent: true,
      },
    );
  }
  return value;
}

function values(resultType: string, result: unknown): SeriesValue[] {
  if (resultType === "vector") {
    const parsed = vector.safeParse(result);
    if (!parsed.success)
      throw new MetricsError("prometheus", "Prometheus returned a vector this client does not understand.");
    return parsed.data.map(({ metric, value }) => {
      const series = seriesName(metric);
      return { series, value: number(value[1], series) };
    });
  }
  if (resultType === "scalar" || resultType === "string") {
    const parsed = sample.safeParse(result);
    if (!parsed.success)
      throw new MetricsError(
        "prometheus",
        `Prometheus returned a ${resultType} this client does not understand.`,
      );
    return [{ series: "", value: number(parsed.data[1], "") }];
  }
  throw new MetricsError(
    "prometheus",
    `The query returns a ${resultType}; analyze needs one number per series: end it in an instant vector, e.g. sum(rate(http_requests_total[5m])) rather than http_requests_total[5m].`,
    { permanent: true },
  );
}
