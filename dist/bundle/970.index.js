export const id = 970;
export const ids = [970];
export const modules = {

/***/ 6589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ actions_analyze)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/platforms/metrics/types.ts

/**
 * A provider could not give a value. `permanent`: asking again will not help (a query the provider
 * rejects, a key it refuses), so the metric stops at once instead of spending its error budget.
 */
class MetricsError extends Error {
    name = "MetricsError";
    provider;
    status;
    code;
    permanent;
    constructor(provider, message, options = {}) {
        super(message);
        this.provider = provider;
        this.status = options.status;
        this.code = options.code;
        this.permanent = options.permanent ?? false;
    }
}
/** Turns a failed request into a MetricsError; 400, 401, 403 and 404 are the caller's to fix. */
function fromHttpError(provider, error, hint) {
    if (error instanceof http/* HttpError */.j$) {
        const status = error.status;
        const permanent = status !== undefined && [400, 401, 403, 404].includes(status);
        const advice = status === undefined ? "" : hint(status);
        throw new MetricsError(provider, `${error.message}${advice ? ` ${advice}` : ""}`, {
            status,
            code: error.code,
            permanent,
        });
    }
    throw error;
}
/** A provider's number as text: Prometheus and others write NaN and ±Inf this way. */
function parseNumber(text) {
    const trimmed = text.trim();
    if (/^[+]?inf(inity)?$/i.test(trimmed))
        return Number.POSITIVE_INFINITY;
    if (/^-inf(inity)?$/i.test(trimmed))
        return Number.NEGATIVE_INFINITY;
    if (/^nan$/i.test(trimmed))
        return Number.NaN;
    if (trimmed === "")
        return undefined;
    const value = Number(trimmed);
    return Number.isNaN(value) ? undefined : value;
}

;// CONCATENATED MODULE: ./src/analyze/judge.ts
const NO_DATA = {
    fail: "failed",
    pass: "successful",
    inconclusive: "inconclusive",
};
const RANK = { successful: 0, inconclusive: 1, failed: 2 };
/**
 * Argo's rules for one value: the failure condition met → failed; else the success condition decides
 * (met → successful; not met → failed, or inconclusive when a failure condition exists too); with only a
 * failure condition, not met → successful. NaN is no data unless a condition asks `isNaN(result)`:
 * `NaN > 0.05` is false, and a rate over zero requests must not pass by accident.
 */
function judgeValue(rule, value) {
    const asksNaN = rule.failure?.handlesNaN || rule.success?.handlesNaN;
    if (Number.isNaN(value) && !asksNaN)
        return "no-data";
    if (rule.failure?.test(value))
        return "failed";
    if (rule.success)
        return rule.success.test(value) ? "successful" : rule.failure ? "inconclusive" : "failed";
    return "successful";
}
/** Several series (one per label set) are judged one by one; the worst decides the measurement. */
function judge(rule, values) {
    let worst;
    for (const { series, value } of values) {
        const verdict = judgeValue(rule, value);
        const judged = verdict === "no-data"
            ? { outcome: NO_DATA[rule.noData], value, series, noData: true }
            : { outcome: verdict, value, series, noData: false };
        if (!worst || RANK[judged.outcome] > RANK[worst.outcome])
            worst = judged;
    }
    return worst ?? { outcome: NO_DATA[rule.noData], noData: true };
}

;// CONCATENATED MODULE: ./src/analyze/engine.ts


function sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            resolve();
        }
        signal?.addEventListener("abort", done, { once: true });
    });
}
/** A measurement that is evidence of health: a real value that passed (`no-data: pass` only tolerates a gap). */
function passed(result) {
    return result.measurements.filter((m) => m.outcome === "successful" && !m.noData).length;
}
/** An error measurement does not use up one of `count`: a pass always rests on `count` real values. */
function budget(options) {
    return options.count + options.consecutiveErrorLimit;
}
function record(spec, result, m, options, permanent) {
    result.measurements.push(m);
    if (m.outcome === "error") {
        result.errors++;
        result.consecutiveErrors++;
    }
    else {
        result.consecutiveErrors = 0;
        result[m.outcome]++;
    }
    const taken = result.successful + result.failed + result.inconclusive;
    if (result.failed > spec.failureLimit) {
        result.status = "fail";
        const values = result.measurements.filter((x) => x.outcome === "failed").map((x) => x.value ?? "no data");
        result.reason = `${result.failed} of ${taken} measurements failed (failure-limit ${spec.failureLimit}): ${values.join(", ")}`;
    }
    else if (m.outcome === "error" &&
        (permanent || result.consecutiveErrors > options.consecutiveErrorLimit)) {
        result.status = "error";
        result.reason = permanent
            ? `the provider refused the query: ${m.error}`
            : `${result.consecutiveErrors} provider errors in a row (consecutive-error-limit ${options.consecutiveErrorLimit}): ${m.error}`;
    }
    else if (taken >= options.count) {
        const evidence = passed(result);
        if (result.inconclusive > 0) {
            result.status = "inconclusive";
            result.reason = `${result.inconclusive} of ${taken} measurements inconclusive (no data, or neither condition met)`;
        }
        else if (evidence === 0) {
            // A pass needs one value that passed: every measurement failing "within the limit" is a failure, and
            // gaps alone (no-data: pass) prove nothing.
            result.status = result.failed > 0 ? "fail" : "inconclusive";
            result.reason = result.failed
                ? `none of ${taken} measurements passed (${result.failed} failed, failure-limit ${spec.failureLimit})`
                : `none of ${taken} measurements had data (no-data: pass tolerates gaps, but a pass needs one value that passed)`;
        }
        else {
            result.status = "pass";
            const gaps = result.successful - evidence;
            result.reason = `${evidence} of ${taken} measurements successful${gaps ? `, ${gaps} without data` : ""}${result.failed ? `, ${result.failed} failed (within failure-limit ${spec.failureLimit})` : ""}`;
        }
    }
    else if (result.measurements.length >= budget(options)) {
        result.status = "error";
        result.reason = `only ${taken} of ${options.count} measurements succeeded; ${result.errors} provider errors`;
    }
}
/** What a metric may still end as, for stopping as soon as the verdict cannot change. */
function possible(spec, r, options) {
    if (r.status === "pass" || r.status === "fail")
        return new Set([r.status]);
    if (r.status !== "running")
        return new Set(["inconclusive"]);
    const taken = r.successful + r.failed + r.inconclusive;
    const left = Math.min(options.count - taken, budget(options) - r.measurements.length);
    const out = new Set(["inconclusive"]);
    const evidence = passed(r);
    // With no value passed yet, the window may still end with every measurement failed: a failure.
    if (r.failed + left > spec.failureLimit || evidence === 0)
        out.add("fail");
    if (r.inconclusive === 0 && evidence + left > 0)
        out.add("pass");
    return out;
}
/** Fail closed: any failed metric fails the analysis; errors, no data or unfinished windows never pass. */
function combine(statuses) {
    const out = new Set();
    if (statuses.some((s) => s.has("fail")))
        out.add("fail");
    if (statuses.every((s) => s.has("pass")))
        out.add("pass");
    if (statuses.every((s) => s.has("pass") || s.has("inconclusive")) &&
        statuses.some((s) => s.has("inconclusive")))
        out.add("inconclusive");
    return out;
}
async function measure(spec, round, options, now) {
    const endMs = now();
    const time = new Date(endMs).toISOString();
    try {
        const values = await spec.read({ startMs: endMs - options.intervalMs, endMs });
        const judged = judge(spec, values);
        const measurement = {
            metric: spec.name,
            round,
            time,
            value: judged.value,
            series: judged.series || undefined,
            values: values.length > 1 ? values : undefined,
            outcome: judged.outcome,
            noData: judged.noData || undefined,
        };
        return { measurement, permanent: false };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const measurement = { metric: spec.name, round, time, outcome: "error", error: message };
        return { measurement, permanent: error instanceof MetricsError && error.permanent };
    }
}
/**
 * Argo-style analysis: after `initialDelayMs`, one round every `intervalMs` measures every unsettled
 * metric at once (one request each), until each has `count` measurements, or stops early once the
 * verdict can no longer change.
 */
async function analyze(specs, options) {
    const now = options.now ?? Date.now;
    const results = specs.map((spec) => ({
        name: spec.name,
        status: "running",
        reason: "",
        measurements: [],
        successful: 0,
        failed: 0,
        inconclusive: 0,
        errors: 0,
        consecutiveErrors: 0,
    }));
    await sleep(options.initialDelayMs, options.signal);
    const start = now();
    let round = 0;
    let settled = combine(specs.map((spec, i) => possible(spec, results[i], options)));
    while (settled.size > 1 && !options.signal?.aborted) {
        round++;
        const running = results.flatMap((result, i) => (result.status === "running" ? [i] : []));
        const taken = await Promise.all(running.map((i) => measure(specs[i], round, options, now)));
        taken.forEach(({ measurement, permanent }, k) => {
            const i = running[k];
            const result = results[i];
            record(specs[i], result, measurement, options, permanent);
            options.onMeasurement?.(measurement, result);
        });
        settled = combine(specs.map((spec, i) => possible(spec, results[i], options)));
        if (settled.size > 1)
            await sleep(start + round * options.intervalMs - now(), options.signal);
    }
    const cancelled = settled.size > 1;
    let stoppedEarly = false;
    for (const result of results) {
        if (result.status !== "running")
            continue;
        stoppedEarly = !cancelled;
        result.status = "unfinished";
        result.reason = cancelled
            ? "cancelled before its window ended"
            : "not measured to the end: the verdict could no longer change";
    }
    const verdict = cancelled ? "inconclusive" : ([...settled][0] ?? "inconclusive");
    return { verdict, metrics: results, rounds: round, stoppedEarly, cancelled };
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/platforms/metrics/datadog.ts



const DEFAULT_DATADOG_SITE = "datadoghq.com";
// GET /api/v1/query (https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points): each series'
// pointlist holds [ms, value] pairs whose value is null where the metric had no data.
const answer = schemas/* object */.Ikc({
    status: schemas/* string */.YjP().optional(),
    error: schemas/* string */.YjP().optional(),
    series: schemas/* array */.YOg(schemas/* object */.Ikc({
        pointlist: schemas/* array */.YOg(schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* number */.aig().nullable()])).default([]),
        scope: schemas/* string */.YjP().optional(),
        expression: schemas/* string */.YjP().optional(),
        display_name: schemas/* string */.YjP().optional(),
    })
        .loose())
        .default([]),
})
    .loose();
const errorBody = schemas/* object */.Ikc({ errors: schemas/* array */.YOg(schemas/* string */.YjP()) }).loose();
function datadogApiUrl(site) {
    return `https://api.${site.replace(/^(https?:\/\/)?(api\.)?/, "").replace(/\/+$/, "")}`;
}
function reduce(values, aggregation) {
    if (aggregation === "last")
        return values[values.length - 1];
    if (aggregation === "max")
        return Math.max(...values);
    if (aggregation === "min")
        return Math.min(...values);
    const sum = values.reduce((a, b) => a + b, 0);
    return aggregation === "sum" ? sum : sum / values.length;
}
/** Datadog's timeseries query over each measurement's window, one number per series. */
class DatadogClient {
    http;
    constructor(options) {
        this.http = new http/* HttpClient */.Qq({
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
    get requestCount() {
        return this.http.requestCount;
    }
    /** Points with no data (null) are left out; a series with none left is no data, never 0. */
    async query(query, window, aggregation) {
        let data;
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
        }
        catch (error) {
            fromHttpError("datadog", error, (status) => status === 400
                ? "Check the query in a Datadog notebook or the Metrics Explorer."
                : status === 403
                    ? "Check datadog-api-key, datadog-app-key (with the timeseries_query scope) and datadog-site."
                    : "");
        }
        if (data.status === "error" || data.error) {
            throw new MetricsError("datadog", `Datadog rejected the query: ${data.error ?? "no message"}`, {
                permanent: true,
            });
        }
        const values = [];
        for (const series of data.series) {
            const points = series.pointlist
                .filter(([, value]) => value !== null)
                .map(([, value]) => value);
            if (points.length === 0)
                continue;
            values.push({
                series: series.scope && series.scope !== "*" ? series.scope : "",
                value: reduce(points, aggregation),
            });
        }
        return values;
    }
}

;// CONCATENATED MODULE: ./src/platforms/metrics/prometheus.ts



// Prometheus HTTP API, https://prometheus.io/docs/prometheus/latest/querying/api/: every answer is this
// envelope; sample values are strings ("0.05", "NaN", "+Inf").
const sample = schemas/* tuple */.PVZ([schemas/* number */.aig(), schemas/* string */.YjP()]);
const envelope = schemas/* object */.Ikc({
    status: schemas/* string */.YjP(),
    data: schemas/* object */.Ikc({ resultType: schemas/* string */.YjP(), result: schemas/* unknown */.L5J() }).loose().optional(),
    errorType: schemas/* string */.YjP().optional(),
    error: schemas/* string */.YjP().optional(),
    warnings: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
})
    .loose();
const vector = schemas/* array */.YOg(schemas/* object */.Ikc({ metric: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()), value: sample }).loose());
/** `name{label="value", …}` as Prometheus prints a series. */
function seriesName(labels) {
    const { __name__: name = "", ...rest } = labels;
    const pairs = Object.entries(rest)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
    return pairs.length ? `${name}{${pairs.join(", ")}}` : name;
}
/** Instant queries against the Prometheus HTTP API (and servers speaking it: Thanos, Mimir, VictoriaMetrics). */
class PrometheusClient {
    http;
    constructor(options) {
        this.http = new http/* HttpClient */.Qq({
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
    get requestCount() {
        return this.http.requestCount;
    }
    /** The query's value at the end of the window: one entry per series, none when nothing matched. */
    async query(query, window) {
        let data;
        try {
            const response = await this.http.request({
                path: "/api/v1/query",
                query: { query, time: (window.endMs / 1000).toFixed(3) },
                schema: envelope,
            });
            data = response.data;
        }
        catch (error) {
            fromHttpError("prometheus", error, (status) => status === 400
                ? "Check the query in the Prometheus UI (Graph tab)."
                : status === 401 || status === 403
                    ? "Check prometheus-headers (an Authorization header for a hosted Prometheus)."
                    : "");
        }
        if (data.status !== "success" || !data.data) {
            throw new MetricsError("prometheus", `Prometheus answered ${data.errorType ?? data.status}: ${data.error ?? "no data"}`, {
                code: data.errorType,
            });
        }
        return values(data.data.resultType, data.data.result);
    }
}
function number(text, series) {
    const value = parseNumber(text);
    if (value === undefined) {
        throw new MetricsError("prometheus", `Prometheus returned ${JSON.stringify(text)}${series ? ` for ${series}` : ""}, which is not a number.`, {
            permanent: true,
        });
    }
    return value;
}
function values(resultType, result) {
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
            throw new MetricsError("prometheus", `Prometheus returned a ${resultType} this client does not understand.`);
        return [{ series: "", value: number(parsed.data[1], "") }];
    }
    throw new MetricsError("prometheus", `The query returns a ${resultType}; analyze needs one number per series: end it in an instant vector, e.g. sum(rate(http_requests_total[5m])) rather than http_requests_total[5m].`, { permanent: true });
}

// EXTERNAL MODULE: ./src/smoke/checks.ts
var checks = __webpack_require__(2844);
;// CONCATENATED MODULE: ./src/platforms/metrics/web.ts



/** Any JSON endpoint: the number at a path (a list of numbers gives one series per item). */
class WebMetricsClient {
    http;
    constructor(options = {}) {
        this.http = new http/* HttpClient */.Qq({
            baseUrl: "http://unused.invalid",
            platform: "Metrics endpoint",
            timeoutMs: 15_000,
            retries: 2,
            onRetry: ({ attempt, reason }) => options.log?.(`Metrics endpoint: ${reason}, retrying (retry ${attempt})`),
            ...options.http,
        });
    }
    get requestCount() {
        return this.http.requestCount;
    }
    async read(metric) {
        let body;
        try {
            body = (await this.http.request({ path: metric.url, headers: metric.headers })).data;
        }
        catch (error) {
            fromHttpError("web", error, (status) => status === 401 || status === 403
                ? "Check the metric's headers."
                : status === 404
                    ? "Check the metric's url."
                    : "");
        }
        if (typeof body !== "object" || body === null) {
            throw new MetricsError("web", `${metric.url} did not answer JSON.`, { permanent: true });
        }
        const found = (0,checks/* jsonPath */.U1)(body, metric.jsonPath);
        if (!found.found || found.value === null)
            return [];
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
function toNumber(value, path) {
    if (value === null)
        return undefined;
    if (typeof value === "number")
        return value;
    const parsed = typeof value === "string" ? parseNumber(value) : undefined;
    if (parsed === undefined) {
        throw new MetricsError("web", `JSON ${path} is ${JSON.stringify(value)}, which is not a number.`, {
            permanent: true,
        });
    }
    return parsed;
}

// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
;// CONCATENATED MODULE: ./src/platforms/railway/metrics.ts

/**
 * Railway's own HTTP metrics of a service (what its dashboard's "HTTP" tab shows): request counts per
 * status code and duration percentiles, so a Railway user measures error rate and latency with nothing
 * else set up. Both operations are validated against Railway's public schema in a test.
 */
const HTTP_METRICS_BY_STATUS_QUERY = `query HttpMetricsByStatus($serviceId: String!, $environmentId: String!, $startDate: DateTime!, $endDate: DateTime!, $stepSeconds: Int) {
  httpMetricsGroupedByStatus(serviceId: $serviceId, environmentId: $environmentId, startDate: $startDate, endDate: $endDate, stepSeconds: $stepSeconds) {
    statusCode
    samples {
      ts
      value
    }
  }
}`;
const HTTP_DURATION_METRICS_QUERY = `query HttpDurationMetrics($serviceId: String!, $environmentId: String!, $startDate: DateTime!, $endDate: DateTime!, $stepSeconds: Int) {
  httpDurationMetrics(serviceId: $serviceId, environmentId: $environmentId, startDate: $startDate, endDate: $endDate, stepSeconds: $stepSeconds) {
    samples {
      ts
      p95
    }
  }
}`;
const METRICS_OPERATIONS = {
    HttpMetricsByStatus: HTTP_METRICS_BY_STATUS_QUERY,
    HttpDurationMetrics: HTTP_DURATION_METRICS_QUERY,
};
const byStatus = schemas/* object */.Ikc({
    httpMetricsGroupedByStatus: schemas/* array */.YOg(schemas/* object */.Ikc({ statusCode: schemas/* number */.aig(), samples: schemas/* array */.YOg(schemas/* object */.Ikc({ ts: schemas/* number */.aig(), value: schemas/* number */.aig() })) })),
});
const durations = schemas/* object */.Ikc({
    httpDurationMetrics: schemas/* object */.Ikc({ samples: schemas/* array */.YOg(schemas/* object */.Ikc({ ts: schemas/* number */.aig(), p95: schemas/* number */.aig() })) }),
});
function variables(target, startMs, endMs) {
    // One sample for the whole window: the measurement is one number per interval anyway.
    const stepSeconds = Math.max(1, Math.round((endMs - startMs) / 1000));
    return {
        serviceId: target.serviceId,
        environmentId: target.environmentId,
        startDate: new Date(startMs).toISOString(),
        endDate: new Date(endMs).toISOString(),
        stepSeconds,
    };
}
/** Requests answered 5xx over all requests in the window; undefined when there were none (no data, never 0). */
async function httpErrorRate(client, target, startMs, endMs) {
    const data = await client.query("HttpMetricsByStatus", HTTP_METRICS_BY_STATUS_QUERY, variables(target, startMs, endMs), byStatus);
    let total = 0;
    let errors = 0;
    for (const group of data.httpMetricsGroupedByStatus) {
        const count = group.samples.reduce((sum, sample) => sum + sample.value, 0);
        total += count;
        if (group.statusCode >= 500)
            errors += count;
    }
    return total > 0 ? { rate: errors / total, errors, total } : undefined;
}
/** The highest p95 latency (ms) among the window's samples: the pessimistic reading; undefined without samples. */
async function httpP95(client, target, startMs, endMs) {
    const data = await client.query("HttpDurationMetrics", HTTP_DURATION_METRICS_QUERY, variables(target, startMs, endMs), durations);
    const samples = data.httpDurationMetrics.samples;
    return samples.length ? Math.max(...samples.map((sample) => sample.p95)) : undefined;
}

;// CONCATENATED MODULE: ./src/actions/analyze/apply.ts













/** Railway answers with errors[] for a token that may not read a service: asking again will not help. */
async function railwayRead(read) {
    try {
        return await read();
    }
    catch (error) {
        if (error instanceof railway_client/* RailwayError */.m9) {
            throw new MetricsError("railway", error.message, { code: error.code, permanent: error.notAuthorized });
        }
        if (error instanceof http/* HttpError */.j$)
            fromHttpError("railway", error, () => "");
        throw error;
    }
}
/** One reader per metric; clients are shared by the metrics of a provider. */
function readers(ctx, plan) {
    const { settings } = ctx;
    const log = (line) => ctx.log.info(line);
    let prometheus;
    let datadog;
    let railway;
    let web;
    return plan.metrics.map((metric) => {
        const q = metric.query;
        switch (q.provider) {
            case "prometheus":
                prometheus ??= new PrometheusClient({
                    url: settings["prometheus-url"],
                    headers: settings["prometheus-headers"],
                    log,
                });
                return (window) => prometheus.query(q.query, window);
            case "datadog":
                datadog ??= new DatadogClient({
                    apiKey: settings["datadog-api-key"],
                    appKey: settings["datadog-app-key"],
                    site: settings["datadog-site"],
                    apiUrl: settings["datadog-api-url"],
                    log,
                });
                return (window) => datadog.query(q.query, window, q.aggregation);
            case "railway": {
                const scope = plan.railway;
                if (!scope)
                    throw new Error("Railway metrics were planned without a resolved project.");
                railway ??= new railway_client/* RailwayClient */.xL({
                    token: settings["railway-token"],
                    tokenType: scope.tokenType,
                    apiUrl: settings["railway-api-url"],
                    logger: ctx.log,
                });
                const target = {
                    serviceId: scope.services[q.service],
                    environmentId: scope.environment.id,
                };
                const client = railway;
                return ({ startMs, endMs }) => railwayRead(async () => {
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
        return () => web.read(q);
    });
}
/** A value as the log, the table and the chart show it. */
function shown(value) {
    if (value === undefined)
        return "no data";
    return Number.isInteger(value) || !Number.isFinite(value)
        ? String(value)
        : String(Number(value.toPrecision(4)));
}
async function applyAnalyze(ctx, plan) {
    const read = readers(ctx, plan);
    const specs = plan.metrics.map((metric, i) => ({
        name: metric.name,
        failure: metric.failure,
        success: metric.success,
        noData: metric.noData,
        failureLimit: metric.failureLimit,
        read: read[i],
    }));
    ctx.log.info(`Analyzing ${specs.length} metric(s): ${plan.count} measurement(s) every ${(0,wait/* formatMs */._V)(plan.intervalMs)}${plan.initialDelayMs ? ` after ${(0,wait/* formatMs */._V)(plan.initialDelayMs)}` : ""}.`);
    const analysis = await analyze(specs, {
        intervalMs: plan.intervalMs,
        count: plan.count,
        initialDelayMs: plan.initialDelayMs,
        consecutiveErrorLimit: plan.consecutiveErrorLimit,
        signal: ctx.signal,
        onMeasurement: (m, metric) => {
            const what = m.outcome === "error" ? `error: ${m.error}` : `${shown(m.value)}${m.series ? ` (${m.series})` : ""}`;
            const settled = metric.status === "running" ? "" : ` → ${metric.status}`;
            ctx.log.info(`[${m.metric}] round ${m.round}: ${what} — ${m.outcome}${settled}`);
        },
    });
    const path = (0,external_node_path_.join)(ctx.run.temp ?? (0,external_node_os_.tmpdir)(), `analyze-measurements-${process.pid}-${Date.now()}.json`);
    const file = {
        verdict: analysis.verdict,
        rounds: analysis.rounds,
        stoppedEarly: analysis.stoppedEarly,
        metrics: analysis.metrics.map(({ measurements: _, ...metric }) => metric),
        measurements: analysis.metrics.flatMap((metric) => metric.measurements),
    };
    // JSON has no NaN or ±Inf: written as Prometheus writes them, as text. Errors may quote a provider's answer.
    const json = JSON.stringify(file, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v), 2);
    await (0,promises_.writeFile)(path, `${(0,secrets/* redact */.E$)(json)}\n`);
    return { analysis, measurements: path };
}

;// CONCATENATED MODULE: ./src/actions/analyze/explain.ts



/** Failures outside the measurements themselves (those are verdicts): resolving Railway services at plan time. */
function explainAnalyze(error, phase) {
    const message = (0,secrets/* errorMessage */.gJ)(error);
    if (phase === "plan" && error instanceof railway_client/* RailwayError */.m9) {
        const advice = error.notAuthorized
            ? "Check railway-token: a project token of the environment to measure, or an account/workspace token with railway-project."
            : "Check railway-project, railway-environment and the services named in metrics.";
        return `${message}. ${advice} No metric was measured.`;
    }
    if (phase === "plan" && error instanceof http/* HttpError */.j$) {
        return `${message}. Railway could not be reached to resolve the services in metrics; check railway-api-url and try again. No metric was measured.`;
    }
    return message;
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
;// CONCATENATED MODULE: ./src/actions/analyze/inputs.ts



const METRICS_EXAMPLE = '[{name: api-error-rate, provider: prometheus, query: "sum(rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))", failure-condition: "result > 0.05"}]';
const analyzeInputs = {
    metrics: inputs/* input */.hF.text({ required: true, example: METRICS_EXAMPLE }),
    interval: inputs/* input */.hF.duration("1m"),
    count: inputs/* input */.hF.number({ default: "5", min: 1, max: 1000, integer: true, example: "5" }),
    "initial-delay": inputs/* input */.hF.duration("0"),
    "consecutive-error-limit": inputs/* input */.hF.number({ default: "4", min: 0, max: 100, integer: true, example: "4" }),
    "prometheus-url": inputs/* input */.hF.url({ example: "https://prometheus.example.com" }),
    "prometheus-headers": inputs/* input */.hF.headers(),
    "datadog-api-key": inputs/* input */.hF.secret(),
    "datadog-app-key": inputs/* input */.hF.secret(),
    "datadog-site": inputs/* input */.hF.text({ default: DEFAULT_DATADOG_SITE, example: '"datadoghq.eu"' }),
    "datadog-api-url": inputs/* input */.hF.url({ example: "https://api.datadoghq.com" }),
    "railway-token": inputs/* input */.hF.secret(),
    "railway-project": inputs/* input */.hF.optional(),
    "railway-environment": inputs/* input */.hF.optional(),
    "railway-api-url": inputs/* input */.hF.url({ default: railway_client/* DEFAULT_API_URL */.rK, example: railway_client/* DEFAULT_API_URL */.rK }),
    fail: inputs/* input */.hF.boolean(true),
};

;// CONCATENATED MODULE: ./src/analyze/expression.ts
/**
 * Conditions over one measured number, `result`: comparisons, arithmetic, `and`/`or`/`not` (also `&&`,
 * `||`, `!`), parentheses and `isNaN(result)`. A small recursive-descent parser builds a tree that is
 * type-checked when parsed (a condition must be true/false and must use `result`) and evaluated by
 * walking it: no `eval`, no `Function`, nothing a condition can reach beyond its one number.
 */
class ExpressionError extends Error {
    name = "ExpressionError";
}
const num = (a) => a;
const bool = (a) => a;
/** Binary operators by precedence, loosest first: [spellings → operator, operand type, result type, apply]. */
const LEVELS = [
    { ops: { or: "or", "||": "or" }, operand: "boolean", apply: { or: (a, b) => bool(a) || bool(b) } },
    { ops: { and: "and", "&&": "and" }, operand: "boolean", apply: { and: (a, b) => bool(a) && bool(b) } },
    {
        ops: { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!=" },
        operand: "number",
        apply: {
            "<": (a, b) => num(a) < num(b),
            "<=": (a, b) => num(a) <= num(b),
            ">": (a, b) => num(a) > num(b),
            ">=": (a, b) => num(a) >= num(b),
            "==": (a, b) => a === b,
            "!=": (a, b) => a !== b,
        },
    },
    {
        ops: { "+": "+", "-": "-" },
        operand: "number",
        apply: { "+": (a, b) => num(a) + num(b), "-": (a, b) => num(a) - num(b) },
    },
    {
        ops: { "*": "*", "/": "/", "%": "%" },
        operand: "number",
        apply: { "*": (a, b) => num(a) * num(b), "/": (a, b) => num(a) / num(b), "%": (a, b) => num(a) % num(b) },
    },
];
const COMPARE = 2;
const NOT_LEVEL = 2; // `not` binds looser than comparisons, tighter than `and`
const APPLY = Object.assign({}, ...LEVELS.map((l) => l.apply));
function typeOf(node) {
    if (node.kind === "constant")
        return typeof node.value === "number" ? "number" : "boolean";
    if (node.kind === "result")
        return "number";
    if (node.kind === "unary")
        return node.op === "-" ? "number" : "boolean";
    return ["+", "-", "*", "/", "%"].includes(node.op) ? "number" : "boolean";
}
const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|&&|\|\||[<>!()+\-*/%])|(\S))/gy;
function tokenize(source) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
        const [whole, number, word, symbol, other] = match;
        const text = number ?? word ?? symbol ?? other ?? "";
        const at = match.index + whole.length - text.length + 1;
        if (other !== undefined) {
            const hint = other === "=" ? ' (compare with "==")' : /[&|]/.test(other) ? ' (use "and" / "or")' : "";
            throw new ExpressionError(`has an unexpected ${JSON.stringify(other)} at character ${at}${hint}.`);
        }
        tokens.push({ text, number: number !== undefined, at });
    }
    return tokens;
}
class Parser {
    index = 0;
    tokens;
    usesResult = false;
    usesNaN = false;
    constructor(tokens) {
        this.tokens = tokens;
    }
    accept(...texts) {
        const token = this.tokens[this.index];
        if (!token || !texts.includes(token.text))
            return undefined;
        this.index++;
        return token.text;
    }
    fail(expected) {
        const token = this.tokens[this.index];
        throw new ExpressionError(token
            ? `has an unexpected ${JSON.stringify(token.text)} at character ${token.at} (expected ${expected}).`
            : `ends too early (expected ${expected}).`);
    }
    typed(node, want, op) {
        if (typeOf(node) === want)
            return node;
        const got = typeOf(node) === "number" ? "a number" : "true/false";
        throw new ExpressionError(`uses "${op}" on ${got}, where ${want === "number" ? "a number" : "a comparison"} is needed.`);
    }
    parse() {
        if (this.tokens.length === 0)
            throw new ExpressionError("is empty.");
        const node = this.level(0);
        if (this.index < this.tokens.length)
            this.fail("an operator or the end");
        return node;
    }
    level(depth) {
        if (depth === NOT_LEVEL && this.accept("not", "!")) {
            return { kind: "unary", op: "not", arg: this.typed(this.level(depth), "boolean", "not") };
        }
        if (depth === LEVELS.length)
            return this.unary();
        const { ops, operand } = LEVELS[depth];
        let left = this.level(depth + 1);
        for (let text = this.accept(...Object.keys(ops)); text; text = this.accept(...Object.keys(ops))) {
            const op = ops[text];
            if (depth === COMPARE && typeOf(left) === "boolean") {
                throw new ExpressionError('chains comparisons: write "0.01 < result and result < 0.05".');
            }
            const right = this.level(depth + 1);
            left = {
                kind: "binary",
                op,
                left: this.typed(left, operand, op),
                right: this.typed(right, operand, op),
            };
        }
        return left;
    }
    unary() {
        if (this.accept("-"))
            return { kind: "unary", op: "-", arg: this.typed(this.unary(), "number", "-") };
        if (this.accept("+"))
            return this.typed(this.unary(), "number", "+");
        const token = this.tokens[this.index];
        if (!token)
            this.fail("result, a number or (");
        this.index++;
        if (token.number)
            return { kind: "constant", value: Number(token.text) };
        if (token.text === "(") {
            const inner = this.level(0);
            if (!this.accept(")"))
                this.fail('")"');
            return inner;
        }
        if (token.text === "result") {
            this.usesResult = true;
            return { kind: "result" };
        }
        if (token.text === "true" || token.text === "false")
            return { kind: "constant", value: token.text === "true" };
        if (token.text === "isNaN") {
            if (!this.accept("("))
                this.fail('"(" after isNaN');
            const arg = this.typed(this.level(0), "number", "isNaN");
            if (!this.accept(")"))
                this.fail('")"');
            this.usesNaN = true;
            return { kind: "unary", op: "isNaN", arg };
        }
        if (/^[A-Za-z_]/.test(token.text)) {
            throw new ExpressionError(`uses ${JSON.stringify(token.text)} at character ${token.at}, which it does not know: only result, numbers, and, or, not and isNaN(...) are allowed.`);
        }
        this.index--;
        this.fail("result, a number or (");
    }
}
function evaluate(node, result) {
    if (node.kind === "constant")
        return node.value;
    if (node.kind === "result")
        return result;
    if (node.kind === "unary") {
        const arg = evaluate(node.arg, result);
        return node.op === "-" ? -num(arg) : node.op === "not" ? !bool(arg) : Number.isNaN(arg);
    }
    // `and`/`or` need not evaluate both sides, but every side is a pure comparison: evaluating both is harmless.
    return APPLY[node.op](evaluate(node.left, result), evaluate(node.right, result));
}
function thresholds(node, out = []) {
    if (node.kind === "unary")
        thresholds(node.arg, out);
    if (node.kind !== "binary")
        return out;
    const sides = [node.left, node.right];
    if (LEVELS[COMPARE]?.ops[node.op] && sides.some((side) => side.kind === "result")) {
        for (const side of sides)
            if (side.kind === "constant" && typeof side.value === "number")
                out.push(side.value);
    }
    for (const side of sides)
        thresholds(side, out);
    return out;
}
/** Parses a condition; throws an ExpressionError whose message completes "The condition …". */
function parseCondition(source) {
    const parser = new Parser(tokenize(source));
    const tree = parser.parse();
    if (typeOf(tree) !== "boolean") {
        throw new ExpressionError('is a number, not a condition: compare it, e.g. "result > 0.05".');
    }
    if (!parser.usesResult) {
        throw new ExpressionError('does not use result, so it would never change: e.g. "result > 0.05".');
    }
    return {
        source,
        handlesNaN: parser.usesNaN,
        thresholds: [...new Set(thresholds(tree))],
        test: (result) => evaluate(tree, result) === true,
    };
}

;// CONCATENATED MODULE: ./src/analyze/metrics.ts


const PROVIDERS = ["prometheus", "datadog", "railway", "web"];
/** One bad entry of `metrics`: the message names the entry (and its name when it has one). */
class MetricsInputError extends Error {
    name = "MetricsInputError";
}
const metrics_text = schemas/* string */.YjP().trim().min(1, "must not be empty");
const common = {
    name: metrics_text.regex(/^[^\n"`|]+$/, 'must be one line without " ` or |'),
    "failure-condition": metrics_text.optional(),
    "success-condition": metrics_text.optional(),
    "failure-limit": schemas/* number */.aig().int().min(0).default(0),
    "no-data": schemas/* enum */.k5n(["fail", "pass", "inconclusive"]).default("inconclusive"),
};
const entry = schemas/* discriminatedUnion */.gMt("provider", [
    schemas/* object */.Ikc({ provider: schemas/* literal */.euz("prometheus"), query: metrics_text, ...common }).strict(),
    schemas/* object */.Ikc({
        provider: schemas/* literal */.euz("datadog"),
        query: metrics_text,
        aggregation: schemas/* enum */.k5n(["avg", "last", "max", "min", "sum"]).default("avg"),
        ...common,
    })
        .strict(),
    schemas/* object */.Ikc({
        provider: schemas/* literal */.euz("railway"),
        service: metrics_text,
        measure: schemas/* enum */.k5n(["error-rate", "p95-ms"]),
        ...common,
    })
        .strict(),
    schemas/* object */.Ikc({
        provider: schemas/* literal */.euz("web"),
        url: schemas/* url */.OZ5({ protocol: /^https?$/, error: "must be an http(s) URL" }),
        headers: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String))
            .default({}),
        "json-path": metrics_text,
        ...common,
    })
        .strict(),
]);
async function load(source) {
    try {
        return JSON.parse(source);
    }
    catch {
        // Not JSON: YAML, whose parser is only loaded by the runs that need it.
        try {
            const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
            return parse(source);
        }
        catch (error) {
            throw new MetricsInputError(`is not valid YAML or JSON (${error.message.split("\n")[0]}).`);
        }
    }
}
function where(raw, index) {
    const name = raw?.name;
    return `entry ${index + 1}${typeof name === "string" && name.trim() ? ` ("${name.trim()}")` : ""}`;
}
function condition(source, at, field) {
    if (source === undefined)
        return undefined;
    try {
        return parseCondition(source);
    }
    catch (error) {
        if (!(error instanceof ExpressionError))
            throw error;
        throw new MetricsInputError(`${at}: ${field} ${JSON.stringify(source)} ${error.message}`);
    }
}
function query(value) {
    switch (value.provider) {
        case "prometheus":
            return { provider: "prometheus", query: value.query };
        case "datadog":
            return { provider: "datadog", query: value.query, aggregation: value.aggregation };
        case "railway":
            return { provider: "railway", service: value.service, measure: value.measure };
        case "web":
            return { provider: "web", url: value.url, headers: value.headers, jsonPath: value["json-path"] };
    }
}
/**
 * Parses the `metrics` input (a YAML or JSON list). Throws a MetricsInputError naming the entry, the
 * field and the problem, for the caller to attach to the input's name; nothing is queried before.
 */
async function parseMetrics(source) {
    const raw = await load(source);
    if (!Array.isArray(raw) || raw.length === 0) {
        throw new MetricsInputError("must be a list with at least one metric.");
    }
    const seen = new Set();
    return raw.map((item, index) => {
        const at = where(item, index);
        const provider = item?.provider;
        if (typeof item !== "object" || item === null || Array.isArray(item)) {
            throw new MetricsInputError(`${at} is not a mapping with name, provider and a condition.`);
        }
        if (!PROVIDERS.includes(provider)) {
            throw new MetricsInputError(`${at}: provider is ${provider === undefined ? "missing" : JSON.stringify(provider)}; it must be one of: ${PROVIDERS.join(", ")}.`);
        }
        const parsed = entry.safeParse(item);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue?.path.join(".");
            const message = issue?.code === "unrecognized_keys"
                ? `has ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}, which provider ${provider} does not take`
                : `${field || "the entry"} ${issue?.message}`;
            throw new MetricsInputError(`${at}: ${message}.`);
        }
        const value = parsed.data;
        if (seen.has(value.name))
            throw new MetricsInputError(`${at}: the name "${value.name}" is used twice.`);
        seen.add(value.name);
        const failure = condition(value["failure-condition"], at, "failure-condition");
        const success = condition(value["success-condition"], at, "success-condition");
        if (!failure && !success) {
            throw new MetricsInputError(`${at} has neither failure-condition nor success-condition: give at least one.`);
        }
        return {
            name: value.name,
            query: query(value),
            failure,
            success,
            failureLimit: value["failure-limit"],
            noData: value["no-data"],
        };
    });
}

;// CONCATENATED MODULE: ./src/actions/analyze/plan.ts





const NEEDS = {
    prometheus: [{ input: "prometheus-url", example: "https://prometheus.example.com" }],
    datadog: [
        { input: "datadog-api-key", example: "${{ secrets.DATADOG_API_KEY }}" },
        { input: "datadog-app-key", example: "${{ secrets.DATADOG_APP_KEY }}" },
    ],
    railway: [{ input: "railway-token", example: "${{ secrets.RAILWAY_TOKEN }}" }],
};
/** Every problem with the inputs at once, before any query. */
function checkInputs(ctx, metrics) {
    const problems = [];
    const count = ctx.settings.count ?? 5;
    // With failure-limit ≥ count every measurement may fail and the metric still "pass".
    const tolerant = metrics.filter((m) => m.failureLimit >= count);
    if (tolerant.length) {
        problems.push((0,inputs/* inputError */.Xu)("metrics", `has failure-limit ≥ count (${count}) for ${tolerant.map((m) => `"${m.name}" (failure-limit ${m.failureLimit})`).join(", ")}: such a metric could pass with every measurement failed. Lower its failure-limit below count, or raise count.`, `failure-limit: ${Math.max(0, count - 1)} with count: ${count} ("fails only when all ${count} measurements fail")`).message);
    }
    for (const [provider, needs] of Object.entries(NEEDS)) {
        const users = metrics.filter((m) => m.query.provider === provider).map((m) => `"${m.name}"`);
        if (users.length === 0)
            continue;
        for (const need of needs) {
            if (ctx.settings[need.input] === undefined) {
                problems.push((0,inputs/* inputError */.Xu)(need.input, `is required by metric ${users.join(", ")} (provider: ${provider}).`, need.example).message);
            }
        }
    }
    if (problems.length)
        throw new inputs/* InputError */.dz(problems.join("\n"));
}
async function resolveRailway(ctx, metrics) {
    const wanted = [
        ...new Set(metrics.flatMap((m) => (m.query.provider === "railway" ? [m.query.service] : []))),
    ];
    if (wanted.length === 0)
        return undefined;
    const { settings } = ctx;
    const { client, scope } = await (0,railway_client/* connect */.Ng)({
        token: settings["railway-token"],
        tokenType: "auto",
        apiUrl: settings["railway-api-url"],
        logger: ctx.log,
    });
    let projectId = scope?.projectId;
    if (!projectId) {
        const given = settings["railway-project"];
        if (!given) {
            throw (0,inputs/* inputError */.Xu)("railway-project", "is required with an account or workspace token (a project token implies it).", '"shop" or the project id');
        }
        const projects = await client.projects();
        projectId = projects.find((p) => p.id === given || p.name === given)?.id;
        if (!projectId) {
            throw new Error(`Railway has no project "${given}" this token can see. Its projects: ${projects.map((p) => p.name).join(", ") || "none"}.`);
        }
    }
    const project = await client.project(projectId);
    const envWanted = settings["railway-environment"] ?? scope?.environmentId ?? "production";
    const environment = project.environments.find((e) => e.id === envWanted || e.name === envWanted);
    if (!environment || (scope && environment.id !== scope.environmentId)) {
        throw new Error(scope
            ? `The project token is scoped to another environment than "${envWanted}": leave railway-environment empty, or use a token of that environment.`
            : `Project "${project.name}" has no environment "${envWanted}". Its environments: ${project.environments.map((e) => e.name).join(", ")}.`);
    }
    const services = {};
    for (const name of wanted) {
        const service = project.services.find((s) => s.id === name || s.name === name);
        if (!service) {
            throw new Error(`Project "${project.name}" has no service "${name}" (metrics, provider: railway). Its services: ${project.services.map((s) => s.name).join(", ")}.`);
        }
        services[name] = service.id;
    }
    return { tokenType: client.tokenType, project: project.name, environment, services };
}
/** The metrics, checked and resolved (Railway services by name): reads only. */
async function planAnalyze(ctx) {
    let metrics;
    try {
        metrics = await parseMetrics(ctx.settings.metrics);
    }
    catch (error) {
        if (error instanceof MetricsInputError)
            throw (0,inputs/* inputError */.Xu)("metrics", error.message, METRICS_EXAMPLE);
        throw error;
    }
    checkInputs(ctx, metrics);
    // Header values of web metrics are credentials as often as not: masked like every secret input.
    for (const metric of metrics) {
        if (metric.query.provider !== "web")
            continue;
        for (const value of Object.values(metric.query.headers))
            if (value.length >= 4)
                ctx.tk.setSecret(value);
    }
    const { settings } = ctx;
    return {
        metrics,
        intervalMs: settings.interval,
        count: settings.count ?? 5,
        initialDelayMs: settings["initial-delay"],
        consecutiveErrorLimit: settings["consecutive-error-limit"] ?? 4,
        railway: await resolveRailway(ctx, metrics),
    };
}
function querySummary(metric) {
    const q = metric.query;
    if (q.provider === "railway")
        return `${q.measure} of ${q.service}`;
    if (q.provider === "web")
        return `${q.url} → ${q.jsonPath}`;
    return q.provider === "datadog" ? `${q.query} (${q.aggregation})` : q.query;
}
function conditionSummary(metric) {
    return [
        metric.failure && `fail when ${metric.failure.source}`,
        metric.success && `pass when ${metric.success.source}`,
    ]
        .filter(Boolean)
        .join("; ");
}
function describeAnalyze(plan, summary) {
    const delay = plan.initialDelayMs ? ` after ${(0,wait/* formatMs */._V)(plan.initialDelayMs)}` : "";
    summary.text(`${plan.metrics.length} metric${plan.metrics.length > 1 ? "s" : ""}, ${plan.count} measurement(s) each, every ${(0,wait/* formatMs */._V)(plan.intervalMs)}${delay}.`);
    summary.table(["Metric", "Provider", "Query", "Condition", "Failure limit", "No data"], plan.metrics.map((m) => [
        m.name,
        m.query.provider,
        querySummary(m),
        conditionSummary(m),
        m.failureLimit,
        m.noData,
    ]));
}

;// CONCATENATED MODULE: ./src/actions/analyze/chart.ts
/** Mermaid's number syntax has no exponent: plain decimals, at most 6 places. */
function plain(value) {
    const fixed = value.toFixed(6).replace(/\.?0+$/, "");
    return fixed === "-0" ? "0" : fixed;
}
/**
 * The metric's values over the window and its thresholds as flat lines, in Mermaid's `xychart-beta` (Mermaid
 * 10.5+), which github.com renders in Markdown, job summaries included; the table beside it carries the same
 * values for any renderer that does not. Measurements without a finite value (no data, errors, ±Inf) are
 * left out of the chart. Undefined when nothing is left to draw.
 */
function chart(definition, result) {
    const points = result.measurements.filter((m) => m.value !== undefined && Number.isFinite(m.value));
    if (points.length === 0)
        return undefined;
    const thresholds = [...(definition.failure?.thresholds ?? []), ...(definition.success?.thresholds ?? [])];
    const condition = [
        definition.failure && `fail when ${definition.failure.source}`,
        definition.success && `pass when ${definition.success.source}`,
    ]
        .filter(Boolean)
        .join(", ");
    const title = `${definition.name}: ${condition}`.replace(/["\n]/g, "'");
    const lines = [
        "```mermaid",
        "xychart-beta",
        `  title "${title}"`,
        `  x-axis "measurement" [${points.map((m) => `"${m.round}"`).join(", ")}]`,
        `  y-axis "${points[0]?.series ? "worst series" : "value"}"`,
        `  line [${points.map((m) => plain(m.value)).join(", ")}]`,
        ...thresholds.map((t) => `  line [${points.map(() => plain(t)).join(", ")}]`),
        "```",
    ];
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/actions/analyze/report.ts



const HEADLINE = {
    pass: "✅ pass",
    fail: "❌ fail",
    inconclusive: "⚠️ inconclusive",
};
const MARK = {
    pass: "✅ pass",
    fail: "❌ fail",
    inconclusive: "⚠️ inconclusive",
    error: "⚠️ error",
    unfinished: "⏭️ not finished",
};
function report_values(result) {
    return result.measurements
        .map((m) => {
        if (m.outcome === "error")
            return "error";
        const text = shown(m.value);
        return m.outcome === "failed" ? `**${text}**` : m.outcome === "inconclusive" ? `_${text}_` : text;
    })
        .join(" · ");
}
/** One line per metric that kept the analysis from passing. */
function reasons(analysis) {
    return analysis.metrics
        .filter((m) => m.status !== "pass" && m.status !== "unfinished")
        .map((m) => `${m.name}: ${m.status} — ${m.reason}`);
}
function summarize(summary, plan, run) {
    const { analysis } = run;
    summary.table(["Metric", "Verdict", "Condition", "Values (failed in bold, inconclusive in italics)", "Why"], analysis.metrics.map((result, i) => {
        const definition = plan.metrics[i];
        return [
            result.name,
            MARK[result.status] ?? result.status,
            definition && conditionSummary(definition),
            report_values(result),
            result.reason,
        ];
    }));
    const early = analysis.stoppedEarly
        ? " The analysis stopped early: the verdict could no longer change."
        : "";
    summary.text(`${analysis.rounds} round(s) of measurements.${early} Every measurement: \`${run.measurements}\`.`);
    analysis.metrics.forEach((result, i) => {
        const definition = plan.metrics[i];
        const drawn = definition && chart(definition, result);
        if (drawn)
            summary.text(drawn);
    });
}
function reportAnalyze(ctx, plan, run) {
    const { analysis } = run;
    const why = reasons(analysis);
    const reason = why.length ? why.join("; ") : `every metric passed ${plan.count} measurement(s)`;
    ctx.log.info(`Verdict: ${analysis.verdict} — ${reason}.`);
    const failed = analysis.metrics
        .filter((m) => m.status === "fail")
        .map((m) => ({
        name: m.name,
        reason: m.reason,
        values: m.measurements.filter((x) => x.outcome === "failed").map((x) => x.value ?? null),
    }));
    let failure;
    if (analysis.cancelled)
        failure = "The analysis was cancelled before its window ended: verdict inconclusive.";
    else if (analysis.verdict === "fail") {
        const message = `Analysis failed:\n${why.map((line) => `- ${line}`).join("\n")}`;
        if (ctx.settings.fail)
            failure = message;
        else
            ctx.log.warn(message);
    }
    else if (analysis.verdict === "inconclusive") {
        ctx.log.warn(`Analysis inconclusive (never a pass): ${reason}. A person should look before deciding.`);
    }
    return {
        status: analysis.verdict,
        headline: HEADLINE[analysis.verdict],
        outputs: {
            verdict: analysis.verdict,
            "failed-metrics": JSON.stringify(failed),
            measurements: run.measurements,
            reason,
        },
        summary: (summary) => summarize(summary, plan, run),
        failure,
    };
}

;// CONCATENATED MODULE: ./src/actions/analyze/index.ts






/** Decides from metrics whether production is healthy: Argo-style measurements against conditions. */
/* harmony default export */ const actions_analyze = ((0,action/* defineAction */.QP)({
    name: "analyze",
    title: "Analyze",
    inputs: analyzeInputs,
    readOnly: true,
    plan: planAnalyze,
    describe: describeAnalyze,
    apply: applyAnalyze,
    report: reportAnalyze,
    explain: explainAnalyze,
}));


/***/ }),

/***/ 2844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ parseChecks),
/* harmony export */   U1: () => (/* binding */ jsonPath),
/* harmony export */   Y8: () => (/* binding */ urlCheck),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   o4: () => (/* binding */ secretHeaderValues)
/* harmony export */ });
/* unused harmony export METHODS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);


const statusSpec = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(100).max(599),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(100).max(599)).min(1),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[1-5]xx$/, 'use a status code, a list of codes, or a class like "2xx"'),
]);
/** Methods a health check can use; anything else is a typo or an attempt to smuggle a request line. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** Header names whose values are credentials, masked like the `headers` input's values. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|key|auth|session|password/i;
const checkSchema = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_1__/* .url */ .OZ5({ protocol: /^https?$/, error: "must be an http(s) URL" }).refine((url) => {
        // zod runs this even when the URL check failed: leave that one to report.
        const parsed = URL.parse(url);
        return !parsed?.username && !parsed?.password;
    }, _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .CREDENTIALS_IN_URL */ .v0.replace(/^has/, "must not have").replace(/\.$/, "")),
    method: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .transform((method) => method.toUpperCase())
        .pipe(zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(METHODS, { error: `must be one of ${METHODS.join(", ")}` }))
        .default("GET"),
    headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()]).transform(String))
        .default({}),
    body: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()), zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())]).optional(),
    expect: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        status: statusSpec().optional(),
        "body-contains": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        "body-matches": zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        json: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional(),
        "max-ms": zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().optional(),
    })
        .strict()
        .default({}),
})
    .strict();
/** Built when a `checks` input is given: a run with `url` alone does not pay for it at start-up. */
const checksSchema = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(checkSchema()).min(1);
function statuses(spec) {
    if (spec === undefined)
        return undefined;
    if (typeof spec === "number")
        return [spec];
    if (Array.isArray(spec))
        return spec;
    const base = Number(spec[0]) * 100;
    return Array.from({ length: 100 }, (_, i) => base + i);
}
/**
 * Parses the `checks` input (YAML or JSON list). Throws an Error whose message names the offending
 * entry and field, for the caller to attach to the input's name.
 */
async function parseChecks(text) {
    if (!text.trim())
        return [];
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        // Not JSON: YAML, whose parser is only loaded by the runs that need it.
        try {
            const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
            raw = parse(text);
        }
        catch (error) {
            throw new Error(`is not valid YAML or JSON (${error.message.split("\n")[0]}).`);
        }
    }
    const result = checksSchema().safeParse(raw);
    if (!result.success) {
        const issue = result.error.issues[0];
        const [index, ...rest] = issue?.path ?? [];
        const where = typeof index === "number"
            ? `entry ${index + 1}${rest.length ? ` (${rest.join(".")})` : ""}`
            : "the list";
        throw new Error(`is wrong at ${where}: ${issue?.message}.`);
    }
    const patterns = result.data.some((entry) => entry.expect["body-matches"] !== undefined)
        ? await __webpack_require__.e(/* import() */ 856).then(__webpack_require__.bind(__webpack_require__, 2856))
        : undefined;
    return result.data.map((entry, index) => {
        let bodyMatches;
        const pattern = entry.expect["body-matches"];
        if (pattern !== undefined && patterns) {
            try {
                const compiled = patterns.RE2JS.compile(patterns.RE2JS.translateRegExp(pattern));
                bodyMatches = { source: pattern, test: (text) => compiled.test(text) };
            }
            catch (error) {
                throw new Error(`is wrong at entry ${index + 1} (expect.body-matches): ${error.message}. Patterns run in a linear-time engine (RE2 syntax): no lookarounds or backreferences.`);
            }
        }
        const headers = { ...entry.headers };
        let body;
        if (typeof entry.body === "string")
            body = entry.body;
        else if (entry.body !== undefined) {
            body = JSON.stringify(entry.body);
            headers["content-type"] ??= "application/json";
        }
        return {
            name: entry.name ?? `${entry.method} ${entry.url}`,
            url: entry.url,
            method: entry.method,
            headers,
            body,
            expect: {
                status: statuses(entry.expect.status),
                bodyContains: entry.expect["body-contains"],
                bodyMatches,
                json: entry.expect.json,
                maxMs: entry.expect["max-ms"],
            },
        };
    });
}
/** Values of the checks' own credential headers (`Authorization`, `X-Api-Key`, cookies), to mask. */
function secretHeaderValues(checks) {
    return checks.flatMap((check) => Object.entries(check.headers).flatMap(([name, value]) => (SECRET_HEADER.test(name) ? [value] : [])));
}
/** A check for a plain URL: GET, expecting any 2xx. */
function urlCheck(url) {
    return { name: `GET ${url}`, url, method: "GET", headers: {}, expect: {} };
}
/** Reads a dotted path (`checks.db.ok`, `items.0.id`, optional leading `$.`) from a JSON value. */
function jsonPath(value, path) {
    let current = value;
    for (const key of path
        .replace(/^\$\.?/, "")
        .split(".")
        .filter(Boolean)) {
        if (current === null || typeof current !== "object" || !(key in current))
            return { found: false };
        current = current[key];
    }
    return { found: true, value: current };
}
function equal(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
/** Why a response fails the check, or undefined when it passes. */
function evaluate(check, status, body, latencyMs) {
    const { expect } = check;
    const statusOk = expect.status ? expect.status.includes(status) : status >= 200 && status < 300;
    if (!statusOk)
        return `status ${status}`;
    if (expect.bodyContains !== undefined && !body.includes(expect.bodyContains)) {
        return `body does not contain ${JSON.stringify(expect.bodyContains)}`;
    }
    if (expect.bodyMatches && !expect.bodyMatches.test(body))
        return `body does not match /${expect.bodyMatches.source}/`;
    if (expect.json) {
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            return "body is not JSON";
        }
        for (const [path, expected] of Object.entries(expect.json)) {
            const actual = jsonPath(parsed, path);
            if (!actual.found)
                return `JSON ${path} is missing (expected ${JSON.stringify(expected)})`;
            if (!equal(actual.value, expected)) {
                return `JSON ${path} is ${JSON.stringify(actual.value)}, expected ${JSON.stringify(expected)}`;
            }
        }
    }
    if (expect.maxMs !== undefined && latencyMs > expect.maxMs) {
        return `took ${Math.round(latencyMs)} ms, over the ${expect.maxMs} ms limit`;
    }
    return undefined;
}


/***/ })

};
