import { Readable } from "node:stream";
import { type Conn, ident, literal, toolEnv } from "./conn.ts";
import { type PgOptions, PSQL_ONE_TRANSACTION, plainStream, type RestoreArgs, ticker } from "./pgtools.ts";
import { runTool } from "./tools.ts";

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
 * Replaces everything in `conn.database` with the dump, as ONE transaction through psql: the wipe, the
 * dump (pg_restore writing SQL for an archive), then `marker` as the database's comment. Either all of
 * it commits, marker included (so a read-back of the comment tells what the database holds), or none.
 * psql commits at the end of its input, so its input is only ended once the whole dump was read; any
 * failure before kills psql instead (the server then rolls back).
 */
export async function restoreInPlace(
  options: PgOptions,
  conn: Conn,
  args: RestoreArgs,
  marker: string,
): Promise<void> {
  const env = toolEnv(conn, options.tempDir);
  const feeder = new AbortController();
  const signals = [feeder.signal, ...(options.signal ? [options.signal] : [])];
  let progress = () => "";
  let source: Readable;
  let produced: Promise<unknown> = Promise.resolve();
  if (args.format === "custom" || args.format === "tar") {
    let stdout: Readable | undefined;
    produced = runTool(
      options.tools,
      "pg_restore",
      ["--no-owner", "--clean", "--if-exists", "-f", "-", args.path],
      { env: env.env, signal: AbortSignal.any(signals), takeStdout: (out) => (stdout = out) },
    );
    // Seen when awaited below; until then a failure must not count as unhandled.
    produced.catch(() => {});
    source = stdout as unknown as Readable;
    progress = () => (args.entries ? `${args.entries} entries in the dump` : "");
  } else {
    const plain = plainStream(args.path, args.format);
    source = plain.stream;
    progress = plain.progress;
  }
  async function* script(): AsyncGenerator<Buffer | string> {
    yield WIPE;
    for await (const chunk of source) yield chunk as Buffer;
    await produced;
    yield commentStatement(conn.database, marker);
  }
  const stop = ticker(options.log, `Restoring into ${conn.database} in place`, progress);
  try {
    await runTool(options.tools, "psql", PSQL_ONE_TRANSACTION, {
      env: env.env,
      stdin: Readable.from(script(), { objectMode: false }),
      signal: options.signal,
    });
    await produced;
  } finally {
    stop();
    feeder.abort();
    env.dispose();
  }
}
