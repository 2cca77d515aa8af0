import { createReadStream, statSync, writeFileSync } from "node:fs";
import { pipeline, type Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { formatMs } from "../../core/wait.ts";
import { bareEnv, type Conn, toolEnv } from "./conn.ts";
import type { DumpFormat } from "./header.ts";
import { formatBytes, type Log } from "./source.ts";
import { runTool, type Tools } from "./tools.ts";

/** A progress line every 10 s while a long step runs: phase, elapsed, and what can be measured. */
/**
 * pg_restore connects only when given -d: a conninfo naming just the database (a name with `=` or a URL
 * shape is not read as a connection string); host, user and password come from the environment.
 */
function dbArg(database: string): string {
  return `dbname='${database.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

export function ticker(log: Log, phase: string, detail: () => string): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    const extra = detail();
    log.info(`${phase}: ${formatMs(Date.now() - started)} elapsed${extra ? `, ${extra}` : ""}`);
  }, 10_000);
  timer.unref();
  return () => clearInterval(timer);
}

export interface PgOptions {
  tools: Tools;
  log: Log;
  /** Where the temp pgpass file goes. */
  tempDir: string;
  signal?: AbortSignal;
}

/** The archive's table of contents, as `pg_restore --list` prints it (entry lines only). */
export async function listArchive(options: PgOptions, path: string): Promise<string[]> {
  const { stdout } = await runTool(options.tools, "pg_restore", ["--list", path], {
    env: bareEnv(),
    signal: options.signal,
  });
  return stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";"));
}

/** `pg_dump -Fc -Z1` of `conn.database` into `path`, then checked by reading its table of contents back. */
export async function dumpDatabase(
  options: PgOptions,
  conn: Conn,
  path: string,
): Promise<{ entries: number }> {
  const env = toolEnv(conn, options.tempDir);
  const stop = ticker(options.log, `Safety backup of ${conn.database}`, () => {
    const size = statSync(path, { throwIfNoEntry: false })?.size;
    return size === undefined ? "" : `${formatBytes(size)} written`;
  });
  try {
    // Created private first: pg_dump keeps the mode of a file it truncates (a production dump, 0600).
    writeFileSync(path, "", { mode: 0o600, flag: "wx" });
    // zlib level 1: on table data about as small as the default level 6, and 2.5 times as fast
    // (bench/database-restore.ts: 175 MB in 5.0 s against 168 MB in 12.5 s).
    await runTool(options.tools, "pg_dump", ["-Fc", "-Z1", "-f", path], {
      env: env.env,
      signal: options.signal,
    });
  } finally {
    stop();
    env.dispose();
  }
  const { stdout } = await runTool(options.tools, "pg_restore", ["--list", path], {
    env: bareEnv(),
    signal: options.signal,
  });
  // The listing names the database the archive was made from: proof it is the dump just taken.
  const named = stdout.split("\n").some((line) => /^;\s+dbname: (.*)$/.exec(line)?.[1] === conn.database);
  if (!named) throw new Error(`The safety backup ${path} does not read back as a dump of ${conn.database}.`);
  return { entries: stdout.split("\n").filter((line) => line.trim() && !line.startsWith(";")).length };
}

export interface RestoreArgs {
  path: string;
  format: DumpFormat;
  /** Parallel jobs for an archive (the scratch database is empty, so nothing needs a rollback). */
  jobs: number;
  /** Entries in the archive, for progress lines. */
  entries?: number;
}

/** Restores a dump into the empty scratch database `conn.database`: pg_restore -j for archives, psql for SQL. */
export async function restoreDump(options: PgOptions, conn: Conn, args: RestoreArgs): Promise<void> {
  const env = toolEnv(conn, options.tempDir);
  const phase = `Restoring into ${conn.database}`;
  try {
    if (args.format === "custom" || args.format === "tar") {
      const flags = ["--no-owner", "--exit-on-error", "--verbose", "-d", dbArg(conn.database)];
      if (args.jobs > 1 && args.format === "custom") flags.push("-j", String(args.jobs));
      let done = 0;
      const stop = ticker(options.log, phase, () =>
        args.entries ? `${Math.min(done, args.entries)} of ${args.entries} entries` : `${done} entries`,
      );
      try {
        await runTool(options.tools, "pg_restore", [...flags, args.path], {
          env: env.env,
          signal: options.signal,
          onStderrLine: (line) => {
            if (/^pg_restore: (creating|processing|executing)/.test(line)) done++;
          },
        });
      } finally {
        stop();
      }
      return;
    }
    const { stream, progress } = plainStream(args.path, args.format);
    const stop = ticker(options.log, phase, progress);
    try {
      await runTool(options.tools, "psql", PSQL_ONE_TRANSACTION, {
        env: env.env,
        stdin: stream,
        signal: options.signal,
      });
    } finally {
      stop();
    }
  } finally {
    env.dispose();
  }
}

/** psql reading a script on stdin as one transaction: the first error stops it and nothing commits. */
export const PSQL_ONE_TRANSACTION = [
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
export function plainStream(path: string, format: DumpFormat): { stream: Readable; progress: () => string } {
  const total = statSync(path).size;
  let fed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      fed += chunk.length;
      callback(null, chunk);
    },
  });
  // The callback form returns the last stream, which errors when any stage does (feed() then kills psql).
  const ignore = () => {};
  const stream =
    format === "sql.gz"
      ? pipeline(createReadStream(path), counter, createGunzip(), ignore)
      : pipeline(createReadStream(path), counter, ignore);
  return { stream, progress: () => `${formatBytes(fed)} of ${formatBytes(total)} read` };
}
