import { HttpClient, type HttpClientOptions } from "../../core/http.ts";
import { jsonPath } from "../../smoke/checks.ts";
import { fromHttpError, MetricsError, parseNumber, type SeriesValue } from "./types.ts";

export interface WebMetric {
  url: string;
  headers: Record<string, string>;
  /** Dotted path as in smoke-test (`data.errorRate`, `items.0.value`, optional leading `$.`). */
  jsonPath: string;
}

/** Any JSON endpoint: the number at a path (a list of numbers gives one series per item). */
export class WebMetricsClient {
  private readonly http: HttpClient;

  constructor(
    options: { log?: (line: string) => void; http?: Partial<Omit<HttpClientOptions, "platform">> } = {},
  ) {
    this.http = new HttpClient({
      baseUrl: "http://unused.invalid",
      platform: "Metrics endpoint",
      timeoutMs: 15_000,
      retries: 2,
      onRetry: ({ attempt, reason }) =>
        options.log?.(`Metrics endpoint: ${reason}, retrying (retry ${attempt})`),
      ...options.http,
    });
  }

  get requestCount(): number {
    return this.http.requestCount;
  }

  async read(metric: WebMetric): Promise<SeriesValue[]> {
    let body: unknown;
    try {
      body = (await this.http.request({ path: metric.url, headers: metric.headers })).data;
    } catch (error) {
      fromHttpError("web", error, (status) =>
        status === 401 || status === 403
          ? "Check the metric's headers."
          : status === 404
            ? "Check the metric's url."
            : "",
      );
    }
    if (typeof body !== "object" || body === null) {
      throw new MetricsError("web", `${metric.url} did not answer JSON.`, { permanent: true });
    }
    const found = jsonPath(body, metric.jsonPath);
    if (!found.found || found.value === null) return [];
    if (Array.isArray(found.value)) {
      return found.value.flatMap((item, index) => {
        const value = toNumber(item, `${metric.jsonPath}.${index}`);
        return value === undefined ? [] : [{ series: `${metric.jsonPath}.${index}`, value }];
      });
    }
    const value = toNumber(found.value, metric.jsonPath);
    return value === undefined ? [] : [{ series: "", value }];
  }
}

function toNumber(value: unknown, path: string): number | undefined {
  if (value === null) return undefined;
  if (typeof value === "number") return value;
  const parsed = typeof value === "string" ? parseNumber(value) : undefined;
  if (parsed === undefined) {
    throw new MetricsError("web", `JSON ${path} is ${JSON.stringify(value)}, which is not a number.`, {
      permanent: true,
    });
  }
  return parsed;
}
