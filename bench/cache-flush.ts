// cache-flush on a throwaway redis-server 7: 1 M keys, half of them matching `page:*`.
//   the action's SCAN + UNLINK (pipelined batches)  vs  a bare ioredis loop doing SCAN then UNLINK itself
// For each: the wall time, every SCAN/UNLINK's execution time on the server (SLOWLOG with
// slowlog-log-slower-than 0: p50, p99, the slowest) and the slowest PING round trip of a probe client
// running beside it (what another user of the cache felt). SPEC: the largest single command under 10 ms.
// Run: node bench/cache-flush.ts  (BENCH_KEYS to change the 1 M; BENCH_ROUNDS, default 2)
import { cpus, loadavg } from "node:os";
import type { Redis } from "ioredis";
import { connect } from "../src/platforms/redis/client.ts";
import { SCAN_COUNT, scanAndRemove } from "../src/platforms/redis/flush.ts";
import { parseRedisUrl } from "../src/platforms/redis/url.ts";
import { seed, startRedis } from "../src/sim/redis-server.ts";

const KEYS = Number(process.env.BENCH_KEYS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const server = await startRedis();
const admin = server.admin();
await admin.config("SET", "slowlog-log-slower-than", "0");
await admin.config("SET", "slowlog-max-len", "1000000");

async function prepare(): Promise<void> {
  await admin.flushall("SYNC");
  await seed(admin, "page:", KEYS / 2);
  await seed(admin, "other:", KEYS / 2);
  await admin.slowlog("RESET");
}

/** PING in a loop until stopped: the slowest round trip another client of the cache saw. */
function probe(): { stop: () => Promise<{ maxMs: number; pings: number }> } {
  const client = server.admin();
  let running = true;
  let maxMs = 0;
  let pings = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await client.ping();
      maxMs = Math.max(maxMs, performance.now() - started);
      pings++;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      client.disconnect();
      return { maxMs, pings };
    },
  };
}

/**
 * Server-side execution times of the SCAN and UNLINK commands SLOWLOG recorded (microseconds): the
 * slowest, and percentiles, since on a loaded machine a descheduled server thread inflates a few.
 */
async function serverTimes() {
  const entries = (await admin.slowlog("GET", "-1")) as [number, number, number, string[]][];
  const kept = entries.filter(([, , , args]) => ["SCAN", "UNLINK"].includes(String(args[0]).toUpperCase()));
  const times = kept.map(([, , us]) => us).sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const worst = kept.reduce((w, e) => (e[2] > w[2] ? e : w), kept[0] ?? [0, 0, 0, [""]]);
  const command = `${String(worst[3][0]).toUpperCase()} of ${worst[3].length - 1} args`;
  return { p50: at(0.5), p99: at(0.99), max: at(1), command, count: times.length };
}

async function bare(client: Redis): Promise<number> {
  let cursor = "0";
  let removed = 0;
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", "page:*", "COUNT", SCAN_COUNT);
    if (keys.length) removed += await client.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
  return removed;
}

interface Figures {
  ms: number;
  removed: number;
  server: Awaited<ReturnType<typeof serverTimes>>;
  probeMs: number;
}

async function measure(run: () => Promise<number>): Promise<Figures> {
  await prepare();
  const p = probe();
  const started = performance.now();
  const removed = await run();
  const ms = performance.now() - started;
  const { maxMs } = await p.stop();
  const server = await serverTimes();
  if ((await admin.dbsize()) !== KEYS / 2) throw new Error("the matching keys were not all removed");
  return { ms, removed, server, probeMs: maxMs };
}

const ours = async () => {
  const connection = await connect(parseRedisUrl(server.url));
  const result = await scanAndRemove(connection, { patterns: ["page:*"], dryRun: false, log: () => {} });
  await connection.close();
  return result.removed;
};
const plain = async () => {
  const client = server.admin();
  const removed = await bare(client);
  client.disconnect();
  return removed;
};

const rows: [string, Figures][] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    // Interleaved, each first in turn, so machine load weighs on both alike.
    const pair: [string, () => Promise<number>][] = [
      ["cache-flush (scanAndRemove)", ours],
      ["bare ioredis: SCAN, then UNLINK", plain],
    ];
    if (round % 2 === 0) pair.reverse();
    for (const [name, run] of pair) rows.push([name, await measure(run)]);
  }
  const ms = (us: number) => `${(us / 1000).toFixed(2)} ms`;
  console.log(
    `${KEYS} keys, ${KEYS / 2} matching page:*, SCAN COUNT ${SCAN_COUNT}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
  console.log(
    "| way | wall time | removed | SCAN+UNLINK sent | server time per command p50 / p99 / max | slowest probe PING |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const [name, f] of rows) {
    const { p50, p99, max, command, count } = f.server;
    console.log(
      `| ${name} | ${(f.ms / 1000).toFixed(2)} s | ${f.removed} | ${count} | ${ms(p50)} / ${ms(p99)} / ${ms(max)} (${command}) | ${f.probeMs.toFixed(1)} ms |`,
    );
  }
} finally {
  admin.disconnect();
  await server.stop();
}
