import type { Redis, RedisOptions } from "ioredis";
import type { RedisTarget } from "./url.ts";

/** One server the flush talks to: the server of the URL, or each primary of a cluster. */
export interface RedisNode {
  /** `host:port`, safe to show. */
  address: string;
  client: Redis;
}

export interface RedisConnection {
  target: RedisTarget;
  /** True when the URL's server is a Redis Cluster node: `nodes` are then all its primaries. */
  cluster: boolean;
  nodes: RedisNode[];
  close(): Promise<void>;
}

/** A Redis command or connection failed; `code` is the server's error word (WRONGPASS, NOPERM…) or the socket's. */
export class RedisError extends Error {
  override name = "RedisError";
  readonly code: string | undefined;
  readonly address: string;
  constructor(address: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`Redis at ${address}: ${message}`);
    this.address = address;
    this.code = errorCode(cause);
  }
}

function errorCode(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  // Server errors start with an upper-case word: "NOPERM this user has no permissions…".
  const word = /^([A-Z][A-Z_]+)\b/.exec(cause instanceof Error ? cause.message : "")?.[1];
  if (word && word !== "ERR") return word;
  if (/connection is closed|connection lost|socket closed/i.test(String((cause as Error)?.message))) {
    return "CONNECTION_LOST";
  }
  return word;
}

export interface ConnectOptions {
  connectTimeoutMs?: number;
  /** One command's deadline: a SCAN or UNLINK batch takes milliseconds, so minutes mean a stuck server. */
  commandTimeoutMs?: number;
}

function clientOptions(
  target: RedisTarget,
  host: string,
  port: number,
  options: ConnectOptions,
): RedisOptions {
  return {
    host,
    port,
    username: target.username,
    password: target.password,
    // Database 0, where every connection starts; `open` selects the URL's and checks it (ioredis's own
    // SELECT on connect only emits its failure as an event and stays on database 0).
    db: 0,
    // SNI and certificate checks use the URL's host name even for cluster nodes announced by address.
    tls: target.tls ? { servername: target.host } : undefined,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    commandTimeout: options.commandTimeoutMs ?? 60_000,
    lazyConnect: true,
    // A server that goes away fails the run with the counts so far instead of reconnecting quietly,
    // and no command is queued or re-sent behind the caller's back.
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResubscribe: false,
    connectionName: "production-rollback-cache-flush",
  };
}

async function open(
  target: RedisTarget,
  host: string,
  port: number,
  options: ConnectOptions,
): Promise<RedisNode> {
  const ioredis = await import("ioredis");
  // Bundled (ncc), the CommonJS module's named exports sit under `default`.
  const Redis = ioredis.Redis ?? (ioredis.default as unknown as typeof ioredis).Redis;
  const address = `${host}:${port}`;
  const client = new Redis(clientOptions(target, host, port, options));
  // ioredis reports errors as events too. Commands carry their own, but a refused AUTH only shows as an
  // event, while connect() rejects with a bare "Connection is closed": keep the event's to say why.
  let refused: unknown;
  client.on("error", (error: unknown) => {
    refused ??= error;
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new RedisError(address, refused ?? error);
  }
  try {
    await selectDatabase(client, target.db);
  } catch (error) {
    client.disconnect();
    throw error instanceof NoSuchDatabase ? error : new RedisError(address, error);
  }
  return { address, client };
}

/** The URL's database could not be selected: nothing may be read or removed on this connection. */
export class NoSuchDatabase extends RedisError {
  override name = "NoSuchDatabase";
  readonly db: number;
  constructor(address: string, db: number, cause: unknown) {
    super(address, cause);
    this.db = db;
  }
}

/**
 * SELECT, awaited, then CLIENT INFO's `db=` read back (Redis 6.2+; an older server's OK to SELECT is
 * the proof then). A server without that database (16 of 0-15, a managed Redis with one, a cluster)
 * answers an error, which ends the connection before any key is touched.
 */
async function selectDatabase(client: Redis, db: number): Promise<void> {
  const address = `${client.options.host}:${client.options.port}`;
  if (db !== 0) {
    try {
      await client.select(db);
    } catch (error) {
      throw new NoSuchDatabase(address, db, error);
    }
  }
  const info = await client.client("INFO").then(String, () => undefined);
  const selected = info === undefined ? undefined : /(?:^| )db=(\d+)/.exec(info)?.[1];
  if (selected !== undefined && Number(selected) !== db) {
    throw new NoSuchDatabase(address, db, new Error(`the connection is on database ${selected}`));
  }
}

/**
 * Connects to the URL's server. A cluster node (INFO cluster: cluster_enabled:1) leads to every primary
 * listed by CLUSTER NODES, each on its own connection, since SCAN only walks the node it is sent to.
 */
export async function connect(target: RedisTarget, options: ConnectOptions = {}): Promise<RedisConnection> {
  const first = await open(target, target.host, target.port, options);
  const nodes: RedisNode[] = [first];
  const close = async () => {
    await Promise.all(nodes.map((n) => n.client.quit().catch(() => n.client.disconnect())));
  };
  try {
    const info = await first.client.info("cluster");
    if (!/cluster_enabled:1/.test(info)) return { target, cluster: false, nodes, close };
    const primaries = parseClusterNodes(String(await first.client.cluster("NODES")));
    nodes.length = 0;
    first.client.disconnect();
    for (const p of primaries) nodes.push(await open(target, p.host || target.host, p.port, options));
    return { target, cluster: true, nodes, close };
  } catch (error) {
    await close();
    throw error instanceof RedisError ? error : new RedisError(first.address, error);
  }
}

/**
 * Primaries from CLUSTER NODES lines (`id ip:port@cport[,hostname] flags master …`), skipping failed
 * ones and those without an address. Format: https://redis.io/docs/latest/commands/cluster-nodes/
 */
export function parseClusterNodes(text: string): { host: string; port: number }[] {
  const primaries: { host: string; port: number }[] = [];
  for (const line of text.split("\n")) {
    const [, endpoint, flags] = line.trim().split(" ");
    if (!endpoint || !flags) continue;
    const flagSet = new Set(flags.split(","));
    if (!flagSet.has("master") || flagSet.has("fail") || flagSet.has("noaddr")) continue;
    const address = endpoint.split("@")[0] ?? "";
    const colon = address.lastIndexOf(":");
    primaries.push({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)) });
  }
  return primaries;
}
