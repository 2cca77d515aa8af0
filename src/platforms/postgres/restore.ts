import { join } from "node:path";
import { type Conn, onDatabase, withClient } from "./conn.ts";
import type { DumpHeader } from "./header.ts";
import { type RestoreMarker, withMaintenance, writeMarker } from "./inspect.ts";
import { dumpDatabase, type PgOptions, restoreDump } from "./pgtools.ts";
import { formatBytes, type LocalDump } from "./source.ts";
import { createScratch, dropDatabase, swapNames } from "./swap.ts";
import { runVerify } from "./verify.ts";

export type Mode = "swap" | "in-place";

export interface RestoreOptions extends PgOptions {
  conn: Conn;
  dump: LocalDump;
  header: DumpHeader;
  /** Archive entries (from the plan's listing), for progress lines. */
  entries?: number;
  mode: Mode;
  verifySql: string[];
  /** Folder for the safety dump; undefined: no safety dump (the user said so). */
  safetyDir: string | undefined;
  jobs: number;
  now?: Date;
}

export interface RestoreResult {
  /** Path of the verified safety dump. */
  safetyBackup: string | undefined;
  /** Swap: the database as it was before, kept under this name. */
  keptDatabase: string | undefined;
  endedConnections: number;
  /** verify-sql results, one line per query. */
  verified: string[];
  /** How long each step took. */
  steps: { name: string; ms: number }[];
}

/** `20250611t093000z`: sortable, and valid in a database name. */
export function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "z")
    .toLowerCase();
}

/** A database name within PostgreSQL's 63 bytes, keeping the suffix whole. */
export function derivedName(database: string, suffix: string): string {
  let base = database;
  while (Buffer.byteLength(`${base}${suffix}`) > 63) base = base.slice(0, -1);
  return `${base}${suffix}`;
}

/**
 * Restores `dump` over `conn.database`. Swap: into a scratch database, verified, then swapped in by
 * renaming (the old database stays under a dated name). In place: one transaction. Either way a safety
 * dump is taken and read back first.
 */
export async function restorePostgres(options: RestoreOptions): Promise<RestoreResult> {
  const { conn, log } = options;
  const now = options.now ?? new Date();
  const steps: RestoreResult["steps"] = [];
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const value = await run();
    steps.push({ name, ms: Date.now() - started });
    return value;
  };
  const marker: RestoreMarker = {
    sha256: options.dump.sha256,
    name: options.dump.name,
    at: now.toISOString(),
  };
  const restoreArgs = {
    path: options.dump.path,
    format: options.header.format,
    jobs: options.jobs,
    entries: options.entries,
  };

  let safetyBackup: string | undefined;
  if (options.safetyDir) {
    const path = join(options.safetyDir, `${conn.database}-before-restore-${stamp(now)}.dump`);
    log.info(`Taking the safety backup of ${conn.database} (pg_dump -Fc) to ${path}`);
    const { entries } = await timed("safety backup", () => dumpDatabase(options, conn, path));
    log.info(`Safety backup verified: ${entries} entries read back from ${path}.`);
    safetyBackup = path;
  } else
    log.warn(
      "safety-backup is false: NO safety dump is taken. The data being replaced is not kept by this step.",
    );

  if (options.mode === "in-place") {
    log.info(`Restoring ${options.dump.name} into ${conn.database} in place, in one transaction.`);
    await timed("restore", () => restoreDump(options, conn, { ...restoreArgs, inPlace: true }));
    let verified: string[] = [];
    try {
      verified = await timed("verify", () => withClient(conn, (sql) => runVerify(sql, options.verifySql)));
    } catch (error) {
      if (!safetyBackup) throw error;
      log.warn(`${(error as Error).message}. Putting the safety backup back in place.`);
      await restoreDump(options, conn, {
        ...restoreArgs,
        path: safetyBackup,
        format: "custom",
        inPlace: true,
      });
      throw new Error(
        `${(error as Error).message}. The restored data was replaced again by the safety backup ${safetyBackup}, so ${conn.database} holds what it held before.`,
      );
    }
    await withClient(conn, (sql) => writeMarker(sql, conn.database, marker));
    return { safetyBackup, keptDatabase: undefined, endedConnections: 0, verified, steps };
  }

  const scratch = derivedName(conn.database, `_restoring_${stamp(now)}`);
  const kept = derivedName(conn.database, `_before_restore_${stamp(now)}`);
  await withMaintenance(conn, (sql) => createScratch(sql, conn.database, scratch));
  let swapped = false;
  try {
    log.info(
      `Restoring ${options.dump.name} (${formatBytes(options.dump.bytes)}) into the scratch database ${scratch}.`,
    );
    await timed("restore", () =>
      restoreDump(options, onDatabase(conn, scratch), { ...restoreArgs, inPlace: false }),
    );
    const verified = await timed("verify", () =>
      withClient(onDatabase(conn, scratch), async (sql) => {
        const lines = await runVerify(sql, options.verifySql);
        await writeMarker(sql, scratch, marker);
        return lines;
      }),
    );
    for (const line of verified) log.info(`verify-sql: ${line}`);
    const endedConnections = await timed("swap", () =>
      withMaintenance(conn, (sql) => swapNames(sql, { target: conn.database, scratch, kept, log })),
    );
    swapped = true;
    log.info(`Swapped: ${conn.database} is the restored data; the previous database is kept as ${kept}.`);
    return { safetyBackup, keptDatabase: kept, endedConnections, verified, steps };
  } finally {
    if (!swapped) {
      await withMaintenance(conn, (sql) => dropDatabase(sql, scratch)).catch((error: Error) =>
        log.warn(`Could not drop the scratch database ${scratch}: ${error.message}. Drop it by hand.`),
      );
    }
  }
}
