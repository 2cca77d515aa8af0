export const id = 393;
export const ids = [393];
export const modules = {

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

/***/ 3393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   WR: () => (/* binding */ TokenRejectedError),
/* harmony export */   fP: () => (/* binding */ deploymentSchema),
/* harmony export */   fk: () => (/* binding */ RefusedError),
/* harmony export */   m9: () => (/* binding */ RailwayError),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL),
/* harmony export */   xL: () => (/* binding */ RailwayClient)
/* harmony export */ });
/* unused harmony exports USER_AGENT, authHeaders */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _operations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2052);



const DEFAULT_API_URL = "https://backboard.railway.com/graphql/v2";
const USER_AGENT = "production-rollback-railway-redeploy/1.0 (+https://github.com/features/actions)";
/** Railway answered, but with `errors[]` (usually at HTTP 200): the operation did not happen. */
class RailwayError extends Error {
    name = "RailwayError";
    operation;
    messages;
    code;
    constructor(operation, messages, code) {
        super(`Railway API ${operation} failed${code ? ` (${code})` : ""}: ${messages.join("; ")}`);
        this.operation = operation;
        this.messages = messages;
        this.code = code;
    }
    /** Railway's answer for a token that may not see this object (or is not the kind it was sent as). */
    get notAuthorized() {
        return this.messages.some((m) => /not authori[sz]ed|unauthori[sz]ed|forbidden|token/i.test(m));
    }
}
/** Railway refused the token itself: as the kinds it was tried as, it may read nothing. */
class TokenRejectedError extends Error {
    name = "TokenRejectedError";
    /** How it was sent: `project` (Project-Access-Token), `account` (Bearer), or both under `auto`. */
    triedAs;
    railwayMessages;
    constructor(triedAs, railwayMessages) {
        super(`Railway rejected the token (${railwayMessages.join("; ")}), sent as ${triedAs.map((t) => (t === "project" ? "a project token" : "an account/workspace token")).join(" and as ")}.`);
        this.triedAs = triedAs;
        this.railwayMessages = railwayMessages;
    }
}
/** The mutation answered `false`: Railway did not do it. */
class RefusedError extends Error {
    name = "RefusedError";
    operation;
    constructor(operation) {
        super(`Railway answered false to ${operation}: it did not act.`);
        this.operation = operation;
    }
}
const gqlError = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ message: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), extensions: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ code: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).loose().optional() })
    .loose();
const envelope = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(), errors: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(gqlError).optional() }).loose();
const deploymentSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    // Railway adds statuses over time: read them as text, never as a closed enum.
    status: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    canRollback: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    canRedeploy: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    meta: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
    serviceId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable().optional(),
    environmentId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
})
    .loose();
const named = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() });
const edgesOf = (node) => zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ edges: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ node })) });
const projectSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    services: edgesOf(named),
    environments: edgesOf(named),
});
const projectTokenData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    projectToken: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ projectId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), environmentId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), project: projectSchema }),
});
const projectData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ project: projectSchema });
const projectsData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ projects: edgesOf(named) });
const workspacesData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ me: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ workspaces: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(named) }) });
const cancelData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentCancel: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
const serviceDeploymentsData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    serviceInstance: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ activeDeployments: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(deploymentSchema) }).nullable(),
    deployments: edgesOf(deploymentSchema),
});
const deploymentData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deployment: deploymentSchema });
const rollbackData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRollback: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
const redeployData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRedeploy: deploymentSchema });
const restartData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRestart: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
/** A Railway GraphQL client: queries may be retried, mutations never are. */
class RailwayClient {
    tokenType;
    apiUrl;
    http;
    logger;
    /** Requests made outside this client's HTTP (subscriptions opened, the token probe), one each. */
    extraRequests = 0;
    constructor(options) {
        this.tokenType = options.tokenType;
        this.apiUrl = options.apiUrl ?? DEFAULT_API_URL;
        this.logger = options.logger ?? { info: () => { }, warn: () => { }, debug: () => { } };
        this.http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
            baseUrl: this.apiUrl,
            platform: "Railway",
            headers: { ...authHeaders(options.token, options.tokenType), "user-agent": USER_AGENT },
            errorDetails: (body) => {
                const parsed = envelope.safeParse(body);
                const first = parsed.success ? parsed.data.errors?.[0] : undefined;
                return first ? { code: first.extensions?.code, message: first.message } : undefined;
            },
            onRetry: ({ attempt, delayMs, reason }) => this.logger.info(`Railway API: ${reason}, retrying in ${Math.round(delayMs / 100) / 10}s (retry ${attempt})`),
            ...options.http,
        });
    }
    /** The headers a WebSocket upgrade needs (auth and User-Agent). */
    get headers() {
        return { ...this.http.options.headers };
    }
    /** HTTP requests made (retries included) plus subscriptions opened. */
    get requestCount() {
        return this.http.requestCount + this.extraRequests;
    }
    async send(operation, query, variables, schema, mutation) {
        const response = await this.http.request({
            method: "POST",
            path: "",
            body: { operationName: operation, query, variables },
            schema: envelope,
            safeToRetry: !mutation,
        });
        const { data, errors } = response.data;
        if (errors?.length) {
            throw new RailwayError(operation, errors.map((e) => e.message), errors[0]?.extensions?.code);
        }
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new RailwayError(operation, [
                `answer not understood (${issue?.path.join(".") || "data"}: ${issue?.message})`,
            ]);
        }
        return parsed.data;
    }
    /** A read-only operation kept beside its own feature (metrics.ts): retried like every query. */
    async query(operation, document, variables, schema) {
        return this.send(operation, document, variables, schema, false);
    }
    /** A mutation kept beside its own feature: sent once, never retried. */
    async mutate(operation, document, variables, schema) {
        return this.send(operation, document, variables, schema, true);
    }
    /** A project token's scope and its project, in one read. */
    async projectToken() {
        const { projectToken } = await this.send("ProjectToken", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECT_TOKEN_QUERY */ .rG, {}, projectTokenData, false);
        return { ...projectToken, project: flatProject(projectToken.project) };
    }
    async project(id) {
        const { project } = await this.send("Project", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECT_QUERY */ .vf, { id }, projectData, false);
        return flatProject(project);
    }
    /** Without a workspace: the personal account's projects only. */
    async projects(workspaceId) {
        const data = await this.send("Projects", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECTS_QUERY */ .gn, { workspaceId }, projectsData, false);
        return data.projects.edges.map((e) => e.node);
    }
    /** The workspaces of the token's user (an account token; a workspace token has no user). */
    async workspaces() {
        return (await this.send("Workspaces", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .WORKSPACES_QUERY */ .Uf, {}, workspacesData, false)).me.workspaces;
    }
    async serviceDeployments(projectId, environmentId, serviceId, first = 20) {
        const data = await this.send("ServiceDeployments", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .SERVICE_DEPLOYMENTS_QUERY */ .mI, { projectId, environmentId, serviceId, first }, serviceDeploymentsData, false);
        return {
            active: newestFirst(data.serviceInstance?.activeDeployments ?? []),
            deployments: newestFirst(data.deployments.edges.map((e) => e.node)),
        };
    }
    async deployment(id) {
        return (await this.send("Deployment", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_QUERY */ .h6, { id }, deploymentData, false)).deployment;
    }
    /** Railway answers `true` (else RefusedError); the new deployment must be found by reading the service. */
    async rollback(id) {
        const data = await this.send("DeploymentRollback", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_ROLLBACK_MUTATION */ .T, { id }, rollbackData, true);
        if (!data.deploymentRollback)
            throw new RefusedError("DeploymentRollback");
    }
    /** Stops a queued, building or deploying deployment (RefusedError when Railway answers false). */
    async cancel(id) {
        const data = await this.send("DeploymentCancel", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_CANCEL_MUTATION */ .tU, { id }, cancelData, true);
        if (!data.deploymentCancel)
            throw new RefusedError("DeploymentCancel");
    }
    /** Same source, new build (usePreviousImageTag false). */
    async redeploy(id) {
        const data = await this.send("DeploymentRedeploy", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_REDEPLOY_MUTATION */ .RG, { id, usePreviousImageTag: false }, redeployData, true);
        return data.deploymentRedeploy;
    }
    async restart(id) {
        const data = await this.send("DeploymentRestart", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_RESTART_MUTATION */ .q_, { id }, restartData, true);
        if (!data.deploymentRestart)
            throw new RefusedError("DeploymentRestart");
    }
}
function flatProject(project) {
    return {
        id: project.id,
        name: project.name,
        services: project.services.edges.map((e) => e.node),
        environments: project.environments.edges.map((e) => e.node),
    };
}
function authHeaders(token, tokenType) {
    return tokenType === "project" ? { "project-access-token": token } : { authorization: `Bearer ${token}` };
}
function newestFirst(deployments) {
    return [...deployments].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
/**
 * Resolves `auto` by asking Railway rather than guessing from the token's shape (both kinds look alike):
 * `projectToken` sent with the `Project-Access-Token` header answers the token's scope only for a project
 * token; any other token gets `errors[]`, and is then used as an account/workspace token (`Bearer`), which
 * the next read confirms. For an explicit type, a project token's scope is read the same way.
 */
async function connect(options) {
    if (options.tokenType === "account")
        return { client: new RailwayClient({ ...options, tokenType: "account" }) };
    const asProject = new RailwayClient({ ...options, tokenType: "project" });
    try {
        return { client: asProject, scope: await asProject.projectToken() };
    }
    catch (error) {
        const refused = error instanceof RailwayError;
        const rejected = refused || (error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && [401, 403].includes(error.status ?? 0));
        if (!rejected)
            throw error;
        const messages = refused ? error.messages : [error.message];
        if (options.tokenType === "project")
            throw new TokenRejectedError(["project"], messages);
        const account = new RailwayClient({ ...options, tokenType: "account" });
        account.extraRequests += asProject.requestCount;
        options.logger?.info("The token is not a project token; using it as an account/workspace token (Bearer).");
        return { client: account, probedAsProject: messages };
    }
}


/***/ }),

/***/ 2052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ AUTO_DEPLOY_UPDATE_MUTATION),
/* harmony export */   RG: () => (/* binding */ DEPLOYMENT_REDEPLOY_MUTATION),
/* harmony export */   T: () => (/* binding */ DEPLOYMENT_ROLLBACK_MUTATION),
/* harmony export */   Uf: () => (/* binding */ WORKSPACES_QUERY),
/* harmony export */   aG: () => (/* binding */ SERVICE_CONFIG_QUERY),
/* harmony export */   eL: () => (/* binding */ DEPLOYMENT_SUBSCRIPTION),
/* harmony export */   gn: () => (/* binding */ PROJECTS_QUERY),
/* harmony export */   h6: () => (/* binding */ DEPLOYMENT_QUERY),
/* harmony export */   mI: () => (/* binding */ SERVICE_DEPLOYMENTS_QUERY),
/* harmony export */   q_: () => (/* binding */ DEPLOYMENT_RESTART_MUTATION),
/* harmony export */   rG: () => (/* binding */ PROJECT_TOKEN_QUERY),
/* harmony export */   tU: () => (/* binding */ DEPLOYMENT_CANCEL_MUTATION),
/* harmony export */   vf: () => (/* binding */ PROJECT_QUERY)
/* harmony export */ });
/* unused harmony export OPERATIONS */
/**
 * Every GraphQL operation the Railway client sends, as constants so a test can validate each one against
 * Railway's public schema (and the simulator's).
 */
const DEPLOYMENT_FIELDS = `fragment DeploymentFields on Deployment {
  id
  status
  createdAt
  canRollback
  canRedeploy
  meta
  serviceId
  environmentId
}`;
const PROJECT_FIELDS = `fragment ProjectFields on Project {
  id
  name
  services {
    edges {
      node {
        id
        name
      }
    }
  }
  environments {
    edges {
      node {
        id
        name
      }
    }
  }
}`;
/** What a project token may see: its project (with services and environments) and environment, in one read. Fails for account tokens. */
const PROJECT_TOKEN_QUERY = `query ProjectToken {
  projectToken {
    projectId
    environmentId
    project {
      ...ProjectFields
    }
  }
}
${PROJECT_FIELDS}`;
const PROJECT_QUERY = `query Project($id: String!) {
  project(id: $id) {
    ...ProjectFields
  }
}
${PROJECT_FIELDS}`;
/**
 * Projects visible to the token: without `workspaceId`, only the personal account's; a workspace's need
 * its id (the CLI's UserProjects.graphql), read from `me { workspaces }`.
 */
const PROJECTS_QUERY = `query Projects($workspaceId: String) {
  projects(workspaceId: $workspaceId) {
    edges {
      node {
        id
        name
      }
    }
  }
}`;
const WORKSPACES_QUERY = `query Workspaces {
  me {
    workspaces {
      id
      name
    }
  }
}`;
/** One service in one environment: what is active, and its recent history (newest first), in one request. */
const SERVICE_DEPLOYMENTS_QUERY = `query ServiceDeployments($projectId: String!, $environmentId: String!, $serviceId: String!, $first: Int) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments {
      ...DeploymentFields
    }
  }
  deployments(first: $first, input: { projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId }) {
    edges {
      node {
        ...DeploymentFields
      }
    }
  }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT_QUERY = `query Deployment($id: String!) {
  deployment(id: $id) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;
/** Returns only `true`: the new deployment has to be found by reading the service's deployments. */
const DEPLOYMENT_ROLLBACK_MUTATION = `mutation DeploymentRollback($id: String!) {
  deploymentRollback(id: $id)
}`;
const DEPLOYMENT_REDEPLOY_MUTATION = `mutation DeploymentRedeploy($id: String!, $usePreviousImageTag: Boolean) {
  deploymentRedeploy(id: $id, usePreviousImageTag: $usePreviousImageTag) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT_RESTART_MUTATION = `mutation DeploymentRestart($id: String!) {
  deploymentRestart(id: $id)
}`;
/** Stops a deployment that is still queued, building or deploying. */
const DEPLOYMENT_CANCEL_MUTATION = `mutation DeploymentCancel($id: String!) {
  deploymentCancel(id: $id)
}`;
/**
 * Before a rollback, in one read: the target's variables (its snapshot) and the service's now, with the
 * environment's variable names to tell sealed ones (never returned) apart; and whether pushes auto-deploy.
 */
const SERVICE_CONFIG_QUERY = `query ServiceConfig($projectId: String!, $environmentId: String!, $serviceId: String!, $deploymentId: String!, $withDrift: Boolean!, $withAutoDeploy: Boolean!) {
  deploymentSnapshot(deploymentId: $deploymentId) @include(if: $withDrift) {
    variables
  }
  variables(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId, unrendered: true) @include(if: $withDrift)
  environment(id: $environmentId, projectId: $projectId) @include(if: $withDrift) {
    variables {
      edges {
        node {
          name
          isSealed
          serviceId
        }
      }
    }
  }
  serviceInstanceAutoDeployStatus(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) @include(if: $withAutoDeploy) {
    canEnable
    enabled
    reason
  }
}`;
/** Pauses (or resumes) deploys on push for one service instance. */
const AUTO_DEPLOY_UPDATE_MUTATION = `mutation ServiceInstanceAutoDeployUpdate($input: ServiceInstanceAutoDeployUpdateInput!) {
  serviceInstanceAutoDeployUpdate(input: $input) {
    enabled
  }
}`;
/** Pushed over WebSocket (graphql-transport-ws) whenever the deployment changes. */
const DEPLOYMENT_SUBSCRIPTION = `subscription DeploymentStatus($id: String!) {
  deployment(id: $id) {
    id
    status
  }
}`;
const OPERATIONS = {
    PROJECT_TOKEN_QUERY,
    PROJECT_QUERY,
    PROJECTS_QUERY,
    WORKSPACES_QUERY,
    SERVICE_DEPLOYMENTS_QUERY,
    DEPLOYMENT_QUERY,
    DEPLOYMENT_ROLLBACK_MUTATION,
    DEPLOYMENT_REDEPLOY_MUTATION,
    DEPLOYMENT_RESTART_MUTATION,
    DEPLOYMENT_CANCEL_MUTATION,
    SERVICE_CONFIG_QUERY,
    AUTO_DEPLOY_UPDATE_MUTATION,
    DEPLOYMENT_SUBSCRIPTION,
};


/***/ })

};
