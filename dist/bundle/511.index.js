export const id = 511;
export const ids = [511];
export const modules = {

/***/ 3892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ traffic)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/platforms/railway/config.ts
var config = __webpack_require__(20);
// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/platforms/railway/traffic.ts


/**
 * Stopping and bringing back a service's traffic. `deploymentStop` stops the active deployment's instances
 * (the schema's `deploymentStopped` says so afterwards). Replicas are never touched: writing `numReplicas`
 * alone has dropped services to one replica (PLATFORMS.md), so stopping is the only traffic switch used.
 */
const TRAFFIC_STATE_QUERY = `query TrafficState($environmentId: String!, $serviceId: String!) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments {
      id
      status
      createdAt
      deploymentStopped
    }
    latestDeployment {
      id
      status
      createdAt
      deploymentStopped
    }
  }
}`;
const DEPLOYMENT_STOP_MUTATION = `mutation DeploymentStop($id: String!) {
  deploymentStop(id: $id)
}`;
// Resume redeploys the stopped deployment with its own image (usePreviousImageTag): the same build comes
// back, not a new one from today's source. deploymentRestart is not used: the schema documents it only as
// restarting a deployment, not as starting one whose instances were stopped, and it returns no deployment
// to wait for; deploymentRedeploy returns the new deployment, whose SUCCESS is then awaited.
const DEPLOYMENT_RESUME_MUTATION = `mutation DeploymentResume($id: String!) {
  deploymentRedeploy(id: $id, usePreviousImageTag: true) {
    id
    status
    createdAt
  }
}`;
const brief = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    createdAt: schemas/* string */.YjP(),
    deploymentStopped: schemas/* boolean */.zMY(),
});
const stateData = schemas/* object */.Ikc({
    serviceInstance: schemas/* object */.Ikc({ activeDeployments: schemas/* array */.YOg(brief), latestDeployment: brief.nullable() })
        .nullable(),
});
/** Whether a service serves, or which deployment of it was stopped. */
async function trafficState(client, ids) {
    const { serviceInstance } = await client.query("TrafficState", TRAFFIC_STATE_QUERY, { environmentId: ids.environmentId, serviceId: ids.serviceId }, stateData);
    const active = serviceInstance?.activeDeployments ?? [];
    const latest = serviceInstance?.latestDeployment ?? undefined;
    const serving = active.filter((d) => !d.deploymentStopped);
    // A stopped deployment may stay listed as active or drop out of the list: look in both places.
    const stopped = active.find((d) => d.deploymentStopped) ?? (latest?.deploymentStopped ? latest : undefined);
    return { serving, stopped: serving.length ? undefined : stopped };
}
async function stopDeployment(client, id) {
    const data = await client.mutate("DeploymentStop", DEPLOYMENT_STOP_MUTATION, { id }, schemas/* object */.Ikc({ deploymentStop: schemas/* boolean */.zMY() }));
    if (!data.deploymentStop)
        throw new railway_client/* RefusedError */.fk("DeploymentStop");
}
/** Brings a stopped deployment back as a new deployment of the same image; returns it. */
async function resumeDeployment(client, id) {
    const data = await client.mutate("DeploymentResume", DEPLOYMENT_RESUME_MUTATION, { id }, schemas/* object */.Ikc({ deploymentRedeploy: schemas/* object */.Ikc({ id: schemas/* string */.YjP(), status: schemas/* string */.YjP() }) }));
    return data.deploymentRedeploy;
}

// EXTERNAL MODULE: ./src/platforms/railway/watch.ts
var watch = __webpack_require__(3263);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/actions/vercel-promote/explain.ts
var explain = __webpack_require__(3565);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/platforms/vercel/client.ts + 1 modules
var client = __webpack_require__(8574);
;// CONCATENATED MODULE: ./src/actions/traffic/vercel.ts



function vercel_client(settings, log) {
    return new client/* VercelClient */.zJ({
        token: settings.token,
        baseUrl: settings["api-url"] ?? "https://api.vercel.com",
        team: settings.team,
        log,
    });
}
async function planVercelTraffic(settings, log) {
    if (!settings.project)
        throw (0,inputs/* inputError */.Xu)("project", "is required with platform: vercel.", `"shop" or "prj_7gHk2pQ"`);
    const project = await vercel_client(settings, log).getProject(settings.project);
    const production = project.targets?.production ?? undefined;
    log.info(`Project ${project.name} (${project.id}) is ${project.paused ? "paused" : "serving"}.`);
    return {
        platform: "vercel",
        mode: settings.mode,
        project: { id: project.id, name: project.name },
        paused: project.paused === true,
        domains: production?.alias ?? [],
        production: production?.id,
    };
}
/** Pauses or unpauses once; after an answer that never came, the project's state decides. */
async function applyVercelTraffic(settings, log, plan) {
    const vercel = vercel_client(settings, log);
    const pause = plan.mode === "pause";
    try {
        if (pause)
            await vercel.pauseProject(plan.project.id);
        else
            await vercel.unpauseProject(plan.project.id);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
            throw error;
        log.warn(`The ${plan.mode} request got no clear answer (${error.message}); reading the project to see whether it was applied.`);
        const now = await vercel.getProject(plan.project.id);
        if ((now.paused === true) !== pause)
            throw error;
    }
    log.info(`Project ${plan.project.name} ${pause ? "paused: visitors get 503" : "unpaused: production serves again"}.`);
}

;// CONCATENATED MODULE: ./src/actions/traffic/plan.ts




/** A failure while planning, with the platform it came from (the advice depends on it). */
class PlatformFailure extends Error {
    name = "PlatformFailure";
    platform;
    constructor(cause, platform) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.platform = platform;
    }
}
async function planTraffic(ctx) {
    try {
        return await plan(ctx);
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz)
            throw error;
        throw new PlatformFailure(error, ctx.settings.platform);
    }
}
async function plan({ settings, log }) {
    const plan = settings.platform === "vercel"
        ? await planVercelTraffic(settings, log)
        : await planRailwayTraffic(settings, log);
    return {
        ...plan,
        dryRun: settings["dry-run"],
        autoDeploy: settings["auto-deploy"] && plan.platform === "railway",
    };
}
/** Whether the plan has something to change: a serving target to pause, or a stopped one to resume. */
function pending(plan) {
    if (plan.platform === "vercel")
        return plan.paused === (plan.mode === "pause") ? [] : [plan.project.name];
    return plan.services
        .filter((s) => (plan.mode === "pause" ? s.state.serving.length > 0 : s.state.stopped !== undefined))
        .map((s) => s.name);
}
function trafficNothingToDo(plan, autoDeploy = false) {
    // Re-enabling auto-deploy is a change of its own, even when every service already runs.
    if (pending(plan).length || autoDeploy)
        return undefined;
    const status = plan.mode === "pause" ? "already-paused" : "already-running";
    return {
        status,
        reason: `${plan.mode === "pause" ? "Already paused" : "Already running"}: nothing changed. ${visitorsNow(plan, plan.mode === "pause")}`,
    };
}
function describeTraffic(plan, summary) {
    const target = plan.platform === "vercel"
        ? `Vercel project ${plan.project.name}`
        : `Railway ${plan.project.name} (${plan.environment.name})`;
    const changes = pending(plan);
    summary.text(`**${plan.mode === "pause" ? "Stop traffic" : "Resume traffic"}** on ${target}: ${changes.length ? `${plan.dryRun ? "would change" : "changes"} ${changes.join(", ")}` : "nothing to change"}.`);
    if (plan.platform === "railway") {
        summary.table(["service", "now", "deployment"], plan.services.map((s) => [
            s.name,
            s.state.serving.length ? "serving" : s.state.stopped ? "stopped" : "nothing deployed",
            s.state.serving[0]?.id ?? s.state.stopped?.id,
        ]));
    }
}

;// CONCATENATED MODULE: ./src/actions/traffic/explain.ts



/** What visitors get now, in one sentence: the summary's most important line. */
function visitorsNow(plan, paused, results = []) {
    if (plan.platform === "vercel") {
        const where = plan.domains.length ? plan.domains.join(", ") : `${plan.project.name}'s domains`;
        return paused
            ? `Visitors of ${where} now get 503 (the project is paused) until \`mode: resume\`.`
            : `Visitors of ${where} are served by production${plan.production ? ` (${plan.production})` : ""} again.`;
    }
    const stopped = results.length
        ? results.filter((r) => (paused ? r.outcome !== "failed" : r.outcome === "failed")).map((r) => r.name)
        : plan.services.filter((s) => s.state.serving.length === 0).map((s) => s.name);
    const serving = plan.services.map((s) => s.name).filter((name) => !stopped.includes(name));
    return [
        stopped.length && `Stopped (requests get no answer from them): ${stopped.join(", ")}.`,
        serving.length && `Serving: ${serving.join(", ")}.`,
    ]
        .filter(Boolean)
        .join(" ");
}
const trafficAdvice = {
    resumeFailed: (service, deployment, status, elapsedMs) => `${deployment} did not reach SUCCESS (${status ?? "no status"} after ${(0,wait/* formatMs */._)(elapsedMs)}). Check its logs on Railway; run this action again with \`mode: resume\` once fixed, or raise \`wait\`. (${service})`,
    someFailed: (mode, failed) => `${mode === "pause" ? "Stopping" : "Resuming"} failed for ${failed.map((f) => `${f.name} (${f.error})`).join("; ")}. The summary lists each service's state; re-run this action (it is safe to repeat: finished services are skipped).`,
};
function explainTraffic(error, _phase, plan) {
    const platform = error instanceof PlatformFailure ? error.platform : plan?.platform;
    const cause = error instanceof PlatformFailure ? error.cause : error;
    const advice = platform === "vercel" ? (0,explain/* httpAdvice */.nP)(cause, undefined) : undefined;
    return advice ?? (cause instanceof Error ? cause.message : String(cause));
}

;// CONCATENATED MODULE: ./src/actions/traffic/railway.ts







async function token(settings, log) {
    return (0,railway_client/* connect */.Ng)({
        token: settings.token,
        tokenType: settings["token-type"],
        apiUrl: settings["api-url"] ?? railway_client/* DEFAULT_API_URL */.rK,
        logger: log,
    });
}
async function planRailwayTraffic(settings, log) {
    if (settings.services.length === 0)
        throw (0,inputs/* inputError */.Xu)("services", "is required with platform: railway.", `"api, worker"`);
    const detected = await token(settings, log);
    const project = await (0,resolve/* resolveProject */.KI)(detected, settings.project);
    const environment = (0,resolve/* resolveEnvironment */.g9)(project, detected, settings.environment);
    const services = [];
    for (const service of (0,resolve/* resolveServices */.bs)(project, settings.services)) {
        const ids = { projectId: project.id, environmentId: environment.id, serviceId: service.id };
        const state = await trafficState(detected.client, ids);
        log.info(`${service.name}: ${state.serving.length ? `serving ${state.serving.map((d) => d.id).join(", ")}` : state.stopped ? `stopped (${state.stopped.id})` : "nothing deployed"}.`);
        services.push({ name: service.name, id: service.id, state });
    }
    return {
        platform: "railway",
        mode: settings.mode,
        project: { id: project.id, name: project.name },
        environment: { id: environment.id, name: environment.name },
        services,
    };
}
/** Every service is tried; one failing does not stop the others (the summary says which is where). */
async function applyRailwayTraffic(settings, log, plan) {
    const { client } = await token(settings, log);
    const results = [];
    for (const service of plan.services) {
        try {
            results.push(plan.mode === "pause"
                ? await pause(client, log, service)
                : await resume({ client, log, settings, plan, service }));
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            log.warn(`${service.name}: ${message}`);
            results.push({ name: service.name, outcome: "failed", error: message });
        }
    }
    return results;
}
async function pause(client, log, service) {
    if (service.state.serving.length === 0)
        return { name: service.name, outcome: "already", deployment: service.state.stopped?.id };
    for (const deployment of service.state.serving) {
        await stopDeployment(client, deployment.id);
        log.info(`${service.name}: stopped ${deployment.id}.`);
    }
    return { name: service.name, outcome: "stopped", deployment: service.state.serving[0]?.id };
}
async function resume(r) {
    const { client, log, settings, service } = r;
    const ids = { projectId: r.plan.project.id, environmentId: r.plan.environment.id, serviceId: service.id };
    const autoDeploy = settings["auto-deploy"] ? await (0,config/* setAutoDeploy */.LA)(client, ids, true) : undefined;
    const stopped = service.state.stopped;
    if (!stopped)
        return { name: service.name, outcome: "already", deployment: service.state.serving[0]?.id, autoDeploy };
    const created = await resumeDeployment(client, stopped.id);
    log.info(`${service.name}: ${stopped.id} comes back as ${created.id} (same image).`);
    if (settings.wait === 0)
        return { name: service.name, outcome: "resumed", deployment: created.id, autoDeploy };
    const outcome = await (0,watch/* waitForDeployment */.Kw)(client, created.id, {
        timeoutMs: settings.wait,
        log,
        what: `${service.name} deployment ${created.id}`,
    });
    if (outcome.outcome !== "success") {
        throw new Error(trafficAdvice.resumeFailed(service.name, created.id, outcome.status, outcome.elapsedMs));
    }
    return { name: service.name, outcome: "resumed", deployment: created.id, autoDeploy };
}

;// CONCATENATED MODULE: ./src/actions/traffic/apply.ts


async function applyTraffic({ settings, log }, plan) {
    if (plan.platform === "vercel") {
        await applyVercelTraffic(settings, log, plan);
        return { services: [] };
    }
    return { services: await applyRailwayTraffic(settings, log, plan) };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/actions/vercel-promote/inputs.ts
var vercel_promote_inputs = __webpack_require__(4841);
;// CONCATENATED MODULE: ./src/actions/traffic/inputs.ts



/** A required word from a fixed set (no default: the caller must say). */
function required(values, example) {
    return schemas/* string */.YjP().transform((raw, ctx) => {
        const value = raw.trim();
        if (values.includes(value))
            return value;
        ctx.issues.push({
            code: "custom",
            input: raw,
            message: value === ""
                ? `is required: ${values.join(" or ")}.`
                : `is ${JSON.stringify(value)}; it must be one of: ${values.join(", ")}.`,
            params: { example },
        });
        return core/* NEVER */.tm;
    });
}
const trafficInputs = {
    mode: required(["pause", "resume"], `"pause"`),
    platform: required(["vercel", "railway"], `"vercel"`),
    token: inputs/* input */.hF.secret({
        required: true,
        example: "${{ secrets.VERCEL_TOKEN }} or ${{ secrets.RAILWAY_TOKEN }}",
    }),
    // Vercel needs a project; a Railway project token implies its own.
    project: schemas/* string */.YjP().transform((raw, ctx) => {
        if (raw.trim() === "")
            return undefined;
        const parsed = vercel_promote_inputs/* projectInput */.Yg.safeParse(raw);
        if (parsed.success)
            return parsed.data;
        for (const issue of parsed.error.issues)
            ctx.issues.push({ ...issue, input: raw });
        return core/* NEVER */.tm;
    }),
    team: vercel_promote_inputs/* teamInput */.SM,
    environment: inputs/* input */.hF.text({ default: "production", example: `"production"` }),
    services: inputs/* input */.hF.list({ example: `"api, worker"` }),
    "token-type": inputs/* input */.hF.choice(["auto", "project", "account"], "auto"),
    "api-url": inputs/* input */.hF.url({ example: "https://api.vercel.com" }),
    wait: inputs/* input */.hF.duration("5m"),
    "auto-deploy": inputs/* input */.hF.boolean(false),
};

;// CONCATENATED MODULE: ./src/actions/traffic/report.ts

function reportTraffic(ctx, plan, result) {
    const pause = plan.mode === "pause";
    const failed = result.services.filter((s) => s.outcome === "failed");
    const status = failed.length ? "failed" : pause ? "paused" : "resumed";
    const visitors = visitorsNow(plan, pause, result.services);
    ctx.log.info(visitors);
    return {
        status,
        headline: failed.length ? "❌ failed" : pause ? "⏸️ paused" : "▶️ resumed",
        failure: failed.length ? trafficAdvice.someFailed(plan.mode, failed) : undefined,
        summary: (summary) => {
            summary.text(`**${visitors}**`);
            if (plan.platform === "railway") {
                summary.table(["service", "result", "deployment", "auto-deploy", "error"], result.services.map((s) => [
                    s.name,
                    s.outcome === "already" ? (pause ? "already stopped" : "already running") : s.outcome,
                    s.deployment,
                    s.autoDeploy === undefined ? undefined : s.autoDeploy ? "on" : "off",
                    s.error,
                ]));
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/traffic/index.ts






/** Stops or resumes traffic: a Vercel project paused (503), or Railway services' deployments stopped. */
/* harmony default export */ const traffic = ((0,action/* defineAction */.QP)({
    name: "traffic",
    title: "Traffic",
    inputs: trafficInputs,
    plan: planTraffic,
    nothingToDo: (plan) => trafficNothingToDo(plan, plan.mode === "resume" && plan.autoDeploy),
    describe: describeTraffic,
    apply: applyTraffic,
    report: reportTraffic,
    explain: explainTraffic,
}));


/***/ }),

/***/ 20:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LA: () => (/* binding */ setAutoDeploy),
/* harmony export */   cE: () => (/* binding */ readServiceConfig),
/* harmony export */   uL: () => (/* binding */ hasDrift)
/* harmony export */ });
/* unused harmony export compareVariables */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _operations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2052);


const variables = zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J());
const configData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    deploymentSnapshot: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ variables }).nullable().optional(),
    variables: variables.optional(),
    environment: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        variables: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
            edges: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
                node: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
                    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
                    isSealed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
                    serviceId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
                }),
            })),
        }),
    })
        .optional(),
    serviceInstanceAutoDeployStatus: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ canEnable: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), enabled: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional() })
        .optional(),
});
const autoDeployData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ serviceInstanceAutoDeployUpdate: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ enabled: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }) });
/**
 * Reads, in one request, what a rollback to `deploymentId` would change in the service's variables
 * (`drift`, compared with the unrendered values, so a changed reference counts and a re-rendered one does
 * not) and whether pushes auto-deploy. `drift` is undefined when Railway kept no snapshot of the target.
 */
async function readServiceConfig(client, ids, options) {
    const data = await client.query("ServiceConfig", _operations_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVICE_CONFIG_QUERY */ .aG, {
        ...ids,
        deploymentId: options.deploymentId,
        withDrift: options.drift,
        withAutoDeploy: options.autoDeploy,
    }, configData);
    const status = data.serviceInstanceAutoDeployStatus;
    const snapshot = data.deploymentSnapshot?.variables;
    const sealed = (data.environment?.variables.edges ?? [])
        .map((e) => e.node)
        .filter((v) => v.isSealed && (!v.serviceId || v.serviceId === ids.serviceId))
        .map((v) => v.name);
    return {
        drift: options.drift && snapshot ? compareVariables(snapshot, data.variables ?? {}, sealed) : undefined,
        autoDeploy: status
            ? { enabled: status.enabled, canEnable: status.canEnable, reason: status.reason ?? undefined }
            : undefined,
    };
}
/** The names a rollback would add, remove or change (target snapshot vs today); sealed ones apart. */
function compareVariables(target, current, sealed) {
    const hidden = new Set(sealed);
    const names = (record) => Object.keys(record).filter((n) => !hidden.has(n));
    const sorted = (list) => [...list].sort();
    return {
        added: sorted(names(target).filter((n) => !(n in current))),
        removed: sorted(names(current).filter((n) => !(n in target))),
        changed: sorted(names(target).filter((n) => n in current && !sameValue(target[n], current[n]))),
        sealed: sorted([...hidden]),
    };
}
function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function hasDrift(drift) {
    return drift.added.length + drift.removed.length + drift.changed.length > 0;
}
/**
 * Pauses (`enabled: false`) or resumes deploys on push for one service instance. A rollback does not stop
 * the next push from deploying again (PLATFORMS.md); the traffic action's resume calls this with `true`.
 * Returns the state Railway reports afterwards.
 */
async function setAutoDeploy(client, ids, enabled) {
    const data = await client.mutate("ServiceInstanceAutoDeployUpdate", _operations_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTO_DEPLOY_UPDATE_MUTATION */ .IO, { input: { ...ids, enabled } }, autoDeployData);
    return data.serviceInstanceAutoDeployUpdate.enabled;
}


/***/ })

};
