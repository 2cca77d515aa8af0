export const id = 730;
export const ids = [730];
export const modules = {

/***/ 8988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ createPointInTimeRestore),
/* harmony export */   BY: () => (/* binding */ listRestoreJobs),
/* harmony export */   VR: () => (/* binding */ sameRestore),
/* harmony export */   W7: () => (/* binding */ getRestoreJob),
/* harmony export */   W9: () => (/* binding */ takeSnapshot),
/* harmony export */   d: () => (/* binding */ jobState),
/* harmony export */   dB: () => (/* binding */ getCluster),
/* harmony export */   dV: () => (/* binding */ getSnapshot)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);

const cluster = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    stateName: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    mongoDBVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    diskSizeGB: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    pitEnabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
})
    .loose();
// Snapshot status is an enum in the docs (queued, inProgress, completed, failed): read as text.
const snapshot = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    storageSizeBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
})
    .loose();
const restoreJob = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    deliveryType: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    pointInTimeUTCSeconds: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable().optional(),
    targetClusterName: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    targetGroupId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    timestamp: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    failed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullable().optional(),
    cancelled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullable().optional(),
    expired: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullable().optional(),
})
    .loose();
const paged = (item) => zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ results: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(item) }).loose();
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


/***/ }),

/***/ 417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lX: () => (/* binding */ AtlasClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_ATLAS_URL, ATLAS_ACCEPT */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);


const DEFAULT_ATLAS_URL = "https://cloud.mongodb.com";
/** The Admin API v2 picks its resource version from the dated Accept header. */
const ATLAS_ACCEPT = "application/vnd.atlas.2025-03-12+json";
const USER_AGENT = "production-rollback-database-restore/1.0 (+https://github.com/features/actions)";
/** Renew this long before the token's own expiry, so a request never carries a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;
// Atlas's error body (Admin API v2 "Errors"): {error, errorCode, detail, reason, parameters}.
const errorBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ errorCode: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() })
    .loose();
const tokenBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    access_token: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    expires_in: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    token_type: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
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
        this.api = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
            baseUrl: `${base}/api/atlas/v2`,
            headers: { accept: ATLAS_ACCEPT, "user-agent": USER_AGENT },
            ...common,
        });
        this.auth = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({ baseUrl: base, headers: { "user-agent": USER_AGENT }, ...common });
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
                if (!(error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && error.status === 401) || attempt > 0)
                    throw error;
                this.logger.info("Atlas refused the access token (expired or revoked); fetching a new one.");
                this.cached = undefined;
            }
        }
    }
}


/***/ }),

/***/ 1190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SV: () => (/* binding */ withClient),
/* harmony export */   bD: () => (/* binding */ ident),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl),
/* harmony export */   oW: () => (/* binding */ toolEnv),
/* harmony export */   qE: () => (/* binding */ bareEnv),
/* harmony export */   rj: () => (/* binding */ onDatabase)
/* harmony export */ });
/* unused harmony export client */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var postgres__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1534);





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
    return (0,postgres__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .A)({
        host: conn.host,
        port: conn.port,
        user: conn.user,
        pass: conn.password,
        database: conn.database,
        ssl: driverSsl(conn.sslmode),
        max: 1,
        connect_timeout: 30,
        onnotice: () => { },
        // The driver's first query on each connection reads the array types; when that query fails (a cut,
        // a backend ended) its rejection is unhandled and ends the process (porsager/postgres#1192). No
        // query here takes or returns arrays (lists travel as json), and each connection saves a round trip.
        fetch_types: false,
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
/** What any child process needs to run at all; nothing of the runner's own environment (inputs are there). */
function bareEnv() {
    const env = {};
    for (const name of ["PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT"]) {
        if (process.env[name] !== undefined)
            env[name] = process.env[name];
    }
    return env;
}
/**
 * The connection as libpq environment parts and a pgpass file: never the URL, never the password in the
 * environment or argv (both readable in /proc by the runner's other processes).
 */
function toolEnv(conn, dir = (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)()) {
    const env = bareEnv();
    env.PGHOST = conn.host;
    env.PGPORT = String(conn.port);
    env.PGUSER = conn.user;
    env.PGDATABASE = conn.database;
    env.PGAPPNAME = "database-restore";
    env.PGCONNECT_TIMEOUT = "30";
    if (conn.sslmode)
        env.PGSSLMODE = conn.sslmode;
    let file;
    if (conn.password !== undefined) {
        file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `dbrestore-pgpass-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`);
        const line = ["*", "*", "*", pgpassField(conn.user), pgpassField(conn.password)].join(":");
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, `${line}\n`, { mode: 0o600, flag: "wx" });
        env.PGPASSFILE = file;
    }
    else {
        // No password in the URL: libpq must not fall back to the runner's ~/.pgpass either.
        env.PGPASSFILE = "/dev/null";
    }
    return {
        env,
        dispose: () => {
            if (file)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(file, { force: true });
        },
    };
}
/** A double-quoted identifier. */
function ident(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/**
 * A string literal that reads the same whatever standard_conforming_strings is: the E'' form always
 * takes backslash escapes, so doubling both backslashes and quotes cannot be broken out of.
 */
function literal(text) {
    return `E'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}


/***/ }),

/***/ 2673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ readDumpHeader),
/* harmony export */   UI: () => (/* binding */ checkPlainComplete),
/* harmony export */   VV: () => (/* binding */ NotADumpError)
/* harmony export */ });
/* unused harmony export parseArchiveHeader */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);




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
    const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip)();
    const source = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { end: 256 * 1024 });
    (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)(source, gunzip, () => { });
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
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, "r");
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
    const source = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path);
    const stream = format === "sql.gz" ? (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)(source, (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip)(), () => { }) : source;
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


/***/ }),

/***/ 5754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b0: () => (/* binding */ ticker),
/* harmony export */   d0: () => (/* binding */ listArchive),
/* harmony export */   m3: () => (/* binding */ dumpDatabase),
/* harmony export */   nE: () => (/* binding */ restoreDump),
/* harmony export */   nH: () => (/* binding */ PSQL_ONE_TRANSACTION),
/* harmony export */   rU: () => (/* binding */ plainStream)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3210);
/* harmony import */ var _conn_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1190);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8409);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8973);







/** A progress line every 10 s while a long step runs: phase, elapsed, and what can be measured. */
/**
 * pg_restore connects only when given -d: a conninfo naming just the database (a name with `=` or a URL
 * shape is not read as a connection string); host, user and password come from the environment.
 */
function dbArg(database) {
    return `dbname='${database.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
function ticker(log, phase, detail) {
    const started = Date.now();
    const timer = setInterval(() => {
        const extra = detail();
        log.info(`${phase}: ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_6__/* .formatMs */ ._V)(Date.now() - started)} elapsed${extra ? `, ${extra}` : ""}`);
    }, 10_000);
    timer.unref();
    return () => clearInterval(timer);
}
/** The archive's table of contents, as `pg_restore --list` prints it (entry lines only). */
async function listArchive(options, path) {
    const { stdout } = await (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(options.tools, "pg_restore", ["--list", path], {
        env: (0,_conn_js__WEBPACK_IMPORTED_MODULE_3__/* .bareEnv */ .qE)(),
        signal: options.signal,
    });
    return stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";"));
}
/** `pg_dump -Fc -Z1` of `conn.database` into `path`, then checked by reading its table of contents back. */
async function dumpDatabase(options, conn, path) {
    const env = (0,_conn_js__WEBPACK_IMPORTED_MODULE_3__/* .toolEnv */ .oW)(conn, options.tempDir);
    const stop = ticker(options.log, `Safety backup of ${conn.database}`, () => {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false })?.size;
        return size === undefined ? "" : `${(0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(size)} written`;
    });
    try {
        // Created private first: pg_dump keeps the mode of a file it truncates (a production dump, 0600).
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, "", { mode: 0o600, flag: "wx" });
        // zlib level 1: on table data about as small as the default level 6, and 2.5 times as fast
        // (bench/database-restore.ts: 175 MB in 5.0 s against 168 MB in 12.5 s).
        await (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(options.tools, "pg_dump", ["-Fc", "-Z1", "-f", path], {
            env: env.env,
            signal: options.signal,
        });
    }
    finally {
        stop();
        env.dispose();
    }
    const { stdout } = await (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(options.tools, "pg_restore", ["--list", path], {
        env: (0,_conn_js__WEBPACK_IMPORTED_MODULE_3__/* .bareEnv */ .qE)(),
        signal: options.signal,
    });
    // The listing names the database the archive was made from: proof it is the dump just taken.
    const named = stdout.split("\n").some((line) => /^;\s+dbname: (.*)$/.exec(line)?.[1] === conn.database);
    if (!named)
        throw new Error(`The safety backup ${path} does not read back as a dump of ${conn.database}.`);
    return { entries: stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";")).length };
}
/** Restores a dump into the empty scratch database `conn.database`: pg_restore -j for archives, psql for SQL. */
async function restoreDump(options, conn, args) {
    const env = (0,_conn_js__WEBPACK_IMPORTED_MODULE_3__/* .toolEnv */ .oW)(conn, options.tempDir);
    const phase = `Restoring into ${conn.database}`;
    try {
        if (args.format === "custom" || args.format === "tar") {
            const flags = ["--no-owner", "--exit-on-error", "--verbose", "-d", dbArg(conn.database)];
            if (args.jobs > 1 && args.format === "custom")
                flags.push("-j", String(args.jobs));
            let done = 0;
            const stop = ticker(options.log, phase, () => args.entries ? `${Math.min(done, args.entries)} of ${args.entries} entries` : `${done} entries`);
            try {
                await (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(options.tools, "pg_restore", [...flags, args.path], {
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
        const { stream, progress } = plainStream(args.path, args.format);
        const stop = ticker(options.log, phase, progress);
        try {
            await (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .runTool */ .qI)(options.tools, "psql", PSQL_ONE_TRANSACTION, {
                env: env.env,
                stdin: stream,
                signal: options.signal,
            });
        }
        finally {
            stop();
        }
    }
    finally {
        env.dispose();
    }
}
/** psql reading a script on stdin as one transaction: the first error stops it and nothing commits. */
const PSQL_ONE_TRANSACTION = [
    "-X",
    "-q",
    "-v",
    "ON_ERROR_STOP=1",
    "--single-transaction",
    "-o",
    "/dev/null",
    "-f",
    "-",
];
/** A plain dump as a stream (gunzipped for .sql.gz), and how much of the file it has read. */
function plainStream(path, format) {
    const total = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).size;
    let fed = 0;
    const counter = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _encoding, callback) {
            fed += chunk.length;
            callback(null, chunk);
        },
    });
    // The callback form returns the last stream, which errors when any stage does (feed() then kills psql).
    const ignore = () => { };
    const stream = format === "sql.gz"
        ? (0,node_stream__WEBPACK_IMPORTED_MODULE_1__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), counter, (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)(), ignore)
        : (0,node_stream__WEBPACK_IMPORTED_MODULE_1__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), counter, ignore);
    return { stream, progress: () => `${(0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(fed)} of ${(0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(total)} read` };
}


/***/ }),

/***/ 8409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gU: () => (/* binding */ isUrl),
/* harmony export */   nI: () => (/* binding */ openDump),
/* harmony export */   rG: () => (/* binding */ discardDump),
/* harmony export */   rL: () => (/* binding */ fetchDump),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zA: () => (/* binding */ shownUrl)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1983);
/* harmony import */ var _core_undici_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3547);
/* harmony import */ var _core_wait_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3210);









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
        log.info(`${what}: ${formatBytes(bytes)}${of} (${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .formatMs */ ._V)(Date.now() - started)})`);
    };
}
function hashing(hash, onBytes) {
    let bytes = 0;
    return new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            bytes += chunk.length;
            onBytes(bytes);
            callback(null, chunk);
        },
    });
}
/**
 * Finds the dump where it is (a path) or streams it to a temp file (a URL), hashing as it goes. A local
 * file is usable at once: its sha256 is read while the caller checks it (pg_restore --list reads it too).
 */
async function openDump(options) {
    if (!isUrl(options.backup)) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(options.cwd, options.backup);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path).catch(() => undefined);
        if (!info)
            throw new Error(`The dump ${path} does not exist.`);
        if (!info.isFile()) {
            throw new Error(`${path} is not a file. Give a custom-format dump (pg_dump -Fc), a tar dump (-Ft) or a .sql / .sql.gz file.`);
        }
        const sha256 = hashFile(path, info.size, options.log);
        // Awaited by the caller unless it gives up on the dump first.
        sha256.catch(() => { });
        return {
            dump: { path, source: path, name: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path), bytes: info.size, tempDir: undefined },
            sha256,
        };
    }
    const { sha256, ...dump } = await download(options);
    return { dump, sha256: Promise.resolve(sha256) };
}
/** The dump fetched and hashed whole. */
async function fetchDump(options) {
    const { dump, sha256 } = await openDump(options);
    return { ...dump, sha256: await sha256 };
}
async function hashFile(path, size, log) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    const report = progressEvery(log, `Reading ${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}`, size);
    let read = 0;
    // 4 MiB reads: about twice as fast as the default 64 KiB on a dump of hundreds of MB.
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { highWaterMark: 4 << 20 })) {
        hash.update(chunk);
        read += chunk.length;
        report(read);
    }
    return hash.digest("hex");
}
async function download(options) {
    const shown = shownUrl(options.backup);
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(new URL(options.backup).pathname) || "dump";
    const tempDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.tempRoot, "dbrestore-dump-"));
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempDir, name.replace(/[^\w.-]/g, "_"));
    const retries = options.retries ?? 3;
    try {
        for (let attempt = 0;; attempt++) {
            const outcome = await downloadOnce(options, shown, path);
            if (outcome.ok)
                return { ...outcome.dump, source: shown, name, tempDir };
            if (!outcome.retry || attempt >= retries)
                throw new Error(outcome.message);
            const delay = outcome.retryAfterMs ?? (0,_core_http_js__WEBPACK_IMPORTED_MODULE_6__/* .backoffDelay */ .EY)(attempt, 1000, 15_000);
            options.log.warn(`${outcome.message}; trying again in ${(0,_core_wait_js__WEBPACK_IMPORTED_MODULE_8__/* .formatMs */ ._V)(delay)}.`);
            await (0,_core_http_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy)(delay);
        }
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tempDir, { recursive: true, force: true });
        throw error;
    }
}
async function get(options) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    let url = new URL(options.backup);
    let headers = options.headers ?? {};
    for (let hop = 0;; hop++) {
        const response = await (0,_core_undici_js__WEBPACK_IMPORTED_MODULE_7__/* .request */ .E)(url, {
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
            retryAfterMs: (0,_core_http_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .mu)(response.headers["retry-after"]),
        };
    }
    const length = Number(response.headers["content-length"]) || undefined;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    let bytes = 0;
    const report = progressEvery(options.log, `Downloading ${shown}`, length);
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(response.body, hashing(hash, (n) => {
            bytes = n;
            report(n);
        }), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(path, { mode: 0o600 }));
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dump.tempDir, { recursive: true, force: true });
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


/***/ }),

/***/ 6423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ swapNames),
/* harmony export */   Hj: () => (/* binding */ createScratch),
/* harmony export */   Zi: () => (/* binding */ dropDatabase)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _conn_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1190);


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
    const parts = [`TEMPLATE template0 ENCODING ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(row.encoding)}`];
    parts.push(`LC_COLLATE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(text("datcollate") ?? "C")} LC_CTYPE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(text("datctype") ?? "C")}`);
    const provider = text("datlocprovider");
    const locale = text("datlocale") ?? text("daticulocale");
    if (provider === "i" && locale)
        parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(locale)}`);
    if (provider === "b" && locale)
        parts.push(`LOCALE_PROVIDER builtin BUILTIN_LOCALE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(locale)}`);
    if (row.member)
        parts.push(`OWNER ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(row.owner)}`);
    await sql.unsafe(`CREATE DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(scratch)} ${parts.join(" ")}`);
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
        await sql.unsafe(`REVOKE ALL ON DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(scratch)} FROM PUBLIC`);
        for (const grant of grants) {
            const who = grant.grantee === null ? "PUBLIC" : (0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(grant.grantee);
            const option = grant.grantable ? " WITH GRANT OPTION" : "";
            await sql.unsafe(`GRANT ${grant.privilege} ON DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(scratch)} TO ${who}${option}`);
        }
    }
    const settings = await sql `
    SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END AS role,
           unnest(s.setconfig) AS setting
    FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = ${target}`;
    for (const { role, setting } of settings) {
        const at = setting.indexOf("=");
        const assignment = `SET ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(setting.slice(0, at))} = ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(setting.slice(at + 1))}`;
        const owner = role === null ? "" : `ROLE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(role)} IN `;
        await sql.unsafe(`ALTER ${owner}DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(scratch)} ${assignment}`);
    }
}
async function dropDatabase(sql, name) {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(name)} WITH (FORCE)`);
}
async function others(sql, database) {
    const [row] = await sql `
    SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
    return Number(row?.n ?? 0);
}
/**
 * Swaps the restored database in. Steps, and what undoes or completes each after a fault:
 * 1. lock: the target refuses new connections (committed, so that ending the open ones sticks).
 *    Undone by `unlockDatabase` on a new connection, which the caller runs on every path.
 * 2. end connections (pg_terminate_backend): nothing to undo, applications reconnect.
 * 3. rename target → kept and scratch → target, and unlock kept, in ONE transaction: either the restored
 *    database has the name and nothing is locked (the scratch database never was), or nothing moved.
 * Returns how many connections were ended.
 */
async function swapNames(sql, names) {
    const { target, scratch, kept, log, deadline } = names;
    await sql.unsafe(`ALTER DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(target)} WITH ALLOW_CONNECTIONS false`);
    let ended = 0;
    const open = await others(sql, target);
    if (open > 0) {
        log.info(`Ending ${open} connection${open === 1 ? "" : "s"} to ${target} for the swap: applications reconnect to the restored database in a moment.`);
    }
    while (true) {
        const [row] = await sql `
      SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity
      WHERE datname = ${target} AND pid <> pg_backend_pid()`;
        ended += Number(row?.n ?? 0);
        const left = await others(sql, target);
        if (left === 0)
            break;
        if (Date.now() >= deadline)
            throw new Error(`${left} connections to ${target} did not end (pg_terminate_backend): nothing was swapped.`);
        await (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(100);
    }
    await sql.begin(async (tx) => {
        await tx.unsafe(`ALTER DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(target)} RENAME TO ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(kept)}`);
        await tx.unsafe(`ALTER DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(scratch)} RENAME TO ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(target)}`);
        await tx.unsafe(`ALTER DATABASE ${(0,_conn_js__WEBPACK_IMPORTED_MODULE_1__/* .ident */ .bD)(kept)} WITH ALLOW_CONNECTIONS true`);
    });
    return ended;
}


/***/ }),

/***/ 8973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fX: () => (/* binding */ toolVersion),
/* harmony export */   qI: () => (/* binding */ runTool),
/* harmony export */   v4: () => (/* binding */ ToolError)
/* harmony export */ });
/* unused harmony export toolPath */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _conn_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1190);



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
    return tools.binDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tools.binDir, tool) : tool;
}
/** Runs a pg tool with an argument array (no shell), keeping the tail of stderr for the error. */
async function runTool(tools, tool, args, options) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(toolPath(tools, tool), args, {
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
    const { stdout } = await runTool(tools, tool, ["--version"], { env: (0,_conn_js__WEBPACK_IMPORTED_MODULE_2__/* .bareEnv */ .qE)() });
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!match)
        throw new Error(`Could not read the version of ${tool} from "${stdout.trim()}".`);
    const major = Number(match[1]);
    return { major, text: `${match[1]}${match[2] ? `.${match[2]}` : ""}` };
}


/***/ }),

/***/ 6181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ VerifyError),
/* harmony export */   R9: () => (/* binding */ runVerify),
/* harmony export */   Xd: () => (/* binding */ splitStatements)
/* harmony export */ });
/** The end of the quoted part (string, identifier, dollar-quoted body or comment) that starts at `i`. */
function skipQuoted(text, i) {
    const char = text[i];
    if (char === "-" && text[i + 1] === "-") {
        const end = text.indexOf("\n", i);
        return end < 0 ? text.length : end;
    }
    if (char === "/" && text[i + 1] === "*") {
        // Block comments nest in PostgreSQL.
        let depth = 0;
        for (let j = i; j < text.length - 1; j++) {
            if (text[j] === "/" && text[j + 1] === "*") {
                depth++;
                j++;
            }
            else if (text[j] === "*" && text[j + 1] === "/" && --depth === 0)
                return j + 2;
        }
        return text.length;
    }
    if (char === "$") {
        const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i));
        // `$1` (a parameter) or a `$` inside an identifier is no quote.
        if (!tag || /[A-Za-z0-9_]/.test(text[i - 1] ?? ""))
            return i + 1;
        const end = text.indexOf(tag[0], i + tag[0].length);
        return end < 0 ? text.length : end + tag[0].length;
    }
    if (char === "'" || char === '"') {
        // E'…' strings take backslash escapes; elsewhere a doubled quote is the only escape.
        const escapes = char === "'" && /[eE]/.test(text[i - 1] ?? "") && !/[A-Za-z0-9_]/.test(text[i - 2] ?? "");
        for (let j = i + 1; j < text.length; j++) {
            if (escapes && text[j] === "\\")
                j++;
            else if (text[j] === char) {
                if (text[j + 1] === char)
                    j++;
                else
                    return j + 1;
            }
        }
        return text.length;
    }
    return i + 1;
}
/**
 * `verify-sql` as statements: split on semicolons outside strings, quoted identifiers, dollar quotes and
 * comments; text with no semicolon at all is one statement per line. Each statement is then sent alone
 * (the extended protocol refuses two), so a split in the wrong place fails instead of running more.
 */
function splitStatements(text) {
    if (!text.includes(";"))
        return text
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean);
    const statements = [];
    let start = 0;
    let i = 0;
    while (i < text.length) {
        if (text[i] === ";") {
            statements.push(text.slice(start, i));
            start = ++i;
        }
        else
            i = skipQuoted(text, i);
    }
    statements.push(text.slice(start));
    return statements
        .map((statement) => statement.trim())
        .filter((statement) => !/^(--[^\n]*\s*)*$/.test(statement));
}
// postgres.js sends an `unsafe` query with no parameters by the simple protocol (several statements at
// once) unless told `simple: false`, an option its types leave out.
const EXTENDED = { prepare: false, simple: false };
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
 * Runs each query alone in a READ ONLY transaction, through the extended protocol: one statement per
 * message, so `COMMIT; DELETE …` cannot end the read-only transaction and write. A query
 * passes when it succeeds and returns rows; a single value of 0, false or NULL fails too, so
 * `SELECT count(*) FROM users` catches an empty table.
 */
async function runVerify(sql, queries, signal) {
    const lines = [];
    for (const query of queries) {
        let rows;
        try {
            rows = await sql.begin("read only", (tx) => {
                const pending = tx.unsafe(query, [], EXTENDED);
                // The phase's timer or a cancel stops a long query on the server too.
                const cancel = () => void pending.cancel();
                signal?.addEventListener("abort", cancel, { once: true });
                return pending.finally(() => signal?.removeEventListener("abort", cancel));
            });
            signal?.throwIfAborted();
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
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

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u$: () => (/* binding */ commitStaged),
  jx: () => (/* binding */ committedPatches),
  dB: () => (/* binding */ createBackup),
  XH: () => (/* binding */ environmentVolumes),
  Cw: () => (/* binding */ listBackups),
  cx: () => (/* binding */ lockBackup),
  dH: () => (/* binding */ restoreBackup),
  cf: () => (/* binding */ restoreToPointInTime),
  GY: () => (/* binding */ stagedChanges),
  iP: () => (/* binding */ workflowStatus)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
;// CONCATENATED MODULE: ./src/platforms/railway/volume-operations.ts
/**
 * The GraphQL operations of a Railway volume restore, as constants so a test validates each one against
 * Railway's public schema (and the simulator's). Argument names and types follow
 * `railway-public-schema.graphql` (`Environment.volumeInstances`, `Query.volumeInstanceBackupList`,
 * `Mutation.volumeInstanceBackup*`, `Query.workflowStatus`, `Query.environmentStagedChanges`, …).
 */
/**
 * Volume instances are read through the environment: a volume id alone reads back as "Not Authorized".
 * The config (not decrypted: no variable values are needed) tells HA cluster roles (`clusterRole`).
 */
const ENVIRONMENT_VOLUMES_QUERY = `query EnvironmentVolumes($id: String!, $projectId: String) {
  environment(id: $id, projectId: $projectId) {
    config(decryptVariables: false)
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
/** Committed patches, newest first: the commit message of a finished restore says which backup and volume. */
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
/**
 * The parts of the environment config (an `EnvironmentConfig` JSON document) this code reads: each
 * service's HA role and parent (the CLI's `controllers/postgres_plugins.rs`); the rest is passed over.
 */
const environmentConfig = schemas/* object */.Ikc({
    services: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ clusterRole: schemas/* string */.YjP().nullish(), parentServiceId: schemas/* string */.YjP().nullish() })
        .loose()
        .nullable())
        .optional(),
})
    .loose();
const volumesData = schemas/* object */.Ikc({
    environment: schemas/* object */.Ikc({
        config: environmentConfig,
        volumeInstances: schemas/* object */.Ikc({ edges: schemas/* array */.YOg(schemas/* object */.Ikc({ node: volumeInstance })) }),
    }),
});
/** The volume instances of one environment and its config. */
async function environmentVolumes(client, projectId, environmentId) {
    const data = await client.query("EnvironmentVolumes", ENVIRONMENT_VOLUMES_QUERY, { id: environmentId, projectId }, volumesData);
    return {
        instances: data.environment.volumeInstances.edges.map((e) => e.node),
        config: data.environment.config,
    };
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


/***/ })

};
