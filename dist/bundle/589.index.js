export const id = 589;
export const ids = [589];
export const modules = {

/***/ 8970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ vercel_promote)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/actions/vercel-promote/explain.ts
var explain = __webpack_require__(3565);
;// CONCATENATED MODULE: ./src/actions/vercel-promote/alias-job.ts



// Date headers have whole seconds, so the measured clock offset is up to 1 s early; allow that and latency.
const CLOCK_TOLERANCE_MS = 2000;
// Alias jobs usually take seconds: poll fast for this long, then back off.
const FAST_PHASE_MS = 20_000;
const FAST = { initialDelayMs: 100, factor: 1.5, maxDelayMs: 300 };
const SLOW = { initialDelayMs: 1000, factor: 1.5, maxDelayMs: 5000 };
const FINISHED = new Set(["succeeded", "failed", "skipped"]);
const done = (type) => (type === "rollback" ? "rolled-back" : "promoted");
/** Whether `request` is the one asked for since `since` (Vercel's clock), not the one seen before. */
function isOurs(request, r, since) {
    if (!request || request.type !== r.type || request.toDeploymentId !== r.to)
        return false;
    if (r.before &&
        request.requestedAt === r.before.requestedAt &&
        request.toDeploymentId === r.before.toDeploymentId)
        return false;
    return request.requestedAt >= since - CLOCK_TOLERANCE_MS;
}
/** Asks for the rollback or promote once, then waits for its alias job; never sends it twice. */
async function requestChange(r) {
    const { client, log, type, before } = r;
    if (before && before.type === type && before.toDeploymentId === r.to && !FINISHED.has(before.jobStatus)) {
        // An earlier run's request for the same change is still in flight: wait for it rather than send another.
        log.info(`A ${type} to ${r.to} is already in progress (alias job ${before.jobStatus}): not sending another.`);
        if (r.waitMs === 0)
            return { status: "requested", project: undefined };
        return { status: done(type), project: await waitForAliasJob(r, before.requestedAt, undefined) };
    }
    let status;
    const sentAt = Date.now();
    // On Vercel's clock, as measured from the answers (the next answer refines it).
    const since = () => client.serverTime(sentAt);
    try {
        log.info(`Requesting ${type} of the project to ${r.to}…`);
        status =
            type === "rollback"
                ? await client.requestRollback({
                    projectId: r.projectId,
                    deploymentId: r.to,
                    description: r.description,
                })
                : await client.requestPromote(r.projectId, r.to);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$))
            throw error;
        if (error.status === 409) {
            // Someone (or an earlier run) made it current in between: confirm from the project.
            const now = await client.getProject(r.projectId);
            if (now.targets?.production?.id === r.to)
                return { status: "already-current", project: now };
            throw error;
        }
        if (!error.ambiguous)
            throw error;
        // No answer: the request may have been applied. Decide from the project, never send it again.
        log.warn(`The ${type} request got no clear answer (${error.message}); reading the project to see whether it was applied.`);
        const now = await client.getProject(r.projectId);
        const request = now.lastAliasRequest ?? undefined;
        if (!isOurs(request, r, since())) {
            if (now.targets?.production?.id === r.to)
                return { status: done(type), project: now };
            throw new Error(explain/* advice */.v9.notApplied(type, r.to, error.message));
        }
        log.info(`Vercel did accept the ${type} (alias job ${request?.jobStatus ?? "pending"}).`);
        status = 201;
    }
    if (status === 202)
        return { status: "queued", project: undefined };
    if (r.waitMs === 0)
        return { status: "requested", project: undefined };
    return { status: done(type), project: await waitForAliasJob(r, since(), before) };
}
/** Polls the project until this run's alias job succeeds or fails; fast at first, then backing off. */
async function waitForAliasJob(r, since, before) {
    const { client, type, to } = r;
    let last;
    const outcome = await pollUntil(r.log, `the ${type} alias job to ${to}`, r.deadline, async () => {
        const now = await client.getProject(r.projectId);
        last = now;
        const request = now.lastAliasRequest ?? undefined;
        if (!request)
            return { done: false, state: "request not visible yet" };
        if (!isOurs(request, { type, to, before }, since)) {
            if (request.requestedAt > since && request.requestedAt !== before?.requestedAt) {
                return { done: true, value: { now, ending: "superseded", request } };
            }
            return { done: false, state: "request not visible yet" };
        }
        if (FINISHED.has(request.jobStatus))
            return { done: true, value: { now, ending: request.jobStatus, request } };
        return { done: false, state: request.jobStatus };
    });
    if (outcome.outcome === "timeout") {
        throw new Error(explain/* advice */.v9.aliasJobTimeout({
            type,
            to,
            elapsedMs: outcome.elapsedMs,
            state: outcome.lastState,
            serving: last?.targets?.production?.id,
        }));
    }
    const { now, ending, request } = outcome.value;
    if (ending === "succeeded")
        return now;
    const serving = now.targets?.production?.id;
    if (ending === "failed") {
        // Listing the domains is a courtesy: its own failure must never hide the job's.
        let domains;
        try {
            const failed = await client.failedAliases(r.projectId, type);
            domains = failed.length
                ? failed.map((a) => `${a.alias}${a.status ? ` (${a.status})` : ""}`).join(", ")
                : "none listed";
        }
        catch (error) {
            domains = explain/* advice */.v9.aliasListFailed(error instanceof Error ? error.message : String(error));
        }
        throw new Error(explain/* advice */.v9.aliasJobFailed({ type, to, serving, domains }));
    }
    throw new Error(explain/* advice */.v9.aliasJobEnded({
        type,
        to,
        ending,
        other: `${request.type} to ${request.toDeploymentId}`,
        serving,
    }));
}
/** `waitFor` in two phases: quick polls while a prompt answer is likely, then backed-off ones. */
async function pollUntil(log, what, deadline, poll) {
    const started = Date.now();
    // waitFor counts per phase: show the time against the whole deadline instead.
    const onProgress = (line) => log.info(line.replace(/\([^()]* of [^()]*\)$/, `(${(0,wait/* formatMs */._V)(Date.now() - started)} of ${(0,wait/* formatMs */._V)(deadline - started)})`));
    // A job is never done the instant it is requested: the first look would be wasted.
    await (0,http/* sleep */.yy)(Math.min(FAST.initialDelayMs, Math.max(0, deadline - started)));
    const fastMs = Math.max(0, Math.min(deadline - Date.now(), FAST_PHASE_MS));
    const first = await (0,wait/* waitFor */.fm)({ what, timeoutMs: fastMs, poll, onProgress, ...FAST });
    const rest = deadline - Date.now();
    if (first.outcome === "done" || rest <= 0)
        return first;
    const second = await (0,wait/* waitFor */.fm)({ what, timeoutMs: rest, poll, onProgress, ...SLOW });
    return { ...second, elapsedMs: Date.now() - started, polls: first.polls + second.polls };
}

// EXTERNAL MODULE: ./src/platforms/vercel/client.ts + 1 modules
var vercel_client = __webpack_require__(8574);
// EXTERNAL MODULE: ./src/actions/vercel-promote/target.ts
var vercel_promote_target = __webpack_require__(2329);
;// CONCATENATED MODULE: ./src/actions/vercel-promote/in-flight.ts




/** Production deployments still BUILDING, QUEUED or INITIALIZING, newer than the target, minus `exclude`. */
async function listInFlight(client, options) {
    const { deployments } = await client.listDeployments({
        projectId: options.projectId,
        target: "production",
        state: vercel_client/* IN_FLIGHT_STATES */._y,
        limit: 20,
    });
    return deployments
        .filter((d) => vercel_client/* IN_FLIGHT_STATES */._y.includes(d.readyState))
        .filter((d) => options.newerThan === undefined || d.createdAt > options.newerThan)
        .filter((d) => !options.exclude?.includes(d.uid))
        .map((d) => ({
        id: d.uid,
        state: d.readyState,
        createdAt: d.createdAt,
        origin: (0,vercel_promote_target/* origin */.TG)((0,vercel_promote_target/* fromListItem */.g8)(d)),
    }));
}
/** Cancels each build; a cancel that fails (finished meanwhile, no permission) is a warning, never a stop. */
async function cancelAll(client, log, builds) {
    const result = { cancelled: [], failed: [] };
    for (const build of builds) {
        try {
            await client.cancelDeployment(build.id);
            log.info(`Cancelled ${build.id} (${build.state}: ${build.origin}) so it cannot land after the rollback.`);
            result.cancelled.push(build);
        }
        catch (error) {
            if (!(error instanceof http/* HttpError */.j$))
                throw error;
            const message = `${error.status ?? error.code}${error.details.platformMessage ? `: ${error.details.platformMessage}` : ""}`;
            log.warn(explain/* advice */.v9.cancelFailed(build.id, message));
            result.failed.push({ deployment: build, message });
        }
    }
    return result;
}

// EXTERNAL MODULE: ./src/migrations/report.ts
var report = __webpack_require__(3183);
// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/migrations/check.ts + 5 modules
var check = __webpack_require__(3235);
;// CONCATENATED MODULE: ./src/actions/vercel-promote/migrations.ts



/**
 * The migrations between the target's commit and production's (meta `githubCommitSha`, `githubOrg`/
 * `githubRepo`); a CLI deploy has no commit, and the check says so. Block mode stops here, before any change.
 */
async function migrationsOf(ctx, plan) {
    const { from, target } = plan;
    const ranges = from && !plan.alreadyCurrent
        ? [
            {
                label: plan.project.name,
                target: { name: `the target deployment ${target.id}`, commit: target.sha },
                production: { name: `production's deployment ${from.id}`, commit: from.sha },
                repo: from.repo ?? target.repo,
                deployed: { target: iso(target.createdAt), production: iso(from.createdAt) },
            },
        ]
        : [];
    const migrations = await (0,check/* checkMigrations */.wE)(ctx, ranges);
    (0,core_report/* setOutputs */.n0)(ctx.tk, { migrations: (0,report/* migrationsOutput */.h8)(migrations) });
    (0,report/* stopIfBlocked */.sg)(migrations, plan.dryRun);
    return migrations;
}
const iso = (ms) => (ms === undefined ? undefined : new Date(ms).toISOString());

// EXTERNAL MODULE: ./src/actions/vercel-promote/pick.ts
var pick = __webpack_require__(8745);
;// CONCATENATED MODULE: ./src/actions/vercel-promote/plan.ts







// Vercel records a rollback description of at most 250 UTF-16 code units.
const MAX_DESCRIPTION = 250;
function vercelClient(ctx) {
    const { settings } = ctx;
    return new vercel_client/* VercelClient */.zJ({
        token: settings.token,
        baseUrl: settings["api-url"],
        team: settings.team,
        log: ctx.log,
    });
}
async function planVercelPromote(ctx) {
    let planned;
    try {
        planned = await plan(ctx);
    }
    catch (error) {
        throw new explain/* Scoped */.Fe(error, ctx.settings.team);
    }
    return { ...planned, migrations: await migrationsOf(ctx, planned) };
}
async function plan(ctx) {
    const { settings, log } = ctx;
    const client = vercelClient(ctx);
    const project = await client.getProject(settings.project);
    const current = project.targets?.production ?? undefined;
    log.info(`Project ${project.name} (${project.id})${settings.team ? `, team ${settings.team}` : ""}: production serves ${current ? `${current.id} (${current.url ?? "?"})` : "nothing"}.`);
    const from = current && (0,vercel_promote_target/* productionTarget */.hF)(current);
    const rolling = await client.getRollingRelease(project.id);
    const active = rolling?.state === "ACTIVE" ? rolling : undefined;
    const rolledBack = !settings.deployment && !active && (0,pick/* rolledBackTo */.rt)(project, from?.id);
    let target;
    if (settings.deployment)
        target = await (0,pick/* resolveExplicit */.vI)(client, project, settings.deployment, settings.strategy);
    else if (active?.currentDeployment) {
        // During a rolling release, the stable deployment still serves most visitors: go back to it wholly.
        log.info(`A rolling release is ACTIVE (canary ${active.canaryDeployment?.id ?? "unknown"}): rolling back to its current deployment.`);
        target = await (0,pick/* resolveExplicit */.vI)(client, project, active.currentDeployment.id, "rollback");
    }
    else if (rolledBack && from)
        target = from;
    else if (!from)
        throw new Error(explain/* advice */.v9.noProduction(project.name));
    else
        target = await (0,pick/* pickAutomatically */.Bm)(client, log, project, from);
    const kind = (0,pick/* chooseKind */.sM)(settings.strategy, target);
    const verb = { rollback: "roll back", promote: "promote", rebuild: "rebuild for production and promote" }[kind];
    log.info(`Target: ${(0,vercel_promote_target/* describeTarget */.ff)(target)}.`);
    log.info(`Plan: ${verb} ${target.id}${from ? ` (production now ${from.id})` : ""}.`);
    const description = shorten(settings.reason, MAX_DESCRIPTION);
    if (description !== settings.reason)
        log.warn(explain/* advice */.v9.reasonShortened(settings.reason.length, description));
    const inFlight = await listInFlight(client, { projectId: project.id, newerThan: target.createdAt });
    if (inFlight.length && !settings["cancel-in-flight"]) {
        log.warn(explain/* advice */.v9.inFlightLeftAlone(inFlight.map((d) => d.id).join(", ")));
    }
    return {
        dryRun: settings["dry-run"],
        project: {
            id: project.id,
            name: project.name,
            team: settings.team,
            pinned: project.autoAssignCustomDomains === false,
            paused: project.paused === true,
        },
        from,
        target,
        kind,
        verb,
        reason: settings.reason,
        description,
        alreadyCurrent: from?.id === target.id && !active,
        rolledBack,
        release: active && {
            canary: active.canaryDeployment?.id,
            percentage: active.activeStage?.targetPercentage,
        },
        before: project.lastAliasRequest ?? undefined,
        inFlight,
        cancelInFlight: settings["cancel-in-flight"],
        waitMs: settings.wait,
    };
}
/** At most `max` UTF-16 units, cut at a word where one is near, never inside a surrogate pair. */
function shorten(text, max) {
    if (text.length <= max)
        return text;
    let cut = max - 1;
    if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? ""))
        cut--;
    const space = text.lastIndexOf(" ", cut);
    if (space > max * 0.8)
        cut = space;
    return `${text.slice(0, cut).trimEnd()}…`;
}
function nothingToDo(plan) {
    if (!plan.alreadyCurrent || plan.dryRun)
        return undefined;
    // Builds on their way are still stopped when they could take production (not pinned) and may be.
    if (plan.inFlight.length && plan.cancelInFlight && !plan.project.pinned)
        return undefined;
    const id = plan.target.id;
    return {
        status: "already-current",
        reason: plan.rolledBack ? explain/* advice */.v9.alreadyRolledBack(id) : explain/* advice */.v9.alreadyCurrent(id),
    };
}
function planOutputs(plan) {
    return {
        "deployment-id": plan.target.id,
        "deployment-url": (0,vercel_promote_target/* httpsUrl */.N3)(plan.target.url),
        "previous-deployment-id": plan.from?.id,
        "auto-assign-disabled": (!plan.alreadyCurrent && plan.kind === "rollback") || plan.project.pinned,
        cancelled: "[]",
    };
}
function describeVercelPromote(plan, summary) {
    const what = plan.alreadyCurrent
        ? "already serves production: a run would change nothing"
        : `${plan.dryRun ? "would " : ""}${plan.verb} ${plan.project.name} to it`;
    summary.text(`**${plan.target.id}** ${plan.dryRun ? `dry run: ${what} (nothing changed).` : `${what}.`}`);
    (0,vercel_promote_target/* fromToTable */.aC)(summary, plan.from, plan.target);
    if (plan.release) {
        summary.text(`A rolling release is in progress (canary ${plan.release.canary ?? "unknown"}${plan.release.percentage !== undefined ? ` at ${plan.release.percentage}%` : ""}): rolling back to its current deployment ends it.`);
    }
    if (plan.inFlight.length) {
        const fate = !plan.cancelInFlight
            ? "left alone (`cancel-in-flight: false`)"
            : plan.dryRun
                ? "would be cancelled"
                : "to cancel";
        summary.text(`**Production builds on their way** (${fate}):`);
        summary.list(plan.inFlight.map((d) => `${d.id} ${d.state}: ${d.origin}`));
    }
    (0,vercel_promote_target/* reasonLine */.$E)(summary, plan.reason);
    if (plan.kind === "rollback" && !plan.alreadyCurrent)
        summary.text(explain/* advice */.v9.environment);
    if (plan.alreadyCurrent && plan.project.pinned)
        summary.text(plan.project.paused ? explain/* advice */.v9.paused : explain/* advice */.v9.pinned(plan.target.id));
    (0,report/* describeMigrations */.Hb)(plan.migrations, summary);
}

;// CONCATENATED MODULE: ./src/actions/vercel-promote/rebuild.ts




// A build found after a lost answer must have been created since the request, on Vercel's clock.
const rebuild_CLOCK_TOLERANCE_MS = 2000;
/** A preview is rebuilt with production settings; once READY it serves, or is promoted when pinned. */
async function rebuildAndPromote(r) {
    const { client, log, project, preview } = r;
    log.info(`Rebuilding preview ${preview.id} with production settings…`);
    const sentAt = Date.now();
    let build;
    try {
        build = await client.rebuildForProduction(preview.id, project.name);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
            throw error;
        // No answer: look for the build it may have started; never start a second one.
        log.warn(`The rebuild request got no clear answer (${error.message}); looking for the build it may have started.`);
        const started = await findRebuild(client, project.id, preview, sentAt);
        if (!started)
            throw new Error(explain/* advice */.v9.rebuildNotStarted(preview.id, error.message));
        log.info(`Vercel did start the rebuild: ${started.uid}.`);
        build = await client.getDeployment(started.uid);
    }
    const built = (0,vercel_promote_target/* toTarget */.LJ)(build);
    log.info(`New production deployment ${build.id} (${(0,vercel_promote_target/* httpsUrl */.N3)(build.url)}) is ${build.readyState}.`);
    if (r.waitMs === 0)
        return { result: { status: "requested", project: undefined }, served: built };
    const ready = await pollUntil(log, `build of ${build.id}`, r.deadline, async () => {
        const d = await client.getDeployment(build.id);
        if (["READY", "ERROR", "CANCELED"].includes(d.readyState))
            return { done: true, value: d };
        return { done: false, state: d.readyState };
    });
    if (ready.outcome === "timeout") {
        throw new Error(explain/* advice */.v9.rebuildTimeout(build.id, preview.id, ready.lastState, ready.elapsedMs));
    }
    if (ready.value.readyState !== "READY") {
        throw new Error(explain/* advice */.v9.rebuildEnded(build.id, preview.id, ready.value.readyState, ready.value.errorMessage));
    }
    const served = { ...built, readyState: "READY" };
    const now = await client.getProject(project.id);
    if (now.targets?.production?.id === build.id)
        return { result: { status: "promoted", project: now }, served };
    // Production is pinned (after a rollback), so the READY build stays staged: promote it.
    log.info(`${build.id} is READY but staged (production is pinned): promoting it.`);
    const result = await requestChange({
        client,
        log,
        projectId: project.id,
        type: "promote",
        to: build.id,
        description: "",
        before: now.lastAliasRequest ?? undefined,
        waitMs: r.waitMs,
        deadline: r.deadline,
    });
    return { result, served };
}
/** A production build started from `preview` since `sentAt` (same commit, created by a promote). */
async function findRebuild(client, projectId, preview, sentAt) {
    const { deployments } = await client.listDeployments({ projectId, target: "production", limit: 10 });
    const since = client.serverTime(sentAt) - rebuild_CLOCK_TOLERANCE_MS;
    return deployments.find((d) => d.createdAt >= since &&
        d.meta?.action === "promote" &&
        (preview.sha === undefined || (0,vercel_promote_target/* shaOf */.ye)(d.meta) === preview.sha));
}

;// CONCATENATED MODULE: ./src/actions/vercel-promote/apply.ts






/** Stops builds that could land after it, makes the change, then looks once more for late builds. */
async function applyVercelPromote(ctx, plan) {
    const { log } = ctx;
    const client = vercelClient(ctx);
    const deadline = Date.now() + plan.waitMs;
    const cancel = plan.cancelInFlight
        ? await cancelAll(client, log, plan.inFlight)
        : { cancelled: [], failed: [] };
    if (ctx.signal.aborted)
        throw new action/* CancelledError */.cc("a cancellation", "Cancelled before the change was sent: production was not changed.");
    let change;
    if (plan.alreadyCurrent) {
        change = { result: { status: "already-current", project: undefined }, served: plan.target };
    }
    else if (plan.kind === "rebuild") {
        change = await rebuildAndPromote({
            client,
            log,
            project: plan.project,
            preview: plan.target,
            waitMs: plan.waitMs,
            deadline,
        });
    }
    else {
        const result = await requestChange({
            client,
            log,
            projectId: plan.project.id,
            type: plan.kind,
            to: plan.target.id,
            description: plan.description,
            before: plan.before,
            waitMs: plan.waitMs,
            deadline,
        });
        change = { result, served: plan.target };
    }
    // "Rolled back" must hold when the step ends: a build that started meanwhile is stopped too.
    const seen = [...plan.inFlight.map((d) => d.id), change.served.id];
    const late = await listInFlight(client, {
        projectId: plan.project.id,
        newerThan: plan.target.createdAt,
        exclude: seen,
    });
    let leftAlone = plan.cancelInFlight ? [] : [...plan.inFlight];
    if (late.length && plan.cancelInFlight) {
        const again = await cancelAll(client, log, late);
        cancel.cancelled.push(...again.cancelled);
        cancel.failed.push(...again.failed);
    }
    else if (late.length) {
        log.warn(explain/* advice */.v9.inFlightLeftAlone(late.map((d) => d.id).join(", ")));
        leftAlone = [...leftAlone, ...late];
    }
    return {
        status: change.result.status,
        served: change.served,
        project: change.result.project,
        cancel,
        leftAlone,
    };
}

// EXTERNAL MODULE: ./src/actions/vercel-promote/inputs.ts
var inputs = __webpack_require__(4841);
;// CONCATENATED MODULE: ./src/actions/vercel-promote/report.ts



const WORDS = {
    "rolled-back": () => "rolled back: production domains now point here.",
    promoted: () => "promoted: production domains now point here.",
    "already-current": () => "already served production: nothing changed.",
    requested: (verb) => `${verb} requested; not waited for (\`wait: 0\`).`,
    queued: () => "promote queued behind a rolling release: Vercel moves the domains when the release allows.",
};
function reportVercelPromote(ctx, plan, applied) {
    const { served, status, cancel } = applied;
    const pinned = applied.project
        ? applied.project.autoAssignCustomDomains === false
        : plan.kind === "rollback" || plan.project.pinned;
    ctx.log.info(`${status}: ${served.id} (${(0,vercel_promote_target/* httpsUrl */.N3)(served.url)}).`);
    return {
        status,
        headline: `${status === "queued" || status === "requested" ? "⏳" : "✅"} ${status}`,
        outputs: {
            "deployment-id": served.id,
            "deployment-url": (0,vercel_promote_target/* httpsUrl */.N3)(served.url),
            "previous-deployment-id": plan.from?.id,
            "auto-assign-disabled": pinned,
            cancelled: JSON.stringify(cancel.cancelled.map((d) => d.id)),
        },
        summary: (summary) => {
            summary.text(`**${served.id}** ${WORDS[status](plan.verb)}`);
            (0,vercel_promote_target/* fromToTable */.aC)(summary, plan.from, served);
            (0,vercel_promote_target/* reasonLine */.$E)(summary, plan.reason);
            if (plan.release)
                summary.text(`The rolling release of ${plan.release.canary ?? "the canary"} was ended by the rollback.`);
            builds(summary, applied);
            if (plan.kind === "rollback" && status !== "already-current")
                summary.text(explain/* advice */.v9.environment);
            const paused = applied.project ? applied.project.paused === true : plan.project.paused;
            if (pinned)
                summary.text(paused ? explain/* advice */.v9.paused : explain/* advice */.v9.pinned(served.id));
            (0,report/* describeMigrations */.Hb)(plan.migrations, summary);
        },
    };
}
function builds(summary, { cancel, leftAlone }) {
    if (cancel.cancelled.length) {
        summary.text("**Cancelled** (production builds that could have landed after the rollback):");
        summary.list(cancel.cancelled.map((d) => `${d.id} (${d.state}): ${d.origin}`));
    }
    if (cancel.failed.length) {
        summary.text("**Could not cancel** (check each on Vercel):");
        summary.list(cancel.failed.map((f) => `${f.deployment.id}: ${f.message}`));
    }
    if (leftAlone.length) {
        summary.text("**Left alone** (`cancel-in-flight: false`):");
        summary.list(leftAlone.map((d) => `${d.id} (${d.state}): ${d.origin}`));
    }
}

;// CONCATENATED MODULE: ./src/actions/vercel-promote/index.ts






/** Points a Vercel project's production domains at a known-good deployment. */
/* harmony default export */ const vercel_promote = ((0,action/* defineAction */.QP)({
    name: "vercel-promote",
    title: "Vercel production rollback",
    inputs: inputs/* vercelPromoteInputs */.$w,
    plan: planVercelPromote,
    nothingToDo: nothingToDo,
    describe: describeVercelPromote,
    planOutputs: planOutputs,
    apply: applyVercelPromote,
    report: reportVercelPromote,
    explain: explain/* explainVercelPromote */.$h,
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

/***/ 8745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ pickAutomatically),
/* harmony export */   rt: () => (/* binding */ rolledBackTo),
/* harmony export */   sM: () => (/* binding */ chooseKind),
/* harmony export */   vI: () => (/* binding */ resolveExplicit)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3565);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2329);



const PAGE_SIZE = 20;
const MAX_PAGES = 10;
/**
 * Resolves an explicit target: a `dpl_…` id, a deployment's own hostname, or a domain (custom or alias)
 * resolved to the deployment it points at; then checks it can serve this project's production.
 */
async function resolveExplicit(client, project, idOrHost, strategy) {
    const deployment = await lookUp(client, idOrHost);
    if (deployment.projectId && deployment.projectId !== project.id) {
        throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.otherProject(deployment.id, deployment.projectId, project.name, project.id));
    }
    if (deployment.readyState !== "READY")
        throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.notReady(deployment.id, deployment.readyState));
    if (deployment.target !== "production" && strategy === "rollback")
        throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.previewRollback(deployment.id));
    if (strategy === "rollback" && deployment.readySubstate === "STAGED")
        throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.stagedRollback(deployment.id));
    return (0,_target_js__WEBPACK_IMPORTED_MODULE_2__/* .toTarget */ .LJ)(deployment);
}
async function lookUp(client, idOrHost) {
    const asDeployment = () => client.getDeployment(idOrHost).catch((error) => {
        if (error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && error.status === 404)
            return undefined;
        throw error;
    });
    const asDomain = async () => {
        const alias = await client.getAlias(idOrHost);
        if (!alias)
            return undefined;
        if (!alias.deploymentId)
            throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.unassignedDomain(idOrHost));
        return client.getDeployment(alias.deploymentId);
    };
    // A deployment's own *.vercel.app host is a deployment URL first; any other host is a domain first.
    const order = idOrHost.startsWith("dpl_")
        ? [asDeployment]
        : idOrHost.endsWith(".vercel.app")
            ? [asDeployment, asDomain]
            : [asDomain, asDeployment];
    for (const look of order) {
        const found = await look();
        if (found)
            return found;
    }
    throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.notFound(idOrHost));
}
/**
 * When production is the result of the last rollback (pinned, last alias job a succeeded rollback to it),
 * an automatic run keeps it: a second run must never walk one step further back.
 */
function rolledBackTo(project, currentId) {
    const last = project.lastAliasRequest;
    return (currentId !== undefined &&
        project.autoAssignCustomDomains === false &&
        last?.type === "rollback" &&
        last.jobStatus === "succeeded" &&
        last.toDeploymentId === currentId);
}
/** The newest READY production deployment that served production and is older than the current one. */
async function pickAutomatically(client, log, project, current) {
    // What the last rollback moved production away from is never brought back by an automatic pick.
    const last = project.lastAliasRequest;
    const replaced = last?.type === "rollback" && last.jobStatus === "succeeded" ? last.fromDeploymentId : undefined;
    const skipped = [];
    let until = current.createdAt;
    for (let page = 0; page < MAX_PAGES; page++) {
        const { deployments, next } = await client.listDeployments({
            projectId: project.id,
            target: "production",
            limit: PAGE_SIZE,
            until,
        });
        for (const d of deployments) {
            const why = d.uid === replaced ? "the last rollback replaced it" : skipReason(d, current);
            if (!why) {
                log.info(`Picked ${d.uid}, the newest good production deployment before ${current.id}.`);
                return (0,_target_js__WEBPACK_IMPORTED_MODULE_2__/* .fromListItem */ .g8)(d);
            }
            skipped.push(`${d.uid} (${new Date(d.createdAt).toISOString()}): ${why}`);
        }
        if (next === undefined || deployments.length === 0)
            break;
        until = next;
    }
    throw new Error(_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .advice */ .v9.noCandidate(project.name, current.id, skipped));
}
function skipReason(d, current) {
    if (d.uid === current.id)
        return "the current production deployment";
    if (current.createdAt !== undefined && d.createdAt >= current.createdAt)
        return "newer than the current one";
    if (d.readyState !== "READY")
        return `state ${d.readyState}`;
    if (d.target !== "production")
        return "not a production deployment";
    if (d.readySubstate === "STAGED")
        return "never served production (staged)";
    if (d.isRollbackCandidate === false)
        return "not a rollback candidate";
    return undefined;
}
function chooseKind(strategy, target) {
    if (target.target !== "production")
        return "rebuild";
    if (strategy === "rollback")
        return "rollback";
    if (strategy === "promote")
        return "promote";
    // auto: a deployment that already served production rolls back instantly; a staged one is promoted.
    return target.readySubstate === "STAGED" ? "promote" : "rollback";
}


/***/ }),

/***/ 2329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ reasonLine),
/* harmony export */   LJ: () => (/* binding */ toTarget),
/* harmony export */   N3: () => (/* binding */ httpsUrl),
/* harmony export */   TG: () => (/* binding */ origin),
/* harmony export */   aC: () => (/* binding */ fromToTable),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   g8: () => (/* binding */ fromListItem),
/* harmony export */   hF: () => (/* binding */ productionTarget),
/* harmony export */   ye: () => (/* binding */ shaOf)
/* harmony export */ });
/* unused harmony exports repoOf, commitOf */
/* harmony import */ var _core_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8557);

function toTarget(d) {
    return {
        id: d.id,
        url: d.url,
        createdAt: d.createdAt,
        readyState: d.readyState,
        readySubstate: d.readySubstate,
        target: d.target,
        commit: commitOf(d.meta),
        sha: shaOf(d.meta),
        repo: repoOf(d.meta),
        creator: d.creator?.username,
    };
}
/** What the project says serves production (`targets.production`), as a target. */
function productionTarget(current) {
    return {
        id: current.id,
        url: current.url ?? "",
        createdAt: current.createdAt,
        readyState: current.readyState ?? "READY",
        readySubstate: current.readySubstate,
        target: "production",
        commit: commitOf(current.meta),
        sha: shaOf(current.meta),
        repo: repoOf(current.meta),
        creator: undefined,
    };
}
/** List items name their id `uid`; otherwise they read like a single deployment. */
function fromListItem(d) {
    return toTarget({ ...d, id: d.uid });
}
function shaOf(meta) {
    const sha = meta?.githubCommitSha ?? meta?.gitlabCommitSha ?? meta?.bitbucketCommitSha;
    return typeof sha === "string" ? sha : undefined;
}
/** A Git-connected deployment's repository (meta `githubOrg`/`githubRepo`, or the commit's own). */
function repoOf(meta) {
    const owner = meta?.githubCommitOrg ?? meta?.githubOrg;
    const repo = meta?.githubCommitRepo ?? meta?.githubRepo;
    return typeof owner === "string" && typeof repo === "string" && owner && repo
        ? `${owner}/${repo}`
        : undefined;
}
function commitOf(meta) {
    const sha = shaOf(meta);
    const message = meta?.githubCommitMessage ?? meta?.gitlabCommitMessage ?? meta?.bitbucketCommitMessage;
    if (typeof sha !== "string")
        return undefined;
    const subject = typeof message === "string" ? ` ${message.split("\n")[0]}` : "";
    return `${sha.slice(0, 7)}${subject}`;
}
function httpsUrl(url) {
    return url ? (/^https?:\/\//.test(url) ? url : `https://${url}`) : "";
}
function describeTarget(t) {
    const created = t.createdAt !== undefined ? `, created ${new Date(t.createdAt).toISOString()}` : "";
    const kind = t.target === "production" ? `production${t.readySubstate ? ` ${t.readySubstate}` : ""}` : "preview";
    return `${t.id} (${httpsUrl(t.url)}, ${t.readyState} ${kind}${created}${t.commit ? `, ${t.commit}` : ""})`;
}
/** "abc1234 Fix cart, by alice": who started a deployment, for the summary. */
function origin(t) {
    return [t.commit, t.creator && `by ${t.creator}`].filter(Boolean).join(", ") || "unknown commit";
}
function fromToTable(summary, from, to) {
    const row = (label, t) => t
        ? [
            label,
            t.id,
            (0,_core_report_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(t.url, httpsUrl(t.url)),
            t.commit,
            t.createdAt ? new Date(t.createdAt).toISOString() : undefined,
        ]
        : [label, "none"];
    summary.table(["", "deployment", "URL", "commit", "created"], [row("from", from), row("to", to)]);
}
function reasonLine(summary, reason) {
    if (reason)
        summary.text(`**Reason:** ${(0,_core_report_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(reason)}`);
}


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


/***/ })

};
