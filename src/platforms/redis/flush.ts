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

/** A scan or flush that stopped part-way: what was matched and removed until then, by the server's answers. */
export class FlushInterrupted extends Error {
  override name = "FlushInterrupted";
  readonly counts: Counts;
  override readonly cause: unknown;
  readonly code: string | undefined;
  /** The server the last command went to. */
  readonly address: string;
  /** Keys of an UNLINK sent but not answered: they may or may not be gone (a read-back settles it). */
  readonly unanswered: Buffer[];
  /** A FLUSHDB sent but not answered: the node's DBSIZE just before it. */
  readonly flushUnanswered: number | undefined;
  readonly cancelled: boolean;
  constructor(
    counts: Counts,
    cause: unknown,
    where: string,
    detail: { address: string; unanswered?: Buffer[]; flushUnanswered?: number; cancelled?: boolean },
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${where}: ${reason}`);
    this.counts = { ...counts };
    this.cause = cause;
    this.code = cause instanceof RedisError ? cause.code : undefined;
    this.address = detail.address;
    this.unanswered = detail.unanswered ?? [];
    this.flushUnanswered = detail.flushUnanswered;
    this.cancelled = detail.cancelled ?? false;
  }
}

/** A key as a person reads it: UTF-8 when it is, otherwise `\xNN` for each byte outside printable ASCII. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function showKey(key: Buffer): string {
  try {
    return utf8.decode(key);
  } catch {
    const printable = (b: number) => b >= 0x20 && b < 0x7f && b !== 0x5c;
    return [...key]
      .map((b) => (printable(b) ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`))
      .join("");
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
    // A key matching two patterns, or returned twice by SCAN, is counted once in a dry run (by its bytes).
    const distinct = options.dryRun ? new Set<string>() : undefined;
    for (const pattern of options.patterns) {
      const onBatch = (keys: Buffer[], removed: number) => {
        for (const key of keys) {
          if (samples.length >= SAMPLE_SIZE) break;
          const shown = showKey(key);
          if (!samples.includes(shown)) samples.push(shown);
        }
        if (distinct) {
          for (const key of keys) {
            const id = key.toString("latin1");
            if (!distinct.has(id)) {
              distinct.add(id);
              counts.matched++;
            }
          }
        } else counts.matched += keys.length;
        counts.removed += removed;
        progress(false);
      };
      await scanNode(node, pattern, connection.cluster, options, onBatch, counts);
    }
  }
  progress(true);
  return { ...counts, samples, total };
}

interface Batch {
  keys: Buffer[];
  answer: Promise<number>;
  /** Set once the server answered the batch's UNLINK. */
  removed?: number;
}

/**
 * One pattern on one node, keys as bytes (SCAN and UNLINK on Buffers: a key need not be UTF-8). The
 * UNLINK of a batch runs while the next SCAN step is asked for; on a failure the UNLINK in flight is
 * let finish (or fail) first, so its keys are either counted or handed on as unanswered.
 */
async function scanNode(
  node: RedisNode,
  pattern: string,
  cluster: boolean,
  options: ScanOptions,
  onBatch: (keys: Buffer[], removed: number) => void,
  counts: Counts,
): Promise<void> {
  const count = options.scanCount ?? SCAN_COUNT;
  let cursor = "0";
  let batch: Batch = { keys: [], answer: Promise.resolve(0), removed: 0 };
  try {
    do {
      if (options.signal?.aborted) throw new Cancelled();
      const [[next, keys], removed] = await Promise.all([
        node.client.scanBuffer(cursor, "MATCH", pattern, "COUNT", count),
        batch.answer,
      ]);
      onBatch(batch.keys, removed);
      cursor = String(next);
      batch = send(node, keys, cluster, options.dryRun);
    } while (cursor !== "0");
    onBatch(batch.keys, await batch.answer);
  } catch (error) {
    await batch.answer.catch(() => undefined);
    const answered = batch.removed !== undefined;
    if (answered) onBatch(batch.keys, batch.removed ?? 0);
    const cancelled = error instanceof Cancelled;
    throw new FlushInterrupted(
      counts,
      cancelled || error instanceof RedisError ? error : new RedisError(node.address, error),
      `Scanning ${node.address} for ${JSON.stringify(pattern)}`,
      { address: node.address, unanswered: answered ? [] : batch.keys, cancelled },
    );
  }
}

function send(node: RedisNode, keys: Buffer[], cluster: boolean, dryRun: boolean): Batch {
  if (dryRun || keys.length === 0) return { keys, answer: Promise.resolve(0), removed: 0 };
  const batch: Batch = { keys, answer: Promise.resolve(0) };
  batch.answer = unlink(node, keys, cluster).then((n) => {
    batch.removed = n;
    return n;
  });
  return batch;
}

class Cancelled extends Error {
  constructor() {
    super("stopped (the run was cancelled)");
  }
}

/**
 * One UNLINK for the batch; on a cluster node one UNLINK per key in a single pipeline, because keys
 * of one command must share a hash slot (CROSSSLOT otherwise) and a SCAN batch spans many slots.
 */
async function unlink(node: RedisNode, keys: Buffer[], cluster: boolean): Promise<number> {
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
  options: { dryRun: boolean; log: (line: string) => void; signal?: AbortSignal },
): Promise<ScanResult> {
  let removed = 0;
  const total = await dbsize(connection.nodes);
  if (options.dryRun) return { matched: total, removed: 0, samples: [], total };
  for (const node of connection.nodes) {
    let sent: number | undefined;
    try {
      // A cluster's primaries are flushed one by one: a cancel stops before the next.
      if (options.signal?.aborted) throw new Cancelled();
      const size = await node.client.dbsize();
      sent = size;
      await node.client.flushdb("ASYNC");
      removed += size;
      options.log(`FLUSHDB ASYNC on ${node.address}: ${size} keys dropped.`);
    } catch (error) {
      const cancelled = error instanceof Cancelled;
      throw new FlushInterrupted(
        { matched: total, removed },
        cancelled ? error : new RedisError(node.address, error),
        `Flushing ${node.address}`,
        { address: node.address, flushUnanswered: sent, cancelled },
      );
    }
  }
  return { matched: total, removed, samples: [], total };
}
