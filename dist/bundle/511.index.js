export const id = 511;
export const ids = [511];
export const modules = {

/***/ 6511:
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
// EXTERNAL MODULE: ./src/platforms/redis/client.ts
var client = __webpack_require__(125);
;// CONCATENATED MODULE: ./src/platforms/redis/flush.ts

/** Keys a SCAN step asks the server to look at: small enough that one step stays well under a millisecond. */
const SCAN_COUNT = 1000;
const SAMPLE_SIZE = 5;
const PROGRESS_EVERY_MS = 2000;
/** A scan or flush that stopped part-way: what was matched and removed until then, by the server's answers. */
class FlushInterrupted extends Error {
    name = "FlushInterrupted";
    counts;
    cause;
    code;
    /** The server the last command went to. */
    address;
    /** Keys of an UNLINK sent but not answered: they may or may not be gone (a read-back settles it). */
    unanswered;
    /** A FLUSHDB sent but not answered: the node's DBSIZE just before it. */
    flushUnanswered;
    cancelled;
    constructor(counts, cause, where, detail) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(`${where}: ${reason}`);
        this.counts = { ...counts };
        this.cause = cause;
        this.code = cause instanceof client/* RedisError */.eR ? cause.code : undefined;
        this.address = detail.address;
        this.unanswered = detail.unanswered ?? [];
        this.flushUnanswered = detail.flushUnanswered;
        this.cancelled = detail.cancelled ?? false;
    }
}
/** A key as a person reads it: UTF-8 when it is, otherwise `\xNN` for each byte outside printable ASCII. */
const utf8 = new TextDecoder("utf-8", { fatal: true });
function showKey(key) {
    try {
        return utf8.decode(key);
    }
    catch {
        const printable = (b) => b >= 0x20 && b < 0x7f && b !== 0x5c;
        return [...key]
            .map((b) => (printable(b) ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`))
            .join("");
    }
}
async function dbsize(nodes) {
    const sizes = await Promise.all(nodes.map((n) => n.client.dbsize().catch((error) => {
        throw new client/* RedisError */.eR(n.address, error);
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
        // A key matching two patterns, or returned twice by SCAN, is counted once in a dry run (by its bytes).
        const distinct = options.dryRun ? new Set() : undefined;
        for (const pattern of options.patterns) {
            const onBatch = (keys, removed) => {
                for (const key of keys) {
                    if (samples.length >= SAMPLE_SIZE)
                        break;
                    const shown = showKey(key);
                    if (!samples.includes(shown))
                        samples.push(shown);
                }
                if (distinct) {
                    for (const key of keys) {
                        const id = key.toString("latin1");
                        if (!distinct.has(id)) {
                            distinct.add(id);
                            counts.matched++;
                        }
                    }
                }
                else
                    counts.matched += keys.length;
                counts.removed += removed;
                progress(false);
            };
            await scanNode(node, pattern, connection.cluster, options, onBatch, counts);
        }
    }
    progress(true);
    return { ...counts, samples, total };
}
/**
 * One pattern on one node, keys as bytes (SCAN and UNLINK on Buffers: a key need not be UTF-8). The
 * UNLINK of a batch runs while the next SCAN step is asked for; on a failure the UNLINK in flight is
 * let finish (or fail) first, so its keys are either counted or handed on as unanswered.
 */
async function scanNode(node, pattern, cluster, options, onBatch, counts) {
    const count = options.scanCount ?? SCAN_COUNT;
    let cursor = "0";
    let batch = { keys: [], answer: Promise.resolve(0), removed: 0 };
    try {
        do {
            if (options.signal?.aborted)
                throw new Cancelled();
            const [[next, keys], removed] = await Promise.all([
                node.client.scanBuffer(cursor, "MATCH", pattern, "COUNT", count),
                batch.answer,
            ]);
            onBatch(batch.keys, removed);
            cursor = String(next);
            batch = send(node, keys, cluster, options.dryRun);
        } while (cursor !== "0");
        onBatch(batch.keys, await batch.answer);
    }
    catch (error) {
        await batch.answer.catch(() => undefined);
        const answered = batch.removed !== undefined;
        if (answered)
            onBatch(batch.keys, batch.removed ?? 0);
        const cancelled = error instanceof Cancelled;
        throw new FlushInterrupted(counts, cancelled || error instanceof client/* RedisError */.eR ? error : new client/* RedisError */.eR(node.address, error), `Scanning ${node.address} for ${JSON.stringify(pattern)}`, { address: node.address, unanswered: answered ? [] : batch.keys, cancelled });
    }
}
function send(node, keys, cluster, dryRun) {
    if (dryRun || keys.length === 0)
        return { keys, answer: Promise.resolve(0), removed: 0 };
    const batch = { keys, answer: Promise.resolve(0) };
    batch.answer = unlink(node, keys, cluster).then((n) => {
        batch.removed = n;
        return n;
    });
    return batch;
}
class Cancelled extends Error {
    constructor() {
        super("stopped (the run was cancelled)");
    }
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
        let sent;
        try {
            // A cluster's primaries are flushed one by one: a cancel stops before the next.
            if (options.signal?.aborted)
                throw new Cancelled();
            const size = await node.client.dbsize();
            sent = size;
            await node.client.flushdb("ASYNC");
            removed += size;
            options.log(`FLUSHDB ASYNC on ${node.address}: ${size} keys dropped.`);
        }
        catch (error) {
            const cancelled = error instanceof Cancelled;
            throw new FlushInterrupted({ matched: total, removed }, cancelled ? error : new client/* RedisError */.eR(node.address, error), `Flushing ${node.address}`, { address: node.address, flushUnanswered: sent, cancelled });
        }
    }
    return { matched: total, removed, samples: [], total };
}

;// CONCATENATED MODULE: ./src/platforms/redis/readback.ts


async function reconnect(target, windowMs) {
    const deadline = Date.now() + windowMs;
    for (;;) {
        const left = deadline - Date.now();
        try {
            return await (0,client/* connect */.Ng)(target, { connectTimeoutMs: Math.max(250, Math.min(left, 2000)) });
        }
        catch (error) {
            if (Date.now() + 250 >= deadline)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    }
}
/**
 * Reads back what a stopped flush left: an unanswered UNLINK's keys are looked up (EXISTS, one per key in
 * a pipeline, so cluster slots do not matter), an unanswered FLUSHDB's node is sized, and the keys still
 * matching are counted with SCAN. Throws when the server cannot be reached within `windowMs`.
 */
async function readBack(target, stopped, options) {
    const connection = await reconnect(target, options.windowMs);
    try {
        let removed = stopped.counts.removed;
        const node = connection.nodes.find((n) => n.address === stopped.address) ?? connection.nodes[0];
        if (node && stopped.unanswered.length) {
            const pipeline = node.client.pipeline();
            for (const key of stopped.unanswered)
                pipeline.exists(key);
            const answers = (await pipeline.exec()) ?? [];
            let there = 0;
            for (const [error, value] of answers) {
                if (error)
                    throw error;
                there += Number(value);
            }
            removed += stopped.unanswered.length - there;
        }
        if (node && stopped.flushUnanswered !== undefined && (await node.client.dbsize()) === 0) {
            removed += stopped.flushUnanswered;
        }
        const deadline = Date.now() + (options.countMs ?? 5000);
        let remaining = 0;
        let exact = true;
        for (const n of connection.nodes) {
            if (!options.patterns) {
                remaining += await n.client.dbsize();
                continue;
            }
            const seen = new Set();
            for (const pattern of options.patterns) {
                let cursor = "0";
                do {
                    if (Date.now() > deadline)
                        exact = false;
                    if (!exact)
                        break;
                    const [next, keys] = await n.client.scanBuffer(cursor, "MATCH", pattern, "COUNT", SCAN_COUNT);
                    for (const key of keys)
                        seen.add(key.toString("latin1"));
                    cursor = String(next);
                } while (cursor !== "0");
            }
            remaining += seen.size;
        }
        return { removed, remaining, exact };
    }
    finally {
        await connection.close();
    }
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/apply.ts







/** How long a read-back after a failure keeps trying to reach the server again, at most. */
const READ_BACK_MS = 5000;
async function applyFlush(ctx, plan) {
    if (plan.kind === "railway") {
        try {
            return await restart(ctx, plan);
        }
        catch (error) {
            // The restart may have been taken or not: the thrown message says which was seen.
            ctx.tk.setOutput("changed", "unknown");
            throw error;
        }
    }
    const started = Date.now();
    let connection;
    try {
        connection = await (0,client/* connect */.Ng)(plan.request.target);
    }
    catch (error) {
        // connect only reads (INFO, SELECT, CLIENT INFO): no key was touched.
        return { kind: "redis-stopped", error, stopped: undefined, readBack: undefined, unread: undefined };
    }
    const log = (line) => ctx.log.info(line);
    try {
        const result = plan.request.kind === "all"
            ? await flushDatabase(connection, { dryRun: false, log, signal: ctx.signal })
            : await scanAndRemove(connection, {
                patterns: plan.request.patterns,
                dryRun: false,
                log,
                signal: ctx.signal,
            });
        return { kind: "redis", ...result, elapsedMs: Date.now() - started };
    }
    catch (error) {
        // Only the first reads (DBSIZE) fail otherwise, before any removal is sent.
        if (!(error instanceof FlushInterrupted))
            return { kind: "redis-stopped", error, stopped: undefined, readBack: undefined, unread: undefined };
        log(`${error.message}. Reading the database back on a new connection…`);
        const patterns = plan.request.kind === "pattern" ? plan.request.patterns : undefined;
        const windowMs = Math.min(plan.waitMs, READ_BACK_MS);
        return readBack(plan.request.target, error, { patterns, windowMs }).then((read) => ({ kind: "redis-stopped", error, stopped: error, readBack: read, unread: undefined }), (unread) => ({ kind: "redis-stopped", error, stopped: error, readBack: undefined, unread }));
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
    ctx.log.info(`Restarting ${plan.service.name} (deployment ${id}); waiting up to ${(0,wait/* formatMs */._V)(plan.waitMs)} for SUCCESS.`);
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
    if (error instanceof client/* NoSuchDatabase */.uC) {
        return `Input "redis-url" names database ${error.db}, which the server at ${error.address} does not have (${(0,secrets/* errorMessage */.gJ)(error)}). No key was read. Use a database the server has (a managed Redis often has only 0; a cluster only 0).`;
    }
    const message = (0,secrets/* errorMessage */.gJ)(error);
    const code = error instanceof FlushInterrupted || error instanceof client/* RedisError */.eR ? error.code : undefined;
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
var railway_client = __webpack_require__(3393);
;// CONCATENATED MODULE: ./src/platforms/redis/glob.ts
/**
 * What a SCAN MATCH pattern matches, read the way Redis's `stringmatchlen` (util.c) reads it, on the
 * pattern's bytes: `*` any run of bytes, `?` one byte, `[...]` one byte of a class (`^` negates, `a-z`
 * ranges, `\` escapes), `\x` the byte x, anything else itself.
 */
function tokens(pattern) {
    const out = [];
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === 0x2a) {
            out.push({ kind: "star" });
            i++;
        }
        else if (c === 0x3f) {
            out.push({ kind: "one", accepts: () => true });
            i++;
        }
        else if (c === 0x5b) {
            const [accepts, end] = bracket(pattern, i + 1);
            out.push({ kind: "one", accepts });
            i = end;
        }
        else {
            // A trailing lone backslash matches a backslash, as in util.c.
            const literal = c === 0x5c && i + 1 < pattern.length ? pattern[++i] : c;
            out.push({ kind: "one", accepts: (b) => b === literal });
            i++;
        }
    }
    return out;
}
/** A `[...]` class starting after `[`: its test and where the pattern goes on. Unclosed, it ends with the pattern. */
function bracket(pattern, start) {
    let i = start;
    const negate = pattern[i] === 0x5e;
    if (negate)
        i++;
    const ranges = [];
    while (i < pattern.length && pattern[i] !== 0x5d) {
        if (pattern[i] === 0x5c && i + 1 < pattern.length) {
            const b = pattern[i + 1];
            ranges.push([b, b]);
            i += 2;
        }
        else if (i + 2 < pattern.length && pattern[i + 1] === 0x2d) {
            const a = pattern[i];
            const z = pattern[i + 2];
            ranges.push(a <= z ? [a, z] : [z, a]);
            i += 3;
        }
        else {
            const b = pattern[i];
            ranges.push([b, b]);
            i++;
        }
    }
    const inClass = (b) => ranges.some(([a, z]) => a <= b && b <= z);
    return [(b) => inClass(b) !== negate, Math.min(i + 1, pattern.length)];
}
/**
 * True when the pattern matches every key of at least some length: it has a `*`, and each of its other
 * parts accepts every byte (`?`, `[^]`, `[\x00-\xff]`…). That is exact: a part that refuses a byte b
 * refuses every key made only of b, so any other pattern leaves some key alone. `?*` spares only the
 * empty key, `??*` keys of one byte: removing all but those is still removing everything.
 */
function matchesEverything(pattern) {
    const parts = tokens(Buffer.from(pattern, "utf8"));
    const allBytes = (t) => t.kind === "star" || Array.from({ length: 256 }, (_, b) => b).every(t.accepts);
    return parts.some((t) => t.kind === "star") && parts.every(allBytes);
}

// EXTERNAL MODULE: ./src/platforms/redis/url.ts
var redis_url = __webpack_require__(5437);
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
    "railway-api-url": inputs/* input */.hF.url({ default: railway_client/* DEFAULT_API_URL */.rK, example: `"${railway_client/* DEFAULT_API_URL */.rK}"` }),
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
            target = (0,redis_url/* parseRedisUrl */.C)(url);
        }
        catch (error) {
            problems.push((0,inputs/* inputError */.Xu)("redis-url", error.message, "rediss://default:PASSWORD@redis.example.com:6380/0"));
        }
        if (settings.all && patterns.length)
            problems.push((0,inputs/* inputError */.Xu)("pattern", "is set together with all: true: flush either the keys matching pattern or the whole database.", '"page:*" (and all: false)'));
        if (!settings.all && patterns.length === 0)
            problems.push((0,inputs/* inputError */.Xu)("pattern", "is required: the keys to remove (or all: true to flush the whole database, with confirm).", '"page:*, fragment:*"'));
        // A pattern that matches every key ("*", "?*", "[^]*"…) is `all`, which a person confirms.
        const everything = patterns.find(matchesEverything);
        if (everything !== undefined)
            problems.push((0,inputs/* inputError */.Xu)("pattern", `is ${JSON.stringify(everything)}, which matches every key: use all: true with confirm set to the database number instead.`, `all: true, confirm: ${target?.db ?? 0}`));
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
    const connection = await (0,client/* connect */.Ng)(request.target);
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
            waitMs: ctx.settings.wait,
        };
    }
    finally {
        await connection.close();
    }
}
async function planRailway(ctx, request) {
    const { settings } = ctx;
    const token = await (0,railway_client/* connect */.Ng)({
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

;// CONCATENATED MODULE: ./src/actions/cache-flush/stopped.ts


/** A shell command that shows what a person would check: the URL stays in a variable, never in the text. */
function checkCommand(plan) {
    if (plan.request.kind === "all")
        return `redis-cli -u "$REDIS_URL" DBSIZE`;
    const pattern = plan.request.patterns[0] ?? "";
    return `redis-cli -u "$REDIS_URL" --scan --pattern '${pattern.replace(/'/g, "'\\''")}' | wc -l`;
}
/**
 * A flush that stopped: what the database holds now, from the read-back on a new connection, and
 * `changed` from it. Without a read-back, only what the server answered is claimed.
 */
function reportStopped(plan, result) {
    const { stopped, readBack } = result;
    const cancelled = stopped?.cancelled === true;
    const phase = "apply";
    const cause = explainFlush(stopped?.cause ?? result.error, phase, plan);
    const where = `\`${plan.display}\``;
    const matching = plan.request.kind === "all" ? "keys" : "matching keys";
    let state;
    let changed;
    let removed;
    if (!stopped) {
        changed = "false";
        removed = 0;
        state = `No key was removed: the failure came before any removal was sent. Run again once ${plan.display} is reachable.`;
    }
    else if (readBack) {
        removed = readBack.removed;
        changed = removed > 0 ? "true" : "false";
        const left = `${readBack.exact ? "" : "at least "}${readBack.remaining}`;
        const next = readBack.remaining === 0 && readBack.exact
            ? "None is left: a rerun has nothing to remove."
            : plan.request.kind === "all"
                ? `Run again (with the same confirm) to flush it; check with: ${checkCommand(plan)}`
                : `Run again to remove the rest (removal is safe to repeat); check with: ${checkCommand(plan)}`;
        state = `Read back on a new connection: ${removed} keys removed by this run, ${left} ${matching} remain in ${plan.display}${removed === 0 ? ", as before" : ""}. ${next}`;
    }
    else {
        removed = stopped.counts.removed;
        const unsure = stopped.unanswered.length > 0 || stopped.flushUnanswered !== undefined;
        changed = removed > 0 ? "true" : unsure ? "unknown" : "false";
        const lost = stopped.unanswered.length
            ? `, and an UNLINK of ${stopped.unanswered.length} keys got no answer (they may be gone)`
            : stopped.flushUnanswered !== undefined
                ? `, and a FLUSHDB of ${stopped.address} got no answer (it may be empty)`
                : "";
        state = `The database could not be read back (${(0,secrets/* errorMessage */.gJ)(result.unread)}): the server answered that ${removed} keys were removed${lost}. Check with: ${checkCommand(plan)}, then run again.`;
    }
    const failure = `${cancelled ? "Cancelled: " : ""}${cause}\n${state}`;
    return {
        status: "failed",
        headline: cancelled ? "⏹️ cancelled" : "❌ failed",
        failure,
        outputs: {
            changed,
            "keys-removed": removed,
            // Keys SCAN found, those of the unanswered UNLINK included.
            "keys-matched": stopped ? stopped.counts.matched + stopped.unanswered.length : 0,
        },
        summary: (summary) => {
            summary.text(`**${cancelled ? "Cancelled" : "Failed"}** on ${where} (changed: ${changed}).`);
            summary.text(state);
        },
    };
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/report.ts


function planOutputs(plan) {
    return plan.kind === "railway"
        ? { changed: false }
        : { changed: false, "keys-removed": 0, "keys-matched": plan.preview?.matched };
}
function reportFlush(ctx, plan, result) {
    if (plan.kind === "railway" || result.kind === "railway")
        return reportRestart(plan, result);
    if (result.kind === "redis-stopped")
        return reportStopped(plan, result);
    const what = plan.kind === "all" ? "FLUSHDB ASYNC" : "SCAN + UNLINK";
    ctx.log.info(`${result.removed} keys removed from ${plan.display} in ${(0,wait/* formatMs */._V)(result.elapsedMs)} (${what}).`);
    return {
        status: "flushed",
        headline: "✅ flushed",
        outputs: { changed: result.removed > 0, "keys-removed": result.removed, "keys-matched": result.matched },
        summary: (summary) => {
            summary.text(`**${result.removed}** keys removed from \`${plan.display}\` in ${(0,wait/* formatMs */._V)(result.elapsedMs)} (${what}).`);
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
            outputs: { changed: true },
            summary: summary(`${name} restarted: deployment \`${plan.deployment.id}\` is SUCCESS again after ${(0,wait/* formatMs */._V)(result.elapsedMs)}.`),
        };
    }
    if (result.outcome === "requested") {
        return {
            status: "requested",
            headline: "⏳ requested",
            // Railway took the restart (its answer, or the deployment read after a lost one).
            outputs: { changed: true },
            summary: summary(`${name}: restart of deployment \`${plan.deployment.id}\` requested (wait: 0, so not waited for).`),
        };
    }
    const failure = result.outcome === "timeout"
        ? `${name}: deployment ${plan.deployment.id} was restarted but did not reach SUCCESS within ${(0,wait/* formatMs */._V)(plan.waitMs)} (last status ${result.status ?? "unknown"}). Look at its logs in the Railway dashboard; raise wait if Redis takes longer to start.`
        : `${name}: deployment ${plan.deployment.id} ended ${result.status} after the restart. Look at its logs in the Railway dashboard (a full volume or a bad config stops Redis from starting).`;
    // Either way the deployment was restarted (read back by the wait): what was only in memory is gone.
    return {
        status: "failed",
        headline: "❌ failed",
        failure,
        outputs: { changed: true },
        summary: summary(failure),
    };
}

;// CONCATENATED MODULE: ./src/actions/cache-flush/index.ts






/** Clears what a bad deploy cached: matching keys with SCAN + UNLINK, a whole database, or a Redis service restart on Railway. */
/* harmony default export */ const cache_flush = ((0,action/* defineAction */.QP)({
    name: "cache-flush",
    title: "Cache flush",
    inputs: cacheFlushInputs,
    reportsChanged: true,
    plan: planFlush,
    describe: describeFlush,
    planOutputs: planOutputs,
    apply: applyFlush,
    report: reportFlush,
    explain: explainFlush,
}));


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


/***/ }),

/***/ 125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   eR: () => (/* binding */ RedisError),
/* harmony export */   uC: () => (/* binding */ NoSuchDatabase)
/* harmony export */ });
/* unused harmony export parseClusterNodes */
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
        // Database 0, where every connection starts; `open` selects the URL's and checks it (ioredis's own
        // SELECT on connect only emits its failure as an event and stays on database 0).
        db: 0,
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
async function open(target, host, port, options) {
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
    try {
        await selectDatabase(client, target.db);
    }
    catch (error) {
        client.disconnect();
        throw error instanceof NoSuchDatabase ? error : new RedisError(address, error);
    }
    return { address, client };
}
/** The URL's database could not be selected: nothing may be read or removed on this connection. */
class NoSuchDatabase extends RedisError {
    name = "NoSuchDatabase";
    db;
    constructor(address, db, cause) {
        super(address, cause);
        this.db = db;
    }
}
/**
 * SELECT, awaited, then CLIENT INFO's `db=` read back (Redis 6.2+; an older server's OK to SELECT is
 * the proof then). A server without that database (16 of 0-15, a managed Redis with one, a cluster)
 * answers an error, which ends the connection before any key is touched.
 */
async function selectDatabase(client, db) {
    const address = `${client.options.host}:${client.options.port}`;
    if (db !== 0) {
        try {
            await client.select(db);
        }
        catch (error) {
            throw new NoSuchDatabase(address, db, error);
        }
    }
    const info = await client.client("INFO").then(String, () => undefined);
    const selected = info === undefined ? undefined : /(?:^| )db=(\d+)/.exec(info)?.[1];
    if (selected !== undefined && Number(selected) !== db) {
        throw new NoSuchDatabase(address, db, new Error(`the connection is on database ${selected}`));
    }
}
/**
 * Connects to the URL's server. A cluster node (INFO cluster: cluster_enabled:1) leads to every primary
 * listed by CLUSTER NODES, each on its own connection, since SCAN only walks the node it is sent to.
 */
async function connect(target, options = {}) {
    const first = await open(target, target.host, target.port, options);
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
            nodes.push(await open(target, p.host || target.host, p.port, options));
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


/***/ }),

/***/ 5437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ parseRedisUrl)
/* harmony export */ });
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


/***/ })

};
