export const id = 356;
export const ids = [356];
export const modules = {

/***/ 4356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploymentChannel: () => (/* binding */ deploymentChannel),
  incidentIdFor: () => (/* binding */ incidentIdFor),
  pagerDutyChannel: () => (/* binding */ pagerDutyChannel),
  statusPageChannels: () => (/* binding */ statusPageChannels)
});

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/platforms/chat/message.ts
var chat_message = __webpack_require__(3052);
// EXTERNAL MODULE: ./src/platforms/github/client.ts
var client = __webpack_require__(1719);
;// CONCATENATED MODULE: ./src/platforms/github/deployments.ts



// GitHub REST: POST /repos/{o}/{r}/deployments (ref, environment, auto_merge, required_contexts, task,
// payload, description) and POST …/deployments/{id}/statuses (state, log_url, environment_url, description).
// docs.github.com/rest/deployments. GitHub's Deployments view then is the deployment log the runbook keeps.
/** The deployment's `task`: how this suite's rollbacks are told apart from ordinary deploys. */
const ROLLBACK_TASK = "rollback";
/**
 * A status per phase: started → in_progress, succeeded → success, failed → failure, cancelled → error;
 * unverified stays in_progress: rolled back, but nobody may read it as a recovery until a person checks.
 */
function deploymentState(status) {
    const states = {
        started: "in_progress",
        succeeded: "success",
        failed: "failure",
        cancelled: "error",
        unverified: "in_progress",
    };
    return states[status];
}
class DeploymentError extends Error {
    name = "DeploymentError";
}
function problem(what, error) {
    const status = error.status;
    const hints = {
        401: " Check github-token.",
        403: " Give the workflow `permissions: deployments: write`.",
        404: " Check github-deployment-id and that the token can see this repository.",
        422: " Check environment and that the commit exists in this repository.",
    };
    // A refused credential's body is quoted only when it is GitHub's own words.
    const message = status === 401 || status === 403 ? refusal(error, status) : (0,client/* githubErrorMessage */.L)(error);
    return new DeploymentError(`GitHub deployment: ${what} failed: ${message}.${hints[status ?? 0] ?? ""}`);
}
function refusal(error, status) {
    const text = error.response?.data?.message;
    return typeof text === "string" && (0,http/* isPlainRefusal */.v1)(text) ? `${status} ${text}` : `${status}`;
}
/** The deployment this run already created for the environment (a re-run of the same step reuses it). */
async function findRunDeployment(octokit, record) {
    const { data } = await octokit.rest.repos.listDeployments({
        owner: record.owner,
        repo: record.repo,
        environment: record.environment,
        task: ROLLBACK_TASK,
        per_page: 30,
    });
    return data.find((d) => runOf(d.payload) === record.runId)?.id;
}
function runOf(payload) {
    if (typeof payload === "string") {
        try {
            return runOf(JSON.parse(payload));
        }
        catch {
            return undefined;
        }
    }
    const id = payload?.run_id;
    return id === undefined || id === null ? undefined : String(id);
}
/**
 * Records the phase: creates the deployment (once per run and environment) and adds a status to it.
 * A create whose answer was lost is looked for before a second one is made.
 */
async function recordDeployment(octokit, record) {
    const state = deploymentState(record.status);
    if (!state)
        throw new DeploymentError(`GitHub deployment: status ${record.status} records nothing.`);
    const { owner, repo } = record;
    let id = record.deploymentId;
    let created = false;
    if (id === undefined) {
        try {
            id = await findRunDeployment(octokit, record);
        }
        catch (error) {
            throw problem("listing deployments", error);
        }
    }
    if (id === undefined) {
        try {
            const { data } = await octokit.rest.repos.createDeployment({
                owner,
                repo,
                ref: record.ref,
                environment: record.environment,
                task: ROLLBACK_TASK,
                auto_merge: false,
                required_contexts: [],
                payload: { run_id: record.runId },
                description: (0,chat_message/* truncate */.xv)(record.description, 140),
                production_environment: record.productionEnvironment,
            });
            if (!("id" in data))
                throw new DeploymentError(`GitHub deployment: not created: ${data.message ?? "no id"}.`);
            id = data.id;
            created = true;
        }
        catch (error) {
            if (error instanceof DeploymentError)
                throw error;
            const status = error.status;
            const again = status === undefined || status >= 500
                ? await findRunDeployment(octokit, record).catch(() => undefined)
                : undefined;
            if (again === undefined)
                throw problem("creating the deployment", error);
            id = again;
            created = true;
        }
    }
    try {
        await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: id,
            state,
            description: (0,chat_message/* truncate */.xv)(record.description, 140),
            ...(record.logUrl ? { log_url: record.logUrl } : {}),
            ...(record.environmentUrl ? { environment_url: record.environmentUrl } : {}),
            environment: record.environment,
            auto_inactive: state === "success",
        });
    }
    catch (error) {
        throw problem(`adding the ${state} status to deployment ${id}`, error);
    }
    return { id, created, state };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/platforms/chat/send.ts
var send = __webpack_require__(2301);
;// CONCATENATED MODULE: ./src/platforms/pagerduty.ts



/** What each status sends: trigger on started/failed, resolve on succeeded, nothing otherwise. */
function pagerDutyAction(status) {
    if (status === "started")
        return { action: "trigger", severity: "error" };
    if (status === "failed")
        return { action: "trigger", severity: "critical" };
    if (status === "succeeded")
        return { action: "resolve", severity: "info" };
    return undefined;
}
/** PagerDuty's limits: summary 1024 characters, dedup_key 255. */
const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255 };
/** The event body; `undefined` when the status sends nothing. Resolve events carry no payload. */
function pagerDutyEvent(routingKey, message) {
    const what = pagerDutyAction(message.status);
    if (!what)
        return undefined;
    const base = {
        routing_key: routingKey,
        event_action: what.action,
        dedup_key: (0,chat_message/* truncate */.xv)(message.dedupKey, PAGERDUTY_LIMITS.dedupKey),
        client: "production-rollback",
        ...(message.runUrl ? { client_url: message.runUrl } : {}),
    };
    if (what.action === "resolve")
        return base;
    return {
        ...base,
        payload: {
            summary: (0,chat_message/* truncate */.xv)(message.summary, PAGERDUTY_LIMITS.summary),
            source: message.source,
            severity: what.severity,
            timestamp: message.time,
            ...(message.environment ? { component: message.environment } : {}),
            group: "production-rollback",
            class: "rollback",
            custom_details: message.details,
        },
        ...(message.runUrl ? { links: [{ href: message.runUrl, text: "Workflow run" }] } : {}),
    };
}
const answerSchema = schemas/* object */.Ikc({
    status: schemas/* string */.YjP(),
    message: schemas/* string */.YjP().nullish(),
    dedup_key: schemas/* string */.YjP().nullish(),
});
/**
 * Sends the event. Retries are safe here: PagerDuty groups events by `dedup_key`, so a trigger sent twice is
 * one alert and a resolve sent twice resolves once.
 */
async function sendPagerDuty(message, options) {
    const event = pagerDutyEvent(options.routingKey, message);
    if (!event)
        return undefined;
    const label = "PagerDuty";
    try {
        const response = await (0,send/* chatClient */.o5)(label, options, { errorDetails: pagerDutyError }).request({
            method: "POST",
            path: `${options.apiUrl.replace(/\/+$/, "")}/v2/enqueue`,
            body: event,
            schema: answerSchema,
            safeToRetry: true,
        });
        return { action: event.event_action, dedupKey: response.data.dedup_key ?? event.dedup_key };
    }
    catch (error) {
        const hint = error instanceof Error && "status" in error && error.status === 400
            ? "Check pagerduty-routing-key: the Integration Key of an Events API v2 integration on the service."
            : "Check pagerduty-api-url and PagerDuty's status, then re-run.";
        throw error instanceof send/* ChannelError */.Q6 ? error : (0,send/* channelError */.a5)(label, error, hint);
    }
}
/** `{message, errors: [...]}` → code "invalid event", message with the first errors. */
function pagerDutyError(body) {
    if (!body || typeof body !== "object")
        return typeof body === "string" ? { message: body.slice(0, 200) } : undefined;
    const b = body;
    const errors = Array.isArray(b.errors) ? b.errors.filter((e) => typeof e === "string").slice(0, 3) : [];
    const message = [typeof b.message === "string" ? b.message : undefined, ...errors]
        .filter(Boolean)
        .join(": ");
    return {
        code: typeof b.status === "string" ? b.status : undefined,
        message: message.slice(0, 200) || undefined,
    };
}

// EXTERNAL MODULE: ./src/platforms/status/betterstack.ts
var betterstack = __webpack_require__(9673);
;// CONCATENATED MODULE: ./src/platforms/status/incident.ts
/** `(production, rollback 4242)`: ends the incident's name, and is how a later step finds it again. */
function incidentTag(mark) {
    const parts = [mark.environment, mark.runId ? `rollback ${mark.runId}` : "rollback"].filter(Boolean);
    return `(${parts.join(", ")})`;
}
/**
 * Reads the page and decides. The incident is this rollback's own: the one `status-page-incident` names,
 * else the newest whose name ends with this environment's and run's tag (resolved ones too, so a re-run
 * continues it). `started` opens one unless it exists; `failed` and `unverified` update it (reopening it when
 * an earlier attempt resolved it) or open one: the public must hear of a rollback that did not recover;
 * `cancelled` and `info` update an open one; `succeeded` resolves it. Never a second incident per rollback.
 */
async function planIncident(client, request) {
    const notes = [];
    let available = [];
    let components = request.components;
    let unknown = [];
    if (request.components.length) {
        available = await client.components();
        components = request.components.filter((id) => available.some((c) => c.id === id));
        unknown = request.components.filter((id) => !components.includes(id));
    }
    const tag = incidentTag(request.mark);
    const search = request.mark.runId ?? "rollback";
    const text = { ...request.text, name: `${request.text.name} ${tag}` };
    let own;
    if (request.incidentId) {
        own = await client.get(request.incidentId);
        if (!own)
            notes.push(`incident ${request.incidentId} is not on this page; looking for this rollback's own`);
    }
    if (!own) {
        const found = await client.find(tag, search);
        // Without a run id the tag names only the environment: an old, resolved incident is another rollback's.
        own = found && (request.mark.runId || !found.resolved) ? found : undefined;
    }
    const step = decide(request.status, own, tag);
    return { step, text, tag, search, components, unknown, available, notes };
}
function decide(status, own, tag) {
    const open = own && !own.resolved ? own : undefined;
    switch (status) {
        case "started":
            if (open)
                return {
                    kind: "none",
                    reason: `incident ${open.id} of this rollback is open: continued`,
                    incident: open,
                };
            return own
                ? {
                    kind: "none",
                    reason: `incident ${own.id} of this rollback was resolved by an earlier attempt: left resolved`,
                    incident: own,
                }
                : { kind: "open", state: "investigating" };
        case "failed":
        case "unverified": {
            const state = status === "failed" ? "investigating" : "monitoring";
            return own ? { kind: "update", incident: own, state } : { kind: "open", state };
        }
        case "cancelled":
        case "info":
            if (open)
                return { kind: "update", incident: open, state: "investigating" };
            return {
                kind: "none",
                reason: own
                    ? `incident ${own.id} is resolved: nothing to update`
                    : `no incident ${tag} open: nothing to update`,
                incident: own,
            };
        case "succeeded":
            if (open)
                return { kind: "resolve", incident: open };
            return own
                ? { kind: "none", reason: `incident ${own.id} is already resolved`, incident: own }
                : { kind: "none", reason: `no incident ${tag} open: nothing to resolve` };
    }
}
/** The plan in one line, for the log, the summary and a dry run. */
function describeIncident(plan) {
    const { step, text } = plan;
    const on = plan.components.length ? `; components ${plan.components.join(", ")}` : "";
    switch (step.kind) {
        case "open":
            return `open "${text.name}" (${step.state}, impact ${text.impact}${on})`;
        case "update": {
            const reopen = step.incident.resolved ? ", reopening it" : "";
            return `update incident ${step.incident.id} (${step.state}${reopen}, impact ${text.impact}${on})`;
        }
        case "resolve":
            return `resolve incident ${step.incident.id} (components back to operational)`;
        case "none":
            return step.reason;
    }
}
/** The warning for components that are not on the page, naming the ones that are. */
function unknownComponentsWarning(label, plan, input) {
    if (!plan.unknown.length)
        return undefined;
    const known = plan.available.map((c) => `${c.id} (${c.name})`).join(", ") || "none";
    return `${label}: ${input} ${plan.unknown.join(", ")} not found on the page, left out. The page has: ${known}.`;
}

;// CONCATENATED MODULE: ./src/platforms/status/incident-apply.ts

/**
 * Makes the change the plan decided. A create or resolve whose answer was lost is read back before it is
 * reported; a failure carries the incident that exists (`IncidentFailure.incident`), so the output names it.
 */
async function applyIncident(client, plan) {
    const { step, text } = plan;
    switch (step.kind) {
        case "none":
            return { incident: step.incident, detail: step.reason };
        case "open": {
            let incident;
            try {
                incident = await client.open(text, plan.components, step.state);
            }
            catch (error) {
                if (!ambiguous(error))
                    throw error;
                const found = await client.find(plan.tag, plan.search).then((incident) => ({ incident }), () => undefined);
                if (!found?.incident)
                    throw new Error(`${errorText(error)} ${unopened(found !== undefined, plan.tag)}`);
                incident = found.incident;
            }
            return { incident, detail: `opened incident ${incident.id}${incident_apply_link(incident)}` };
        }
        case "update":
            try {
                await client.update(step.incident.id, text, plan.components, step.state);
            }
            catch (error) {
                throw new IncidentFailure(error, step.incident);
            }
            return {
                incident: { ...step.incident, resolved: false },
                detail: `updated incident ${step.incident.id} (${step.state}${step.incident.resolved ? ", reopened" : ""})${incident_apply_link(step.incident)}`,
            };
        case "resolve": {
            // Every component the incident affects goes back to operational, not only those named this time.
            const components = [...new Set([...plan.components, ...step.incident.components])];
            try {
                await client.update(step.incident.id, text, components, "resolved");
            }
            catch (error) {
                const now = ambiguous(error) ? await client.get(step.incident.id).catch(() => undefined) : undefined;
                if (!now?.resolved)
                    throw new IncidentFailure(error, step.incident);
            }
            return {
                incident: { ...step.incident, resolved: true },
                detail: `resolved incident ${step.incident.id}${incident_apply_link(step.incident)}`,
            };
        }
    }
}
/** A change to an incident that exists failed: the message is the provider's, the incident is still ours. */
class IncidentFailure extends Error {
    name = "IncidentFailure";
    incident;
    constructor(cause, incident) {
        super(errorText(cause), { cause });
        this.incident = incident;
    }
}
/** What the page holds after a create that may or may not have gone through, from the read-back. */
function unopened(readBack, tag) {
    return readBack
        ? `Read back: the page has no incident ${tag}, so none was opened; re-run this step to open it.`
        : `The page could not be read back: an incident ${tag} may exist; a re-run finds it by that tag and never opens a second.`;
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
function ambiguous(error) {
    return error instanceof send/* ChannelError */.Q6 && error.ambiguous;
}
function incident_apply_link(incident) {
    return incident.url ? ` ${incident.url}` : "";
}

// EXTERNAL MODULE: ./src/platforms/status/instatus.ts
var instatus = __webpack_require__(7098);
// EXTERNAL MODULE: ./src/platforms/status/statuspage.ts
var statuspage = __webpack_require__(6658);
// EXTERNAL MODULE: ./src/actions/notify/channel.ts
var channel = __webpack_require__(6146);
// EXTERNAL MODULE: ./src/actions/notify/checks.ts
var checks = __webpack_require__(1752);
;// CONCATENATED MODULE: ./src/actions/notify/outside.ts









function statusPages(settings, send) {
    const pages = [];
    const sp = settings["statuspage-api-key"];
    const spPage = settings["statuspage-page-id"];
    if (sp && spPage) {
        pages.push({
            client: new statuspage/* StatuspageClient */.J({
                ...send,
                apiKey: sp,
                pageId: spPage,
                apiUrl: settings["statuspage-api-url"] ?? "",
            }),
            componentsInput: "statuspage-components",
            components: settings["statuspage-components"],
        });
    }
    const is = settings["instatus-api-key"];
    const isPage = settings["instatus-page-id"];
    if (is && isPage) {
        pages.push({
            client: new instatus/* InstatusClient */.N({
                ...send,
                apiKey: is,
                pageId: isPage,
                apiUrl: settings["instatus-api-url"] ?? "",
            }),
            componentsInput: "instatus-components",
            components: settings["instatus-components"],
        });
    }
    const bs = settings["betterstack-api-token"];
    const bsPage = settings["betterstack-status-page-id"];
    if (bs && bsPage) {
        pages.push({
            client: new betterstack/* BetterStackClient */.W({
                ...send,
                apiKey: bs,
                pageId: bsPage,
                apiUrl: settings["betterstack-api-url"] ?? "",
            }),
            componentsInput: "betterstack-resources",
            components: settings["betterstack-resources"],
        });
    }
    return pages;
}
/** `statuspage:ID instatus:ID` when several pages are set; a bare id is for the only one. */
function incidentIdFor(value, channel, pages) {
    if (!value)
        return undefined;
    const parts = value.split(/[\s,]+/).filter(Boolean);
    const tagged = parts.find((part) => part.startsWith(`${channel}:`));
    if (tagged)
        return tagged.slice(channel.length + 1);
    return pages === 1 && parts.length === 1 && !parts[0]?.includes(":") ? parts[0] : undefined;
}
/** Status pages: each plan reads the page (its components, the open incident) to decide what to send. */
async function statusPageChannels(settings, said, run, send) {
    const pages = statusPages(settings, send);
    return Promise.all(pages.map(async ({ client, components, componentsInput }) => {
        const via = `${client.label} incident`;
        try {
            const plan = await planIncident(client, {
                status: said.status,
                text: said.statusPage,
                components,
                mark: { environment: settings.environment, runId: run.runId },
                incidentId: incidentIdFor(settings["status-page-incident"], client.channel, pages.length),
            });
            const warning = unknownComponentsWarning(client.label, plan, componentsInput);
            const what = describeIncident(plan);
            const skip = plan.step.kind === "none" && !plan.step.incident ? plan.step.reason : undefined;
            return {
                channel: client.channel,
                via,
                preview: `${what}\nName: ${plan.text.name}\nMessage: ${plan.text.message}`,
                warnings: [...plan.notes.map((note) => `${client.label}: ${note}`), ...(warning ? [warning] : [])],
                skip,
                send: async () => {
                    const result = await applyIncident(client, plan).catch((error) => {
                        if (!(error instanceof IncidentFailure))
                            throw error;
                        const id = error.incident.id;
                        throw new channel/* SendFailure */.dJ(`${error.message} Incident ${id} is still this rollback's: re-run this step (status-page-incident: ${id}) to send the update again.`, { incident: id });
                    });
                    return {
                        detail: result.detail,
                        outputs: result.incident ? { incident: result.incident.id } : {},
                    };
                },
            };
        }
        catch (error) {
            return (0,channel/* failedPlan */.nC)(client.channel, via, error);
        }
    }));
}
/** Why nothing is sent to PagerDuty for this status and attempt, or undefined when the event goes out. */
function pagerDutySkip(said, run, action) {
    if (said.status === "unverified")
        return "status unverified leaves the alert open: only a verified recovery (status succeeded) resolves it";
    if (!action)
        return `status ${said.status} neither triggers nor resolves an alert`;
    // PagerDuty opens a new alert for a trigger whose dedup_key was resolved: a re-run must not page again.
    if (action === "trigger" && run.runAttempt > 1)
        return `attempt ${run.runAttempt} of this run: no new trigger (dedup_key ${said.pagerDuty.dedupKey} belongs to attempt 1's alert, which may be resolved; a trigger would page again). A resolve is still sent on succeeded`;
    return undefined;
}
function pagerDutyChannel(settings, said, run, send) {
    const routingKey = settings["pagerduty-routing-key"];
    if (!routingKey)
        return [];
    const event = pagerDutyEvent(routingKey, said.pagerDuty);
    const skip = pagerDutySkip(said, run, event?.event_action);
    const apiUrl = settings["pagerduty-api-url"] ?? "";
    return [
        {
            channel: "pagerduty",
            via: "PagerDuty Events v2",
            // The routing key is a secret: the preview shows where it goes, not what it is.
            preview: event ? JSON.stringify({ ...event, routing_key: "***" }, null, 2) : "",
            skip,
            warnings: [],
            send: async () => {
                const sent = await sendPagerDuty(said.pagerDuty, { ...send, routingKey, apiUrl });
                return { detail: sent ? `${sent.action} (dedup_key ${sent.dedupKey})` : "nothing sent" };
            },
        },
    ];
}
function deploymentChannel(settings, said, run) {
    const token = settings["github-token"];
    const environment = settings.environment;
    if (!(0,checks/* recordsDeployment */.i)(settings) || !token || !environment || !run.repository)
        return [];
    const state = deploymentState(said.status);
    const { owner, repo, full } = run.repository;
    const id = settings["github-deployment-id"];
    const record = {
        owner,
        repo,
        environment,
        ref: run.sha ?? run.ref ?? "",
        runId: run.runId ?? "",
        status: said.status,
        description: said.deployment,
        logUrl: run.runUrl,
        environmentUrl: settings["environment-url"],
        deploymentId: id,
        productionEnvironment: settings["production-environment"] === "auto"
            ? environment === "production"
            : settings["production-environment"] === "true",
    };
    return [
        {
            channel: "github-deployment",
            via: `GitHub deployment of ${environment} in ${full}`,
            preview: `${id ? `deployment ${id}` : `a deployment of ${environment} at ${record.ref.slice(0, 12)}`}: status ${state ?? "none"}, production_environment ${record.productionEnvironment}${record.environmentUrl ? `, environment_url ${record.environmentUrl}` : ""}${record.logUrl ? `, log_url ${record.logUrl}` : ""}`,
            skip: state ? undefined : `status ${said.status} records no deployment status`,
            warnings: [],
            send: async () => {
                const { githubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1719));
                const octokit = await githubClient({ token, apiUrl: run.apiUrl });
                const result = await recordDeployment(octokit, record);
                return {
                    detail: `${result.created ? "created" : "added to"} deployment ${result.id}: ${result.state}`,
                    outputs: { "github-deployment-id": result.id },
                };
            },
        },
    ];
}


/***/ }),

/***/ 9673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ BetterStackClient)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9110);


// Better Stack Uptime API v2 (betterstack.com/docs/uptime/api): `Authorization: Bearer TOKEN`; JSON:API-style
// answers `{data: {id, type, attributes}}`; a status report per incident, later messages as status updates,
// each naming every affected resource with `degraded`, `downtime` or `resolved` (the only words accepted).
const RESOURCE_STATUS = {
    none: "degraded",
    minor: "degraded",
    major: "degraded",
    critical: "downtime",
};
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    attributes: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        aggregate_state: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish(),
        affected_resources: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ status_page_resource_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()]) }).passthrough())
            .nullish(),
    })
        .passthrough(),
});
const resourceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    attributes: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ public_name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish() }).passthrough(),
});
const page = (item) => zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(item), pagination: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ next: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish() }).nullish() });
const HINT = "Check betterstack-api-token (a Team API token: Better Stack → API tokens) and betterstack-status-page-id.";
class BetterStackClient {
    channel = "betterstack";
    label = "Better Stack";
    http;
    page;
    constructor(options) {
        this.page = `/api/v2/status-pages/${encodeURIComponent(options.pageId)}`;
        this.http = new _common_js__WEBPACK_IMPORTED_MODULE_0__/* .StatusHttp */ .J3(this.label, options.apiUrl, { authorization: `Bearer ${options.apiKey}` }, options);
    }
    async components() {
        const all = [];
        for (let n = 1; n <= 10; n++) {
            const { data, pagination } = await this.http.request({ path: `${this.page}/resources`, query: { page: n }, schema: page(resourceSchema) }, HINT);
            const fresh = data.filter((r) => !all.some((known) => known.id === r.id));
            all.push(...fresh.map((r) => ({ id: r.id, name: r.attributes.public_name ?? r.id })));
            if (!pagination?.next || fresh.length === 0)
                break;
        }
        return all;
    }
    async get(id) {
        const answer = await (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .orNotFound */ .$u)(this.http.request({
            path: `${this.page}/status-reports/${encodeURIComponent(id)}`,
            schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: reportSchema }),
        }, HINT));
        return answer && toIncident(answer.data);
    }
    async find(tag) {
        for (let n = 1; n <= 5; n++) {
            const { data, pagination } = await this.http.request({ path: `${this.page}/status-reports`, query: { page: n }, schema: page(reportSchema) }, HINT);
            const found = data
                .map(toIncident)
                .reverse()
                .find((incident) => incident.name.endsWith(tag));
            if (found)
                return found;
            if (!pagination?.next)
                return undefined;
        }
        return undefined;
    }
    // Better Stack has no incident status words: the message and each resource's status tell the state.
    async open(text, components) {
        const answer = await this.http.request({
            method: "POST",
            path: `${this.page}/status-reports`,
            body: {
                title: text.name,
                message: text.message,
                report_type: "manual",
                affected_resources: affected(components, RESOURCE_STATUS[text.impact]),
            },
            schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: reportSchema }),
        }, HINT);
        return toIncident(answer.data);
    }
    async update(id, text, components, state) {
        const resolve = state === "resolved";
        await this.http.request({
            method: "POST",
            path: `${this.page}/status-reports/${encodeURIComponent(id)}/status-updates`,
            body: {
                message: text.message,
                affected_resources: affected(components, resolve ? "resolved" : RESOURCE_STATUS[text.impact]),
            },
            schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).passthrough() }),
        }, HINT);
    }
}
function affected(components, status) {
    return components.map((id) => ({ status_page_resource_id: id, status }));
}
function toIncident(report) {
    // The docs list Operational, Maintenance, Downtime and Degraded; a resolved report reads as operational.
    const state = report.attributes.aggregate_state?.toLowerCase() ?? "";
    return {
        id: report.id,
        name: report.attributes.title,
        resolved: ["operational", "resolved"].includes(state),
        components: (report.attributes.affected_resources ?? []).map((r) => String(r.status_page_resource_id)),
    };
}


/***/ }),

/***/ 7098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ InstatusClient)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9110);


// Instatus API v1 (instatus.com/help/api): `Authorization: Bearer KEY`; incidents under /v1/{page_id}/incidents,
// later messages as POST …/incidents/{id}/incident-updates; statuses are upper-case words and each component's
// status is set per message through `statuses: [{id, status}]`.
const COMPONENT_STATUS = {
    none: "DEGRADEDPERFORMANCE",
    minor: "DEGRADEDPERFORMANCE",
    major: "PARTIALOUTAGE",
    critical: "MAJOROUTAGE",
};
const incidentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).passthrough()).nullish(),
});
const componentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
const HINT = "Check instatus-api-key (Instatus → User settings → Developer settings) and instatus-page-id.";
class InstatusClient {
    channel = "instatus";
    label = "Instatus";
    http;
    page;
    constructor(options) {
        this.page = `/v1/${encodeURIComponent(options.pageId)}`;
        this.http = new _common_js__WEBPACK_IMPORTED_MODULE_0__/* .StatusHttp */ .J3(this.label, options.apiUrl, { authorization: `Bearer ${options.apiKey}` }, options);
    }
    async components() {
        const list = await this.http.request({ path: `${this.page}/components`, schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(componentSchema) }, HINT);
        return list.map(({ id, name }) => ({ id, name }));
    }
    async get(id) {
        const data = await (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .orNotFound */ .$u)(this.http.request({ path: `${this.page}/incidents/${encodeURIComponent(id)}`, schema: incidentSchema }, HINT));
        return data && toIncident(data);
    }
    async find(tag) {
        // Newest first; this rollback's incident is on the first pages. Bounded: a server that ignores `page`
        // must not loop.
        for (let page = 1; page <= 5; page++) {
            const list = await this.http.request({
                path: `${this.page}/incidents`,
                query: { page, per_page: 50 },
                schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(incidentSchema),
            }, HINT);
            const found = list.find((incident) => incident.name.endsWith(tag));
            if (found)
                return toIncident(found);
            if (list.length < 50)
                return undefined;
        }
        return undefined;
    }
    async open(text, components, state) {
        const data = await this.http.request({
            method: "POST",
            path: `${this.page}/incidents`,
            body: {
                name: text.name,
                message: text.message,
                status: state.toUpperCase(),
                components,
                statuses: components.map((id) => ({ id, status: COMPONENT_STATUS[text.impact] })),
                started: new Date().toISOString(),
                notify: true,
            },
            schema: incidentSchema,
        }, HINT);
        return toIncident(data);
    }
    async update(id, text, components, state) {
        const status = state === "resolved" ? "OPERATIONAL" : COMPONENT_STATUS[text.impact];
        await this.http.request({
            method: "POST",
            path: `${this.page}/incidents/${encodeURIComponent(id)}/incident-updates`,
            body: {
                message: text.message,
                status: state.toUpperCase(),
                components,
                statuses: components.map((c) => ({ id: c, status })),
                started: new Date().toISOString(),
                notify: true,
            },
            schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).passthrough(),
        }, HINT);
    }
}
function toIncident(data) {
    return {
        id: data.id,
        name: data.name,
        resolved: data.status.toUpperCase() === "RESOLVED",
        components: (data.components ?? []).map((c) => c.id),
    };
}


/***/ }),

/***/ 6658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ StatuspageClient)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9110);


// Atlassian Statuspage REST API v1 (developer.statuspage.io): `Authorization: OAuth KEY`; incidents under
// /pages/{page_id}/incidents with the body wrapped in `{incident: {…}}`; components as a map of id → status.
/** Component statuses by impact; `operational` when resolved. */
const COMPONENT_STATUS = {
    none: "degraded_performance",
    minor: "degraded_performance",
    major: "partial_outage",
    critical: "major_outage",
};
const incidentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    shortlink: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).passthrough()).nullish(),
});
const componentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), group: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().nullish() });
const HINT = "Check statuspage-api-key (an API key of a user with the Incident Manager role: Statuspage → API info) and statuspage-page-id.";
class StatuspageClient {
    channel = "statuspage";
    label = "Statuspage";
    http;
    page;
    constructor(options) {
        this.page = `/pages/${encodeURIComponent(options.pageId)}`;
        this.http = new _common_js__WEBPACK_IMPORTED_MODULE_0__/* .StatusHttp */ .J3(this.label, options.apiUrl, { authorization: `OAuth ${options.apiKey}` }, options);
    }
    async components() {
        const all = [];
        // Pages have at most a few hundred components; a server that ignores `page` stops the loop too.
        for (let page = 1; page <= 10; page++) {
            const batch = await this.http.request({
                path: `${this.page}/components`,
                query: { page, per_page: 100 },
                schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(componentSchema),
            }, HINT);
            const fresh = batch.filter((c) => !all.some((known) => known.id === c.id));
            all.push(...fresh.map(({ id, name }) => ({ id, name })));
            if (batch.length < 100 || fresh.length === 0)
                break;
        }
        return all;
    }
    async get(id) {
        const data = await (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .orNotFound */ .$u)(this.http.request({ path: `${this.page}/incidents/${encodeURIComponent(id)}`, schema: incidentSchema }, HINT));
        return data && toIncident(data);
    }
    async find(tag, search) {
        // `q` searches names and updates (developer.statuspage.io, "Get a list of incidents"), newest first; the
        // name's ending decides.
        const list = await this.http.request({
            path: `${this.page}/incidents`,
            query: { q: search, limit: 100 },
            schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(incidentSchema),
        }, HINT);
        const found = list.find((incident) => incident.name.endsWith(tag));
        return found && toIncident(found);
    }
    async open(text, components, state) {
        const data = await this.http.request({
            method: "POST",
            path: `${this.page}/incidents`,
            body: {
                incident: {
                    name: text.name,
                    status: state,
                    impact_override: text.impact,
                    body: text.message,
                    component_ids: components,
                    components: Object.fromEntries(components.map((id) => [id, COMPONENT_STATUS[text.impact]])),
                },
            },
            schema: incidentSchema,
        }, HINT);
        return toIncident(data);
    }
    async update(id, text, components, state) {
        const resolve = state === "resolved";
        const status = resolve ? "operational" : COMPONENT_STATUS[text.impact];
        await this.http.request({
            method: "PATCH",
            path: `${this.page}/incidents/${encodeURIComponent(id)}`,
            body: {
                incident: {
                    status: state,
                    body: text.message,
                    ...(resolve ? {} : { impact_override: text.impact }),
                    component_ids: components,
                    components: Object.fromEntries(components.map((c) => [c, status])),
                },
            },
            schema: incidentSchema,
        }, HINT);
    }
}
function toIncident(data) {
    // `postmortem` and `completed` (maintenance) are past resolution too.
    const resolved = ["resolved", "postmortem", "completed"].includes(data.status);
    return {
        id: data.id,
        name: data.name,
        resolved,
        url: data.shortlink ?? undefined,
        components: (data.components ?? []).map((c) => c.id),
    };
}


/***/ })

};
