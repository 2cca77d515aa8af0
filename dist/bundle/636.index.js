export const id = 636;
export const ids = [636];
export const modules = {

/***/ 5636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ cache_flush)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/platforms/railway/deployments.ts
var deployments = __webpack_require__(1720);
// EXTERNAL MODULE: ./src/platforms/railway/watch.ts
var watch = __webpack_require__(3263);
;// CONCATENATED MODULE: ./src/platforms/redis/client.ts
/** A Redis command or connection failed; `code` is the server's error word (WRONGPASS, NOPERM…) or the socket's. */
class RedisError extends Error {
    name = "RedisError";
    code;
    address;
    constructor(address, cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        super(`Redis at ${address}: ${message}`);
        this.address = address;
        this.code = errorCode(cause);
    }
}
function errorCode(cause) {
    const code = cause?.code;
    if (typeof code === "string")
        return code;
    // Server errors start with an upper-case word: "NOPERM this user has no permissions…".
    const word = /^([A-Z][A-Z_]+)\b/.exec(cause instanceof Error ? cause.message : "")?.[1];
    if (word && word !== "ERR")
        return word;
    if (/connection is closed|connection lost|socket closed/i.test(String(cause?.message))) {
        return "CONNECTION_LOST";
    }
    return word;
}
function clientOptions(target, host, port, options) {
    return {
        host,
        port,
        username: target.username,
        password: target.password,
        db: target.db,
        // SNI and certificate checks use the URL's host name even for cluster nodes announced by address.
        tls: target.tls ? { servername: target.host } : undefined,
        connectTimeout: options.connectTimeoutMs ?? 10_000,
        commandTimeout: options.commandTimeoutMs ?? 60_000,
        lazyConnect: true,
        // A server that goes away fails the run with the counts so far instead of reconnecting quietly,
        // and no command is queued or re-sent behind the caller's back.
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        autoResubscribe: false,
        connectionName: "production-rollback-cache-flush",
    };
}
async function client_open(target, host, port, options) {
    const ioredis = await __webpack_require__.e(/* import() */ 796).then(__webpack_require__.t.bind(__webpack_require__, 7796, 23));
    // Bundled (ncc), the CommonJS module's named exports sit under `default`.
    const Redis = ioredis.Redis ?? ioredis.default.Redis;
    const address = `${host}:${port}`;
    const client = new Redis(clientOptions(target, host, port, options));
    // ioredis reports errors as events too. Commands carry their own, but a refused AUTH only shows as an
    // event, while connect() rejects with a bare "Connection is closed": keep the event's to say why.
    let refused;
    client.on("error", (error) => {
        refused ??= error;
    });
    try {
        await client.connect();
    }
    catch (error) {
        client.disconnect();
        throw new RedisError(address, refused ?? error);
    }
    return { address, client };
}
/**
 * Connects to the URL's server. A cluster node (INFO cluster: cluster_enabled:1) leads to every primary
 * listed by CLUSTER NODES, each on its own connection, since SCAN only walks the node it is sent to.
 */
async function connect(target, options = {}) {
    const first = await client_open(target, target.host, target.port, options);
    const nodes = [first];
    const close = async () => {
        await Promise.all(nodes.map((n) => n.client.quit().catch(() => n.client.disconnect())));
    };
    try {
        const info = await first.client.info("cluster");
        if (!/cluster_enabled:1/.test(info))
            return { target, cluster: false, nodes, close };
        const primaries = parseClusterNodes(String(await first.client.cluster("NODES")));
        nodes.length = 0;
        first.client.disconnect();
        for (const p of primaries)
            nodes.push(await client_open(target, p.host || target.host, p.port, options));
        return { target, cluster: true, nodes, close };
    }
    catch (error) {
        await close();
        throw error instanceof RedisError ? error : new RedisError(first.address, error);
    }
}
/**
 * Primaries from CLUSTER NODES lines (`id ip:port@cport[,hostname] flags master …`), skipping failed
 * ones and those without an address. Format: https://redis.io/docs/latest/commands/cluster-nodes/
 */
function parseClusterNodes(text) {
    const primaries = [];
    for (const line of text.split("\n")) {
        const [, endpoint, flags] = line.trim().split(" ");
        if (!endpoint || !flags)
            continue;
        const flagSet = new Set(flags.split(","));
        if (!flagSet.has("master") || flagSet.has("fail") || flagSet.has("noaddr"))
            continue;
        const address = endpoint.split("@")[0] ?? "";
        const colon = address.lastIndexOf(":");
        primaries.push({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)) });
    }
    return primaries;
}

;// CONCATENATED MODULE: ./src/platforms/redis/flush.ts

/** Keys a SCAN step asks the server to look at: small enough that one step stays well under a millisecond. */
const SCAN_COUNT = 1000;
const SAMPLE_SIZE = 5;
const PROGRESS_EVERY_MS = 2000;
/** A scan that stopped part-way: what was matched and removed until then. */
class FlushInterrupted extends Error {
    name = "FlushInterrupted";
    counts;
    cause;
    code;
    constructor(counts, cause, where) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`${where}: ${reason}. Until then ${counts.matched} matching keys were found and ${counts.removed} removed (an UNLINK in flight may have removed more).`);
        this.counts = { ...counts };
        this.cause = cause;
        this.code = cause instanceof RedisError ? cause.code : undefined;
    }
}
async function dbsize(nodes) {
    const sizes = await Promise.all(nodes.map((n) => n.client.dbsize().catch((error) => {
        throw new RedisError(n.address, error);
    })));
    return sizes.reduce((a, b) => a + b, 0);
}
/**
 * Removes (or, in a dry run, counts) the keys matching any pattern with SCAN MATCH + UNLINK, node by
 * node, pattern by pattern. UNLINK frees memory in the background and each SCAN step is bounded, so
 * the server keeps serving: never KEYS. The UNLINK of one batch is sent before the next SCAN and both
 * are awaited together, so a round trip is not spent waiting for each.
 */
async function scanAndRemove(connection, options) {
    const counts = { matched: 0, removed: 0 };
    const samples = [];
    const total = await dbsize(connection.nodes);
    const verb = options.dryRun ? "counting" : "removing";
    options.log(`Scanning ${total} keys on ${connection.nodes.length === 1 ? connection.target.display : `${connection.nodes.length} cluster primaries`}, ${verb} those matching ${options.patterns.map((p) => JSON.stringify(p)).join(", ")}.`);
    let lastProgress = Date.now();
    const progress = (force) => {
        if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS)
            return;
        lastProgress = Date.now();
        options.log(options.dryRun
            ? `${counts.matched} matching keys found so far.`
            : `${counts.matched} matching keys seen, ${counts.removed} removed.`);
    };
    for (const node of connection.nodes) {
        // A key matching two patterns, or returned twice by SCAN, is counted once in a dry run.
        const distinct = options.dryRun ? new Set() : undefined;
        for (const pattern of options.patterns) {
            const where = `Scanning ${node.address} for ${JSON.stringify(pattern)}`;
            try {
                await scanNode(node, pattern, connection.cluster, options, (keys, removed) => {
                    for (const key of keys) {
                        if (samples.length < SAMPLE_SIZE && !samples.includes(key))
                            samples.push(key);
                        if (distinct && !distinct.has(key)) {
                            distinct.add(key);
                            counts.matched++;
                        }
                    }
                    if (!distinct)
                        counts.matched += keys.length;
                    counts.removed += removed;
                    progress(false);
                });
            }
            catch (error) {
                throw new FlushInterrupted(counts, error instanceof RedisError ? error : new RedisError(node.address, error), where);
            }
        }
    }
    progress(true);
    return { ...counts, samples, total };
}
async function scanNode(node, pattern, cluster, options, onBatch) {
    const count = options.scanCount ?? SCAN_COUNT;
    let cursor = "0";
    let unlinking = Promise.resolve(0);
    let pendingKeys = [];
    do {
        if (options.signal?.aborted)
            throw new Error("stopped (the run was cancelled)");
        const [[next, keys], removed] = await Promise.all([
            node.client.scan(cursor, "MATCH", pattern, "COUNT", count),
            unlinking,
        ]);
        onBatch(pendingKeys, removed);
        cursor = next;
        pendingKeys = keys;
        unlinking = options.dryRun || keys.length === 0 ? Promise.resolve(0) : unlink(node, keys, cluster);
    } while (cursor !== "0");
    onBatch(pendingKeys, await unlinking);
}
/**
 * One UNLINK for the batch; on a cluster node one UNLINK per key in a single pipeline, because keys
 * of one command must share a hash slot (CROSSSLOT otherwise) and a SCAN batch spans many slots.
 */
async function unlink(node, keys, cluster) {
    if (!cluster)
        return node.client.unlink(...keys);
    const pipeline = node.client.pipeline();
    for (const key of keys)
        pipeline.unlink(key);
    const results = (await pipeline.exec()) ?? [];
    let removed = 0;
    for (const [error, value] of results) {
        if (error)
            throw error;
        removed += Number(value);
    }
    return removed;
}
/**
 * FLUSHDB ASYNC on every node (each primary of a cluster): the server drops the keys in a background
 * thread. Returns DBSIZE from just before, as the number of keys removed.
 */
async function flushDatabase(connection, options) {
    let removed = 0;
    const total = await dbsize(connection.nodes);
    if (options.dryRun)
        return { matched: total, removed: 0, samples: [], total };
    for (const node of connection.nodes) {
        try {
            const size = await node.client.dbsize();
            await node.client.flushdb("ASYNC");
            removed += size;
            options.log(`FLUSHDB ASYNC on ${node.address}: ${size} keys dropped.`);
        }
        catch (error) {
            throw new FlushInterrupted({ matched: total, removed }, new RedisError(node.address, error), `Flushing ${node.address}`);
        }
    }
    return { matched: total, removed, samples: [], total };
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/apply.ts






async function applyFlush(ctx, plan) {
    if (plan.kind === "railway")
        return restart(ctx, plan);
    const started = Date.now();
    const connection = await connect(plan.request.target);
    try {
        const log = (line) => ctx.log.info(line);
        const result = plan.request.kind === "all"
            ? await flushDatabase(connection, { dryRun: false, log })
            : await scanAndRemove(connection, {
                patterns: plan.request.patterns,
                dryRun: false,
                log,
                signal: ctx.signal,
            });
        return { kind: "redis", ...result, elapsedMs: Date.now() - started };
    }
    finally {
        await connection.close();
    }
}
/**
 * deploymentRestart, then the wait for SUCCESS. Railway answers only `true`; when the answer is lost,
 * the deployment is read: a status on its way (not the SUCCESS it had) shows the restart was taken.
 */
async function restart(ctx, plan) {
    const { client } = plan.token;
    const id = plan.deployment.id;
    try {
        await client.restart(id);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || !error.ambiguous)
            throw error;
        const now = await client.deployment(id);
        if ((0,deployments/* classifyStatus */.xo)(now.status) !== "pending") {
            throw new Error(`The restart of deployment ${id} got no clear answer (${error.message}) and the deployment still reads ${now.status}: it may not have restarted. Check the service in the Railway dashboard, then run again.`);
        }
        ctx.log.info(`The restart's answer was lost, but deployment ${id} is ${now.status}: the restart was taken.`);
    }
    ctx.log.info(`Restarting ${plan.service.name} (deployment ${id}); waiting up to ${(0,wait/* formatMs */._)(plan.waitMs)} for SUCCESS.`);
    // wait: 0 returns once Railway has taken the restart, as the other actions do.
    if (plan.waitMs === 0)
        return { kind: "railway", outcome: "requested", status: undefined, elapsedMs: 0 };
    const outcome = await (0,watch/* waitForDeployment */.Kw)(client, id, {
        timeoutMs: plan.waitMs,
        log: ctx.log,
        what: `${plan.service.name} deployment ${id}`,
    });
    return { kind: "railway", ...outcome };
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/actions/cache-flush/explain.ts



/** Redis error words (and socket codes) a person can act on. */
const ADVICE = {
    WRONGPASS: "the user name or password in redis-url was refused: check the secret (an ACL user goes before the colon: rediss://USER:PASSWORD@host).",
    NOAUTH: "the server wants a password: put it in redis-url (redis://:PASSWORD@host, or USER:PASSWORD with an ACL user).",
    NOPERM: "the ACL user may not do this: it needs +scan +unlink +dbsize +info on the keys (~pattern), +flushdb for all: true, and +cluster on a cluster.",
    READONLY: "redis-url points at a replica, which cannot delete: use the primary's address.",
    LOADING: "the server is still loading its data set: wait until it is ready, then run again.",
    MISCONF: "the server refuses writes because it cannot save to disk (MISCONF): fix its disk first.",
    ECONNREFUSED: "nothing listens at that host and port: check redis-url and that the runner can reach the server.",
    ENOTFOUND: "the host name in redis-url does not resolve from the runner.",
    ETIMEDOUT: "the connection timed out: the server is not reachable from the runner (firewall, private network).",
    ECONNRESET: "the server closed the connection: for a TLS-only server use rediss://, for a plain one redis://.",
    CONNECTION_LOST: "the connection was lost: removal is safe to repeat, so run again once the server is back.",
};
function explainFlush(error, _phase, plan) {
    const message = (0,secrets/* errorMessage */.gJ)(error);
    const code = error instanceof FlushInterrupted || error instanceof RedisError ? error.code : undefined;
    if (/certificate|self[- ]signed|unable to verify/i.test(message)) {
        return `${message}. The server's TLS certificate was not trusted: give the runner its CA (NODE_EXTRA_CA_CERTS=/path/ca.pem in the step's env).`;
    }
    if (/unknown command/i.test(message)) {
        return `${message}. The server does not offer this command (managed services rename or disable some, e.g. FLUSHDB): use pattern instead of all, or ask the provider.`;
    }
    const advice = code ? ADVICE[code] : undefined;
    const where = plan && plan.kind !== "railway" ? ` (${plan.display})` : "";
    return advice ? `${message}${where}\nWhat to do: ${advice}` : message;
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var client = __webpack_require__(3393);
;// CONCATENATED MODULE: ./src/platforms/redis/url.ts
/**
 * Parses a Redis URL, throwing an Error whose message never contains the URL (it is a secret: it
 * may hold a password). The database is the path (`/2`), 0 when absent, as redis-cli's `-u` reads it.
 */
function parseRedisUrl(raw) {
    const url = URL.parse(raw.trim());
    if (!url)
        throw new Error("is not a URL (its value is a secret, so it is not shown).");
    if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
        throw new Error(`uses ${url.protocol.replace(/:$/, "")}://; only redis:// and rediss:// (TLS) are supported.`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!host)
        throw new Error("has no host name.");
    const path = url.pathname.replace(/^\/+/, "");
    if (path !== "" && !/^\d{1,5}$/.test(path)) {
        throw new Error("has a path that is not a database number (the part after the host must be like /0).");
    }
    const db = Number(path || "0");
    const port = Number(url.port || "6379");
    const tls = url.protocol === "rediss:";
    return {
        host,
        port,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        db,
        tls,
        display: `${tls ? "rediss" : "redis"}://${url.host}/${db}`,
    };
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/inputs.ts



const cacheFlushInputs = {
    "redis-url": inputs/* input */.hF.secret({ example: "${{ secrets.REDIS_URL }}" }),
    pattern: inputs/* input */.hF.list({ example: '"page:*, fragment:*"' }),
    all: inputs/* input */.hF.boolean(false),
    confirm: inputs/* input */.hF.optional(),
    "railway-token": inputs/* input */.hF.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "railway-token-type": inputs/* input */.hF.choice(["auto", "project", "account"], "auto"),
    "railway-project": inputs/* input */.hF.optional(),
    "railway-environment": inputs/* input */.hF.text({ default: "production", example: '"production"' }),
    "railway-service": inputs/* input */.hF.optional(),
    "railway-api-url": inputs/* input */.hF.url({ default: client/* DEFAULT_API_URL */.rK, example: `"${client/* DEFAULT_API_URL */.rK}"` }),
    wait: inputs/* input */.hF.duration("5m"),
};
/** The checks across inputs, before any connection: every problem in one error. */
function readRequest(settings) {
    const problems = [];
    const url = settings["redis-url"];
    const service = settings["railway-service"];
    const patterns = [...new Set(settings.pattern)];
    if (url && service) {
        problems.push((0,inputs/* inputError */.Xu)("railway-service", "is set together with redis-url: use one way to clear the cache.", '"redis" (and no redis-url)'));
    }
    if (!url && !service) {
        problems.push((0,inputs/* inputError */.Xu)("redis-url", "is required (or railway-service, to restart a Redis service on Railway instead).", "${{ secrets.REDIS_URL }}"));
    }
    if (service) {
        if (!settings["railway-token"])
            problems.push((0,inputs/* inputError */.Xu)("railway-token", "is required with railway-service.", "${{ secrets.RAILWAY_TOKEN }}"));
        if (patterns.length || settings.all) {
            problems.push((0,inputs/* inputError */.Xu)(patterns.length ? "pattern" : "all", "does not apply to railway-service: a restart clears what the server does not persist, not chosen keys."));
        }
    }
    let target;
    if (url) {
        try {
            target = parseRedisUrl(url);
        }
        catch (error) {
            problems.push((0,inputs/* inputError */.Xu)("redis-url", error.message, "rediss://default:PASSWORD@redis.example.com:6380/0"));
        }
        if (settings.all && patterns.length)
            problems.push((0,inputs/* inputError */.Xu)("pattern", "is set together with all: true: flush either the keys matching pattern or the whole database.", '"page:*" (and all: false)'));
        if (!settings.all && patterns.length === 0)
            problems.push((0,inputs/* inputError */.Xu)("pattern", "is required: the keys to remove (or all: true to flush the whole database, with confirm).", '"page:*, fragment:*"'));
        // "*" (or "**") alone is every key: that is `all`, which a person confirms.
        if (patterns.some((p) => /^\*+$/.test(p)))
            problems.push((0,inputs/* inputError */.Xu)("pattern", `is "*", which removes every key: use all: true with confirm set to the database number instead.`, "all: true, confirm: 0"));
        if (target && settings.all)
            checkConfirm(settings, String(target.db), problems);
    }
    if (problems.length)
        throw new inputs/* InputError */.dz(problems.map((p) => p.message).join("\n"));
    if (service)
        return { kind: "railway", token: settings["railway-token"], service };
    const redis = target;
    return settings.all ? { kind: "all", target: redis } : { kind: "pattern", target: redis, patterns };
}
/** `all` flushes a whole database: `confirm` repeats its number. A dry run needs none, but a wrong one is refused. */
function checkConfirm(settings, db, problems) {
    const { confirm } = settings;
    if (confirm === undefined && settings["dry-run"])
        return;
    if (confirm === undefined) {
        problems.push((0,inputs/* inputError */.Xu)("confirm", `is required with all: true: type the number of the database that will be emptied, ${db} (from redis-url), to confirm.`, `"${db}"`));
    }
    else if (confirm !== db) {
        problems.push((0,inputs/* inputError */.Xu)("confirm", `is "${confirm}", but redis-url points at database ${db}: nothing is flushed when they differ.`, `"${db}"`));
    }
}

// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
;// CONCATENATED MODULE: ./src/actions/cache-flush/plan.ts





/**
 * Connects and reads: the server (or every cluster primary) and its size; a dry run also counts and
 * samples the keys that would go. The connection is closed again: apply opens its own.
 */
async function planFlush(ctx) {
    const request = readRequest(ctx.settings);
    if (request.kind === "railway")
        return planRailway(ctx, request);
    const dryRun = ctx.settings["dry-run"];
    const connection = await connect(request.target);
    try {
        const log = (line) => ctx.log.info(line);
        const preview = !dryRun
            ? undefined
            : request.kind === "all"
                ? await flushDatabase(connection, { dryRun, log })
                : await scanAndRemove(connection, { patterns: request.patterns, dryRun, log, signal: ctx.signal });
        const total = preview?.total ??
            (await Promise.all(connection.nodes.map((n) => n.client.dbsize()))).reduce((a, b) => a + b, 0);
        ctx.log.info(`${request.target.display}: ${total} keys${connection.cluster ? ` on ${connection.nodes.length} cluster primaries` : ""}.`);
        return {
            kind: request.kind,
            request,
            display: request.target.display,
            db: request.target.db,
            cluster: connection.cluster,
            nodes: connection.nodes.map((n) => n.address),
            total,
            preview,
        };
    }
    finally {
        await connection.close();
    }
}
async function planRailway(ctx, request) {
    const { settings } = ctx;
    const token = await (0,client/* connect */.Ng)({
        token: request.token,
        tokenType: settings["railway-token-type"],
        apiUrl: settings["railway-api-url"],
        logger: ctx.log,
    });
    const project = await (0,resolve/* resolveProject */.KI)(token, settings["railway-project"]);
    const environment = (0,resolve/* resolveEnvironment */.g9)(project, token, settings["railway-environment"]);
    const [service] = (0,resolve/* resolveServices */.bs)(project, [request.service]);
    const state = await token.client.serviceDeployments(project.id, environment.id, service.id, 1);
    const active = state.active[0];
    if (!active) {
        throw new Error(`Railway service "${service.name}" in ${environment.name} has no active deployment to restart: start it from the dashboard, or pass redis-url to remove keys instead.`);
    }
    return {
        kind: "railway",
        token,
        project: { id: project.id, name: project.name },
        environment,
        service,
        deployment: { id: active.id, status: active.status },
        waitMs: settings.wait,
    };
}
function patternsText(patterns) {
    return patterns.map((p) => `\`${p}\``).join(", ");
}
function describeFlush(plan, summary) {
    if (plan.kind === "railway") {
        summary.text(`Restart Railway service **${plan.service.name}** (${plan.project.name} / ${plan.environment.name}): active deployment \`${plan.deployment.id}\` (${plan.deployment.status}), then wait for SUCCESS.`);
        return;
    }
    const where = `\`${plan.display}\`${plan.cluster ? ` (cluster: ${plan.nodes.length} primaries)` : ""}, ${plan.total} keys`;
    summary.text(plan.kind === "all"
        ? `FLUSHDB ASYNC on ${where}.`
        : `Remove the keys matching ${patternsText(plan.request.kind === "pattern" ? plan.request.patterns : [])} from ${where} (SCAN + UNLINK).`);
    if (plan.preview) {
        summary.text(`Would remove **${plan.preview.matched}** keys.`);
        if (plan.preview.samples.length)
            summary.list(plan.preview.samples.map((k) => `\`${k}\``));
    }
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/report.ts

function planOutputs(plan) {
    return plan.kind === "railway" ? {} : { "keys-removed": 0, "keys-matched": plan.preview?.matched };
}
function reportFlush(ctx, plan, result) {
    if (plan.kind === "railway" || result.kind === "railway")
        return reportRestart(plan, result);
    const what = plan.kind === "all" ? "FLUSHDB ASYNC" : "SCAN + UNLINK";
    ctx.log.info(`${result.removed} keys removed from ${plan.display} in ${(0,wait/* formatMs */._)(result.elapsedMs)} (${what}).`);
    return {
        status: "flushed",
        headline: "✅ flushed",
        outputs: { "keys-removed": result.removed, "keys-matched": result.matched },
        summary: (summary) => {
            summary.text(`**${result.removed}** keys removed from \`${plan.display}\` in ${(0,wait/* formatMs */._)(result.elapsedMs)} (${what}).`);
            summary.table(["", ""], [
                ["Keys before", result.total],
                ["Matching keys seen", result.matched],
                ["Removed", result.removed],
                ["Servers", plan.cluster ? `${plan.nodes.length} cluster primaries` : plan.nodes[0]],
            ]);
            if (result.samples.length)
                summary.details("Some of the keys removed", result.samples.map((k) => `- \`${k}\``).join("\n"));
        },
    };
}
function reportRestart(plan, result) {
    if (plan.kind !== "railway" || result.kind !== "railway")
        throw new Error("a Railway plan reports a Railway result");
    const name = `Railway service ${plan.service.name}`;
    const caveat = "A restart clears only what the Redis server does not keep on disk: with RDB/AOF persistence on a volume, the keys come back.";
    const summary = (text) => (s) => {
        s.text(text);
        s.text(caveat);
    };
    if (result.outcome === "success") {
        return {
            status: "restarted",
            headline: "✅ restarted",
            summary: summary(`${name} restarted: deployment \`${plan.deployment.id}\` is SUCCESS again after ${(0,wait/* formatMs */._)(result.elapsedMs)}.`),
        };
    }
    if (result.outcome === "requested") {
        return {
            status: "requested",
            headline: "⏳ requested",
            summary: summary(`${name}: restart of deployment \`${plan.deployment.id}\` requested (wait: 0, so not waited for).`),
        };
    }
    const failure = result.outcome === "timeout"
        ? `${name}: deployment ${plan.deployment.id} was restarted but did not reach SUCCESS within ${(0,wait/* formatMs */._)(plan.waitMs)} (last status ${result.status ?? "unknown"}). Look at its logs in the Railway dashboard; raise wait if Redis takes longer to start.`
        : `${name}: deployment ${plan.deployment.id} ended ${result.status} after the restart. Look at its logs in the Railway dashboard (a full volume or a bad config stops Redis from starting).`;
    return { status: "failed", headline: "❌ failed", failure, summary: summary(failure) };
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/index.ts






/** Clears what a bad deploy cached: matching keys with SCAN + UNLINK, a whole database, or a Redis service restart on Railway. */
/* harmony default export */ const cache_flush = ((0,action/* defineAction */.QP)({
    name: "cache-flush",
    title: "Cache flush",
    inputs: cacheFlushInputs,
    plan: planFlush,
    describe: describeFlush,
    planOutputs: planOutputs,
    apply: applyFlush,
    report: reportFlush,
    explain: explainFlush,
}));


/***/ })

};
