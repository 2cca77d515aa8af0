export const id = 235;
export const ids = [235];
export const modules = {

/***/ 3235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wE: () => (/* binding */ checkMigrations),
  n8: () => (/* binding */ line),
  WN: () => (/* binding */ migrationInputs)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/platforms/git.ts + 1 modules
var git = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/platforms/git-range.ts
const STATUS = { A: "added", M: "modified", D: "removed", T: "changed" };
/**
 * The files `select` keeps among those changed from the merge base of `base` and `head` to `head` (the
 * same range GitHub's compare reads), from the local history; undefined when the history is not all
 * there (no repository, a commit missing, or a shallow clone without the merge base). One git process
 * when a commit is missing, four when the history is there, whatever the size of the range; no file limit.
 */
async function rangeFiles(git, range, select) {
    // Names from a platform's metadata: one per input line, or none.
    if (/\s/.test(range.base + range.head))
        return undefined;
    // One process for both commits (and for "no repository here"): the negative answer is the common one.
    const found = await git.run(["cat-file", "--batch-check"], {
        input: `${range.base}^{commit}\n${range.head}^{commit}\n`,
        allowFailure: true,
    });
    const [base, head] = found.stdout.split("\n").map((line) => /^([0-9a-f]{40,64}) commit /.exec(line)?.[1]);
    if (found.exitCode !== 0 || !base || !head)
        return undefined;
    // Fails without a merge base (a shallow clone cut above it): the history is not all there.
    const listed = await git.run(["diff", "--no-renames", "--name-status", "-z", `${base}...${head}`], {
        allowFailure: true,
    });
    if (listed.exitCode !== 0)
        return undefined;
    const names = listed.stdout;
    const parts = names.split("\0");
    const changed = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
        const path = parts[i + 1];
        if (select(path))
            changed.push({ path, status: STATUS[parts[i]] ?? "changed" });
    }
    if (!changed.length)
        return [];
    const paths = changed.map((file) => file.path);
    // Literal pathspecs: a file name with `*` or `:` means itself.
    const [log, diff] = await Promise.all([
        git.out([
            "--literal-pathspecs",
            "log",
            "--no-renames",
            "--format=%x00%H",
            "--name-only",
            `${base}..${head}`,
            "--",
            ...paths,
        ]),
        git.out([
            "--literal-pathspecs",
            "diff",
            "--no-renames",
            "--no-color",
            "-U0",
            `${base}...${head}`,
            "--",
            ...paths,
        ]),
    ]);
    const newest = newestCommits(log);
    const patches = splitPatches(diff);
    return changed.map((file) => ({
        ...file,
        patch: patches.get(file.path),
        commit: newest.get(file.path) ?? head,
    }));
}
/** `git log --format=%x00%H --name-only`, newest first: each path's first commit seen. */
function newestCommits(log) {
    const newest = new Map();
    for (const entry of log.split("\0").filter(Boolean)) {
        const [sha, ...files] = entry.trim().split("\n");
        for (const file of files)
            if (file && sha && !newest.has(file))
                newest.set(file, sha);
    }
    return newest;
}
/** A `git diff` output split per file, by its `+++ b/<path>` line (quoted paths are left unmatched). */
function splitPatches(diff) {
    const patches = new Map();
    for (const chunk of diff.split(/^(?=diff --git )/m)) {
        const path = /^\+\+\+ b\/(.+)$/m.exec(chunk)?.[1];
        if (path)
            patches.set(path, chunk.slice(chunk.indexOf("\n@@") + 1));
    }
    return patches;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/http.ts
var core_http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/platforms/github/compare.ts


/**
 * GitHub's compare lists changed files on its first page only, "up to 300 changed files for the entire
 * comparison" (REST docs, "Compare two commits": Working with large comparisons); later pages carry
 * commits, never more files. So one request is all there is to read.
 */
const COMPARE_FILE_LIMIT = 300;
const fileSchema = schemas/* object */.Ikc({
    filename: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    // Left out for binary files and diffs too large to show.
    patch: schemas/* string */.YjP().optional(),
});
const compareSchema = schemas/* object */.Ikc({
    status: schemas/* string */.YjP(),
    total_commits: schemas/* number */.aig(),
    files: schemas/* array */.YOg(fileSchema).optional(),
});
/**
 * The files changed from the merge base of `base` and `head` to `head` (`base...head`), in one request.
 * On the shared HTTP client rather than Octokit: a rollback's plan already loaded it, and this read is on
 * the plan's path (retried like any GET; a short timeout, since warn mode goes on without it).
 */
async function compareCommits(options, repo, range) {
    const http = new core_http/* HttpClient */.Qq({
        baseUrl: options.apiUrl,
        platform: "GitHub",
        timeoutMs: 15_000,
        retries: 2,
        headers: {
            authorization: `Bearer ${options.token}`,
            accept: "application/vnd.github+json",
            "x-github-api-version": "2022-11-28",
        },
        errorDetails: (body) => {
            const message = body?.message;
            return typeof message === "string" ? { message } : undefined;
        },
    });
    const path = `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/compare/${encodeURIComponent(range.base)}...${encodeURIComponent(range.head)}`;
    const { data } = await http.request({ path, schema: compareSchema });
    const files = (data.files ?? []).map((f) => ({ path: f.filename, status: f.status, patch: f.patch }));
    return {
        status: data.status,
        totalCommits: data.total_commits,
        files,
        complete: files.length < COMPARE_FILE_LIMIT,
    };
}

;// CONCATENATED MODULE: ./src/migrations/flags.ts
const FLAGS = ["drop", "rename", "type-change", "not-null"];
/** SQL without comments, upper-cased, in statements. */
function statements(sql) {
    return sql
        .replace(/--[^\n]*/g, " ")
        .replace(/\/\*[\s\S]*?\*\//g, " ")
        .replace(/\s+/g, " ")
        .toUpperCase()
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
}
const NAME = String.raw `(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[\w.]+)`;
const ALTER_TABLE = new RegExp(String.raw `\bALTER TABLE (?:ONLY )?(?:IF EXISTS )?${NAME} `);
/** Clauses of one ALTER TABLE: split at the comma before each new action. */
const CLAUSE = /,\s*(?=(?:ADD|DROP|ALTER|RENAME|MODIFY|CHANGE)\b)/;
function sqlFlags(sql) {
    const flags = new Set();
    for (const statement of statements(sql)) {
        // Not anchored: SQL inside a framework migration sits in a string (`execute "DROP TABLE …"`).
        if (/\bDROP (?:TABLE|VIEW|MATERIALIZED VIEW|SCHEMA|TYPE)\b/.test(statement))
            flags.add("drop");
        if (/\bSP_RENAME\b|\bRENAME TABLE\b/.test(statement))
            flags.add("rename");
        const alter = ALTER_TABLE.exec(statement);
        if (!alter)
            continue;
        const clauses = statement.slice(alter.index + alter[0].length).split(CLAUSE);
        for (const clause of clauses) {
            // DROP CONSTRAINT/INDEX/DEFAULT and ALTER … DROP NOT NULL loosen the schema: old code still works.
            if (/^DROP (?!CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|CHECK|DEFAULT|NOT NULL)/.test(clause))
                flags.add("drop");
            if (/^RENAME (?!CONSTRAINT|INDEX|KEY)/.test(clause) || /^CHANGE /.test(clause))
                flags.add("rename");
            if (/^ALTER (?:COLUMN )?\S+ (?:SET DATA )?TYPE /.test(clause) || /^MODIFY /.test(clause))
                flags.add("type-change");
            if (/\bSET NOT NULL\b/.test(clause) && !/\bSET DEFAULT\b/.test(statement))
                flags.add("not-null");
            if (/^ADD (?!CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|UNIQUE|CHECK)/.test(clause)) {
                if (/\bNOT NULL\b/.test(clause) && !/\bDEFAULT\b/.test(clause) && !/\bGENERATED\b/.test(clause))
                    flags.add("not-null");
            }
        }
    }
    return flags;
}
/** The same changes written with a framework's migration helpers (Rails, Django, Alembic, Knex, …). */
const HELPERS = [
    ["drop", /\b(?:remove_column|remove_columns|drop_table|remove_reference|drop_column)\b/],
    ["drop", /\b(?:RemoveField|DeleteModel|dropColumns?|dropTable|removeColumn|dropTableIfExists)\b/],
    ["rename", /\b(?:rename_column|rename_table|RenameField|RenameModel|renameColumn|renameTable)\b/],
    ["rename", /\bnew_column_name\s*=/],
    ["type-change", /\b(?:change_column|AlterField|changeColumn|alterColumn)\b/],
    ["type-change", /\balter_column\([^)]*\btype_\s*=/],
    ["not-null", /\bchange_column_null\b[^\n]*\bfalse\b/],
    ["not-null", /\balter_column\([^)]*\bnullable\s*=\s*False/],
    ["not-null", /\badd_column\([^)]*\bnullable\s*=\s*False(?![^)]*server_default)[^)]*\)/],
    ["not-null", /\badd_column\b[^\n]*\bnull:\s*false\b(?![^\n]*\bdefault:)/],
];
/** The flags of a migration's added text; `.sql` files are read as SQL, others by their helpers. */
function flagsOf(path, text) {
    const found = /\.sql$/i.test(path) ? sqlFlags(text) : new Set();
    if (!/\.sql$/i.test(path)) {
        for (const [flag, pattern] of HELPERS)
            if (pattern.test(text))
                found.add(flag);
        // SQL run from a migration file (execute "…", op.execute, queryRunner.query, knex.raw).
        for (const flag of sqlFlags(text))
            found.add(flag);
    }
    return FLAGS.filter((flag) => found.has(flag));
}
/** The lines a unified diff adds (without the `+`): what the migration brings. */
function addedText(patch) {
    return patch
        .split("\n")
        .filter((line) => line.startsWith("+") && !line.startsWith("+++"))
        .map((line) => line.slice(1))
        .join("\n");
}

;// CONCATENATED MODULE: ./src/migrations/tools.ts
const at = (rest) => new RegExp(`(?:^|/)${rest}$`);
/** First match wins: the specific layouts come before the generic `migrations/` folder. */
const LAYOUTS = [
    ["prisma", at(String.raw `prisma/migrations/[^/]+/migration\.sql`)],
    ["supabase", at(String.raw `supabase/migrations/[^/]+\.sql`)],
    ["drizzle", at(String.raw `drizzle/(?:[^/]+/)*(?:[^/]+\.sql|meta/_journal\.json)`)],
    ["rails", at(String.raw `db/migrate/[^/]+\.rb`)],
    ["alembic", at(String.raw `[^/]+/versions/[^/]+\.py`)],
    ["django", at(String.raw `[^/]+/migrations/(?!__init__\.py$)[^/]+\.py`)],
    ["flyway", at(String.raw `V[^/]*__[^/]+\.sql`)],
    ["golang-migrate", at(String.raw `[^/]+\.up\.sql`)],
    ["liquibase", at(String.raw `(?:changelogs?/(?:[^/]+/)*[^/]+|[^/]*changelog[^/]*)\.(?:xml|ya?ml|json|sql)`)],
    ["knex", at(String.raw `migrations/[^/]+\.(?:[cm]?js|[cm]?ts)`)],
    // A down migration runs only when someone rolls the schema back by hand.
    ["sql", at(String.raw `migrations/(?![^/]+\.down\.sql$)[^/]+\.sql`)],
];
/**
 * The tool of a file, or undefined when it is no migration. Files in a `migrations/` folder written in
 * JavaScript or TypeScript are told apart by what they import, when their text is known (Knex otherwise).
 */
function toolOf(path, patterns, text = "") {
    const found = LAYOUTS.find(([, layout]) => layout.test(path))?.[0];
    if (found === "knex") {
        if (/MigrationInterface|QueryRunner/.test(text))
            return "typeorm";
        if (/queryInterface|sequelize/i.test(text))
            return "sequelize";
    }
    if (found)
        return found;
    return patterns.some((pattern) => pattern.test(path)) ? "migrations-path" : undefined;
}
/**
 * A `migrations-path` glob as a regular expression over the whole path: `**` any folders, `*` and `?`
 * within one name. A pattern without a slash matches a file name in any folder.
 */
function globToRegExp(glob) {
    const pattern = glob.trim().replace(/^\.?\//, "");
    let out = "";
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "*" && pattern[i + 1] === "*") {
            const slash = pattern[i + 2] === "/";
            out += slash ? "(?:[^/]+/)*" : ".*";
            i += slash ? 2 : 1;
        }
        else if (c === "*")
            out += "[^/]*";
        else if (c === "?")
            out += "[^/]";
        else
            out += c.replace(/[.+^$(){}|[\]\\]/g, "\\$&");
    }
    return new RegExp(pattern.includes("/") ? `^${out}$` : `(?:^|/)${out}$`);
}

;// CONCATENATED MODULE: ./src/migrations/find.ts


/** The migrations among changed files: added or changed ones (a removed file runs nothing). */
function findMigrations(files, patterns) {
    const found = [];
    for (const file of files) {
        if (file.status === "removed")
            continue;
        const text = file.patch === undefined ? "" : addedText(file.patch);
        const tool = toolOf(file.path, patterns, text);
        if (!tool)
            continue;
        found.push({
            file: file.path,
            tool,
            commit: file.commit,
            flags: flagsOf(file.path, text),
            read: file.patch !== undefined,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/migrations/check.ts









/** The inputs railway-redeploy, vercel-promote and revert-commit share (SPEC.md "Migration safety"). */
const migrationInputs = {
    migrations: inputs/* input */.hF.choice(["warn", "block", "ignore"], "warn"),
    "allow-migrations": inputs/* input */.hF.boolean(false),
    "migrations-path": inputs/* input */.hF.list({ example: '"db/sql/*.sql, services/*/schema/**/*.sql"' }),
    "github-token": inputs/* input */.hF.secret({ example: "${{ github.token }}" }),
};
/**
 * The migrations between each range's target commit and production's, from the local history when the
 * checkout has both commits, else from GitHub's compare (one request per range). Reads only. Undefined
 * with `migrations: ignore`.
 */
async function checkMigrations(options, ranges) {
    const { settings } = options;
    if (settings.migrations === "ignore")
        return undefined;
    const patterns = settings["migrations-path"].map(globToRegExp);
    const select = (path) => toolOf(path, patterns) !== undefined;
    const reader = new RangeReader(options, select);
    const results = await Promise.all(ranges.map((range) => reader.read(range)));
    const migrations = [];
    const unknown = [];
    const restore = [];
    results.forEach((result, i) => {
        if (result.unknown)
            unknown.push(result.unknown);
        const found = findMigrations(result.files, patterns);
        for (const f of found)
            if (!migrations.some((m) => m.file === f.file && m.commit === f.commit))
                migrations.push(f);
        const { deployed, label } = ranges[i];
        if (found.length && deployed?.target && deployed.production)
            restore.push(`${label}: the first deploy that ran them came after the target's (${deployed.target}) and no later than production's (${deployed.production}); a database point-in-time just before that deploy takes the schema back with the code.`);
    });
    const allow = settings["allow-migrations"];
    const mode = settings.migrations;
    const blocks = mode === "block" && !allow && (migrations.length > 0 || unknown.length > 0);
    const check = { mode, allow, migrations, unknown, blocks, restore };
    logCheck(check, options.log);
    return check;
}
function logCheck(check, log) {
    if (check.migrations.length)
        log.warn(`Migrations between the target and production (the old code may not work with the new schema):\n${check.migrations.map(line).join("\n")}`);
    else if (!check.unknown.length)
        log.info("No migrations between the target and production.");
    for (const sentence of [...check.unknown, ...check.restore])
        log.warn(sentence);
}
function line(m) {
    const flags = m.read ? m.flags.join(", ") || "no flags" : "not read";
    return `${m.file} (${m.tool}, ${m.commit.slice(0, 7)}): ${flags}`;
}
const unknownRange = (sentence) => ({ files: [], unknown: sentence });
/** Reads ranges: the checkout first (no request, no file limit), GitHub when the history is not there. */
class RangeReader {
    options;
    select;
    git;
    /**
     * Whether to ask git at all: a given checkout, or a workspace with `.git` at its root (actions/checkout
     * puts it there). A rollback job without a checkout spares the process (tens of ms on a cold runner).
     */
    history;
    constructor(options, select) {
        this.options = options;
        this.select = select;
        const cwd = options.cwd ?? options.run.workspace;
        this.git = new git/* Git */.TU({ cwd, log: options.log, signal: options.signal });
        this.history = options.cwd !== undefined || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, ".git"));
    }
    /** The changed files known, and one sentence when they are not all known. */
    async read(range) {
        const { target, production } = range;
        const missing = [target, production].filter((side) => !side.commit).map((side) => side.name);
        if (missing.length)
            return unknownRange(`${range.label}: ${missing.join(" and ")} ${missing.length > 1 ? "have" : "has"} no commit (deployed from the CLI or an image), so the migrations between the target and production are unknown.`);
        const base = target.commit;
        const head = production.commit;
        if (base === head)
            return { files: [] };
        const local = this.history
            ? await rangeFiles(this.git, { base, head }, this.select).catch(() => undefined)
            : undefined;
        return local ? { files: local } : this.fromGitHub(range, base, head);
    }
    async fromGitHub(range, base, head) {
        const { settings, run } = this.options;
        const repo = range.repo ?? run.repository?.full;
        const [owner, name] = repo?.split("/") ?? [];
        const what = `${range.label}: the migrations between ${base.slice(0, 7)} and ${head.slice(0, 7)}`;
        if (!owner || !name)
            return unknownRange(`${what} are unknown: the repository is not known and the checkout lacks them.`);
        const token = settings["github-token"];
        if (!token)
            return unknownRange(`${what} are unknown: github-token is empty and the checkout lacks that history.`);
        try {
            const comparison = await compareCommits({ token, apiUrl: run.apiUrl }, { owner, repo: name }, { base, head });
            const files = comparison.files.map((file) => ({ ...file, commit: head }));
            if (comparison.complete)
                return { files };
            return {
                files,
                unknown: `${what} are not all known: GitHub lists only the first ${COMPARE_FILE_LIMIT} changed files of a comparison, and this one reached that limit. Check out the repository with its history (actions/checkout with fetch-depth: 0) for a full check.`,
            };
        }
        catch (error) {
            return unknownRange(`${what} could not be read: ${(0,secrets/* errorMessage */.gJ)(error)} (the token needs contents: read on ${repo}).`);
        }
    }
}


/***/ }),

/***/ 1817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  xT: () => (/* binding */ GitInterruptedError),
  mn: () => (/* binding */ basicAuthHeader)
});

// UNUSED EXPORTS: GitError

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/platforms/git-exec.ts

/** How long a process stopped with SIGTERM gets before SIGKILL. */
const KILL_AFTER_MS = 2000;
/** git processes still running: their groups are killed if node exits first, so none outlives the action. */
const live = new Set();
let exitHookInstalled = false;
function killGroup(child, signal) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    try {
        // The whole group: git's own children (receive-pack, hooks, ssh, remote helpers) stop with it.
        process.kill(-child.pid, signal);
    }
    catch {
        child.kill(signal);
    }
}
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on("exit", () => {
        for (const child of live)
            killGroup(child, "SIGKILL");
    });
}
/**
 * Runs git (arguments as an array, never a shell) in its own process group, so a Ctrl-C in a terminal
 * reaches node only and node decides what happens to a started command.
 */
function execGit(args, options) {
    installExitHook();
    return new Promise((resolve, reject) => {
        if (options.signal?.aborted) {
            resolve({ exitCode: -1, stdout: "", stderr: "", interrupted: true });
            return;
        }
        const child = (0,external_node_child_process_.spawn)("git", args, {
            cwd: options.cwd,
            env: options.env,
            detached: true,
            stdio: ["pipe", "pipe", "pipe"],
        });
        live.add(child);
        const stdout = [];
        const stderr = [];
        child.stdout.on("data", (chunk) => stdout.push(chunk));
        child.stderr.on("data", (chunk) => stderr.push(chunk));
        child.stdin.on("error", () => { });
        child.stdin.end(options.input ?? "");
        let interrupted = false;
        const timers = [];
        const stop = () => {
            interrupted = true;
            killGroup(child, "SIGTERM");
            timers.push(setTimeout(() => killGroup(child, "SIGKILL"), KILL_AFTER_MS));
        };
        const onAbort = () => {
            if (options.graceMs)
                timers.push(setTimeout(stop, options.graceMs));
            else
                stop();
        };
        options.signal?.addEventListener("abort", onAbort, { once: true });
        if (options.timeoutMs)
            timers.push(setTimeout(stop, options.timeoutMs));
        child.on("error", (error) => {
            cleanup();
            reject(error);
        });
        child.on("close", (code) => {
            cleanup();
            resolve({
                exitCode: code ?? -1,
                stdout: Buffer.concat(stdout).toString("utf8"),
                stderr: Buffer.concat(stderr).toString("utf8"),
                interrupted,
            });
        });
        function cleanup() {
            live.delete(child);
            for (const timer of timers)
                clearTimeout(timer);
            options.signal?.removeEventListener("abort", onAbort);
        }
    });
}

;// CONCATENATED MODULE: ./src/platforms/git.ts


class GitError extends Error {
    name = "GitError";
    result;
    constructor(args, result) {
        const detail = (result.stderr || result.stdout).trim().split("\n").slice(-6).join("\n");
        super(`git ${args.join(" ")} failed (exit ${result.exitCode})${detail ? `:\n${detail}` : ""}`);
        this.result = result;
    }
}
/** The run was stopped (SIGINT/SIGTERM) before or while this git command ran. */
class GitInterruptedError extends Error {
    name = "GitInterruptedError";
    constructor(args) {
        super(`git ${args[0]} was stopped: the run is being cancelled.`);
    }
}
/** The header value git sends: the base64 form of the token must be masked as a secret too. */
function basicAuthHeader(token) {
    return `AUTHORIZATION: basic ${external_node_buffer_.Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}
/** Local commands that change something a person may want to see in the log. */
const WRITES = new Set(["commit", "revert", "cherry-pick", "commit-tree", "worktree"]);
class Git {
    cwd;
    options;
    authEnvCache;
    constructor(options) {
        this.options = options;
        this.cwd = options.cwd;
    }
    /** The same client in another directory (a worktree of this repository). */
    at(cwd) {
        const git = new Git({ ...this.options, cwd });
        git.authEnvCache = this.authEnvCache;
        return git;
    }
    async run(args, options = {}) {
        const signal = options.ignoreSignal ? undefined : this.options.signal;
        if (signal?.aborted)
            throw new GitInterruptedError(args);
        const line = `$ git ${args.join(" ")}`;
        if (options.auth || WRITES.has(args[0] ?? ""))
            this.options.log?.info(line);
        else
            this.options.log?.debug(line);
        const env = {};
        for (const [key, value] of Object.entries(process.env))
            if (value !== undefined)
                env[key] = value;
        Object.assign(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, this.options.env, options.env);
        if (options.auth)
            Object.assign(env, await this.authEnv());
        const { interrupted, ...result } = await execGit(args, {
            cwd: this.cwd,
            env,
            input: options.input,
            signal,
            graceMs: options.graceMs,
            timeoutMs: options.timeoutMs,
        });
        if (interrupted)
            throw new GitInterruptedError(args);
        if (result.exitCode !== 0 && !options.allowFailure)
            throw new GitError(args, result);
        return result;
    }
    /** stdout, trimmed. */
    async out(args, options = {}) {
        return (await this.run(args, options)).stdout.trim();
    }
    /** Succeeds (exit 0) or not, for yes/no questions like `merge-base --is-ancestor`. */
    async test(args) {
        return (await this.run(args, { allowFailure: true })).exitCode === 0;
    }
    async authEnv() {
        if (this.authEnvCache)
            return this.authEnvCache;
        const token = this.options.token;
        const url = token
            ? (await this.run(["remote", "get-url", this.options.remote ?? "origin"], { allowFailure: true }))
                .stdout
            : "";
        const match = /^(https?:\/\/)(?:[^@/]*@)?([^/]+)/.exec(url.trim());
        if (!token || !match) {
            this.authEnvCache = {};
            return this.authEnvCache;
        }
        // Same URL-specific key actions/checkout persists, so ours replaces its header rather than adding a
        // second Authorization (a less specific `http.extraheader` would be ignored for that URL). The empty
        // first value resets the list.
        const key = `http.${match[1]}${match[2]}/.extraheader`;
        this.authEnvCache = {
            GIT_CONFIG_COUNT: "2",
            GIT_CONFIG_KEY_0: key,
            GIT_CONFIG_VALUE_0: "",
            GIT_CONFIG_KEY_1: key,
            GIT_CONFIG_VALUE_1: basicAuthHeader(token),
        };
        return this.authEnvCache;
    }
    async isWorkTree() {
        return ((await this.run(["rev-parse", "--is-inside-work-tree"], { allowFailure: true })).stdout.trim() ===
            "true");
    }
    async remotes() {
        return (await this.out(["remote"])).split("\n").filter(Boolean);
    }
    /** The remote's default branch: from `origin/HEAD` when the clone has it, else asked of the remote. */
    async defaultBranch(remote) {
        const local = await this.run(["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`], {
            allowFailure: true,
        });
        const fromLocal = /^refs\/remotes\/[^/]+\/(.+)$/.exec(local.stdout.trim())?.[1];
        if (fromLocal)
            return fromLocal;
        const remoteHead = await this.run(["ls-remote", "--symref", remote, "HEAD"], {
            auth: true,
            allowFailure: true,
        });
        return /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(remoteHead.stdout)?.[1];
    }
    async validBranchName(name) {
        return !name.startsWith("-") && (await this.test(["check-ref-format", "--branch", name]));
    }
    /** Fetches `branch` into `refs/remotes/<remote>/<branch>` and returns its tip. */
    async fetchBranch(remote, branch, extra = []) {
        const tracking = `refs/remotes/${remote}/${branch}`;
        await this.run(["fetch", "--no-tags", ...extra, remote, `+refs/heads/${branch}:${tracking}`], {
            auth: true,
        });
        return this.out(["rev-parse", "--verify", `${tracking}^{commit}`]);
    }
    async isShallow() {
        return (await this.out(["rev-parse", "--is-shallow-repository"])) === "true";
    }
    /** The full SHA of a commit, or undefined when this repository doesn't have it (or it is ambiguous). */
    async resolveCommit(rev) {
        const result = await this.run(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
            allowFailure: true,
        });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async revList(args) {
        return (await this.out(["rev-list", ...args])).split("\n").filter(Boolean);
    }
    async diffStat(from, to) {
        return (await this.run(["diff", "--stat", from, to])).stdout.trimEnd();
    }
    /** Forgets worktrees whose folders are gone (a run killed before it could remove its own). */
    async pruneWorktrees() {
        await this.run(["worktree", "prune"], { allowFailure: true });
    }
    async addWorktree(dir, sha) {
        await this.run(["worktree", "add", "--detach", dir, sha]);
    }
    /** Cleanup: runs even while the run is being stopped. */
    async removeWorktree(dir) {
        await this.run(["worktree", "remove", "--force", dir], { allowFailure: true, ignoreSignal: true });
    }
}


/***/ })

};
