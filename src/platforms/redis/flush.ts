import { type RedisConnection, RedisError, type RedisNode } from "./client.ts";

/** Keys a SCAN step asks the server to look at: small enough that one step stays well under a millisecond. */
export const SCAN_COUNT = 1000;
const SAMPLE_SIZE = 5;
const PROGRESS_EVERY_MS = 2000;

export interface Counts {
  /** Matching keys SCAN returned (a key SCAN returns twice is counted twice; the dry run counts each once). */
  matched: number;
  /** Keys UNLINK or FLUSHDB reported removed. */
  removed: number;
}

export interface ScanResult extends Counts {
  /** The first few matching key names, for the summary. */
  samples: string[];
  /** Keys in the database(s) before the run (DBSIZE). */
  total: number;
}

export interface ScanOptions {
  patterns: string[];
  /** Count and sample only: nothing is removed. */
  dryRun: boolean;
  log: (line: string) => void;
  signal?: AbortSignal;
  scanCount?: number;
}

/** A scan that stopped part-way: what was matched and removed until then. */
export class FlushInterrupted extends Error {
  override name = "FlushInterrupted";
  readonly counts: Counts;
  override readonly cause: unknown;
  readonly code: string | undefined;
  constructor(counts: Counts, cause: unknown, where: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${where}: ${reason}. Until then ${counts.matched} matching keys were found and ${counts.removed} removed (an UNLINK in flight may have removed more).`,
    );
    this.counts = { ...counts };
    this.cause = cause;
    this.code = cause instanceof RedisError ? cause.code : undefined;
  }
}

async function dbsize(nodes: RedisNode[]): Promise<number> {
  const sizes = await Promise.all(
    nodes.map((n) =>
      n.client.dbsize().catch((error: unknown) => {
        throw new RedisError(n.address, error);
      }),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Removes (or, in a dry run, counts) the keys matching any pattern with SCAN MATCH + UNLINK, node by
 * node, pattern by pattern. UNLINK frees memory in the background and each SCAN step is bounded, so
 * the server keeps serving: never KEYS. The UNLINK of one batch is sent before the next SCAN and both
 * are awaited together, so a round trip is not spent waiting for each.
 */
export async function scanAndRemove(connection: RedisConnection, options: ScanOptions): Promise<ScanResult> {
  const counts: Counts = { matched: 0, removed: 0 };
  const samples: string[] = [];
  const total = await dbsize(connection.nodes);
  const verb = options.dryRun ? "counting" : "removing";
  options.log(
    `Scanning ${total} keys on ${connection.nodes.length === 1 ? connection.target.display : `${connection.nodes.length} cluster primaries`}, ${verb} those matching ${options.patterns.map((p) => JSON.stringify(p)).join(", ")}.`,
  );
  let lastProgress = Date.now();
  const progress = (force: boolean) => {
    if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = Date.now();
    options.log(
      options.dryRun
        ? `${counts.matched} matching keys found so far.`
        : `${counts.matched} matching keys seen, ${counts.removed} removed.`,
    );
  };
  for (const node of connection.nodes) {
    // A key matching two patterns, or returned twice by SCAN, is counted once in a dry run.
    const distinct = options.dryRun ? new Set<string>() : undefined;
    for (const pattern of options.patterns) {
      const where = `Scanning ${node.address} for ${JSON.stringify(pattern)}`;
      try {
        await scanNode(node, pattern, connection.cluster, options, (keys, removed) => {
          for (const key of keys) {
            if (samples.length < SAMPLE_SIZE && !samples.includes(key)) samples.push(key);
            if (distinct && !distinct.has(key)) {
              distinct.add(key);
              counts.matched++;
            }
          }
          if (!distinct) counts.matched += keys.length;
          counts.removed += removed;
          progress(false);
        });
      } catch (error) {
        throw new FlushInterrupted(
          counts,
          error instanceof RedisError ? error : new RedisError(node.address, error),
          where,
        );
      }
    }
  }
  progress(true);
  return { ...counts, samples, total };
}

async function scanNode(
  node: RedisNode,
  pattern: string,
  cluster: boolean,
  options: ScanOptions,
  onBatch: (keys: string[], removed: number) => void,
): Promise<void> {
  const count = options.scanCount ?? SCAN_COUNT;
  let cursor = "0";
  let unlinking: Promise<number> = Promise.resolve(0);
  let pendingKeys: string[] = [];
  do {
    if (options.signal?.aborted) throw new Error("stopped (the run was cancelled)");
    const [[next, keys], removed] = await Promise.all([
      node.client.scan(cursor, "MATCH", pattern, "COUNT", count),
      unlinking,
    ]);
    onBatch(pendingKeys, removed);
    cursor = next;
    pendingKeys = keys;
    unlinking = options.dryRun || keys.length === 0 ? Promise.resolve(0) : unlink(node, keys, cluster);
  } while (cursor !== "0");
  onBatch(pendingKeys, await unlinking);
}

/**
 * One UNLINK for the batch; on a cluster node one UNLINK per key in a single pipeline, because keys
 * of one command must share a hash slot (CROSSSLOT otherwise) and a SCAN batch spans many slots.
 */
async function unlink(node: RedisNode, keys: string[], cluster: boolean): Promise<number> {
  if (!cluster) return node.client.unlink(...keys);
  const pipeline = node.client.pipeline();
  for (const key of keys) pipeline.unlink(key);
  const results = (await pipeline.exec()) ?? [];
  let removed = 0;
  for (const [error, value] of results) {
    if (error) throw error;
    removed += Number(value);
  }
  return removed;
}

/**
 * FLUSHDB ASYNC on every node (each primary of a cluster): the server drops the keys in a background
 * thread. Returns DBSIZE from just before, as the number of keys removed.
 */
export async function flushDatabase(
  connection: RedisConnection,
  options: { dryRun: boolean; log: (line: string) => void },
): Promise<ScanResult> {
  let removed = 0;
  const total = await dbsize(connection.nodes);
  if (options.dryRun) return { matched: total, removed: 0, samples: [], total };
  for (const node of connection.nodes) {
    try {
      const size = await node.client.dbsize();
      await node.client.flushdb("ASYNC");
      removed += size;
      options.log(`FLUSHDB ASYNC on ${node.address}: ${size} keys dropped.`);
    } catch (error) {
      throw new FlushInterrupted(
        { matched: total, removed },
        new RedisError(node.address, error),
        `Flushing ${node.address}`,
      );
    }
  }
  return { matched: total, removed, samples: [], total };
}
