import { rmSync } from "node:fs";
import { join } from "node:path";
import { type Conn, onDatabase, withClient } from "./conn.ts";
import type { DumpHeader } from "./header.ts";
import { restoreInPlace } from "./inplace.ts";
import {
  putBackText,
  type RestoreMarker,
  retrying,
  unlockDatabase,
  unverifiedText,
  withMaintenance,
  writeMarker,
} from "./inspect.ts";
import { dumpDatabase, type PgOptions, restoreDump } from "./pgtools.ts";
import { type Held, RestoreFailure, readBack, type Step } from "./readback.ts";
import { encryptFile } from "./safety.ts";
import { formatBytes, type LocalDump } from "./source.ts";
import { createScratch, dropDatabase, swapNames } from "./swap.ts";
import { runVerify, VerifyError } from "./verify.ts";

export type Mode = "swap" | "in-place";

/** Each phase's own time: a phase never spends another's, and a put-back has no limit but its own end. */
export const SWAP_MS = 60_000;
export const UNLOCK_MS = 30_000;

export interface RestoreOptions extends PgOptions {
  conn: Conn;
  dump: Omit<LocalDump, "sha256">;
  /** The dump's sha256, perhaps still being read: the restore marker needs it only once verified. */
  sha256: Promise<string>;
  header: DumpHeader;
  /** Archive entries (from the plan's listing), for progress lines. */
  entries?: number;
  mode: Mode;
  verifySql: string[];
  /** Folder for the safety dump; undefined: no safety dump (the user said so). */
  safetyDir: string | undefined;
  /** Set: the safety dump leaves the run only encrypted with it (the plain copy stays in tempDir). */
  safetyKey?: string;
  jobs: number;
  /** Limit of the restore phase (safety backup, restore, verify) in ms; 0: none. */
  wait: number;
  /** The target as planned: its comment (what "as before" reads back as), lock and leftovers. */
  before: { comment: string | null; locked: boolean; leftovers: string[] };
  now?: Date;
}

export interface RestoreResult {
  /** Path of the verified safety dump (encrypted when a key was given). */
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
 * renaming (the old database stays under a dated name); the safety dump is taken meanwhile, and the swap
 * waits for it. In place: the safety dump first, then one transaction, marker included. Either way the
 * target changes only once the safety dump is taken and read back. On any failure the target is read
 * back and a RestoreFailure says what it holds.
 */
export async function restorePostgres(options: RestoreOptions): Promise<RestoreResult> {
  const { conn } = options;
  const now = options.now ?? new Date();
  const marking = options.sha256.then((sha256) => ({
    sha256,
    name: options.dump.name,
    at: now.toISOString(),
  }));
  // Awaited by the step that writes the marker, or by the read-back after a failure.
  marking.catch(() => {});
  const run: Run = { step: "prepare", verify: "not run", safetyBackup: undefined, plainSafety: undefined };
  const steps: RestoreResult["steps"] = [];
  const timed = timer(run, steps);
  const limits = [...(options.signal ? [options.signal] : [])];
  if (options.wait > 0) limits.push(AbortSignal.timeout(options.wait));
  const phase = { ...options, signal: AbortSignal.any(limits) };
  try {
    await timed("prepare", () => prepare(options));
    const result =
      options.mode === "in-place"
        ? await inPlace(options, phase, run, marking, now, timed)
        : await swap(options, phase, run, marking, now, steps);
    return { ...result, safetyBackup: run.safetyBackup, steps };
  } catch (error) {
    // A dump that could not be hashed was never marked anywhere.
    const marker = await marking.catch(() => undefined);
    const held: Held = await readBack(conn, {
      before: options.before.comment,
      restored: marker,
      unverified: options.mode === "in-place" && marker ? unverifiedText(marker) : undefined,
      putBack: run.plainSafety
        ? putBackText(run.safetyBackup ?? run.plainSafety, now.toISOString())
        : undefined,
    });
    throw new RestoreFailure(error, run.step, run.verify, held, run.safetyBackup);
  } finally {
    // The plain copy of an encrypted safety backup never outlives the run.
    if (options.safetyKey && run.plainSafety) rmSync(run.plainSafety, { force: true });
  }
}

interface Run {
  /** The step a failure is said to have happened in. */
  step: Step;
  verify: "not run" | "passed" | "failed";
  safetyBackup: string | undefined;
  /** The readable safety dump (the same file as safetyBackup unless encrypted). */
  plainSafety: string | undefined;
}
type Timed = <T>(name: Step, work: () => Promise<T>) => Promise<T>;

/**
 * Times each step into `steps` (in the order they start) and keeps the one under way in `at.step`. With
 * `signal`, a step does not start once it is aborted.
 */
function timer(at: { step: Step }, steps: RestoreResult["steps"], signal?: AbortSignal): Timed {
  return async (name, work) => {
    at.step = name;
    signal?.throwIfAborted();
    const entry = { name, ms: 0 };
    steps.push(entry);
    const started = Date.now();
    const value = await work();
    entry.ms = Date.now() - started;
    return value;
  };
}

/** A line of work run beside another: it stops when `signal` aborts, and times its steps with `timed`. */
type Branch<T> = (signal: AbortSignal, timed: Timed) => Promise<T>;

/**
 * Runs two branches at once. The first to fail stops the other (its tool killed, its partial file removed,
 * no further step started); once both have ended, that first failure, and its step, is the run's. When
 * both succeed, the run is at the step the later one ended in (what a cancel right after names).
 */
async function together<A, B>(
  phase: RestoreOptions,
  run: Run,
  steps: RestoreResult["steps"],
  first: Branch<A>,
  second: Branch<B>,
): Promise<[A, B]> {
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, ...(phase.signal ? [phase.signal] : [])]);
  let failed: { error: unknown; step: Step } | undefined;
  let ended = run.step;
  const start = async <T>(branch: Branch<T>): Promise<T> => {
    const at = { step: run.step };
    try {
      const value = await branch(signal, timer(at, steps, signal));
      ended = at.step;
      return value;
    } catch (error) {
      if (!failed) {
        failed = { error, step: at.step };
        stop.abort(error);
      }
      throw error;
    }
  };
  const [a, b] = await Promise.allSettled([start(first), start(second)]);
  run.step = failed?.step ?? ended;
  if (failed) throw failed.error;
  return [(a as PromiseFulfilledResult<A>).value, (b as PromiseFulfilledResult<B>).value];
}

/** Undoes what an earlier run left: a target still refusing connections, scratch databases. */
async function prepare(options: RestoreOptions): Promise<void> {
  const { conn, before, log } = options;
  if (before.locked) {
    log.info(`Unlocking ${conn.database} (left refusing connections by an earlier run).`);
    await unlockDatabase(conn, [conn.database], Date.now() + UNLOCK_MS);
  }
  for (const name of before.leftovers) {
    log.info(`Dropping ${name}, the scratch database of an earlier run that stopped before its swap.`);
    await withMaintenance(conn, (sql) => dropDatabase(sql, name));
  }
}

async function safetyBackup(options: RestoreOptions, run: Run, now: Date): Promise<void> {
  const { conn, log, safetyDir } = options;
  if (!safetyDir) {
    log.warn(
      "safety-backup is false: NO safety dump is taken. The data being replaced is not kept by this step.",
    );
    return;
  }
  const name = `${conn.database}-before-restore-${stamp(now)}.dump`;
  const plain = join(options.safetyKey ? options.tempDir : safetyDir, name);
  log.info(`Taking the safety backup of ${conn.database} (pg_dump -Fc) to ${plain}`);
  const { entries } = await dumpDatabase(options, conn, plain).catch((error: unknown) => {
    // A dump cut short is no backup: nobody should find it and trust it.
    rmSync(plain, { force: true });
    throw error;
  });
  run.plainSafety = plain;
  log.info(`Safety backup verified: ${entries} entries read back from ${plain}.`);
  if (options.safetyKey) {
    const sealed = join(safetyDir, `${name}.enc`);
    await encryptFile(plain, sealed, options.safetyKey).catch((error: unknown) => {
      rmSync(sealed, { force: true });
      throw error;
    });
    log.info(`Safety backup encrypted to ${sealed} (openssl enc -aes-256-cbc -pbkdf2).`);
    run.safetyBackup = sealed;
  } else run.safetyBackup = plain;
}

async function inPlace(
  options: RestoreOptions,
  phase: RestoreOptions,
  run: Run,
  marking: Promise<RestoreMarker>,
  now: Date,
  timed: Timed,
): Promise<Omit<RestoreResult, "safetyBackup" | "steps">> {
  const { conn, log } = options;
  await timed("safety backup", () => safetyBackup(phase, run, now));
  const args = { path: options.dump.path, format: options.header.format, jobs: 1, entries: options.entries };
  log.info(`Restoring ${options.dump.name} into ${conn.database} in place, in one transaction.`);
  const marker = await timed("restore", async () => {
    const marker = await marking;
    await restoreInPlace(phase, conn, args, unverifiedText(marker));
    return marker;
  });
  let verified: string[];
  try {
    verified = await timed("verify", () => verify(phase, conn));
    run.verify = "passed";
  } catch (error) {
    if (error instanceof VerifyError) run.verify = "failed";
    // Cancelled while verifying: the restored data stays (a put-back would not finish before the kill).
    if (!run.plainSafety || options.signal?.aborted) throw error;
    log.warn(`${(error as Error).message}. Putting the safety backup back in place.`);
    const safety = { path: run.plainSafety, format: "custom" as const, jobs: 1 };
    const text = putBackText(run.safetyBackup ?? run.plainSafety, marker.at);
    // Neither the restore's timer nor the cancel signal cuts a put-back short.
    await timed("put back", () =>
      restoreInPlace({ ...options, signal: undefined }, conn, safety, text),
    ).catch((putBack: Error) => {
      throw new Error(
        `${(error as Error).message}; putting the safety backup back then failed: ${putBack.message}`,
      );
    });
    run.step = "verify";
    throw error;
  }
  await timed("mark", () => withClient(conn, (sql) => writeMarker(sql, conn.database, marker)));
  return { keptDatabase: undefined, endedConnections: 0, verified };
}

async function verify(options: RestoreOptions, conn: Conn): Promise<string[]> {
  options.signal?.throwIfAborted();
  return withClient(conn, (sql) => runVerify(sql, options.verifySql, options.signal));
}

async function swap(
  options: RestoreOptions,
  phase: RestoreOptions,
  run: Run,
  marking: Promise<RestoreMarker>,
  now: Date,
  steps: RestoreResult["steps"],
): Promise<Omit<RestoreResult, "safetyBackup" | "steps">> {
  const { conn, log } = options;
  const scratch = derivedName(conn.database, `_restoring_${stamp(now)}`);
  const kept = derivedName(conn.database, `_before_restore_${stamp(now)}`);
  let swapped = false;
  try {
    // The safety dump reads the target while the restore writes the scratch database: neither changes
    // what the other reads, and the target itself changes only at the swap, once both have succeeded.
    const [, verified] = await together(
      phase,
      run,
      steps,
      (signal, timed) => timed("safety backup", () => safetyBackup({ ...phase, signal }, run, now)),
      (signal, timed) => intoScratch({ ...phase, signal }, run, marking, scratch, timed),
    );
    // A cancel before the swap keeps the target as it is; once started, the swap is seen through.
    options.signal?.throwIfAborted();
    const deadline = Date.now() + SWAP_MS;
    const endedConnections = await timer(run, steps)("swap", () =>
      withMaintenance(conn, (sql) => swapNames(sql, { target: conn.database, scratch, kept, log, deadline })),
    );
    swapped = true;
    log.info(`Swapped: ${conn.database} is the restored data; the previous database is kept as ${kept}.`);
    return { keptDatabase: kept, endedConnections, verified };
  } catch (error) {
    if (error instanceof VerifyError) run.verify = "failed";
    throw error;
  } finally {
    if (!swapped) await undoSwap(conn, scratch, kept, log);
  }
}

/** Creates the scratch database, restores the dump into it, verifies it and marks it. */
async function intoScratch(
  options: RestoreOptions,
  run: Run,
  marking: Promise<RestoreMarker>,
  scratch: string,
  timed: Timed,
): Promise<string[]> {
  const { conn, log } = options;
  await timed("create scratch", () =>
    withMaintenance(conn, (sql) => createScratch(sql, conn.database, scratch)),
  );
  log.info(
    `Restoring ${options.dump.name} (${formatBytes(options.dump.bytes)}) into the scratch database ${scratch}.`,
  );
  const args = {
    path: options.dump.path,
    format: options.header.format,
    jobs: options.jobs,
    entries: options.entries,
  };
  await timed("restore", () => restoreDump(options, onDatabase(conn, scratch), args));
  const verified = await timed("verify", () => verify(options, onDatabase(conn, scratch)));
  run.verify = "passed";
  for (const line of verified) log.info(`verify-sql: ${line}`);
  await timed("mark", async () => {
    const marker = await marking;
    await withClient(onDatabase(conn, scratch), (sql) => writeMarker(sql, scratch, marker));
  });
  return verified;
}

/** After a failed swap: nothing stays locked, and the scratch database (if still by that name) goes. */
async function undoSwap(
  conn: Conn,
  scratch: string,
  kept: string,
  log: RestoreOptions["log"],
): Promise<void> {
  const deadline = Date.now() + UNLOCK_MS;
  await unlockDatabase(conn, [conn.database, kept], deadline).catch((error: Error) =>
    log.warn(`Could not unlock ${conn.database}: ${error.message}.`),
  );
  // Retried like the unlock: a cut that stopped the safety dump stops the restore beside it too.
  await retrying(deadline, () => withMaintenance(conn, (sql) => dropDatabase(sql, scratch))).catch(
    (error: Error) =>
      log.warn(`Could not drop the scratch database ${scratch}: ${error.message}. A rerun drops it.`),
  );
}
