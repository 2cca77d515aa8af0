export const id = 984;
export const ids = [984];
export const modules = {

/***/ 7984:
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
// EXTERNAL MODULE: ./src/platforms/atlas/backup.ts
var backup = __webpack_require__(8988);
// EXTERNAL MODULE: ./src/platforms/atlas/client.ts
var atlas_client = __webpack_require__(417);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
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
    const started = await (0,backup/* takeSnapshot */.W9)(client, target.groupId, target.cluster, description);
    context.log.info(`Safety snapshot ${started.id} of ${target.cluster} requested (${started.status}).`);
    const result = await (0,wait/* waitFor */.fm)({
        ...POLL,
        what: `snapshot ${started.id}`,
        timeoutMs: context.timeoutMs,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const now = await (0,backup/* getSnapshot */.dV)(client, target.groupId, target.cluster, started.id);
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
        throw new AtlasRestoreError("snapshot-timeout", `The safety snapshot ${started.id} was still ${result.lastState ?? "running"} after ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`, { snapshotId: started.id });
    }
    context.log.info(`Safety snapshot ${result.value.id} completed in ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`);
    return result.value;
}
/**
 * Starts the point-in-time restore job. A create that got no answer is never sent again: the job list tells
 * whether it was made.
 */
async function startRestore(client, target, seconds, snapshotId) {
    try {
        return await (0,backup/* createPointInTimeRestore */.$6)(client, target.groupId, target.cluster, seconds);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$ && error.ambiguous))
            throw error;
        const jobs = await (0,backup/* listRestoreJobs */.BY)(client, target.groupId, target.cluster);
        const made = jobs.find((job) => (0,backup/* sameRestore */.VR)(job, target.cluster, target.groupId, seconds) && (0,backup/* jobState */.d)(job) === "running");
        if (made)
            return made;
        throw new AtlasRestoreError("job-unknown", `The restore job request got no answer (${error.message}) and no such job is listed: it was not started.`, { snapshotId });
    }
}
/** Polls the job until finishedAt, failed, cancelled or expired. */
async function awaitRestore(client, target, job, snapshotId, context) {
    const result = await (0,wait/* waitFor */.fm)({
        ...POLL,
        what: `restore job ${job.id} on ${target.cluster}`,
        timeoutMs: context.timeoutMs,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const now = await (0,backup/* getRestoreJob */.W7)(client, target.groupId, target.cluster, job.id);
            const state = (0,backup/* jobState */.d)(now);
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
        throw new AtlasRestoreError("job-timeout", `Atlas restore job ${job.id} was still running after ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`, { snapshotId, jobId: job.id });
    }
    context.log.info(`Atlas restore job ${job.id} finished at ${result.value.finishedAt} (${(0,wait/* formatMs */._V)(result.elapsedMs)}).`);
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
    const client = new atlas_client/* AtlasClient */.lX({
        clientId: settings["atlas-client-id"],
        clientSecret: settings["atlas-client-secret"],
        baseUrl: settings["atlas-api-url"],
        logger: ctx.log,
        onSecret: (value) => ctx.tk.setSecret(value),
    });
    const seconds = Math.floor(at / 1000);
    const [cluster, jobs] = await Promise.all([
        (0,backup/* getCluster */.dB)(client, target.groupId, target.cluster),
        (0,backup/* listRestoreJobs */.BY)(client, target.groupId, target.cluster),
    ]);
    if (cluster.pitEnabled === false)
        throw new Error(`Atlas cluster ${target.cluster} ${PIT_OFF}`);
    const same = jobs.filter((job) => (0,backup/* sameRestore */.VR)(job, target.cluster, target.groupId, seconds));
    const finished = same.find((job) => (0,backup/* jobState */.d)(job) === "finished");
    const inFlight = same.find((job) => (0,backup/* jobState */.d)(job) === "running");
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
// EXTERNAL MODULE: ./src/platforms/postgres/conn.ts
var postgres_conn = __webpack_require__(1190);
// EXTERNAL MODULE: ./src/platforms/postgres/header.ts
var postgres_header = __webpack_require__(2673);
;// CONCATENATED MODULE: ./src/platforms/postgres/inspect.ts

// A database comment records what was restored, so a second run with the same dump changes nothing.
const MARKER = /^database-restore sha256:([0-9a-f]{64}) from (.*) at (\S+)$/;
function markerText(marker) {
    return `database-restore sha256:${marker.sha256} from ${oneLine(marker.name)} at ${marker.at}`;
}
/** In place, committed with the data, before verify-sql ran: the restored data, not (yet) verified. */
function unverifiedText(marker) {
    return `database-restore unverified sha256:${marker.sha256} from ${oneLine(marker.name)} at ${marker.at}`;
}
/** Committed with a put-back: the data from before, from the safety backup. */
function putBackText(safetyBackup, at) {
    return `database-restore put back the safety backup ${oneLine(safetyBackup)} at ${at}`;
}
function oneLine(text) {
    // Control characters (a newline in a file name) would make the comment read as another marker.
    return text.replace(/\p{Cc}/gu, " ");
}
function parseMarker(comment) {
    const match = comment ? MARKER.exec(comment) : null;
    return match ? { sha256: match[1], name: match[2], at: match[3] } : undefined;
}
async function writeMarker(sql, database, marker) {
    await sql.unsafe(`COMMENT ON DATABASE ${(0,postgres_conn/* ident */.bD)(database)} IS ${(0,postgres_conn/* literal */.eu)(markerText(marker))}`);
}
/**
 * Connects to the maintenance database (`postgres`, else `template1`): renaming, creating and dropping
 * databases cannot be done from inside the database concerned.
 */
async function withMaintenance(conn, use) {
    try {
        return await (0,postgres_conn/* withClient */.SV)((0,postgres_conn/* onDatabase */.rj)(conn, "postgres"), use);
    }
    catch (error) {
        if (error.code !== "3D000")
            throw error;
        return (0,postgres_conn/* withClient */.SV)((0,postgres_conn/* onDatabase */.rj)(conn, "template1"), use);
    }
}
async function readDatabase(conn) {
    return withMaintenance(conn, async (sql) => {
        const [row] = await sql `
      SELECT shobj_description(oid, 'pg_database') AS comment, datallowconn AS allow
      FROM pg_database WHERE datname = ${conn.database}`;
        return { exists: row !== undefined, comment: row?.comment ?? null, locked: row ? !row.allow : false };
    });
}
/** `work` until it succeeds, each attempt on its own connection, until `deadline` (a restart, a network cut). */
async function retrying(deadline, work) {
    for (let attempt = 0;; attempt++) {
        try {
            return await work();
        }
        catch (error) {
            if (Date.now() >= deadline)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2000)));
        }
    }
}
/** `ALTER DATABASE … ALLOW_CONNECTIONS true`, each attempt on a new connection, until `deadline`. */
async function unlockDatabase(conn, names, deadline) {
    await retrying(deadline, () => withMaintenance(conn, async (sql) => {
        const locked = await sql `
        SELECT datname FROM pg_database
        WHERE datname IN (SELECT jsonb_array_elements_text(${sql.json(names)})) AND NOT datallowconn`;
        for (const { datname } of locked)
            await sql.unsafe(`ALTER DATABASE ${(0,postgres_conn/* ident */.bD)(datname)} WITH ALLOW_CONNECTIONS true`);
    }));
}
async function inspectTarget(conn) {
    const head = await withMaintenance(conn, async (sql) => {
        const rows = await sql `
      SELECT pg_database_size(d.oid)::text AS size, d.datallowconn AS allow,
             (SELECT coalesce(json_agg(datname ORDER BY datname), '[]') FROM pg_database
              WHERE starts_with(datname, ${`${conn.database}_restoring_`})) AS leftovers,
             shobj_description(d.oid, 'pg_database') AS comment,
             (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = d.datname AND a.pid <> pg_backend_pid())::text AS connections,
             current_setting('server_version') AS version,
             current_setting('server_version_num') AS num
      FROM pg_database d WHERE d.datname = ${conn.database}`;
        return rows[0];
    });
    if (!head)
        throw new Error(`The database "${conn.database}" does not exist on ${conn.host}:${conn.port}.`);
    // A locked database cannot be connected to; its tables are listed once it is unlocked.
    const tables = head.allow ? await listTables(conn) : [];
    return {
        database: conn.database,
        serverVersion: head.version.split(" ")[0] ?? head.version,
        serverMajor: Math.floor(Number(head.num) / 10_000),
        bytes: Number(head.size),
        tables: tables.length,
        largest: tables.slice(0, 5),
        connections: Number(head.connections),
        restored: parseMarker(head.comment),
        comment: head.comment,
        locked: !head.allow,
        tableNames: tables.map((table) => table.name).sort(),
        leftovers: head.leftovers,
    };
}
function listTables(conn) {
    return (0,postgres_conn/* withClient */.SV)(conn, async (sql) => {
        const rows = await sql `
      SELECT n.nspname || '.' || c.relname AS name, greatest(c.reltuples, 0)::float8 AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY c.reltuples DESC, 1`;
        return rows.map((row) => ({ name: row.name, rows: Math.round(Number(row.rows)) }));
    });
}

// EXTERNAL MODULE: ./src/platforms/postgres/pgtools.ts
var pgtools = __webpack_require__(5754);
// EXTERNAL MODULE: ./src/platforms/postgres/source.ts
var source = __webpack_require__(8409);
// EXTERNAL MODULE: ./src/platforms/postgres/tools.ts
var tools = __webpack_require__(8973);
;// CONCATENATED MODULE: ./src/platforms/postgres/plan.ts





class DumpRefused extends Error {
    name = "DumpRefused";
}
const major = (version) => (version ? Number(version.split(".")[0]) : undefined);
/** A read started before it is awaited: if the plan fails first, nobody awaits it, and that is fine. */
function started(promise) {
    promise.catch(() => { });
    return promise;
}
/**
 * Reads everything a restore depends on and changes nothing: the dump (fetched, hashed, its header and
 * table of contents read), the local tools' versions against it, and the target database as it is.
 * Reads that need nothing of each other run at once (the target and the local pg_dump while the dump is
 * fetched; the listing while the dump is hashed); a failure is still said in this order: the dump, the
 * target, the local pg_dump. A local dump's sha256 is awaited only when the plan needs it.
 */
async function planPostgres(options) {
    const targetRead = started(inspectTarget(options.conn));
    const dumperRead = options.safetyBackup ? started((0,tools/* toolVersion */.fX)(options.tools, "pg_dump")) : undefined;
    const { dump: opened, sha256 } = await (0,source/* openDump */.nI)({
        ...options.fetch,
        log: options.log,
        signal: options.signal,
    });
    try {
        const header = await (0,postgres_header/* readDumpHeader */.Kb)(opened.path).catch((error) => {
            if (error instanceof postgres_header/* NotADumpError */.VV)
                throw new DumpRefused(`${opened.source} is not usable: ${error.message}.`);
            throw error;
        });
        const archive = header.format === "custom" || header.format === "tar";
        const readerRead = (0,tools/* toolVersion */.fX)(options.tools, archive ? "pg_restore" : "psql");
        // Read alongside the version check, trusted only after it: a dump too new is refused by name first.
        const checked = started(archive
            ? (0,pgtools/* listArchive */.d0)(options, opened.path).catch((error) => {
                if (error instanceof tools/* ToolError */.v4) {
                    throw new DumpRefused(`${opened.name} does not read as a dump: ${error.message}`);
                }
                throw error;
            })
            : (0,postgres_header/* checkPlainComplete */.UI)(opened.path, header.format).then(() => undefined, (error) => {
                if (error instanceof postgres_header/* NotADumpError */.VV)
                    throw new DumpRefused(`${opened.name} is not usable: ${error.message}.`);
                throw error;
            }));
        const reader = await readerRead;
        const dumpMajor = major(header.dumpVersion);
        if (dumpMajor !== undefined && dumpMajor > reader.major) {
            throw new DumpRefused(`${opened.name} was written by pg_dump ${header.dumpVersion}, newer than the local ${archive ? "pg_restore" : "psql"} ${reader.text}, which cannot be trusted to read it. Install the PostgreSQL ${dumpMajor} client tools (apt-get install postgresql-client-${dumpMajor}) and set postgres-bin-dir to their folder (e.g. /usr/lib/postgresql/${dumpMajor}/bin).`);
        }
        const listing = await checked;
        const target = await targetRead;
        // Only a target with a restore marker can already hold this dump; otherwise the hash is read on
        // beside the start of the restore.
        const known = options.hashInPlan || target.restored !== undefined || opened.tempDir !== undefined
            ? await sha256
            : undefined;
        let dumper;
        if (dumperRead) {
            const local = await dumperRead;
            if (local.major < target.serverMajor) {
                throw new DumpRefused(`The local pg_dump ${local.text} cannot take the safety backup of a PostgreSQL ${target.serverVersion} server (pg_dump refuses newer servers). Install the PostgreSQL ${target.serverMajor} client tools and set postgres-bin-dir (e.g. /usr/lib/postgresql/${target.serverMajor}/bin).`);
            }
            dumper = local.text;
        }
        return {
            dump: opened,
            sha256: known,
            hashing: sha256,
            header,
            entries: listing?.length,
            dumpTables: listing?.flatMap((line) => {
                const match = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
                return match ? [`${match[1]}.${match[2]}`] : [];
            }),
            target,
            // A target still locked by an earlier run is unlocked by the apply, never left as "current".
            alreadyCurrent: known !== undefined && target.restored?.sha256 === known && !target.locked,
            tools: { restore: reader.text, dump: dumper },
        };
    }
    catch (error) {
        await (0,source/* discardDump */.rG)(opened);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/platforms/postgres/readback.ts

/** How long the read-back keeps trying a server that refuses connections (a restart, a network cut). */
const READ_BACK_MS = 15_000;
async function readBack(conn, expected, within = READ_BACK_MS) {
    const deadline = Date.now() + within;
    for (let attempt = 0;; attempt++) {
        try {
            const now = await readDatabase(conn);
            if (!now.exists)
                return { state: "unknown", reason: `${conn.database} does not exist on the server` };
            const { comment, locked } = now;
            const state = expected.restored && comment === markerText(expected.restored)
                ? "restored"
                : expected.unverified !== undefined && comment === expected.unverified
                    ? "unverified"
                    : expected.putBack !== undefined && comment === expected.putBack
                        ? "put-back"
                        : comment === expected.before
                            ? "before"
                            : "other";
            return { state, locked, comment };
        }
        catch (error) {
            if (Date.now() >= deadline)
                return { state: "unknown", reason: error.message };
            await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2000)));
        }
    }
}
/** A restore that failed at `step`, with what the target was read back to hold. */
class RestoreFailure extends Error {
    name = "RestoreFailure";
    cause;
    step;
    verify;
    held;
    safetyBackup;
    constructor(cause, step, verify, held, safetyBackup) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.step = step;
        this.verify = verify;
        this.held = held;
        this.safetyBackup = safetyBackup;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/platforms/postgres/inplace.ts









/**
 * Drops every object of the database's own (not extension-owned, not system) schemas, so that after
 * the dump runs the database holds exactly the dump: in place means no table the dump lacks stays, and
 * nothing left behind (a view on a table) blocks the dump's own drops.
 */
const WIPE = `
DO $wipe$
DECLARE r record;
BEGIN
  FOR r IN SELECT n.nspname FROM pg_namespace n
    WHERE n.nspname <> 'public' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                      AND d.objid = n.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;
  FOR r IN SELECT c.oid, c.relkind, c.relname FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS public.%I CASCADE', CASE r.relkind WHEN 'v' THEN 'VIEW'
      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
      ELSE 'TABLE' END, r.relname);
  END LOOP;
  FOR r IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.oid::regprocedure); END LOOP;
  FOR r IN SELECT t.oid FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace
      AND t.typtype IN ('e', 'd', 'c', 'r', 'm') AND (t.typrelid = 0 OR t.typtype <> 'c')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                      AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE format('DROP TYPE IF EXISTS %s CASCADE', r.oid::regtype); END LOOP;
END
$wipe$;
`;
/** The statement that records, in the same transaction as the data, what the database now holds. */
function commentStatement(database, text) {
    return `\nCOMMENT ON DATABASE ${(0,postgres_conn/* ident */.bD)(database)} IS ${(0,postgres_conn/* literal */.eu)(text)};\n`;
}
/**
 * Replaces everything in `conn.database` with the dump, as ONE psql transaction (`-1`): the wipe (`-c`),
 * the dump (pg_restore writing its SQL into a FIFO psql reads, so the data never passes through Node; a
 * plain dump on stdin), then `marker` as the database's comment, read from a second FIFO. All of it
 * commits, marker included (so a read-back of the comment tells what the database holds), or none: psql
 * blocks opening the second FIFO until the marker is written, which happens only once the whole dump was
 * produced; a dump that fails midway kills psql instead, and the server rolls back.
 */
async function restoreInPlace(options, conn, args, marker) {
    const env = (0,postgres_conn/* toolEnv */.oW)(conn, options.tempDir);
    const fifo = (name) => {
        const path = (0,external_node_path_.join)(options.tempDir, `dbrestore-${name}-${(0,external_node_crypto_.randomUUID)()}.sql`);
        (0,external_node_child_process_.execFileSync)("mkfifo", ["-m", "600", path]);
        return path;
    };
    const end = fifo("end");
    const archive = args.format === "custom" || args.format === "tar";
    const data = archive ? fifo("data") : undefined;
    const stopAll = new AbortController();
    const signal = AbortSignal.any([stopAll.signal, ...(options.signal ? [options.signal] : [])]);
    let progress = () => (args.entries ? `${args.entries} entries in the dump` : "");
    let produced;
    let stdin;
    if (data) {
        const flags = ["--no-owner", "--clean", "--if-exists", "-f", data, args.path];
        produced = (0,tools/* runTool */.qI)(options.tools, "pg_restore", flags, { env: env.env, signal });
    }
    else {
        const plain = (0,pgtools/* plainStream */.rU)(args.path, args.format);
        progress = plain.progress;
        stdin = plain.stream;
        produced = (0,external_node_stream_promises_.finished)(plain.stream);
    }
    const psqlArgs = pgtools/* PSQL_ONE_TRANSACTION */.nH.slice(0, -2);
    const psql = (0,tools/* runTool */.qI)(options.tools, "psql", [...psqlArgs, "-c", WIPE, "-f", data ?? "-", "-f", end], {
        env: env.env,
        signal,
        stdin,
    });
    // psql failing (the wipe, a statement of the dump) stops pg_restore, which may be blocked on its FIFO.
    psql.catch(() => stopAll.abort());
    produced.catch(() => { });
    const stop = (0,pgtools/* ticker */.b0)(options.log, `Restoring into ${conn.database} in place`, progress);
    try {
        const failed = await produced.then(() => undefined, (error) => error);
        if (failed !== undefined) {
            stopAll.abort();
            // psql's own error (the statement that failed) says more than pg_restore's broken pipe.
            const own = await psql.then(() => undefined, (error) => error);
            throw own instanceof tools/* ToolError */.v4 && own.exitCode !== null ? own : failed;
        }
        const written = (0,promises_.writeFile)(end, commentStatement(conn.database, marker));
        const first = await Promise.race([written.then(() => "written"), psql.then(ended, ended)]);
        if (first !== "written") {
            // psql ended without opening the FIFO (it failed): a reader held open here lets the writer return,
            // whenever its open() runs.
            const reader = (0,external_node_fs_.openSync)(end, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
            await written.catch(() => { });
            (0,external_node_fs_.closeSync)(reader);
        }
        await psql;
    }
    finally {
        stop();
        stopAll.abort();
        env.dispose();
        (0,external_node_fs_.rmSync)(end, { force: true });
        if (data)
            (0,external_node_fs_.rmSync)(data, { force: true });
    }
}
const ended = () => "ended";

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/platforms/postgres/safety.ts




/**
 * Encrypts `source` into `dest` (created 0600) in the format of `openssl enc -aes-256-cbc -pbkdf2`
 * (OpenSSL 1.1.1+: "Salted__", an 8-byte salt, then AES-256-CBC with key and IV from PBKDF2-HMAC-SHA256,
 * 10,000 iterations), so it opens with:
 *   openssl enc -d -aes-256-cbc -pbkdf2 -in FILE.enc -out FILE -pass env:SAFETY_BACKUP_KEY
 */
async function encryptFile(source, dest, passphrase) {
    const salt = (0,external_node_crypto_.randomBytes)(8);
    const derived = (0,external_node_crypto_.pbkdf2Sync)(Buffer.from(passphrase, "utf8"), salt, 10_000, 48, "sha256");
    const cipher = (0,external_node_crypto_.createCipheriv)("aes-256-cbc", derived.subarray(0, 32), derived.subarray(32, 48));
    const header = external_node_stream_.Readable.from([Buffer.concat([Buffer.from("Salted__"), salt])]);
    const out = (0,external_node_fs_.createWriteStream)(dest, { mode: 0o600, flags: "wx" });
    await (0,external_node_stream_promises_.pipeline)(async function* () {
        yield* header;
        yield* (0,external_node_fs_.createReadStream)(source).pipe(cipher);
    }, out);
}

// EXTERNAL MODULE: ./src/platforms/postgres/swap.ts
var swap = __webpack_require__(6423);
// EXTERNAL MODULE: ./src/platforms/postgres/verify.ts
var verify = __webpack_require__(6181);
;// CONCATENATED MODULE: ./src/platforms/postgres/restore.ts











/** Each phase's own time: a phase never spends another's, and a put-back has no limit but its own end. */
const SWAP_MS = 60_000;
const UNLOCK_MS = 30_000;
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
 * renaming (the old database stays under a dated name); the safety dump is taken meanwhile, and the swap
 * waits for it. In place: the safety dump first, then one transaction, marker included. Either way the
 * target changes only once the safety dump is taken and read back. On any failure the target is read
 * back and a RestoreFailure says what it holds.
 */
async function restorePostgres(options) {
    const { conn } = options;
    const now = options.now ?? new Date();
    const marking = options.sha256.then((sha256) => ({
        sha256,
        name: options.dump.name,
        at: now.toISOString(),
    }));
    // Awaited by the step that writes the marker, or by the read-back after a failure.
    marking.catch(() => { });
    const run = { step: "prepare", verify: "not run", safetyBackup: undefined, plainSafety: undefined };
    const steps = [];
    const timed = timer(run, steps);
    const limits = [...(options.signal ? [options.signal] : [])];
    if (options.wait > 0)
        limits.push(AbortSignal.timeout(options.wait));
    const phase = { ...options, signal: AbortSignal.any(limits) };
    try {
        await timed("prepare", () => prepare(options));
        const result = options.mode === "in-place"
            ? await inPlace(options, phase, run, marking, now, timed)
            : await restore_swap(options, phase, run, marking, now, steps);
        return { ...result, safetyBackup: run.safetyBackup, steps };
    }
    catch (error) {
        // A dump that could not be hashed was never marked anywhere.
        const marker = await marking.catch(() => undefined);
        const held = await readBack(conn, {
            before: options.before.comment,
            restored: marker,
            unverified: options.mode === "in-place" && marker ? unverifiedText(marker) : undefined,
            putBack: run.plainSafety
                ? putBackText(run.safetyBackup ?? run.plainSafety, now.toISOString())
                : undefined,
        });
        throw new RestoreFailure(error, run.step, run.verify, held, run.safetyBackup);
    }
    finally {
        // The plain copy of an encrypted safety backup never outlives the run.
        if (options.safetyKey && run.plainSafety)
            (0,external_node_fs_.rmSync)(run.plainSafety, { force: true });
    }
}
/**
 * Times each step into `steps` (in the order they start) and keeps the one under way in `at.step`. With
 * `signal`, a step does not start once it is aborted.
 */
function timer(at, steps, signal) {
    return async (name, work) => {
        at.step = name;
        signal?.throwIfAborted();
        const entry = { name, ms: 0 };
        steps.push(entry);
        const started = Date.now();
        const value = await work();
        entry.ms = Date.now() - started;
        return value;
    };
}
/**
 * Runs two branches at once. The first to fail stops the other (its tool killed, its partial file removed,
 * no further step started); once both have ended, that first failure, and its step, is the run's. When
 * both succeed, the run is at the step the later one ended in (what a cancel right after names).
 */
async function together(phase, run, steps, first, second) {
    const stop = new AbortController();
    const signal = AbortSignal.any([stop.signal, ...(phase.signal ? [phase.signal] : [])]);
    let failed;
    let ended = run.step;
    const start = async (branch) => {
        const at = { step: run.step };
        try {
            const value = await branch(signal, timer(at, steps, signal));
            ended = at.step;
            return value;
        }
        catch (error) {
            if (!failed) {
                failed = { error, step: at.step };
                stop.abort(error);
            }
            throw error;
        }
    };
    const [a, b] = await Promise.allSettled([start(first), start(second)]);
    run.step = failed?.step ?? ended;
    if (failed)
        throw failed.error;
    return [a.value, b.value];
}
/** Undoes what an earlier run left: a target still refusing connections, scratch databases. */
async function prepare(options) {
    const { conn, before, log } = options;
    if (before.locked) {
        log.info(`Unlocking ${conn.database} (left refusing connections by an earlier run).`);
        await unlockDatabase(conn, [conn.database], Date.now() + UNLOCK_MS);
    }
    for (const name of before.leftovers) {
        log.info(`Dropping ${name}, the scratch database of an earlier run that stopped before its swap.`);
        await withMaintenance(conn, (sql) => (0,swap/* dropDatabase */.Zi)(sql, name));
    }
}
async function safetyBackup(options, run, now) {
    const { conn, log, safetyDir } = options;
    if (!safetyDir) {
        log.warn("safety-backup is false: NO safety dump is taken. The data being replaced is not kept by this step.");
        return;
    }
    const name = `${conn.database}-before-restore-${stamp(now)}.dump`;
    const plain = (0,external_node_path_.join)(options.safetyKey ? options.tempDir : safetyDir, name);
    log.info(`Taking the safety backup of ${conn.database} (pg_dump -Fc) to ${plain}`);
    const { entries } = await (0,pgtools/* dumpDatabase */.m3)(options, conn, plain).catch((error) => {
        // A dump cut short is no backup: nobody should find it and trust it.
        (0,external_node_fs_.rmSync)(plain, { force: true });
        throw error;
    });
    run.plainSafety = plain;
    log.info(`Safety backup verified: ${entries} entries read back from ${plain}.`);
    if (options.safetyKey) {
        const sealed = (0,external_node_path_.join)(safetyDir, `${name}.enc`);
        await encryptFile(plain, sealed, options.safetyKey).catch((error) => {
            (0,external_node_fs_.rmSync)(sealed, { force: true });
            throw error;
        });
        log.info(`Safety backup encrypted to ${sealed} (openssl enc -aes-256-cbc -pbkdf2).`);
        run.safetyBackup = sealed;
    }
    else
        run.safetyBackup = plain;
}
async function inPlace(options, phase, run, marking, now, timed) {
    const { conn, log } = options;
    await timed("safety backup", () => safetyBackup(phase, run, now));
    const args = { path: options.dump.path, format: options.header.format, jobs: 1, entries: options.entries };
    log.info(`Restoring ${options.dump.name} into ${conn.database} in place, in one transaction.`);
    const marker = await timed("restore", async () => {
        const marker = await marking;
        await restoreInPlace(phase, conn, args, unverifiedText(marker));
        return marker;
    });
    let verified;
    try {
        verified = await timed("verify", () => restore_verify(phase, conn));
        run.verify = "passed";
    }
    catch (error) {
        if (error instanceof verify/* VerifyError */.Gz)
            run.verify = "failed";
        // Cancelled while verifying: the restored data stays (a put-back would not finish before the kill).
        if (!run.plainSafety || options.signal?.aborted)
            throw error;
        log.warn(`${error.message}. Putting the safety backup back in place.`);
        const safety = { path: run.plainSafety, format: "custom", jobs: 1 };
        const text = putBackText(run.safetyBackup ?? run.plainSafety, marker.at);
        // Neither the restore's timer nor the cancel signal cuts a put-back short.
        await timed("put back", () => restoreInPlace({ ...options, signal: undefined }, conn, safety, text)).catch((putBack) => {
            throw new Error(`${error.message}; putting the safety backup back then failed: ${putBack.message}`);
        });
        run.step = "verify";
        throw error;
    }
    await timed("mark", () => (0,postgres_conn/* withClient */.SV)(conn, (sql) => writeMarker(sql, conn.database, marker)));
    return { keptDatabase: undefined, endedConnections: 0, verified };
}
async function restore_verify(options, conn) {
    options.signal?.throwIfAborted();
    return (0,postgres_conn/* withClient */.SV)(conn, (sql) => (0,verify/* runVerify */.R9)(sql, options.verifySql, options.signal));
}
async function restore_swap(options, phase, run, marking, now, steps) {
    const { conn, log } = options;
    const scratch = derivedName(conn.database, `_restoring_${stamp(now)}`);
    const kept = derivedName(conn.database, `_before_restore_${stamp(now)}`);
    let swapped = false;
    try {
        // The safety dump reads the target while the restore writes the scratch database: neither changes
        // what the other reads, and the target itself changes only at the swap, once both have succeeded.
        const [, verified] = await together(phase, run, steps, (signal, timed) => timed("safety backup", () => safetyBackup({ ...phase, signal }, run, now)), (signal, timed) => intoScratch({ ...phase, signal }, run, marking, scratch, timed));
        // A cancel before the swap keeps the target as it is; once started, the swap is seen through.
        options.signal?.throwIfAborted();
        const deadline = Date.now() + SWAP_MS;
        const endedConnections = await timer(run, steps)("swap", () => withMaintenance(conn, (sql) => (0,swap/* swapNames */.GT)(sql, { target: conn.database, scratch, kept, log, deadline })));
        swapped = true;
        log.info(`Swapped: ${conn.database} is the restored data; the previous database is kept as ${kept}.`);
        return { keptDatabase: kept, endedConnections, verified };
    }
    catch (error) {
        if (error instanceof verify/* VerifyError */.Gz)
            run.verify = "failed";
        throw error;
    }
    finally {
        if (!swapped)
            await undoSwap(conn, scratch, kept, log);
    }
}
/** Creates the scratch database, restores the dump into it, verifies it and marks it. */
async function intoScratch(options, run, marking, scratch, timed) {
    const { conn, log } = options;
    await timed("create scratch", () => withMaintenance(conn, (sql) => (0,swap/* createScratch */.Hj)(sql, conn.database, scratch)));
    log.info(`Restoring ${options.dump.name} (${(0,source/* formatBytes */.z3)(options.dump.bytes)}) into the scratch database ${scratch}.`);
    const args = {
        path: options.dump.path,
        format: options.header.format,
        jobs: options.jobs,
        entries: options.entries,
    };
    await timed("restore", () => (0,pgtools/* restoreDump */.nE)(options, (0,postgres_conn/* onDatabase */.rj)(conn, scratch), args));
    const verified = await timed("verify", () => restore_verify(options, (0,postgres_conn/* onDatabase */.rj)(conn, scratch)));
    run.verify = "passed";
    for (const line of verified)
        log.info(`verify-sql: ${line}`);
    await timed("mark", async () => {
        const marker = await marking;
        await (0,postgres_conn/* withClient */.SV)((0,postgres_conn/* onDatabase */.rj)(conn, scratch), (sql) => writeMarker(sql, scratch, marker));
    });
    return verified;
}
/** After a failed swap: nothing stays locked, and the scratch database (if still by that name) goes. */
async function undoSwap(conn, scratch, kept, log) {
    const deadline = Date.now() + UNLOCK_MS;
    await unlockDatabase(conn, [conn.database, kept], deadline).catch((error) => log.warn(`Could not unlock ${conn.database}: ${error.message}.`));
    // Retried like the unlock: a cut that stopped the safety dump stops the restore beside it too.
    await retrying(deadline, () => withMaintenance(conn, (sql) => (0,swap/* dropDatabase */.Zi)(sql, scratch))).catch((error) => log.warn(`Could not drop the scratch database ${scratch}: ${error.message}. A rerun drops it.`));
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

// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var client = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
;// CONCATENATED MODULE: ./src/platforms/railway/volume-choice.ts
/** The names this code gives its own safety backups: never picked automatically as what to restore. */
const SAFETY_PREFIX = "rollback-safety";
/**
 * Written into the commit message: what a later run reads to know this service already mounts that backup.
 * Keyed by the service and the NEW volume (a restore swaps in a new volume, so the old volume instance id
 * does not survive it: docs volumes/backups.md, PLATFORMS.md); `from` is the volume instance it replaced,
 * whose backup list a rerun reads too (nothing documents which instance lists the backups after a swap).
 */
function restoreMarker(marker) {
    return `[database-restore service=${marker.serviceId} backup=${marker.backupId} volume=${marker.volumeId} from=${marker.fromInstanceId}]`;
}
/** The newest committed restore of this service by this code. */
function lastRestore(patches, serviceId) {
    const pattern = /\[database-restore service=(\S+) backup=(\S+) volume=(\S+) from=(\S+)\]/;
    for (const patch of patches) {
        if (patch.status !== "COMMITTED")
            continue;
        const [, service, backupId, volumeId, fromInstanceId] = pattern.exec(patch.message ?? "") ?? [];
        if (service === serviceId && backupId && volumeId && fromInstanceId)
            return { serviceId, backupId, volumeId, fromInstanceId };
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

;// CONCATENATED MODULE: ./src/platforms/railway/volume-staging.ts
function nonEmpty(value) {
    if (value === null || value === undefined)
        return false;
    if (typeof value === "object")
        return Object.values(value).some(nonEmpty) || Array.isArray(value);
    return true;
}
function entries(value) {
    return value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [];
}
function stagedMounts(patch, serviceId) {
    const services = patch?.services;
    return entries(services?.[serviceId]?.volumeMounts);
}
/**
 * The NEW volume a staged patch mounts on the service: a backup restore copies the backup into a new
 * volume and stages `services.<id>.volumeMounts.<newVolumeId>` (PLATFORMS.md, turn 3; the CLI's
 * `controllers/config/environment.rs` keys mounts by volume id). Undefined when no such swap is staged.
 */
function stagedSwap(patch, ours) {
    const mounts = stagedMounts(patch, ours.serviceId).filter(([id, mount]) => id !== ours.volumeId && nonEmpty(mount));
    return mounts.length === 1 ? mounts[0]?.[0] : undefined;
}
/**
 * What a staged patch holds besides this service's own volume swap, in words: the service's
 * `volumeMounts` and the `volumes` entries of the volumes mounted or unmounted there are the swap;
 * anything else is someone else's change, which a commit would deploy with it.
 */
function otherStagedChanges(patch, ours, serviceNames) {
    const swapVolumes = new Set([ours.volumeId, ...stagedMounts(patch, ours.serviceId).map(([id]) => id)]);
    const others = [];
    for (const [section, value] of entries(patch)) {
        if (!nonEmpty(value))
            continue;
        if (section === "volumes") {
            for (const [id, change] of entries(value))
                if (!swapVolumes.has(id) && nonEmpty(change))
                    others.push(`volume ${id}`);
        }
        else if (section === "services") {
            for (const [id, change] of entries(value)) {
                const keys = entries(change)
                    .filter(([key, v]) => nonEmpty(v) && !(id === ours.serviceId && key === "volumeMounts"))
                    .map(([key]) => key);
                if (keys.length)
                    others.push(`service ${serviceNames.get(id) ?? id}: ${keys.join(", ")}`);
            }
        }
        else {
            others.push(section);
        }
    }
    return others;
}
/**
 * The service's place in a Postgres HA cluster, in words, or undefined for a standalone service. Railway
 * marks cluster members in the environment config with `clusterRole` and `parentServiceId` (PLATFORMS.md;
 * the CLI's `controllers/postgres_plugins.rs`). A root is a cluster when replicas hang off it (a root with
 * only a PgBouncer `edge` child is a pooled standalone); a replica, an internal member or a role this
 * code does not know counts as a cluster member (the safe side).
 */
function haCluster(config, serviceId, serviceNames) {
    const services = config.services ?? {};
    const role = services[serviceId]?.clusterRole ?? undefined;
    const replicas = Object.entries(services)
        .filter(([, s]) => s?.parentServiceId === serviceId && s.clusterRole === "replica")
        .map(([id]) => serviceNames.get(id) ?? id);
    const member = role !== undefined && role !== "root" && role !== "edge";
    if (!member && replicas.length === 0)
        return undefined;
    const name = serviceNames.get(serviceId) ?? serviceId;
    const parent = services[serviceId]?.parentServiceId;
    return [
        `${name} is ${role ? `the ${role}` : "a member"} of a Postgres HA cluster`,
        parent ? ` (root: ${serviceNames.get(parent) ?? parent})` : "",
        replicas.length ? ` with replicas ${replicas.join(", ")}` : "",
    ].join("");
}

// EXTERNAL MODULE: ./src/platforms/railway/volumes.ts + 1 modules
var railway_volumes = __webpack_require__(3054);
// EXTERNAL MODULE: ./src/platforms/railway/watch.ts
var watch = __webpack_require__(3263);
;// CONCATENATED MODULE: ./src/platforms/railway/volume-restore.ts





/** A step of the restore did not end well (what the target holds then is read back by the caller). */
class VolumeRestoreError extends Error {
    name = "VolumeRestoreError";
    kind;
    others;
    constructor(kind, message, extra = {}) {
        super(message);
        this.kind = kind;
        this.others = extra.others ?? [];
    }
}
const owner = (target) => ({
    serviceId: target.service.id,
    volumeId: target.instance.volumeId,
});
/**
 * The new volume the staged patch swaps in for the service, once nothing else is staged: only the
 * service's own swap may be committed (a commit deploys everything staged).
 */
async function stagedSwapOf(client, target, context) {
    const patch = await (0,railway_volumes/* stagedChanges */.GY)(client, target.environment.id);
    const others = otherStagedChanges(patch, owner(target), context.serviceNames);
    if (others.length) {
        throw new VolumeRestoreError("other-staged", `Besides this volume swap, environment ${target.environment.name} has other staged changes: ${others.join("; ")}. Nothing was committed.`, { others });
    }
    const swap = stagedSwap(patch, owner(target));
    if (!swap) {
        throw new VolumeRestoreError("nothing-staged", `The restore workflow completed, but environment ${target.environment.name} has no staged swap to a new volume for ${target.service.name}. Nothing was committed.`);
    }
    return swap;
}
async function volume_restore_readBack(client, target) {
    const [{ instances }, patch] = await Promise.all([
        (0,railway_volumes/* environmentVolumes */.XH)(client, target.projectId, target.environment.id),
        (0,railway_volumes/* stagedChanges */.GY)(client, target.environment.id),
    ]);
    return {
        mounted: instances.find((i) => i.serviceId === target.service.id),
        oldRetained: instances.some((i) => i.volumeId === target.instance.volumeId),
        staged: stagedSwap(patch, owner(target)),
    };
}
/**
 * Commits the staged swap, never re-sent: when the answer is lost, the read-back tells whether the new
 * volume is mounted (it landed) or not (the error stands).
 */
async function commitSwap(client, target, swap, message, context) {
    context.signal.throwIfAborted();
    try {
        await (0,railway_volumes/* commitStaged */.u$)(client, target.environment.id, message);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$ && error.ambiguous))
            throw error;
        const now = await volume_restore_readBack(client, target);
        if (now.mounted?.volumeId !== swap)
            throw error;
        client.logger.info(`The commit got no answer, but ${target.service.name} mounts the new volume: it landed.`);
    }
}
/** The re-check after the commit: the service mounts the new volume (and is the old one retained?). */
async function verifySwap(client, target, swap) {
    const { instances } = await (0,railway_volumes/* environmentVolumes */.XH)(client, target.projectId, target.environment.id);
    if (instances.find((i) => i.serviceId === target.service.id)?.volumeId !== swap) {
        throw new VolumeRestoreError("commit-unverified", `The commit was answered, but ${target.service.name} does not mount the new volume ${swap}.`);
    }
    return { oldRetained: instances.some((i) => i.volumeId === target.instance.volumeId) };
}
/** The service's deployments now, to tell the one the commit starts from those before it. */
async function deploymentIds(client, target) {
    const state = await client.serviceDeployments(target.projectId, target.environment.id, target.service.id, 5);
    return new Set(state.deployments.map((d) => d.id));
}
/** Waits for a deployment of the service that was not there before, then for its outcome. */
async function awaitNewDeployment(client, target, known, context) {
    const what = `${target.service.name}'s new deployment`;
    const appeared = await (0,wait/* waitFor */.fm)({
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
        throw new VolumeRestoreError("deploy-timeout", `No new deployment of ${target.service.name} appeared within ${(0,wait/* formatMs */._V)(context.waitMs)}.`);
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
        : `${target.service.name}'s deployment ${appeared.value.id} was still ${outcome.status ?? "starting"} after ${(0,wait/* formatMs */._V)(outcome.elapsedMs)}.`);
}

;// CONCATENATED MODULE: ./src/platforms/railway/volume-workflows.ts





/** Frugal polling (Free plans allow 100 requests an hour): a workflow is not visible at once, then backs off. */
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 20_000;
const WORKFLOW_DEFAULT_MS = 30 * 60_000;
async function waitForWorkflow(client, id, what, context) {
    const timeoutMs = context.waitMs || WORKFLOW_DEFAULT_MS;
    await (0,http/* sleep */.yy)(FIRST_POLL_MS);
    const result = await (0,wait/* waitFor */.fm)({
        what,
        timeoutMs,
        initialDelayMs: FIRST_POLL_MS,
        maxDelayMs: MAX_POLL_MS,
        factor: 1.6,
        progressEveryMs: 30_000,
        onProgress: (line) => context.log.info(line),
        poll: async () => {
            context.signal.throwIfAborted();
            const status = await (0,railway_volumes/* workflowStatus */.iP)(client, id);
            if (status.status === "Complete")
                return { done: true, value: "Complete" };
            if (status.status === "Error") {
                throw new VolumeRestoreError("workflow-error", `Railway's ${what} ended in Error: ${status.error ?? "no reason given"}.`);
            }
            // NotFound right after creation means "not visible yet"; any other value is awaited to the deadline.
            return { done: false, state: status.status === "NotFound" ? "not visible yet" : status.status };
        },
    });
    if (result.outcome === "timeout") {
        throw new VolumeRestoreError("workflow-timeout", `Railway's ${what} was still ${result.lastState ?? "running"} after ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`);
    }
    context.log.info(`Railway's ${what} completed in ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`);
    return result.elapsedMs;
}
/** A new backup of the volume as it is now, named after what is about to be restored, then locked. */
async function takeSafetyBackup(client, target, restoring, context) {
    const name = `${SAFETY_PREFIX} before restoring ${restoring} ${new Date().toISOString()}`;
    context.signal.throwIfAborted();
    context.log.info(`Creating safety backup "${name}" of ${target.service.name}'s volume (${target.instance.currentSizeMB} MB)…`);
    const started = Date.now();
    const workflow = await (0,railway_volumes/* createBackup */.dB)(client, target.instance.id, name);
    await waitForWorkflow(client, workflow, "safety backup", context);
    const backup = (await (0,railway_volumes/* listBackups */.Cw)(client, target.instance.id)).find((b) => b.name === name);
    if (!backup) {
        throw new VolumeRestoreError("safety-lost", `The safety backup "${name}" completed but is not in the volume's backup list.`);
    }
    await (0,railway_volumes/* lockBackup */.cx)(client, target.instance.id, backup.id);
    context.log.info(`Safety backup ${backup.id} taken and locked (no expiry).`);
    return { backup, ms: Date.now() - started };
}
/** Starts the restore workflow and waits for it: it deletes the newer backups and stages the swap. */
async function runRestoreWorkflow(client, target, backup, context) {
    context.signal.throwIfAborted();
    const workflow = await (0,railway_volumes/* restoreBackup */.dH)(client, target.instance.id, backup.id);
    await waitForWorkflow(client, workflow, "volume restore", context);
}
/** A new service restored to the timestamp (the source stays online); returns it once its deployment serves. */
async function restoreToNewService(client, target, options, context) {
    context.signal.throwIfAborted();
    const started = Date.now();
    const workflow = await (0,railway_volumes/* restoreToPointInTime */.cf)(client, {
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

;// CONCATENATED MODULE: ./src/actions/database-restore/railway-apply.ts





/** A Railway restore that failed, its message written from a read-back of what the service mounts. */
class RailwayRestoreFailed extends Error {
    name = "RailwayRestoreFailed";
}
/** The retained old volume: where the data from before a backup restore is kept (output `safety-backup`). */
const keptVolume = (volumeId) => `volume:${volumeId}`;
function contextOf(ctx, detail) {
    return { log: ctx.log, signal: ctx.signal, waitMs: ctx.settings.wait, serviceNames: detail.serviceNames };
}
async function applyRailway(ctx, planned) {
    const detail = planned.detail;
    return detail.kind === "pitr" ? applyPitr(ctx, detail) : applyBackup(ctx, detail);
}
/**
 * The steps of a backup restore, each undone or completed by a rerun after a fault: safety backup
 * (create, await, lock), restore workflow (stages a swap to a new volume), staged-changes check, commit,
 * re-check, deployment. Until the commit the service mounts the volume from before; after it, the
 * restored one (Railway swaps the mount in one commit); the old volume is kept either way.
 */
async function applyBackup(ctx, detail) {
    const { client } = detail.token;
    const { target } = detail;
    const context = contextOf(ctx, detail);
    const progress = { step: detail.resume ? "staged-changes check" : "safety backup" };
    const steps = [];
    try {
        if (!detail.resume) {
            if (ctx.settings["safety-backup"]) {
                const safety = await takeSafetyBackup(client, target, detail.backup.id, context);
                progress.safety = safety.backup;
                steps.push({ name: "safety backup", ms: safety.ms });
            }
            progress.step = "restore workflow";
            const started = Date.now();
            await runRestoreWorkflow(client, target, detail.backup, context);
            steps.push({ name: "restore (staged)", ms: Date.now() - started });
        }
        progress.step = "staged-changes check";
        const swap = await stagedSwapOf(client, target, context);
        progress.swap = swap;
        const known = await deploymentIds(client, target);
        progress.step = "commit";
        const started = Date.now();
        await commitSwap(client, target, swap, commitMessage(ctx, detail, swap), context);
        progress.step = "re-check after the commit";
        const after = await verifySwap(client, target, swap);
        ctx.log.info(`Committed: ${target.service.name} mounts the restored volume ${swap}; the volume from before (${target.instance.volumeId}) is ${after.oldRetained ? "kept, unmounted" : "not listed any more"}.`);
        let deployment;
        if (ctx.settings.wait !== 0) {
            progress.step = "deployment";
            deployment = await awaitNewDeployment(client, target, known, context);
            steps.push({ name: "commit → deployment SUCCESS", ms: Date.now() - started });
        }
        return {
            status: deployment ? "restored" : "requested",
            changed: "true",
            safetyBackup: keptVolume(target.instance.volumeId),
            notes: [
                deployment
                    ? `${target.service.name} deployment ${deployment.id} reached SUCCESS on the restored volume ${swap}.`
                    : `The swap to the restored volume ${swap} is committed; ${target.service.name}'s deployment was not awaited (wait: 0).`,
                `The data from before is on volume ${target.instance.volumeId}, which Railway keeps unmounted${after.oldRetained ? "" : " (NOT listed in the environment after the commit: look for it in the dashboard)"}.`,
                ...safetyNote(progress.safety, detail),
                `${client.requestCount} Railway API requests in all.`,
            ],
            steps,
        };
    }
    catch (error) {
        throw await failure(ctx, detail, progress, error);
    }
}
function safetyNote(safety, detail) {
    const others = detail.newer.length ? ` with the ${detail.newer.length} other newer backup(s)` : "";
    return safety
        ? [
            `Safety backup ${safety.id} (locked) was taken first; Railway's restore deletes the backups newer than the one restored, so it is assumed gone${others}.`,
        ]
        : [];
}
function commitMessage(ctx, detail, swap) {
    const run = ctx.run.runUrl ? `, ${ctx.run.runUrl}` : "";
    return `Restore ${detail.target.service.name}'s volume from backup ${detail.backup.name ?? detail.backup.id} (database-restore${run}) ${restoreMarker({
        serviceId: detail.target.service.id,
        backupId: detail.backup.id,
        volumeId: swap,
        fromInstanceId: detail.target.instance.id,
    })}`;
}
/** What the service mounts now, in words, and whether that is a change. */
function describe(detail, state, swap) {
    const service = detail.target.service.name;
    const old = detail.target.instance.volumeId;
    if (!state?.mounted) {
        return {
            changed: "unknown",
            holds: `What ${service} mounts now could not be read back: look at its volume in the Railway dashboard (the volume from before is ${old}).`,
            next: "Run again with the same inputs: it commits a swap left staged, or says already-current.",
        };
    }
    if (state.mounted.volumeId === old) {
        return {
            changed: "false",
            holds: `Read back: ${service} still mounts its volume ${old}, with the data from before; ${state.staged ? `a swap to the restored volume ${state.staged} is staged, not committed.` : "no swap is staged."}`,
            next: state.staged
                ? "Run again with the same inputs to commit that swap, or discard it in the dashboard (the environment's staged changes)."
                : "Run again with the same inputs: it starts over (if Railway's restore workflow is still running, let it end first: the swap it stages is then committed by the rerun).",
        };
    }
    const ours = state.mounted.volumeId === swap ? "" : " (not the one this run staged)";
    return {
        changed: "true",
        holds: `Read back: ${service} mounts the restored volume ${state.mounted.volumeId}${ours}; the volume from before, ${old}, is ${state.oldRetained ? "kept by Railway, unmounted" : "NOT listed in the environment any more"}.`,
        next: `Run again with the same inputs: it says already-current. To go back, mount volume ${old} again in the dashboard.`,
    };
}
/** Reads back what the service mounts, sets `changed` from it, and writes the failure message. */
async function failure(ctx, detail, progress, error) {
    let state;
    try {
        state = await volume_restore_readBack(detail.token.client, detail.target);
    }
    catch (readError) {
        ctx.log.warn(`Could not read back the volume: ${(0,secrets/* errorMessage */.gJ)(readError)}`);
    }
    const { changed, holds, next } = describe(detail, state, progress.swap);
    ctx.tk.setOutput("changed", changed);
    if (changed !== "false")
        ctx.tk.setOutput("safety-backup", keptVolume(detail.target.instance.volumeId));
    const said = error instanceof action/* CancelledError */.cc ? error.message : (0,secrets/* errorMessage */.gJ)(error);
    const cause = /[.!?]$/.test(said) ? said : `${said}.`;
    const safety = progress.safety && changed === "false"
        ? ` Safety backup ${progress.safety.id} (locked) was taken; a restore deletes backups newer than the one restored, so it may be gone.`
        : "";
    const message = `The restore of ${detail.target.service.name} stopped at "${progress.step}": ${cause} ${holds}${safety} ${next}`;
    const reason = ctx.signal.reason;
    return ctx.signal.aborted && reason instanceof action/* CancelledError */.cc
        ? new action/* CancelledError */.cc(reason.signalName, message)
        : new RailwayRestoreFailed(message);
}
/** A new service restored to the point in time; after a failure, whether it exists is read back. */
async function applyPitr(ctx, detail) {
    const { client } = detail.token;
    try {
        const made = await restoreToNewService(client, detail.target, { at: detail.at, newServiceName: detail.newServiceName }, contextOf(ctx, detail));
        return {
            status: made.deployment ? "restored" : "requested",
            changed: "true",
            safetyBackup: undefined,
            notes: [
                `New service ${made.service?.name} (${made.service?.id})${made.deployment ? ` serves: deployment ${made.deployment.id} SUCCESS` : " is starting"}; ${detail.target.service.name} stayed online.`,
                `${client.requestCount} Railway API requests in all.`,
            ],
            steps: made.steps,
        };
    }
    catch (error) {
        let exists;
        try {
            const project = await client.project(detail.target.projectId);
            exists = project.services.some((s) => s.name === detail.newServiceName);
        }
        catch (readError) {
            ctx.log.warn(`Could not read back the project's services: ${(0,secrets/* errorMessage */.gJ)(readError)}`);
        }
        ctx.tk.setOutput("changed", exists === undefined ? "unknown" : String(exists));
        const holds = exists === undefined
            ? `Whether service ${detail.newServiceName} was made could not be read back: look in the dashboard.`
            : exists
                ? `Read back: service ${detail.newServiceName} exists (a rerun says already-current).`
                : `Read back: no service ${detail.newServiceName} exists yet; run again when Railway's workflow has ended.`;
        const message = `${error instanceof Error ? (0,secrets/* errorMessage */.gJ)(error) : String(error)} ${detail.target.service.name} itself is untouched. ${holds}`;
        const reason = ctx.signal.reason;
        throw ctx.signal.aborted && reason instanceof action/* CancelledError */.cc
            ? new action/* CancelledError */.cc(reason.signalName, message)
            : new RailwayRestoreFailed(message);
    }
}

;// CONCATENATED MODULE: ./src/actions/database-restore/explain-railway.ts







/** What to do after a refusal in planning (failures after a change are written from a read-back). */
const explain_railway_ADVICE = {
    "other-staged": "This action never commits other people's changes: deploy or discard them in the Railway dashboard (the environment's staged changes), then run again.",
    "swap-staged": "Discard that staged swap in the Railway dashboard (the environment's staged changes), or restore the backup it came from, then run again.",
    "ha-cluster": "Restore into a new service instead (mode: new-service with point-in-time), or restore the cluster in the Railway dashboard.",
};
/** One message for a Railway failure (undefined for errors of other providers). */
function railwayAdvice(error, plan) {
    if (error instanceof RailwayRestoreFailed)
        return (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof VolumeRestoreError)
        return `${(0,secrets/* errorMessage */.gJ)(error)} ${explain_railway_ADVICE[error.kind] ?? ""}`.trim();
    if (error instanceof BackupChoiceError) {
        const known = error.known.slice(0, 5).map(backupLabel);
        return `${error.message} Backups of the volume, newest first: ${known.join("; ") || "none"}.`;
    }
    if (error instanceof client/* TokenRejectedError */.WR) {
        return `${error.message} Check the railway-token secret: a project token of this environment, or an account/workspace token.`;
    }
    if (error instanceof resolve/* NotFoundError */.m_ || error instanceof resolve/* ScopeError */.He)
        return (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof client/* RailwayError */.m9 || error instanceof client/* RefusedError */.fk) {
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

;// CONCATENATED MODULE: ./src/actions/database-restore/provider.ts
/**
 * A failed restore whose target was read back: the message says what it holds now, `changed` and the
 * other outputs are set from the read-back, never from the step reached.
 */
class RestoreFailed extends Error {
    name = "RestoreFailed";
    outputs;
    constructor(message, outputs) {
        super(message);
        this.outputs = outputs;
    }
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
/** What failed and what to do about it, without a word on the target's state (the read-back says that). */
function postgresCause(error) {
    if (error instanceof DumpRefused)
        return (0,secrets/* errorMessage */.gJ)(error);
    if (error instanceof verify/* VerifyError */.Gz)
        return `${(0,secrets/* errorMessage */.gJ)(error)}.`;
    if (error instanceof tools/* ToolError */.v4) {
        const hint = /role .* does not exist/.test(error.stderr)
            ? " The dump grants to a role this server lacks: create it first (CREATE ROLE …), then run again."
            : /unsupported version/.test(error.stderr)
                ? " The dump is newer than the local tools: set postgres-bin-dir to a newer PostgreSQL client."
                : "";
        return `${(0,secrets/* errorMessage */.gJ)(error)}${hint}`;
    }
    const code = error.code;
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
        return error.name === "TimeoutError"
            ? "The restore phase ran out of its time (wait) before it finished."
            : "The restore was stopped (cancelled) before it finished.";
    }
    if (error instanceof action/* CancelledError */.cc)
        return `The restore was stopped (${error.message})`;
    const advice = code ? SQLSTATE_ADVICE[code] : undefined;
    const message = (0,secrets/* errorMessage */.gJ)(error);
    if (advice)
        return `PostgreSQL error ${code}: ${message}. What to do: ${advice}`;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "ECONNRESET") {
        return `Could not reach the PostgreSQL server (${code}): check the host and port in database-url and that the runner can reach it.`;
    }
    return message;
}
function explainRestore(error, _phase, plan) {
    if (error instanceof RestoreFailed)
        return error.message;
    return railwayAdvice(error, plan) ?? atlasAdvice(error, plan) ?? postgresCause(error);
}

;// CONCATENATED MODULE: ./src/actions/database-restore/failure-postgres.ts


/** A psql command that shows what a database holds and whether it accepts connections. */
function lookCommand(conn) {
    const name = conn.database.replace(/'/g, "''");
    return `psql "$DATABASE_URL" -d postgres -c "SELECT datallowconn, shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '${name}'"`;
}
function unlockCommand(conn) {
    return `psql "$DATABASE_URL" -d postgres -c 'ALTER DATABASE "${conn.database.replace(/"/g, '""')}" WITH ALLOW_CONNECTIONS true'`;
}
/**
 * The failure in words a person acts on: what failed, then what the target holds NOW as read back
 * (never assumed from the step reached), then what to do. `changed` follows the read-back.
 */
function describeFailure(failure, conn, context) {
    const db = conn.database;
    const cause = context.cancelled
        ? `The restore was cancelled (SIGTERM/SIGINT) during the ${failure.step} step.`
        : context.timedOut && failure.step !== "put back"
            ? `The restore phase ran out of its time (wait) during the ${failure.step} step.`
            : failure.step === "verify"
                ? postgresCause(failure.cause)
                : `The ${failure.step} step failed: ${postgresCause(failure.cause)}`;
    const { held } = failure;
    let state;
    let next;
    let changed;
    if (held.state === "unknown") {
        changed = "unknown";
        state = `What ${db} holds now is unknown: it could not be read back (${held.reason}).`;
        next = `Run \`${lookCommand(conn)}\` to see: a comment starting "database-restore sha256:" means the restored data; the comment it had before means as before.`;
    }
    else if (held.state === "before") {
        changed = "false";
        state = `${db} is as before (read back: its comment is unchanged).`;
        next = "Fix the cause above, then run again.";
    }
    else if (held.state === "put-back") {
        changed = "false";
        state = `${db} holds the data from before again: the safety backup was put back (read back: its comment records the put-back).`;
        next = "Check the dump and verify-sql, then run again.";
    }
    else if (held.state === "unverified") {
        changed = "true";
        state =
            failure.verify === "passed"
                ? `${db} holds the restored data (verify-sql passed; the restore marker could not be updated).`
                : failure.verify === "failed"
                    ? `${db} holds the restored data, which failed verify-sql.`
                    : `${db} holds the restored data, not verified.`;
        next = failure.safetyBackup
            ? `To go back: pg_restore --clean --if-exists --no-owner --single-transaction -d ${db} ${failure.safetyBackup}${failure.safetyBackup.endsWith(".enc") ? " (decrypt it first, see the README)" : ""}; or run again to restore ${context.dump} anew.`
            : `No safety backup was taken (safety-backup: false): the data from before is gone from ${db}. Run again to restore ${context.dump} anew.`;
    }
    else if (held.state === "restored") {
        changed = "true";
        state = `${db} holds the restored data (read back: this run's restore marker).`;
        next = "A rerun says already-current.";
    }
    else {
        changed = "unknown";
        state = `${db} holds neither the data from before nor this restore as far as its comment shows (${JSON.stringify(held.comment)}): something else changed it.`;
        next = `Look before running again: \`${lookCommand(conn)}\`.`;
    }
    if (held.state !== "unknown" && held.locked) {
        state += ` It refuses connections (locked by the swap): a rerun unlocks it first, or run \`${unlockCommand(conn)}\`.`;
    }
    const safety = failure.safetyBackup ? ` Safety backup: ${failure.safetyBackup}.` : "";
    return new RestoreFailed(`${cause}\n${state}${safety}\n${next}`, {
        changed,
        "safety-backup": failure.safetyBackup,
    });
}

;// CONCATENATED MODULE: ./src/actions/database-restore/postgres.ts












/** Whole and in place: what the dry run says is replaced is what goes. */
function replacedInPlace(plan) {
    const lines = [
        `everything in ${plan.target.database}'s own schemas (tables, views, sequences, functions, types) is dropped and replaced by the dump's, in one transaction`,
    ];
    const kept = plan.dumpTables;
    if (kept) {
        for (const table of plan.target.tableNames.filter((name) => !kept.includes(name)))
            lines.push(`${table}: dropped (the dump does not have it)`);
    }
    return lines;
}
function readConn(ctx) {
    const url = ctx.settings["database-url"];
    if (!url) {
        throw (0,inputs/* inputError */.Xu)("database-url", "is required for provider postgres: the database to restore into (its value is a secret).", '"${{ secrets.DATABASE_URL }}" (postgresql://user:password@host:5432/shop)');
    }
    try {
        const conn = (0,postgres_conn/* parseDatabaseUrl */.mx)(url);
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
function describeTarget(plan, inPlace) {
    const { target } = plan;
    if (target.locked) {
        return [
            `${target.database}: refuses connections (datallowconn false), left locked by an earlier run that stopped during its swap; the restore first unlocks it (ALTER DATABASE … WITH ALLOW_CONNECTIONS true). Its tables are listed once it accepts connections.`,
            ...target.leftovers.map((name) => `${name}: scratch database of an earlier run, dropped first`),
        ];
    }
    const lines = [
        `${target.database}: ${(0,source/* formatBytes */.z3)(target.bytes)}, ${target.tables} table${target.tables === 1 ? "" : "s"}`,
    ];
    for (const table of target.largest)
        lines.push(`${table.name}: about ${table.rows} rows`);
    if (target.connections > 0)
        lines.push(`${target.connections} open connection(s)`);
    if (inPlace)
        lines.push(...replacedInPlace(plan));
    for (const name of target.leftovers)
        lines.push(`${name}: scratch database of an earlier run, dropped first`);
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
    const verifySql = (0,verify/* splitStatements */.Xd)(settings["verify-sql"]);
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
        hashInPlan: settings["dry-run"],
        fetch: { backup, cwd: ctx.run.workspace, headers: settings["backup-headers"], tempRoot: temp },
    });
    const { dump, header, target } = planned;
    const done = planned.alreadyCurrent;
    // Nothing reads the downloaded copy after a dry run or a no-op.
    if (done || settings["dry-run"])
        await (0,source/* discardDump */.rG)(dump);
    const restoredFrom = (0,source/* isUrl */.gU)(backup) ? (0,source/* shownUrl */.zA)(backup) : dump.source;
    return {
        provider: "postgres",
        target: conn.database,
        restoredFrom,
        facts: [
            [
                "Dump",
                `${dump.name}, ${(0,source/* formatBytes */.z3)(dump.bytes)}, ${planned.sha256 ? `sha256 ${planned.sha256.slice(0, 12)}…` : "sha256 read during the restore"}`,
            ],
            ["Format", `${header.format}${planned.entries ? ` (${planned.entries} entries)` : ""}`],
            ["Dumped by", header.dumpVersion ? `pg_dump ${header.dumpVersion.split(" ")[0]}` : "unknown"],
            ["Target server", `PostgreSQL ${target.serverVersion} at ${conn.host}:${conn.port}`],
            [
                "Mode",
                settings.mode === "swap"
                    ? "swap (restore into a scratch database, verify, rename)"
                    : "in place, one transaction (the wipe, the dump and its marker commit together)",
            ],
            [
                "verify-sql",
                verifySql.length ? `${verifySql.length} quer${verifySql.length === 1 ? "y" : "ies"}` : "none",
            ],
        ],
        replaces: describeTarget(planned, settings.mode === "in-place"),
        safety: safetyDir
            ? `pg_dump -Fc -Z1 of ${conn.database} into ${safetyDir} (mode 0600${settings["safety-backup-key"] ? ", encrypted: openssl enc -aes-256-cbc -pbkdf2" : ""}), read back ${settings.mode === "in-place" ? "before the restore" : "while the restore runs into the scratch database, and before the swap"}`
            : undefined,
        noSafetyReason: undefined,
        alreadyCurrent: done
            ? `${conn.database} already holds ${dump.name} (sha256 ${planned.sha256?.slice(0, 12)}…), restored ${target.restored?.at}: nothing to do. To restore it again on purpose, clear the marker first: COMMENT ON DATABASE "${conn.database}" IS NULL.`
            : undefined,
        detail: { conn, plan: planned, verifySql, safetyDir },
    };
}
async function postgres_apply(ctx, planned) {
    const { conn, plan: pg, verifySql, safetyDir } = planned.detail;
    const wait = ctx.settings.wait;
    const started = Date.now();
    try {
        if (safetyDir)
            await (0,promises_.mkdir)(safetyDir, { recursive: true, mode: 0o700 });
        const result = await restorePostgres({
            conn,
            tools: { binDir: ctx.settings["postgres-bin-dir"] },
            log: ctx.log,
            tempDir: ctx.run.temp ?? (0,external_node_os_.tmpdir)(),
            signal: ctx.signal,
            dump: pg.dump,
            sha256: pg.hashing,
            header: pg.header,
            entries: pg.entries,
            mode: ctx.settings.mode === "in-place" ? "in-place" : "swap",
            verifySql,
            safetyDir,
            safetyKey: ctx.settings["safety-backup-key"],
            jobs: ctx.settings["restore-jobs"] ?? 2,
            wait,
            before: { comment: pg.target.comment, locked: pg.target.locked, leftovers: pg.target.leftovers },
        });
        const notes = result.verified.map((line) => `verify-sql: ${line}`);
        if (!pg.sha256)
            notes.push(`The dump's sha256, read during the restore: ${await pg.hashing}.`);
        if (result.keptDatabase) {
            notes.push(`The database as it was before is kept as ${result.keptDatabase} (a second safety copy; drop it when no longer needed).`);
        }
        if (result.endedConnections > 0)
            notes.push(`${result.endedConnections} connection(s) were ended for the swap.`);
        return { status: "restored", safetyBackup: result.safetyBackup, notes, steps: result.steps };
    }
    catch (error) {
        if (!(error instanceof RestoreFailure))
            throw error;
        throw describeFailure(error, conn, {
            cancelled: ctx.signal.aborted,
            timedOut: wait > 0 && Date.now() - started >= wait,
            dump: pg.dump.name,
        });
    }
    finally {
        await (0,source/* discardDump */.rG)(pg.dump);
    }
}
const postgresProvider = { plan: postgres_plan, apply: postgres_apply };

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
    const token = await (0,client/* connect */.Ng)({
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
    const { instances, config } = await (0,railway_volumes/* environmentVolumes */.XH)(token.client, project.id, environment.id);
    // A restore leaves the old volume in the environment, unmounted: the service's volume is the mounted one.
    const volumes = instances.filter((v) => v.serviceId);
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
        config,
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
    return planBackup(ctx, located, at, common);
}
/**
 * The backups of the mounted volume instance and, after a restore by this code, of the instance it
 * replaced (Railway's docs say older backups stay reachable after a restore, not under which instance),
 * without duplicates. The replaced instance may be gone: its list is then left out.
 */
async function backupsOf(client, instanceIds) {
    const [mounted, ...others] = instanceIds.filter((id) => id !== undefined);
    const lists = await Promise.all([
        (0,railway_volumes/* listBackups */.Cw)(client, mounted),
        ...others.map((id) => (0,railway_volumes/* listBackups */.Cw)(client, id).catch(() => [])),
    ]);
    const byId = new Map(lists.flat().map((b) => [b.id, b]));
    return [...byId.values()];
}
/** A backup restore: Railway copies the backup into a new volume, stages the swap, and this run commits it. */
async function planBackup(ctx, located, at, common) {
    const { settings } = ctx;
    const { token, target, serviceNames } = located;
    const { service, instance, environment } = target;
    const cluster = haCluster(located.config, service.id, serviceNames);
    if (cluster) {
        throw new VolumeRestoreError("ha-cluster", `${cluster}: a backup restore in place would leave its replicas diverged from the restored leader, so Railway's CLI refuses it, and so does this action. Nothing was changed.`);
    }
    const [patches, staged] = await Promise.all([
        (0,railway_volumes/* committedPatches */.jx)(token.client, environment.id),
        (0,railway_volumes/* stagedChanges */.GY)(token.client, environment.id),
    ]);
    const marker = lastRestore(patches, service.id);
    // The marker names the volume its restore mounted: still mounted means still restored from that backup.
    const restoredHere = marker?.volumeId === instance.volumeId ? marker : undefined;
    const backups = await backupsOf(token.client, [instance.id, restoredHere?.fromInstanceId]);
    const { chosen, newer } = pickBackup(backups, { backup: settings.backup, before: at });
    const owner = { serviceId: service.id, volumeId: instance.volumeId };
    const done = restoredHere?.backupId === chosen.id;
    const others = done ? [] : otherStagedChanges(staged, owner, serviceNames);
    if (others.length) {
        throw new VolumeRestoreError("other-staged", `Environment ${environment.name} already has staged changes: ${others.join("; ")}. Nothing was changed.`, { others });
    }
    const swap = done ? undefined : stagedSwap(staged, owner);
    // A restore deletes every newer backup: with a swap staged, the chosen backup being the newest says the
    // swap is a restore of it (an earlier run stopped before its commit).
    if (swap && newer.length) {
        throw new VolumeRestoreError("swap-staged", `A swap of ${service.name}'s volume to a new volume ${swap} is already staged, and it is not a restore of ${backupLabel(chosen)} (that would have deleted the ${newer.length} newer backup(s)). Nothing was changed.`);
    }
    const kept = `the volume mounted now (${instance.volumeId}) is kept by Railway, unmounted, with the data from before`;
    return {
        provider: "railway",
        target: service.name,
        restoredFrom: `backup ${backupLabel(chosen)}`,
        facts: [
            ...common,
            ["Backup", `${backupLabel(chosen)}, ${chosen.usedMB ?? "?"} MB`],
            [
                "Mode",
                swap
                    ? `swap (an earlier run staged the swap to new volume ${swap}: only its commit is left)`
                    : "swap (Railway restores the backup into a new volume and stages the swap; committed only if nothing else is staged)",
            ],
        ],
        replaces: [
            `${service.name}'s volume at ${instance.mountPath} (${instance.currentSizeMB} MB now): ${kept}`,
            swap || !newer.length
                ? "no backup is newer than the one restored, so none is deleted"
                : `Railway deletes the ${newer.length} backup(s) newer than the one restored: ${newer.map(backupLabel).join("; ")}`,
        ],
        safety: settings["safety-backup"] && !swap
            ? `a new Railway backup of the volume, locked; newer than the backup restored, it is assumed deleted by the restore, so what keeps the data from before is the old volume: ${kept}`
            : undefined,
        noSafetyReason: settings["safety-backup"] && !swap ? undefined : `no new Railway backup is taken; ${kept}.`,
        alreadyCurrent: done
            ? `${service.name} already mounts volume ${instance.volumeId}, restored from ${backupLabel(chosen)} (the commit of that restore says so). Nothing to do.`
            : undefined,
        detail: { ...located, kind: "backup", backup: chosen, newer, resume: swap },
    };
}
const railwayProvider = { plan: railway_plan, apply: applyRailway };

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


/**
 * From here a failure may have changed the target: `changed` is "unknown" until a provider's read-back says
 * more, either by throwing RestoreFailed with its outputs or by setting them itself before it throws.
 */
async function applyRestore(ctx, plan) {
    ctx.tk.setOutput("changed", "unknown");
    try {
        return await providerOf(plan).apply(ctx, plan);
    }
    catch (error) {
        if (error instanceof RestoreFailed)
            for (const [name, value] of Object.entries(error.outputs))
                if (value !== undefined)
                    ctx.tk.setOutput(name, value);
        throw error;
    }
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
    "safety-backup-key": inputs/* input */.hF.secret({ example: "${{ secrets.SAFETY_BACKUP_KEY }}" }),
    "postgres-bin-dir": inputs/* input */.hF.optional(),
    "restore-jobs": inputs/* input */.hF.number({ default: "2", min: 1, max: 64, integer: true, example: "2" }),
    "railway-token": inputs/* input */.hF.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "railway-token-type": inputs/* input */.hF.choice(["auto", "project", "account"], "auto"),
    "railway-project": inputs/* input */.hF.optional(),
    "railway-environment": inputs/* input */.hF.text({ default: "production", example: '"production"' }),
    "railway-service": inputs/* input */.hF.optional(),
    "railway-api-url": inputs/* input */.hF.url({ default: client/* DEFAULT_API_URL */.rK, example: `"${client/* DEFAULT_API_URL */.rK}"` }),
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
    // Planned, already-current and refused-in-planning runs change nothing.
    return { "restored-from": plan.restoredFrom, changed: "false" };
}
function reportRestore(ctx, plan, run) {
    const headline = run.status === "restored" ? "✅ restored" : "⏳ requested";
    ctx.log.info(`${plan.target} ${run.status} from ${plan.restoredFrom}.`);
    if (run.safetyBackup)
        ctx.log.info(`Safety backup: ${run.safetyBackup}`);
    return {
        status: run.status,
        headline,
        outputs: {
            "restored-from": plan.restoredFrom,
            "safety-backup": run.safetyBackup,
            changed: run.changed ?? (run.status === "restored" ? "true" : "unknown"),
        },
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
                summary.table(["Step", "Time"], run.steps.map((step) => [step.name, (0,wait/* formatMs */._V)(step.ms)]));
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/database-restore/index.ts






/** Brings a database back to a known-good backup, after a verified safety backup of what it holds now. */
/* harmony default export */ const database_restore = ((0,action/* defineAction */.QP)({
    name: "database-restore",
    title: "Database restore",
    inputs: databaseRestoreInputs,
    reportsChanged: true,
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
