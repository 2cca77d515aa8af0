import type { Conn } from "./conn.ts";
import { checkPlainComplete, type DumpHeader, NotADumpError, readDumpHeader } from "./header.ts";
import { inspectTarget, type TargetState } from "./inspect.ts";
import { listArchive, type PgOptions } from "./pgtools.ts";
import { discardDump, type FetchOptions, fetchDump, type LocalDump } from "./source.ts";
import { ToolError, toolVersion } from "./tools.ts";

export interface PostgresPlan {
  dump: LocalDump;
  header: DumpHeader;
  /** Archive entries (`pg_restore --list`); undefined for plain SQL. */
  entries: number | undefined;
  /** Tables the archive creates, `schema.name`; undefined for plain SQL. */
  dumpTables: string[] | undefined;
  target: TargetState;
  /** The same dump was the last one restored here. */
  alreadyCurrent: boolean;
  tools: { restore: string; dump: string | undefined };
}

export interface PlanOptions extends PgOptions {
  conn: Conn;
  fetch: Omit<FetchOptions, "log" | "signal">;
  /** A safety dump will be taken: the local pg_dump must be able to dump this server. */
  safetyBackup: boolean;
}

export class DumpRefused extends Error {
  override name = "DumpRefused";
}

const major = (version: string | undefined) => (version ? Number(version.split(".")[0]) : undefined);

/**
 * Reads everything a restore depends on and changes nothing: the dump (fetched, hashed, its header and
 * table of contents read), the local tools' versions against it, and the target database as it is.
 */
export async function planPostgres(options: PlanOptions): Promise<PostgresPlan> {
  const dump = await fetchDump({ ...options.fetch, log: options.log, signal: options.signal });
  try {
    const header = await readDumpHeader(dump.path).catch((error: unknown) => {
      if (error instanceof NotADumpError)
        throw new DumpRefused(`${dump.source} is not usable: ${error.message}.`);
      throw error;
    });
    const archive = header.format === "custom" || header.format === "tar";
    const reader = await toolVersion(options.tools, archive ? "pg_restore" : "psql");
    const dumpMajor = major(header.dumpVersion);
    if (dumpMajor !== undefined && dumpMajor > reader.major) {
      throw new DumpRefused(
        `${dump.name} was written by pg_dump ${header.dumpVersion}, newer than the local ${archive ? "pg_restore" : "psql"} ${reader.text}, which cannot be trusted to read it. Install the PostgreSQL ${dumpMajor} client tools (apt-get install postgresql-client-${dumpMajor}) and set postgres-bin-dir to their folder (e.g. /usr/lib/postgresql/${dumpMajor}/bin).`,
      );
    }
    let listing: string[] | undefined;
    if (archive) {
      listing = await listArchive(options, dump.path).then(
        (lines) => lines,
        (error: unknown) => {
          if (error instanceof ToolError) {
            throw new DumpRefused(`${dump.name} does not read as a dump: ${error.message}`);
          }
          throw error;
        },
      );
    } else {
      await checkPlainComplete(dump.path, header.format as "sql" | "sql.gz").catch((error: unknown) => {
        if (error instanceof NotADumpError)
          throw new DumpRefused(`${dump.name} is not usable: ${error.message}.`);
        throw error;
      });
    }
    const target = await inspectTarget(options.conn);
    let dumper: string | undefined;
    if (options.safetyBackup) {
      const local = await toolVersion(options.tools, "pg_dump");
      if (local.major < target.serverMajor) {
        throw new DumpRefused(
          `The local pg_dump ${local.text} cannot take the safety backup of a PostgreSQL ${target.serverVersion} server (pg_dump refuses newer servers). Install the PostgreSQL ${target.serverMajor} client tools and set postgres-bin-dir (e.g. /usr/lib/postgresql/${target.serverMajor}/bin).`,
        );
      }
      dumper = local.text;
    }
    return {
      dump,
      header,
      entries: listing?.length,
      dumpTables: listing?.flatMap((line) => {
        const match = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
        return match ? [`${match[1]}.${match[2]}`] : [];
      }),
      target,
      // A target still locked by an earlier run is unlocked by the apply, never left as "current".
      alreadyCurrent: target.restored?.sha256 === dump.sha256 && !target.locked,
      tools: { restore: reader.text, dump: dumper },
    };
  } catch (error) {
    await discardDump(dump);
    throw error;
  }
}
