export const id = 263;
export const ids = [263,719];
export const modules = {

/***/ 3052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ STATUS_STYLE),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   L5: () => (/* binding */ parseFields),
/* harmony export */   Uz: () => (/* binding */ escapeGitHubMarkdown),
/* harmony export */   it: () => (/* binding */ contextParts),
/* harmony export */   vL: () => (/* binding */ contextFromRun),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export STATUSES */
/** What a notification says, independent of the channel it goes to. */
// `unverified`: rolled back, but the verification did not conclude (an inconclusive verdict): never a recovery.
const STATUSES = (/* unused pure expression or super */ null && (["started", "succeeded", "failed", "cancelled", "info", "unverified"]));
const STATUS_STYLE = {
    started: {
        emoji: ":rotating_light:",
        symbol: "🚨",
        color: 0xdbab09,
        teamsColor: "Warning",
        word: "Started",
    },
    succeeded: {
        emoji: ":white_check_mark:",
        symbol: "✅",
        color: 0x2eb67d,
        teamsColor: "Good",
        word: "Succeeded",
    },
    failed: { emoji: ":x:", symbol: "❌", color: 0xe01e5a, teamsColor: "Attention", word: "Failed" },
    cancelled: {
        emoji: ":no_entry_sign:",
        symbol: "🚫",
        color: 0x868e96,
        teamsColor: "Default",
        word: "Cancelled",
    },
    info: { emoji: ":information_source:", symbol: "ℹ️", color: 0x1d9bd1, teamsColor: "Accent", word: "Info" },
    unverified: {
        emoji: ":warning:",
        symbol: "⚠️",
        color: 0xe8912d,
        teamsColor: "Warning",
        word: "Rolled back, not verified",
    },
};
/** The run's context, as the runner's run context has it; each part is absent outside a runner. */
function contextFromRun(run) {
    const repository = run.repository?.full;
    return {
        runUrl: run.runUrl,
        actor: run.actor,
        repository,
        repositoryUrl: repository ? `${run.serverUrl}/${repository}` : undefined,
        // A branch or tag reads better short: refs/heads/main → main.
        ref: run.ref?.replace(/^refs\/(heads|tags)\//, ""),
        sha: run.sha,
        workflow: run.workflow,
    };
}
const ELLIPSIS = "…";
/**
 * Cuts `text` to at most `max` UTF-16 units (what the platforms count, or more), ending with an
 * ellipsis, never splitting a surrogate pair.
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 0)
        return "";
    let cut = text.slice(0, max - ELLIPSIS.length);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return cut + ELLIPSIS;
}
/** `Key: value` lines. Returns the 1-based numbers of lines that are not of that form in `bad`. */
function parseFields(raw) {
    const fields = [];
    const bad = [];
    raw.split(/\r?\n/).forEach((line, index) => {
        if (!line.trim())
            return;
        const colon = line.indexOf(":");
        const name = colon > 0 ? line.slice(0, colon).trim() : "";
        if (!name) {
            bad.push(index + 1);
            return;
        }
        fields.push({ name, value: line.slice(colon + 1).trim() });
    });
    return { fields, bad };
}
/** One line of context: status, repository@ref (linked), workflow, actor, time. */
function contextParts(message) {
    const parts = [{ text: STATUS_STYLE[message.status].word }];
    if (message.repository) {
        const text = `${message.repository}${message.ref ? `@${message.ref}` : ""}`;
        parts.push(message.repositoryUrl ? { text, url: message.repositoryUrl } : { text });
    }
    if (message.workflow)
        parts.push({ text: `workflow ${message.workflow}` });
    if (message.actor)
        parts.push({ text: `by ${message.actor}` });
    parts.push({ text: message.time.replace(/\.\d+Z$/, "Z") });
    return parts;
}
/**
 * Text from commit messages, reasons and bodies, made inert for Discord's and Teams' Markdown: no bold,
 * links, headings, quotes, spoilers or code from someone's commit message. Underscores inside words stay
 * (`dpl_abc`), since no renderer reads them as emphasis there.
 */
function escapeMarkdown(text) {
    return text
        .replace(/[\\*`~|[\]]/g, "\\$&")
        .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace("_", "\\_"))
        .replace(/^(\s*)(#|>|-#)/gm, "$1\\$2")
        .replace(/<(?=[@#:]|a:|t:)/g, "\\<");
}
/** The same for GitHub Markdown (issues): also no HTML and no @mentions (which notify people and teams). */
function escapeGitHubMarkdown(text) {
    return escapeMarkdown(text)
        .replace(/\\\|/g, "|")
        .replace(/</g, "&lt;")
        .replace(/@(?=[\w-])/g, "@\u2060");
}


/***/ }),

/***/ 2301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ postJson),
/* harmony export */   Q6: () => (/* binding */ ChannelError),
/* harmony export */   a5: () => (/* binding */ channelError),
/* harmony export */   o5: () => (/* binding */ chatClient)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3210);



/**
 * A delivery that failed. The message names the channel and the platform's answer, never the URL:
 * webhook URLs are credentials.
 */
class ChannelError extends Error {
    name = "ChannelError";
    status;
    code;
    /** The request may have been applied (its answer was lost): re-read before sending it again. */
    ambiguous;
    constructor(message, status, code, ambiguous = false) {
        super((0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(message));
        this.status = status;
        this.code = code;
        this.ambiguous = ambiguous;
    }
}
function chatClient(label, options, extra = {}) {
    return new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
        // Requests use absolute URLs; the base is never used.
        baseUrl: "http://localhost",
        platform: label,
        timeoutMs: options.timeoutMs ?? 15_000,
        retries: options.retries ?? 4,
        backoffBaseMs: options.backoffBaseMs ?? 500,
        backoffMaxMs: options.backoffMaxMs ?? 8_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
        errorDetails: platformError,
        onRetry: (event) => options.log?.(`${label}: ${event.reason}, retrying in ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .formatMs */ ._V)(event.delayMs)} (attempt ${event.attempt + 1})`),
        ...extra,
    });
}
/** Error code and message out of Slack (`invalid_payload` text), Discord (`{code, message}`) or other bodies. */
function platformError(body) {
    if (typeof body === "string")
        return body ? { message: body.slice(0, 200) } : undefined;
    if (!body || typeof body !== "object")
        return undefined;
    const b = body;
    // Slack: {error: "word"}; Discord: {code, message}; Azure (Teams workflows): {error: {code, message}}.
    const nested = typeof b.error === "object" && b.error ? b.error : undefined;
    const code = nested ? nested.code : (b.error ?? b.code);
    const message = nested ? nested.message : b.message;
    return {
        code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
        message: typeof message === "string" ? message.slice(0, 200) : undefined,
    };
}
/**
 * POSTs a JSON payload to a webhook. Chat messages are retried on 5xx and timeouts too: a rare
 * duplicate message is better than a team that never hears of the rollback.
 */
async function postJson(label, url, payload, options, extra = {}) {
    const http = chatClient(label, options);
    try {
        return await http.request({
            method: "POST",
            path: url,
            body: payload,
            headers: extra.headers,
            safeToRetry: true,
        });
    }
    catch (error) {
        throw channelError(label, error, extra.hint);
    }
}
/** An HttpError (whose text holds the URL) turned into a message naming the channel only. */
function channelError(label, error, hint) {
    if (error instanceof ChannelError)
        return error;
    if (!(error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$))
        return new ChannelError(`${label}: ${String(error)}`);
    const { status, code, platformMessage } = error.details;
    let what;
    if (error.kind === "timeout")
        what = "no answer in time";
    else if (error.kind === "network")
        what = `could not connect (${code ?? "network error"})`;
    else if (error.kind === "parse")
        what = `answered ${status} with a body that is not understood`;
    else if (status === 401 || status === 403) {
        const said = [code, platformMessage].filter((text) => text && (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainRefusal */ .v1)(text)).join(": ");
        what = `HTTP ${status}${said ? ` ${said}` : " (the answer's body is not shown)"}`;
    }
    else {
        const detail = [code, platformMessage].filter(Boolean).join(": ");
        what = `HTTP ${status}${detail ? ` ${detail}` : ""}`;
    }
    const retryLater = / \(the platform asks to wait \d+s: try again later\)$/.exec(error.message)?.[0] ?? "";
    return new ChannelError(`${label}: ${what}${retryLater}.${hint ? ` ${hint}` : ""}`, status, code, error.ambiguous);
}


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ githubErrorMessage),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);

/** An Octokit for the REST API; loaded on first use so actions that never call GitHub don't pay for it. */
async function githubClient(options) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(726), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    return github.getOctokit(options.token, { baseUrl: options.apiUrl ?? "https://api.github.com" });
}
/**
 * GitHub's error as a sentence: status, message and the first validation error. The body of a 401 or 403
 * is quoted only when it is a plain refusal ("Bad credentials"): a proxy or server that echoes the
 * request could otherwise put a credential into logs and summaries.
 */
function githubErrorMessage(error) {
    const e = error;
    const data = e.response?.data;
    const refused = e.status === 401 || e.status === 403;
    const said = (text) => (text && (!refused || (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainRefusal */ .v1)(text)) ? text : undefined);
    const detail = said(data?.errors?.[0]?.message ?? data?.errors?.[0]?.code);
    const message = refused ? said(data?.message) : (data?.message ?? e.message ?? String(error));
    return `${e.status ?? "error"}${message ? ` ${message}` : ""}${detail ? ` (${detail})` : ""}`;
}


/***/ }),

/***/ 1840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ke: () => (/* binding */ findOpenIncident),
/* harmony export */   Kp: () => (/* binding */ incidentIssueBody),
/* harmony export */   recordIncident: () => (/* binding */ recordIncident)
/* harmony export */ });
/* unused harmony exports INCIDENT_LABEL, incidentCommentBody, IncidentError, INCIDENT_SEARCH_PAGES */
/* harmony import */ var _core_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8557);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3210);
/* harmony import */ var _chat_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3052);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1719);




const INCIDENT_LABEL = "incident";
/** GitHub's limit on an issue title. */
const TITLE_MAX = 256;
const DEFAULT_RESOLUTION = {
    started: "Rollback in progress.",
    succeeded: "Production rolled back to the last known-good version.",
    failed: "The rollback failed: production may still serve the bad version. Follow the runbook by hand.",
    cancelled: "The rollback was cancelled before it finished.",
    info: undefined,
    unverified: "Rolled back, but the verification did not conclude (no data, or the metrics provider down): a person must check production before calling it recovered.",
};
function report(report) {
    const style = _chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_STYLE */ .DJ[report.status];
    const links = [
        report.runUrl && `[workflow run](${report.runUrl})`,
        report.repository &&
            (report.repositoryUrl
                ? `[${report.repository}${report.ref ? `@${report.ref}` : ""}](${report.repositoryUrl})`
                : report.repository),
        report.sha && `commit ${report.sha.slice(0, 7)}`,
    ].filter(Boolean);
    const rows = [
        [
            "Time",
            report.time
                .replace(/\.\d+Z$/, "Z")
                .replace("T", " ")
                .replace("Z", " UTC"),
        ],
        ["Status", `${style.symbol} ${style.word}`],
        [
            "Version (from → to)",
            report.changes.map((c) => (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeGitHubMarkdown */ .Uz)(`${c.name}: ${c.value}`)).join("\n") || undefined,
        ],
        ["Reason", report.reason && (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeGitHubMarkdown */ .Uz)(report.reason)],
        ["Duration", report.durationMs === undefined ? undefined : (0,_core_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .formatMs */ ._V)(report.durationMs)],
        ["Impact", report.impact ? (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeGitHubMarkdown */ .Uz)(report.impact) : "_to be filled in_"],
        [
            "Resolution",
            report.resolution ? (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeGitHubMarkdown */ .Uz)(report.resolution) : DEFAULT_RESOLUTION[report.status],
        ],
        ["Links", links.join(" · ")],
    ];
    const lines = ["| | |", "|---|---|", ...rows.map(([name, value]) => `| **${name}** | ${(0,_core_report_js__WEBPACK_IMPORTED_MODULE_3__/* .cell */ .Hn)(value)} |`)];
    if (report.actor)
        lines.push(`| **Run by** | ${(0,_core_report_js__WEBPACK_IMPORTED_MODULE_3__/* .cell */ .Hn)(`@${report.actor}`)} |`);
    const text = report.message.trim() ? `\n\n${(0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeGitHubMarkdown */ .Uz)(report.message.trim())}` : "";
    return `${lines.join("\n")}${text}`;
}
function incidentIssueBody(r) {
    return `## Incident report\n\n${report(r)}\n\n<sub>Opened by the notify action. Later updates on this incident are added as comments; close the issue when the incident is resolved.</sub>\n`;
}
function incidentCommentBody(r) {
    return `### Update: ${_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_STYLE */ .DJ[r.status].symbol} ${_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_STYLE */ .DJ[r.status].word}\n\n${report(r)}\n`;
}
class IncidentError extends Error {
    name = "IncidentError";
}
function hint(error) {
    const status = error.status;
    if (status === 401)
        return " Check github-token.";
    if (status === 403)
        return " Give the workflow `permissions: issues: write` (and check the token may write to this repository).";
    if (status === 404)
        return " Check the token can see this repository.";
    if (status === 410)
        return " Issues are disabled for this repository: enable them or set incident-issue: false.";
    return "";
}
/** Pages of open incident issues looked through (100 each) before giving up. */
const INCIDENT_SEARCH_PAGES = 10;
/**
 * The open issue labelled `label` whose title is exactly `title`. Bounded: a server that ignores `page`
 * (answering the first page again and again) or a repository with thousands of open incidents must not
 * keep the step listing forever.
 */
async function findOpenIncident(octokit, options) {
    const { owner, repo, title } = options;
    const perPage = 100;
    const seen = new Set();
    for (let page = 1; page <= INCIDENT_SEARCH_PAGES; page++) {
        const { data } = await octokit.rest.issues.listForRepo({
            owner,
            repo,
            state: "open",
            labels: options.label ?? INCIDENT_LABEL,
            per_page: perPage,
            page,
        });
        // The issues list includes pull requests; an incident is an issue.
        const found = data.find((issue) => issue.title === title && !issue.pull_request);
        if (found)
            return { number: found.number, html_url: found.html_url };
        if (data.length < perPage)
            return undefined;
        if (data.every((issue) => seen.has(issue.number))) {
            options.log?.(`GitHub issue: page ${page} repeats earlier issues (the server ignores paging); search stopped.`);
            return undefined;
        }
        for (const issue of data)
            seen.add(issue.number);
    }
    options.log?.(`GitHub issue: no open incident titled like this in the first ${INCIDENT_SEARCH_PAGES * perPage} open incident issues; search stopped.`);
    return undefined;
}
/**
 * Opens the incident issue, or comments on the open one with the same title, so one incident never gets
 * two issues. A create that may have been applied (5xx, lost connection) is checked by reading again.
 */
async function recordIncident(octokit, options) {
    const { owner, repo, report: r } = options;
    const label = options.label ?? INCIDENT_LABEL;
    const title = (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(r.title, TITLE_MAX);
    const search = { owner, repo, title, label, log: options.log };
    let existing;
    try {
        existing = await findOpenIncident(octokit, search);
    }
    catch (error) {
        throw new IncidentError(`GitHub issue: listing open issues failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
    }
    if (existing) {
        try {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: existing.number,
                body: incidentCommentBody(r),
            });
            return {
                action: "commented",
                number: existing.number,
                url: existing.html_url,
                commentUrl: data.html_url,
            };
        }
        catch (error) {
            throw new IncidentError(`GitHub issue: commenting on #${existing.number} failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
        }
    }
    try {
        const { data } = await octokit.rest.issues.create({
            owner,
            repo,
            title,
            body: incidentIssueBody(r),
            labels: [label],
        });
        return { action: "opened", number: data.number, url: data.html_url };
    }
    catch (error) {
        const status = error.status;
        if (status === undefined || status >= 500) {
            const created = await findOpenIncident(octokit, search).catch(() => undefined);
            if (created)
                return { action: "opened", number: created.number, url: created.html_url };
        }
        throw new IncidentError(`GitHub issue: opening the issue failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
    }
}


/***/ }),

/***/ 9110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ orNotFound),
/* harmony export */   J3: () => (/* binding */ StatusHttp),
/* harmony export */   as: () => (/* binding */ DEFAULT_TEXT),
/* harmony export */   wD: () => (/* binding */ IMPACTS)
/* harmony export */ });
/* unused harmony export providerError */
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _chat_send_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2301);


/** The impact words Statuspage uses (`impact_override`); the other providers map from them. */
const IMPACTS = ["none", "minor", "major", "critical"];
/** The runbook's wording, per phase of the rollback; `status-page-message` replaces it. */
const DEFAULT_TEXT = {
    name: "Service Degradation",
    message: {
        started: "We're currently experiencing issues and have initiated a rollback to restore service.",
        failed: "The rollback has not restored service yet. We're continuing to work on it and will post another update soon.",
        cancelled: "We're continuing to work on restoring service and will post another update soon.",
        info: "We're continuing to investigate and will post another update soon.",
        unverified: "We've rolled back to the previous version and are monitoring the results before calling service restored.",
        succeeded: "Service has been restored by rolling back to the previous version. This incident is resolved.",
    },
};
/**
 * An HttpClient for a status page API: JSON, the provider's auth header, and Statuspage's 420 treated like
 * 429 (its docs: "420 or 429 … Retry-After"), since both mean the request was refused before it acted.
 */
class StatusHttp {
    label;
    http;
    options;
    constructor(label, baseUrl, headers, options) {
        this.label = label;
        this.options = options;
        this.http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
            baseUrl,
            platform: label,
            headers,
            timeoutMs: options.timeoutMs ?? 15_000,
            retries: options.retries ?? 4,
            backoffBaseMs: options.backoffBaseMs ?? 500,
            backoffMaxMs: options.backoffMaxMs ?? 8_000,
            maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
            errorDetails: providerError,
            onRetry: (event) => options.log?.(`${label}: ${event.reason}, retrying (attempt ${event.attempt + 1})`),
        });
    }
    async request(request, hint) {
        const retries = this.options.retries ?? 4;
        for (let attempt = 0;; attempt++) {
            try {
                // The schema applies to real answers only, so the 420 is read without it.
                const { schema, ...rest } = request;
                const response = await this.http.request({ ...rest, acceptStatuses: [420] });
                if (response.status !== 420)
                    return parseAnswer(this.label, response.status, response.data, schema);
                const waitMs = (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRetryAfter */ .mu)(response.headers["retry-after"]) ?? 1000 * 2 ** attempt;
                if (attempt >= retries || waitMs > (this.options.maxRetryAfterMs ?? 60_000)) {
                    throw new _chat_send_js__WEBPACK_IMPORTED_MODULE_1__/* .ChannelError */ .Q6(`${this.label}: HTTP 420 rate limited (the platform asks to wait ${Math.ceil(waitMs / 1000)}s: try again later).`, 420);
                }
                this.options.log?.(`${this.label}: 420, retrying in ${Math.ceil(waitMs / 1000)}s`);
                await (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(waitMs);
            }
            catch (error) {
                throw (0,_chat_send_js__WEBPACK_IMPORTED_MODULE_1__/* .channelError */ .a5)(this.label, error, hint);
            }
        }
    }
}
function parseAnswer(label, status, body, schema) {
    if (!schema)
        return body;
    const result = schema.safeParse(body);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    throw new _chat_send_js__WEBPACK_IMPORTED_MODULE_1__/* .ChannelError */ .Q6(`${label}: answered ${status} with a body that is not understood (${where}: ${issue?.message}).`, status);
}
/** A read that answers 404 for "no such thing": undefined then. */
async function orNotFound(read) {
    try {
        return await read;
    }
    catch (error) {
        if (error instanceof _chat_send_js__WEBPACK_IMPORTED_MODULE_1__/* .ChannelError */ .Q6 && error.status === 404)
            return undefined;
        throw error;
    }
}
/** Error code and message from Statuspage (`{error}`), Instatus (`{message}`), Better Stack (`{errors}`). */
function providerError(body) {
    if (typeof body === "string")
        return body ? { message: body.slice(0, 200) } : undefined;
    if (!body || typeof body !== "object")
        return undefined;
    const b = body;
    const raw = b.error ?? b.errors ?? b.message;
    const text = typeof raw === "string"
        ? raw
        : Array.isArray(raw)
            ? raw.filter((item) => typeof item === "string").join("; ")
            : raw && typeof raw === "object"
                ? Object.entries(raw)
                    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(", ") : String(value)}`)
                    .join("; ")
                : undefined;
    const code = typeof b.code === "string" || typeof b.code === "number" ? String(b.code) : undefined;
    return { code, message: text?.slice(0, 200) };
}


/***/ })

};
