import { type S3Clients, StorageError } from "./client.ts";
import type { KeyPlan, RestorePlan } from "./plan.ts";
import { type Entry, histories, keyHistory } from "./versions.ts";
import { isOurs, type WriteOptions, writeKey } from "./write.ts";

const CONCURRENCY = 8;

export interface KeyResult {
  plan: KeyPlan;
  /** The version (or delete marker) this run wrote. */
  written?: string;
  /** Set when another writer touched the key around this run's write: what was seen. */
  changed?: string;
}

/**
 * The restore stopped: every worker was let finish the key it was writing, then the keys it had sent
 * writes for were read back. `written` is what the bucket shows this run wrote, when `readBack`.
 */
export class RestoreInterrupted extends Error {
  override name = "RestoreInterrupted";
  override readonly cause: unknown;
  readonly written: KeyResult[];
  /** False: the bucket could not be read back; `written` holds only the writes S3 answered. */
  readonly readBack: boolean;
  /** Writes sent without a clear answer, when the bucket could not be read back. */
  readonly unsure: number;
  constructor(cause: unknown, written: KeyResult[], readBack: boolean, unsure: number) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
    this.written = written;
    this.readBack = readBack;
    this.unsure = unsure;
  }
}

export interface RestoreOptions extends WriteOptions {
  signal?: AbortSignal;
}

/**
 * Applies the plan's restores and deletes, a few keys at a time, then checks each written key: the
 * newest entry must be this run's write and the one under it the version the plan saw as current.
 * Anything else means another writer changed the key during the restore; it is reported, never
 * overwritten again (what it wrote stays in the key's history either way).
 *
 * On the first failure (or a cancel) no worker starts another key; those writing one finish it, then
 * every key a write was sent for is read back, so what is reported is what the bucket holds.
 */
export async function applyRestore(
  clients: S3Clients,
  plan: RestorePlan,
  options: RestoreOptions,
): Promise<KeyResult[]> {
  const work = plan.keys.filter((k) => k.action === "restore" || k.action === "delete");
  const results: KeyResult[] = work.map((p) => ({ plan: p }));
  const sent = new Set<KeyResult>();
  // Writes that failed without a clear answer (no answer, or a 5xx): they may have happened.
  const unclear = new Set<KeyResult>();
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  let lastLog = Date.now();
  const worker = async () => {
    while (next < results.length && !failure) {
      if (options.signal?.aborted) {
        failure = {
          error: new Error("stopped (the run was cancelled)"),
        };
        return;
      }
      const result = results[next++] as KeyResult;
      sent.add(result);
      try {
        result.written = await writeKey(clients, plan.bucket, result.plan, options);
      } catch (error) {
        // A clear refusal wrote nothing; anything else may have written.
        if (!(error instanceof StorageError) || error.ambiguous) unclear.add(result);
        failure ??= { error };
        return;
      }
      done++;
      if (Date.now() - lastLog >= 5000) {
        lastLog = Date.now();
        options.log(`${done} of ${results.length} keys written.`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, results.length) }, worker));
  if (failure) throw await stopped(clients, plan, [...sent], unclear.size, failure.error, options);
  try {
    await verify(clients, plan, results);
  } catch (error) {
    // Every write was answered; only the check after them could not read the bucket.
    throw new RestoreInterrupted(error, results, false, 0);
  }
  return results;
}

/** Reads back each key a write was sent for: this run's write is the newest entry, or it did not happen. */
async function stopped(
  clients: S3Clients,
  plan: RestorePlan,
  sent: KeyResult[],
  unclear: number,
  cause: unknown,
  options: RestoreOptions,
): Promise<RestoreInterrupted> {
  options.log(`Stopped after ${sent.length} keys were sent; reading them back.`);
  // What S3 answered, kept in case the read-back fails part-way.
  const answered = sent.map((r) => [r, r.written] as const);
  try {
    for (const result of sent) {
      const latest = (await keyHistory(clients, plan.bucket, result.plan.key, 1))[0];
      const ours =
        latest !== undefined &&
        latest.versionId !== result.plan.current.versionId &&
        (latest.versionId === result.written || (await isOurs(clients, plan.bucket, result.plan, latest)));
      result.written = ours ? latest.versionId : undefined;
    }
  } catch {
    for (const [result, written] of answered) result.written = written;
    return new RestoreInterrupted(
      cause,
      sent.filter((r) => r.written),
      false,
      unclear,
    );
  }
  return new RestoreInterrupted(
    cause,
    sent.filter((r) => r.written),
    true,
    0,
  );
}

/** Checks each written key, reading the prefix again when that takes fewer requests than one per key. */
async function verify(clients: S3Clients, plan: RestorePlan, results: KeyResult[]): Promise<void> {
  const check = (result: KeyResult, history: Entry[]) => {
    const at = history.findIndex((e) => e.versionId === result.written);
    const below = history[at + 1];
    if (at < 0)
      result.changed = "this run's write is no longer among its newest versions: it was written again since";
    else if (at > 0)
      result.changed = `written again after the restore (now version ${history[0]?.versionId})`;
    else if (below?.versionId !== result.plan.current.versionId) {
      result.changed = `written during the restore (version ${below?.versionId} came after the plan read ${result.plan.current.versionId}; it is kept in the history)`;
    }
  };
  if (results.length > plan.listing.pages) {
    const byKey = new Map(results.map((r) => [r.plan.key, r]));
    for await (const history of histories(clients, plan.bucket, plan.prefix)) {
      const key = history[0]?.key ?? "";
      const result = byKey.get(key);
      if (result) check(result, history);
      byKey.delete(key);
    }
    for (const result of byKey.values()) check(result, []);
    return;
  }
  for (const result of results) check(result, await keyHistory(clients, plan.bucket, result.plan.key, 3));
}
