import { type SimRequest, type SimResponse, SimServer } from "./server.ts";

export const SIM_DATADOG_API_KEY = "dd-api-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
export const SIM_DATADOG_APP_KEY = "dd-app-f9e8d7c6b5a4938271605f4e3d2c1b0a9f8e7d6c";

/** One series the simulated Datadog returns: its scope (tags) and the value at each point, null for no data. */
export interface DatadogSeries {
  scope: string;
  value: (ms: number) => number | null;
}

/**
 * A local server answering `GET /api/v1/query` as Datadog documents it
 * (https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points): `from`/`to` in seconds, keys in
 * `DD-API-KEY` and `DD-APPLICATION-KEY` (403 `{"errors": ["Forbidden"]}` otherwise), 400 with `errors[]`
 * for a missing parameter or a query Datadog cannot parse, `series[].pointlist` of `[ms, value|null]`, and
 * an empty `series` for a metric with no data. Points come every `stepSeconds` (Datadog rolls up to an
 * interval it picks; tests only rely on there being some).
 */
export class DatadogSimulator {
  readonly server: SimServer;
  private readonly queries = new Map<string, DatadogSeries[]>();
  private readonly rejected = new Map<string, string>();
  stepSeconds = 1;

  constructor() {
    this.server = new SimServer((request) => this.handle(request));
  }

  get requests(): SimRequest[] {
    return this.server.requests;
  }

  /** What `query` returns; a query never set answers an empty series (no data). */
  set(query: string, series: DatadogSeries[]): this {
    this.queries.set(query, series);
    return this;
  }

  /** `query` answers 400 as a query Datadog cannot parse. */
  reject(query: string, message: string): this {
    this.rejected.set(query, message);
    return this;
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method !== "GET" || request.path !== "/api/v1/query") {
      return { status: 404, body: { errors: ["Not found"] } };
    }
    if (
      request.headers["dd-api-key"] !== SIM_DATADOG_API_KEY ||
      request.headers["dd-application-key"] !== SIM_DATADOG_APP_KEY
    ) {
      return { status: 403, body: { errors: ["Forbidden"] } };
    }
    const from = Number(request.query.get("from"));
    const to = Number(request.query.get("to"));
    const query = request.query.get("query") ?? "";
    for (const [name, value] of [
      ["from", request.query.get("from")],
      ["to", request.query.get("to")],
      ["query", request.query.get("query")],
    ]) {
      if (!value) return { status: 400, body: { errors: [`The parameter '${name}' is required`] } };
    }
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
      return { status: 400, body: { errors: ["'from' and 'to' must be POSIX timestamps in seconds"] } };
    }
    const rejection = this.rejected.get(query);
    if (rejection) return { status: 400, body: { errors: [rejection] } };
    const step = this.stepSeconds;
    const series = (this.queries.get(query) ?? []).map((s) => {
      const pointlist: Array<[number, number | null]> = [];
      for (let t = from; t <= to; t += step) pointlist.push([t * 1000, s.value(t * 1000)]);
      return {
        metric: query,
        display_name: query,
        query_index: 0,
        aggr: null,
        scope: s.scope,
        tag_set: s.scope === "*" ? [] : s.scope.split(","),
        expression: query,
        unit: null,
        pointlist,
        start: from * 1000,
        end: to * 1000,
        interval: step,
        length: pointlist.length,
      };
    });
    return {
      status: 200,
      body: {
        status: "ok",
        res_type: "time_series",
        resp_version: 1,
        query,
        from_date: from * 1000,
        to_date: to * 1000,
        series,
        values: [],
        times: [],
        message: "",
        group_by: [],
      },
    };
  }
}

/**
 * The local drill's "application metrics": a Prometheus exporter (`/metrics`, the text exposition format,
 * counters `http_requests_total{code}` advancing at `rps`) and a JSON endpoint (`/stats`, `{errorRate,
 * requests}`) for `provider: web`. The error rate is read on every request, so the drill can tie it to
 * whatever serves (a bad deployment raises it; the rollback brings it down).
 */
export class MetricsSource {
  readonly server: SimServer;
  private readonly errorRate: () => number;
  private readonly rps: number;
  private ok = 0;
  private failed = 0;
  private last = Date.now();

  constructor(options: { errorRate: number | (() => number); rps?: number }) {
    const { errorRate } = options;
    this.errorRate = typeof errorRate === "number" ? () => errorRate : errorRate;
    this.rps = options.rps ?? 50;
    this.server = new SimServer((request) => this.handle(request));
  }

  start(port = 0): Promise<string> {
    this.last = Date.now();
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Advances the counters to now at the current error rate. */
  private advance(): void {
    const now = Date.now();
    const requests = (this.rps * (now - this.last)) / 1000;
    const rate = Math.min(1, Math.max(0, this.errorRate()));
    this.ok += requests * (1 - rate);
    this.failed += requests * rate;
    this.last = now;
  }

  private handle(request: SimRequest): SimResponse {
    this.advance();
    if (request.path === "/metrics") {
      const body = [
        "# HELP http_requests_total Requests served, by status code.",
        "# TYPE http_requests_total counter",
        `http_requests_total{code="200"} ${this.ok.toFixed(3)}`,
        `http_requests_total{code="500"} ${this.failed.toFixed(3)}`,
        "",
      ].join("\n");
      return { status: 200, body, headers: { "content-type": "text/plain; version=0.0.4" } };
    }
    if (request.path === "/stats") {
      return {
        status: 200,
        body: { errorRate: this.errorRate(), requests: Math.round(this.ok + this.failed) },
      };
    }
    return { status: 404, body: { error: "not found" } };
  }
}
