export const id = 17;
export const ids = [17];
export const modules = {

/***/ 7017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ database_restore)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/platforms/atlas/backup.ts

const cluster = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    stateName: schemas/* string */.YjP().optional(),
    mongoDBVersion: schemas/* string */.YjP().optional(),
    diskSizeGB: schemas/* number */.aig().optional(),
    pitEnabled: schemas/* boolean */.zMY().optional(),
})
    .loose();
// Snapshot status is an enum in the docs (queued, inProgress, completed, failed): read as text.
const snapshot = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    createdAt: schemas/* string */.YjP().optional(),
    storageSizeBytes: schemas/* number */.aig().optional(),
    description: schemas/* string */.YjP().optional(),
})
    .loose();
const restoreJob = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    deliveryType: schemas/* string */.YjP().optional(),
    pointInTimeUTCSeconds: schemas/* number */.aig().nullable().optional(),
    targetClusterName: schemas/* string */.YjP().nullable().optional(),
    targetGroupId: schemas/* string */.YjP().nullable().optional(),
    timestamp: schemas/* string */.YjP().optional(),
    finishedAt: schemas/* string */.YjP().nullable().optional(),
    failed: schemas/* boolean */.zMY().nullable().optional(),
    cancelled: schemas/* boolean */.zMY().nullable().optional(),
    expired: schemas/* boolean */.zMY().nullable().optional(),
})
    .loose();
const paged = (item) => schemas/* object */.Ikc({ results: schemas/* array */.YOg(item) }).loose();
const clusterPath = (groupId, name) => `/groups/${encodeURIComponent(groupId)}/clusters/${encodeURIComponent(name)}`;
function getCluster(client, groupId, name) {
    return client.request("GET", clusterPath(groupId, name), cluster);
}
/** An on-demand snapshot of the cluster as it is now (Cloud Backups: "Take One On-Demand Snapshot"). */
function takeSnapshot(client, groupId, name, description) {
    return client.request("POST", `${clusterPath(groupId, name)}/backup/snapshots`, snapshot, {
        description,
        retentionInDays: 7,
    });
}
function getSnapshot(client, groupId, name, id) {
    return client.request("GET", `${clusterPath(groupId, name)}/backup/snapshots/${encodeURIComponent(id)}`, snapshot);
}
async function listRestoreJobs(client, groupId, name) {
    return (await client.request("GET", `${clusterPath(groupId, name)}/backup/restoreJobs`, paged(restoreJob)))
        .results;
}
/** A point-in-time restore job onto the same cluster: it replaces all of the cluster's data. */
function createPointInTimeRestore(client, groupId, name, pointInTimeUTCSeconds) {
    return client.request("POST", `${clusterPath(groupId, name)}/backup/restoreJobs`, restoreJob, {
        deliveryType: "pointInTime",
        pointInTimeUTCSeconds,
        targetClusterName: name,
        targetGroupId: groupId,
    });
}
function getRestoreJob(client, groupId, name, id) {
    return client.request("GET", `${clusterPath(groupId, name)}/backup/restoreJobs/${encodeURIComponent(id)}`, restoreJob);
}
/** Where a restore job stands: the docs' done markers are `finishedAt` and the flags failed/cancelled/expired. */
function jobState(job) {
    if (job.failed)
        return "failed";
    if (job.cancelled)
        return "cancelled";
    if (job.expired)
        return "expired";
    return job.finishedAt ? "finished" : "running";
}
/** The same point-in-time restore onto the same cluster, as another run would have made it. */
function sameRestore(job, name, groupId, seconds) {
    return (job.deliveryType === "pointInTime" &&
        job.pointInTimeUTCSeconds === seconds &&
        job.targetClusterName === name &&
        (job.targetGroupId ?? groupId) === groupId);
}

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/platforms/atlas/client.ts


const DEFAULT_ATLAS_URL = "https://cloud.mongodb.com";
/** The Admin API v2 picks its resource version from the dated Accept header. */
const ATLAS_ACCEPT = "application/vnd.atlas.2025-03-12+json";
const USER_AGENT = "production-rollback-database-restore/1.0 (+https://github.com/features/actions)";
/** Renew this long before the token's own expiry, so a request never carries a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;
// Atlas's error body (Admin API v2 "Errors"): {error, errorCode, detail, reason, parameters}.
const errorBody = schemas/* object */.Ikc({ errorCode: schemas/* string */.YjP().optional(), detail: schemas/* string */.YjP().optional(), reason: schemas/* string */.YjP().optional() })
    .loose();
const tokenBody = schemas/* object */.Ikc({
    access_token: schemas/* string */.YjP(),
    expires_in: schemas/* number */.aig(),
    token_type: schemas/* string */.YjP().optional(),
});
function details(body) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success)
        return undefined;
    const { errorCode, detail, reason } = parsed.data;
    return {
        code: errorCode,
        message: [detail, reason && `(${reason})`].filter(Boolean).join(" ") || undefined,
    };
}
/**
 * The Atlas Admin API v2 with a service account: OAuth client credentials (`POST /api/oauth/token`,
 * Basic id:secret), the access token cached for its lifetime and fetched again on expiry or a 401.
 */
class AtlasClient {
    api;
    auth;
    basic;
    onSecret;
    logger;
    cached;
    /** Access tokens fetched: one per run unless one expires or is refused. */
    tokensFetched = 0;
    constructor(options) {
        const base = (options.baseUrl ?? DEFAULT_ATLAS_URL).replace(/\/+$/, "");
        this.logger = options.logger ?? { info: () => { }, warn: () => { }, debug: () => { } };
        this.onSecret = options.onSecret ?? (() => { });
        this.basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
        this.onSecret(this.basic);
        const common = {
            platform: "Atlas",
            errorDetails: details,
            onRetry: ({ attempt, delayMs, reason }) => this.logger.info(`Atlas API: ${reason}, retrying in ${Math.round(delayMs / 100) / 10}s (retry ${attempt})`),
            ...options.http,
        };
        this.api = new http/* HttpClient */.Qq({
            baseUrl: `${base}/api/atlas/v2`,
            headers: { accept: ATLAS_ACCEPT, "user-agent": USER_AGENT },
            ...common,
        });
        this.auth = new http/* HttpClient */.Qq({ baseUrl: base, headers: { "user-agent": USER_AGENT }, ...common });
    }
    get requestCount() {
        return this.api.requestCount + this.auth.requestCount;
    }
    pending;
    /** The cached token, or one fetch shared by every call waiting for it (parallel reads ask once). */
    token() {
        if (this.cached && Date.now() < this.cached.until)
            return Promise.resolve(this.cached.token);
        this.pending ??= this.fetchToken().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    async fetchToken() {
        const response = await this.auth.request({
            method: "POST",
            path: "/api/oauth/token",
            headers: { authorization: this.basic, accept: "application/json" },
            form: { grant_type: "client_credentials" },
            schema: tokenBody,
            // Issuing a token changes nothing: safe to ask again.
            safeToRetry: true,
        });
        this.tokensFetched++;
        const { access_token: token, expires_in: seconds } = response.data;
        this.onSecret(token);
        this.cached = { token, until: Date.now() + Math.max(0, seconds * 1000 - EXPIRY_MARGIN_MS) };
        return token;
    }
    /**
     * One Admin API call. A 401 means the token was refused before anything happened (expired or revoked):
     * a fresh token is fetched and the call sent once more, mutation or not.
     */
    async request(method, path, schema, body) {
        for (let attempt = 0;; attempt++) {
            const token = await this.token();
            try {
                const response = await this.api.request({
                    method,
                    path,
                    body,
                    schema,
                    headers: { authorization: `Bearer ${token}` },
                });
                return response.data;
            }
            catch (error) {
                if (!(error instanceof http/* HttpError */.j$ && error.status === 401) || attempt > 0)
                    throw error;
                this.logger.info("Atlas refused the access token (expired or revoked); fetching a new one.");
                this.cached = undefined;
            }
        }
    }
}

// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
;// CONCATENATED MODULE: ./src/platforms/atlas/restore.ts



/** A step of the restore ended badly; `snapshotId` is the safety snapshot, when one was taken. */
class AtlasRestoreError extends Error {
    name = "AtlasRestoreError";
    kind;
    snapshotId;
    jobId;
    constructor(kind, message, ids = {}) {
        super(message);
        this.kind = kind;
        this.snapshotId = ids.snapshotId;
        this.jobId = ids.jobId;
    }
}
const POLL = { initialDelayMs: 1000, maxDelayMs: 30_000, factor: 1.6, progressEveryMs: 30_000 };
/** An on-demand snapshot, awaited until Atlas reports it completed. */
async function safetySnapshot(client, target, description, context) {
    context.signal.throwIfAborted();
    const started = await takeSnapshot(client, target.groupId, target.cluster, description);
    context.log.info(`Safety snapshot ${started.id} of ${target.cluster} requested (${started.status}).`);
    const result = await (0,wait/* waitFor */.f)({
        ...POLL,
        what: `snapshot ${started.id}`,
        timeoutMs: context.timeoutMs,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const now = await getSnapshot(client, target.groupId, target.cluster, started.id);
            if (now.status === "completed")
                return { done: true, value: now };
            if (now.status === "failed") {
                throw new AtlasRestoreError("snapshot-failed", `Atlas could not take the safety snapshot ${now.id} (failed).`, {
                    snapshotId: now.id,
                });
            }
            return { done: false, state: now.status };
        },
    });
    if (result.outcome === "timeout") {
        throw new AtlasRestoreError("snapshot-timeout", `The safety snapshot ${started.id} was still ${result.lastState ?? "running"} after ${(0,wait/* formatMs */._)(result.elapsedMs)}.`, { snapshotId: started.id });
    }
    context.log.info(`Safety snapshot ${result.value.id} completed in ${(0,wait/* formatMs */._)(result.elapsedMs)}.`);
    return result.value;
}
/**
 * Starts the point-in-time restore job. A create that got no answer is never sent again: the job list tells
 * whether it was made.
 */
async function startRestore(client, target, seconds, snapshotId) {
    try {
        return await createPointInTimeRestore(client, target.groupId, target.cluster, seconds);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$ && error.ambiguous))
            throw error;
        const jobs = await listRestoreJobs(client, target.groupId, target.cluster);
        const made = jobs.find((job) => sameRestore(job, target.cluster, target.groupId, seconds) && jobState(job) === "running");
        if (made)
            return made;
        throw new AtlasRestoreError("job-unknown", `The restore job request got no answer (${error.message}) and no such job is listed: it was not started.`, { snapshotId });
    }
}
/** Polls the job until finishedAt, failed, cancelled or expired. */
async function awaitRestore(client, target, job, snapshotId, context) {
    const result = await (0,wait/* waitFor */.f)({
        ...POLL,
        what: `restore job ${job.id} on ${target.cluster}`,
        timeoutMs: context.timeoutMs,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const now = await getRestoreJob(client, target.groupId, target.cluster, job.id);
            const state = jobState(now);
            if (state === "finished")
                return { done: true, value: now };
            if (state !== "running") {
                throw new AtlasRestoreError("job-failed", `Atlas restore job ${now.id} on ${target.cluster} ${state}.`, {
                    snapshotId,
                    jobId: now.id,
                });
            }
            return { done: false, state: "running" };
        },
    });
    if (result.outcome === "timeout") {
        throw new AtlasRestoreError("job-timeout", `Atlas restore job ${job.id} was still running after ${(0,wait/* formatMs */._)(result.elapsedMs)}.`, { snapshotId, jobId: job.id });
    }
    context.log.info(`Atlas restore job ${job.id} finished at ${result.value.finishedAt} (${(0,wait/* formatMs */._)(result.elapsedMs)}).`);
    return result.value;
}

// EXTERNAL MODULE: ./src/actions/storage-restore/inputs.ts
var storage_restore_inputs = __webpack_require__(8469);
;// CONCATENATED MODULE: ./src/actions/database-restore/confirm.ts

/**
 * As when deleting a repository: `confirm` repeats the name of what is about to be overwritten. A dry
 * run needs none, but a wrong one is still refused (it shows a mix-up of targets).
 */
function checkConfirm(ctx, target, what) {
    const { confirm } = ctx.settings;
    const dryRun = ctx.settings["dry-run"];
    if (confirm === undefined) {
        if (dryRun)
            return;
        throw (0,inputs/* inputError */.Xu)("confirm", `is required: type the name of the ${what} that will be overwritten, "${target}", to confirm the restore.`, `"${target}"`);
    }
    if (confirm !== target) {
        throw (0,inputs/* inputError */.Xu)("confirm", `is "${confirm}", but the ${what} that would be overwritten is "${target}". Nothing was changed.`, `"${target}"`);
    }
}

;// CONCATENATED MODULE: ./src/actions/database-restore/atlas.ts






/** The refusal Atlas would give later, said before anything changes: a point-in-time restore needs it on. */
const PIT_OFF = "has Continuous Cloud Backup off (pitEnabled: false): Atlas has no point-in-time restore for it. Turn it on in the cluster's Backup settings (M10+), or restore a snapshot from the dashboard.";
function readInputs(ctx) {
    const { settings } = ctx;
    const missing = ["atlas-client-id", "atlas-client-secret", "atlas-group-id", "atlas-cluster"].find((name) => !settings[name]);
    if (missing) {
        throw (0,inputs/* inputError */.Xu)(missing, "is required for provider atlas (a service account, the project id and the cluster).", '"${{ secrets.ATLAS_CLIENT_ID }}"');
    }
    if (settings.backup) {
        throw (0,inputs/* inputError */.Xu)("backup", "is set, but provider atlas restores to point-in-time only: leave backup empty.", '"2h"');
    }
    if (settings.mode === "new-service") {
        throw (0,inputs/* inputError */.Xu)("mode", "is new-service, which only provider railway has.", '"swap"');
    }
    if (!settings["point-in-time"]) {
        throw (0,inputs/* inputError */.Xu)("point-in-time", "is required for provider atlas: the time the cluster is restored to.", '"2h" or "2026-03-01T12:00:00Z"');
    }
    return { at: (0,storage_restore_inputs/* parsePointInTime */.kF)(settings["point-in-time"]) };
}
function describeCluster(cluster) {
    const parts = [
        cluster.stateName,
        cluster.mongoDBVersion && `MongoDB ${cluster.mongoDBVersion}`,
        cluster.diskSizeGB && `${cluster.diskSizeGB} GB disk`,
    ];
    return parts.filter(Boolean).join(", ") || "no details";
}
async function plan(ctx) {
    const { settings } = ctx;
    const { at } = readInputs(ctx);
    const target = {
        groupId: settings["atlas-group-id"],
        cluster: settings["atlas-cluster"],
    };
    checkConfirm(ctx, target.cluster, "cluster");
    const client = new AtlasClient({
        clientId: settings["atlas-client-id"],
        clientSecret: settings["atlas-client-secret"],
        baseUrl: settings["atlas-api-url"],
        logger: ctx.log,
        onSecret: (value) => ctx.tk.setSecret(value),
    });
    const seconds = Math.floor(at / 1000);
    const [cluster, jobs] = await Promise.all([
        getCluster(client, target.groupId, target.cluster),
        listRestoreJobs(client, target.groupId, target.cluster),
    ]);
    if (cluster.pitEnabled === false)
        throw new Error(`Atlas cluster ${target.cluster} ${PIT_OFF}`);
    const same = jobs.filter((job) => sameRestore(job, target.cluster, target.groupId, seconds));
    const finished = same.find((job) => jobState(job) === "finished");
    const inFlight = same.find((job) => jobState(job) === "running");
    const when = new Date(seconds * 1000).toISOString();
    return {
        provider: "atlas",
        target: target.cluster,
        restoredFrom: `point in time ${when}`,
        facts: [
            ["Cluster", `${target.cluster} (${describeCluster(cluster)}) in project ${target.groupId}`],
            ["Point in time", `${when} (pointInTimeUTCSeconds ${seconds})`],
            ["Delivery", "pointInTime onto the same cluster"],
            ...(inFlight
                ? [["Already running", `restore job ${inFlight.id}: followed, not started again`]]
                : []),
        ],
        replaces: [
            `ALL data on cluster ${target.cluster}${cluster.diskSizeGB ? ` (${cluster.diskSizeGB} GB disk)` : ""}: it becomes what it held at ${when}; every write after that is gone from the cluster`,
        ],
        safety: settings["safety-backup"] && !inFlight
            ? `an on-demand snapshot of ${target.cluster}, awaited until Atlas reports it completed`
            : undefined,
        noSafetyReason: inFlight ? "taken by the run that started the restore job being followed." : undefined,
        alreadyCurrent: finished
            ? `Cluster ${target.cluster} was already restored to ${when} (restore job ${finished.id}, finished ${finished.finishedAt}). Nothing to do.`
            : undefined,
        detail: { client, target, seconds, inFlight },
    };
}
async function apply(ctx, planned) {
    const { client, target, seconds, inFlight } = planned.detail;
    const context = { log: ctx.log, signal: ctx.signal, timeoutMs: ctx.settings.wait || 30 * 60_000 };
    const steps = [];
    let started = Date.now();
    const snapshot = planned.safety === undefined
        ? undefined
        : await safetySnapshot(client, target, `rollback-safety before point-in-time restore to ${new Date(seconds * 1000).toISOString()}`, context);
    if (snapshot)
        steps.push({ name: "safety snapshot", ms: Date.now() - started });
    ctx.signal.throwIfAborted();
    started = Date.now();
    const job = inFlight ?? (await startRestore(client, target, seconds, snapshot?.id));
    ctx.log.info(`Atlas restore job ${job.id}: ${target.cluster} to ${new Date(seconds * 1000).toISOString()}; all its data is being replaced.`);
    const notes = [`Restore job ${job.id}${inFlight ? " (started by an earlier run, followed)" : ""}.`];
    if (snapshot)
        notes.push(`Safety snapshot ${snapshot.id} (on-demand, kept 7 days)${snapshot.storageSizeBytes ? `, ${snapshot.storageSizeBytes} bytes` : ""}.`);
    if (ctx.settings.wait === 0) {
        notes.push(`${client.requestCount} Atlas API requests in all.`);
        return { status: "requested", safetyBackup: snapshot?.id, notes, steps };
    }
    const done = await awaitRestore(client, target, job, snapshot?.id, context);
    steps.push({ name: "restore job", ms: Date.now() - started });
    notes.push(`Finished at ${done.finishedAt}.`, `${client.requestCount} Atlas API requests in all.`);
    return { status: "restored", safetyBackup: snapshot?.id, notes, steps };
}
const atlasProvider = { plan, apply };

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/postgres/src/index.js + 9 modules
var src = __webpack_require__(1534);
;// CONCATENATED MODULE: ./src/platforms/postgres/conn.ts





/** Parses `postgres://user:password@host:port/database?sslmode=…`; `host=` in the query for a socket folder. */
function parseDatabaseUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error("is not a URL.");
    }
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
        throw new Error(`has the scheme "${url.protocol}"; it must be postgres:// or postgresql://.`);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
    if (!database || database.includes("/"))
        throw new Error("names no database (the path after the host).");
    const host = url.searchParams.get("host") ?? decodeURIComponent(url.hostname);
    if (!host)
        throw new Error("names no host.");
    return {
        host: host.replace(/^\[|\]$/g, ""),
        port: url.port ? Number(url.port) : 5432,
        user: decodeURIComponent(url.username) || "postgres",
        password: url.password ? decodeURIComponent(url.password) : undefined,
        database,
        sslmode: url.searchParams.get("sslmode") ?? undefined,
    };
}
/** The same server, another database. */
function onDatabase(conn, database) {
    return { ...conn, database };
}
function driverSsl(sslmode) {
    if (sslmode === undefined || sslmode === "disable")
        return false;
    if (sslmode === "verify-ca")
        return "verify-full";
    return sslmode;
}
/** A driver client (one connection: the restore never needs more) on `conn.database`. */
function client(conn) {
    return (0,src/* default */.A)({
        host: conn.host,
        port: conn.port,
        user: conn.user,
        pass: conn.password,
        database: conn.database,
        ssl: driverSsl(conn.sslmode),
        max: 1,
        connect_timeout: 30,
        onnotice: () => { },
        connection: { application_name: "database-restore" },
    });
}
async function withClient(conn, use) {
    const sql = client(conn);
    try {
        return await use(sql);
    }
    finally {
        await sql.end({ timeout: 5 });
    }
}
function pgpassField(value) {
    return value.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
}
function toolEnv(conn, dir = (0,external_node_os_.tmpdir)()) {
    const env = { ...process.env };
    for (const name of ["PGPASSWORD", "PGSERVICE", "PGDATABASE", "PGOPTIONS"])
        delete env[name];
    env.PGHOST = conn.host;
    env.PGPORT = String(conn.port);
    env.PGUSER = conn.user;
    env.PGAPPNAME = "database-restore";
    env.PGCONNECT_TIMEOUT = "30";
    if (conn.sslmode)
        env.PGSSLMODE = conn.sslmode;
    let file;
    if (conn.password !== undefined) {
        file = (0,external_node_path_.join)(dir, `dbrestore-pgpass-${(0,external_node_crypto_.randomUUID)()}`);
        const line = ["*", "*", "*", pgpassField(conn.user), pgpassField(conn.password)].join(":");
        (0,external_node_fs_.writeFileSync)(file, `${line}\n`, { mode: 0o600 });
        env.PGPASSFILE = file;
    }
    return {
        env,
        dispose: () => {
            if (file)
                (0,external_node_fs_.rmSync)(file, { force: true });
        },
    };
}
/** A double-quoted identifier. */
function ident(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** A single-quoted literal (standard_conforming_strings is on since 9.1). */
function literal(text) {
    return `'${text.replace(/'/g, "''")}'`;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/platforms/postgres/header.ts




class NotADumpError extends Error {
    name = "NotADumpError";
}
/**
 * Reads the archive header as pg_dump writes it (pg_backup_archiver.c, WriteHead): "PGDMP", version
 * bytes, int and offset sizes, format, compression, creation time (7 ints), then the database name, the
 * server version and the pg_dump version as length-prefixed strings.
 */
function parseArchiveHeader(buffer, format) {
    let pos = 5;
    const byte = () => {
        if (pos >= buffer.length)
            throw new NotADumpError("the archive header is cut short");
        return buffer[pos++];
    };
    const [vmaj, vmin] = [byte(), byte(), byte()];
    const intSize = byte();
    byte(); // offset size
    byte(); // format
    if (intSize < 1 || intSize > 8)
        throw new NotADumpError("the archive header is damaged");
    const readInt = () => {
        const negative = byte() !== 0;
        let value = 0;
        for (let i = 0; i < intSize; i++)
            value += byte() * 2 ** (8 * i);
        return negative ? -value : value;
    };
    const readStr = () => {
        const length = readInt();
        if (length < 0)
            return undefined;
        if (pos + length > buffer.length)
            throw new NotADumpError("the archive header is cut short");
        const text = buffer.toString("utf8", pos, pos + length);
        pos += length;
        return text;
    };
    const atLeast = (minor) => vmaj > 1 || (vmaj === 1 && vmin >= minor);
    // 1.15 (PostgreSQL 16) stores the compression algorithm as a byte; before, the level as an int.
    if (atLeast(15))
        byte();
    else
        readInt();
    let database;
    if (atLeast(4)) {
        for (let i = 0; i < 7; i++)
            readInt();
        database = readStr();
    }
    let serverVersion;
    let dumpVersion;
    if (atLeast(10)) {
        serverVersion = readStr();
        dumpVersion = readStr();
    }
    return { format, dumpVersion, serverVersion, database, archiveVersion: `${vmaj}.${vmin}` };
}
function plainHeader(text, format) {
    const version = (label) => new RegExp(`^-- Dumped ${label} version (\\d+(?:\\.\\d+)?)`, "m").exec(text)?.[1];
    return {
        format,
        dumpVersion: version("by pg_dump"),
        serverVersion: version("from database"),
        database: undefined,
        archiveVersion: undefined,
    };
}
async function gunzipStart(path) {
    const gunzip = (0,external_node_zlib_.createGunzip)();
    const source = (0,external_node_fs_.createReadStream)(path, { end: 256 * 1024 });
    (0,external_node_stream_.pipeline)(source, gunzip, () => { });
    let text = "";
    try {
        for await (const chunk of gunzip) {
            text += chunk.toString("utf8");
            if (text.length >= 8192)
                break;
        }
    }
    catch (error) {
        throw new NotADumpError(`it starts like gzip but does not decompress (${error.message})`);
    }
    finally {
        source.destroy();
        gunzip.destroy();
    }
    return text;
}
/** Tells the dump's format and versions from its first bytes. */
async function readDumpHeader(path) {
    const file = await (0,promises_.open)(path, "r");
    const buffer = Buffer.alloc(16 * 1024);
    let read;
    try {
        ({ bytesRead: read } = await file.read(buffer, 0, buffer.length, 0));
    }
    finally {
        await file.close();
    }
    const head = buffer.subarray(0, read);
    if (head.subarray(0, 5).toString("latin1") === "PGDMP")
        return parseArchiveHeader(head, "custom");
    // A tar archive from pg_dump -Ft begins with its toc.dat member, which holds the same header.
    const tarName = head.subarray(0, 100).toString("latin1").replace(/\0.*$/s, "");
    if (tarName === "toc.dat" && head.subarray(512, 517).toString("latin1") === "PGDMP") {
        return parseArchiveHeader(head.subarray(512), "tar");
    }
    if (head[0] === 0x1f && head[1] === 0x8b)
        return plainHeader(await gunzipStart(path), "sql.gz");
    if (read > 0 && !head.includes(0))
        return plainHeader(head.toString("utf8"), "sql");
    throw new NotADumpError("it is neither a pg_dump archive (custom or tar format) nor plain SQL (.sql or .sql.gz)");
}
/**
 * A plain dump has no table of contents to check, and psql commits whatever it has run when its input
 * ends. pg_dump ends every plain dump with this line, so its absence means a file cut short; reading a
 * .gz to the end also checks its CRC.
 */
async function checkPlainComplete(path, format) {
    const source = (0,external_node_fs_.createReadStream)(path);
    const stream = format === "sql.gz" ? (0,external_node_stream_.pipeline)(source, (0,external_node_zlib_.createGunzip)(), () => { }) : source;
    let tail = "";
    try {
        for await (const chunk of stream)
            tail = (tail + chunk.toString("latin1")).slice(-512);
    }
    catch (error) {
        throw new NotADumpError(`it does not decompress to the end (${error.message})`);
    }
    finally {
        source.destroy();
    }
    if (!tail.includes("-- PostgreSQL database dump complete")) {
        throw new NotADumpError('it does not end with the line pg_dump writes last ("-- PostgreSQL database dump complete"), so it looks cut short');
    }
}

;// CONCATENATED MODULE: ./src/platforms/postgres/inspect.ts

// A database comment records what was restored, so a second run with the same dump changes nothing.
const MARKER = /^database-restore sha256:([0-9a-f]{64}) from (.*) at (\S+)$/;
function markerText(marker) {
    return `database-restore sha256:${marker.sha256} from ${marker.name.replace(/[\r\n]/g, " ")} at ${marker.at}`;
}
function parseMarker(comment) {
    const match = comment ? MARKER.exec(comment) : null;
    return match ? { sha256: match[1], name: match[2], at: match[3] } : undefined;
}
async function writeMarker(sql, database, marker) {
    await sql.unsafe(`COMMENT ON DATABASE ${ident(database)} IS ${literal(markerText(marker))}`);
}
/**
 * Connects to the maintenance database (`postgres`, else `template1`): renaming, creating and dropping
 * databases cannot be done from inside the database concerned.
 */
async function withMaintenance(conn, use) {
    try {
        return await withClient(onDatabase(conn, "postgres"), use);
    }
    catch (error) {
        if (error.code !== "3D000")
            throw error;
        return withClient(onDatabase(conn, "template1"), use);
    }
}
async function inspectTarget(conn) {
    const head = await withMaintenance(conn, async (sql) => {
        const rows = await sql `
      SELECT pg_database_size(d.oid)::text AS size,
             shobj_description(d.oid, 'pg_database') AS comment,
             (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = d.datname AND a.pid <> pg_backend_pid())::text AS connections,
             current_setting('server_version') AS version,
             current_setting('server_version_num') AS num
      FROM pg_database d WHERE d.datname = ${conn.database}`;
        return rows[0];
    });
    if (!head)
        throw new Error(`The database "${conn.database}" does not exist on ${conn.host}:${conn.port}.`);
    const tables = await withClient(conn, async (sql) => {
        const rows = await sql `
      SELECT format('%I.%I', n.nspname, c.relname) AS name, greatest(c.reltuples, 0)::float8 AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY c.reltuples DESC, 1`;
        return rows.map((row) => ({ name: row.name, rows: Math.round(Number(row.rows)) }));
    });
    return {
        database: conn.database,
        serverVersion: head.version.split(" ")[0] ?? head.version,
        serverMajor: Math.floor(Number(head.num) / 10_000),
        bytes: Number(head.size),
        tables: tables.length,
        largest: tables.slice(0, 5),
        connections: Number(head.connections),
        restored: parseMarker(head.comment),
    };
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/platforms/postgres/source.ts









function isUrl(backup) {
    return /^https?:\/\//i.test(backup);
}
/** The URL as it may be shown: no query string (signed URLs carry their credentials there), no userinfo. */
function shownUrl(raw) {
    const url = new URL(raw);
    return `${url.origin}${url.pathname}`;
}
function progressEvery(log, what, total) {
    const started = Date.now();
    let last = started;
    return (bytes) => {
        if (Date.now() - last < 10_000)
            return;
        last = Date.now();
        const of = total ? ` of ${formatBytes(total)}` : "";
        log.info(`${what}: ${formatBytes(bytes)}${of} (${(0,wait/* formatMs */._)(Date.now() - started)})`);
    };
}
function hashing(hash, onBytes) {
    let bytes = 0;
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            bytes += chunk.length;
            onBytes(bytes);
            callback(null, chunk);
        },
    });
}
/** Reads the dump where it is (a path) or streams it to a temp file (a URL), hashing as it goes. */
async function fetchDump(options) {
    if (!isUrl(options.backup)) {
        const path = (0,external_node_path_.resolve)(options.cwd, options.backup);
        const info = await (0,promises_.stat)(path).catch(() => undefined);
        if (!info)
            throw new Error(`The dump ${path} does not exist.`);
        if (!info.isFile()) {
            throw new Error(`${path} is not a file. Give a custom-format dump (pg_dump -Fc), a tar dump (-Ft) or a .sql / .sql.gz file.`);
        }
        const hash = (0,external_node_crypto_.createHash)("sha256");
        const report = progressEvery(options.log, `Reading ${(0,external_node_path_.basename)(path)}`, info.size);
        let read = 0;
        for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
            hash.update(chunk);
            read += chunk.length;
            report(read);
        }
        const sha256 = hash.digest("hex");
        return { path, source: path, name: (0,external_node_path_.basename)(path), bytes: info.size, sha256, tempDir: undefined };
    }
    return download(options);
}
async function download(options) {
    const shown = shownUrl(options.backup);
    const name = (0,external_node_path_.basename)(new URL(options.backup).pathname) || "dump";
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempRoot, "dbrestore-dump-"));
    const path = (0,external_node_path_.join)(tempDir, name.replace(/[^\w.-]/g, "_"));
    const retries = options.retries ?? 3;
    try {
        for (let attempt = 0;; attempt++) {
            const outcome = await downloadOnce(options, shown, path);
            if (outcome.ok)
                return { ...outcome.dump, source: shown, name, tempDir };
            if (!outcome.retry || attempt >= retries)
                throw new Error(outcome.message);
            const delay = outcome.retryAfterMs ?? (0,http/* backoffDelay */.EY)(attempt, 1000, 15_000);
            options.log.warn(`${outcome.message}; trying again in ${(0,wait/* formatMs */._)(delay)}.`);
            await (0,http/* sleep */.yy)(delay);
        }
    }
    catch (error) {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw error;
    }
}
async function get(options) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    let url = new URL(options.backup);
    let headers = options.headers ?? {};
    for (let hop = 0;; hop++) {
        const response = await (0,undici.request)(url, {
            method: "GET",
            headers: { "user-agent": "production-rollback database-restore", ...headers },
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
            signal: options.signal,
        });
        const location = response.headers.location;
        const redirect = response.statusCode >= 300 && response.statusCode < 400 && typeof location === "string";
        const next = redirect ? new URL(location, url) : undefined;
        // Never follow a redirect from https down to http: the dump is production data.
        if (!next || hop >= 5 || (url.protocol === "https:" && next.protocol !== "https:"))
            return response;
        await response.body.dump();
        // Release assets redirect to signed storage URLs: the user's headers are for the first host only.
        if (next.origin !== url.origin)
            headers = {};
        url = next;
    }
}
async function downloadOnce(options, shown, path) {
    let response;
    try {
        response = await get(options);
    }
    catch (error) {
        const code = error.code ?? error.message;
        return { ok: false, retry: true, message: `Downloading the dump from ${shown} failed: ${code}` };
    }
    const status = response.statusCode;
    if (status !== 200) {
        await response.body.dump();
        const hint = status === 401 || status === 403
            ? " (the server wants credentials: pass them in backup-headers, e.g. Authorization: Bearer …)"
            : status === 404
                ? " (no dump at that address)"
                : "";
        return {
            ok: false,
            retry: status === 429 || status >= 500,
            message: `Downloading the dump from ${shown} answered HTTP ${status}${hint}`,
            retryAfterMs: (0,http/* parseRetryAfter */.mu)(response.headers["retry-after"]),
        };
    }
    const length = Number(response.headers["content-length"]) || undefined;
    const hash = (0,external_node_crypto_.createHash)("sha256");
    let bytes = 0;
    const report = progressEvery(options.log, `Downloading ${shown}`, length);
    try {
        await (0,external_node_stream_promises_.pipeline)(response.body, hashing(hash, (n) => {
            bytes = n;
            report(n);
        }), (0,external_node_fs_.createWriteStream)(path, { mode: 0o600 }));
    }
    catch (error) {
        return {
            ok: false,
            retry: true,
            message: `Downloading the dump from ${shown} broke off: ${error.message}`,
        };
    }
    if (length !== undefined && bytes !== length) {
        return {
            ok: false,
            retry: true,
            message: `Downloading the dump from ${shown} stopped at ${bytes} of ${length} bytes`,
        };
    }
    return { ok: true, dump: { path, bytes, sha256: hash.digest("hex") } };
}
/** Removes a downloaded dump (a local path is the user's and stays). */
async function discardDump(dump) {
    if (dump.tempDir)
        await (0,promises_.rm)(dump.tempDir, { recursive: true, force: true });
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ["KB", "MB", "GB", "TB"];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/platforms/postgres/tools.ts


/** A pg tool that exited non-zero: its last stderr lines say why. */
class ToolError extends Error {
    name = "ToolError";
    tool;
    exitCode;
    stderr;
    constructor(tool, exitCode, stderr) {
        const last = stderr.trim().split("\n").slice(-6).join("\n");
        super(`${tool} failed (exit ${exitCode ?? "signal"}): ${last || "no message"}`);
        this.tool = tool;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
function toolPath(tools, tool) {
    return tools.binDir ? (0,external_node_path_.join)(tools.binDir, tool) : tool;
}
/** Runs a pg tool with an argument array (no shell), keeping the tail of stderr for the error. */
async function runTool(tools, tool, args, options) {
    const child = (0,external_node_child_process_.spawn)(toolPath(tools, tool), args, {
        env: options.env,
        stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
        signal: options.signal,
    });
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
        stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
        // Keep only the tail: a verbose restore writes a line per entry.
        stderr = (stderr + chunk).slice(-20_000);
        if (!options.onStderrLine)
            return;
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines)
            options.onStderrLine(line);
    });
    const fed = options.stdin && child.stdin ? feed(options.stdin, child) : Promise.resolve();
    const exit = new Promise((resolve, reject) => {
        child.once("error", (error) => {
            if (error.code === "ENOENT") {
                reject(new Error(`${tool} was not found${tools.binDir ? ` in ${tools.binDir}` : " on PATH"}: install the PostgreSQL client (apt-get install postgresql-client) or set postgres-bin-dir.`));
            }
            else
                reject(error);
        });
        child.once("close", (code) => resolve(code));
    });
    const [code] = await Promise.all([exit, fed]);
    if (code !== 0)
        throw new ToolError(tool, code, stderr);
    return { stdout };
}
/**
 * Pipes `source` into the tool's stdin. If the source fails (a gzip cut short), the tool is killed
 * before its stdin closes: psql at end of input would COMMIT what it has run so far.
 */
function feed(source, child) {
    const stdin = child.stdin;
    return new Promise((resolve, reject) => {
        source.once("error", (error) => {
            child.kill("SIGKILL");
            reject(error);
        });
        // psql stopping early (ON_ERROR_STOP) closes its stdin: its exit code tells the story.
        stdin.once("error", (error) => error.code === "EPIPE" ? resolve() : reject(error));
        source.once("end", () => resolve());
        source.pipe(stdin);
    });
}
/** The major version of a local tool: `pg_restore (PostgreSQL) 15.18 (Debian …)` → 15. */
async function toolVersion(tools, tool) {
    const { stdout } = await runTool(tools, tool, ["--version"], { env: process.env });
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match)
        throw new Error(`Could not read the version of ${tool} from "${stdout.trim()}".`);
    const major = Number(match[1]);
    return { major, text: `${match[1]}${match[2] ? `.${match[2]}` : ""}` };
}

;// CONCATENATED MODULE: ./src/platforms/postgres/pgtools.ts







/** libpq conninfo naming only the database (host, user, password come from the environment). */
function dbArg(database) {
    return `dbname='${database.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
/** A progress line every 10 s while a long step runs: phase, elapsed, and what can be measured. */
function ticker(log, phase, detail) {
    const started = Date.now();
    const timer = setInterval(() => {
        const extra = detail();
        log.info(`${phase}: ${(0,wait/* formatMs */._)(Date.now() - started)} elapsed${extra ? `, ${extra}` : ""}`);
    }, 10_000);
    timer.unref();
    return () => clearInterval(timer);
}
/** The archive's table of contents, as `pg_restore --list` prints it (entry lines only). */
async function listArchive(options, path) {
    const { stdout } = await runTool(options.tools, "pg_restore", ["--list", path], {
        env: process.env,
        signal: options.signal,
    });
    return stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";"));
}
/** `pg_dump -Fc` of `conn.database` into `path`, then checked by reading its table of contents back. */
async function dumpDatabase(options, conn, path) {
    const env = toolEnv(conn, options.tempDir);
    const stop = ticker(options.log, `Safety backup of ${conn.database}`, () => {
        const size = (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.size;
        return size === undefined ? "" : `${formatBytes(size)} written`;
    });
    try {
        await runTool(options.tools, "pg_dump", ["-Fc", "-f", path, dbArg(conn.database)], {
            env: env.env,
            signal: options.signal,
        });
    }
    finally {
        stop();
        env.dispose();
    }
    const { stdout } = await runTool(options.tools, "pg_restore", ["--list", path], {
        env: process.env,
        signal: options.signal,
    });
    // The listing names the database the archive was made from: proof it is the dump just taken.
    const named = stdout.split("\n").some((line) => /^;\s+dbname: (.*)$/.exec(line)?.[1] === conn.database);
    if (!named)
        throw new Error(`The safety backup ${path} does not read back as a dump of ${conn.database}.`);
    return { entries: stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";")).length };
}
/** Restores a dump into `conn.database`: pg_restore for archives, psql for plain SQL. */
async function restoreDump(options, conn, args) {
    const env = toolEnv(conn, options.tempDir);
    const phase = `Restoring into ${conn.database}`;
    try {
        if (args.format === "custom" || args.format === "tar") {
            const flags = ["--no-owner", "--exit-on-error", "--verbose", "-d", dbArg(conn.database)];
            // --single-transaction cannot be combined with -j; a scratch database needs no rollback anyway.
            if (args.inPlace)
                flags.push("--clean", "--if-exists", "--single-transaction");
            else if (args.jobs > 1 && args.format === "custom")
                flags.push("-j", String(args.jobs));
            let done = 0;
            const stop = ticker(options.log, phase, () => args.entries ? `${Math.min(done, args.entries)} of ${args.entries} entries` : `${done} entries`);
            try {
                await runTool(options.tools, "pg_restore", [...flags, args.path], {
                    env: env.env,
                    signal: options.signal,
                    onStderrLine: (line) => {
                        if (/^pg_restore: (creating|processing|executing)/.test(line))
                            done++;
                    },
                });
            }
            finally {
                stop();
            }
            return;
        }
        const total = (0,external_node_fs_.statSync)(args.path).size;
        let fed = 0;
        const counter = new external_node_stream_.Transform({
            transform(chunk, _encoding, callback) {
                fed += chunk.length;
                callback(null, chunk);
            },
        });
        // The callback form returns the last stream, which errors when any stage does (feed() then kills psql).
        const ignore = () => { };
        const stdin = args.format === "sql.gz"
            ? (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(args.path), counter, (0,external_node_zlib_.createGunzip)(), ignore)
            : (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(args.path), counter, ignore);
        const stop = ticker(options.log, phase, () => `${formatBytes(fed)} of ${formatBytes(total)} read`);
        try {
            await runTool(options.tools, "psql", [
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "--single-transaction",
                "-o",
                "/dev/null",
                "-d",
                dbArg(conn.database),
            ], { env: env.env, stdin, signal: options.signal });
        }
        finally {
            stop();
        }
    }
    finally {
        env.dispose();
    }
}

;// CONCATENATED MODULE: ./src/platforms/postgres/plan.ts





class DumpRefused extends Error {
    name = "DumpRefused";
}
const major = (version) => (version ? Number(version.split(".")[0]) : undefined);
/**
 * Reads everything a restore depends on and changes nothing: the dump (fetched, hashed, its header and
 * table of contents read), the local tools' versions against it, and the target database as it is.
 */
async function planPostgres(options) {
    const dump = await fetchDump({ ...options.fetch, log: options.log, signal: options.signal });
    try {
        const header = await readDumpHeader(dump.path).catch((error) => {
            if (error instanceof NotADumpError)
                throw new DumpRefused(`${dump.source} is not usable: ${error.message}.`);
            throw error;
        });
        const archive = header.format === "custom" || header.format === "tar";
        const reader = await toolVersion(options.tools, archive ? "pg_restore" : "psql");
        const dumpMajor = major(header.dumpVersion);
        if (dumpMajor !== undefined && dumpMajor > reader.major) {
            throw new DumpRefused(`${dump.name} was written by pg_dump ${header.dumpVersion}, newer than the local ${archive ? "pg_restore" : "psql"} ${reader.text}, which cannot be trusted to read it. Install the PostgreSQL ${dumpMajor} client tools (apt-get install postgresql-client-${dumpMajor}) and set postgres-bin-dir to their folder (e.g. /usr/lib/postgresql/${dumpMajor}/bin).`);
        }
        let entries;
        if (archive) {
            entries = await listArchive(options, dump.path).then((lines) => lines.length, (error) => {
                if (error instanceof ToolError) {
                    throw new DumpRefused(`${dump.name} does not read as a dump: ${error.message}`);
                }
                throw error;
            });
        }
        else {
            await checkPlainComplete(dump.path, header.format).catch((error) => {
                if (error instanceof NotADumpError)
                    throw new DumpRefused(`${dump.name} is not usable: ${error.message}.`);
                throw error;
            });
        }
        const target = await inspectTarget(options.conn);
        let dumper;
        if (options.safetyBackup) {
            const local = await toolVersion(options.tools, "pg_dump");
            if (local.major < target.serverMajor) {
                throw new DumpRefused(`The local pg_dump ${local.text} cannot take the safety backup of a PostgreSQL ${target.serverVersion} server (pg_dump refuses newer servers). Install the PostgreSQL ${target.serverMajor} client tools and set postgres-bin-dir (e.g. /usr/lib/postgresql/${target.serverMajor}/bin).`);
            }
            dumper = local.text;
        }
        return {
            dump,
            header,
            entries,
            target,
            alreadyCurrent: target.restored?.sha256 === dump.sha256,
            tools: { restore: reader.text, dump: dumper },
        };
    }
    catch (error) {
        await discardDump(dump);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/platforms/postgres/swap.ts


/**
 * Creates the scratch database like the target: same encoding and locale (read through to_jsonb, since
 * the locale columns differ between PostgreSQL versions), and the same owner when this role may grant it.
 */
async function createScratch(sql, target, scratch) {
    const [row] = await sql `
    SELECT to_jsonb(d) AS d, pg_encoding_to_char(d.encoding) AS encoding,
           pg_get_userbyid(d.datdba) AS owner, pg_has_role(current_user, d.datdba, 'MEMBER') AS member
    FROM pg_database d WHERE d.datname = ${target}`;
    if (!row)
        throw new Error(`The database "${target}" does not exist.`);
    const text = (key) => (typeof row.d[key] === "string" ? row.d[key] : undefined);
    const parts = [`TEMPLATE template0 ENCODING ${literal(row.encoding)}`];
    parts.push(`LC_COLLATE ${literal(text("datcollate") ?? "C")} LC_CTYPE ${literal(text("datctype") ?? "C")}`);
    const provider = text("datlocprovider");
    const locale = text("datlocale") ?? text("daticulocale");
    if (provider === "i" && locale)
        parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${literal(locale)}`);
    if (provider === "b" && locale)
        parts.push(`LOCALE_PROVIDER builtin BUILTIN_LOCALE ${literal(locale)}`);
    if (row.member)
        parts.push(`OWNER ${ident(row.owner)}`);
    await sql.unsafe(`CREATE DATABASE ${ident(scratch)} ${parts.join(" ")}`);
    await carrySettings(sql, target, scratch);
}
/**
 * pg_dump without --create leaves out the database's own grants and settings (ALTER DATABASE … SET):
 * copy them, so the applications' roles can connect to the restored database as before.
 */
async function carrySettings(sql, target, scratch) {
    const grants = await sql `
    SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee,
           a.privilege_type AS privilege, a.is_grantable AS grantable
    FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = ${target}`;
    if (grants.length > 0) {
        // An explicit ACL replaces the default one (PUBLIC may connect): start from none, as the target did.
        await sql.unsafe(`REVOKE ALL ON DATABASE ${ident(scratch)} FROM PUBLIC`);
        for (const grant of grants) {
            const who = grant.grantee === null ? "PUBLIC" : ident(grant.grantee);
            const option = grant.grantable ? " WITH GRANT OPTION" : "";
            await sql.unsafe(`GRANT ${grant.privilege} ON DATABASE ${ident(scratch)} TO ${who}${option}`);
        }
    }
    const settings = await sql `
    SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END AS role,
           unnest(s.setconfig) AS setting
    FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = ${target}`;
    for (const { role, setting } of settings) {
        const at = setting.indexOf("=");
        const assignment = `SET ${ident(setting.slice(0, at))} = ${literal(setting.slice(at + 1))}`;
        const owner = role === null ? "" : `ROLE ${ident(role)} IN `;
        await sql.unsafe(`ALTER ${owner}DATABASE ${ident(scratch)} ${assignment}`);
    }
}
async function dropDatabase(sql, name) {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}
async function others(sql, database) {
    const [row] = await sql `
    SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
    return Number(row?.n ?? 0);
}
/**
 * Swaps the restored database in: new connections to the target are refused, the open ones ended, then
 * both renames happen in one transaction (both or neither). Returns how many connections were ended.
 */
async function swapNames(sql, names) {
    const { target, scratch, kept, log } = names;
    await sql.unsafe(`ALTER DATABASE ${ident(target)} WITH ALLOW_CONNECTIONS false`);
    let ended = 0;
    try {
        const open = await others(sql, target);
        if (open > 0) {
            log.info(`Ending ${open} connection${open === 1 ? "" : "s"} to ${target} for the swap: applications reconnect to the restored database in a moment.`);
        }
        for (let round = 0; round < 50; round++) {
            const [row] = await sql `
        SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity
        WHERE datname = ${target} AND pid <> pg_backend_pid()`;
            ended += Number(row?.n ?? 0);
            if ((await others(sql, target)) === 0)
                break;
            await (0,http/* sleep */.yy)(100);
        }
        const left = await others(sql, target);
        if (left > 0)
            throw new Error(`${left} connections to ${target} did not end (pg_terminate_backend): nothing was swapped.`);
        await sql.begin(async (tx) => {
            await tx.unsafe(`ALTER DATABASE ${ident(target)} RENAME TO ${ident(kept)}`);
            await tx.unsafe(`ALTER DATABASE ${ident(scratch)} RENAME TO ${ident(target)}`);
        });
    }
    finally {
        // Whichever database now has the old one's place or name, both accept connections again.
        const current = await sql `
      SELECT datname FROM pg_database WHERE datname IN (${target}, ${kept}) AND NOT datallowconn`;
        for (const { datname } of current) {
            await sql.unsafe(`ALTER DATABASE ${ident(datname)} WITH ALLOW_CONNECTIONS true`);
        }
    }
    return ended;
}

;// CONCATENATED MODULE: ./src/platforms/postgres/verify.ts
/**
 * `verify-sql` as statements: split on semicolons outside quotes and comments; text with no semicolon
 * at all is one statement per line.
 */
function splitStatements(text) {
    if (!text.includes(";"))
        return text
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean);
    const statements = [];
    let current = "";
    let quote;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quote) {
            current += char;
            if (char === quote)
                quote = undefined;
        }
        else if (char === "'" || char === '"') {
            quote = char;
            current += char;
        }
        else if (char === "-" && text[i + 1] === "-") {
            while (i < text.length && text[i] !== "\n")
                i++;
            current += "\n";
        }
        else if (char === ";") {
            statements.push(current);
            current = "";
        }
        else
            current += char;
    }
    statements.push(current);
    return statements.map((statement) => statement.trim()).filter(Boolean);
}
class VerifyError extends Error {
    name = "VerifyError";
    query;
    constructor(query, problem) {
        super(`verify-sql failed: ${JSON.stringify(query.length > 120 ? `${query.slice(0, 117)}...` : query)} ${problem}`);
        this.query = query;
    }
}
function empty(value) {
    return value === null || value === false || value === 0 || value === "0" || value === 0n;
}
/**
 * Runs each query in a read-only transaction (verification must not change the data it checks). A query
 * passes when it succeeds and returns rows; a single value of 0, false or NULL fails too, so
 * `SELECT count(*) FROM users` catches an empty table.
 */
async function runVerify(sql, queries) {
    const lines = [];
    for (const query of queries) {
        let rows;
        try {
            rows = await sql.begin("read only", (tx) => tx.unsafe(query));
        }
        catch (error) {
            const code = error.code;
            throw new VerifyError(query, `raised ${code ? `${code} ` : ""}${error.message}`);
        }
        if (rows.length === 0)
            throw new VerifyError(query, "returned no rows");
        const first = rows[0];
        const values = Object.values(first);
        if (rows.length === 1 && values.length === 1 && empty(values[0])) {
            throw new VerifyError(query, `returned ${String(values[0])}`);
        }
        const shown = rows.length === 1 && values.length === 1 ? String(values[0]) : `${rows.length} rows`;
        lines.push(`${query} → ${shown}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/platforms/postgres/restore.ts







/** `20250611t093000z`: sortable, and valid in a database name. */
function stamp(date) {
    return date
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d+Z$/, "z")
        .toLowerCase();
}
/** A database name within PostgreSQL's 63 bytes, keeping the suffix whole. */
function derivedName(database, suffix) {
    let base = database;
    while (Buffer.byteLength(`${base}${suffix}`) > 63)
        base = base.slice(0, -1);
    return `${base}${suffix}`;
}
/**
 * Restores `dump` over `conn.database`. Swap: into a scratch database, verified, then swapped in by
 * renaming (the old database stays under a dated name). In place: one transaction. Either way a safety
 * dump is taken and read back first.
 */
async function restorePostgres(options) {
    const { conn, log } = options;
    const now = options.now ?? new Date();
    const steps = [];
    const timed = async (name, run) => {
        const started = Date.now();
        const value = await run();
        steps.push({ name, ms: Date.now() - started });
        return value;
    };
    const marker = {
        sha256: options.dump.sha256,
        name: options.dump.name,
        at: now.toISOString(),
    };
    const restoreArgs = {
        path: options.dump.path,
        format: options.header.format,
        jobs: options.jobs,
        entries: options.entries,
    };
    let safetyBackup;
    if (options.safetyDir) {
        const path = (0,external_node_path_.join)(options.safetyDir, `${conn.database}-before-restore-${stamp(now)}.dump`);
        log.info(`Taking the safety backup of ${conn.database} (pg_dump -Fc) to ${path}`);
        const { entries } = await timed("safety backup", () => dumpDatabase(options, conn, path));
        log.info(`Safety backup verified: ${entries} entries read back from ${path}.`);
        safetyBackup = path;
    }
    else
        log.warn("safety-backup is false: NO safety dump is taken. The data being replaced is not kept by this step.");
    if (options.mode === "in-place") {
        log.info(`Restoring ${options.dump.name} into ${conn.database} in place, in one transaction.`);
        await timed("restore", () => restoreDump(options, conn, { ...restoreArgs, inPlace: true }));
        let verified = [];
        try {
            verified = await timed("verify", () => withClient(conn, (sql) => runVerify(sql, options.verifySql)));
        }
        catch (error) {
            if (!safetyBackup)
                throw error;
            log.warn(`${error.message}. Putting the safety backup back in place.`);
            await restoreDump(options, conn, {
                ...restoreArgs,
                path: safetyBackup,
                format: "custom",
                inPlace: true,
            });
            throw new Error(`${error.message}. The restored data was replaced again by the safety backup ${safetyBackup}, so ${conn.database} holds what it held before.`);
        }
        await withClient(conn, (sql) => writeMarker(sql, conn.database, marker));
        return { safetyBackup, keptDatabase: undefined, endedConnections: 0, verified, steps };
    }
    const scratch = derivedName(conn.database, `_restoring_${stamp(now)}`);
    const kept = derivedName(conn.database, `_before_restore_${stamp(now)}`);
    await withMaintenance(conn, (sql) => createScratch(sql, conn.database, scratch));
    let swapped = false;
    try {
        log.info(`Restoring ${options.dump.name} (${formatBytes(options.dump.bytes)}) into the scratch database ${scratch}.`);
        await timed("restore", () => restoreDump(options, onDatabase(conn, scratch), { ...restoreArgs, inPlace: false }));
        const verified = await timed("verify", () => withClient(onDatabase(conn, scratch), async (sql) => {
            const lines = await runVerify(sql, options.verifySql);
            await writeMarker(sql, scratch, marker);
            return lines;
        }));
        for (const line of verified)
            log.info(`verify-sql: ${line}`);
        const endedConnections = await timed("swap", () => withMaintenance(conn, (sql) => swapNames(sql, { target: conn.database, scratch, kept, log })));
        swapped = true;
        log.info(`Swapped: ${conn.database} is the restored data; the previous database is kept as ${kept}.`);
        return { safetyBackup, keptDatabase: kept, endedConnections, verified, steps };
    }
    finally {
        if (!swapped) {
            await withMaintenance(conn, (sql) => dropDatabase(sql, scratch)).catch((error) => log.warn(`Could not drop the scratch database ${scratch}: ${error.message}. Drop it by hand.`));
        }
    }
}

;// CONCATENATED MODULE: ./src/actions/database-restore/postgres.ts










function readConn(ctx) {
    const url = ctx.settings["database-url"];
    if (!url) {
        throw (0,inputs/* inputError */.Xu)("database-url", "is required for provider postgres: the database to restore into (its value is a secret).", '"${{ secrets.DATABASE_URL }}" (postgresql://user:password@host:5432/shop)');
    }
    try {
        const conn = parseDatabaseUrl(url);
        // The URL is masked whole; the password alone must be too (tools and drivers may echo it).
        if (conn.password)
            ctx.tk.setSecret(conn.password);
        return conn;
    }
    catch (error) {
        throw (0,inputs/* inputError */.Xu)("database-url", `${error.message} (its value is a secret, so it is not shown)`, '"postgresql://user:password@db.example.com:5432/shop?sslmode=require"');
    }
}
function readBackup(ctx) {
    const backup = ctx.settings.backup;
    if (!backup) {
        throw (0,inputs/* inputError */.Xu)("backup", "is required for provider postgres: a dump file path or an https URL (custom format, or .sql / .sql.gz).", '"backups/shop-2025-06-10.dump"');
    }
    if (/^http:\/\//i.test(backup) && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/i.test(backup)) {
        throw (0,inputs/* inputError */.Xu)("backup", "is a plain http URL: a dump of production data travels over https only (http is accepted for localhost).", '"https://backups.example.com/shop.dump"');
    }
    return backup;
}
function describeTarget(plan) {
    const { target } = plan;
    const lines = [
        `${target.database}: ${formatBytes(target.bytes)}, ${target.tables} table${target.tables === 1 ? "" : "s"}`,
    ];
    for (const table of target.largest)
        lines.push(`${table.name}: about ${table.rows} rows`);
    if (target.connections > 0)
        lines.push(`${target.connections} open connection(s)`);
    return lines;
}
async function postgres_plan(ctx) {
    const { settings } = ctx;
    if (settings.mode === "new-service") {
        throw (0,inputs/* inputError */.Xu)("mode", "is new-service, which only provider railway has: use swap or in-place.", '"swap"');
    }
    const conn = readConn(ctx);
    const backup = readBackup(ctx);
    checkConfirm(ctx, conn.database, "database");
    const verifySql = splitStatements(settings["verify-sql"]);
    const temp = ctx.run.temp ?? (0,external_node_os_.tmpdir)();
    const safetyDir = settings["safety-backup"]
        ? (0,external_node_path_.resolve)(ctx.run.workspace, settings["safety-backup-dir"] ?? temp)
        : undefined;
    const planned = await planPostgres({
        conn,
        tools: { binDir: settings["postgres-bin-dir"] },
        log: ctx.log,
        tempDir: temp,
        signal: ctx.signal,
        safetyBackup: safetyDir !== undefined,
        fetch: { backup, cwd: ctx.run.workspace, headers: settings["backup-headers"], tempRoot: temp },
    });
    const { dump, header, target } = planned;
    const done = planned.alreadyCurrent;
    // Nothing reads the downloaded copy after a dry run or a no-op.
    if (done || settings["dry-run"])
        await discardDump(dump);
    const restoredFrom = isUrl(backup) ? shownUrl(backup) : dump.source;
    return {
        provider: "postgres",
        target: conn.database,
        restoredFrom,
        facts: [
            ["Dump", `${dump.name}, ${formatBytes(dump.bytes)}, sha256 ${dump.sha256.slice(0, 12)}…`],
            ["Format", `${header.format}${planned.entries ? ` (${planned.entries} entries)` : ""}`],
            ["Dumped by", header.dumpVersion ? `pg_dump ${header.dumpVersion.split(" ")[0]}` : "unknown"],
            ["Target server", `PostgreSQL ${target.serverVersion} at ${conn.host}:${conn.port}`],
            [
                "Mode",
                settings.mode === "swap"
                    ? "swap (restore into a scratch database, verify, rename)"
                    : "in place, one transaction",
            ],
            [
                "verify-sql",
                verifySql.length ? `${verifySql.length} quer${verifySql.length === 1 ? "y" : "ies"}` : "none",
            ],
        ],
        replaces: describeTarget(planned),
        safety: safetyDir
            ? `pg_dump -Fc of ${conn.database} into ${safetyDir}, read back before the restore`
            : undefined,
        noSafetyReason: undefined,
        alreadyCurrent: done
            ? `${conn.database} already holds ${dump.name} (sha256 ${dump.sha256.slice(0, 12)}…), restored ${target.restored?.at}: nothing to do. To restore it again on purpose, clear the marker first: COMMENT ON DATABASE "${conn.database}" IS NULL.`
            : undefined,
        detail: { conn, plan: planned, verifySql, safetyDir },
    };
}
async function postgres_apply(ctx, planned) {
    const { conn, plan: pg, verifySql, safetyDir } = planned.detail;
    const signals = [ctx.signal];
    if (ctx.settings.wait > 0)
        signals.push(AbortSignal.timeout(ctx.settings.wait));
    try {
        if (safetyDir)
            await (0,promises_.mkdir)(safetyDir, { recursive: true });
        const result = await restorePostgres({
            conn,
            tools: { binDir: ctx.settings["postgres-bin-dir"] },
            log: ctx.log,
            tempDir: ctx.run.temp ?? (0,external_node_os_.tmpdir)(),
            signal: AbortSignal.any(signals),
            dump: pg.dump,
            header: pg.header,
            entries: pg.entries,
            mode: ctx.settings.mode === "in-place" ? "in-place" : "swap",
            verifySql,
            safetyDir,
            jobs: ctx.settings["restore-jobs"] ?? 2,
        });
        const notes = result.verified.map((line) => `verify-sql: ${line}`);
        if (result.keptDatabase) {
            notes.push(`The database as it was before is kept as ${result.keptDatabase} (a second safety copy; drop it when no longer needed).`);
        }
        if (result.endedConnections > 0)
            notes.push(`${result.endedConnections} connection(s) were ended for the swap.`);
        return { status: "restored", safetyBackup: result.safetyBackup, notes, steps: result.steps };
    }
    finally {
        await discardDump(pg.dump);
    }
}
const postgresProvider = { plan: postgres_plan, apply: postgres_apply };

// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
;// CONCATENATED MODULE: ./src/platforms/railway/volume-choice.ts
/** The names this code gives its own safety backups: never picked automatically as what to restore. */
const SAFETY_PREFIX = "rollback-safety";
/** Written into the commit message: what a later run reads to know this volume already holds that backup. */
function restoreMarker(volumeInstanceId, backupId) {
    return `[database-restore volume=${volumeInstanceId} backup=${backupId}]`;
}
/** The backup the newest committed restore of this volume (by this code) brought back, if any. */
function lastRestoredBackup(patches, volumeInstanceId) {
    const pattern = /\[database-restore volume=(\S+) backup=(\S+)\]/;
    for (const patch of patches) {
        if (patch.status !== "COMMITTED")
            continue;
        const match = pattern.exec(patch.message ?? "");
        if (match?.[1] === volumeInstanceId)
            return match[2];
    }
    return undefined;
}
/** The backup cannot be chosen; `known` lists what there is, for the message. */
class BackupChoiceError extends Error {
    name = "BackupChoiceError";
    known;
    constructor(message, known) {
        super(message);
        this.known = known;
    }
}
function backupLabel(backup) {
    return `${backup.name ?? "(unnamed)"} (${backup.id}, ${backup.createdAt})`;
}
/**
 * The backup named by id or name, or else the newest taken at or before `before` (this code's own safety
 * backups excluded: restoring one undoes a restore, which needs its id). `newer` are the backups a restore
 * of it deletes (PLATFORMS.md: a restore deletes backups newer than the one restored).
 */
function pickBackup(backups, wanted) {
    const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    let chosen;
    if (wanted.backup) {
        const byId = newestFirst.find((b) => b.id === wanted.backup);
        const byName = newestFirst.filter((b) => b.name === wanted.backup);
        if (!byId && byName.length > 1) {
            throw new BackupChoiceError(`${byName.length} backups are named "${wanted.backup}": name one by its id (${byName.map((b) => b.id).join(", ")}).`, newestFirst);
        }
        chosen = byId ?? byName[0];
        if (!chosen)
            throw new BackupChoiceError(`No backup has the id or name "${wanted.backup}".`, newestFirst);
        if (wanted.before !== undefined && Date.parse(chosen.createdAt) > wanted.before) {
            throw new BackupChoiceError(`Backup ${backupLabel(chosen)} was taken after point-in-time (${new Date(wanted.before).toISOString()}): set only one of them.`, newestFirst);
        }
    }
    else {
        const before = wanted.before ?? Number.POSITIVE_INFINITY;
        chosen = newestFirst.find((b) => Date.parse(b.createdAt) <= before && !(b.name ?? "").startsWith(SAFETY_PREFIX));
        if (!chosen) {
            throw new BackupChoiceError(`No backup was taken at or before ${new Date(before).toISOString()}.`, newestFirst);
        }
    }
    const at = Date.parse(chosen.createdAt);
    return { chosen, newer: newestFirst.filter((b) => Date.parse(b.createdAt) > at) };
}
function nonEmpty(value) {
    if (value === null || value === undefined)
        return false;
    if (typeof value === "object")
        return Object.values(value).some(nonEmpty) || Array.isArray(value);
    return true;
}
/**
 * What a staged patch (an EnvironmentConfig document) holds besides this volume's swap, in words. How
 * Railway writes a volume swap into the patch is not documented: only an entry under `volumes` for this
 * volume (or the service's own `volumeMounts`) counts as the swap; anything else is someone else's
 * change, which a commit would deploy with it.
 */
function otherStagedChanges(patch, ours, serviceNames) {
    if (!patch || typeof patch !== "object")
        return [];
    const others = [];
    for (const [section, value] of Object.entries(patch)) {
        if (!nonEmpty(value))
            continue;
        const entries = value && typeof value === "object" ? Object.entries(value) : [];
        if (section === "volumes") {
            for (const [id, change] of entries)
                if (id !== ours.volumeId && nonEmpty(change))
                    others.push(`volume ${id}`);
        }
        else if (section === "services") {
            for (const [id, change] of entries) {
                const keys = Object.keys(change ?? {}).filter((k) => nonEmpty(change[k]));
                const mine = id === ours.serviceId && keys.every((k) => k === "volumeMounts");
                if (!mine && keys.length)
                    others.push(`service ${serviceNames.get(id) ?? id}: ${keys.join(", ")}`);
            }
        }
        else {
            others.push(section);
        }
    }
    return others;
}
/** Whether the patch holds this volume's swap (in either of the places `otherStagedChanges` accepts). */
function stagesSwap(patch, ours) {
    const doc = (patch ?? {});
    return nonEmpty(doc.volumes?.[ours.volumeId]) || nonEmpty(doc.services?.[ours.serviceId]?.volumeMounts);
}

;// CONCATENATED MODULE: ./src/platforms/railway/volume-operations.ts
/**
 * The GraphQL operations of a Railway volume restore, as constants so a test validates each one against
 * Railway's public schema (and the simulator's). Argument names and types follow
 * `railway-public-schema.graphql` (`Environment.volumeInstances`, `Query.volumeInstanceBackupList`,
 * `Mutation.volumeInstanceBackup*`, `Query.workflowStatus`, `Query.environmentStagedChanges`, …).
 */
/** Volume instances are read through the environment: a volume id alone reads back as "Not Authorized". */
const ENVIRONMENT_VOLUMES_QUERY = `query EnvironmentVolumes($id: String!, $projectId: String) {
  environment(id: $id, projectId: $projectId) {
    volumeInstances {
      edges {
        node {
          id
          volumeId
          serviceId
          mountPath
          currentSizeMB
          state
        }
      }
    }
  }
}`;
const VOLUME_BACKUPS_QUERY = `query VolumeBackups($volumeInstanceId: String!) {
  volumeInstanceBackupList(volumeInstanceId: $volumeInstanceId) {
    id
    name
    createdAt
    expiresAt
    usedMB
    referencedMB
  }
}`;
const BACKUP_CREATE_MUTATION = `mutation VolumeBackupCreate($volumeInstanceId: String!, $name: String) {
  volumeInstanceBackupCreate(volumeInstanceId: $volumeInstanceId, name: $name) {
    workflowId
  }
}`;
/** Removes the backup's expiry date, so retention never deletes the safety backup. */
const BACKUP_LOCK_MUTATION = `mutation VolumeBackupLock($volumeInstanceBackupId: String!, $volumeInstanceId: String!) {
  volumeInstanceBackupLock(volumeInstanceBackupId: $volumeInstanceBackupId, volumeInstanceId: $volumeInstanceId)
}`;
/** Stages the volume swap only: nothing changes for the service until the staged patch is committed. */
const BACKUP_RESTORE_MUTATION = `mutation VolumeBackupRestore($volumeInstanceBackupId: String!, $volumeInstanceId: String!) {
  volumeInstanceBackupRestore(volumeInstanceBackupId: $volumeInstanceBackupId, volumeInstanceId: $volumeInstanceId) {
    workflowId
  }
}`;
/** A new Postgres service restored to the timestamp; the source stays online and untouched. */
const PITR_RESTORE_MUTATION = `mutation VolumePITRRestore($volumeInstanceId: String!, $targetTimestamp: DateTime!, $newServiceName: String) {
  volumeInstancePITRRestore(volumeInstanceId: $volumeInstanceId, targetTimestamp: $targetTimestamp, newServiceName: $newServiceName) {
    workflowId
  }
}`;
const WORKFLOW_STATUS_QUERY = `query WorkflowStatus($workflowId: String!) {
  workflowStatus(workflowId: $workflowId) {
    status
    error
  }
}`;
const STAGED_CHANGES_QUERY = `query EnvironmentStagedChanges($environmentId: String!) {
  environmentStagedChanges(environmentId: $environmentId) {
    id
    status
    patch
  }
}`;
/** Committed patches, newest first: the commit message of a finished restore says which backup it was. */
const ENVIRONMENT_PATCHES_QUERY = `query EnvironmentPatches($environmentId: String!, $first: Int) {
  environmentPatches(environmentId: $environmentId, first: $first) {
    edges {
      node {
        id
        status
        message
        createdAt
      }
    }
  }
}`;
const COMMIT_STAGED_MUTATION = `mutation EnvironmentPatchCommitStaged($environmentId: String!, $commitMessage: String) {
  environmentPatchCommitStaged(environmentId: $environmentId, commitMessage: $commitMessage)
}`;
const VOLUME_OPERATIONS = {
    EnvironmentVolumes: ENVIRONMENT_VOLUMES_QUERY,
    VolumeBackups: VOLUME_BACKUPS_QUERY,
    VolumeBackupCreate: BACKUP_CREATE_MUTATION,
    VolumeBackupLock: BACKUP_LOCK_MUTATION,
    VolumeBackupRestore: BACKUP_RESTORE_MUTATION,
    VolumePITRRestore: PITR_RESTORE_MUTATION,
    WorkflowStatus: WORKFLOW_STATUS_QUERY,
    EnvironmentStagedChanges: STAGED_CHANGES_QUERY,
    EnvironmentPatches: ENVIRONMENT_PATCHES_QUERY,
    EnvironmentPatchCommitStaged: COMMIT_STAGED_MUTATION,
};

;// CONCATENATED MODULE: ./src/platforms/railway/volumes.ts



const volumeInstance = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    volumeId: schemas/* string */.YjP(),
    serviceId: schemas/* string */.YjP().nullable(),
    mountPath: schemas/* string */.YjP(),
    currentSizeMB: schemas/* number */.aig(),
    state: schemas/* string */.YjP().nullable().optional(),
});
const backup = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().nullable(),
    createdAt: schemas/* string */.YjP(),
    expiresAt: schemas/* string */.YjP().nullable(),
    usedMB: schemas/* number */.aig().nullable(),
    referencedMB: schemas/* number */.aig().nullable(),
});
const workflowId = schemas/* object */.Ikc({ workflowId: schemas/* string */.YjP().nullable() });
// Railway's WorkflowStatus enum (Running, Complete, Error, NotFound) read as text: new values must not break.
const workflowResult = schemas/* object */.Ikc({ status: schemas/* string */.YjP(), error: schemas/* string */.YjP().nullable() });
const stagedPatch = schemas/* object */.Ikc({ id: schemas/* string */.YjP(), status: schemas/* string */.YjP(), patch: schemas/* unknown */.L5J() });
const patchNode = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    message: schemas/* string */.YjP().nullable(),
    createdAt: schemas/* string */.YjP(),
});
const volumesData = schemas/* object */.Ikc({
    environment: schemas/* object */.Ikc({
        volumeInstances: schemas/* object */.Ikc({ edges: schemas/* array */.YOg(schemas/* object */.Ikc({ node: volumeInstance })) }),
    }),
});
/** The volume instances of one environment (each belongs to one service). */
async function environmentVolumes(client, projectId, environmentId) {
    const data = await client.query("EnvironmentVolumes", ENVIRONMENT_VOLUMES_QUERY, { id: environmentId, projectId }, volumesData);
    return data.environment.volumeInstances.edges.map((e) => e.node);
}
/** Backups of a volume instance, newest first. */
async function listBackups(client, volumeInstanceId) {
    const data = await client.query("VolumeBackups", VOLUME_BACKUPS_QUERY, { volumeInstanceId }, schemas/* object */.Ikc({ volumeInstanceBackupList: schemas/* array */.YOg(backup) }));
    return [...data.volumeInstanceBackupList].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
function requireWorkflow(operation, id) {
    if (!id)
        throw new railway_client/* RefusedError */.fk(operation);
    return id;
}
async function createBackup(client, volumeInstanceId, name) {
    const data = await client.mutate("VolumeBackupCreate", BACKUP_CREATE_MUTATION, { volumeInstanceId, name }, schemas/* object */.Ikc({ volumeInstanceBackupCreate: workflowId }));
    return requireWorkflow("VolumeBackupCreate", data.volumeInstanceBackupCreate.workflowId);
}
async function lockBackup(client, volumeInstanceId, volumeInstanceBackupId) {
    const data = await client.mutate("VolumeBackupLock", BACKUP_LOCK_MUTATION, { volumeInstanceId, volumeInstanceBackupId }, schemas/* object */.Ikc({ volumeInstanceBackupLock: schemas/* boolean */.zMY() }));
    if (!data.volumeInstanceBackupLock)
        throw new railway_client/* RefusedError */.fk("VolumeBackupLock");
}
async function restoreBackup(client, volumeInstanceId, volumeInstanceBackupId) {
    const data = await client.mutate("VolumeBackupRestore", BACKUP_RESTORE_MUTATION, { volumeInstanceId, volumeInstanceBackupId }, schemas/* object */.Ikc({ volumeInstanceBackupRestore: workflowId }));
    return requireWorkflow("VolumeBackupRestore", data.volumeInstanceBackupRestore.workflowId);
}
async function restoreToPointInTime(client, options) {
    const data = await client.mutate("VolumePITRRestore", PITR_RESTORE_MUTATION, options, schemas/* object */.Ikc({ volumeInstancePITRRestore: workflowId }));
    return requireWorkflow("VolumePITRRestore", data.volumeInstancePITRRestore.workflowId);
}
async function workflowStatus(client, id) {
    const data = await client.query("WorkflowStatus", WORKFLOW_STATUS_QUERY, { workflowId: id }, schemas/* object */.Ikc({ workflowStatus: workflowResult }));
    return data.workflowStatus;
}
/** The environment's staged patch (an EnvironmentConfig JSON document); `{}` or null when nothing is staged. */
async function stagedChanges(client, environmentId) {
    const data = await client.query("EnvironmentStagedChanges", STAGED_CHANGES_QUERY, { environmentId }, schemas/* object */.Ikc({ environmentStagedChanges: stagedPatch.nullable() }));
    const staged = data.environmentStagedChanges;
    return staged && staged.status === "STAGED" ? staged.patch : undefined;
}
async function committedPatches(client, environmentId, first = 10) {
    const data = await client.query("EnvironmentPatches", ENVIRONMENT_PATCHES_QUERY, { environmentId, first }, schemas/* object */.Ikc({ environmentPatches: schemas/* object */.Ikc({ edges: schemas/* array */.YOg(schemas/* object */.Ikc({ node: patchNode })) }) }));
    return data.environmentPatches.edges.map((e) => e.node);
}
async function commitStaged(client, environmentId, commitMessage) {
    const data = await client.mutate("EnvironmentPatchCommitStaged", COMMIT_STAGED_MUTATION, { environmentId, commitMessage }, schemas/* object */.Ikc({ environmentPatchCommitStaged: schemas/* string */.YjP() }));
    return data.environmentPatchCommitStaged;
}

// EXTERNAL MODULE: ./src/platforms/railway/watch.ts
var watch = __webpack_require__(3263);
;// CONCATENATED MODULE: ./src/platforms/railway/volume-restore.ts





/** A step of the restore did not end well; `committed` says whether the swap reached the service. */
class VolumeRestoreError extends Error {
    name = "VolumeRestoreError";
    kind;
    committed;
    workflowError;
    others;
    constructor(kind, message, extra = {}) {
        super(message);
        this.kind = kind;
        this.committed = extra.committed ?? false;
        this.workflowError = extra.workflowError ?? undefined;
        this.others = extra.others ?? [];
    }
}
/** Frugal polling (Free plans allow 100 requests an hour): a workflow is not visible at once, then backs off. */
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 20_000;
const WORKFLOW_DEFAULT_MS = 30 * 60_000;
async function waitForWorkflow(client, id, what, context) {
    const timeoutMs = context.waitMs || WORKFLOW_DEFAULT_MS;
    await (0,http/* sleep */.yy)(FIRST_POLL_MS);
    const result = await (0,wait/* waitFor */.f)({
        what,
        timeoutMs,
        initialDelayMs: FIRST_POLL_MS,
        maxDelayMs: MAX_POLL_MS,
        factor: 1.6,
        progressEveryMs: 30_000,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const status = await workflowStatus(client, id);
            if (status.status === "Complete")
                return { done: true, value: "Complete" };
            if (status.status === "Error") {
                throw new VolumeRestoreError("workflow-error", `Railway's ${what} ended in Error: ${status.error ?? "no reason given"}.`, {
                    workflowError: status.error ?? undefined,
                });
            }
            // NotFound right after creation means "not visible yet"; any other value is awaited to the deadline.
            return { done: false, state: status.status === "NotFound" ? "not visible yet" : status.status };
        },
    });
    if (result.outcome === "timeout") {
        throw new VolumeRestoreError("workflow-timeout", `Railway's ${what} was still ${result.lastState ?? "running"} after ${(0,wait/* formatMs */._)(result.elapsedMs)}.`);
    }
    context.log.info(`Railway's ${what} completed in ${(0,wait/* formatMs */._)(result.elapsedMs)}.`);
    return result.elapsedMs;
}
/** A new backup of the volume as it is now, named after what is about to be restored, then locked. */
async function takeSafetyBackup(client, target, restoring, context) {
    const name = `${SAFETY_PREFIX} before restoring ${restoring} ${new Date().toISOString()}`;
    context.signal.throwIfAborted();
    context.log.info(`Creating safety backup "${name}" of ${target.service.name}'s volume (${target.instance.currentSizeMB} MB)…`);
    const started = Date.now();
    const workflow = await createBackup(client, target.instance.id, name);
    await waitForWorkflow(client, workflow, "safety backup", context);
    const backup = (await listBackups(client, target.instance.id)).find((b) => b.name === name);
    if (!backup) {
        throw new VolumeRestoreError("safety-lost", `The safety backup "${name}" completed but is not in the volume's backup list.`);
    }
    await lockBackup(client, target.instance.id, backup.id);
    context.log.info(`Safety backup ${backup.id} taken and locked (no expiry).`);
    return { backup, ms: Date.now() - started };
}
/**
 * Restores the volume from `backup`: the restore workflow stages the swap; the staged patch is committed
 * only when it holds nothing else and the safety backup survived; then the service's new deployment is
 * awaited (unless waitMs is 0).
 */
async function restoreFromBackup(client, target, options, context) {
    const steps = [];
    const ours = { volumeId: target.instance.volumeId, serviceId: target.service.id };
    context.signal.throwIfAborted();
    let started = Date.now();
    const workflow = await restoreBackup(client, target.instance.id, options.backup.id);
    await waitForWorkflow(client, workflow, "volume restore", context);
    steps.push({ name: "restore (staged)", ms: Date.now() - started });
    if (options.safety) {
        const safetyId = options.safety.id;
        const kept = (await listBackups(client, target.instance.id)).find((b) => b.id === safetyId);
        if (!kept) {
            throw new VolumeRestoreError("safety-lost", `Railway deleted the safety backup ${safetyId} while restoring (backups newer than the one restored go, and the lock did not keep it). The swap is staged but NOT committed: the live volume still holds the data from before.`);
        }
    }
    const patch = await stagedChanges(client, target.environment.id);
    const others = otherStagedChanges(patch, ours, context.serviceNames);
    if (others.length) {
        throw new VolumeRestoreError("other-staged", `Besides this volume swap, environment ${target.environment.name} has other staged changes: ${others.join("; ")}. Nothing was committed.`, { others });
    }
    if (!stagesSwap(patch, ours)) {
        throw new VolumeRestoreError("nothing-staged", `The restore workflow completed, but environment ${target.environment.name} has no staged volume swap for ${target.service.name}. Nothing was committed.`);
    }
    const before = await client.serviceDeployments(target.projectId, target.environment.id, target.service.id, 5);
    const known = new Set(before.deployments.map((d) => d.id));
    context.signal.throwIfAborted();
    started = Date.now();
    await commit(client, target, options.commitMessage);
    context.log.info(`Committed the staged volume swap in ${target.environment.name}; ${target.service.name} redeploys.`);
    if (context.waitMs === 0)
        return { deployment: undefined, steps };
    const deployment = await awaitNewDeployment(client, target, known, context);
    steps.push({ name: "commit → deployment SUCCESS", ms: Date.now() - started });
    return { deployment, steps };
}
/** A commit is never re-sent: on an ambiguous failure, the staged patch tells whether it landed. */
async function commit(client, target, message) {
    try {
        await commitStaged(client, target.environment.id, message);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$ && error.ambiguous))
            throw error;
        const still = await stagedChanges(client, target.environment.id);
        if (stagesSwap(still, { volumeId: target.instance.volumeId, serviceId: target.service.id })) {
            throw new VolumeRestoreError("commit-unknown", `The commit got no answer (${error.message}) and the swap is still staged: it was not committed.`);
        }
        client.logger.info("The commit got no answer, but nothing is staged any more: it landed.");
    }
}
/** Waits for a deployment of the service that was not there before, then for its outcome. */
async function awaitNewDeployment(client, target, known, context) {
    const what = `${target.service.name}'s new deployment`;
    const appeared = await (0,wait/* waitFor */.f)({
        what,
        timeoutMs: context.waitMs,
        initialDelayMs: 2000,
        maxDelayMs: 10_000,
        poll: async () => {
            context.signal.throwIfAborted();
            const state = await client.serviceDeployments(target.projectId, target.environment.id, target.service.id, 5);
            const fresh = state.deployments.filter((d) => !known.has(d.id)).at(-1);
            return fresh ? { done: true, value: fresh } : { done: false, state: "not started yet" };
        },
    });
    if (appeared.outcome === "timeout") {
        throw new VolumeRestoreError("deploy-timeout", `No new deployment of ${target.service.name} appeared within ${(0,wait/* formatMs */._)(context.waitMs)}.`, {
            committed: true,
        });
    }
    const outcome = await (0,watch/* waitForDeployment */.Kw)(client, appeared.value.id, {
        timeoutMs: Math.max(1000, context.waitMs - appeared.elapsedMs),
        log: context.log,
        what: `${target.service.name} deployment ${appeared.value.id}`,
    });
    if (outcome.outcome === "success")
        return { ...appeared.value, status: outcome.status };
    throw new VolumeRestoreError(outcome.outcome === "failed" ? "deploy-failed" : "deploy-timeout", outcome.outcome === "failed"
        ? `${target.service.name}'s deployment ${appeared.value.id} ended ${outcome.status} after the volume swap.`
        : `${target.service.name}'s deployment ${appeared.value.id} was still ${outcome.status ?? "starting"} after ${(0,wait/* formatMs */._)(outcome.elapsedMs)}.`, { committed: true });
}
/** A new service restored to the timestamp (the source stays online); returns it once its deployment serves. */
async function restoreToNewService(client, target, options, context) {
    context.signal.throwIfAborted();
    const started = Date.now();
    const workflow = await restoreToPointInTime(client, {
        volumeInstanceId: target.instance.id,
        targetTimestamp: options.at.toISOString(),
        newServiceName: options.newServiceName,
    });
    await waitForWorkflow(client, workflow, "point-in-time restore", context);
    const project = await client.project(target.projectId);
    const service = project.services.find((s) => s.name === options.newServiceName);
    if (!service) {
        throw new VolumeRestoreError("service-missing", `The point-in-time restore completed, but project ${project.name} has no service "${options.newServiceName}".`);
    }
    context.log.info(`New service ${service.name} (${service.id}) restored to ${options.at.toISOString()}.`);
    if (context.waitMs === 0)
        return { service, deployment: undefined, steps: [] };
    const deployment = await awaitNewDeployment(client, { ...target, service }, new Set(), context);
    return {
        service,
        deployment,
        steps: [{ name: "point-in-time restore → SUCCESS", ms: Date.now() - started }],
    };
}

;// CONCATENATED MODULE: ./src/actions/database-restore/railway.ts








function required(ctx, name, example) {
    const value = ctx.settings[name];
    if (!value)
        throw (0,inputs/* inputError */.Xu)(name, "is required for provider railway.", example);
    return value;
}
/** `<service>-restored-YYYYMMDD-HHMM` of the target time (Railway's own default pattern), so a rerun finds it. */
function newServiceName(service, at) {
    const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
    return `${service}-restored-${stamp}`;
}
async function locate(ctx) {
    const { settings } = ctx;
    const token = await (0,railway_client/* connect */.Ng)({
        token: required(ctx, "railway-token", "${{ secrets.RAILWAY_TOKEN }}"),
        tokenType: settings["railway-token-type"],
        apiUrl: settings["railway-api-url"],
        logger: ctx.log,
    });
    const wanted = required(ctx, "railway-service", '"postgres"');
    const project = await (0,resolve/* resolveProject */.KI)(token, settings["railway-project"]);
    const environment = (0,resolve/* resolveEnvironment */.g9)(project, token, settings["railway-environment"]);
    const [service] = (0,resolve/* resolveServices */.bs)(project, [wanted]);
    if (!service)
        throw (0,inputs/* inputError */.Xu)("railway-service", `names no service of project ${project.name}.`, '"postgres"');
    const volumes = await environmentVolumes(token.client, project.id, environment.id);
    const instance = volumes.find((v) => v.serviceId === service.id);
    if (!instance) {
        throw (0,inputs/* inputError */.Xu)("railway-service", `is "${service.name}", which has no volume in ${environment.name} (services with volumes: ${volumes
            .map((v) => project.services.find((s) => s.id === v.serviceId)?.name ?? v.serviceId)
            .join(", ") || "none"}).`, '"postgres"');
    }
    return {
        token,
        target: { projectId: project.id, environment, service, instance },
        serviceNames: new Map(project.services.map((s) => [s.id, s.name])),
    };
}
async function railway_plan(ctx) {
    const { settings } = ctx;
    if (settings.mode === "in-place") {
        throw (0,inputs/* inputError */.Xu)("mode", "is in-place, which provider railway does not have: swap restores a backup onto the volume, new-service restores a point in time into a new service.", '"swap"');
    }
    const at = settings["point-in-time"] ? (0,storage_restore_inputs/* parsePointInTime */.kF)(settings["point-in-time"]) : undefined;
    if (settings.mode === "new-service" && (at === undefined || settings.backup)) {
        throw (0,inputs/* inputError */.Xu)("point-in-time", "is required with mode: new-service (and backup must be empty): the time to restore the new service to.", '"2h" or "2026-03-01T12:00:00Z"');
    }
    if (settings.mode === "swap" && at === undefined && !settings.backup) {
        throw (0,inputs/* inputError */.Xu)("backup", "or point-in-time is required for provider railway: the backup id or name, or the time to restore to (the newest backup before it).", '"2h"');
    }
    const located = await locate(ctx);
    const { target } = located;
    const { service, instance, environment } = target;
    checkConfirm(ctx, service.name, "service");
    const common = [
        ["Service", `${service.name} in ${environment.name}`],
        ["Volume", `${instance.mountPath}, ${instance.currentSizeMB} MB used`],
    ];
    if (settings.mode === "new-service") {
        const when = new Date(at);
        const name = newServiceName(service.name, when);
        const exists = [...located.serviceNames.values()].includes(name);
        return {
            provider: "railway",
            target: service.name,
            restoredFrom: `point in time ${when.toISOString()}`,
            facts: [...common, ["New service", name], ["Mode", "new-service (volumeInstancePITRRestore)"]],
            replaces: [
                `nothing: a new service ${name} is created from ${service.name}'s archive; ${service.name} stays online and untouched`,
            ],
            safety: undefined,
            noSafetyReason: "not needed: nothing is overwritten, the source service stays online.",
            alreadyCurrent: exists
                ? `Service ${name} already exists: a restore of ${service.name} to ${when.toISOString()} was made before. Nothing to do; delete that service to make it again.`
                : undefined,
            detail: { ...located, kind: "pitr", at: when, newServiceName: name },
        };
    }
    const [backups, patches, staged] = await Promise.all([
        listBackups(located.token.client, instance.id),
        committedPatches(located.token.client, environment.id),
        stagedChanges(located.token.client, environment.id),
    ]);
    const { chosen, newer } = pickBackup(backups, { backup: settings.backup, before: at });
    const others = otherStagedChanges(staged, { volumeId: instance.volumeId, serviceId: service.id }, located.serviceNames);
    if (others.length) {
        throw new VolumeRestoreError("other-staged", `Environment ${environment.name} already has staged changes: ${others.join("; ")}. Nothing was changed.`, { others });
    }
    const done = lastRestoredBackup(patches, instance.id) === chosen.id;
    return {
        provider: "railway",
        target: service.name,
        restoredFrom: `backup ${backupLabel(chosen)}`,
        facts: [
            ...common,
            ["Backup", `${backupLabel(chosen)}, ${chosen.usedMB ?? "?"} MB`],
            ["Mode", "swap (volume restore staged, committed only if nothing else is staged)"],
        ],
        replaces: [
            `${service.name}'s volume ${instance.mountPath} (${instance.currentSizeMB} MB now)`,
            newer.length
                ? `Railway deletes the ${newer.length} backup(s) newer than the one restored: ${newer.map(backupLabel).join("; ")}`
                : "no backup is newer than the one restored, so none is deleted",
        ],
        safety: settings["safety-backup"]
            ? "a new Railway backup of the volume, locked (no expiry), checked to survive the restore before the swap is committed"
            : undefined,
        noSafetyReason: undefined,
        alreadyCurrent: done
            ? `${service.name}'s volume was already restored from ${backupLabel(chosen)} (the last committed restore says so). Nothing to do.`
            : undefined,
        detail: { ...located, kind: "backup", backup: chosen, newer },
    };
}
async function railway_apply(ctx, planned) {
    const detail = planned.detail;
    const { client } = detail.token;
    const context = {
        log: ctx.log,
        signal: ctx.signal,
        waitMs: ctx.settings.wait,
        serviceNames: detail.serviceNames,
    };
    const requests = () => `${client.requestCount} Railway API requests in all.`;
    if (detail.kind === "pitr") {
        const made = await restoreToNewService(client, detail.target, { at: detail.at, newServiceName: detail.newServiceName }, context);
        return {
            status: made.deployment ? "restored" : "requested",
            safetyBackup: undefined,
            notes: [
                `New service ${made.service?.name} (${made.service?.id})${made.deployment ? ` serves: deployment ${made.deployment.id} SUCCESS` : " is starting"}; ${detail.target.service.name} stayed online.`,
                requests(),
            ],
            steps: made.steps,
        };
    }
    const steps = [];
    const safety = ctx.settings["safety-backup"]
        ? await takeSafetyBackup(client, detail.target, detail.backup.id, context)
        : undefined;
    if (safety)
        steps.push({ name: "safety backup", ms: safety.ms });
    const commitMessage = `Restore ${detail.target.service.name}'s volume from backup ${detail.backup.name ?? detail.backup.id} (database-restore${ctx.run.runUrl ? `, ${ctx.run.runUrl}` : ""}) ${restoreMarker(detail.target.instance.id, detail.backup.id)}`;
    const result = await restoreFromBackup(client, detail.target, { backup: detail.backup, safety: safety?.backup, commitMessage }, context);
    steps.push(...result.steps);
    const notes = [
        result.deployment
            ? `${detail.target.service.name} deployment ${result.deployment.id} reached SUCCESS on the restored volume.`
            : `The swap is committed; ${detail.target.service.name}'s deployment was not awaited (wait: 0).`,
    ];
    if (safety)
        notes.push(`Safety backup: ${safety.backup.name} (${safety.backup.id}), locked.`);
    if (detail.newer.length)
        notes.push(`Railway deleted ${detail.newer.length} backup(s) newer than the one restored.`);
    notes.push(requests());
    return {
        status: result.deployment ? "restored" : "requested",
        safetyBackup: safety?.backup.id,
        notes,
        steps,
    };
}
const railwayProvider = { plan: railway_plan, apply: railway_apply };

;// CONCATENATED MODULE: ./src/actions/database-restore/plan.ts



const providers = {
    postgres: postgresProvider,
    railway: railwayProvider,
    atlas: atlasProvider,
};
function providerOf(plan) {
    return providers[plan.provider];
}
async function planRestore(ctx) {
    const provider = providers[ctx.settings.provider];
    const plan = await provider.plan(ctx);
    ctx.log.info(`Restore ${plan.target} from ${plan.restoredFrom}.`);
    for (const [label, value] of plan.facts)
        ctx.log.info(`  ${label}: ${value}`);
    for (const line of plan.replaces)
        ctx.log.info(`  replaces ${line}`);
    return plan;
}
function describeRestore(plan, summary) {
    summary.text(`Restore **${plan.target}** (${plan.provider}) from \`${plan.restoredFrom}\`.`);
    summary.table(["", ""], [...plan.facts]);
    summary.heading("Would be replaced").list([...plan.replaces]);
    summary.text(plan.safety
        ? `Safety backup first: ${plan.safety}.`
        : plan.noSafetyReason
            ? `Safety backup: ${plan.noSafetyReason}`
            : "⚠️ **No safety backup** (`safety-backup: false`): the data being replaced is not kept.");
}

;// CONCATENATED MODULE: ./src/actions/database-restore/apply.ts

async function applyRestore(ctx, plan) {
    return providerOf(plan).apply(ctx, plan);
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/actions/database-restore/explain-atlas.ts



const ADVICE = {
    "snapshot-failed": "The cluster was not touched. Look at the cluster's Backup tab in Atlas, then run again.",
    "snapshot-timeout": "The cluster was not touched. The snapshot may still complete: run again later (or raise wait).",
    "job-failed": "Look at the restore job in the cluster's Backup tab (Restores) in Atlas before running again.",
    "job-timeout": "The job may still finish: follow it in the cluster's Backup tab; a rerun with the same inputs follows it too.",
    "job-unknown": "Check the cluster's Backup tab (Restores) in Atlas before running again.",
};
/** Atlas codes a person can act on. */
const CODES = {
    CLUSTER_PIT_NOT_ENABLED: "turn on Continuous Cloud Backup in the cluster's Backup settings (M10+).",
    CLUSTER_NOT_FOUND: "check atlas-cluster and atlas-group-id.",
    RESOURCE_NOT_FOUND: "check atlas-cluster and atlas-group-id.",
    USER_UNAUTHORIZED: "the service account lacks the Project Backup Manager (or Project Owner) role on this project.",
    INVALID_CLIENT: "the service account's client id or secret was refused: check atlas-client-id and atlas-client-secret.",
};
/** One message for an Atlas failure (undefined for errors of other providers). */
function atlasAdvice(error, plan) {
    if (error instanceof AtlasRestoreError) {
        const kept = error.snapshotId
            ? ` The safety snapshot ${error.snapshotId} holds the data from before the restore.`
            : "";
        return `${(0,secrets/* errorMessage */.gJ)(error)}${kept} ${ADVICE[error.kind]}`;
    }
    if (error instanceof http/* HttpError */.j$ && /^Atlas /.test(error.message)) {
        const code = error.code ?? (error.status === 401 ? "INVALID_CLIENT" : undefined);
        const advice = code ? CODES[code] : undefined;
        const wait = error.details.retryAfterMs
            ? ` Atlas asks to wait ${Math.ceil(error.details.retryAfterMs / 1000)}s.`
            : "";
        const where = plan ? ` Nothing was restored on ${plan.target} by this request.` : "";
        return `${(0,secrets/* errorMessage */.gJ)(error)}.${wait}${advice ? ` What to do: ${advice}` : where}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/actions/database-restore/explain-railway.ts






const NOT_COMMITTED = "The live volume was not changed.";
const explain_railway_ADVICE = {
    "other-staged": `${NOT_COMMITTED} This action never commits other people's changes: deploy or discard them in the Railway dashboard (the environment's staged changes), then run again.`,
    "nothing-staged": `${NOT_COMMITTED} Look at the service's Backups tab and the environment's staged changes in the dashboard before running again.`,
    "safety-lost": `${NOT_COMMITTED} Discard the staged swap in the dashboard, keep a copy of the data elsewhere (pg_dump, say), then run again with safety-backup: false if you accept restoring without a Railway safety backup.`,
    "workflow-error": `${NOT_COMMITTED} Check the service's Backups tab in the Railway dashboard; run again when the volume is healthy.`,
    "workflow-timeout": `${NOT_COMMITTED} The workflow may still finish: look at the Backups tab and the staged changes before running again (or raise wait).`,
    "commit-unknown": "Look at the environment's staged changes in the dashboard: commit or discard the swap there.",
    "deploy-failed": "The restored volume is committed: read the deployment's logs in the dashboard. The safety backup holds the data from before, if you need to go back.",
    "deploy-timeout": "The restored volume is committed: the deployment may still finish; watch it in the dashboard.",
    "service-missing": "Look for the new service in the project in the dashboard before running again.",
};
/** One message for a Railway failure (undefined for errors of other providers). */
function railwayAdvice(error, plan) {
    if (error instanceof VolumeRestoreError)
        return `${(0,secrets/* errorMessage */.gJ)(error)} ${explain_railway_ADVICE[error.kind]}`;
    if (error instanceof BackupChoiceError) {
        const known = error.known.slice(0, 5).map(backupLabel);
        return `${error.message} Backups of the volume, newest first: ${known.join("; ") || "none"}.`;
    }
    if (error instanceof railway_client/* TokenRejectedError */.WR) {
        return `${error.message} Check the railway-token secret: a project token of this environment, or an account/workspace token.`;
    }
    if (error instanceof resolve/* NotFoundError */.m_ || error instanceof resolve/* ScopeError */.He)
        return (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof railway_client/* RailwayError */.m9 || error instanceof railway_client/* RefusedError */.fk) {
        const where = plan ? ` Restoring ${plan.target}:` : "";
        return `${where} ${(0,secrets/* errorMessage */.gJ)(error)}. If Railway says Not Authorized, the token may not act on this volume.`.trim();
    }
    if (error instanceof http/* HttpError */.j$ && /Railway/.test(error.message)) {
        const wait = error.details.retryAfterMs
            ? ` Railway asks to wait ${Math.ceil(error.details.retryAfterMs / 1000)}s (rate limit).`
            : "";
        return `${(0,secrets/* errorMessage */.gJ)(error)}.${wait}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/actions/database-restore/explain.ts






/** SQLSTATE classes a person can act on. */
const SQLSTATE_ADVICE = {
    "28P01": "the password in database-url was refused: check the secret.",
    "28000": "the server refused this role or host (pg_hba.conf): check the user in database-url.",
    "3D000": "the database named in database-url does not exist on that server.",
    "42501": "the role lacks a privilege: it must own the database and have CREATEDB (swap mode renames databases).",
    "55006": "another session holds the database: retry when it has disconnected.",
};
function postgresAdvice(error, plan) {
    const database = plan?.target ?? "the database";
    if (error instanceof DumpRefused)
        return (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof VerifyError) {
        return `${(0,secrets/* errorMessage */.gJ)(error)}. ${database} was not changed: the restored copy was dropped. Check the query and the dump, then run again.`;
    }
    if (error instanceof ToolError) {
        const hint = /role .* does not exist/.test(error.stderr)
            ? " The dump grants to a role this server lacks: create it first (CREATE ROLE …), then run again."
            : /unsupported version/.test(error.stderr)
                ? " The dump is newer than the local tools: set postgres-bin-dir to a newer PostgreSQL client."
                : "";
        return `${(0,secrets/* errorMessage */.gJ)(error)}\n${database} was not changed (the restore ran in a scratch database or in one transaction that was rolled back).${hint}`;
    }
    const code = error.code;
    if (error instanceof Error && error.name === "AbortError") {
        return `The restore was stopped (cancelled, or the wait limit was reached) before it finished. ${database} was not changed.`;
    }
    const advice = code ? SQLSTATE_ADVICE[code] : undefined;
    const message = (0,secrets/* errorMessage */.gJ)(error);
    if (advice)
        return `PostgreSQL error ${code}: ${message}. What to do: ${advice}`;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT") {
        return `Could not reach the PostgreSQL server (${code}): check the host and port in database-url and that the runner can reach it.`;
    }
    return message;
}
function explainRestore(error, _phase, plan) {
    return railwayAdvice(error, plan) ?? atlasAdvice(error, plan) ?? postgresAdvice(error, plan);
}

;// CONCATENATED MODULE: ./src/actions/database-restore/inputs.ts


const PROVIDERS = ["postgres", "railway", "atlas"];
const databaseRestoreInputs = {
    provider: inputs/* input */.hF.text({ required: true, example: '"postgres"' }).superRefine((value, ctx) => {
        if (!PROVIDERS.includes(value)) {
            ctx.addIssue({
                code: "custom",
                message: `is ${JSON.stringify(value)}; it must be one of: ${PROVIDERS.join(", ")}.`,
                params: { example: '"postgres"' },
            });
        }
    }),
    confirm: inputs/* input */.hF.optional(),
    backup: inputs/* input */.hF.optional(),
    "backup-headers": inputs/* input */.hF.headers(),
    "point-in-time": inputs/* input */.hF.optional(),
    "database-url": inputs/* input */.hF.secret(),
    mode: inputs/* input */.hF.choice(["swap", "in-place", "new-service"], "swap"),
    "verify-sql": inputs/* input */.hF.text(),
    "safety-backup": inputs/* input */.hF.boolean(true),
    "safety-backup-dir": inputs/* input */.hF.optional(),
    "postgres-bin-dir": inputs/* input */.hF.optional(),
    "restore-jobs": inputs/* input */.hF.number({ default: "2", min: 1, max: 64, integer: true, example: "2" }),
    "railway-token": inputs/* input */.hF.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "railway-token-type": inputs/* input */.hF.choice(["auto", "project", "account"], "auto"),
    "railway-project": inputs/* input */.hF.optional(),
    "railway-environment": inputs/* input */.hF.text({ default: "production", example: '"production"' }),
    "railway-service": inputs/* input */.hF.optional(),
    "railway-api-url": inputs/* input */.hF.url({ default: railway_client/* DEFAULT_API_URL */.rK, example: `"${railway_client/* DEFAULT_API_URL */.rK}"` }),
    "atlas-client-id": inputs/* input */.hF.secret({ example: "${{ secrets.ATLAS_CLIENT_ID }}" }),
    "atlas-client-secret": inputs/* input */.hF.secret({ example: "${{ secrets.ATLAS_CLIENT_SECRET }}" }),
    "atlas-group-id": inputs/* input */.hF.optional(),
    "atlas-cluster": inputs/* input */.hF.optional(),
    "atlas-api-url": inputs/* input */.hF.url({
        default: "https://cloud.mongodb.com",
        example: '"https://cloud.mongodb.com"',
    }),
    wait: inputs/* input */.hF.duration("30m"),
};

;// CONCATENATED MODULE: ./src/actions/database-restore/report.ts

function planOutputs(plan) {
    return { "restored-from": plan.restoredFrom };
}
function reportRestore(ctx, plan, run) {
    const headline = run.status === "restored" ? "✅ restored" : "⏳ requested";
    ctx.log.info(`${plan.target} ${run.status} from ${plan.restoredFrom}.`);
    if (run.safetyBackup)
        ctx.log.info(`Safety backup: ${run.safetyBackup}`);
    return {
        status: run.status,
        headline,
        outputs: { "restored-from": plan.restoredFrom, "safety-backup": run.safetyBackup },
        summary: (summary) => {
            summary.text(`**${plan.target}** (${plan.provider}) ${run.status} from \`${plan.restoredFrom}\`.`);
            summary.table(["", ""], [...plan.facts]);
            summary.text(run.safetyBackup
                ? `Safety backup of the data from before: \`${run.safetyBackup}\`.`
                : plan.noSafetyReason
                    ? `Safety backup: ${plan.noSafetyReason}`
                    : "⚠️ **No safety backup** was taken (`safety-backup: false`).");
            summary.heading("Replaced").list([...plan.replaces]);
            summary.list(run.notes);
            if (run.steps.length)
                summary.table(["Step", "Time"], run.steps.map((step) => [step.name, (0,wait/* formatMs */._)(step.ms)]));
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/database-restore/index.ts






/** Brings a database back to a known-good backup, after a verified safety backup of what it holds now. */
/* harmony default export */ const database_restore = ((0,action/* defineAction */.QP)({
    name: "database-restore",
    title: "Database restore",
    inputs: databaseRestoreInputs,
    plan: planRestore,
    nothingToDo: (plan) => plan.alreadyCurrent ? { status: "already-current", reason: plan.alreadyCurrent } : undefined,
    describe: describeRestore,
    planOutputs: planOutputs,
    apply: applyRestore,
    report: reportRestore,
    explain: explainRestore,
}));


/***/ }),

/***/ 8469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NY: () => (/* binding */ storageRestoreInputs),
/* harmony export */   kF: () => (/* binding */ parsePointInTime),
/* harmony export */   sw: () => (/* binding */ checkInputs)
/* harmony export */ });
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);

const storageRestoreInputs = {
    bucket: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text({ required: true, example: '"shop-assets"' }),
    prefix: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text(),
    "point-in-time": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.text({ required: true, example: '"2026-03-01T12:00:00Z" or "2h" (two hours ago)' }),
    endpoint: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.url({ example: '"https://s3.eu-central-1.wasabisys.com"' }),
    region: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.optional(),
    "access-key-id": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.secret({ example: "${{ secrets.AWS_ACCESS_KEY_ID }}" }),
    "secret-access-key": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.secret({ example: "${{ secrets.AWS_SECRET_ACCESS_KEY }}" }),
    "delete-newer": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.boolean(true),
    confirm: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.optional(),
};
/** An ISO time with a zone (or a date, read as UTC midnight), or a duration ago: `2h`, `90m`. */
function parsePointInTime(raw, now = Date.now()) {
    const ago = /^\d/.test(raw) && !raw.includes("-") ? (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(raw) : undefined;
    if (ago !== undefined)
        return now - ago;
    // A time without a zone would be read in the runner's zone, which nobody chose: ask for one.
    const zoned = /^\d{4}-\d{2}-\d{2}$/.test(raw) || /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(raw);
    const at = zoned ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(at)) {
        throw (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("point-in-time", `is "${raw}", which is neither an ISO time with a zone nor a duration ago.`, '"2026-03-01T12:00:00Z", "2026-03-01T14:00:00+02:00" or "2h"');
    }
    if (at > now)
        throw (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("point-in-time", `is ${new Date(at).toISOString()}, which is in the future.`, '"2h" (two hours ago)');
    return at;
}
/** The checks across inputs, before any request: every problem in one error. */
function checkInputs(settings) {
    const problems = [];
    let at = 0;
    try {
        at = parsePointInTime(settings["point-in-time"]);
    }
    catch (error) {
        problems.push(error.message);
    }
    if (Boolean(settings["access-key-id"]) !== Boolean(settings["secret-access-key"])) {
        const missing = settings["access-key-id"] ? "secret-access-key" : "access-key-id";
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(missing, "is required with the other key (or leave both empty to use the runner's AWS credentials, e.g. from OIDC).").message);
    }
    // As when deleting a repository: confirm repeats the bucket. A dry run needs none; a wrong one is refused.
    const { confirm, bucket } = settings;
    if (confirm === undefined && !settings["dry-run"]) {
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("confirm", `is required: type the name of the bucket that will be restored, "${bucket}", to confirm.`, `"${bucket}"`).message);
    }
    else if (confirm !== undefined && confirm !== bucket) {
        problems.push((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)("confirm", `is "${confirm}", but the bucket to restore is "${bucket}".`, `"${bucket}"`)
            .message);
    }
    if (problems.length)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems.join("\n"));
    return { at };
}


/***/ })

};
