export const id = 982;
export const ids = [982,719];
export const modules = {

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

/***/ 3982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubError: () => (/* binding */ GitHubError),
/* harmony export */   createPullRequest: () => (/* binding */ createPullRequest),
/* harmony export */   dispatchWorkflow: () => (/* binding */ dispatchWorkflow),
/* harmony export */   findPullRequest: () => (/* binding */ findPullRequest),
/* harmony export */   findPullRequestByPrefix: () => (/* binding */ findPullRequestByPrefix),
/* harmony export */   repositoryDefaultBranch: () => (/* binding */ repositoryDefaultBranch)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1719);


const pullSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), html_url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
const repositorySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ default_branch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
class GitHubError extends Error {
    name = "GitHubError";
    /** GitHub's HTTP status; undefined when no answer came (the request may or may not have been applied). */
    status;
    constructor(what, error) {
        super(`${what} failed: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .githubErrorMessage */ .L)(error)}`);
        this.status = error.status;
    }
    /** No answer, or a server error: the request may have been applied. */
    get ambiguous() {
        return this.status === undefined || this.status >= 500;
    }
}
async function repositoryDefaultBranch(octokit, repo) {
    try {
        const { data } = await octokit.rest.repos.get({ ...repo });
        return repositorySchema.parse(data).default_branch;
    }
    catch (error) {
        throw new GitHubError(`Reading repository ${repo.owner}/${repo.repo}`, error);
    }
}
/** The open pull request from `head` (a branch of this repository) into `base`, if there is one. */
async function findPullRequest(octokit, repo, head, base) {
    try {
        const { data } = await octokit.rest.pulls.list({
            ...repo,
            head: `${repo.owner}:${head}`,
            base,
            state: "open",
        });
        const pull = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(pullSchema).parse(data)[0];
        return pull && { number: pull.number, url: pull.html_url };
    }
    catch (error) {
        throw new GitHubError(`Listing pull requests for ${head}`, error);
    }
}
const headedPullSchema = pullSchema.extend({ head: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }) });
/**
 * An open pull request into `base` from a branch of this repository whose name starts with `prefix`
 * (one an earlier run opened for the same revert), if there is one.
 */
async function findPullRequestByPrefix(octokit, repo, options) {
    try {
        const { data } = await octokit.rest.pulls.list({
            ...repo,
            base: options.base,
            state: "open",
            per_page: 100,
        });
        const pull = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(headedPullSchema)
            .parse(data)
            .find((candidate) => candidate.head.ref.startsWith(options.prefix));
        return pull && { number: pull.number, url: pull.html_url, head: pull.head.ref };
    }
    catch (error) {
        throw new GitHubError(`Listing pull requests into ${options.base}`, error);
    }
}
async function createPullRequest(octokit, repo, pull) {
    try {
        const { data } = await octokit.rest.pulls.create({ ...repo, ...pull });
        const created = pullSchema.parse(data);
        return { number: created.number, url: created.html_url };
    }
    catch (error) {
        // Not re-sent blindly: the request may have been applied (lost answer, or a PR that already exists).
        const existing = await findPullRequest(octokit, repo, pull.head, pull.base).catch(() => undefined);
        if (existing)
            return existing;
        throw new GitHubError(`Opening a pull request from ${pull.head} into ${pull.base}`, error);
    }
}
const dispatchedSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    workflow_run_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    run_url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    html_url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
/**
 * Starts a `workflow_dispatch` run of `workflow` (file name or ID) on `ref`. Asks for the started run's
 * details (200 with `{workflow_run_id, run_url, html_url}`); a server that answers 204 (GitHub Enterprise
 * Server without the flag) gives none. A 400/422 naming the flag is a refusal, so nothing started and
 * sending it once more without the flag is safe; any other failure is not re-sent (a lost answer may
 * hide a started run).
 */
async function dispatchWorkflow(octokit, repo, dispatch) {
    const request = {
        ...repo,
        workflow_id: dispatch.workflow,
        ref: dispatch.ref,
        ...(dispatch.inputs ? { inputs: dispatch.inputs } : {}),
    };
    try {
        let response;
        try {
            response = await octokit.rest.actions.createWorkflowDispatch({ ...request, return_run_details: true });
        }
        catch (error) {
            if (!refusesRunDetails(error))
                throw error;
            response = await octokit.rest.actions.createWorkflowDispatch(request);
        }
        // Started either way: details GitHub did not give (204) or gave in an unknown shape are just missing.
        const run = response.status === 200 ? dispatchedSchema.safeParse(response.data) : undefined;
        return run?.success ? { id: run.data.workflow_run_id, url: run.data.html_url } : undefined;
    }
    catch (error) {
        throw new GitHubError(`Dispatching workflow ${dispatch.workflow} on ${dispatch.ref}`, error);
    }
}
function refusesRunDetails(error) {
    const e = error;
    return ((e.status === 400 || e.status === 422) &&
        JSON.stringify(e.response?.data ?? "").includes("return_run_details"));
}


/***/ })

};
