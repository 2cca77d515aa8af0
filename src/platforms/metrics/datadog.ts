import { z } from "zod";
import { HttpClient, type HttpClientOptions } from "../../core/http.ts";
import { fromHttpError, MetricsError, type SeriesValue, type Window } from "./types.ts";

export const DEFAULT_DATADOG_SITE = "datadoghq.com";

export type Aggregation = "avg" | "last" | "max" | "min" | "sum";

export interface DatadogOptions {
  apiKey: string;
  appKey: string;
  /** `datadoghq.com`, `datadoghq.eu`, `us3.datadoghq.com`, `us5.datadoghq.com`, `ap1.datadoghq.com`, `ddog-gov.com`. */
  site?: string;
  /** Overrides the site's API URL (a proxy, the local simulator). */
  apiUrl?: string;
  log?: (line: string) => void;
  http?: Partial<Omit<HttpClientOptions, "baseUrl" | "platform" | "headers">>;
}

// GET /api/v1/query (https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points): each series'
// pointlist holds [ms, value] pairs whose value is null where the metric had no data.
const answer = z
  .object({
    status: z.string().optional(),
    error: z.string().optional(),
    series: z
      .array(
        z
          .object({
            pointlist: z.array(z.tuple([z.number(), z.number().nullable()])).default([]),
            scope: z.string().optional(),
            expression: z.string().optional(),
            display_name: z.string().optional(),
          })
          .loose(),
      )
      .default([]),
  })
  .loose();
const errorBody = z.object({ errors: z.array(z.string()) }).loose();

export function datadogApiUrl(site: string): string {
  return `https://api.${site.replace(/^(https?:\/\/)?(api\.)?/, "").replace(/\/+$/, "")}`;
}

function reduce(values: number[], aggregation: Aggregation): number {
  if (aggregation === "last") return values[values.length - 1] as number;
  if (aggregation === "max") return Math.max(...values);
  if (aggregation === "min") return Math.min(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return aggregation === "sum" ? sum : sum / values.length;
}

/** Datadog's timeseries query over each measurement's window, one number per series. */
export class DatadogClient {
  private readonly http: HttpClient;

  constructor(options: DatadogOptions) {
    this.http = new HttpClient({
      baseUrl: options.apiUrl ?? datadogApiUrl(options.site ?? DEFAULT_DATADOG_SITE),
      platform: "Datadog",
      headers: { "DD-API-KEY": options.apiKey, "DD-APPLICATION-KEY": options.appKey },
      timeoutMs: 15_000,
      retries: 2,
      errorDetails: (body) => {
        const parsed = errorBody.safeParse(body);
        return parsed.success ? { message: parsed.data.errors.join("; ") } : undefined;
      },
      onRetry: ({ attempt, reason }) => options.log?.(`Datadog: ${reason}, retrying (retry ${attempt})`),
      ...options.http,
    });
  }

  get requestCount(): number {
    return this.http.requestCount;
  }

  /** Points with no data (null) are left out; a series with none left is no data, never 0. */
  async query(query: string, window: Window, aggregation: Aggregation): Promise<SeriesValue[]> {
    let data: z.infer<typeof answer>;
    try {
      const response = await this.http.request({
        path: "/api/v1/query",
        query: {
          from: Math.floor(window.startMs / 1000),
          to: Math.ceil(window.endMs / 1000),
          query,
        },
        schema: answer,
      });
      data = response.data;
    } catch (error) {
      fromHttpError("datadog", error, (status) =>
        status === 400
          ? "Check the query in a Datadog notebook or the Metrics Explorer."
          : status === 403
            ? "Check datadog-api-key, datadog-app-key (with the timeseries_query scope) and datadog-site."
            : "",
      );
    }
    if (data.status === "error" || data.error) {
      throw new MetricsError("datadog", `Datadog rejected the query: ${data.error ?? "no message"}`, {
        permanent: true,
      });
    }
    const values: SeriesValue[] = [];
    for (const series of data.series) {
      const points = series.pointlist
        .filter(([, value]) => value !== null)
        .map(([, value]) => value as number);
      if (points.length === 0) continue;
      values.push({
        series: series.scope && series.scope !== "*" ? series.scope : "",
        value: reduce(points, aggregation),
      });
    }
    return values;
  }
}
