import { tmpdir } from "node:os";
import { errorMessage } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";
import { type Conn, ident, onDatabase, parseDatabaseUrl, withClient } from "../../platforms/postgres/conn.ts";
import { readDumpHeader } from "../../platforms/postgres/header.ts";
import { restoreDump } from "../../platforms/postgres/pgtools.ts";
import { discardDump, fetchDump, type LocalDump } from "../../platforms/postgres/source.ts";
import { dropDatabase } from "../../platforms/postgres/swap.ts";
import { runVerify, splitStatements } from "../../platforms/postgres/verify.ts";
import { type Check, fail, pass } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const T = "database";
export const SCRATCH_PREFIX = "readiness_rehearsal_";
/** A scratch database this old is a leftover of a run that was killed outright (SIGKILL): dropped. */
const LEFTOVER_MS = 6 * 3600_000;

/**
 * Restores the dump into a scratch database (on the rehearsal server, else beside production), runs
 * verify-sql on it and drops it, whatever happened: a failure or a signal stops pg_restore, and the drop
 * still runs and is read back. Production's own database is never connected to for a change.
 */
export async function rehearse(ctx: Ctx, location: string): Promise<{ check: Check; seconds?: number }> {
  const { settings } = ctx;
  const server = parseDatabaseUrl((settings["rehearsal-database-url"] ?? settings["database-url"]) as string);
  const where = `${server.host}:${server.port}`;
  const scratch = `${SCRATCH_PREFIX}${Date.now()}_${process.pid}`;
  const temp = ctx.run.temp ?? tmpdir();
  let dump: LocalDump | undefined;
  let created = false;
  const started = Date.now();
  try {
    await dropLeftovers(server);
    dump = await fetchDump({
      backup: location,
      cwd: ctx.run.workspace,
      tempRoot: temp,
      log: ctx.log,
      signal: ctx.signal,
    });
    const header = await readDumpHeader(dump.path);
    await withClient(server, (sql) => sql.unsafe(`CREATE DATABASE ${ident(scratch)} TEMPLATE template0`));
    created = true;
    const options = {
      tools: { binDir: settings["postgres-bin-dir"] },
      log: ctx.log,
      tempDir: temp,
      signal: ctx.signal,
    };
    await restoreDump(options, onDatabase(server, scratch), {
      path: dump.path,
      format: header.format,
      jobs: 2,
    });
    const queries = splitStatements(settings["database-verify-sql"]);
    const verified = await withClient(onDatabase(server, scratch), (sql) => runVerify(sql, queries));
    const seconds = (Date.now() - started) / 1000;
    const checked = queries.length
      ? `, verify-sql: ${verified.length} quer${verified.length === 1 ? "y" : "ies"} passed`
      : ", no verify-sql";
    return {
      check: pass(
        T,
        "rehearsal",
        `${dump.name} restored into a scratch database on ${where} in ${formatMs(seconds * 1000)}${checked}; dropped`,
      ),
      seconds,
    };
  } catch (error) {
    const message = ctx.signal.aborted ? "cancelled" : errorMessage(error);
    return {
      check: fail(
        T,
        "rehearsal",
        `restore of the newest dump into a scratch database on ${where} failed after ${formatMs(Date.now() - started)}: ${message}`,
        "Restore the dump by hand into an empty database to see the error (pg_restore --exit-on-error); fix the backup job, or verify-sql if the query is wrong.",
      ),
    };
  } finally {
    if (dump) await discardDump(dump);
    if (created) await dropScratch(server, scratch);
  }
}

/** Drops the scratch database and reads back that it is gone; a failure here says which one to drop. */
async function dropScratch(server: Conn, scratch: string): Promise<void> {
  const left = await withClient(server, async (sql) => {
    await dropDatabase(sql, scratch);
    return sql`SELECT 1 FROM pg_database WHERE datname = ${scratch}`;
  }).catch(() => [1]);
  if (left.length)
    throw new Error(
      `The scratch database ${scratch} on ${server.host}:${server.port} is still there: drop it (DROP DATABASE "${scratch}").`,
    );
}

async function dropLeftovers(server: Conn): Promise<void> {
  await withClient(server, async (sql) => {
    const rows = await sql<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE starts_with(datname, ${SCRATCH_PREFIX})`;
    for (const { datname } of rows) {
      const stamp = Number(datname.slice(SCRATCH_PREFIX.length).split("_")[0]);
      if (Date.now() - stamp > LEFTOVER_MS) await dropDatabase(sql, datname);
    }
  });
}
