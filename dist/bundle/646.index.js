export const id = 646;
export const ids = [646];
export const modules = {

/***/ 646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ railway_redeploy)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/platforms/railway/config.ts
var railway_config = __webpack_require__(20);
// EXTERNAL MODULE: ./src/platforms/railway/deployments.ts
var deployments = __webpack_require__(1720);
// EXTERNAL MODULE: ./src/platforms/railway/watch.ts
var watch = __webpack_require__(3263);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/migrations/report.ts
var report = __webpack_require__(3183);
// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
;// CONCATENATED MODULE: ./src/actions/railway-redeploy/explain.ts







const WORDS = {
    "no-deployments": (d) => `Service ${d.service} has no deployments in ${d.environment}.`,
    "nothing-running": (d) => `Nothing is running to restart (newest deployment ${d.deployment.id} is ${d.deployment.status}${d.url ? `, ${d.url}` : ""}). Use strategy rollback to go back to a good deployment.`,
    "past-retention": (d) => `Railway does not allow rolling back to ${d.deployment.id} (canRollback: false: its image is past the plan's retention). Use strategy redeploy to rebuild it from source, or pick a newer deployment.`,
    none: (d) => `No deployment to ${d.verb ?? "roll back"} to: ${d.reason} among the last ${d.listed}. Give deployment explicitly${d.url ? ` (see ${d.url})` : ""}.`,
    "not-found": (d) => `Deployment ${d.id} was not found (${d.messages.join("; ")}). Check the deployment input: copy the id from the service's Deployments tab.`,
    elsewhere: (d) => `Deployment ${d.id} belongs to another service or environment, not ${d.service} in ${d.environment}. Check the deployment and services inputs.`,
    timeout: (d) => `Deployment ${d.id} did not reach SUCCESS within ${(0,wait/* formatMs */._V)(d.waitMs)} (last status ${d.status ?? "unknown"}). It may still finish: see ${d.url}. Raise wait if deploys take longer.`,
    ended: (d) => `Deployment ${d.id} ended ${d.status}: ${d.status === "REMOVED"
        ? "another deployment replaced it (a push or another rollback?): check which deployment serves now"
        : `check its logs; the previous deployment ${d.from} may still serve. Try another target with deployment: <id>`}. ${d.url}`,
    replaced: (d) => `Deployment ${d.id} reached SUCCESS, but ${d.by.id} (${describeOrigin(d.by)}) replaced it right after: production is not on the target. Cancel or roll back ${d.by.id}, and pause auto-deploy (freeze-auto-deploy: true). ${d.url}`,
    "not-listed": (d) => d.ambiguous
        ? `The ${d.verb} request's answer was lost and no new deployment appeared within ${(0,wait/* formatMs */._V)(d.withinMs)}, so Railway probably did not act. It was not sent again, to avoid a double ${d.verb}: re-run the action (it is safe to repeat).`
        : `Railway accepted the ${d.verb} but no new deployment running the target's image appeared within ${(0,wait/* formatMs */._V)(d.withinMs)}. Check the service's deployments on Railway.`,
    "restart-unknown": (d) => `The restart request's answer was lost and ${d.id} still reports ${d.status}, so it is unknown whether Railway restarted it. It was not sent again: check ${d.url} and re-run if needed.`,
};
class TargetError extends Error {
    name = "TargetError";
    code;
    data;
    constructor(code, data) {
        super(WORDS[code](data));
        this.code = code;
        this.data = data;
    }
}
/** Several services could not be planned (a dry run stops on it). */
class PlanFailure extends Error {
    name = "PlanFailure";
    failures;
    constructor(failures) {
        super(failures.map(([name, error]) => `- ${name}: ${explainService(error, false)}`).join("\n"));
        this.failures = failures;
    }
}
/** The runner's one message for a failure of the whole run. */
function explainRailway(error, _phase) {
    if (error instanceof PlanFailure)
        return `Railway: some services cannot be planned:\n${error.message}`;
    if (error instanceof report/* MigrationsBlocked */.K6)
        return error.message;
    return explainService(error, false);
}
/** One service's failure: what failed, Railway's code and message, what to do next. */
function explainService(error, sent) {
    const message = (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof railway_client/* TokenRejectedError */.WR) {
        if (error.triedAs.length === 2)
            return `${message} It is not a Railway token Railway accepts: check that the secret holds a Railway token (not another platform's), whole, and that it was not revoked or expired; create a project token for this environment (project settings → Tokens) or an account token (account settings → Tokens).`;
        return error.triedAs[0] === "project"
            ? `${message} If it is an account or workspace token, set token-type: account (or auto); otherwise create a project token for this environment (project settings → Tokens).`
            : `${message} If it is a project token, set token-type: project (or auto); with a workspace token, give the project id (project settings → General).`;
    }
    if (error instanceof resolve/* ScopeError */.He) {
        return error.input === "project"
            ? `${message} Use a token of that project, or leave project empty.`
            : `${message} Set environment: ${error.scope}, or use a project token created for that environment.`;
    }
    if (error instanceof resolve/* NotFoundError */.m_) {
        if (error.what === "project" && error.wanted.length === 0)
            return `Input "project" is required with an account or workspace token (only a project token implies its project). Example: "shop" or the project id`;
        return error.what === "service"
            ? `${message} Check the services input (names are case-sensitive).`
            : message;
    }
    if (error instanceof railway_client/* RefusedError */.fk)
        return `${message} Nothing is known to have changed: check the service on Railway, then re-run (it is safe to repeat).`;
    if (error instanceof railway_client/* RailwayError */.m9 && error.notAuthorized)
        return `${message}. The token may not act on this service: check it belongs to this project and environment.`;
    if (error instanceof http/* HttpError */.j$ && error.kind === "rate-limit")
        return `${message}. Railway's rate limit was reached (Free plans allow 100 requests an hour): try again later.`;
    if (error instanceof TargetError || sent)
        return message;
    return `${message} Nothing was changed for this service.`;
}
/** `[service] …` on every line of one service's log. */
function prefixed(log, name) {
    return {
        info: (m) => log.info(`[${name}] ${m}`),
        warn: (m) => log.warn(`[${name}] ${m}`),
        debug: (m) => log.debug(`[${name}] ${m}`),
    };
}
function describeDeployment(d) {
    const message = (0,deployments/* metaText */.v8)(d, "commitMessage");
    return `${d.id} (${d.status}, ${d.createdAt}${message ? `, "${message.split("\n")[0]}"` : ""})`;
}
/** Who and what started a deployment, from its meta: `commit abc1234 "message" by someone`. */
function describeOrigin(d) {
    const commit = (0,deployments/* metaText */.v8)(d, "commitHash");
    const message = (0,deployments/* metaText */.v8)(d, "commitMessage")?.split("\n")[0];
    const author = (0,deployments/* metaText */.v8)(d, "commitAuthor");
    const parts = [
        commit && `commit ${commit.slice(0, 7)}`,
        message && `"${message}"`,
        author && `by ${author}`,
    ];
    const text = parts.filter(Boolean).join(" ");
    return text || `a ${(0,deployments/* metaText */.v8)(d, "reason") ?? "deployment"} of unknown origin`;
}
/** How to undo freeze-auto-deploy: the terminal command and the dashboard. */
function resumeAdvice(project, environment, services) {
    return `To resume deploys on push: \`npm run action -- traffic --mode resume --auto-deploy true --project ${project} --environment ${environment} --services ${services.join(",")}\` (RAILWAY_TOKEN in the environment), or in Railway's dashboard: the service → Settings → Source → enable automatic deployments.`;
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/change.ts




/** How long to look for the deployment a rollback created (Railway answers `true` before listing it). */
const FIND_NEW_MS = 20_000;
/** Cancels each deployment still on its way; a refusal (already finished, no permission) is a warning. */
async function cancelAll(client, deployments, late, log) {
    const cancelled = [];
    const refused = [];
    for (const deployment of deployments) {
        try {
            await client.cancel(deployment.id);
            cancelled.push({ id: deployment.id, deployment, late });
            log.info(`Cancelled ${deployment.id} (${deployment.status}) so it cannot land after the rollback.`);
        }
        catch (error) {
            const message = error.message;
            refused.push({ id: deployment.id, message });
            log.warn(`Could not cancel ${deployment.id} (${deployment.status}): ${message}. Going on with the rollback.`);
        }
    }
    return { cancelled, refused };
}
/**
 * Sends the one mutation, never twice. When the answer is lost (ambiguous), or when Railway answers only
 * `true` (rollback, restart), the outcome is read back from the service's deployments.
 */
async function mutate(plan, sp, log) {
    const { client, strategy } = plan;
    const { target } = sp;
    let ambiguous = false;
    try {
        if (strategy === "redeploy")
            return await client.redeploy(target.id);
        if (strategy === "rollback")
            await client.rollback(target.id);
        else
            await client.restart(target.id);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$ && error.ambiguous))
            throw error;
        ambiguous = true;
        log.info(`The answer to the ${strategy} was lost (${error.message}); reading the service to see whether Railway acted.`);
    }
    if (strategy === "restart") {
        const now = await client.deployment(target.id);
        if (ambiguous && (0,deployments/* classifyStatus */.xo)(now.status) === "success") {
            const url = (0,deployments/* dashboardUrl */.aU)(plan.project.id, sp.service.id, plan.environment.id, target.id);
            throw new TargetError("restart-unknown", { id: target.id, status: now.status, url });
        }
        return now;
    }
    const known = new Set(sp.known);
    const found = await (0,wait/* waitFor */.fm)({
        what: `the new deployment of ${sp.service.name}`,
        timeoutMs: FIND_NEW_MS,
        initialDelayMs: 1000,
        maxDelayMs: 4000,
        onProgress: (line) => log.info(line),
        poll: async () => {
            const after = await client.serviceDeployments(plan.project.id, plan.environment.id, sp.service.id, 10);
            const { found, others } = (0,deployments/* findNewDeployment */.pB)(known, after.deployments, target);
            if (!found)
                return { done: false, state: "not listed yet" };
            for (const other of others) {
                log.warn(`Another deployment ${other.id} (${other.status}) started during the ${strategy}; when it finishes it may replace the ${strategy}.`);
            }
            return { done: true, value: found };
        },
    });
    if (found.outcome === "done")
        return found.value;
    throw new TargetError("not-listed", { verb: strategy, ambiguous, withinMs: FIND_NEW_MS });
}
/**
 * After the new deployment reached SUCCESS, one more look: a deployment that started while it waited is
 * cancelled (or reported), and one that already replaced it fails the service.
 */
async function lookAgain(plan, sp, created, log) {
    const { client, project, environment } = plan;
    const state = await client.serviceDeployments(project.id, environment.id, sp.service.id, 10);
    const createdAt = Date.parse(created.createdAt);
    const newer = state.deployments.filter((d) => d.id !== created.id && Date.parse(d.createdAt) > createdAt && (0,deployments/* classifyStatus */.xo)(d.status) === "pending");
    const serving = state.active[0];
    const replacedBy = serving && serving.id !== created.id && !state.active.some((d) => d.id === created.id)
        ? serving
        : undefined;
    if (newer.length && !plan.cancelInFlight) {
        for (const d of newer)
            log.warn(`${d.id} (${d.status}) started while the ${plan.strategy} waited; cancel-in-flight is false, so it may replace it.`);
    }
    return { newer, replacedBy };
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/apply.ts






const DONE = { rollback: "rolled-back", redeploy: "redeployed", restart: "restarted" };
/** Every service at once: one service's failure does not stop the others. */
async function applyRailway(ctx, plan) {
    return Promise.all(plan.services.map(async (sp) => {
        const base = { plan: sp, cancelled: [], refused: [], elapsedMs: 0 };
        if (sp.kind === "current")
            return { ...base, status: "already-current", message: sp.reason };
        if (sp.kind === "failed")
            return { ...base, status: "failed", message: explainService(sp.error, false) };
        const started = Date.now();
        const log = prefixed(ctx.log, sp.service.name);
        const result = { ...base, status: "failed", cancelled: [], refused: [] };
        try {
            ctx.signal.throwIfAborted();
            await change(plan, sp, result, log, ctx.signal);
        }
        catch (error) {
            result.status = "failed";
            const changed = result.newDeploymentId !== undefined || result.cancelled.length > 0;
            result.message = explainService(error, changed);
            log.info(`failed: ${result.message}`);
        }
        result.elapsedMs = Date.now() - started;
        return result;
    }));
}
/** Cancel what is on its way, change, wait, freeze, look again. */
async function change(plan, sp, result, log, signal) {
    const { client, strategy } = plan;
    const url = (id) => (0,deployments/* dashboardUrl */.aU)(plan.project.id, sp.service.id, plan.environment.id, id);
    for (const note of sp.notes)
        log.warn(note);
    if (plan.cancelInFlight) {
        const { cancelled, refused } = await cancelAll(client, sp.inFlight, false, log);
        result.cancelled.push(...cancelled);
        result.refused.push(...refused);
    }
    else {
        for (const d of sp.inFlight)
            log.warn(`${d.id} (${d.status}) is on its way and cancel-in-flight is false: when it finishes it replaces the ${strategy}.`);
    }
    signal.throwIfAborted();
    let created;
    if (sp.follow) {
        created = sp.follow;
        result.followed = true;
        log.info(`A ${strategy} to ${sp.target.id} is already on its way (${created.id}, another run?): following it, none sent.`);
    }
    else {
        log.info(strategy === "restart"
            ? `Restarting ${sp.target.id}…`
            : `${strategy === "rollback" ? "Rolling back" : "Redeploying"} to ${describeDeployment(sp.target)}…`);
        created = await mutate(plan, sp, log);
    }
    result.newDeploymentId = created.id;
    log.info(`New deployment: ${created.id} (${url(created.id)}).`);
    if (plan.waitMs === 0) {
        result.status = "requested";
        log.info("wait is 0: not waiting for it to finish.");
        return;
    }
    const outcome = await (0,watch/* waitForDeployment */.Kw)(client, created.id, {
        timeoutMs: plan.waitMs,
        log,
        what: `deployment ${created.id}`,
    });
    if (outcome.outcome === "timeout")
        throw new TargetError("timeout", {
            id: created.id,
            status: outcome.status,
            waitMs: plan.waitMs,
            url: url(created.id),
        });
    if (outcome.outcome === "failed")
        throw new TargetError("ended", {
            id: created.id,
            status: outcome.status,
            from: sp.from.id,
            url: url(created.id),
        });
    log.info(`Deployment ${created.id} is ${outcome.status} after ${(0,wait/* formatMs */._V)(outcome.elapsedMs)}.`);
    if (plan.freeze)
        result.autoDeploy = await freeze(plan, sp, log);
    const after = await lookAgain(plan, sp, created, log);
    if (plan.cancelInFlight && after.newer.length) {
        const { cancelled, refused } = await cancelAll(client, after.newer, true, log);
        result.cancelled.push(...cancelled);
        result.refused.push(...refused);
    }
    if (after.replacedBy)
        throw new TargetError("replaced", { id: created.id, by: after.replacedBy, url: url(created.id) });
    result.status = DONE[strategy];
}
/** Pauses deploys on push so the next push does not bring the bad version back; a refusal is a warning. */
async function freeze(plan, sp, log) {
    if (sp.autoDeploy && !sp.autoDeploy.enabled) {
        log.info("Auto-deploy was already paused.");
        return "already";
    }
    const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: sp.service.id };
    try {
        const enabled = await (0,railway_config/* setAutoDeploy */.LA)(plan.client, ids, false);
        if (enabled)
            throw new Error("Railway still reports auto-deploy enabled");
        log.info("Auto-deploy paused: a push no longer deploys this service.");
        return "paused";
    }
    catch (error) {
        log.warn(`Could not pause auto-deploy: ${error.message}. The next push will deploy again.`);
        return "failed";
    }
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/migrations/check.ts + 5 modules
var check = __webpack_require__(3235);
;// CONCATENATED MODULE: ./src/actions/railway-redeploy/inputs.ts



const railwayInputs = {
    token: inputs/* input */.hF.secret({ required: true, example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "token-type": inputs/* input */.hF.choice(["auto", "project", "account"], "auto"),
    project: inputs/* input */.hF.optional(),
    environment: inputs/* input */.hF.text({ default: "production", required: true, example: '"production"' }),
    services: inputs/* input */.hF.list({ required: true, example: '"backend, ai-engine"' }),
    deployment: inputs/* input */.hF.optional(),
    strategy: inputs/* input */.hF.choice(["rollback", "redeploy", "restart"], "rollback"),
    wait: inputs/* input */.hF.duration("10m"),
    "cancel-in-flight": inputs/* input */.hF.boolean(true),
    "freeze-auto-deploy": inputs/* input */.hF.boolean(false),
    "api-url": inputs/* input */.hF.url({ default: railway_client/* DEFAULT_API_URL */.rK, example: `"${railway_client/* DEFAULT_API_URL */.rK}"` }),
    ...check/* migrationInputs */.WN,
};
/** The checks across inputs, before any request; every problem in one error. */
function checkInputs(settings) {
    const { deployment: explicit, services } = settings;
    const problems = [];
    if (explicit !== undefined && !/^[\w-]{1,100}$/.test(explicit)) {
        problems.push((0,inputs/* inputError */.Xu)("deployment", "is not a Railway deployment id.", '"0f2c6a4e-1b7d-4f3a-9c8e-2d5b7a1e3c90"'));
    }
    if (explicit && new Set(services).size > 1) {
        problems.push((0,inputs/* inputError */.Xu)("deployment", `is set, but services lists ${new Set(services).size} services: an explicit target deployment belongs to one service. List only that service, or leave deployment empty to pick each service's last good deployment.`, 'services: "backend" with deployment: "<id of a backend deployment>"'));
    }
    if (explicit && settings.strategy === "restart") {
        problems.push((0,inputs/* inputError */.Xu)("deployment", "is set, but strategy restart always restarts the active deployment: leave deployment empty, or use strategy rollback or redeploy.", '""'));
    }
    if (settings["token-type"] === "account" && !settings.project) {
        problems.push((0,inputs/* inputError */.Xu)("project", "is required with an account or workspace token (only a project token implies its project).", '"shop" or the project id'));
    }
    if (problems.length)
        throw new inputs/* InputError */.dz(problems.map((problem) => problem.message).join("\n"));
}

// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/actions/railway-redeploy/service.ts




/** Deployments read per service: enough history to find a good one past a few bad deploys. */
const HISTORY = 20;
/** One service: what serves, what to go back to, what is on its way, what the rollback changes. Reads only. */
async function planService(plan, service, explicit, log) {
    const { client, project, environment, strategy } = plan;
    const url = (id) => (0,deployments/* dashboardUrl */.aU)(project.id, service.id, environment.id, id);
    const state = await client.serviceDeployments(project.id, environment.id, service.id, HISTORY);
    const active = state.active[0];
    // With nothing serving (the bad deploy crashed), the newest deployment is the one to move away from.
    const from = active ?? state.deployments[0];
    if (!from)
        throw new TargetError("no-deployments", { service: service.name, environment: environment.name });
    log.info(`Active: ${active ? describeDeployment(active) : `none (newest: ${describeDeployment(from)})`}.`);
    let target;
    let skipped = [];
    if (strategy === "restart") {
        if (!active)
            throw new TargetError("nothing-running", { deployment: from, url: url(from.id) });
        target = active;
    }
    else if (explicit) {
        target = await explicitTarget(client, service, environment, state.deployments, explicit);
        if (active && (active.id === target.id || (0,deployments/* madeFrom */.am)(active, target))) {
            const reason = active.id === target.id
                ? `Deployment ${target.id} is already active: nothing to do.`
                : `The active deployment ${active.id} runs the image of ${target.id}: already current, nothing to do.`;
            return { kind: "current", service, from, to: target.id, reason, skipped };
        }
        if (strategy === "rollback" && target.canRollback === false)
            throw new TargetError("past-retention", { deployment: target });
        if (target.status === "FAILED" || target.status === "CRASHED")
            log.warn(`The target ${target.id} ended ${target.status}; going back to it anyway, as asked.`);
    }
    else {
        const choice = (0,deployments/* chooseTarget */.bx)(from, state.deployments);
        skipped = choice.skipped;
        for (const s of skipped)
            log.info(`Skipped ${s.id} (${s.status}): ${s.reason}.`);
        if (choice.kind === "current") {
            const reason = `The active deployment ${from.id} was itself made from ${choice.source.id} (a previous ${strategy === "redeploy" ? "redeploy" : "rollback"}): already current. To go further back, give deployment explicitly.`;
            return { kind: "current", service, from, to: choice.source.id, reason, skipped };
        }
        if (choice.kind === "restored") {
            const reason = `The active deployment ${from.id} is itself a rollback or redeploy, and the deployment it was made from is not among the last ${state.deployments.length}: treated as already current, so this run never goes further back on its own. To go further back, give deployment: <id> explicitly.`;
            return { kind: "current", service, from, to: from.id, reason, skipped };
        }
        if (choice.kind === "none")
            throw new TargetError("none", {
                reason: choice.reason,
                listed: state.deployments.length,
                deployment: from,
                verb: strategy === "redeploy" ? "redeploy" : "roll back",
                url: url(from.id),
            });
        target = choice.target;
    }
    const follow = strategy === "restart" ? undefined : (0,deployments/* inFlightFrom */.uC)(state.deployments, target);
    const targetAt = Date.parse(target.createdAt);
    const racing = (0,deployments/* inFlight */.CC)(state.deployments).filter((d) => d.id !== follow?.id && d.id !== active?.id && Date.parse(d.createdAt) > targetAt);
    const notes = [];
    const config = await readConfig(plan, service, target, notes);
    if (plan.dryRun) {
        log.info(strategy === "restart"
            ? `Would restart ${describeDeployment(target)}.`
            : `Would ${strategy === "rollback" ? "roll back" : "redeploy"} from ${describeDeployment(from)} to ${describeDeployment(target)}${racing.length && plan.cancelInFlight ? `, cancelling ${racing.map((d) => d.id).join(", ")} first` : ""}.`);
    }
    return {
        kind: "change",
        service,
        from,
        active,
        target,
        known: [...new Set([...state.deployments, ...state.active].map((d) => d.id))],
        follow,
        inFlight: racing,
        drift: config.drift,
        autoDeploy: config.autoDeploy,
        notes,
        skipped,
    };
}
/** Drift (rollback only) and the auto-deploy state (freeze only), in one read; a refusal is a note, not a failure. */
async function readConfig(plan, service, target, notes) {
    const drift = plan.strategy === "rollback";
    if (!drift && !plan.freeze)
        return {};
    const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
    try {
        const config = await (0,railway_config/* readServiceConfig */.cE)(plan.client, ids, {
            deploymentId: target.id,
            drift,
            autoDeploy: plan.freeze,
        });
        if (drift && !config.drift)
            notes.push(`Railway kept no variable snapshot of ${target.id}: variables not compared.`);
        return config;
    }
    catch (error) {
        if (!(error instanceof railway_client/* RailwayError */.m9))
            throw error;
        notes.push(`Variables and auto-deploy could not be read (${error.messages.join("; ")}): not compared.`);
        return {};
    }
}
async function explicitTarget(client, service, environment, history, id) {
    let target = history.find((d) => d.id === id);
    if (!target) {
        try {
            target = await client.deployment(id);
        }
        catch (error) {
            if (error instanceof railway_client/* RailwayError */.m9)
                throw new TargetError("not-found", { id, messages: error.messages });
            throw error;
        }
    }
    if ((target.serviceId && target.serviceId !== service.id) ||
        (target.environmentId && target.environmentId !== environment.id)) {
        throw new TargetError("elsewhere", { id, service: service.name, environment: environment.name });
    }
    return target;
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/plan.ts









/** Connects, resolves names and ids, and decides per service: reads only. */
async function planRailway(ctx) {
    const { settings } = ctx;
    const services = [...new Set(settings.services)];
    checkInputs({ ...settings, services });
    const token = await (0,railway_client/* connect */.Ng)({
        token: settings.token,
        tokenType: settings["token-type"],
        apiUrl: settings["api-url"],
        logger: ctx.log,
    });
    const project = await (0,resolve/* resolveProject */.KI)(token, settings.project);
    const environment = (0,resolve/* resolveEnvironment */.g9)(project, token, settings.environment);
    const resolved = (0,resolve/* resolveServices */.bs)(project, services);
    ctx.log.info(`Railway project ${project.name}, environment ${environment.name}: ${settings.strategy} ${resolved.map((s) => s.name).join(", ")}${settings["dry-run"] ? " (dry run)" : ""}.`);
    const base = {
        client: token.client,
        project,
        environment,
        strategy: settings.strategy,
        waitMs: settings.wait,
        dryRun: settings["dry-run"],
        cancelInFlight: settings["cancel-in-flight"],
        freeze: settings["freeze-auto-deploy"],
    };
    const plans = await Promise.all(resolved.map((service) => planService(base, service, settings.deployment, prefixed(ctx.log, service.name)).catch((error) => ({ kind: "failed", service, error, skipped: [] }))));
    const failed = plans.filter((p) => p.kind === "failed");
    // A dry run has no later step to fail in: a service that cannot be planned fails it now.
    if (base.dryRun && failed.length)
        throw new PlanFailure(failed.map((p) => [p.service.name, p.error]));
    const changes = plans.filter((p) => p.kind === "change");
    const migrations = await (0,check/* checkMigrations */.wE)(ctx, changes.map(migrationRange));
    (0,core_report/* setOutputs */.n0)(ctx.tk, { migrations: (0,report/* migrationsOutput */.h8)(migrations) });
    (0,report/* stopIfBlocked */.sg)(migrations, base.dryRun);
    return { ...base, services: plans, migrations };
}
/** A deployment carries its commit and repository in its meta (`commitHash`, `repo`) when built from git. */
function migrationRange(sp) {
    const side = (d, role) => ({
        name: `${role} deployment ${d.id}`,
        commit: (0,deployments/* metaText */.v8)(d, "commitHash"),
    });
    return {
        label: sp.service.name,
        target: side(sp.target, "the target"),
        production: side(sp.from, "production's"),
        repo: (0,deployments/* metaText */.v8)(sp.from, "repo") ?? (0,deployments/* metaText */.v8)(sp.target, "repo"),
        deployed: { target: sp.target.createdAt, production: sp.from.createdAt },
    };
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/summary.ts






function rowsOf(plan) {
    return plan.services.map((sp) => ({
        plan: sp,
        status: sp.kind === "current" ? "already-current" : sp.kind === "failed" ? "failed" : "planned",
        message: sp.kind === "current" ? sp.reason : undefined,
    }));
}
function toOf(sp) {
    return sp.kind === "change" ? sp.target.id : sp.kind === "current" ? sp.to : undefined;
}
/** The plan in words: the dry run's, nothing-to-do's and a failure's summary. */
function describePlan(plan, summary) {
    for (const sp of plan.services) {
        if (sp.kind !== "change")
            continue;
        const log = (line) => `${sp.service.name}: ${line}`;
        if (plan.dryRun) {
            summary.text(log(plan.strategy === "restart"
                ? `Would restart ${sp.target.id}.`
                : `Would ${plan.strategy === "rollback" ? "roll back" : "redeploy"} from ${sp.from.id} to ${sp.target.id}.`));
        }
    }
    writeTable(plan, summary, rowsOf(plan));
}
function writeTable(plan, summary, rows, results) {
    const url = (sp, id) => id ? (0,core_report/* link */.nf)(id, (0,deployments/* dashboardUrl */.aU)(plan.project.id, sp.service.id, plan.environment.id, id)) : undefined;
    summary.text(`Project **${plan.project.name}**, environment **${plan.environment.name}**, strategy \`${plan.strategy}\`${plan.dryRun ? " (dry run: nothing changed)" : ""}.`);
    summary.table(["Service", "Status", "From", "To", "New deployment", "Time", "Note"], rows.map((r, i) => [
        r.plan.service.name,
        r.status,
        url(r.plan, r.plan.from?.id),
        url(r.plan, toOf(r.plan)),
        url(r.plan, r.newDeploymentId),
        results?.[i] ? (0,wait/* formatMs */._V)(results[i].elapsedMs) : undefined,
        r.message,
    ]));
    const changes = plan.services.filter((sp) => sp.kind === "change");
    const skipped = plan.services.flatMap((sp) => sp.skipped.map((s) => `${sp.service.name}: skipped ${s.id} (${s.status}): ${s.reason}`));
    if (skipped.length)
        summary.details("Deployments skipped by the automatic choice", skipped.map((s) => `- ${s}`).join("\n"));
    const cancelled = results?.flatMap((r) => r.cancelled.map((c) => ({ ...c, service: r.plan.service.name }))) ?? [];
    const refused = results?.flatMap((r) => r.refused.map((c) => `${r.plan.service.name}: could not cancel ${c.id}: ${c.message}`)) ?? [];
    if (cancelled.length || refused.length) {
        summary.heading("Cancelled deployments");
        summary.list([
            ...cancelled.map((c) => `${c.service}: ${c.id} (${c.deployment.status}${c.late ? ", started while the rollback waited" : ""}), ${describeOrigin(c.deployment)}`),
            ...refused,
        ]);
    }
    else if (!results) {
        const pending = changes.flatMap((sp) => sp.inFlight.map((d) => `${sp.service.name}: ${d.id} (${d.status}), ${describeOrigin(d)}`));
        if (pending.length) {
            summary.heading(plan.cancelInFlight
                ? "Would cancel (still on their way)"
                : "On their way (cancel-in-flight: false, left alone)");
            summary.list(pending);
        }
    }
    const drift = changes.flatMap((sp) => {
        if (!sp.drift)
            return [];
        const d = sp.drift;
        const lines = [
            d.added.length ? `added back: ${d.added.join(", ")}` : "",
            d.removed.length ? `removed: ${d.removed.join(", ")}` : "",
            d.changed.length ? `different value: ${d.changed.join(", ")}` : "",
            d.sealed.length ? `sealed, cannot be compared: ${d.sealed.join(", ")}` : "",
        ].filter(Boolean);
        return (0,railway_config/* hasDrift */.uL)(d) || d.sealed.length ? [`${sp.service.name}: ${lines.join("; ")}`] : [];
    });
    if (drift.length) {
        summary.heading("Variables the rollback changes (names only)");
        summary.list(drift);
    }
    (0,report/* describeMigrations */.Hb)(plan.migrations, summary);
    const frozen = results
        ?.filter((r) => r.autoDeploy === "paused" || r.autoDeploy === "already")
        .map((r) => r.plan.service.name) ?? [];
    if (frozen.length) {
        summary.heading("Auto-deploy paused");
        summary.text(`${frozen.join(", ")}: a push no longer deploys. ${resumeAdvice(plan.project.name, plan.environment.name, frozen)}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/report.ts


/** Worst last: with several services, `status` is the worst of theirs. */
const SEVERITY = [
    "already-current",
    "rolled-back",
    "redeployed",
    "restarted",
    "planned",
    "requested",
    "failed",
];
function outputs(plan, rows, results) {
    const url = (sp, id) => id ? (0,deployments/* dashboardUrl */.aU)(plan.project.id, sp.service.id, plan.environment.id, id) : null;
    const single = rows.length === 1 ? rows[0] : undefined;
    return {
        status: SEVERITY[Math.max(...rows.map((r) => SEVERITY.indexOf(r.status)))],
        deployments: JSON.stringify(rows.map((r) => ({
            service: r.plan.service.name,
            "service-id": r.plan.service.id,
            from: r.plan.from?.id ?? null,
            to: toOf(r.plan) ?? null,
            "new-deployment-id": r.newDeploymentId ?? null,
            status: r.status,
            url: url(r.plan, r.newDeploymentId),
            ...(r.status === "failed" ? { error: r.message ?? null } : {}),
        }))),
        "deployment-id": single?.newDeploymentId ?? (single?.status === "already-current" ? single.plan.from?.id : undefined),
        cancelled: JSON.stringify((results ?? []).flatMap((r) => r.cancelled.map((c) => c.id))),
        // Only what a run did: a plan (dry run) has paused nothing, and `every` of nothing is true.
        "auto-deploy-paused": String(pausedEverywhere(results)),
    };
}
function pausedEverywhere(results) {
    const changed = (results ?? []).filter((r) => r.plan.kind === "change");
    return changed.length > 0 && changed.every((r) => r.autoDeploy === "paused" || r.autoDeploy === "already");
}
function planOutputs(plan) {
    return outputs(plan, rowsOf(plan));
}
function nothingToDo(plan) {
    if (!plan.services.every((sp) => sp.kind === "current"))
        return undefined;
    return {
        status: "already-current",
        reason: plan.services
            .map((sp) => `${sp.service.name}: ${sp.kind === "current" ? sp.reason : ""}`)
            .join("\n"),
    };
}
function reportRailway(_ctx, plan, results) {
    const rows = results.map((r) => ({
        plan: r.plan,
        status: r.status,
        newDeploymentId: r.newDeploymentId,
        message: r.message,
    }));
    const out = outputs(plan, rows, results);
    const failed = results.filter((r) => r.status === "failed");
    return {
        status: String(out.status),
        headline: String(out.status),
        outputs: out,
        summary: (summary) => writeTable(plan, summary, rows, results),
        failure: failed.length
            ? `Railway ${plan.strategy} failed for ${failed.map((r) => r.plan.service.name).join(", ")}:\n${failed.map((r) => `- ${r.plan.service.name}: ${r.message}`).join("\n")}`
            : undefined,
    };
}

;// CONCATENATED MODULE: ./src/actions/railway-redeploy/index.ts







/** Rolls Railway services back to a known-good deployment (rollback, redeploy or restart). */
/* harmony default export */ const railway_redeploy = ((0,action/* defineAction */.QP)({
    name: "railway-redeploy",
    title: "Railway rollback",
    inputs: railwayInputs,
    plan: planRailway,
    nothingToDo: nothingToDo,
    describe: describePlan,
    planOutputs: planOutputs,
    apply: applyRailway,
    report: reportRailway,
    explain: explainRailway,
}));


/***/ }),

/***/ 3183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hb: () => (/* binding */ describeMigrations),
/* harmony export */   K6: () => (/* binding */ MigrationsBlocked),
/* harmony export */   h8: () => (/* binding */ migrationsOutput),
/* harmony export */   sg: () => (/* binding */ stopIfBlocked)
/* harmony export */ });
/* harmony import */ var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3235);


/** The `migrations` output: a JSON array of `{file, tool, commit, flags}`. */
function migrationsOutput(check) {
    return (check &&
        JSON.stringify(check.migrations.map(({ file, tool, commit, flags }) => ({ file, tool, commit, flags }))));
}
/** `migrations: block` without `allow-migrations`: raised while planning, so nothing has changed. */
class MigrationsBlocked extends Error {
    name = "MigrationsBlocked";
}
/** Stops a real run that block mode holds back; a dry run only says it would stop (describeMigrations). */
function stopIfBlocked(check, dryRun) {
    if (!check?.blocks || dryRun)
        return;
    const found = check.migrations.map((m) => `- ${(0,_check_js__WEBPACK_IMPORTED_MODULE_0__/* .line */ .n8)(m)}`);
    const unknown = check.unknown.map((sentence) => `- ${sentence}`);
    throw new MigrationsBlocked([
        `Stopped before any change (migrations: block): ${check.migrations.length ? "migrations ran between the target and production, and the old code may not work with the new schema" : "the migrations between the target and production could not all be checked"}.`,
        ...found,
        ...unknown,
        check.migrations.length
            ? "Nothing was changed. Restore the database to before them (or check the old code works with the new schema), then re-run with allow-migrations: true."
            : "Nothing was changed. Look for migrations in that range by hand (or give the missing history or token), then re-run, with allow-migrations: true if there are none that matter.",
    ].join("\n"));
}
/** The migrations in the plan's summary: each with its flags, what is unknown, and whether block stops. */
function describeMigrations(check, summary) {
    if (!check)
        return;
    summary.heading("Migrations between the target and production");
    if (check.migrations.length)
        summary.table(["File", "Tool", "Commit", "Flags"], check.migrations.map((m) => [
            m.file,
            m.tool,
            m.commit.slice(0, 7),
            m.read ? m.flags.join(", ") || "none found" : "not read (GitHub showed no diff)",
        ]));
    else if (!check.unknown.length)
        summary.text("None.");
    summary.list(check.unknown.map(_core_report_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV));
    if (check.restore.length)
        summary.list(check.restore.map(_core_report_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV));
    if (check.blocks)
        summary.text("⛔ `migrations: block`: a real run stops here, before any change.");
    else if (check.mode === "block" && check.allow && (check.migrations.length || check.unknown.length))
        summary.text("`allow-migrations: true`: going ahead despite them.");
}


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


/***/ }),

/***/ 1720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ inFlight),
/* harmony export */   aU: () => (/* binding */ dashboardUrl),
/* harmony export */   am: () => (/* binding */ madeFrom),
/* harmony export */   bx: () => (/* binding */ chooseTarget),
/* harmony export */   pB: () => (/* binding */ findNewDeployment),
/* harmony export */   uC: () => (/* binding */ inFlightFrom),
/* harmony export */   v8: () => (/* binding */ metaText),
/* harmony export */   xo: () => (/* binding */ classifyStatus)
/* harmony export */ });
/* unused harmony exports sameImage, isRestoration */
const SUCCESS = new Set(["SUCCESS", "SLEEPING"]);
const FAILED = new Set(["FAILED", "CRASHED", "REMOVED", "REMOVING", "SKIPPED"]);
const PENDING = new Set(["BUILDING", "DEPLOYING", "INITIALIZING", "NEEDS_APPROVAL", "QUEUED", "WAITING"]);
/**
 * What `deploymentCancel` is for (issue 19 names QUEUED, WAITING, BUILDING, DEPLOYING). INITIALIZING is
 * included: it becomes BUILDING moments later, and left alone it would land after the rollback.
 */
const CANCELLABLE = new Set(["QUEUED", "WAITING", "INITIALIZING", "BUILDING", "DEPLOYING"]);
function classifyStatus(status) {
    if (SUCCESS.has(status))
        return "success";
    if (FAILED.has(status))
        return "failed";
    if (PENDING.has(status))
        return "pending";
    return "unknown";
}
/** States an older deployment may be in and still be a known-good version to go back to. */
const GOOD_HISTORY = new Set(["SUCCESS", "REMOVED", "REMOVING", "SLEEPING"]);
function dashboardUrl(projectId, serviceId, environmentId, deploymentId) {
    const query = new URLSearchParams({ environmentId, id: deploymentId });
    return `https://railway.com/project/${encodeURIComponent(projectId)}/service/${encodeURIComponent(serviceId)}?${query}`;
}
/** A string field of a deployment's meta (an untyped JSON scalar). */
function metaText(d, key) {
    const meta = d.meta && typeof d.meta === "object" ? d.meta : {};
    const value = meta[key];
    return typeof value === "string" && value ? value : undefined;
}
/**
 * Whether two deployments run the same image: by digest when both have one, else by image name. This is
 * how a rollback shows what it was made from (PLATFORMS.md: its meta carries the target's
 * `image`/`imageDigest` and `reason: "rollback"`; no key names the target).
 */
function sameImage(a, b) {
    const [da, db] = [metaText(a, "imageDigest"), metaText(b, "imageDigest")];
    if (da && db)
        return da === db;
    const [ia, ib] = [metaText(a, "image"), metaText(b, "image")];
    return ia !== undefined && ia === ib;
}
/** A rollback or redeploy made this deployment from an older one (its meta says so, not which one). */
function isRestoration(d) {
    const reason = metaText(d, "reason");
    return reason === "rollback" || reason === "redeploy";
}
/**
 * Whether `deployment` is `source` again: a rollback carries its image; a redeploy rebuilds its commit
 * (a new image, so the commit is all that links them).
 */
function madeFrom(deployment, source) {
    if (deployment.id === source.id)
        return false;
    if (sameImage(deployment, source))
        return true;
    const commit = metaText(deployment, "commitHash");
    return (metaText(deployment, "reason") === "redeploy" &&
        commit !== undefined &&
        commit === metaText(source, "commitHash"));
}
/**
 * The newest deployment older than the active one that Railway allows to roll back to (`canRollback`),
 * skipping failed, crashed and never-served ones and those running the active image. If the active
 * deployment is itself a rollback or redeploy, production is already rolled back: going further back needs
 * an explicit id, so a second automatic run never picks the version the first one replaced.
 */
function chooseTarget(active, history) {
    const activeAt = Date.parse(active.createdAt);
    const older = history.filter((d) => d.id !== active.id && Date.parse(d.createdAt) < activeAt);
    const source = older.find((d) => madeFrom(active, d));
    if (source && isRestoration(active))
        return { kind: "current", source, skipped: [] };
    if (isRestoration(active))
        return { kind: "restored", skipped: [] };
    const skipped = [];
    for (const candidate of older) {
        const reason = unsuitable(candidate, active);
        if (reason) {
            skipped.push({ id: candidate.id, status: candidate.status, reason });
            continue;
        }
        return { kind: "target", target: candidate, skipped };
    }
    return {
        kind: "none",
        skipped,
        reason: older.length
            ? `none of the ${older.length} older deployments listed can be rolled back to`
            : "there is no deployment older than the active one",
    };
}
function unsuitable(candidate, active) {
    if (!GOOD_HISTORY.has(candidate.status)) {
        if (candidate.status === "FAILED")
            return "it failed";
        if (candidate.status === "CRASHED")
            return "it crashed";
        return `its status ${candidate.status} is not a known-good state`;
    }
    if (candidate.canRollback === false)
        return "Railway no longer allows rolling back to it (canRollback: false, image past retention)";
    if (sameImage(candidate, active))
        return "it runs the same image as the active deployment";
    return undefined;
}
/** Deployments of the service still on their way (queued, building, deploying), newest first. */
function inFlight(history) {
    return history.filter((d) => CANCELLABLE.has(d.status));
}
/** A rollback/redeploy of `target` already on its way (another run's): follow it instead of sending one. */
function inFlightFrom(history, target) {
    return inFlight(history).find((d) => isRestoration(d) && madeFrom(d, target));
}
/**
 * After a rollback (which returns only `true`), the new deployment is one that was not there before the
 * mutation and runs the target's image: a push racing it is new too, but from other source. Of several,
 * the oldest (a later one would be someone else's rollback).
 */
function findNewDeployment(before, after, target) {
    const fresh = after.filter((d) => !before.has(d.id) && d.id !== target.id);
    const made = fresh.filter((d) => madeFrom(d, target));
    const found = made[made.length - 1];
    return { found, others: fresh.filter((d) => d !== found) };
}


/***/ }),

/***/ 3584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ ScopeError),
/* harmony export */   KI: () => (/* binding */ resolveProject),
/* harmony export */   bs: () => (/* binding */ resolveServices),
/* harmony export */   g9: () => (/* binding */ resolveEnvironment),
/* harmony export */   m_: () => (/* binding */ NotFoundError)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3393);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A name or id that matches nothing the token can see; `known` lists what it can. */
class NotFoundError extends Error {
    name = "NotFoundError";
    what;
    wanted;
    known;
    constructor(what, wanted, known, message) {
        super(message);
        this.what = what;
        this.wanted = wanted;
        this.known = known;
    }
}
/** A project token used outside its scope (another project or environment). */
class ScopeError extends Error {
    name = "ScopeError";
    input;
    scope;
    constructor(input, scope, message) {
        super(message);
        this.input = input;
        this.scope = scope;
    }
}
function names(items) {
    return items.map((i) => i.name);
}
/**
 * The project, by the token's scope, an id, or a name. A name is looked up in the personal account's
 * projects and in every workspace of the token's user (`me { workspaces }`, then
 * `projects(workspaceId:)`): root `projects` alone lists no workspace project (PLATFORMS.md).
 */
async function resolveProject(token, wanted) {
    const { client, scope } = token;
    if (scope) {
        if (wanted && wanted !== scope.project.id && wanted !== scope.project.name) {
            throw new ScopeError("project", scope.project.name, `The project token belongs to project "${scope.project.name}" (${scope.project.id}), but project is "${wanted}".`);
        }
        return scope.project;
    }
    if (!wanted) {
        // Refused as a project token: before asking for a project, make sure it is a Railway token at all
        // (a Vercel token lands here too, and "project is required" would send the user the wrong way).
        if (token.probedAsProject)
            await rejectedAsToken(token, () => client.projects());
        throw new NotFoundError("project", [], [], "No project given for an account or workspace token.");
    }
    return rejectedAsToken(token, async () => {
        if (UUID.test(wanted)) {
            try {
                return await client.project(wanted);
            }
            catch (error) {
                // Not a project id after all (or not visible): look it up by name below.
                if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9) || isRejection(error))
                    throw error;
            }
        }
        const projects = await visibleProjects(client);
        const found = projects.find((p) => p.id === wanted || p.name === wanted);
        if (!found) {
            throw new NotFoundError("project", [wanted], names(projects), `No Railway project "${wanted}" is visible to this token. Projects it can see: ${names(projects).join(", ") || "(none)"}.`);
        }
        return client.project(found.id);
    });
}
/** Personal projects plus each workspace's; a workspace token (no user behind it) gets the root list only. */
async function visibleProjects(client) {
    let workspaces = [];
    try {
        workspaces = await client.workspaces();
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9) || !error.notAuthorized)
            throw error;
    }
    const lists = await Promise.all([client.projects(), ...workspaces.map((w) => client.projects(w.id))]);
    return [...new Map(lists.flat().map((p) => [p.id, p])).values()];
}
function isRejection(error) {
    return error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9 && error.notAuthorized;
}
/**
 * A refusal of the first account-side read means Railway rejects the token itself: under `auto` it was
 * already refused as a project token, so neither kind fits.
 */
async function rejectedAsToken(token, read) {
    try {
        return await read();
    }
    catch (error) {
        if (!isRejection(error))
            throw error;
        const triedAs = token.probedAsProject ? ["project", "account"] : ["account"];
        throw new _client_js__WEBPACK_IMPORTED_MODULE_0__/* .TokenRejectedError */ .WR([...triedAs], error.messages);
    }
}
function resolveEnvironment(project, token, wanted) {
    const found = project.environments.find((e) => e.id === wanted || e.name === wanted);
    const scope = token.scope;
    if (scope) {
        const own = project.environments.find((e) => e.id === scope.environmentId) ?? {
            id: scope.environmentId,
            name: scope.environmentId,
        };
        if (!found || found.id !== own.id) {
            throw new ScopeError("environment", own.name, `The project token is scoped to environment "${own.name}", but environment is "${wanted}".`);
        }
        return own;
    }
    if (!found) {
        throw new NotFoundError("environment", [wanted], names(project.environments), `Project "${project.name}" has no environment "${wanted}". Its environments: ${names(project.environments).join(", ") || "(none)"}.`);
    }
    return found;
}
function resolveServices(project, wanted) {
    const missing = wanted.filter((w) => !project.services.some((s) => s.id === w || s.name === w));
    if (missing.length) {
        throw new NotFoundError("service", missing, names(project.services), `Project "${project.name}" has no service ${missing.map((m) => `"${m}"`).join(", ")}. Its services: ${names(project.services).join(", ") || "(none)"}.`);
    }
    const found = wanted.map((w) => project.services.find((s) => s.id === w || s.name === w));
    return [...new Map(found.map((s) => [s.id, s])).values()];
}


/***/ }),

/***/ 3263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ waitForDeployment)
/* harmony export */ });
/* unused harmony exports websocketUrl, subscribeDeployment */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3210);
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1720);
/* harmony import */ var _operations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2052);




/** How long the subscription may take to be acknowledged before polling takes over. */
const SUBSCRIBE_TIMEOUT_MS = 5000;
/**
 * With live updates, a read this soon after subscribing when nothing was pushed yet, then whenever nothing
 * was heard (pushed or read) for `GUARD_READ_MS`: a subscription that accepts and stays silent costs at
 * most about 10 s of detection, and a talking one costs no reads.
 */
const FIRST_GUARD_MS = 2000;
const GUARD_READ_MS = 10_000;
/** Without live updates: first pause between reads, growing ×1.5 up to the CLI's 5 s… and a bit beyond. */
const FALLBACK_FIRST_MS = 2000;
const FALLBACK_MAX_MS = 8000;
/** How often the wait looks at what the subscription delivered (no request): bounds the detection lag. */
const TICK_MS = 50;
const nextMessage = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    payload: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
});
const nextPayload = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    data: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deployment: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), status: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }) })
        .nullable()
        .optional(),
    errors: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ message: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }).loose()).optional(),
});
/** `https://…/graphql/v2` → `wss://…/graphql/v2`. */
function websocketUrl(apiUrl) {
    return apiUrl.replace(/^http/, "ws");
}
/**
 * Subscribes to a deployment's status over graphql-transport-ws, as Railway's CLI does, with the auth
 * headers on the upgrade. Any failure (refused upgrade, error message, close) marks it unhealthy and the
 * caller polls instead; it never throws.
 */
async function subscribeDeployment(client, deploymentId, onStatus, onFailure) {
    // Loaded when a wait starts, not with the action: undici's WebSocket brings its fetch and WebIDL code.
    const { WebSocket } = (await __webpack_require__.e(/* import() */ 726).then(__webpack_require__.t.bind(__webpack_require__, 3726, 23))).default;
    let healthy = false;
    let ended = false;
    let settle = () => { };
    const ready = new Promise((resolve) => {
        settle = resolve;
    });
    client.extraRequests++;
    let socket;
    try {
        socket = new WebSocket(websocketUrl(client.apiUrl), {
            protocols: "graphql-transport-ws",
            headers: client.headers,
        });
    }
    catch (error) {
        onFailure(error.message);
        return { ready: Promise.resolve(false), healthy: false, close: () => { } };
    }
    const fail = (reason) => {
        if (ended)
            return;
        ended = true;
        healthy = false;
        clearTimeout(timer);
        settle(false);
        onFailure(reason);
        try {
            socket.close();
        }
        catch {
            // Already closing.
        }
    };
    const timer = setTimeout(() => fail(`no acknowledgement within ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .formatMs */ ._V)(SUBSCRIBE_TIMEOUT_MS)}`), SUBSCRIBE_TIMEOUT_MS);
    const send = (message) => socket.send(JSON.stringify(message));
    socket.onopen = () => send({ type: "connection_init", payload: {} });
    socket.onerror = (event) => fail(`WebSocket error${"message" in event ? ` (${String(event.message)})` : ""}`);
    socket.onclose = (event) => fail(`connection closed (${event.code}${event.reason ? ` ${event.reason}` : ""})`);
    socket.onmessage = (event) => {
        let message;
        try {
            message = nextMessage.parse(JSON.parse(String(event.data)));
        }
        catch {
            return fail("a message that is not graphql-transport-ws");
        }
        switch (message.type) {
            case "connection_ack":
                send({
                    id: "1",
                    type: "subscribe",
                    payload: {
                        operationName: "DeploymentStatus",
                        query: _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_SUBSCRIPTION */ .eL,
                        variables: { id: deploymentId },
                    },
                });
                healthy = true;
                clearTimeout(timer);
                settle(true);
                return;
            case "ping":
                return send({ type: "pong" });
            case "next": {
                const payload = nextPayload.safeParse(message.payload);
                if (!payload.success)
                    return fail("an update this client does not understand");
                if (payload.data.errors?.length)
                    return fail(payload.data.errors.map((e) => e.message).join("; "));
                const status = payload.data.data?.deployment.status;
                if (status)
                    onStatus(status);
                return;
            }
            case "error":
                return fail(`subscription refused: ${JSON.stringify(message.payload)}`);
            case "complete":
                return fail("subscription ended by the server");
            default:
                return;
        }
    };
    return {
        ready,
        get healthy() {
            return healthy && !ended;
        },
        close: () => {
            if (ended)
                return;
            ended = true;
            clearTimeout(timer);
            settle(false);
            socket.close();
        },
    };
}
/**
 * Waits for a deployment to succeed or fail. Live updates come from the subscription (exit within one
 * tick of Railway reporting the outcome); reads are rare guards while it is healthy and frugal polling
 * when it is not. Unknown statuses keep the wait going, with a warning, until the deadline.
 */
async function waitForDeployment(client, deploymentId, options) {
    let latest;
    let heardAt = Date.now();
    const unknownSeen = new Set();
    // Every status seen, pushed or read, is noted as it arrives: a short-lived unknown one still warns.
    const see = (status) => {
        heardAt = Date.now();
        // The first outcome stands: a SUCCESS replaced a moment later (REMOVED by a newer deploy) was reached.
        if (latest !== undefined && ["success", "failed"].includes((0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyStatus */ .xo)(latest)))
            return;
        latest = status;
        if ((0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyStatus */ .xo)(status) === "unknown" && !unknownSeen.has(status)) {
            unknownSeen.add(status);
            options.log.warn(`${options.what} reports status ${status}, which this action does not know; waiting for SUCCESS or a failure until the deadline.`);
        }
    };
    const subscription = options.live === false
        ? undefined
        : await subscribeDeployment(client, deploymentId, see, (reason) => options.log.info(`Live updates for ${options.what} unavailable (${reason}); polling Railway instead.`));
    try {
        if (subscription)
            await subscription.ready;
        const subscribedAt = Date.now();
        let lastRead;
        let fallbackDelay = FALLBACK_FIRST_MS;
        const result = await (0,_core_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitFor */ .fm)({
            what: options.what,
            timeoutMs: options.timeoutMs,
            initialDelayMs: TICK_MS,
            maxDelayMs: TICK_MS,
            factor: 1,
            progressEveryMs: 15_000,
            onProgress: (line) => options.log.info(line),
            poll: async () => {
                const now = Date.now();
                const live = subscription?.healthy === true;
                const due = live
                    ? latest === undefined && lastRead === undefined
                        ? now - subscribedAt >= FIRST_GUARD_MS
                        : now - heardAt >= GUARD_READ_MS
                    : lastRead === undefined || now - lastRead >= fallbackDelay;
                if (due) {
                    if (lastRead !== undefined && !live)
                        fallbackDelay = Math.min(FALLBACK_MAX_MS, fallbackDelay * 1.5);
                    lastRead = now;
                    see((await client.deployment(deploymentId)).status);
                }
                if (latest === undefined)
                    return { done: false };
                const kind = (0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyStatus */ .xo)(latest);
                if (kind === "success" || kind === "failed")
                    return { done: true, value: latest };
                return { done: false, state: latest };
            },
        });
        if (result.outcome === "timeout") {
            return { outcome: "timeout", status: result.lastState ?? latest, elapsedMs: result.elapsedMs };
        }
        const kind = (0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyStatus */ .xo)(result.value) === "success" ? "success" : "failed";
        return { outcome: kind, status: result.value, elapsedMs: result.elapsedMs };
    }
    finally {
        subscription?.close();
    }
}


/***/ })

};
