import { connect, type RedisConnection } from "./client.ts";
import { type FlushInterrupted, SCAN_COUNT } from "./flush.ts";
import type { RedisTarget } from "./url.ts";

/** What the database holds after a flush stopped part-way, read on a new connection. */
export interface ReadBack {
  /** Keys this run removed: the server's answers, plus those of an unanswered command found gone. */
  removed: number;
  /** Keys matching the patterns (or, for a whole-database flush, all keys) there now. */
  remaining: number;
  /** False when counting `remaining` ran out of time: there are at least that many. */
  exact: boolean;
}

export interface ReadBackOptions {
  /** The patterns of the flush; undefined for a whole-database flush. */
  patterns: string[] | undefined;
  /** How long to keep trying to connect again (the server may be restarting, the network cut). */
  windowMs: number;
  /** How long the count of remaining keys may take before it answers "at least". */
  countMs?: number;
}

async function reconnect(target: RedisTarget, windowMs: number): Promise<RedisConnection> {
  const deadline = Date.now() + windowMs;
  for (;;) {
    const left = deadline - Date.now();
    try {
      return await connect(target, { connectTimeoutMs: Math.max(250, Math.min(left, 2000)) });
    } catch (error) {
      if (Date.now() + 250 >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Reads back what a stopped flush left: an unanswered UNLINK's keys are looked up (EXISTS, one per key in
 * a pipeline, so cluster slots do not matter), an unanswered FLUSHDB's node is sized, and the keys still
 * matching are counted with SCAN. Throws when the server cannot be reached within `windowMs`.
 */
export async function readBack(
  target: RedisTarget,
  stopped: FlushInterrupted,
  options: ReadBackOptions,
): Promise<ReadBack> {
  const connection = await reconnect(target, options.windowMs);
  try {
    let removed = stopped.counts.removed;
    const node = connection.nodes.find((n) => n.address === stopped.address) ?? connection.nodes[0];
    if (node && stopped.unanswered.length) {
      const pipeline = node.client.pipeline();
      for (const key of stopped.unanswered) pipeline.exists(key);
      const answers = (await pipeline.exec()) ?? [];
      let there = 0;
      for (const [error, value] of answers) {
        if (error) throw error;
        there += Number(value);
      }
      removed += stopped.unanswered.length - there;
    }
    if (node && stopped.flushUnanswered !== undefined && (await node.client.dbsize()) === 0) {
      removed += stopped.flushUnanswered;
    }
    const deadline = Date.now() + (options.countMs ?? 5000);
    let remaining = 0;
    let exact = true;
    for (const n of connection.nodes) {
      if (!options.patterns) {
        remaining += await n.client.dbsize();
        continue;
      }
      const seen = new Set<string>();
      for (const pattern of options.patterns) {
        let cursor = "0";
        do {
          if (Date.now() > deadline) exact = false;
          if (!exact) break;
          const [next, keys] = await n.client.scanBuffer(cursor, "MATCH", pattern, "COUNT", SCAN_COUNT);
          for (const key of keys) seen.add(key.toString("latin1"));
          cursor = String(next);
        } while (cursor !== "0");
      }
      remaining += seen.size;
    }
    return { removed, remaining, exact };
  } finally {
    await connection.close();
  }
}
