import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, constants, openSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { type Conn, ident, literal, toolEnv } from "./conn.ts";
import { type PgOptions, PSQL_ONE_TRANSACTION, plainStream, type RestoreArgs, ticker } from "./pgtools.ts";
import { runTool, ToolError } from "./tools.ts";

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
export function commentStatement(database: string, text: string): string {
  return `\nCOMMENT ON DATABASE ${ident(database)} IS ${literal(text)};\n`;
}

/**
 * Replaces everything in `conn.database` with the dump, as ONE psql transaction (`-1`): the wipe (`-c`),
 * the dump (pg_restore writing its SQL into a FIFO psql reads, so the data never passes through Node; a
 * plain dump on stdin), then `marker` as the database's comment, read from a second FIFO. All of it
 * commits, marker included (so a read-back of the comment tells what the database holds), or none: psql
 * blocks opening the second FIFO until the marker is written, which happens only once the whole dump was
 * produced; a dump that fails midway kills psql instead, and the server rolls back.
 */
export async function restoreInPlace(
  options: PgOptions,
  conn: Conn,
  args: RestoreArgs,
  marker: string,
): Promise<void> {
  const env = toolEnv(conn, options.tempDir);
  const fifo = (name: string) => {
    const path = join(options.tempDir, `dbrestore-${name}-${randomUUID()}.sql`);
    execFileSync("mkfifo", ["-m", "600", path]);
    return path;
  };
  const end = fifo("end");
  const archive = args.format === "custom" || args.format === "tar";
  const data = archive ? fifo("data") : undefined;
  const stopAll = new AbortController();
  const signal = AbortSignal.any([stopAll.signal, ...(options.signal ? [options.signal] : [])]);
  let progress = () => (args.entries ? `${args.entries} entries in the dump` : "");
  let produced: Promise<unknown>;
  let stdin: Readable | undefined;
  if (data) {
    const flags = ["--no-owner", "--clean", "--if-exists", "-f", data, args.path];
    produced = runTool(options.tools, "pg_restore", flags, { env: env.env, signal });
  } else {
    const plain = plainStream(args.path, args.format);
    progress = plain.progress;
    stdin = plain.stream;
    produced = finished(plain.stream);
  }
  const psqlArgs = PSQL_ONE_TRANSACTION.slice(0, -2);
  const psql = runTool(options.tools, "psql", [...psqlArgs, "-c", WIPE, "-f", data ?? "-", "-f", end], {
    env: env.env,
    signal,
    stdin,
  });
  // psql failing (the wipe, a statement of the dump) stops pg_restore, which may be blocked on its FIFO.
  psql.catch(() => stopAll.abort());
  produced.catch(() => {});
  const stop = ticker(options.log, `Restoring into ${conn.database} in place`, progress);
  try {
    const failed = await produced.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (failed !== undefined) {
      stopAll.abort();
      // psql's own error (the statement that failed) says more than pg_restore's broken pipe.
      const own = await psql.then(
        () => undefined,
        (error: unknown) => error,
      );
      throw own instanceof ToolError && own.exitCode !== null ? own : failed;
    }
    const written = writeFile(end, commentStatement(conn.database, marker));
    const first = await Promise.race([written.then(() => "written"), psql.then(ended, ended)]);
    if (first !== "written") {
      // psql ended without opening the FIFO (it failed): a reader held open here lets the writer return,
      // whenever its open() runs.
      const reader = openSync(end, constants.O_RDONLY | constants.O_NONBLOCK);
      await written.catch(() => {});
      closeSync(reader);
    }
    await psql;
  } finally {
    stop();
    stopAll.abort();
    env.dispose();
    rmSync(end, { force: true });
    if (data) rmSync(data, { force: true });
  }
}

const ended = () => "ended";
