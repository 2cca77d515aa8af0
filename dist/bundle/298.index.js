export const id = 298;
export const ids = [298];
export const modules = {

/***/ 3565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ explainVercelPromote),
/* harmony export */   Fe: () => (/* binding */ Scoped),
/* harmony export */   nP: () => (/* binding */ httpAdvice),
/* harmony export */   v9: () => (/* binding */ advice)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3210);


/**
 * Every message a person reads when vercel-promote cannot do its job: what failed, Vercel's code and
 * message, and what to do next. Control flow throws these; the words live here.
 */
/** A failure while planning, with the team the run was scoped to (the advice for 403/404 depends on it). */
class Scoped extends Error {
    name = "Scoped";
    team;
    constructor(cause, team) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.team = team;
    }
}
function explainVercelPromote(error, phase, plan) {
    const team = error instanceof Scoped ? error.team : plan?.project.team;
    const cause = error instanceof Scoped ? error.cause : error;
    const message = httpAdvice(cause, team) ?? (cause instanceof Error ? cause.message : String(cause));
    // A failure after the change was asked for says which change, so the summary's plan reads with it.
    return phase === "apply" && plan ? `Production ${plan.verb} failed: ${message}` : message;
}
/** Vercel's answer and what to do about it; undefined for anything that is not an HTTP failure. */
function httpAdvice(error, team) {
    if (!(error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$))
        return undefined;
    const detail = error.details.platformMessage ? `: ${error.details.platformMessage}` : "";
    const what = `Vercel answered ${error.status ?? error.code ?? error.kind}${error.code && error.status ? ` ${error.code}` : ""}${detail}.`;
    switch (error.status) {
        case 401:
            return `${what} The token was rejected: check the \`token\` secret holds a valid Vercel access token that has not expired or been revoked (Vercel → Account Settings → Tokens).`;
        case 403:
            return team
                ? `${what} The token may not access team "${team}" or this project: check the token's scope includes that team, and that \`team\` is the team that owns the project.`
                : `${what} The project probably belongs to a team: set \`team\` to the team id (team_…) or slug, and use a token with access to that team.`;
        case 404:
            return `${what} Check \`project\` (id or exact name)${team ? ` and that it belongs to team "${team}"` : " and, for a team project, set `team`"}.`;
        case 402:
            return `${what} The plan allows rolling back only to the immediately previous production deployment: leave \`deployment\` empty to pick it, or upgrade the plan.`;
        case 410:
            return `${what} The deployment was deleted: pick another deployment, or leave \`deployment\` empty to pick the newest good one.`;
        case 409:
            return `${what} Another rollback or promote may be in progress: wait for it, then re-run this action.`;
        case 422:
            return `${what} Vercel refused this target: it must be a READY production deployment of the project (use strategy: promote for one that never served production).`;
        case 429:
            return `${what} Vercel kept rate-limiting the requests${error.details.retryAfterMs ? ` (it asked to wait ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMs */ ._V)(error.details.retryAfterMs)})` : ""}: try again in a few minutes.`;
        default:
            if (error.status !== undefined && error.status >= 500) {
                return `${what} Vercel's API is failing: check https://www.vercel-status.com and re-run this action (it is safe to repeat).`;
            }
            return `${error.message} Check \`api-url\` and the network, then re-run this action (it is safe to repeat).`;
    }
}
const advice = {
    noProduction: (project) => `Project ${project} has no current production deployment, so there is nothing to roll back from. Give \`deployment\` explicitly to promote one.`,
    noCandidate: (project, current, skipped) => `No deployment to roll back to: none of ${project}'s production deployments older than ${current} is READY and served production before. ${skipped.length
        ? `Considered, newest first:\n${skipped.map((line) => `- ${line}`).join("\n")}`
        : "Vercel listed no production deployments older than it."}\nGive \`deployment\` explicitly (a preview can be promoted with strategy: promote).`,
    notFound: (idOrHost) => `Deployment ${idOrHost} was not found on Vercel (404), neither as a deployment nor as a domain. Check the \`deployment\` input (a dpl_… id, the deployment's *.vercel.app URL, or a domain of the project) and that it is in the same team as the project.`,
    unassignedDomain: (host) => `Domain ${host} points at no deployment on Vercel. Give a dpl_… id or a domain that serves a deployment.`,
    otherProject: (id, owner, project, projectId) => `Deployment ${id} belongs to another project (${owner}), not ${project} (${projectId}). Pick a deployment of ${project}.`,
    notReady: (id, state) => `Deployment ${id} is ${state}, not READY: it cannot serve production. Pick a READY deployment, or leave \`deployment\` empty to pick the newest good one.`,
    previewRollback: (id) => `Deployment ${id} is a preview deployment: an instant rollback needs a production deployment that served before. Use strategy: promote (it rebuilds the preview for production) or strategy: auto.`,
    stagedRollback: (id) => `Deployment ${id} never served production (it is staged): an instant rollback cannot target it. Use strategy: promote or strategy: auto.`,
    alreadyRolledBack: (id) => `${id} already serves production: an earlier rollback put it there, and an automatic run never walks further back (nor brings back what that rollback replaced). To go further on purpose, run with \`deployment\` set to the deployment to serve.`,
    alreadyCurrent: (id) => `${id} already serves production: nothing to do.`,
    reasonShortened: (length, kept) => `\`reason\` is ${length} characters; Vercel records at most 250, so the rollback is described as: "${kept}" (the summary keeps it whole).`,
    inFlightLeftAlone: (list) => `Production builds are still on their way and \`cancel-in-flight\` is false, so they were left alone: ${list}. When one finishes it can take production again (unless production is pinned after this rollback).`,
    cancelFailed: (id, message) => `Could not cancel ${id} (${message}); the rollback goes on. Check it on Vercel: if it finished, it may be staged or serving.`,
    aliasJobTimeout: (r) => `The ${r.type} to ${r.to} was accepted, but Vercel had not moved the domains after ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMs */ ._V)(r.elapsedMs)} (alias job: ${r.state ?? "unknown"}; production serves ${r.serving ?? "unknown"}). It may still complete: check the project's Deployments page, raise \`wait\`, or re-run this action later (it reports already-current once done).`,
    aliasJobFailed: (r) => `Vercel's ${r.type} alias job to ${r.to} failed; production still serves ${r.serving ?? "unknown"}. Domains that did not move: ${r.domains}. Check those domains in the project's Domains settings (DNS, certificates), then re-run this action.`,
    aliasListFailed: (message) => `could not be listed (${message})`,
    aliasJobEnded: (r) => `The ${r.type} to ${r.to} was ${r.ending === "skipped" ? "skipped by Vercel" : `superseded by a newer ${r.other}`}; production serves ${r.serving ?? "unknown"}. Someone else is changing production: check with them before re-running.`,
    notApplied: (type, to, message) => `The ${type} request to Vercel failed without an answer (${message}), and the project shows no ${type} to ${to}: it was not applied. It was not sent again, to never ${type} twice. Re-run this action (it is safe to repeat).`,
    rebuildNotStarted: (preview, message) => `The request to rebuild preview ${preview} for production failed without an answer (${message}), and the project shows no new production build from it: it was not started. It was not sent again, to never start two builds. Re-run this action (it is safe to repeat).`,
    rebuildTimeout: (build, preview, state, elapsedMs) => `The production rebuild ${build} of preview ${preview} was still ${state ?? "building"} after ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMs */ ._V)(elapsedMs)}. Production was not changed. Follow the build on Vercel, then run this action with deployment: ${build} once it is READY, or raise \`wait\`.`,
    rebuildEnded: (build, preview, state, error) => `The production rebuild ${build} of preview ${preview} ended ${state}${error ? `: ${error}` : ""}. Production was not changed. Check the build logs on Vercel.`,
    pinned: (serving) => [
        "**Production is pinned** (auto-assignment of production domains is off): new production deploys build",
        "but stay staged and do not serve until someone promotes one. To undo, run this action with",
        `\`strategy: promote\` and \`deployment: <the deployment to serve>\` (for example ${serving} to keep this one);`,
        "a promote turns auto-assignment back on.",
    ].join(" "),
    // A pause turns auto-assignment off too (@vercel/sdk projectsPauseProject): that alone is not a pin.
    paused: "**The project is paused** (visitors get 503; auto-assignment of production domains is off while paused). The traffic action's `mode: resume` unpauses it and keeps a rollback pinned.",
    environment: "A rollback serves the old build as it was built: its environment variables and cron jobs come back with it.",
};


/***/ }),

/***/ 8574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _y: () => (/* binding */ IN_FLIGHT_STATES),
  zJ: () => (/* binding */ VercelClient)
});

// UNUSED EXPORTS: teamQuery, vercelErrorDetails

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/platforms/vercel/schemas.ts

/**
 * Zod shapes of the Vercel answers the suite reads. Only the fields it uses; platform enums are plain
 * strings, since Vercel adds values and an unknown one must not break a rollback (the @vercel/sdk models
 * are closed enums: test/vercel-sim.test.ts checks the simulator against them instead).
 */
const aliasRequestSchema = schemas/* object */.Ikc({
    fromDeploymentId: schemas/* string */.YjP().nullable().optional(),
    toDeploymentId: schemas/* string */.YjP(),
    jobStatus: schemas/* string */.YjP(),
    requestedAt: schemas/* number */.aig(),
    type: schemas/* string */.YjP(),
});
const creatorSchema = schemas/* object */.Ikc({ uid: schemas/* string */.YjP().optional(), username: schemas/* string */.YjP().optional() }).optional();
const productionTargetSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    url: schemas/* string */.YjP().optional(),
    createdAt: schemas/* number */.aig().optional(),
    readyState: schemas/* string */.YjP().optional(),
    readySubstate: schemas/* string */.YjP().optional(),
    alias: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    meta: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
});
const projectSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    accountId: schemas/* string */.YjP().optional(),
    autoAssignCustomDomains: schemas/* boolean */.zMY().optional(),
    paused: schemas/* boolean */.zMY().optional(),
    targets: schemas/* record */.g1P(schemas/* string */.YjP(), productionTargetSchema.nullable()).optional(),
    lastAliasRequest: aliasRequestSchema.nullable().optional(),
    // Sent with `?rollbackInfo=true`: who rolled back last, and why.
    rollbackDescription: schemas/* object */.Ikc({
        description: schemas/* string */.YjP().optional(),
        username: schemas/* string */.YjP().optional(),
        createdAt: schemas/* number */.aig().optional(),
    })
        .nullable()
        .optional(),
});
const listItemSchema = schemas/* object */.Ikc({
    uid: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().optional(),
    url: schemas/* string */.YjP(),
    createdAt: schemas/* number */.aig(),
    readyState: schemas/* string */.YjP(),
    readySubstate: schemas/* string */.YjP().optional(),
    target: schemas/* string */.YjP().nullable().optional(),
    isRollbackCandidate: schemas/* boolean */.zMY().nullable().optional(),
    creator: creatorSchema,
    meta: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
});
const listSchema = schemas/* object */.Ikc({
    deployments: schemas/* array */.YOg(listItemSchema),
    pagination: schemas/* object */.Ikc({ count: schemas/* number */.aig().optional(), next: schemas/* number */.aig().nullable().optional() }).optional(),
});
const deploymentSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().optional(),
    url: schemas/* string */.YjP(),
    projectId: schemas/* string */.YjP().optional(),
    createdAt: schemas/* number */.aig().optional(),
    readyState: schemas/* string */.YjP(),
    readySubstate: schemas/* string */.YjP().optional(),
    target: schemas/* string */.YjP().nullable().optional(),
    alias: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    creator: creatorSchema,
    meta: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    errorMessage: schemas/* string */.YjP().nullable().optional(),
});
// The v9 rollback listing names an alias as a string or as `{alias, deploymentId}` (PLATFORMS.md).
const failedAliasesSchema = schemas/* object */.Ikc({
    aliases: schemas/* array */.YOg(schemas/* object */.Ikc({
        alias: schemas/* union */.KCZ([
            schemas/* string */.YjP(),
            schemas/* object */.Ikc({ alias: schemas/* string */.YjP(), deploymentId: schemas/* string */.YjP().nullable().optional() }),
        ]),
        status: schemas/* string */.YjP().optional(),
    }))
        .default([]),
});
/** `GET /v4/aliases/{host}`: which deployment a domain or alias points at. */
const aliasSchema = schemas/* object */.Ikc({
    alias: schemas/* string */.YjP(),
    uid: schemas/* string */.YjP().optional(),
    deploymentId: schemas/* string */.YjP().nullable().optional(),
    projectId: schemas/* string */.YjP().nullable().optional(),
});
const rollingDeploymentSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    url: schemas/* string */.YjP().optional(),
    createdAt: schemas/* number */.aig().optional(),
});
const rollingReleaseSchema = schemas/* object */.Ikc({
    rollingRelease: schemas/* object */.Ikc({
        state: schemas/* string */.YjP(),
        currentDeployment: rollingDeploymentSchema.nullable().optional(),
        canaryDeployment: rollingDeploymentSchema.nullable().optional(),
        activeStage: schemas/* object */.Ikc({ targetPercentage: schemas/* number */.aig().optional() }).nullable().optional(),
    })
        .nullable(),
});

;// CONCATENATED MODULE: ./src/platforms/vercel/client.ts


/** `{"error":{"code","message"}}`, Vercel's error body. */
function vercelErrorDetails(body) {
    const error = body?.error;
    if (!error || typeof error !== "object")
        return undefined;
    return {
        code: typeof error.code === "string" ? error.code : undefined,
        message: typeof error.message === "string" ? error.message : undefined,
    };
}
/** The query parameter that scopes a call to a team: an id starts with `team_`, anything else is a slug. */
function teamQuery(team) {
    if (!team)
        return {};
    return team.startsWith("team_") ? { teamId: team } : { slug: team };
}
/** Production deployments that can still land: what `cancel-in-flight` stops. */
const IN_FLIGHT_STATES = ["BUILDING", "QUEUED", "INITIALIZING"];
const path = (template, ...ids) => template.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] ?? "") : ""), "");
class VercelClient {
    http;
    team;
    /**
     * Vercel's clock minus ours, from the last answer's Date header (whole seconds, so ±1 s). Alias jobs are
     * stamped with Vercel's clock; comparing them with the runner's would misjudge a skewed machine.
     */
    clockOffsetMs = 0;
    constructor(options) {
        const log = options.log;
        this.team = teamQuery(options.team);
        this.http = new http/* HttpClient */.Qq({
            baseUrl: options.baseUrl ?? "https://api.vercel.com",
            platform: "Vercel",
            headers: {
                authorization: `Bearer ${options.token}`,
                "user-agent": "production-rollback/vercel",
            },
            errorDetails: vercelErrorDetails,
            onRetry: log
                ? (event) => log.info(`Vercel API: ${event.reason}, retry ${event.attempt} in ${event.delayMs} ms`)
                : undefined,
            ...options.http,
        });
    }
    /** Requests sent so far, retries included. */
    get requestCount() {
        return this.http.requestCount;
    }
    /** The runner's time now, on Vercel's clock. */
    serverTime(local = Date.now()) {
        return local + this.clockOffsetMs;
    }
    async call(options) {
        const response = await this.http.request({ ...options, query: { ...options.query, ...this.team } });
        const date = response.headers.date;
        if (date)
            this.clockOffsetMs = (0,http/* serverNow */.c_)(date) - Date.now();
        return response;
    }
    async getProject(idOrName) {
        // rollbackInfo=true is what the CLI sends: the project then carries the last rollback's description.
        const { data } = await this.call({
            path: path `/v9/projects/${idOrName}`,
            query: { rollbackInfo: true },
            schema: projectSchema,
        });
        return data;
    }
    /** One page of a project's deployments, newest first; `next` is the `until` of the following page. */
    async listDeployments(options) {
        const { data } = await this.call({
            path: "/v6/deployments",
            query: {
                projectId: options.projectId,
                target: options.target,
                state: options.state?.join(","),
                limit: options.limit,
                until: options.until,
            },
            schema: listSchema,
        });
        return { deployments: data.deployments, next: data.pagination?.next ?? undefined };
    }
    /** A deployment by id (`dpl_…`) or its own hostname (`*.vercel.app`). */
    async getDeployment(idOrUrl) {
        const { data } = await this.call({ path: path `/v13/deployments/${idOrUrl}`, schema: deploymentSchema });
        return data;
    }
    /** What a custom domain or alias points at; undefined when Vercel knows no such alias (404). */
    async getAlias(host) {
        const { status, data } = await this.call({
            path: path `/v4/aliases/${host}`,
            schema: aliasSchema.optional(),
            acceptStatuses: [404],
        });
        return status === 404 ? undefined : data;
    }
    /** The project's rolling release, or undefined when it has none (or the plan has no rolling releases: 404). */
    async getRollingRelease(idOrName) {
        try {
            const { data } = await this.call({
                path: path `/v1/projects/${idOrName}/rolling-release`,
                schema: rollingReleaseSchema,
            });
            return data.rollingRelease ?? undefined;
        }
        catch (error) {
            if (error instanceof http/* HttpError */.j$ && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** Instant rollback: re-points production domains to a deployment that served production before. */
    async requestRollback(options) {
        const { status } = await this.call({
            method: "POST",
            path: path `/v1/projects/${options.projectId}/rollback/${options.deploymentId}`,
            query: { description: options.description || undefined },
        });
        return status;
    }
    /** Promotes a production deployment; 202 means queued behind a rolling release. */
    async requestPromote(projectId, deploymentId) {
        const { status } = await this.call({
            method: "POST",
            path: path `/v10/projects/${projectId}/promote/${deploymentId}`,
        });
        return status;
    }
    /** Rebuilds a preview deployment with production settings: a new deployment that builds. */
    async rebuildForProduction(deploymentId, projectName) {
        const { data } = await this.call({
            method: "POST",
            path: "/v13/deployments",
            body: { deploymentId, name: projectName, target: "production", meta: { action: "promote" } },
            schema: deploymentSchema,
        });
        return data;
    }
    /** Stops a deployment that is still building or queued; answers it with readyState CANCELED. */
    async cancelDeployment(id) {
        const { data } = await this.call({
            method: "PATCH",
            path: path `/v12/deployments/${id}/cancel`,
            schema: deploymentSchema,
        });
        return data;
    }
    /** Stops all traffic to the project: visitors get 503 until it is unpaused. */
    async pauseProject(projectId) {
        await this.call({ method: "POST", path: path `/v1/projects/${projectId}/pause` });
    }
    async unpauseProject(projectId) {
        await this.call({ method: "POST", path: path `/v1/projects/${projectId}/unpause` });
    }
    /**
     * Turns auto-assignment of custom production domains on or off (`PATCH /v9/projects/{id}`, the field of
     * @vercel/sdk's UpdateProjectRequestBody): off is the pin an instant rollback leaves, and an unpause undoes.
     */
    async setAutoAssignCustomDomains(projectId, enabled) {
        const { data } = await this.call({
            method: "PATCH",
            path: path `/v9/projects/${projectId}`,
            body: { autoAssignCustomDomains: enabled },
            schema: projectSchema,
        });
        return data;
    }
    /** Domains an alias job of this `type` could not move. */
    async failedAliases(projectId, type) {
        // Rollbacks have only a v9 listing (the CLI's call); promotes a v1 one.
        const request = type === "promote"
            ? { path: path `/v1/projects/${projectId}/promote/aliases`, query: { failedOnly: true } }
            : { path: path `/v9/projects/${projectId}/rollback/aliases`, query: { failedOnly: true, limit: 20 } };
        const { data } = await this.call({ ...request, schema: failedAliasesSchema });
        return data.aliases.map((a) => ({
            alias: typeof a.alias === "string" ? a.alias : a.alias.alias,
            status: a.status,
        }));
    }
}


/***/ })

};
