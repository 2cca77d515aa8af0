export const id = 978;
export const ids = [978];
export const modules = {

/***/ 9978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ readiness)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/platforms/atlas/backup.ts
var backup = __webpack_require__(8988);
// EXTERNAL MODULE: ./src/platforms/atlas/client.ts
var atlas_client = __webpack_require__(417);
;// CONCATENATED MODULE: ./src/actions/readiness/check.ts
/** What readiness checks: the rollback's targets, and the workflow that runs them. */
const TARGETS = [
    "railway",
    "vercel",
    "git-revert",
    "database",
    "cache",
    "storage",
    "notify",
    "workflow",
];
const pass = (target, check, evidence) => ({
    target,
    check,
    state: "pass",
    evidence,
});
const warn = (target, check, evidence, fix) => ({
    target,
    check,
    state: "warn",
    evidence,
    fix,
});
const fail = (target, check, evidence, fix) => ({
    target,
    check,
    state: "fail",
    evidence,
    fix,
});
/** "3d 4h", "2h 5m", "40s": an age or a duration as a person reads it. */
function age(seconds) {
    const s = Math.max(0, Math.round(seconds));
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (d > 0)
        return h ? `${d}d ${h}h` : `${d}d`;
    if (h > 0)
        return m ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return s % 60 ? `${m}m ${s % 60}s` : `${m}m`;
    return `${s}s`;
}

;// CONCATENATED MODULE: ./src/actions/readiness/atlas.ts





const T = "database";
const scheduleSchema = schemas/* object */.Ikc({ restoreWindowDays: schemas/* number */.aig().nullable().optional() }).loose();
/** MongoDB Atlas: continuous cloud backup on, and a point-in-time window reaching back past the horizon. */
async function checkAtlas(ctx) {
    const { settings } = ctx;
    const groupId = settings["atlas-group-id"];
    const name = settings["atlas-cluster"];
    const client = new atlas_client/* AtlasClient */.lX({
        clientId: settings["atlas-client-id"],
        clientSecret: settings["atlas-client-secret"],
        baseUrl: settings["atlas-api-url"],
        logger: ctx.log,
    });
    const path = `/groups/${encodeURIComponent(groupId)}/clusters/${encodeURIComponent(name)}/backup/schedule`;
    let cluster;
    try {
        cluster = await (0,backup/* getCluster */.dB)(client, groupId, name);
    }
    catch (error) {
        return {
            checks: [
                fail(T, "atlas cluster", `${name}: ${(0,secrets/* errorMessage */.gJ)(error)}`, "Check the service account (atlas-client-id/secret, Project Backup Manager role), atlas-group-id and atlas-cluster."),
            ],
        };
    }
    const checks = [pass(T, "atlas cluster", `${name}: ${cluster.stateName ?? "state unknown"}`)];
    if (!cluster.pitEnabled) {
        checks.push(fail(T, "continuous backup", `${name}: continuous cloud backup is off, so no point in time can be restored`, "Turn on Continuous Cloud Backup (cluster → Backup → Edit)."));
        return { checks };
    }
    checks.push(pass(T, "continuous backup", `${name}: on`));
    const horizon = settings["restore-horizon"] / 1000;
    try {
        const schedule = scheduleSchema.parse(await client.request("GET", path, scheduleSchema));
        const days = schedule.restoreWindowDays ?? 0;
        checks.push(days * 86_400 >= horizon
            ? pass(T, "point-in-time window", `${days}d`)
            : warn(T, "point-in-time window", `${days}d, shorter than the restore horizon (${age(horizon)})`, "Raise the restore window in the backup policy, or shorten restore-horizon."));
    }
    catch (error) {
        checks.push(warn(T, "point-in-time window", (0,secrets/* errorMessage */.gJ)(error), "Let the service account read the backup schedule."));
    }
    return { checks, rpo: { seconds: 0, basis: `Atlas continuous backup of ${name}` } };
}

// EXTERNAL MODULE: ./src/platforms/redis/client.ts
var client = __webpack_require__(125);
// EXTERNAL MODULE: ./src/platforms/redis/url.ts
var url = __webpack_require__(5437);
;// CONCATENATED MODULE: ./src/actions/readiness/cache.ts




const cache_T = "cache";
const FIX_REACH = "Check redis-url (host, port, password, rediss:// for TLS) and that the runner can reach it.";
/** Redis: reachable, the URL's database exists, and the user may SCAN and UNLINK (ACL DRYRUN: nothing runs). */
async function checkCache(ctx) {
    const target = (0,url/* parseRedisUrl */.C)(ctx.settings["redis-url"]);
    let connection;
    try {
        connection = await (0,client/* connect */.Ng)({ ...target, db: 0 }, { connectTimeoutMs: 10_000, commandTimeoutMs: 10_000 });
    }
    catch (error) {
        return { checks: [fail(cache_T, "reachable", `${target.display}: ${(0,secrets/* errorMessage */.gJ)(error)}`, FIX_REACH)] };
    }
    try {
        const first = connection.nodes[0];
        const version = /redis_version:(\S+)/.exec(await first.client.info("server"))?.[1] ?? "unknown";
        const kind = connection.cluster ? `cluster of ${connection.nodes.length} primaries` : "one server";
        const checks = [pass(cache_T, "reachable", `${target.display}: Redis ${version}, ${kind}`)];
        checks.push(await databaseExists(first, target.db, connection.cluster));
        checks.push(await mayScanAndUnlink(first, target.username));
        return { checks };
    }
    finally {
        await connection.close();
    }
}
async function databaseExists(node, db, cluster) {
    if (cluster && db !== 0) {
        return fail(cache_T, "database exists", `database ${db} on a cluster, which has database 0 only`, "Use /0 in redis-url for a cluster.");
    }
    // CONFIG GET may be refused (managed Redis): selecting the database answers the same question.
    try {
        await node.client.select(db);
        return pass(cache_T, "database exists", `database ${db} selected`);
    }
    catch (error) {
        return fail(cache_T, "database exists", `database ${db}: ${(0,secrets/* errorMessage */.gJ)(error)}`, "Fix the database number in redis-url (the path, e.g. /0).");
    }
}
/**
 * ACL DRYRUN (Redis 7) asks whether a command would be allowed, without running it. Without it, ACL
 * GETUSER shows the user's rules; a server without ACLs (Redis < 6) lets every client run every command.
 */
async function mayScanAndUnlink(node, username) {
    const check = "may SCAN and UNLINK";
    const fix = "Grant the user +scan +unlink on the cache's keys (ACL SETUSER <user> +scan +unlink ~*).";
    let user = username ?? "default";
    try {
        user = String(await node.client.call("ACL", "WHOAMI"));
    }
    catch (error) {
        if (/unknown command/i.test((0,secrets/* errorMessage */.gJ)(error)))
            return pass(cache_T, check, "the server has no ACLs (Redis < 6): every client may run SCAN and UNLINK");
    }
    try {
        const answers = await Promise.all([
            ["SCAN", "0"],
            ["UNLINK", "readiness:probe"],
        ].map((command) => node.client.call("ACL", "DRYRUN", user, ...command)));
        const refused = answers.map(String).filter((answer) => answer !== "OK");
        return refused.length
            ? fail(cache_T, check, `user ${user}: ${refused.join("; ")}`, fix)
            : pass(cache_T, check, `user ${user}: ACL DRYRUN allows SCAN and UNLINK`);
    }
    catch (error) {
        const message = (0,secrets/* errorMessage */.gJ)(error);
        if (/NOPERM/i.test(message) || /unknown subcommand/i.test(message)) {
            return warn(cache_T, check, `user ${user}: could not ask the server (${message})`, `Confirm by hand that ${user} may run SCAN and UNLINK, or allow it ACL DRYRUN (Redis 7).`);
        }
        return fail(cache_T, check, `user ${user}: ${message}`, fix);
    }
}

// EXTERNAL MODULE: ./src/platforms/postgres/conn.ts
var postgres_conn = __webpack_require__(1190);
// EXTERNAL MODULE: ./src/platforms/postgres/source.ts
var source = __webpack_require__(8409);
// EXTERNAL MODULE: ./src/platforms/postgres/tools.ts
var postgres_tools = __webpack_require__(8973);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/undici.ts
var undici = __webpack_require__(3547);
;// CONCATENATED MODULE: ./src/actions/readiness/dump.ts





const DUMP_NAME = /\.(dump|backup|tar|sql|sql\.gz|pgdump)$/i;
/** A file, the newest dump file in a folder, or a URL read with HEAD. Undefined: none there. */
async function findNewestDump(backup, cwd, headers = {}, signal) {
    if ((0,source/* isUrl */.gU)(backup))
        return headDump(backup, headers, signal);
    const path = (0,external_node_path_.resolve)(cwd, backup);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info)
        return undefined;
    if (info.isFile())
        return { location: path, shown: backup, modifiedAt: info.mtimeMs, bytes: info.size };
    const names = (await (0,promises_.readdir)(path)).filter((name) => DUMP_NAME.test(name));
    const files = await Promise.all(names.map(async (name) => ({ name, info: await (0,promises_.stat)((0,external_node_path_.join)(path, name)) })));
    const newest = files.filter((f) => f.info.isFile()).sort((a, b) => b.info.mtimeMs - a.info.mtimeMs)[0];
    if (!newest)
        return undefined;
    return {
        location: (0,external_node_path_.join)(path, newest.name),
        shown: (0,external_node_path_.join)(backup, newest.name),
        modifiedAt: newest.info.mtimeMs,
        bytes: newest.info.size,
    };
}
const headSchema = schemas/* object */.Ikc({
    "last-modified": schemas/* string */.YjP().optional(),
    "content-length": schemas/* string */.YjP().optional(),
});
async function headDump(url, headers, signal) {
    const answer = await (0,undici/* request */.E)(url, {
        method: "HEAD",
        headers,
        signal: AbortSignal.any([AbortSignal.timeout(30_000), ...(signal ? [signal] : [])]),
    });
    await answer.body.dump();
    if (answer.statusCode === 404)
        return undefined;
    if (answer.statusCode >= 400) {
        throw new Error(`HEAD ${(0,source/* shownUrl */.zA)(url)} answered HTTP ${answer.statusCode}`);
    }
    const read = headSchema.parse(answer.headers);
    const modified = read["last-modified"] ? Date.parse(read["last-modified"]) : Number.NaN;
    const bytes = Number(read["content-length"]);
    return {
        location: url,
        shown: (0,source/* shownUrl */.zA)(url),
        modifiedAt: Number.isNaN(modified) ? undefined : modified,
        bytes: Number.isFinite(bytes) ? bytes : undefined,
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/platforms/postgres/header.ts
var postgres_header = __webpack_require__(2673);
// EXTERNAL MODULE: ./src/platforms/postgres/pgtools.ts
var pgtools = __webpack_require__(5754);
// EXTERNAL MODULE: ./src/platforms/postgres/swap.ts
var swap = __webpack_require__(6423);
// EXTERNAL MODULE: ./src/platforms/postgres/verify.ts
var verify = __webpack_require__(6181);
;// CONCATENATED MODULE: ./src/actions/readiness/rehearse.ts










const rehearse_T = "database";
const SCRATCH_PREFIX = "readiness_rehearsal_";
/** A scratch database this old is a leftover of a run that was killed outright (SIGKILL): dropped. */
const LEFTOVER_MS = 6 * 3600_000;
/**
 * Restores the dump into a scratch database (on the rehearsal server, else beside production), runs
 * verify-sql on it and drops it, whatever happened: a failure or a signal stops pg_restore, and the drop
 * still runs and is read back. Production's own database is never connected to for a change.
 */
async function rehearse(ctx, location) {
    const { settings } = ctx;
    const server = (0,postgres_conn/* parseDatabaseUrl */.mx)((settings["rehearsal-database-url"] ?? settings["database-url"]));
    const where = `${server.host}:${server.port}`;
    const scratch = `${SCRATCH_PREFIX}${Date.now()}_${process.pid}`;
    const temp = ctx.run.temp ?? (0,external_node_os_.tmpdir)();
    let dump;
    let created = false;
    const started = Date.now();
    try {
        await dropLeftovers(server);
        dump = await (0,source/* fetchDump */.rL)({
            backup: location,
            cwd: ctx.run.workspace,
            tempRoot: temp,
            log: ctx.log,
            signal: ctx.signal,
        });
        const header = await (0,postgres_header/* readDumpHeader */.Kb)(dump.path);
        await (0,postgres_conn/* withClient */.SV)(server, (sql) => sql.unsafe(`CREATE DATABASE ${(0,postgres_conn/* ident */.bD)(scratch)} TEMPLATE template0`));
        created = true;
        const options = {
            tools: { binDir: settings["postgres-bin-dir"] },
            log: ctx.log,
            tempDir: temp,
            signal: ctx.signal,
        };
        await (0,pgtools/* restoreDump */.nE)(options, (0,postgres_conn/* onDatabase */.rj)(server, scratch), {
            path: dump.path,
            format: header.format,
            jobs: 2,
        });
        const queries = (0,verify/* splitStatements */.Xd)(settings["database-verify-sql"]);
        const verified = await (0,postgres_conn/* withClient */.SV)((0,postgres_conn/* onDatabase */.rj)(server, scratch), (sql) => (0,verify/* runVerify */.R9)(sql, queries));
        const seconds = (Date.now() - started) / 1000;
        const checked = queries.length
            ? `, verify-sql: ${verified.length} quer${verified.length === 1 ? "y" : "ies"} passed`
            : ", no verify-sql";
        return {
            check: pass(rehearse_T, "rehearsal", `${dump.name} restored into a scratch database on ${where} in ${(0,wait/* formatMs */._V)(seconds * 1000)}${checked}; dropped`),
            seconds,
        };
    }
    catch (error) {
        const message = ctx.signal.aborted ? "cancelled" : (0,secrets/* errorMessage */.gJ)(error);
        return {
            check: fail(rehearse_T, "rehearsal", `restore of the newest dump into a scratch database on ${where} failed after ${(0,wait/* formatMs */._V)(Date.now() - started)}: ${message}`, "Restore the dump by hand into an empty database to see the error (pg_restore --exit-on-error); fix the backup job, or verify-sql if the query is wrong."),
        };
    }
    finally {
        if (dump)
            await (0,source/* discardDump */.rG)(dump);
        if (created)
            await dropScratch(server, scratch);
    }
}
/** Drops the scratch database and reads back that it is gone; a failure here says which one to drop. */
async function dropScratch(server, scratch) {
    const left = await (0,postgres_conn/* withClient */.SV)(server, async (sql) => {
        await (0,swap/* dropDatabase */.Zi)(sql, scratch);
        return sql `SELECT 1 FROM pg_database WHERE datname = ${scratch}`;
    }).catch(() => [1]);
    if (left.length)
        throw new Error(`The scratch database ${scratch} on ${server.host}:${server.port} is still there: drop it (DROP DATABASE "${scratch}").`);
}
async function dropLeftovers(server) {
    await (0,postgres_conn/* withClient */.SV)(server, async (sql) => {
        const rows = await sql `
      SELECT datname FROM pg_database WHERE starts_with(datname, ${SCRATCH_PREFIX})`;
        for (const { datname } of rows) {
            const stamp = Number(datname.slice(SCRATCH_PREFIX.length).split("_")[0]);
            if (Date.now() - stamp > LEFTOVER_MS)
                await (0,swap/* dropDatabase */.Zi)(sql, datname);
        }
    });
}

;// CONCATENATED MODULE: ./src/actions/readiness/database.ts







const database_T = "database";
/** The server's major version and whether it answers, read on the production database without a change. */
async function serverVersion(conn) {
    return (0,postgres_conn/* withClient */.SV)(conn, async (sql) => {
        const [row] = await sql `
      SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`;
        const num = Number(row?.num);
        return { major: Math.floor(num / 10_000), text: String(row?.text).split(" ")[0] ?? "" };
    });
}
/** PostgreSQL: reachable, tools not older than the server, the newest dump's age, and (rehearse) that it restores. */
async function checkDatabase(ctx) {
    const { settings } = ctx;
    const conn = (0,postgres_conn/* parseDatabaseUrl */.mx)(settings["database-url"]);
    const where = `${conn.database} at ${conn.host}:${conn.port}`;
    const tools = { binDir: settings["postgres-bin-dir"] };
    const [server, dumpTool, restoreTool, dump] = await Promise.all([
        serverVersion(conn).catch((error) => error),
        (0,postgres_tools/* toolVersion */.fX)(tools, "pg_dump").catch((error) => error),
        (0,postgres_tools/* toolVersion */.fX)(tools, "pg_restore").catch((error) => error),
        findNewestDump(settings["database-backup"], ctx.run.workspace, {}, ctx.signal).catch((error) => error),
    ]);
    const checks = [];
    checks.push(server instanceof Error
        ? fail(database_T, "reachable", `${where}: ${(0,secrets/* errorMessage */.gJ)(server)}`, "Check database-url and that the runner can reach the server (network, sslmode, password).")
        : pass(database_T, "reachable", `${where}: PostgreSQL ${server.text}`));
    for (const [name, tool] of [
        ["pg_dump", dumpTool],
        ["pg_restore", restoreTool],
    ]) {
        if (tool instanceof Error) {
            checks.push(fail(database_T, `${name} version`, (0,secrets/* errorMessage */.gJ)(tool), installFix(server)));
        }
        else if (!(server instanceof Error) && tool.major < server.major) {
            checks.push(fail(database_T, `${name} version`, `${name} ${tool.text} is older than the server (PostgreSQL ${server.text})`, installFix(server)));
        }
        else {
            checks.push(pass(database_T, `${name} version`, `${name} ${tool.text}${server instanceof Error ? "" : ` for PostgreSQL ${server.text}`}`));
        }
    }
    const result = { checks };
    if (dump instanceof Error || dump === undefined) {
        const why = dump instanceof Error ? (0,secrets/* errorMessage */.gJ)(dump) : `no dump at ${settings["database-backup"]}`;
        checks.push(fail(database_T, "newest dump", why, "Check the backup job that writes the dumps, and database-backup."));
        return result;
    }
    const seconds = dump.modifiedAt === undefined ? undefined : (Date.now() - dump.modifiedAt) / 1000;
    const size = dump.bytes === undefined ? "" : `, ${(0,source/* formatBytes */.z3)(dump.bytes)}`;
    if (seconds === undefined) {
        checks.push(warn(database_T, "newest dump", `${dump.shown}${size}, age unknown (no Last-Modified)`, "Serve the dumps with a Last-Modified header, so their age can be checked."));
    }
    else {
        result.rpo = { seconds, basis: `newest dump ${dump.shown}` };
        const maxAge = settings["max-dump-age"] / 1000;
        checks.push(seconds > maxAge
            ? fail(database_T, "newest dump", `${dump.shown}${size}, ${age(seconds)} old (max-dump-age ${age(maxAge)})`, "The backup job has stopped or fails: run it now and check its schedule.")
            : pass(database_T, "newest dump", `${dump.shown}${size}, ${age(seconds)} old`));
    }
    if (settings.rehearse) {
        const rehearsal = await rehearse(ctx, dump.location);
        checks.push(rehearsal.check);
        if (rehearsal.seconds !== undefined)
            result.rto = { seconds: rehearsal.seconds, basis: "measured rehearsal" };
    }
    return result;
}
function installFix(server) {
    const major = server instanceof Error ? "<server major>" : String(server.major);
    return `Install the PostgreSQL ${major} client tools on the runner (apt-get install postgresql-client-${major}) and set postgres-bin-dir (e.g. /usr/lib/postgresql/${major}/bin).`;
}

// EXTERNAL MODULE: ./src/platforms/github/client.ts
var github_client = __webpack_require__(1719);
;// CONCATENATED MODULE: ./src/actions/readiness/github.ts



const repoSchema = schemas/* object */.Ikc({
    default_branch: schemas/* string */.YjP(),
    permissions: schemas/* object */.Ikc({ push: schemas/* boolean */.zMY() }).partial().optional(),
});
const rulesSchema = schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* string */.YjP() }));
const workflowSchema = schemas/* object */.Ikc({ path: schemas/* string */.YjP(), state: schemas/* string */.YjP() });
const environmentSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    protection_rules: schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* string */.YjP(), reviewers: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional() }))
        .nullish(),
});
async function readiness_github_client(ctx) {
    const repository = ctx.run.repository;
    if (!repository)
        throw new Error("GITHUB_REPOSITORY is not set: the repository is unknown.");
    const octokit = await (0,github_client.githubClient)({
        token: ctx.settings["github-token"],
        apiUrl: ctx.run.apiUrl,
    });
    return { octokit, owner: repository.owner, repo: repository.repo };
}
const github_status = (error) => error.status;
/** git-revert: the token may push to the deploy branch, whether a rule forces a pull request, the deploy workflow exists. */
async function checkGitRevert(ctx) {
    const T = "git-revert";
    const { octokit, owner, repo } = await readiness_github_client(ctx);
    const where = { owner, repo };
    const read = await octokit.request("GET /repos/{owner}/{repo}", where);
    const repository = repoSchema.parse(read.data);
    const branch = ctx.settings.branch ?? repository.default_branch;
    const checks = [];
    const push = repository.permissions?.push;
    if (push === true)
        checks.push(pass(T, "may push", `the token may push to ${owner}/${repo}`));
    else if (push === false)
        checks.push(fail(T, "may push", `the token may not push to ${owner}/${repo}`, "Use a token with contents: write (the rollback's revert job grants it to GITHUB_TOKEN)."));
    else if (ctx.settings["github-token"] === ctx.run.defaultToken)
        checks.push(pass(T, "may push", "the workflow's GITHUB_TOKEN: the rollback's revert job grants it contents: write"));
    else
        checks.push(warn(T, "may push", "GitHub did not say what this token may do", "Check the token has contents: write on the repository."));
    const [rules, workflow] = await Promise.all([
        octokit.request("GET /repos/{owner}/{repo}/rules/branches/{branch}", { ...where, branch }).then((r) => rulesSchema.parse(r.data), (error) => error),
        ctx.settings.dispatch
            ? octokit
                .request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}", {
                ...where,
                workflow_id: ctx.settings.dispatch,
            })
                .then((r) => workflowSchema.parse(r.data), (error) => error)
            : undefined,
    ]);
    if (rules instanceof Error) {
        checks.push(warn(T, "branch rules", `${branch}: ${(0,github_client/* githubErrorMessage */.L)(rules)}`, "Allow the token to read the repository's rules (contents: read)."));
    }
    else if (rules.some((r) => r.type === "pull_request")) {
        checks.push(warn(T, "branch rules", `${branch} requires a pull request: a revert waits for someone to merge it`, "Let the rollback's token bypass the ruleset (a bypass actor), or count the review in the RTO."));
    }
    else {
        checks.push(pass(T, "branch rules", `${branch}: a revert is pushed directly`));
    }
    if (workflow instanceof Error) {
        const gone = github_status(workflow) === 404;
        checks.push(fail(T, "deploy workflow", `${ctx.settings.dispatch}: ${gone ? "no such workflow" : (0,github_client/* githubErrorMessage */.L)(workflow)}`, "Fix dispatch: the file name of the deploy workflow under .github/workflows/."));
    }
    else if (workflow) {
        checks.push(workflow.state === "active"
            ? pass(T, "deploy workflow", `${workflow.path} is active`)
            : fail(T, "deploy workflow", `${workflow.path} is ${workflow.state}`, "Enable the workflow (Actions → the workflow → Enable)."));
    }
    return { checks };
}
/** workflow: the environment exists; the data environment exists and has required reviewers. */
async function checkWorkflow(ctx) {
    const T = "workflow";
    const { octokit, owner, repo } = await readiness_github_client(ctx);
    const { environment } = ctx.settings;
    const data = ctx.settings["data-environment"] ?? `${environment}-data`;
    const read = (name) => octokit
        .request("GET /repos/{owner}/{repo}/environments/{environment_name}", {
        owner,
        repo,
        environment_name: name,
    })
        .then((r) => environmentSchema.parse(r.data), (error) => (github_status(error) === 404 ? undefined : error));
    const [main, dataEnv] = await Promise.all([read(environment), read(data)]);
    const checks = [];
    const missing = (name) => `Create the environment ${name} (Settings → Environments): a job naming one that does not exist creates it unprotected.`;
    if (main instanceof Error)
        checks.push(fail(T, `environment ${environment}`, (0,github_client/* githubErrorMessage */.L)(main), "Give the workflow actions: read."));
    else if (!main)
        checks.push(fail(T, `environment ${environment}`, "does not exist", missing(environment)));
    else
        checks.push(pass(T, `environment ${environment}`, "exists"));
    const check = `data environment ${data}`;
    if (dataEnv instanceof Error)
        checks.push(fail(T, check, (0,github_client/* githubErrorMessage */.L)(dataEnv), "Give the workflow actions: read."));
    else if (!dataEnv)
        checks.push(fail(T, check, "does not exist", missing(data)));
    else {
        const reviewers = (dataEnv.protection_rules ?? [])
            .filter((r) => r.type === "required_reviewers")
            .flatMap((r) => r.reviewers ?? []);
        checks.push(reviewers.length
            ? pass(T, check, `${reviewers.length} required reviewer(s)`)
            : fail(T, check, "no required reviewers: a data restore would start without approval", `Add required reviewers to ${data} (Settings → Environments → ${data}).`));
    }
    return { checks };
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/platforms/railway/client.ts
var railway_client = __webpack_require__(3393);
// EXTERNAL MODULE: ./src/core/http.ts
var core_http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/platforms/status/betterstack.ts
var betterstack = __webpack_require__(9673);
// EXTERNAL MODULE: ./src/platforms/status/instatus.ts
var instatus = __webpack_require__(7098);
// EXTERNAL MODULE: ./src/platforms/status/statuspage.ts
var statuspage = __webpack_require__(6658);
;// CONCATENATED MODULE: ./src/actions/readiness/notify.ts







const notify_T = "notify";
/** Webhooks are only looked at (a call would post a message): the shape each service hands out. */
const WEBHOOKS = [
    [
        "slack-webhook",
        /^https:\/\/hooks\.slack\.com\/(services|workflows|triggers)\/\S+$/,
        "https://hooks.slack.com/services/T…/B…/…",
    ],
    [
        "discord-webhook",
        /^https:\/\/(\w+\.)?discord(app)?\.com\/api\/webhooks\/\d+\/[\w-]+$/,
        "https://discord.com/api/webhooks/<id>/<token>",
    ],
    ["teams-webhook", /^https:\/\/\S+$/, "the https URL of the Teams workflow's trigger"],
    ["webhook-url", /^https:\/\/\S+$/, "an https URL"],
];
const NOTIFY_KEYS = [
    "slack-webhook",
    "discord-webhook",
    "teams-webhook",
    "webhook-url",
    "statuspage-api-key",
    "instatus-api-key",
    "betterstack-api-token",
    "pagerduty-routing-key",
    "slack-token",
];
const authTest = schemas/* object */.Ikc({
    ok: schemas/* boolean */.zMY(),
    error: schemas/* string */.YjP().optional(),
    team: schemas/* string */.YjP().optional(),
    user: schemas/* string */.YjP().optional(),
});
/** Slack's bot token, by auth.test: it only names the token's team and user. */
async function slackToken(settings) {
    const check = "slack-token";
    const http = new core_http/* HttpClient */.Qq({
        baseUrl: settings["slack-api-url"],
        platform: "Slack",
        headers: { authorization: `Bearer ${settings["slack-token"]}` },
        retries: 1,
        timeoutMs: 15_000,
    });
    try {
        const { data } = await http.request({
            method: "POST",
            path: "/auth.test",
            schema: authTest,
            safeToRetry: true,
        });
        if (!data.ok)
            return fail(notify_T, check, `auth.test: ${data.error ?? "refused"}`, "Create a new bot token (with chat:write) and update the secret behind slack-token.");
        if (!settings["slack-channel"])
            return fail(notify_T, check, `accepted (${data.user} in ${data.team}), but slack-channel is empty`, "Set slack-channel.");
        return pass(notify_T, check, `accepted: ${data.user} in ${data.team}`);
    }
    catch (error) {
        return fail(notify_T, check, (0,secrets/* errorMessage */.gJ)(error), "Check slack-api-url and Slack's status, then run again.");
    }
}
function webhookChecks(settings) {
    return WEBHOOKS.flatMap(([name, shape, example]) => {
        const value = settings[name];
        if (!value)
            return [];
        return shape.test(value)
            ? [pass(notify_T, name, "well-formed (not called: a call would post a message)")]
            : [
                fail(notify_T, name, "not the shape of such a webhook URL (its value is a secret, so it is not shown)", `Set the secret to ${example}.`),
            ];
    });
}
const PAGES = [
    [
        "statuspage",
        {
            key: "statuspage-api-key",
            page: "statuspage-page-id",
            ids: "statuspage-components",
            url: "statuspage-api-url",
        },
        statuspage/* StatuspageClient */.J,
    ],
    [
        "instatus",
        {
            key: "instatus-api-key",
            page: "instatus-page-id",
            ids: "instatus-components",
            url: "instatus-api-url",
        },
        instatus/* InstatusClient */.N,
    ],
    [
        "betterstack",
        {
            key: "betterstack-api-token",
            page: "betterstack-status-page-id",
            ids: "betterstack-resources",
            url: "betterstack-api-url",
        },
        betterstack/* BetterStackClient */.W,
    ],
];
/** A status page's key, read-only: its components listed, the configured ones among them. */
async function pageCheck(settings, name, inputs, Client) {
    const check = `${name} page`;
    const pageId = settings[inputs.page];
    if (!pageId)
        return fail(notify_T, check, `${inputs.page} is empty`, `Set ${inputs.page} (the rollback's announcement needs it).`);
    const client = new Client({
        apiKey: settings[inputs.key],
        pageId,
        apiUrl: settings[inputs.url],
        retries: 1,
        timeoutMs: 15_000,
    });
    try {
        const components = await client.components();
        const wanted = settings[inputs.ids];
        const missing = wanted.filter((id) => !components.some((c) => c.id === id));
        if (missing.length) {
            return fail(notify_T, check, `page ${pageId}: no component ${missing.join(", ")} (it has ${components.map((c) => c.id).join(", ") || "none"})`, `Fix ${inputs.ids}.`);
        }
        return pass(notify_T, check, `page ${pageId}: key accepted, ${components.length} component(s)${wanted.length ? `, ${wanted.join(", ")} found` : ""}`);
    }
    catch (error) {
        return fail(notify_T, check, `page ${pageId}: ${(0,secrets/* errorMessage */.gJ)(error)}`, `Create a new API key and update the secret behind ${inputs.key}; check ${inputs.page}.`);
    }
}
/** notify's channels: status-page keys accepted by a read, webhooks and the PagerDuty key well-formed. */
async function checkNotify(ctx) {
    const { settings } = ctx;
    const checks = webhookChecks(settings);
    const pages = PAGES.filter(([, inputs]) => settings[inputs.key]);
    const reads = pages.map(([name, inputs, Client]) => pageCheck(settings, name, inputs, Client));
    if (settings["slack-token"])
        reads.unshift(slackToken(settings));
    checks.push(...(await Promise.all(reads)));
    const routing = settings["pagerduty-routing-key"];
    if (routing) {
        // Events API v2 has no read-only call: an integration key is 32 characters of [a-z0-9].
        checks.push(/^[a-zA-Z0-9]{32}$/.test(routing)
            ? pass(notify_T, "pagerduty-routing-key", "well-formed (32 characters; Events API v2 has no read-only call)")
            : fail(notify_T, "pagerduty-routing-key", "not 32 letters and digits (its value is a secret, so it is not shown)", "Copy the Integration Key of the service's Events API v2 integration."));
    }
    return { checks };
}

;// CONCATENATED MODULE: ./src/actions/readiness/inputs.ts






/** The root action's names, so one set of settings serves the rollback and its readiness check. */
const readinessInputs = {
    targets: inputs/* input */.hF.list({ example: '"railway, database, storage"' }),
    rto: inputs/* input */.hF.duration("15m"),
    rpo: inputs/* input */.hF.duration("0"),
    rehearse: inputs/* input */.hF.boolean(false),
    "rehearsal-database-url": inputs/* input */.hF.secret({ example: "${{ secrets.REHEARSAL_DATABASE_URL }}" }),
    "max-dump-age": inputs/* input */.hF.duration("26h"),
    "restore-horizon": inputs/* input */.hF.duration("168h"),
    issue: inputs/* input */.hF.boolean(false),
    "github-token": inputs/* input */.hF.secret({ example: "${{ github.token }}" }),
    environment: inputs/* input */.hF.text({ default: "production", example: '"production"' }),
    "data-environment": inputs/* input */.hF.optional(),
    branch: inputs/* input */.hF.optional(),
    dispatch: inputs/* input */.hF.optional(),
    "railway-token": inputs/* input */.hF.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "railway-project": inputs/* input */.hF.optional(),
    services: inputs/* input */.hF.list({ example: '"backend, worker"' }),
    "railway-database-service": inputs/* input */.hF.optional(),
    "railway-api-url": inputs/* input */.hF.url({ default: railway_client/* DEFAULT_API_URL */.rK, example: `"${railway_client/* DEFAULT_API_URL */.rK}"` }),
    "vercel-token": inputs/* input */.hF.secret({ example: "${{ secrets.VERCEL_TOKEN }}" }),
    "vercel-project": inputs/* input */.hF.optional(),
    "vercel-team": inputs/* input */.hF.optional(),
    "vercel-api-url": inputs/* input */.hF.url({ default: "https://api.vercel.com", example: '"https://api.vercel.com"' }),
    "database-url": inputs/* input */.hF.secret({ example: "${{ secrets.DATABASE_URL }}" }),
    "database-backup": inputs/* input */.hF.optional(),
    "database-verify-sql": inputs/* input */.hF.text(),
    "postgres-bin-dir": inputs/* input */.hF.optional(),
    "atlas-client-id": inputs/* input */.hF.secret({ example: "${{ secrets.ATLAS_CLIENT_ID }}" }),
    "atlas-client-secret": inputs/* input */.hF.secret({ example: "${{ secrets.ATLAS_CLIENT_SECRET }}" }),
    "atlas-group-id": inputs/* input */.hF.optional(),
    "atlas-cluster": inputs/* input */.hF.optional(),
    "atlas-api-url": inputs/* input */.hF.url({
        default: "https://cloud.mongodb.com",
        example: '"https://cloud.mongodb.com"',
    }),
    "redis-url": inputs/* input */.hF.secret({ example: "${{ secrets.REDIS_URL }}" }),
    "storage-bucket": inputs/* input */.hF.optional(),
    "storage-prefix": inputs/* input */.hF.text(),
    "storage-endpoint": inputs/* input */.hF.url({ example: '"https://s3.eu-central-1.wasabisys.com"' }),
    "storage-region": inputs/* input */.hF.optional(),
    "storage-access-key-id": inputs/* input */.hF.secret({ example: "${{ secrets.AWS_ACCESS_KEY_ID }}" }),
    "storage-secret-access-key": inputs/* input */.hF.secret({ example: "${{ secrets.AWS_SECRET_ACCESS_KEY }}" }),
    "slack-webhook": inputs/* input */.hF.secret({ url: true, example: "https://hooks.slack.com/services/T000/B000/XXXX" }),
    "slack-token": inputs/* input */.hF.secret({ example: "${{ secrets.SLACK_BOT_TOKEN }}" }),
    "slack-channel": inputs/* input */.hF.optional(),
    "slack-api-url": inputs/* input */.hF.url({ default: "https://slack.com/api", example: '"https://slack.com/api"' }),
    "discord-webhook": inputs/* input */.hF.secret({ url: true, example: "https://discord.com/api/webhooks/123/abc" }),
    "teams-webhook": inputs/* input */.hF.secret({ url: true, example: "${{ secrets.TEAMS_WEBHOOK_URL }}" }),
    "webhook-url": inputs/* input */.hF.secret({ url: true, example: "https://hooks.example.com/rollback" }),
    "statuspage-api-key": inputs/* input */.hF.secret({ example: "${{ secrets.STATUSPAGE_API_KEY }}" }),
    "statuspage-page-id": inputs/* input */.hF.optional(),
    "statuspage-components": inputs/* input */.hF.list(),
    "statuspage-api-url": inputs/* input */.hF.url({
        default: "https://api.statuspage.io/v1",
        example: '"https://api.statuspage.io/v1"',
    }),
    "instatus-api-key": inputs/* input */.hF.secret({ example: "${{ secrets.INSTATUS_API_KEY }}" }),
    "instatus-page-id": inputs/* input */.hF.optional(),
    "instatus-components": inputs/* input */.hF.list(),
    "instatus-api-url": inputs/* input */.hF.url({
        default: "https://api.instatus.com",
        example: '"https://api.instatus.com"',
    }),
    "betterstack-api-token": inputs/* input */.hF.secret({ example: "${{ secrets.BETTERSTACK_API_TOKEN }}" }),
    "betterstack-status-page-id": inputs/* input */.hF.optional(),
    "betterstack-resources": inputs/* input */.hF.list(),
    "betterstack-api-url": inputs/* input */.hF.url({
        default: "https://uptime.betterstack.com",
        example: '"https://uptime.betterstack.com"',
    }),
    "pagerduty-routing-key": inputs/* input */.hF.secret({ example: "${{ secrets.PAGERDUTY_ROUTING_KEY }}" }),
};
/** The input each target cannot be checked without. */
const KEY_INPUT = {
    railway: "railway-token",
    vercel: "vercel-token",
    database: "database-url",
    cache: "redis-url",
    storage: "storage-bucket",
};
/** The targets to check (the named ones, else every configured one), every input problem in one error. */
function readTargets(ctx) {
    const { settings } = ctx;
    const problems = [];
    const named = [...new Set(settings.targets)];
    for (const name of named) {
        if (!TARGETS.includes(name)) {
            problems.push((0,inputs/* inputError */.Xu)("targets", `names "${name}"; each must be one of: ${TARGETS.join(", ")}.`, '"railway, database"').message);
        }
    }
    const github = Boolean(settings["github-token"] && ctx.run.repository);
    // What a target cannot be checked without; unnamed, git-revert and workflow also wait to be asked for.
    const has = (t) => {
        if (t === "notify")
            return NOTIFY_KEYS.some((key) => settings[key]);
        if (t === "git-revert" || t === "workflow")
            return github;
        if (t === "database")
            return Boolean(settings["database-url"] || settings["atlas-client-id"]);
        return Boolean(settings[KEY_INPUT[t]]);
    };
    const configured = (t) => {
        if (t === "git-revert")
            return has(t) && Boolean(settings.branch || settings.dispatch);
        if (t === "workflow")
            return has(t) && Boolean(settings["data-environment"]);
        return has(t);
    };
    const targets = (named.length ? named : TARGETS.filter(configured));
    for (const target of targets.filter((t) => TARGETS.includes(t))) {
        if (!has(target)) {
            problems.push(missingFor(target));
        }
    }
    if (targets.includes("railway") && !settings.services.length && !settings["railway-database-service"]) {
        problems.push((0,inputs/* inputError */.Xu)("services", "is required to check railway: the services a rollback redeploys.", '"backend"')
            .message);
    }
    if (targets.includes("vercel") && !settings["vercel-project"]) {
        problems.push((0,inputs/* inputError */.Xu)("vercel-project", "is required to check vercel.", '"shop-web"').message);
    }
    if (targets.includes("database"))
        problems.push(...databaseProblems(ctx));
    if (targets.includes("cache") && settings["redis-url"]) {
        try {
            (0,url/* parseRedisUrl */.C)(settings["redis-url"]);
        }
        catch (error) {
            problems.push((0,inputs/* inputError */.Xu)("redis-url", error.message).message);
        }
    }
    if (Boolean(settings["storage-access-key-id"]) !== Boolean(settings["storage-secret-access-key"])) {
        const missing = settings["storage-access-key-id"] ? "storage-secret-access-key" : "storage-access-key-id";
        problems.push((0,inputs/* inputError */.Xu)(missing, "is required with the other key (or leave both empty).").message);
    }
    if (settings.issue && !settings["github-token"]) {
        problems.push((0,inputs/* inputError */.Xu)("github-token", "is required with issue: true.", "${{ github.token }}").message);
    }
    if (problems.length)
        throw new inputs/* InputError */.dz(problems.join("\n"));
    if (!targets.length) {
        throw new inputs/* InputError */.dz((0,inputs/* inputError */.Xu)("targets", "is empty and no target is configured: give the settings of at least one (railway-token, vercel-token, database-url, redis-url or storage-bucket).", '"database"').message);
    }
    return targets;
}
function missingFor(target) {
    if (target === "notify")
        return (0,inputs/* inputError */.Xu)("slack-webhook", "(or another channel's key) is required to check notify.").message;
    if (target === "git-revert" || target === "workflow") {
        return (0,inputs/* inputError */.Xu)("github-token", `and GITHUB_REPOSITORY are required to check ${target}.`).message;
    }
    return (0,inputs/* inputError */.Xu)(KEY_INPUT[target], `is required to check ${target}.`).message;
}
function databaseProblems(ctx) {
    const { settings } = ctx;
    const problems = [];
    for (const name of ["database-url", "rehearsal-database-url"]) {
        const url = settings[name];
        if (!url)
            continue;
        try {
            const conn = (0,postgres_conn/* parseDatabaseUrl */.mx)(url);
            // Tools and drivers may echo the password alone.
            if (conn.password)
                ctx.tk.setSecret(conn.password);
        }
        catch (error) {
            problems.push((0,inputs/* inputError */.Xu)(name, `${error.message} (its value is a secret, so it is not shown)`).message);
        }
    }
    if (settings["atlas-client-id"]) {
        for (const name of ["atlas-client-secret", "atlas-group-id", "atlas-cluster"]) {
            if (!settings[name])
                problems.push((0,inputs/* inputError */.Xu)(name, "is required with atlas-client-id.").message);
        }
    }
    if (settings["database-url"] && !settings["database-backup"]) {
        problems.push((0,inputs/* inputError */.Xu)("database-backup", "is required to check database: the dump a restore would use (a file, a folder of dumps, or an https URL).", '"backups/"').message);
    }
    return problems;
}

// EXTERNAL MODULE: ./src/core/report.ts
var report = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/platforms/github/issues.ts
var issues = __webpack_require__(1840);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/actions/readiness/report.ts




const ICON = { pass: "✅", warn: "⚠️", fail: "❌" };
function overall(checks) {
    if (checks.some((c) => c.state === "fail"))
        return "not-ready";
    if (checks.some((c) => c.state === "warn"))
        return "warnings";
    return "ready";
}
/** The report file: every check with its state, evidence and fix, and how the RTO/RPO figures were made. */
function writeReport(temp, r) {
    const dir = temp ?? (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const path = (0,external_node_path_.join)(dir, "rollback-readiness.json");
    const body = {
        status: r.status,
        checkedAt: r.checkedAt,
        rto: { objective: r.rto, estimate: r.objectives.rtoEstimate ?? null, timings: r.objectives.timings },
        rpo: { objective: r.rpo, exposure: r.objectives.rpoExposure ?? null },
        parts: r.objectives.parts,
        checks: r.checks.map((c) => ({ ...c, fix: c.fix ?? null })),
    };
    (0,external_node_fs_.writeFileSync)(path, `${JSON.stringify(body, null, 2)}\n`);
    return path;
}
function figures(r) {
    const { rtoEstimate, rpoExposure } = r.objectives;
    return [
        `RTO estimate: ${rtoEstimate === undefined ? "not measured" : age(rtoEstimate)} (objective ${age(r.rto)})`,
        `RPO exposure: ${rpoExposure === undefined ? "no data target" : age(rpoExposure)} (objective ${r.rpo ? age(r.rpo) : "0"})`,
    ];
}
function summarise(summary, r) {
    summary.list(figures(r));
    summary.table(["", "Target", "Check", "Evidence", "Fix"], r.checks.map((c) => [
        ICON[c.state],
        c.target,
        c.check,
        c.evidence,
        c.state === "pass" ? "" : (c.fix ?? ""),
    ]));
    if (r.objectives.parts.length)
        summary.details("How the figures were made", r.objectives.parts.map((p) => `- ${p}`).join("\n"));
}
/** The failing and warning rows, one line each with the fix: the step's message and the issue's body. */
function problems(checks) {
    return checks
        .filter((c) => c.state !== "pass")
        .map((c) => `${ICON[c.state]} ${c.target} / ${c.check}: ${c.evidence}. Fix: ${c.fix ?? "–"}`);
}

;// CONCATENATED MODULE: ./src/actions/readiness/issue.ts




const ISSUE_TITLE = "Rollback readiness";
const ISSUE_LABEL = "rollback-readiness";
function body(ctx, r) {
    const rows = r.checks
        .filter((c) => c.state !== "pass")
        .map((c) => [ICON[c.state], c.target, c.check, c.evidence, c.fix ?? ""]);
    const run = ctx.run.runUrl ? `\n\nChecked by ${ctx.run.runUrl}.` : "";
    return `A rollback of production would not work as planned right now (${r.status}, checked ${r.checkedAt}).\n\n${figures(r)
        .map((f) => `- ${f}`)
        .join("\n")}\n\n${(0,report/* table */.tp)(["", "Target", "Check", "Evidence", "Fix"], rows)}${run}\n\nThis issue is updated by each readiness run and closed when every check passes again.`;
}
/**
 * One open issue for the whole repository: opened (or its body replaced) while anything fails or warns,
 * closed when all is ready. A create that may have happened (5xx, lost answer) is settled by reading again.
 */
async function updateIssue(ctx, r) {
    const repo = ctx.run.repository;
    if (!repo)
        return { action: "none", url: undefined, line: "No issue: GITHUB_REPOSITORY is not set." };
    const octokit = await (0,github_client.githubClient)({
        token: ctx.settings["github-token"],
        apiUrl: ctx.run.apiUrl,
    });
    const where = { owner: repo.owner, repo: repo.repo };
    const search = { ...where, title: ISSUE_TITLE, label: ISSUE_LABEL };
    try {
        const open = await (0,issues/* findOpenIncident */.Ke)(octokit, search);
        if (r.status === "ready") {
            if (!open)
                return { action: "none", url: undefined, line: "Every check passes; no readiness issue is open." };
            await octokit.rest.issues.createComment({
                ...where,
                issue_number: open.number,
                body: `Every check passes again (${r.checkedAt}).`,
            });
            await octokit.rest.issues.update({ ...where, issue_number: open.number, state: "closed" });
            return {
                action: "closed",
                url: open.html_url,
                line: `Closed ${open.html_url}: every check passes again.`,
            };
        }
        if (open) {
            await octokit.rest.issues.update({ ...where, issue_number: open.number, body: body(ctx, r) });
            return { action: "updated", url: open.html_url, line: `Updated ${open.html_url}.` };
        }
        try {
            const { data } = await octokit.rest.issues.create({
                ...where,
                title: ISSUE_TITLE,
                body: body(ctx, r),
                labels: [ISSUE_LABEL],
            });
            return { action: "opened", url: data.html_url, line: `Opened ${data.html_url}.` };
        }
        catch (error) {
            const status = error.status;
            const created = status === undefined || status >= 500
                ? await (0,issues/* findOpenIncident */.Ke)(octokit, search).catch(() => undefined)
                : undefined;
            if (created)
                return { action: "opened", url: created.html_url, line: `Opened ${created.html_url}.` };
            throw error;
        }
    }
    catch (error) {
        // The readiness report stands without the issue: say so, and how to fix it.
        const line = `The readiness issue could not be written: ${(0,github_client/* githubErrorMessage */.L)(error)}. Give the workflow permissions: issues: write.`;
        ctx.log.warn(line);
        return { action: "none", url: undefined, line };
    }
}

;// CONCATENATED MODULE: ./src/actions/readiness/objectives.ts

const DATA = ["database", "storage"];
const CODE = ["railway", "vercel"];
/**
 * The full runbook restores data one step after another, then rolls the code back on every platform at
 * once: the estimate is the data steps' sum plus the slowest code step. A step without a figure is named.
 */
function objectives(results, rtoMs, rpoMs) {
    const parts = [];
    const timings = {};
    const missing = [];
    let data = 0;
    let code = 0;
    let measured = false;
    for (const [target, result] of results) {
        if (result.rto) {
            measured = true;
            timings[target] = result.rto.seconds;
            parts.push(`${target}: ${age(result.rto.seconds)} (${result.rto.basis})`);
            if (DATA.includes(target))
                data += result.rto.seconds;
            if (CODE.includes(target))
                code = Math.max(code, result.rto.seconds);
        }
        else if (target === "database")
            missing.push("database restore (not rehearsed: rehearse: true measures it)");
        else if (target === "railway")
            missing.push("railway (no successful deployment to time)");
    }
    const rtoEstimate = measured ? Math.round(data + code) : undefined;
    const checks = [];
    const rto = rtoMs / 1000;
    const unmeasured = missing.length ? `; not measured: ${missing.join(", ")}` : "";
    if (rtoEstimate === undefined) {
        checks.push(warn("objectives", "RTO", `no step could be timed${unmeasured}`, "Run with rehearse: true, and deploy at least once, so the steps can be timed."));
    }
    else if (rtoEstimate > rto) {
        checks.push(warn("objectives", "RTO", `estimate ${age(rtoEstimate)} exceeds the objective ${age(rto)}${unmeasured}`, "Shorten the slowest step (parts in the report): smaller dumps, more restore jobs, faster deploys, or agree a longer rto."));
    }
    else {
        checks.push(pass("objectives", "RTO", `estimate ${age(rtoEstimate)} within ${age(rto)}${unmeasured}`));
    }
    let rpoExposure;
    // Railway names a restorable point only when a database service was given.
    const dataResults = [...results].filter(([target, r]) => DATA.includes(target) || r.rpo);
    for (const [target, result] of dataResults) {
        if (!result.rpo)
            continue;
        parts.push(`${target} exposure: ${age(result.rpo.seconds)} (${result.rpo.basis})`);
        rpoExposure = Math.max(rpoExposure ?? 0, result.rpo.seconds);
    }
    const rpo = rpoMs / 1000;
    if (dataResults.length && rpoExposure === undefined) {
        checks.push(fail("objectives", "RPO", "no restorable point was found", "Fix the failing data checks: without a backup nothing can be restored."));
    }
    else if (rpoExposure !== undefined && rpoExposure > rpo) {
        checks.push(warn("objectives", "RPO", `up to ${age(rpoExposure)} of data would be lost (objective ${rpo ? age(rpo) : "0"})`, rpo === 0
            ? "Only continuous point-in-time recovery meets an RPO of 0 (Railway volume or Atlas PITR, WAL archiving); else back up more often and set rpo to what is agreed."
            : "Back up more often than the objective."));
    }
    else if (rpoExposure !== undefined) {
        checks.push(pass("objectives", "RPO", `exposure ${age(rpoExposure)} within ${rpo ? age(rpo) : "0"}`));
    }
    return {
        rtoEstimate,
        rpoExposure: rpoExposure === undefined ? undefined : Math.round(rpoExposure),
        parts,
        timings,
        checks,
    };
}

// EXTERNAL MODULE: ./src/platforms/railway/deployments.ts
var railway_deployments = __webpack_require__(1720);
// EXTERNAL MODULE: ./src/platforms/railway/resolve.ts
var resolve = __webpack_require__(3584);
// EXTERNAL MODULE: ./src/platforms/railway/volumes.ts + 1 modules
var volumes = __webpack_require__(3054);
;// CONCATENATED MODULE: ./src/actions/readiness/railway-queries.ts
/** Read-only Railway operations readiness adds; each is validated against Railway's public schema in tests. */
const FIELDS = "id status createdAt statusUpdatedAt canRollback canRedeploy meta serviceId environmentId";
/** What railway-redeploy reads to pick its target, plus statusUpdatedAt: the pick and the deploy time in one read. */
const SERVICE_DEPLOYMENTS_QUERY = `query ReadinessServiceDeployments($projectId: String!, $environmentId: String!, $serviceId: String!) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments { ${FIELDS} }
  }
  deployments(first: 20, input: { projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId }) {
    edges { node { ${FIELDS} } }
  }
}`;
const BACKUP_SCHEDULES_QUERY = `query VolumeBackupSchedules($volumeInstanceId: String!) {
  volumeInstanceBackupScheduleList(volumeInstanceId: $volumeInstanceId) {
    id
    kind
    cron
    retentionSeconds
  }
}`;
const READINESS_OPERATIONS = { SERVICE_DEPLOYMENTS_QUERY, BACKUP_SCHEDULES_QUERY };

;// CONCATENATED MODULE: ./src/actions/readiness/railway.ts








const railway_T = "railway";
const ageOf = (iso) => (Date.now() - Date.parse(iso)) / 1000;
/** Railway: the token, each service's automatic pick, and the database volume's backups. */
async function checkRailway(ctx) {
    const { settings } = ctx;
    let client;
    let projectId;
    let environment;
    let services;
    let database;
    try {
        const token = await (0,railway_client/* connect */.Ng)({
            token: settings["railway-token"],
            tokenType: "auto",
            apiUrl: settings["railway-api-url"],
            logger: ctx.log,
        });
        const project = await (0,resolve/* resolveProject */.KI)(token, settings["railway-project"]);
        environment = (0,resolve/* resolveEnvironment */.g9)(project, token, settings.environment);
        services = (0,resolve/* resolveServices */.bs)(project, settings.services);
        const db = settings["railway-database-service"];
        database = db ? (0,resolve/* resolveServices */.bs)(project, [db])[0] : undefined;
        client = token.client;
        projectId = project.id;
    }
    catch (error) {
        const fix = "Create a new project token for this environment (Project → Settings → Tokens), store it as RAILWAY_TOKEN, and check railway-project, environment and services.";
        return { checks: [fail(railway_T, "token and project", (0,secrets/* errorMessage */.gJ)(error), fix)] };
    }
    const checks = [
        pass(railway_T, "token and project", `project ${projectId}, environment ${environment.name}`),
    ];
    const picks = await Promise.all(services.map((s) => checkService(client, projectId, environment.id, s)));
    checks.push(...picks.map((p) => p.check));
    const result = { checks };
    const times = picks.flatMap((p) => (p.deploySeconds === undefined ? [] : [p.deploySeconds]));
    if (times.length)
        result.rto = { seconds: Math.max(...times), basis: "the slowest service's last successful deploy" };
    if (database) {
        const backups = await checkBackups(client, projectId, environment.id, database);
        checks.push(...backups.checks);
        if (backups.rpo)
            result.rpo = backups.rpo;
    }
    return result;
}
async function checkService(client, projectId, environmentId, service) {
    const name = `${service.name}: rollback target`;
    try {
        const { active, deployments } = await serviceDeployments(client, projectId, environmentId, service.id);
        const serving = active[0] ?? deployments[0];
        if (!serving)
            return { check: fail(railway_T, name, "no deployment", "Deploy the service first.") };
        const deploySeconds = deployTime(serving);
        const choice = (0,railway_deployments/* chooseTarget */.bx)(serving, deployments);
        if (choice.kind === "target") {
            const evidence = `${choice.target.id}, ${age(ageOf(choice.target.createdAt))} old, canRollback`;
            return { check: pass(railway_T, name, evidence), deploySeconds };
        }
        if (choice.kind === "none") {
            const skipped = choice.skipped.map((s) => `${s.id}: ${s.reason}`).join("; ");
            return {
                check: fail(railway_T, name, `${choice.reason}${skipped ? ` (${skipped})` : ""}`, "Deploy a known-good version again so a recent image exists (railway redeploy), or plan a rebuild from a known-good commit (git-revert)."),
                deploySeconds,
            };
        }
        return {
            check: warn(railway_T, name, `production (${serving.id}) is itself a rollback or redeploy: an automatic pick stays on it`, "Deploy the fixed version, so production is no longer a rollback; going further back needs an explicit railway-deployment."),
            deploySeconds,
        };
    }
    catch (error) {
        return {
            check: fail(railway_T, name, (0,secrets/* errorMessage */.gJ)(error), "Check the token may read this service's deployments."),
        };
    }
}
const timedDeployment = railway_client/* deploymentSchema */.fP.extend({ statusUpdatedAt: schemas/* string */.YjP().nullable().optional() });
const serviceDeploymentsData = schemas/* object */.Ikc({
    serviceInstance: schemas/* object */.Ikc({ activeDeployments: schemas/* array */.YOg(timedDeployment) }).nullable(),
    deployments: schemas/* object */.Ikc({ edges: schemas/* array */.YOg(schemas/* object */.Ikc({ node: timedDeployment })) }),
});
const newestFirst = (list) => [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
async function serviceDeployments(client, projectId, environmentId, serviceId) {
    const data = await client.query("ReadinessServiceDeployments", SERVICE_DEPLOYMENTS_QUERY, { projectId, environmentId, serviceId }, serviceDeploymentsData);
    return {
        active: newestFirst(data.serviceInstance?.activeDeployments ?? []),
        deployments: newestFirst(data.deployments.edges.map((e) => e.node)),
    };
}
/** Seconds from creation to SUCCESS of the serving deployment (build included: a rollback reuses the image, so at most this). */
function deployTime(deployment) {
    if (deployment.status !== "SUCCESS" || !deployment.statusUpdatedAt)
        return undefined;
    const seconds = (Date.parse(deployment.statusUpdatedAt) - Date.parse(deployment.createdAt)) / 1000;
    return seconds > 0 ? seconds : undefined;
}
const schedulesData = schemas/* object */.Ikc({
    volumeInstanceBackupScheduleList: schemas/* array */.YOg(schemas/* object */.Ikc({ kind: schemas/* string */.YjP(), retentionSeconds: schemas/* number */.aig().nullable() })),
});
async function checkBackups(client, projectId, environmentId, database) {
    const schedule = `${database.name}: backup schedule`;
    const newest = `${database.name}: newest backup`;
    try {
        const volume = (await (0,volumes/* environmentVolumes */.XH)(client, projectId, environmentId)).instances.find((v) => v.serviceId === database.id);
        if (!volume) {
            return {
                checks: [
                    fail(railway_T, schedule, `${database.name} has no volume in this environment`, "Check railway-database-service names the database service."),
                ],
            };
        }
        const [{ volumeInstanceBackupScheduleList: schedules }, backups] = await Promise.all([
            client.query("VolumeBackupSchedules", BACKUP_SCHEDULES_QUERY, { volumeInstanceId: volume.id }, schedulesData),
            (0,volumes/* listBackups */.Cw)(client, volume.id),
        ]);
        const checks = [
            schedules.length
                ? pass(railway_T, schedule, schedules
                    .map((s) => `${s.kind.toLowerCase()}${s.retentionSeconds ? `, kept ${age(s.retentionSeconds)}` : ""}`)
                    .join("; "))
                : fail(railway_T, schedule, "no backup schedule on the volume", `Turn on scheduled backups: ${database.name} → Backups → Edit schedule (daily).`),
        ];
        const last = backups[0];
        if (!last) {
            checks.push(fail(railway_T, newest, "no backup of the volume", `Create one now (${database.name} → Backups → Backup now) and turn on a schedule.`));
            return { checks };
        }
        const seconds = ageOf(last.createdAt);
        checks.push(pass(railway_T, newest, `${last.name ?? last.id}, ${age(seconds)} old`));
        return { checks, rpo: { seconds, basis: `Railway volume backup of ${database.name}` } };
    }
    catch (error) {
        return {
            checks: [fail(railway_T, schedule, (0,secrets/* errorMessage */.gJ)(error), "Check the token may read the environment's volumes.")],
        };
    }
}

// EXTERNAL MODULE: ./src/platforms/s3/client.ts
var s3_client = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/actions/readiness/storage.ts



const storage_T = "storage";
/** S3: versioning Enabled, no lifecycle rule expiring noncurrent versions before the horizon, versions listable. */
async function checkStorage(ctx) {
    const { settings } = ctx;
    const bucket = settings["storage-bucket"];
    const prefix = settings["storage-prefix"];
    const clients = await (0,s3_client/* s3Clients */.fF)({
        endpoint: settings["storage-endpoint"],
        region: settings["storage-region"],
        accessKeyId: settings["storage-access-key-id"],
        secretAccessKey: settings["storage-secret-access-key"],
    });
    try {
        const checks = await Promise.all([
            versioning(clients, bucket),
            lifecycle(clients, bucket, prefix, settings["restore-horizon"] / 1000),
            listVersions(clients, bucket, prefix),
        ]);
        // A versioned bucket restores to any moment: its exposure is none.
        const rpo = checks[0].state === "pass" ? { seconds: 0, basis: `${bucket} versioning` } : undefined;
        return { checks, rpo };
    }
    finally {
        clients.close();
    }
}
async function versioning(clients, bucket) {
    try {
        const status = await (0,s3_client/* versioningStatus */.zi)(clients, bucket);
        if (status === "Enabled")
            return pass(storage_T, "versioning", `${bucket}: Enabled`);
        return fail(storage_T, "versioning", `${bucket}: ${status ?? "never enabled"}, so overwritten and deleted objects are not kept`, `Enable versioning: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled`);
    }
    catch (error) {
        return fail(storage_T, "versioning", `${bucket}: ${(0,secrets/* errorMessage */.gJ)(error)}`, "Allow s3:GetBucketVersioning to the credentials, and check storage-bucket.");
    }
}
async function lifecycle(clients, bucket, prefix, horizon) {
    const check = "noncurrent versions kept";
    const { GetBucketLifecycleConfigurationCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    let rules;
    try {
        const answer = await (0,s3_client/* call */.T1)("GetBucketLifecycleConfiguration", () => clients.read.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })));
        rules = answer.Rules ?? [];
    }
    catch (error) {
        if (error instanceof s3_client/* StorageError */.aq && error.code === "NoSuchLifecycleConfiguration") {
            return pass(storage_T, check, `${bucket}: no lifecycle rules, noncurrent versions are kept`);
        }
        return warn(storage_T, check, `${bucket}: ${(0,secrets/* errorMessage */.gJ)(error)}`, "Allow s3:GetLifecycleConfiguration to the credentials, so the rules can be checked.");
    }
    const short = rules.filter((rule) => {
        const days = rule.NoncurrentVersionExpiration?.NoncurrentDays;
        const scope = rule.Filter?.Prefix ?? rule.Prefix ?? "";
        // A rule reaches the restored keys when one prefix contains the other.
        const overlaps = scope.startsWith(prefix) || prefix.startsWith(scope);
        return rule.Status === "Enabled" && days !== undefined && days * 86_400 < horizon && overlaps;
    });
    if (!short.length)
        return pass(storage_T, check, `${bucket}: no rule expires noncurrent versions within ${age(horizon)}`);
    const named = short.map((r) => `${r.ID ?? "unnamed"} (${r.NoncurrentVersionExpiration?.NoncurrentDays}d)`);
    return fail(storage_T, check, `${bucket}: ${named.join(", ")} expire${short.length === 1 ? "s" : ""} noncurrent versions sooner than the restore horizon (${age(horizon)})`, `Raise NoncurrentDays to at least ${Math.ceil(horizon / 86_400)} in those rules, or shorten restore-horizon.`);
}
async function listVersions(clients, bucket, prefix) {
    const { ListObjectVersionsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    try {
        await (0,s3_client/* call */.T1)("ListObjectVersions", () => clients.read.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix || undefined, MaxKeys: 1 })));
        return pass(storage_T, "may list versions", `${bucket}${prefix ? `/${prefix}` : ""}: ListObjectVersions allowed`);
    }
    catch (error) {
        return fail(storage_T, "may list versions", `${bucket}: ${(0,secrets/* errorMessage */.gJ)(error)}`, "Allow s3:ListBucketVersions (and s3:GetObjectVersion, s3:PutObject for the restore) to the credentials.");
    }
}

// EXTERNAL MODULE: ./src/platforms/vercel/client.ts + 1 modules
var vercel_client = __webpack_require__(8574);
// EXTERNAL MODULE: ./src/actions/vercel-promote/pick.ts
var pick = __webpack_require__(8745);
// EXTERNAL MODULE: ./src/actions/vercel-promote/target.ts
var target = __webpack_require__(2329);
;// CONCATENATED MODULE: ./src/actions/readiness/vercel.ts






const vercel_T = "vercel";
/** Vercel: token and project, the deployment an automatic rollback would pick, and whether a rollback pins production now. */
async function checkVercel(ctx) {
    const { settings } = ctx;
    const name = settings["vercel-project"];
    const client = new vercel_client/* VercelClient */.zJ({
        token: settings["vercel-token"],
        baseUrl: settings["vercel-api-url"],
        team: settings["vercel-team"],
        log: ctx.log,
    });
    let project;
    try {
        project = await client.getProject(name);
    }
    catch (error) {
        const status = error instanceof core_http/* HttpError */.j$ ? error.status : undefined;
        const fix = status === 401 || status === 403
            ? "The token is expired or revoked, or lacks this team: create a new one (vercel.com/account/tokens, scoped to the team) and update VERCEL_TOKEN."
            : "Check vercel-project and vercel-team.";
        return { checks: [fail(vercel_T, "token and project", (0,secrets/* errorMessage */.gJ)(error), fix)] };
    }
    const checks = [pass(vercel_T, "token and project", `${project.name} (${project.id})`)];
    const current = project.targets?.production ?? undefined;
    if (!current) {
        checks.push(fail(vercel_T, "rollback target", "nothing serves production", "Deploy to production first."));
        return { checks };
    }
    const from = (0,target/* productionTarget */.hF)(current);
    if (project.autoAssignCustomDomains === false) {
        const undo = `vercel promote ${current.id}${settings["vercel-team"] ? ` --scope ${settings["vercel-team"]}` : ""}`;
        const stays = (0,pick/* rolledBackTo */.rt)(project, current.id) ? " (an automatic rollback now stays on it)" : "";
        checks.push(warn(vercel_T, "production pinned", `a rollback is in effect: production stays on ${current.id} and new deployments do not reach it${stays}`, `When the fix is deployed, undo the rollback: \`${undo}\`, or Undo Rollback in the dashboard.`));
    }
    else {
        checks.push(pass(vercel_T, "production pinned", "no rollback in effect: production follows new deployments"));
    }
    try {
        const silent = { info: () => { }, warn: () => { }, debug: () => { } };
        const target = await (0,pick/* pickAutomatically */.Bm)(client, silent, project, from);
        const old = target.createdAt === undefined ? "" : `, ${age((Date.now() - target.createdAt) / 1000)} old`;
        checks.push(pass(vercel_T, "rollback target", `${target.id} READY${old}`));
    }
    catch (error) {
        checks.push(fail(vercel_T, "rollback target", (0,secrets/* errorMessage */.gJ)(error), "Keep at least one READY production deployment older than the current one (redeploy a known-good commit)."));
    }
    return { checks };
}

;// CONCATENATED MODULE: ./src/actions/readiness/index.ts















const CHECKERS = {
    railway: checkRailway,
    vercel: checkVercel,
    database: checkData,
    cache: checkCache,
    storage: checkStorage,
    notify: checkNotify,
    "git-revert": checkGitRevert,
    workflow: checkWorkflow,
};
/** PostgreSQL (database-url) and Atlas (atlas-client-id), each when configured, side by side. */
async function checkData(ctx) {
    const parts = await Promise.all([
        ctx.settings["database-url"] ? checkDatabase(ctx) : undefined,
        ctx.settings["atlas-client-id"] ? checkAtlas(ctx) : undefined,
    ]);
    const found = parts.filter((p) => p !== undefined);
    const rpos = found.flatMap((p) => (p.rpo ? [p.rpo] : []));
    return {
        checks: found.flatMap((p) => p.checks),
        rto: found.find((p) => p.rto)?.rto,
        rpo: rpos.sort((a, b) => b.seconds - a.seconds)[0],
    };
}
/** Every target at once; a checker that throws is one failed check, never the whole run. */
async function runChecks(ctx, targets) {
    const results = await Promise.all(targets.map(async (target) => {
        try {
            return [target, await CHECKERS[target](ctx)];
        }
        catch (error) {
            const check = fail(target, "checked", (0,secrets/* errorMessage */.gJ)(error), `Fix what the message says about ${target}'s settings, then run again.`);
            return [target, { checks: [check] }];
        }
    }));
    return new Map(results);
}
/** Read-only: would each step of the rollback work now, and how long would it take? */
/* harmony default export */ const readiness = ((0,action/* defineAction */.QP)({
    name: "readiness",
    title: "Rollback readiness",
    inputs: readinessInputs,
    readOnly: true,
    async plan(ctx) {
        return { targets: readTargets(ctx) };
    },
    describe(plan, summary) {
        summary.text(`Checks ${plan.targets.join(", ")} with read-only calls.`);
    },
    async apply(ctx, plan) {
        // pg_dump, pg_restore and psql inherit process.env, where the runner put this step's inputs (secrets
        // among them) as INPUT_*: every input has been read by now, so none of them goes to a child process.
        for (const name of Object.keys(process.env))
            if (name.startsWith("INPUT_"))
                delete process.env[name];
        ctx.log.info(`Checking ${plan.targets.join(", ")}, all at once.`);
        const results = await runChecks(ctx, plan.targets);
        const checks = [...results.values()].flatMap((r) => r.checks);
        const figures = objectives(results, ctx.settings.rto, ctx.settings.rpo);
        checks.push(...figures.checks);
        const readiness = {
            status: overall(checks),
            checkedAt: new Date().toISOString(),
            checks,
            objectives: figures,
            rto: ctx.settings.rto / 1000,
            rpo: ctx.settings.rpo / 1000,
        };
        const report = writeReport(ctx.run.temp, readiness);
        // A cancelled run's checks are incomplete: the issue keeps what the last whole run said.
        const write = ctx.settings.issue && !ctx.settings["dry-run"] && !ctx.signal.aborted;
        const issue = write ? await updateIssue(ctx, readiness) : undefined;
        return { readiness, report, issue };
    },
    report(ctx, _plan, { readiness, report, issue }) {
        for (const line of [...figures(readiness), ...problems(readiness.checks)])
            ctx.log.info(line);
        if (issue)
            ctx.log.info(issue.line);
        const headline = { ready: "✅ ready", warnings: "⚠️ warnings", "not-ready": "❌ not ready" }[readiness.status];
        return {
            status: readiness.status,
            headline,
            outputs: {
                report,
                "rto-estimate": readiness.objectives.rtoEstimate,
                "rpo-exposure": readiness.objectives.rpoExposure,
                "issue-url": issue?.url,
            },
            summary: (summary) => {
                summarise(summary, readiness);
                if (issue)
                    summary.text(issue.line);
            },
            failure: readiness.status === "not-ready"
                ? `A rollback would not work now:\n${problems(readiness.checks.filter((c) => c.state === "fail")).join("\n")}`
                : undefined,
        };
    },
}));


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


/***/ }),

/***/ 2728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   aq: () => (/* binding */ StorageError),
/* harmony export */   fF: () => (/* binding */ s3Clients),
/* harmony export */   zi: () => (/* binding */ versioningStatus)
/* harmony export */ });
async function s3Clients(options) {
    const { S3Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const credentials = options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined;
    const common = {
        endpoint: options.endpoint || undefined,
        forcePathStyle: Boolean(options.endpoint),
        // Compatible services ignore the region but the signature needs one; AWS redirects a wrong one.
        region: options.region || process.env.AWS_REGION || "us-east-1",
        followRegionRedirects: true,
        credentials,
    };
    const read = new S3Client({ ...common, maxAttempts: 4 });
    const write = new S3Client({ ...common, maxAttempts: 1 });
    return {
        read,
        write,
        close: () => {
            read.destroy();
            write.destroy();
        },
    };
}
/** An S3 call that failed: the service's error code (NoSuchBucket, AccessDenied…) and HTTP status. */
class StorageError extends Error {
    name = "StorageError";
    operation;
    code;
    status;
    key;
    constructor(operation, cause, key) {
        const e = cause;
        const status = e?.$metadata?.httpStatusCode;
        const code = e?.name && e.name !== "Error" ? e.name : undefined;
        const what = key === undefined ? operation : `${operation} of ${JSON.stringify(key)}`;
        super(`${what} failed${code ? ` (${code}${status ? `, HTTP ${status}` : ""})` : ""}: ${e?.message ?? String(cause)}`);
        this.operation = operation;
        this.code = code;
        this.status = status;
        this.key = key;
    }
    /** No answer, or a server error: the write may or may not have happened. */
    get ambiguous() {
        return this.status === undefined || this.status >= 500;
    }
}
async function call(operation, run, key) {
    try {
        return await run();
    }
    catch (error) {
        throw new StorageError(operation, error, key);
    }
}
/**
 * The bucket's versioning state (GetBucketVersioning): "Enabled", "Suspended", or undefined when it
 * was never turned on. Services without versioning (R2, Supabase Storage) answer an error or nothing.
 */
async function versioningStatus(clients, bucket) {
    const { GetBucketVersioningCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const answer = await call("GetBucketVersioning", () => clients.read.send(new GetBucketVersioningCommand({ Bucket: bucket })));
    return typeof answer.Status === "string" ? answer.Status : undefined;
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
