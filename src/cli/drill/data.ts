// The full runbook's data: a database the bad deploy corrupted, with a dump taken before it, and a cache it
// filled with bad pages. Real PostgreSQL and Redis servers where the machine has them; otherwise a Railway
// volume and a Railway Redis service in the simulator, and the timeline says so.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import type postgres from "postgres";
import { type RailwaySeed, type RailwaySimulator, SCENARIO } from "../../sim/railway.ts";
import { localServerAvailable, postgresBinDir } from "../../sim/servers.ts";
import type { FaultName } from "./faults.ts";

const run = promisify(execFile);
export const DATABASE = "shop";
const REDIS_SERVICE = { id: "5a1b2c3d-0003-4000-8000-0000000ed150", name: "redis" };
const POSTGRES_SERVICE = { id: "5a1b2c3d-0004-4000-8000-0000000d0b00", name: "postgres" };
const GOOD_DATA = "the users as they were before the deploy";
const REDIS_DEPLOYMENT = "d0ed1500-0000-4000-8000-000000000001";
const USERS = 3;

/** The database-restore inputs that restore the drill's database. */
export type DatabaseInputs = Record<string, string>;
/** The cache-flush inputs that flush the drill's cache. */
export type CacheInputs = Record<string, string>;

export interface DrillData {
  /** What the machine gave the drill, for the timeline. */
  notes: string[];
  database: DatabaseInputs;
  cache: CacheInputs;
  databaseProblem(): Promise<string | undefined>;
  cacheProblem(): Promise<string | undefined>;
  /** Closes the clients, then stops the servers and removes their folders. */
  stop(): Promise<void>;
  /** The servers stopped at once, synchronously: for a drill that is exiting without tearing down. */
  stopNow(): void;
}

interface Part {
  note: string;
  inputs: Record<string, string>;
  problem(): Promise<string | undefined>;
  stop(): Promise<void>;
  stopNow(): void;
}

/** A real server, stopped (and its folder removed) when what follows its start fails. */
async function seeded<S extends { stop(): Promise<void> }, T>(server: S, then: (server: S) => Promise<T>) {
  try {
    return await then(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function realDatabase(dir: string, faults: Set<FaultName>): Promise<Part> {
  // Loaded only here: the code targets never need the PostgreSQL driver.
  const { startPostgres } = await import("../../sim/postgres-server.ts");
  return seeded(await startPostgres({ parent: dir }), (server) => seedDatabase(server, dir, faults));
}

async function seedDatabase(
  server: Awaited<ReturnType<typeof import("../../sim/postgres-server.ts").startPostgres>>,
  dir: string,
  faults: Set<FaultName>,
): Promise<Part> {
  const url = await server.createDatabase(DATABASE);
  const seed = server.sql(DATABASE);
  await seed`CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL)`;
  for (let id = 1; id <= USERS; id++)
    await seed`INSERT INTO users VALUES (${id}, ${`user${id}@shop.example`})`;
  await seed.end();
  // The backup taken before the deploy, as the runbook's backup_latest.
  const dump = join(dir, "backup_latest.dump");
  const bin = postgresBinDir() as string;
  await run(
    `${bin}/pg_dump`,
    ["-Fc", "-h", "127.0.0.1", "-p", String(server.port), "-U", server.user, "-f", dump, DATABASE],
    {
      env: { ...process.env, PGPASSWORD: server.password },
    },
  );
  const bad = server.sql(DATABASE);
  await bad`DELETE FROM users WHERE id > 1`;
  await bad`INSERT INTO users VALUES (99, 'corrupt')`;
  await bad.end();
  let probe: postgres.Sql | undefined;
  return {
    note: `a real PostgreSQL on 127.0.0.1:${server.port} (database "${DATABASE}", corrupted after the dump)`,
    inputs: {
      provider: "postgres",
      "database-url": url,
      backup: dump,
      confirm: DATABASE,
      mode: "swap",
      // restore-fails: a check no restored row passes, so the restore is refused before the swap.
      "verify-sql": faults.has("restore-fails")
        ? "SELECT 1 FROM users WHERE email LIKE '%@nowhere.example'"
        : "SELECT count(*) FROM users",
      "safety-backup-dir": dir,
    },
    async problem(): Promise<string | undefined> {
      probe ??= server.sql(DATABASE);
      try {
        const [row] = await probe<{ n: number; corrupt: number }[]>`
          SELECT count(*)::int AS n, count(*) FILTER (WHERE id = 99)::int AS corrupt FROM users`;
        if (!row || row.n !== USERS || row.corrupt) return `users table corrupted (${row?.n ?? 0} rows)`;
        return undefined;
      } catch (error) {
        // Swapping databases ends open sessions: reconnect on the next check.
        await probe.end({ timeout: 0 }).catch(() => undefined);
        probe = undefined;
        return `database unavailable: ${(error as Error).message}`;
      }
    },
    async stop() {
      await probe?.end({ timeout: 0 }).catch(() => undefined);
      await server.stop();
    },
    stopNow: () => server.stopNow(),
  };
}

async function realCache(dir: string): Promise<Part> {
  // Loaded only here: the code targets never need the Redis client.
  const { startRedis } = await import("../../sim/redis-server.ts");
  return seeded(await startRedis({ parent: dir }), (server) => seedCache(server));
}

async function seedCache(
  server: Awaited<ReturnType<typeof import("../../sim/redis-server.ts").startRedis>>,
): Promise<Part> {
  const admin: Redis = server.admin();
  // Errors reach the command that caused them; without a listener ioredis prints each one as "Unhandled".
  admin.on("error", () => {});
  try {
    for (const page of ["home", "checkout", "cart"])
      await admin.set(`page:${page}`, "rendered by the bad deploy");
    await admin.set("session:42", "a signed-in customer");
  } catch (error) {
    admin.disconnect();
    throw error;
  }
  return {
    note: `a real Redis on 127.0.0.1:${server.port} (pages cached by the bad deploy, sessions to keep)`,
    inputs: { "redis-url": server.url, pattern: "page:*" },
    async problem(): Promise<string | undefined> {
      const [, bad] = await admin.scan("0", "MATCH", "page:*", "COUNT", 100);
      if (!(await admin.exists("session:42"))) return "sessions were flushed with the pages";
      return bad.length ? `${bad.length} pages cached by the bad deploy` : undefined;
    },
    async stop() {
      // QUIT waits for the replies still due; a server already gone (Ctrl-C) just closes the socket.
      await admin.quit().catch(() => admin.disconnect());
      await server.stop();
    },
    stopNow: () => server.stopNow(),
  };
}

/** A Railway Postgres service with a volume, for the drill when the machine has no PostgreSQL. */
export function addPostgresService(seed: RailwaySeed): void {
  seed.projects[0]?.services.push(POSTGRES_SERVICE);
  seed.deployments?.push({
    id: "d0d0b000-0000-4000-8000-0000000000d1",
    serviceId: POSTGRES_SERVICE.id,
    environmentId: SCENARIO.environmentId,
    status: "SUCCESS",
    createdAt: -48 * 3_600_000,
    meta: { image: "ghcr.io/railwayapp-templates/postgres-ssl:16" },
  });
}

function simulatedDatabase(railway: RailwaySimulator, faults: Set<FaultName>, why: string): Part {
  const hour = 3_600_000;
  const now = Date.now();
  railway.volumes.configure({ workflowMs: 200 });
  const instance = railway.volumes.addInstance({
    serviceId: POSTGRES_SERVICE.id,
    projectId: SCENARIO.projectId,
    environmentId: SCENARIO.environmentId,
    mountPath: "/var/lib/postgresql/data",
    sizeMB: 5000,
    usedMB: 812,
    data: "users corrupted by the bad deploy",
    pitrSince: now - 7 * 24 * hour,
  });
  railway.volumes.addBackup({
    volumeInstanceId: instance.id,
    name: "Daily",
    createdAt: now - 3 * hour,
    usedMB: 800,
    data: GOOD_DATA,
  });
  if (faults.has("restore-fails")) railway.volumes.failNext("VolumeBackupRestore", "snapshot unreadable");
  return {
    note: `the database: a simulated Railway Postgres volume, restored from its backup (${why})`,
    inputs: {
      provider: "railway",
      "railway-token": SCENARIO.projectToken,
      "railway-service": POSTGRES_SERVICE.name,
      "railway-api-url": railway.url,
      confirm: POSTGRES_SERVICE.name,
      "point-in-time": new Date(now - 2 * hour).toISOString(),
    },
    // A restore mounts a new volume (the old one is kept, unmounted): read what the service mounts now.
    problem: async () =>
      railway.volumes.mountedOn(POSTGRES_SERVICE.id)?.data === GOOD_DATA
        ? undefined
        : "users corrupted by the bad deploy",
    stop: async () => {},
    stopNow: () => {},
  };
}

/** A Railway Redis service for the drill when the machine has no redis-server: the runbook's other way. */
export function addRedisService(seed: RailwaySeed): void {
  seed.projects[0]?.services.push(REDIS_SERVICE);
  seed.deployments?.push({
    id: REDIS_DEPLOYMENT,
    serviceId: REDIS_SERVICE.id,
    environmentId: SCENARIO.environmentId,
    status: "SUCCESS",
    createdAt: -3_600_000,
    meta: { image: "redis:7", imageDigest: `sha256:${"7".padEnd(64, "0")}` },
  });
}

function simulatedCache(railway: RailwaySimulator, why: string): Part {
  // Restarting the service empties a cache without persistence: flushed once it serves again.
  let restarted = false;
  const unsubscribe = railway.onChange((deployment, previous) => {
    if (
      deployment.serviceId === REDIS_SERVICE.id &&
      previous === "DEPLOYING" &&
      deployment.status === "SUCCESS"
    )
      restarted = true;
  });
  return {
    note: `the cache: a simulated Railway Redis service, restarted to flush it (${why})`,
    inputs: {
      "railway-service": REDIS_SERVICE.name,
      "railway-token": SCENARIO.projectToken,
      "railway-api-url": railway.url,
    },
    problem: async () => (restarted ? undefined : "the cache still holds pages rendered by the bad deploy"),
    stop: async () => unsubscribe(),
    stopNow: () => unsubscribe(),
  };
}

export async function startData(options: {
  dir: string;
  faults: Set<FaultName>;
  railway: RailwaySimulator;
  /** Settles when the Railway simulator serves: the simulated database and cache need its URL. */
  railwayUp: Promise<unknown>;
  /** Use the simulated database and cache even where the machine has the servers (tests of the fallback). */
  simulated: boolean;
}): Promise<DrillData> {
  const { dir, faults, railway, simulated } = options;
  const why = (real: boolean, server: string) => (real ? "asked for" : `this machine has no ${server}`);
  const simulatedPart = async (make: () => Part) => {
    await options.railwayUp;
    return make();
  };
  // Both at once; when one fails, the other is stopped before the error goes on.
  const parts = await Promise.allSettled([
    databaseIsSimulated(simulated)
      ? simulatedPart(() => simulatedDatabase(railway, faults, why(Boolean(postgresBinDir()), "PostgreSQL")))
      : realDatabase(dir, faults),
    cacheIsSimulated(simulated)
      ? simulatedPart(() => simulatedCache(railway, why(localServerAvailable("redis"), "redis-server")))
      : realCache(dir),
  ]);
  const started = parts.flatMap((part) => (part.status === "fulfilled" ? [part.value] : []));
  const failed = parts.find((part) => part.status === "rejected");
  if (failed) {
    await Promise.all(started.map((part) => part.stop()));
    throw failed.reason;
  }
  const [database, cache] = started as [Part, Part];
  return {
    notes: [database.note, cache.note],
    database: database.inputs,
    cache: cache.inputs,
    databaseProblem: database.problem,
    cacheProblem: cache.problem,
    stop: async () => {
      await Promise.all([database.stop(), cache.stop()]);
    },
    stopNow: () => {
      database.stopNow();
      cache.stopNow();
    },
  };
}

/** Whether the drill's database is simulated: no PostgreSQL here, or asked for. */
export function databaseIsSimulated(forced: boolean): boolean {
  return forced || !postgresBinDir();
}

/** Whether the drill's cache is simulated: no redis-server here, or asked for. */
export function cacheIsSimulated(forced: boolean): boolean {
  return forced || !localServerAvailable("redis");
}
