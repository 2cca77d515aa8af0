export const id = 500;
export const ids = [500];
export const modules = {

/***/ 3500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ smoke_test)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/undici.ts
var undici = __webpack_require__(3547);
// EXTERNAL MODULE: ./src/smoke/checks.ts
var smoke_checks = __webpack_require__(2844);
// EXTERNAL MODULE: ./src/core/network-text.ts
var network_text = __webpack_require__(7957);
;// CONCATENATED MODULE: ./src/smoke/fetch.ts




/** A check reads at most this much of a body: enough for any health page, and a huge one cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A redirect this client will not follow; its message is the check's failure. */
class RedirectRefused extends Error {
}
/**
 * One request for a check, following redirects by hand so that the headers it was given (the `headers`
 * input and its own, credentials among them) go only to the check's own origin: undici's redirect handling
 * strips Authorization and Cookie alone. An https page that redirects to plain http is refused. The
 * signal bounds the whole exchange, redirects and body included.
 */
async function fetchCheck(check, userHeaders, dispatcher, signal) {
    const origin = new URL(check.url).origin;
    // A check that expects a redirect must see it, not the page it leads to.
    const follow = !check.expect.status?.some((status) => status >= 300 && status < 400);
    let url = new URL(check.url);
    let method = check.method;
    let body = check.body;
    for (let hop = 0;; hop++) {
        const headers = {
            "user-agent": "production-rollback-smoke-test",
            ...(url.origin === origin ? userHeaders : {}),
        };
        // A redirect that turned a POST into a GET sends no body, so no body's type either.
        if (body === undefined && check.body !== undefined) {
            for (const name of Object.keys(headers))
                if (name.toLowerCase() === "content-type")
                    delete headers[name];
        }
        const response = await (0,undici/* request */.E)(url, {
            method: method,
            headers,
            body,
            dispatcher,
            signal,
        });
        const location = response.headers.location;
        if (follow && REDIRECTS.has(response.statusCode) && typeof location === "string") {
            await response.body.dump();
            const next = new URL(location, url);
            if (hop >= MAX_REDIRECTS)
                throw new RedirectRefused(`more than ${MAX_REDIRECTS} redirects`);
            if (next.protocol !== "http:" && next.protocol !== "https:")
                throw new RedirectRefused(`redirected to ${next.protocol} URL: refused`);
            if (url.protocol === "https:" && next.protocol === "http:")
                throw new RedirectRefused(`redirected from https to plain http (${next.origin}): refused`);
            // As browsers do: 303, and 301/302 after a POST, fetch the new page with GET and no body.
            if ((response.statusCode === 303 && method !== "HEAD") ||
                (response.statusCode <= 302 && method === "POST")) {
                method = "GET";
                body = undefined;
            }
            url = next;
            continue;
        }
        const read = await (0,http/* readBody */.x8)(response.body, MAX_BODY_BYTES);
        return { status: response.statusCode, body: read.text, bodyCut: read.truncated };
    }
}
/** Added to a failure that concerns a body read only in part. */
const BODY_CUT_NOTE = ` (only the first ${(0,http/* formatSize */.Xq)(MAX_BODY_BYTES)} of the body was read)`;
function describeError(error, timeoutMs) {
    if (error instanceof RedirectRefused)
        return error.message;
    if (error instanceof DOMException && error.name === "TimeoutError")
        return `no answer within ${(0,wait/* formatMs */._V)(timeoutMs)}`;
    let current = error;
    while (current && typeof current === "object") {
        const code = current.code;
        if (code === "ECONNREFUSED")
            return "connection refused";
        if (code === "ECONNRESET" || code === "UND_ERR_SOCKET")
            return "connection reset";
        if (code === "ENOTFOUND" || code === "EAI_AGAIN")
            return "host not found";
        if (typeof code === "string" && code !== "UND_ERR")
            return (0,network_text/* networkText */.g)(code, current.message);
        current = current.cause;
    }
    return error.message ?? String(error);
}

;// CONCATENATED MODULE: ./src/smoke/pool.ts
/** Nearest-rank percentile. */
function percentile(values, p) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** At most `size` requests in flight; waiters are served first come, first served. */
class Semaphore {
    free;
    waiting = [];
    constructor(size) {
        this.free = size;
    }
    async run(task) {
        if (this.free > 0)
            this.free--;
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.free++;
        }
    }
}
/** Waits `ms`, unless `signal` aborts first; an aborted signal rejects with its reason. */
async function pauseUnless(ms, signal) {
    if (ms > 0 && !signal?.aborted) {
        await new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                signal?.removeEventListener("abort", done);
                resolve();
            };
            const timer = setTimeout(done, ms);
            signal?.addEventListener("abort", done, { once: true });
        });
    }
    if (signal?.aborted)
        throw signal.reason;
}

;// CONCATENATED MODULE: ./src/smoke/run.ts






/** Runs the warm-up and verification phases over every check and returns the verdict. */
async function runSmoke(settings) {
    const started = Date.now();
    const samples = [];
    const limit = new Semaphore(settings.concurrency);
    const agent = new undici/* Agent */.g();
    const lastProbes = new Map();
    const stop = settings.signal;
    const probe = (check, phase) => limit.run(async () => {
        const began = performance.now();
        let result;
        try {
            const fetched = await fetchCheck(check, { ...settings.headers, ...check.headers }, agent, stop
                ? AbortSignal.any([AbortSignal.timeout(settings.requestTimeoutMs), stop])
                : AbortSignal.timeout(settings.requestTimeoutMs));
            const latencyMs = performance.now() - began;
            const failure = (0,smoke_checks/* evaluate */._3)(check, fetched.status, fetched.body, latencyMs);
            // A body check on a cut body may have failed for want of the rest: say so.
            const cutNote = fetched.bodyCut && failure && !failure.startsWith("status") ? BODY_CUT_NOTE : "";
            result = {
                status: fetched.status,
                body: fetched.body,
                ...(fetched.bodyCut ? { bodyCut: true } : {}),
                latencyMs,
                failure: failure && failure + cutNote,
            };
        }
        catch (error) {
            result = {
                body: "",
                latencyMs: performance.now() - began,
                failure: describeError(error, settings.requestTimeoutMs),
            };
        }
        const sample = {
            check: check.name,
            phase,
            time: new Date().toISOString(),
            status: result.status,
            latencyMs: Math.round(result.latencyMs),
            ok: result.failure === undefined,
            error: result.failure,
            ...(result.bodyCut ? { bodyCut: true } : {}),
        };
        samples.push(sample);
        const probed = { ...result, sample };
        lastProbes.set(check, probed);
        return probed;
    });
    const pending = new Set(settings.checks);
    const progress = setInterval(() => {
        if (pending.size === 0)
            return;
        const names = [...pending].slice(0, 3).map((check) => check.name);
        settings.onProgress?.(`Waiting for ${pending.size} of ${settings.checks.length} checks to become ready (${(0,wait/* formatMs */._V)(Date.now() - started)} of ${(0,wait/* formatMs */._V)(settings.readyTimeoutMs)}): ${names.join(", ")}${pending.size > 3 ? ", …" : ""}`);
    }, 10_000);
    progress.unref();
    const pause = (ms) => pauseUnless(ms, stop);
    const runCheck = async (check) => {
        const deadline = Date.now() + settings.readyTimeoutMs;
        let attempts = 0;
        let last;
        for (;;) {
            last = await probe(check, "warm-up");
            attempts++;
            await pause(0);
            if (!last.failure || Date.now() >= deadline)
                break;
            await pause(Math.min((0,http/* backoffDelay */.EY)(attempts, 250, 5000), Math.max(0, deadline - Date.now())));
        }
        pending.delete(check);
        if (last.failure) {
            return {
                check,
                ready: false,
                warmupAttempts: attempts,
                verifySamples: 0,
                verifyFailures: 0,
                lastError: last.failure,
            };
        }
        settings.onProgress?.(`${check.name}: ready after ${attempts} attempt${attempts > 1 ? "s" : ""}`);
        // One pass asked for: the warm-up's first success is that pass, so each URL costs one request, not two.
        if (settings.samples === 1) {
            last.sample.phase = "verify";
            const latency = [last.latencyMs];
            return {
                check,
                ready: true,
                warmupAttempts: attempts,
                verifySamples: 1,
                verifyFailures: 0,
                p50Ms: percentile(latency, 50),
                p95Ms: percentile(latency, 95),
            };
        }
        const verifyStart = Date.now();
        const latencies = [];
        let failures = 0;
        let lastError;
        for (let i = 0; i < settings.samples; i++) {
            await pause(verifyStart + i * settings.intervalMs - Date.now());
            const sample = await probe(check, "verify");
            latencies.push(sample.latencyMs);
            if (sample.failure) {
                failures++;
                lastError = sample.failure;
            }
        }
        return {
            check,
            ready: true,
            warmupAttempts: attempts,
            verifySamples: settings.samples,
            verifyFailures: failures,
            p50Ms: percentile(latencies, 50),
            p95Ms: percentile(latencies, 95),
            lastError,
        };
    };
    let results;
    try {
        results = await Promise.all(settings.checks.map(runCheck));
    }
    finally {
        clearInterval(progress);
        // Stopped: requests still open are dropped rather than waited for.
        await (stop?.aborted ? agent.destroy() : agent.close());
    }
    const verifySamples = samples.filter((sample) => sample.phase === "verify");
    const errorRate = verifySamples.length
        ? verifySamples.filter((s) => !s.ok).length / verifySamples.length
        : 0;
    const p95Ms = percentile(verifySamples.map((sample) => sample.latencyMs), 95);
    const rateExceeded = errorRate > settings.maxErrorRate;
    const p95Exceeded = settings.maxP95Ms !== undefined && p95Ms !== undefined && p95Ms > settings.maxP95Ms;
    for (const result of results) {
        const { check } = result;
        const mine = samples.filter((sample) => sample.check === check.name);
        if (!result.ready) {
            result.failure = neverReady(check, mine, lastProbes.get(check), Date.now() - started);
        }
        else if (rateExceeded && result.verifyFailures > 0) {
            result.failure = `${check.method} ${check.url} → ${result.verifyFailures} of ${result.verifySamples} verification samples failed (last: ${result.lastError})`;
        }
        else if (p95Exceeded && (result.p95Ms ?? 0) > (settings.maxP95Ms ?? Infinity)) {
            result.failure = `${check.method} ${check.url} → p95 ${Math.round(result.p95Ms ?? 0)} ms, over the ${settings.maxP95Ms} ms limit`;
        }
    }
    const anyFailed = results.some((result) => result.failure !== undefined);
    return {
        verdict: anyFailed || rateExceeded || p95Exceeded ? "fail" : "pass",
        errorRate,
        p95Ms: p95Ms === undefined ? undefined : Math.round(p95Ms),
        checks: results,
        samples,
        elapsedMs: Date.now() - started,
    };
}
/** `GET https://x/healthz → 503 ×12 over 5m00s (last body: "maintenance")` */
function neverReady(check, samples, lastProbe, elapsedMs) {
    const last = samples.at(-1);
    const reason = last?.error ?? "no answer";
    const shown = reason.replace(/^status /, "");
    const count = samples.filter((sample) => sample.error === reason).length;
    const body = (lastProbe?.body ?? "").replace(/\s+/g, " ").trim();
    // A refusal's body may echo the credentials it refused.
    const snippet = (0,http/* refused */.J5)(lastProbe?.status)
        ? body && " (its body is not shown: a refusal may echo the credentials sent)"
        : body && ` (last body: ${JSON.stringify(body.length > 120 ? `${body.slice(0, 117)}...` : body)})`;
    return `${check.method} ${check.url} → ${shown} ×${count} over ${(0,wait/* formatMs */._V)(elapsedMs)}${snippet}`;
}

;// CONCATENATED MODULE: ./src/actions/smoke-test/apply.ts






async function applySmoke(ctx, plan) {
    const { settings } = ctx;
    ctx.log.info(`Checking ${plan.checks.length} endpoint${plan.checks.length > 1 ? "s" : ""}: warm-up up to ${(0,wait/* formatMs */._V)(plan.readyTimeoutMs)}, then ${plan.samples} sample(s) every ${(0,wait/* formatMs */._V)(plan.intervalMs)}.`);
    const result = await runSmoke({
        checks: plan.checks,
        headers: settings.headers,
        readyTimeoutMs: plan.readyTimeoutMs,
        samples: plan.samples,
        intervalMs: plan.intervalMs,
        maxErrorRate: settings["max-error-rate"] ?? 0,
        maxP95Ms: settings["max-p95-ms"],
        requestTimeoutMs: settings["request-timeout"],
        concurrency: settings.concurrency ?? 10,
        onProgress: (line) => ctx.log.info(line),
        signal: ctx.signal,
    });
    return { result, report: await writeReport(ctx.run.temp ?? (0,external_node_os_.tmpdir)(), result) };
}
async function writeReport(dir, result) {
    const path = (0,external_node_path_.join)(dir, `smoke-test-report-${process.pid}-${Date.now()}.json`);
    const report = {
        verdict: result.verdict,
        errorRate: result.errorRate,
        p95Ms: result.p95Ms,
        elapsedMs: result.elapsedMs,
        checks: result.checks.map(({ check, ...rest }) => ({
            name: check.name,
            method: check.method,
            url: check.url,
            ...rest,
        })),
        samples: result.samples,
    };
    // Uploaded as an artifact: scrubbed like the log (an echoed header can sit in an error or a body).
    await (0,promises_.writeFile)(path, (0,secrets/* redact */.E$)(`${JSON.stringify(report, null, 2)}\n`));
    return path;
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
;// CONCATENATED MODULE: ./src/actions/smoke-test/inputs.ts

const smokeTestInputs = {
    url: inputs/* input */.hF.list({ example: "https://api.example.com/healthz" }),
    checks: inputs/* input */.hF.text(),
    headers: inputs/* input */.hF.headers(),
    "ready-timeout": inputs/* input */.hF.duration("5m"),
    samples: inputs/* input */.hF.number({ default: "3", min: 1, max: 1000, integer: true, example: "3" }),
    interval: inputs/* input */.hF.duration("5s"),
    "max-error-rate": inputs/* input */.hF.number({ default: "0", min: 0, max: 1, example: "0.05" }),
    "max-p95-ms": inputs/* input */.hF.number({ min: 1, example: "800" }),
    // 0 would fail every request at once and read as an outage.
    "request-timeout": inputs/* input */.hF.duration("10s", { min: 100 }),
    concurrency: inputs/* input */.hF.number({ default: "10", min: 1, max: 256, integer: true, example: "10" }),
    fail: inputs/* input */.hF.boolean(true),
};

;// CONCATENATED MODULE: ./src/actions/smoke-test/plan.ts



/** The checks to run: `url` entries first, then `checks`; at least one. */
async function planSmoke({ settings, tk }) {
    const checks = [];
    for (const url of settings.url) {
        if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
            throw (0,inputs/* inputError */.Xu)("url", `has ${JSON.stringify(url)}, which is not an http(s) URL.`, "https://api.example.com/healthz");
        }
        const { username, password } = new URL(url);
        if (username || password)
            throw (0,inputs/* inputError */.Xu)("url", inputs/* CREDENTIALS_IN_URL */.v0, "https://api.example.com/healthz");
        checks.push((0,smoke_checks/* urlCheck */.Y8)(url));
    }
    try {
        checks.push(...(await (0,smoke_checks/* parseChecks */.B2)(settings.checks)));
    }
    catch (error) {
        throw (0,inputs/* inputError */.Xu)("checks", error.message, "[{url: https://api.example.com/healthz, expect: {status: 200}}]");
    }
    // A check's own Authorization or API key is as secret as the `headers` input's.
    for (const value of (0,smoke_checks/* secretHeaderValues */.o4)(checks))
        tk.setSecret(value);
    if (checks.length === 0) {
        throw (0,inputs/* inputError */.Xu)("url", "and `checks` are both empty: give at least one URL to check.", "https://api.example.com/healthz");
    }
    return {
        checks,
        readyTimeoutMs: settings["ready-timeout"],
        samples: settings.samples ?? 3,
        intervalMs: settings.interval,
    };
}
function describeSmoke(plan, summary) {
    summary.text(`${plan.checks.length} check${plan.checks.length > 1 ? "s" : ""}: warm-up up to ${(0,wait/* formatMs */._V)(plan.readyTimeoutMs)}, then ${plan.samples} sample(s) every ${(0,wait/* formatMs */._V)(plan.intervalMs)}.`);
}

// EXTERNAL MODULE: ./src/core/report.ts
var report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/actions/smoke-test/report.ts


function reportSmoke(ctx, _plan, { result, report }) {
    const { settings } = ctx;
    const failed = result.checks.filter((check) => check.failure);
    ctx.log.info(`Verdict: ${result.verdict} — error rate ${(result.errorRate * 100).toFixed(1)}%, p95 ${result.p95Ms ?? "–"} ms, ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`);
    let failure;
    if (result.verdict === "fail") {
        const reasons = failed.map((check) => check.failure);
        if (reasons.length === 0)
            reasons.push("error rate or p95 over the limit");
        const message = `Smoke test failed:\n${reasons.map((reason) => `- ${reason}`).join("\n")}`;
        if (settings.fail)
            failure = message;
        else
            ctx.log.warn(message);
    }
    return {
        status: result.verdict,
        headline: result.verdict === "pass" ? "✅ pass" : "❌ fail",
        outputs: {
            verdict: result.verdict,
            "error-rate": Number(result.errorRate.toFixed(4)),
            "p95-ms": result.p95Ms,
            "failed-checks": JSON.stringify(failed.map(({ check, failure }) => ({ name: check.name, url: check.url, reason: failure }))),
            report,
        },
        summary: (summary) => summarize(summary, result, settings["max-error-rate"] ?? 0, settings["max-p95-ms"]),
        failure,
    };
}
function summarize(summary, result, maxErrorRate, maxP95Ms) {
    summary.table(["Check", "Result", "Warm-up attempts", "Verify failures", "p50", "p95", "Last error"], result.checks.map((check) => [
        check.check.name,
        check.failure ? "❌" : "✅",
        check.warmupAttempts,
        check.ready ? `${check.verifyFailures}/${check.verifySamples}` : "not ready",
        check.p50Ms === undefined ? undefined : `${Math.round(check.p50Ms)} ms`,
        check.p95Ms === undefined ? undefined : `${Math.round(check.p95Ms)} ms`,
        check.lastError,
    ]));
    summary.list([
        errorRateLine(result, maxErrorRate),
        `p95 ${result.p95Ms ?? "–"} ms${maxP95Ms ? ` (allowed ${maxP95Ms} ms)` : ""}`,
    ]);
    const failures = result.checks.flatMap((check) => (check.failure ? [check.failure] : []));
    if (failures.length)
        summary.heading("What failed").list(failures.map(report/* escapeMarkdown */.FV));
}
/** The rate over the verification samples, and what it leaves out: checks that never passed warm-up. */
function errorRateLine(result, maxErrorRate) {
    const samples = result.samples.filter((sample) => sample.phase === "verify").length;
    const notReady = result.checks.filter((check) => !check.ready).length;
    const allowed = `allowed ${(maxErrorRate * 100).toFixed(1)}%`;
    if (samples === 0)
        return `Error rate not measured: no check passed warm-up (${notReady} of ${result.checks.length} never ready)`;
    const rate = `Error rate ${(result.errorRate * 100).toFixed(1)}% over ${samples} verification samples (${allowed})`;
    return notReady
        ? `${rate}; ${notReady} of ${result.checks.length} checks never passed warm-up and are not in it`
        : rate;
}

;// CONCATENATED MODULE: ./src/actions/smoke-test/index.ts





/** Decides whether a deployment is healthy: warm-up until each check passes once, then a verification window. */
/* harmony default export */ const smoke_test = ((0,action/* defineAction */.QP)({
    name: "smoke-test",
    title: "Smoke test",
    inputs: smokeTestInputs,
    readOnly: true,
    plan: planSmoke,
    describe: describeSmoke,
    apply: applySmoke,
    report: reportSmoke,
}));


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   c_: () => (/* binding */ serverNow),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   v1: () => (/* binding */ isPlainRefusal),
/* harmony export */   x8: () => (/* binding */ readBody),
/* harmony export */   yy: () => (/* reexport safe */ _wait_js__WEBPACK_IMPORTED_MODULE_2__.yy)
/* harmony export */ });
/* harmony import */ var _network_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7957);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
/* harmony import */ var _undici_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3547);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3210);




class HttpError extends Error {
    name = "HttpError";
    kind;
    details;
    constructor(message, kind, details) {
        super((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message));
        this.kind = kind;
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    get code() {
        return this.details.code;
    }
    get ambiguous() {
        return this.details.ambiguous === true;
    }
}
/** Retry-After as seconds or an HTTP date, in milliseconds. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text.trim()))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** The server's clock at the response (its Date header), or the local clock when it sent none. */
function serverNow(date, now = Date.now()) {
    const parsed = Date.parse((Array.isArray(date) ? date[0] : date) ?? "");
    return Number.isNaN(parsed) ? now : parsed;
}
/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

// Network failures where the request provably never reached the server.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);
function shortUrl(url) {
    return `${url.origin}${url.pathname}`;
}
/** JSON over HTTP with timeouts, retries and one error type: the base of every platform client. */
class HttpClient {
    options;
    constructor(options) {
        this.options = {
            timeoutMs: 30_000,
            retries: 4,
            backoffBaseMs: 500,
            backoffMaxMs: 10_000,
            maxRetryAfterMs: 120_000,
            maxBodyBytes: 32 * MiB,
            ...options,
        };
    }
    /** Requests made so far (attempts, retries included): API budgets are measured with it. */
    requestCount = 0;
    async request(options) {
        const method = options.method ?? "GET";
        const url = this.url(options.path, options.query);
        const safe = options.safeToRetry ?? (method === "GET" || method === "HEAD");
        const { retries, backoffBaseMs, backoffMaxMs, maxRetryAfterMs, platform } = this.options;
        const label = `${platform} API ${method} ${shortUrl(url)}`;
        // The client's own headers (its token) go to its own origin only: an absolute URL elsewhere (a link
        // in a platform's answer) gets the request's headers alone.
        const home = url.origin === URL.parse(this.options.baseUrl)?.origin;
        const headers = {
            accept: "application/json",
            ...(home ? this.options.headers : {}),
            ...options.headers,
        };
        let body;
        if (options.body !== undefined) {
            body = JSON.stringify(options.body);
            headers["content-type"] = "application/json";
        }
        else if (options.form) {
            body = new URLSearchParams(options.form).toString();
            headers["content-type"] = "application/x-www-form-urlencoded";
        }
        for (let attempt = 0;; attempt++) {
            let retry;
            try {
                this.requestCount++;
                const response = await (0,_undici_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .E)(url, {
                    method,
                    headers,
                    body,
                    signal: AbortSignal.timeout(this.options.timeoutMs),
                    headersTimeout: this.options.timeoutMs,
                    bodyTimeout: this.options.timeoutMs,
                });
                const { text, truncated } = await readBody(response.body, this.options.maxBodyBytes);
                if (truncated) {
                    throw new HttpError(`${label} → ${response.statusCode}: the answer is larger than ${formatSize(this.options.maxBodyBytes)}; stopped reading it.`, "parse", { method, url: shortUrl(url), status: response.statusCode, ambiguous: !safe });
                }
                const parsed = parseBody(text);
                const { statusCode: status } = response;
                const accepted = (status >= 200 && status < 300) || options.acceptStatuses?.includes(status);
                if (accepted) {
                    return {
                        status,
                        headers: response.headers,
                        data: this.parse(label, status, parsed, options, method, url),
                        attempts: attempt + 1,
                    };
                }
                // An HTTP-date Retry-After is on the server's clock: measure it against the response's own Date.
                const retryAfterMs = parseRetryAfter(response.headers["retry-after"], serverNow(response.headers.date));
                const details = plainWhenRefused(status, this.options.errorDetails?.(parsed));
                const error = new HttpError(`${label} → ${status}${details?.code ? ` ${details.code}` : ""}: ${details?.message ?? (refused(status) ? NOT_SHOWN : snippet(text) || "no message")}`, status === 429 ? "rate-limit" : "status", {
                    method,
                    url: shortUrl(url),
                    status,
                    code: details?.code,
                    platformMessage: details?.message,
                    body: refused(status) ? undefined : parsed,
                    ambiguous: status >= 500 && !safe,
                    retryAfterMs,
                });
                const retryable = status === 429 || (status >= 500 && safe);
                if (!retryable || attempt >= retries)
                    throw error;
                if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
                    throw new HttpError(`${error.message} (the platform asks to wait ${Math.ceil(retryAfterMs / 1000)}s: try again later)`, error.kind, error.details);
                }
                retry = {
                    reason: `${status}`,
                    delayMs: retryAfterMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs),
                };
            }
            catch (error) {
                if (error instanceof HttpError)
                    throw error;
                const timedOut = error instanceof DOMException && error.name === "TimeoutError";
                const found = (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
                const code = timedOut ? "timeout" : (found?.code ?? "network error");
                const notSent = NOT_SENT.has(code);
                const failure = new HttpError(`${label} failed: ${timedOut ? `no answer within ${this.options.timeoutMs} ms` : (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .networkText */ .g)(code, found?.message ?? error.message)}`, timedOut ? "timeout" : "network", { method, url: shortUrl(url), code, ambiguous: !notSent && !safe });
                if ((!safe && !notSent) || attempt >= retries)
                    throw failure;
                retry = { reason: code, delayMs: backoffDelay(attempt, backoffBaseMs, backoffMaxMs) };
            }
            this.options.onRetry?.({ attempt: attempt + 1, ...retry });
            await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(retry.delayMs);
        }
    }
    url(path, query) {
        const url = /^https?:\/\//.test(path)
            ? new URL(path)
            : new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
        for (const [key, value] of Object.entries(query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        return url;
    }
    parse(label, status, body, options, method, url) {
        if (!options.schema)
            return body;
        const result = options.schema.safeParse(body);
        if (result.success)
            return result.data;
        const issue = result.error.issues[0];
        const where = issue?.path.length ? issue.path.join(".") : "body";
        throw new HttpError(`${label} answered ${status} with a body this client does not understand (${where}: ${issue?.message}).`, "parse", { method, url: shortUrl(url), status, body });
    }
}
function parseBody(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
const MiB = 1024 * 1024;
function formatSize(bytes) {
    return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}
/** Reads a body as text, at most `limit` bytes; past that the stream is closed and `truncated` set. */
async function readBody(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        if (size + chunk.length > limit) {
            chunks.push(chunk.subarray(0, limit - size));
            // Leaving the loop destroys the stream: nothing more is downloaded.
            return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
        }
        chunks.push(chunk);
        size += chunk.length;
    }
    return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}
/** A 401/403 body may echo the credentials it refused. */
function refused(status) {
    return status === 401 || status === 403;
}
const NOT_SHOWN = "the credentials were refused (the answer's body is not shown: it may echo them)";
/** Words a platform uses to refuse (`forbidden`, "Bad credentials"), never a token-like string. */
function isPlainRefusal(text) {
    return /^[A-Za-z][A-Za-z _.,'()-]{0,79}$/.test(text) && !/[A-Za-z_-]{25,}/.test(text);
}
function plainWhenRefused(status, details) {
    if (!refused(status) || !details)
        return details;
    const plain = (text) => (text && isPlainRefusal(text) ? text : undefined);
    return { code: plain(details.code), message: plain(details.message) };
}
function snippet(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}


/***/ }),

/***/ 7957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   g: () => (/* binding */ networkText)
/* harmony export */ });
// Network failures in words a person acts on. Node reports TLS failures with OpenSSL's internal error
// string (library, function, source file and line): the reason is the only part that helps, and the most
// common one, "wrong version number", means the port speaks plain HTTP.
/** The first error code in an error's cause chain (undici wraps the socket's error). */
function errorCode(error) {
    let current = error;
    while (current && typeof current === "object") {
        const code = current.code;
        if (typeof code === "string" && code !== "UND_ERR")
            return { code, message: String(current.message ?? "") };
        current = current.cause;
    }
    return undefined;
}
const OPENSSL = /^[0-9A-F]+:error:[0-9A-F]+:[^:]+:[^:]+:([^:]+):/;
/** `code (message)`, with OpenSSL's internals reduced to the reason and a hint for the usual cause. */
function networkText(code, message) {
    if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG")
        return "TLS failed: the server did not answer in TLS (is it plain http on that port? use http://, or the TLS port)";
    const reason = OPENSSL.exec(message)?.[1];
    if (reason)
        return `TLS failed: ${reason} (${code})`;
    return `${code} (${message})`;
}


/***/ }),

/***/ 3547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2581);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__);




// What undici's index does as it loads: every dispatcher answers request(), stream(), pipeline() …
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `request(url, options)`: the URL split into origin and path, on `dispatcher` or the global one. */
function request(url, options = {}) {
    const { dispatcher = undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default().getGlobalDispatcher(), ...rest } = options;
    const { origin, pathname, search } = new URL(url);
    return dispatcher.request({
        ...rest,
        origin,
        path: `${pathname}${search}`,
        method: rest.method ?? (rest.body ? "PUT" : "GET"),
    });
}


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
