export const id = 456;
export const ids = [456];
export const modules = {

/***/ 2456:
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
    return { serving, stopped: serving.length ? undefined : stopped, latest };
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

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/actions/traffic/railway-pause.ts


/**
 * Stops a service's serving deployments, newest first. What this run stopped is recorded (the newest one,
 * which resume brings back); a service already stopped, by a person or an earlier run, is not.
 */
async function pauseService(r) {
    const { client, log, plan, service } = r;
    const [newest] = service.state.serving;
    if (!newest)
        return { name: service.name, outcome: "already", deployment: service.state.stopped?.id };
    const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
    const record = { service: service.name, "service-id": service.id, "deployment-id": newest.id };
    let stopped = false;
    try {
        for (const deployment of service.state.serving) {
            try {
                await stopDeployment(client, deployment.id);
            }
            catch (error) {
                if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
                    throw error;
                // No clear answer: the deployment's own flag says whether the stop happened.
                log.warn(`${service.name}: the stop of ${deployment.id} got no clear answer; reading it back.`);
                const now = await trafficState(client, ids);
                if (now.serving.some((d) => d.id === deployment.id))
                    throw error;
            }
            stopped ||= deployment.id === newest.id;
            log.info(`${service.name}: stopped ${deployment.id}.`);
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Stopped before the failure: still this run's to bring back.
        return { name: service.name, outcome: "failed", error: message, ...(stopped ? { record } : {}) };
    }
    return { name: service.name, outcome: "stopped", deployment: newest.id, record };
}

// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/platforms/railway/config.ts
var config = __webpack_require__(20);
// EXTERNAL MODULE: ./src/platforms/railway/deployments.ts
var deployments = __webpack_require__(1720);
// EXTERNAL MODULE: ./src/actions/vercel-promote/explain.ts
var explain = __webpack_require__(3565);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/actions/traffic/stopped.ts

/**
 * `stopped`: what one pause stopped, handed to the resume of the same rollback so it restarts only that.
 * Railway: `{"platform":"railway","services":[{"service","service-id","deployment-id"}]}`, one entry per
 * service whose active deployment this pause stopped. Vercel: `{"platform":"vercel","project-id","paused",
 * "pinned"}`: `paused` whether this pause paused the project, `pinned` whether a rollback's pin
 * (auto-assignment off) was in effect before it.
 */
const railwayEntry = schemas/* strictObject */.rej({
    service: schemas/* string */.YjP().min(1),
    "service-id": schemas/* string */.YjP().min(1),
    "deployment-id": schemas/* string */.YjP().min(1),
});
const railwayStopped = schemas/* strictObject */.rej({
    platform: schemas/* literal */.euz("railway"),
    services: schemas/* array */.YOg(railwayEntry),
});
const vercelStopped = schemas/* strictObject */.rej({
    platform: schemas/* literal */.euz("vercel"),
    "project-id": schemas/* string */.YjP().min(1),
    paused: schemas/* boolean */.zMY(),
    pinned: schemas/* boolean */.zMY(),
});
const stoppedSchema = schemas/* discriminatedUnion */.gMt("platform", [railwayStopped, vercelStopped]);
const EXAMPLE = `"\${{ needs.traffic-stop.outputs.stopped }}" (the pause's \`stopped\` output)`;
/** The input: empty (an older caller: resume every stopped service) or a pause's `stopped` output. */
const stoppedInput = schemas/* string */.YjP().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === "")
        return undefined;
    const fail = (message) => {
        ctx.issues.push({ code: "custom", input: raw, message, params: { example: EXAMPLE } });
        return core/* NEVER */.tm;
    };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return fail(`is not JSON (${error.message}).`);
    }
    const parsed = stoppedSchema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    return fail(`is not what a pause records (${issue?.path.join(".") || "the object"}: ${issue?.message}).`);
});
/** The output, as JSON on one line. */
function stoppedOutput(stopped) {
    return JSON.stringify(stopped);
}

// EXTERNAL MODULE: ./src/platforms/vercel/client.ts + 1 modules
var client = __webpack_require__(8574);
;// CONCATENATED MODULE: ./src/actions/traffic/vercel.ts





function vercelClient(settings, log) {
    return new client/* VercelClient */.zJ({
        token: settings.token,
        baseUrl: settings["api-url"] ?? "https://api.vercel.com",
        team: settings.team,
        log,
    });
}
/**
 * An instant rollback is what production serves: the last alias job was a rollback to the current
 * production deployment, and it did not fail (PLATFORMS.md: `lastAliasRequest`). Auto-assignment alone
 * cannot tell while paused, since the pause turns it off too.
 */
function rollbackInEffect(project) {
    const last = project.lastAliasRequest;
    const production = project.targets?.production?.id;
    return (last?.type === "rollback" &&
        production !== undefined &&
        last.toDeploymentId === production &&
        !["failed", "skipped"].includes(last.jobStatus));
}
async function planVercelTraffic(settings, log, recorded) {
    if (!settings.project)
        throw (0,inputs/* inputError */.Xu)("project", "is required with platform: vercel.", `"shop" or "prj_7gHk2pQ"`);
    const project = await vercelClient(settings, log).getProject(settings.project);
    if (recorded && recorded["project-id"] !== project.id)
        throw (0,inputs/* inputError */.Xu)("stopped", `records project ${recorded["project-id"]}, but \`project\` is ${project.name} (${project.id}): pass the \`stopped\` output of this project's pause.`);
    const production = project.targets?.production ?? undefined;
    const paused = project.paused === true;
    const autoAssignOff = project.autoAssignCustomDomains === false;
    // Before a pause, auto-assignment off means production is pinned (PLATFORMS.md); once paused it says
    // nothing (a pause turns it off), so only the last alias job can tell.
    const pinnedNow = paused ? rollbackInEffect(project) : autoAssignOff;
    // A promote after the recorded pin turned auto-assignment on on purpose (PLATFORMS.md): it stands.
    const promoted = project.lastAliasRequest?.type === "promote";
    const pin = rollbackInEffect(project) || (recorded?.pinned === true && !promoted);
    log.info(`Project ${project.name} (${project.id}) is ${paused ? "paused" : "serving"}; auto-assignment of production domains is ${autoAssignOff ? "off" : "on"}${pinnedNow ? " (a rollback is in effect)" : ""}.`);
    return {
        platform: "vercel",
        mode: settings.mode,
        project: { id: project.id, name: project.name },
        paused,
        autoAssignOff,
        pinned: pinnedNow,
        unpause: paused && (recorded === undefined || recorded.paused),
        pin,
        domains: production?.alias ?? [],
        production: production?.id,
    };
}
/** Resume has something to change: an unpause, or a pin an earlier unpause (ours or a person's) undid. */
function vercelPending(plan) {
    if (plan.mode === "pause")
        return !plan.paused;
    return plan.unpause || (!plan.paused && plan.pin && !plan.autoAssignOff);
}
/** Sends a change once; after an answer that never came, `applied` (on a read-back) decides. */
async function once(r, send, applied) {
    try {
        await send();
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
            throw error;
        r.log.warn(`The ${r.what} request got no clear answer (${error.message}); reading the project back.`);
        if (!applied(await r.vercel.getProject(r.id)))
            throw error;
    }
}
async function applyVercelTraffic(r) {
    const { settings, log, plan, signal } = r;
    const vercel = vercelClient(settings, log);
    const id = plan.project.id;
    const call = (what) => ({ vercel, log, id, what });
    let sent = false;
    let error;
    try {
        if (signal.aborted)
            throw signal.reason;
        if (plan.mode === "pause") {
            sent = true;
            await once(call("pause"), () => vercel.pauseProject(id), (p) => p.paused === true);
        }
        else {
            if (plan.unpause)
                await once(call("unpause"), () => vercel.unpauseProject(id), (p) => p.paused !== true);
            // Seen through even after SIGTERM: an unpause alone leaves a rolled-back project unpinned, and the
            // next production build would take the domains (@vercel/sdk projectsUnpauseProject).
            if (plan.pin) {
                await once(call("re-pin"), () => vercel.setAutoAssignCustomDomains(id, false), (p) => p.autoAssignCustomDomains === false);
                log.info("Auto-assignment of production domains is off again: the rollback stays pinned.");
            }
        }
    }
    catch (caught) {
        error =
            caught instanceof action/* CancelledError */.cc
                ? caught.message
                : ((0,explain/* httpAdvice */.nP)(caught, settings.team) ?? (caught instanceof Error ? caught.message : String(caught)));
        log.warn(error);
    }
    const after = await readBack(vercel, id);
    return {
        ...after,
        // Asked for and not read back as serving: recorded as paused by this run. When unsure, a resume with
        // this record unpauses only a project it finds paused.
        pausedByRun: sent && !plan.paused && after.paused !== false,
        error: [error, after.error].filter(Boolean).join(" ") || undefined,
    };
}
async function readBack(vercel, id) {
    try {
        const project = await vercel.getProject(id);
        return {
            paused: project.paused === true,
            autoAssignOff: project.autoAssignCustomDomains === false,
            production: project.targets?.production?.id,
        };
    }
    catch (caught) {
        return {
            paused: undefined,
            autoAssignOff: undefined,
            production: undefined,
            error: `The project could not be read back (${caught instanceof Error ? caught.message : String(caught)}).`,
        };
    }
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
    const { settings } = ctx;
    const recorded = settings.stopped;
    if (recorded && settings.mode === "pause")
        throw (0,inputs/* inputError */.Xu)("stopped", "is read only with `mode: resume` (it is the pause's output).");
    if (recorded && recorded.platform !== settings.platform)
        throw (0,inputs/* inputError */.Xu)("stopped", `records platform ${recorded.platform}, but \`platform\` is ${settings.platform}: pass the output of the ${settings.platform} pause.`);
    // Set before anything can fail: a pause that stops nothing says so, since an empty `stopped` would let a
    // resume restart every stopped service (a person's too). Replaced by what this run stopped.
    if (settings.mode === "pause" && settings.platform === "railway")
        ctx.tk.setOutput("stopped", stoppedOutput({ platform: "railway", services: [] }));
    try {
        const plan = settings.platform === "vercel"
            ? await planVercelTraffic(settings, ctx.log, recorded?.platform === "vercel" ? recorded : undefined)
            : await planRailwayTraffic(settings, ctx.log, recorded?.platform === "railway" ? recorded : undefined);
        if (plan.platform === "vercel" && plan.mode === "pause") {
            const nothing = {
                platform: "vercel",
                "project-id": plan.project.id,
                paused: false,
                pinned: plan.pinned,
            };
            ctx.tk.setOutput("stopped", stoppedOutput(nothing));
        }
        return {
            ...plan,
            dryRun: settings["dry-run"],
            autoDeploy: settings["auto-deploy"] && plan.platform === "railway",
        };
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz)
            throw error;
        throw new PlatformFailure(error, settings.platform);
    }
}
/** What the plan has to change: a target to pause, or one to bring back (or, on Vercel, re-pin). */
function pending(plan) {
    if (plan.platform === "vercel")
        return vercelPending(plan) ? [plan.project.name] : [];
    return plan.services.filter((s) => railwayPending(plan, s)).map((s) => s.name);
}
function trafficNothingToDo(plan) {
    // Re-enabling auto-deploy is a change of its own, even when every service already runs.
    if (pending(plan).length || (plan.mode === "resume" && plan.autoDeploy))
        return undefined;
    const pause = plan.mode === "pause";
    const left = leftStopped(plan);
    return {
        status: pause ? "already-paused" : "already-running",
        reason: `${pause ? "Already paused before this run" : "Nothing of this rollback's to resume"}: nothing changed. ${planNow(plan)}${left}${pause ? ALREADY_PAUSED : ""}`,
    };
}
const ALREADY_PAUSED = " `stopped` records nothing (this run stopped nothing), so a resume with it leaves this stopped. If an earlier attempt of this rollback stopped it, resume with that attempt's `stopped`, or without `stopped` (every stopped service and a paused project come back).";
/** Resume: what stays stopped because this rollback's pause did not stop it. */
function leftStopped(plan) {
    if (plan.mode === "pause")
        return "";
    if (plan.platform === "vercel")
        return plan.paused && !plan.unpause
            ? " The project stays paused: this rollback's pause did not pause it (`stopped` says so)."
            : "";
    const left = plan.services.filter((s) => !s.state.serving.length && !s.bringBack && s.state.stopped);
    return left.length
        ? ` Left stopped (not stopped by this rollback's pause): ${left.map((s) => s.name).join(", ")}.`
        : "";
}
function describeTraffic(plan, summary) {
    const target = plan.platform === "vercel"
        ? `Vercel project ${plan.project.name}`
        : `Railway ${plan.project.name} (${plan.environment.name})`;
    const changes = pending(plan);
    summary.text(`**${plan.mode === "pause" ? "Stop traffic" : "Resume traffic"}** on ${target}: ${changes.length ? `${plan.dryRun ? "would change" : "changes"} ${changes.join(", ")}` : "nothing to change"}.`);
    if (plan.platform === "vercel" && plan.mode === "resume" && plan.pin)
        summary.text("A rollback is in effect: after the unpause, auto-assignment of production domains is turned off again.");
    if (plan.platform === "railway") {
        summary.table(["service", "now", "deployment", "to bring back"], plan.services.map((s) => [
            s.name,
            s.state.serving.length ? "serving" : s.state.stopped ? "stopped" : "nothing serving",
            s.state.serving[0]?.id ?? s.state.stopped?.id,
            plan.mode === "resume" ? s.bringBack : undefined,
        ]));
    }
}

;// CONCATENATED MODULE: ./src/actions/traffic/explain.ts



function describeEnd(end) {
    if (end.kind === "timeout")
        return `is still ${end.status ?? "on its way"}${end.elapsedMs ? ` after ${(0,wait/* formatMs */._V)(end.elapsedMs)}` : " (`wait: 0`: not waited for)"}`;
    if (end.kind === "cancelled")
        return `was ${end.status ?? "on its way"} when the run was cancelled`;
    return `ended ${end.status}`;
}
/** What visitors of a Vercel project get, in one sentence, from a read-back. */
function vercelNow(plan, now) {
    const where = plan.domains.length ? plan.domains.join(", ") : `${plan.project.name}'s domains`;
    if (now.paused === undefined)
        return `What visitors of ${where} get is unknown: the project could not be read back.`;
    if (now.paused)
        return `Visitors of ${where} now get 503 (the project is paused) until \`mode: resume\`.`;
    const pin = now.autoAssignOff
        ? " Production stays pinned (auto-assignment of production domains is off): a new build does not take it."
        : plan.mode === "resume" && plan.pin
            ? " Production is NOT pinned although a rollback is in effect: the next production build would take the domains. Run this action again with the same inputs (it puts the pin back)."
            : "";
    return `Visitors of ${where} are served by production${now.production ? ` (${now.production})` : ""}.${pin}`;
}
/** Which Railway services serve and which are stopped, in one or two sentences, from a read-back. */
function railwayNow(now) {
    const serving = [];
    const stopped = [];
    const unknown = [];
    for (const s of now) {
        if ("unreadable" in s)
            unknown.push(s.name);
        else if (s.state.serving.length)
            serving.push(`${s.name} (${s.state.serving[0]?.id})`);
        else
            stopped.push(s.name);
    }
    return [
        stopped.length && `Stopped (requests get no answer from them): ${stopped.join(", ")}.`,
        serving.length && `Serving: ${serving.join(", ")}.`,
        unknown.length && `Could not be read back: ${unknown.join(", ")}.`,
    ]
        .filter(Boolean)
        .join(" ");
}
/** The same from the plan's read (nothing changed yet). */
function planNow(plan) {
    if (plan.platform === "vercel")
        return vercelNow(plan, plan);
    return railwayNow(plan.services.map((s) => ({ name: s.name, state: s.state })));
}
const trafficAdvice = {
    resumeFailed: (service, deployment, end) => `${service}: ${deployment} (the stopped deployment brought back) ${describeEnd(end)}. Check its logs on Railway; run this action again with \`mode: resume\` once fixed, or raise \`wait\`.`,
    newerServes: (service, newer, stopped) => `${service}: ${newer}, newer than the stopped ${stopped}, serves: ${stopped} is not brought back (it would replace it).`,
    newerNotServing: (service, newer, stopped, end) => `${service}: the newer deployment ${newer} (a rollback or deploy after the pause) ${describeEnd(end)}, so the stopped ${stopped} was not brought back (it would replace what the rollback brings). ${end.kind === "failed" ? `Fix or roll back ${service} on Railway, then run this action again with \`mode: resume\`.` : `Run this action again with \`mode: resume\` once ${newer} has ended (or raise \`wait\`).`}`,
    nothingToBringBack: (service, deployment, status) => `${service}: ${deployment} is ${status ?? "gone"}, not a stopped deployment: there is nothing to bring back. Deploy ${service} on Railway.`,
    someFailed: (mode, failed) => `${mode === "pause" ? "Stopping" : "Resuming"} failed for ${failed.map((f) => `${f.name} (${f.error})`).join("; ")}.`,
    recorded: (names) => names.length
        ? `\`stopped\` records ${names.join(", ")}: run \`mode: resume\` with it to bring back exactly those.`
        : "`stopped` records nothing: this run stopped no service.",
    cancelled: (signal, skipped) => `Cancelled by ${signal}${skipped.length ? `: ${skipped.join(", ")} not reached` : ""}.`,
};
function explainTraffic(error, _phase, plan) {
    const platform = error instanceof PlatformFailure ? error.platform : plan?.platform;
    const cause = error instanceof PlatformFailure ? error.cause : error;
    const advice = platform === "vercel" ? (0,explain/* httpAdvice */.nP)(cause, undefined) : undefined;
    return advice ?? (cause instanceof Error ? cause.message : String(cause));
}

;// CONCATENATED MODULE: ./src/actions/traffic/railway-resume.ts






/**
 * Brings back what the pause stopped, once every newer deployment (a rollback) reached its end: a newer one
 * that serves is kept (redeploying the stopped one would replace it), one that failed leaves the service
 * as it is, and one still on its way is waited for within `wait`.
 */
async function resumeService(r) {
    const { client, log, settings, plan, service } = r;
    const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
    const autoDeploy = settings["auto-deploy"] ? await (0,config/* setAutoDeploy */.LA)(client, ids, true) : undefined;
    const base = { name: service.name, autoDeploy };
    const { serving, stopped, latest } = service.state;
    if (serving[0])
        return { ...base, outcome: "already", deployment: serving[0].id };
    const target = service.bringBack;
    // Not stopped by this rollback's pause (a person's stop, say): left as it is.
    if (!target)
        return { ...base, outcome: stopped ? "left" : "already", deployment: stopped?.id };
    const wait = (id) => waitEnd(client, id, { ...r, what: `${service.name} deployment ${id}` });
    if (latest && latest.id !== target) {
        const end = await newerEnd(latest, settings.wait, wait);
        if (end.kind === "success") {
            log.info(trafficAdvice.newerServes(service.name, latest.id, target));
            return { ...base, outcome: "already", deployment: latest.id };
        }
        throw new Error(trafficAdvice.newerNotServing(service.name, latest.id, target, end));
    }
    if (!latest?.deploymentStopped)
        throw new Error(trafficAdvice.nothingToBringBack(service.name, target, latest?.status));
    const created = await redeploy(client, log, ids, target);
    log.info(`${service.name}: ${target} comes back as ${created} (same image).`);
    if (settings.wait === 0)
        return { ...base, outcome: "resumed", deployment: created };
    const end = await wait(created);
    if (end.kind !== "success")
        throw new Error(trafficAdvice.resumeFailed(service.name, created, end));
    return { ...base, outcome: "resumed", deployment: created };
}
/** How a newer deployment ended: at once when it has, else after waiting for it (not with `wait: 0`). */
async function newerEnd(latest, waitMs, wait) {
    const kind = (0,deployments/* classifyStatus */.xo)(latest.status);
    // A newer deployment someone stopped serves nothing either.
    if (kind === "success")
        return { kind: latest.deploymentStopped ? "failed" : "success", status: latest.status, elapsedMs: 0 };
    if (kind === "failed")
        return { kind, status: latest.status, elapsedMs: 0 };
    if (waitMs === 0)
        return { kind: "timeout", status: latest.status, elapsedMs: 0 };
    return wait(latest.id);
}
/** Redeploys the stopped deployment once; after an answer that never came, a new newest deployment is it. */
async function redeploy(client, log, ids, target) {
    try {
        return (await resumeDeployment(client, target)).id;
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
            throw error;
        log.warn(`The redeploy of ${target} got no clear answer (${error.message}); reading the service back.`);
        const { latest } = await trafficState(client, ids);
        if (!latest || latest.id === target)
            throw error;
        return latest.id;
    }
}
/** Polls a deployment until it succeeds, fails, the deadline passes or the run is cancelled (a read only). */
async function waitEnd(client, id, options) {
    let status;
    const result = await (0,wait/* waitFor */.fm)({
        what: options.what,
        timeoutMs: options.settings.wait,
        // Frugal: Railway's hourly limits are low (PLATFORMS.md); the CLI polls every 5 s.
        initialDelayMs: 250,
        maxDelayMs: 5000,
        onProgress: (line) => options.log.info(line),
        poll: async () => {
            if (options.signal.aborted)
                return { done: true, value: "cancelled" };
            status = (await client.deployment(id)).status;
            const kind = (0,deployments/* classifyStatus */.xo)(status);
            if (kind === "success" || kind === "failed")
                return { done: true, value: kind };
            return { done: false, state: status };
        },
    });
    if (result.outcome === "timeout")
        return { kind: "timeout", status, elapsedMs: result.elapsedMs };
    return { kind: result.value, status, elapsedMs: result.elapsedMs };
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
async function planRailwayTraffic(settings, log, recorded) {
    if (settings.services.length === 0 && !recorded)
        throw (0,inputs/* inputError */.Xu)("services", "is required with platform: railway.", `"api, worker"`);
    const detected = await token(settings, log);
    const project = await (0,resolve/* resolveProject */.KI)(detected, settings.project);
    const environment = (0,resolve/* resolveEnvironment */.g9)(project, detected, settings.environment);
    const wanted = [...settings.services, ...(recorded?.services.map((s) => s["service-id"]) ?? [])];
    const services = [];
    for (const service of (0,resolve/* resolveServices */.bs)(project, wanted)) {
        const ids = { projectId: project.id, environmentId: environment.id, serviceId: service.id };
        const state = await trafficState(detected.client, ids);
        const entry = recorded?.services.find((s) => s["service-id"] === service.id);
        log.info(`${service.name}: ${state.serving.length ? `serving ${state.serving.map((d) => d.id).join(", ")}` : state.stopped ? `stopped (${state.stopped.id})` : "nothing deployed"}${state.latest && state.latest.id !== state.stopped?.id && !state.serving.some((d) => d.id === state.latest?.id) ? `; newest deployment ${state.latest.id} is ${state.latest.status}` : ""}.`);
        services.push({
            name: service.name,
            id: service.id,
            state,
            bringBack: recorded ? entry?.["deployment-id"] : state.stopped?.id,
        });
    }
    return {
        platform: "railway",
        mode: settings.mode,
        project: { id: project.id, name: project.name },
        environment: { id: environment.id, name: environment.name },
        services,
        recorded,
    };
}
/** Whether a service needs this run: serving on pause; on resume, nothing serving and something to bring back. */
function railwayPending(plan, service) {
    if (plan.mode === "pause")
        return service.state.serving.length > 0;
    return service.state.serving.length === 0 && service.bringBack !== undefined;
}
/**
 * One service after another; a failure does not stop the others, a cancellation does (before the next
 * change). Every service is read back afterwards: the message says what serves from that, not from the
 * steps reached.
 */
async function applyRailwayTraffic(r) {
    const { settings, log, plan, signal } = r;
    const { client } = await token(settings, log);
    const results = [];
    for (const service of plan.services) {
        if (signal.aborted) {
            results.push({ name: service.name, outcome: "skipped", error: "not reached: cancelled" });
            continue;
        }
        try {
            results.push(plan.mode === "pause"
                ? await pauseService({ client, log, plan, service })
                : await resumeService({ client, log, settings, plan, service, signal }));
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            log.warn(`${service.name}: ${message}`);
            results.push({ name: service.name, outcome: "failed", error: message });
        }
    }
    return { results, now: await railway_readBack(client, plan) };
}
async function railway_readBack(client, plan) {
    const now = [];
    for (const service of plan.services) {
        const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
        try {
            now.push({ name: service.name, state: await trafficState(client, ids) });
        }
        catch (error) {
            now.push({ name: service.name, unreadable: error instanceof Error ? error.message : String(error) });
        }
    }
    return now;
}

;// CONCATENATED MODULE: ./src/actions/traffic/apply.ts


async function applyTraffic({ settings, log, signal }, plan) {
    if (plan.platform === "vercel")
        return { platform: "vercel", plan, vercel: await applyVercelTraffic({ settings, log, plan, signal }) };
    const { results, now } = await applyRailwayTraffic({ settings, log, plan, signal });
    return { platform: "railway", services: results, now };
}

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
    stopped: stoppedInput,
};

;// CONCATENATED MODULE: ./src/actions/traffic/report.ts



const WORDS = {
    pause: { already: "already stopped" },
    resume: { already: "already serving" },
    left: "left stopped (not by this rollback's pause)",
    skipped: "not reached (cancelled)",
};
/** Outputs, the message and the summary, all from what the run read back afterwards. */
function reportTraffic(ctx, plan, result) {
    const pause = plan.mode === "pause";
    const signal = ctx.signal.aborted
        ? ctx.signal.reason instanceof action/* CancelledError */.cc
            ? ctx.signal.reason.signalName
            : "a cancellation"
        : undefined;
    let failure;
    let now;
    let stopped;
    if (result.platform === "vercel") {
        const outcome = result.vercel;
        now = vercelNow(result.plan, outcome);
        failure = outcome.error && `${outcome.error} ${now}`;
        if (pause)
            stopped = {
                platform: "vercel",
                "project-id": plan.project.id,
                paused: outcome.pausedByRun,
                pinned: result.plan.pinned,
            };
    }
    else {
        now = railwayNow(result.now);
        const failed = result.services.filter((s) => s.outcome === "failed");
        const skipped = result.services.filter((s) => s.outcome === "skipped").map((s) => s.name);
        const records = result.services.flatMap((s) => (s.record ? [s.record] : []));
        if (pause)
            stopped = { platform: "railway", services: records };
        const parts = [
            failed.length && trafficAdvice.someFailed(plan.mode, failed),
            signal && trafficAdvice.cancelled(signal, skipped),
        ].filter((p) => Boolean(p));
        if (parts.length) {
            const recorded = pause ? ` ${trafficAdvice.recorded(records.map((r) => r.service))}` : "";
            failure = `${parts.join(" ")} ${now}${recorded}`;
        }
    }
    if (!failure && signal)
        failure = `${trafficAdvice.cancelled(signal, [])} ${now}`;
    ctx.log.info(now);
    const status = failure ? "failed" : pause ? "paused" : "resumed";
    return {
        status,
        headline: failure ? "❌ failed" : pause ? "⏸️ paused" : "▶️ resumed",
        outputs: stopped ? { stopped: stoppedOutput(stopped) } : undefined,
        failure,
        summary: (summary) => {
            summary.text(`**${now}**`);
            if (result.platform === "railway") {
                summary.table(["service", "result", "deployment", "auto-deploy", "error"], result.services.map((s) => [
                    s.name,
                    s.outcome === "already"
                        ? WORDS[plan.mode].already
                        : s.outcome === "left" || s.outcome === "skipped"
                            ? WORDS[s.outcome]
                            : s.outcome,
                    s.deployment,
                    s.autoDeploy === undefined ? undefined : s.autoDeploy ? "on" : "off",
                    s.error,
                ]));
            }
            if (stopped)
                summary.text(`\`stopped\`: \`${stoppedOutput(stopped)}\``);
            const already = result.platform === "railway" && pause ? result.services.filter((s) => s.outcome === "already") : [];
            if (already.length)
                summary.text(`Already stopped before this run, so not in \`stopped\` (a resume with it leaves them stopped): ${already.map((s) => s.name).join(", ")}.`);
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
    nothingToDo: trafficNothingToDo,
    describe: describeTraffic,
    apply: applyTraffic,
    report: reportTraffic,
    explain: explainTraffic,
}));


/***/ }),

/***/ 4841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ vercelPromoteInputs),
/* harmony export */   SM: () => (/* binding */ teamInput),
/* harmony export */   Yg: () => (/* binding */ projectInput)
/* harmony export */ });
/* unused harmony exports deploymentInput, vercelTokenInput, vercelApiUrlInput */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8532);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);
/* harmony import */ var _migrations_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3235);



/** A deployment input: `dpl_…`, a URL, a hostname or a custom domain; normalised to an id or a bare host. */
const deploymentInput = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "")
        return undefined;
    if (/^dpl_[A-Za-z0-9]+$/.test(value))
        return value;
    const host = value
        .replace(/^https?:\/\//i, "")
        .replace(/[/?#].*$/, "")
        .toLowerCase();
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(host))
        return host;
    ctx.issues.push({
        code: "custom",
        input: raw,
        message: `is ${JSON.stringify(value)}, which is neither a deployment id (dpl_…) nor a deployment URL, hostname or custom domain.`,
        params: { example: `"dpl_6Jw2LQ8aVx", "https://shop-4f2a1b.vercel.app" or "stable.shop.com"` },
    });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
/** A project id or name as Vercel allows them. */
const projectInput = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((raw, ctx) => {
    const value = raw.trim();
    if (/^[A-Za-z0-9._-]{1,100}$/.test(value))
        return value;
    ctx.issues.push({
        code: "custom",
        input: raw,
        message: value === ""
            ? "is required."
            : `is ${JSON.stringify(value)}, which is not a Vercel project id or name.`,
        params: { example: `"prj_7gHk2pQ" or "shop"` },
    });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
const teamInput = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "")
        return undefined;
    if (/^[A-Za-z0-9_-]{1,100}$/.test(value))
        return value;
    ctx.issues.push({
        code: "custom",
        input: raw,
        message: `is ${JSON.stringify(value)}, which is not a team id (team_…) or slug.`,
        params: { example: `"team_a1B2c3" or "acme"` },
    });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
const vercelTokenInput = () => _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.secret({ required: true, example: "${{ secrets.VERCEL_TOKEN }}" });
const vercelApiUrlInput = () => _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.url({ default: "https://api.vercel.com", example: "https://api.vercel.com" });
const vercelPromoteInputs = {
    token: vercelTokenInput(),
    project: projectInput,
    team: teamInput,
    deployment: deploymentInput,
    strategy: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.choice(["auto", "rollback", "promote"], "auto"),
    // Longer than Vercel's 250 is shortened with a warning at plan time, never a reason to skip a rollback.
    reason: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text({ example: `"Checkout errors after 5f3c2a1"` }),
    wait: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.duration("5m"),
    "cancel-in-flight": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.boolean(true),
    "api-url": vercelApiUrlInput(),
    ..._migrations_check_js__WEBPACK_IMPORTED_MODULE_1__/* .migrationInputs */ .WN,
};


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


/***/ })

};
