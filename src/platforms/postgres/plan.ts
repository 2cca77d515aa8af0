import type { Conn } from "./conn.ts";
import { checkPlainComplete, type DumpHeader, NotADumpError, readDumpHeader } from "./header.ts";
import { inspectTarget, type TargetState } from "./inspect.ts";
import { listArchive, type PgOptions } from "./pgtools.ts";
import { discardDump, type FetchOptions, type LocalDump, openDump } from "./source.ts";
import { ToolError, toolVersion } from "./tools.ts";

export interface PostgresPlan {
  dump: Omit<LocalDump, "sha256">;
  /**
   * The dump's sha256, when the plan needed it: to compare with a target's restore marker, to show in a
   * dry run, or read anyway by a download. Otherwise it is read on during the restore (`hashing`).
   */
  sha256: string | undefined;
  /** The dump's sha256 as it is read: the marker written once the restore is verified needs it. */
  hashing: Promise<string>;
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
  /** The sha256 is wanted in the plan even when nothing compares it (a dry run shows it). */
  hashInPlan: boolean;
}

export class DumpRefused extends Error {
  override name = "DumpRefused";
}

const major = (version: string | undefined) => (version ? Number(version.split(".")[0]) : undefined);

/** A read started before it is awaited: if the plan fails first, nobody awaits it, and that is fine. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Reads everything a restore depends on and changes nothing: the dump (fetched, hashed, its header and
 * table of contents read), the local tools' versions against it, and the target database as it is.
 * Reads that need nothing of each other run at once (the target and the local pg_dump while the dump is
 * fetched; the listing while the dump is hashed); a failure is still said in this order: the dump, the
 * target, the local pg_dump. A local dump's sha256 is awaited only when the plan needs it.
 */
export async function planPostgres(options: PlanOptions): Promise<PostgresPlan> {
  const targetRead = started(inspectTarget(options.conn));
  const dumperRead = options.safetyBackup ? started(toolVersion(options.tools, "pg_dump")) : undefined;
  const { dump: opened, sha256 } = await openDump({
    ...options.fetch,
    log: options.log,
    signal: options.signal,
  });
  try {
    const header = await readDumpHeader(opened.path).catch((error: unknown) => {
      if (error instanceof NotADumpError)
        throw new DumpRefused(`${opened.source} is not usable: ${error.message}.`);
      throw error;
    });
    const archive = header.format === "custom" || header.format === "tar";
    const readerRead = toolVersion(options.tools, archive ? "pg_restore" : "psql");
    // Read alongside the version check, trusted only after it: a dump too new is refused by name first.
    const checked = started(
      archive
        ? listArchive(options, opened.path).catch((error: unknown) => {
            if (error instanceof ToolError) {
              throw new DumpRefused(`${opened.name} does not read as a dump: ${error.message}`);
            }
            throw error;
          })
        : checkPlainComplete(opened.path, header.format as "sql" | "sql.gz").then(
            () => undefined,
            (error: unknown) => {
              if (error instanceof NotADumpError)
                throw new DumpRefused(`${opened.name} is not usable: ${error.message}.`);
              throw error;
            },
          ),
    );
    const reader = await readerRead;
    const dumpMajor = major(header.dumpVersion);
    if (dumpMajor !== undefined && dumpMajor > reader.major) {
      throw new DumpRefused(
        `${opened.name} was written by pg_dump ${header.dumpVersion}, newer than the local ${archive ? "pg_restore" : "psql"} ${reader.text}, which cannot be trusted to read it. Install the PostgreSQL ${dumpMajor} client tools (apt-get install postgresql-client-${dumpMajor}) and set postgres-bin-dir to their folder (e.g. /usr/lib/postgresql/${dumpMajor}/bin).`,
      );
    }
    const listing = await checked;
    const target = await targetRead;
    // Only a target with a restore marker can already hold this dump; otherwise the hash is read on
    // beside the start of the restore.
    const known =
      options.hashInPlan || target.restored !== undefined || opened.tempDir !== undefined
        ? await sha256
        : undefined;
    let dumper: string | undefined;
    if (dumperRead) {
      const local = await dumperRead;
      if (local.major < target.serverMajor) {
        throw new DumpRefused(
          `The local pg_dump ${local.text} cannot take the safety backup of a PostgreSQL ${target.serverVersion} server (pg_dump refuses newer servers). Install the PostgreSQL ${target.serverMajor} client tools and set postgres-bin-dir (e.g. /usr/lib/postgresql/${target.serverMajor}/bin).`,
        );
      }
      dumper = local.text;
    }
    return {
      dump: opened,
      sha256: known,
      hashing: sha256,
      header,
      entries: listing?.length,
      dumpTables: listing?.flatMap((line) => {
        const match = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
        return match ? [`${match[1]}.${match[2]}`] : [];
      }),
      target,
      // A target still locked by an earlier run is unlocked by the apply, never left as "current".
      alreadyCurrent: known !== undefined && target.restored?.sha256 === known && !target.locked,
      tools: { restore: reader.text, dump: dumper },
    };
  } catch (error) {
    await discardDump(opened);
    throw error;
  }
}
