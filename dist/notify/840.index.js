export const id = 840;
export const ids = [840,719];
export const modules = {

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ githubErrorMessage),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/** An Octokit for the REST API; loaded on first use so actions that never call GitHub don't pay for it. */
async function githubClient(options) {
    const github = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return github.getOctokit(options.token, { baseUrl: options.apiUrl ?? "https://api.github.com" });
}
/** GitHub's error as a sentence: status, message and the first validation error. */
function githubErrorMessage(error) {
    const e = error;
    const data = e.response?.data;
    const detail = data?.errors?.[0]?.message ?? data?.errors?.[0]?.code;
    return `${e.status ?? "error"} ${data?.message ?? e.message ?? String(error)}${detail ? ` (${detail})` : ""}`;
}


/***/ }),

/***/ 1840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordIncident: () => (/* binding */ recordIncident)
/* harmony export */ });
/* unused harmony exports INCIDENT_LABEL, incidentIssueBody, incidentCommentBody, IncidentError, findOpenIncident */
/* harmony import */ var _core_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8557);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3210);
/* harmony import */ var _chat_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3052);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1719);




const INCIDENT_LABEL = "incident";
/** GitHub's limit on an issue title. */
const TITLE_MAX = 256;
const DEFAULT_RESOLUTION = {
    started: "Rollback in progress.",
    succeeded: "Production rolled back to the last known-good version.",
    failed: "The rollback failed: production may still serve the bad version. Follow the runbook by hand.",
    cancelled: "The rollback was cancelled before it finished.",
    info: undefined,
};
function report(report) {
    const style = _chat_message_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUS_STYLE */ .DJ[report.status];
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
        ["Version (from → to)", report.changes.map((c) => `${c.name}: ${c.value}`).join("\n") || undefined],
        ["Reason", report.reason],
        ["Duration", report.durationMs === undefined ? undefined : (0,_core_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMs */ ._)(report.durationMs)],
        ["Impact", report.impact ?? "_to be filled in_"],
        ["Resolution", report.resolution ?? DEFAULT_RESOLUTION[report.status]],
        ["Links", links.join(" · ")],
    ];
    const lines = ["| | |", "|---|---|", ...rows.map(([name, value]) => `| **${name}** | ${(0,_core_report_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(value)} |`)];
    if (report.actor)
        lines.push(`| **Run by** | ${(0,_core_report_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`@${report.actor}`)} |`);
    const text = report.message.trim() ? `\n\n${report.message.trim()}` : "";
    return `${lines.join("\n")}${text}`;
}
function incidentIssueBody(r) {
    return `## Incident report\n\n${report(r)}\n\n<sub>Opened by the notify action. Later updates on this incident are added as comments; close the issue when the incident is resolved.</sub>\n`;
}
function incidentCommentBody(r) {
    return `### Update: ${_chat_message_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUS_STYLE */ .DJ[r.status].symbol} ${_chat_message_js__WEBPACK_IMPORTED_MODULE_2__/* .STATUS_STYLE */ .DJ[r.status].word}\n\n${report(r)}\n`;
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
/** The open issue labelled `label` whose title is exactly `title`, looking through every page. */
async function findOpenIncident(octokit, owner, repo, title, label = INCIDENT_LABEL) {
    const perPage = 100;
    for (let page = 1;; page++) {
        const { data } = await octokit.rest.issues.listForRepo({
            owner,
            repo,
            state: "open",
            labels: label,
            per_page: perPage,
            page,
        });
        // The issues list includes pull requests; an incident is an issue.
        const found = data.find((issue) => issue.title === title && !issue.pull_request);
        if (found)
            return { number: found.number, html_url: found.html_url };
        if (data.length < perPage)
            return undefined;
    }
}
/**
 * Opens the incident issue, or comments on the open one with the same title, so one incident never gets
 * two issues. A create that may have been applied (5xx, lost connection) is checked by reading again.
 */
async function recordIncident(octokit, options) {
    const { owner, repo, report: r } = options;
    const label = options.label ?? INCIDENT_LABEL;
    const title = (0,_chat_message_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(r.title, TITLE_MAX);
    let existing;
    try {
        existing = await findOpenIncident(octokit, owner, repo, title, label);
    }
    catch (error) {
        throw new IncidentError(`GitHub issue: listing open issues failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
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
            throw new IncidentError(`GitHub issue: commenting on #${existing.number} failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
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
            const created = await findOpenIncident(octokit, owner, repo, title, label).catch(() => undefined);
            if (created)
                return { action: "opened", number: created.number, url: created.html_url };
        }
        throw new IncidentError(`GitHub issue: opening the issue failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .githubErrorMessage */ .L)(error)}.${hint(error)}`);
    }
}


/***/ })

};
