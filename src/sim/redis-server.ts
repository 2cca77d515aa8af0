import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";

import { localServerAvailable, REDIS_CLI, REDIS_SERVER } from "./servers.ts";

/** Whether this machine has Debian's redis-server (and its redis-cli) to start throwaway servers from. */
export function redisAvailable(): boolean {
  return localServerAvailable("redis");
}

export interface RedisServerOptions {
  /** `requirepass`: the default user needs this password. */
  password?: string;
  /** ACL users, as `user` lines of redis.conf: `alice on >secret ~cache:* +@all`. */
  users?: string[];
  /** Start as a cluster node (cluster-enabled yes); `startCluster` joins several. */
  cluster?: boolean;
  /** `databases` (16 by default): 1 is how managed services with a single database look. */
  databases?: number;
  /** Where its temp folder goes (the OS temp folder by default): a caller that removes one folder at the end. */
  parent?: string;
}

/** A throwaway redis-server on a free loopback port, persistence off, in its own temp folder. */
export interface RedisServer {
  port: number;
  url: string;
  /** An admin client (the default user), for seeding and checking. */
  admin(): Redis;
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Kills it and removes its folder at once, synchronously: for a process that is exiting. */
  stopNow(): void;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(options.parent ?? tmpdir(), "redis-test-"));
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  args.push("--dir", dir, "--daemonize", "no", "--loglevel", "warning");
  if (options.password) args.push("--requirepass", options.password);
  if (options.databases) args.push("--databases", String(options.databases));
  for (const user of options.users ?? []) args.push("--user", ...user.split(" "));
  if (options.cluster)
    args.push("--cluster-enabled", "yes", "--cluster-config-file", join(dir, "nodes.conf"));
  // Its own process group: a Ctrl-C in the terminal reaches the caller, which closes its clients first.
  const child = spawn(REDIS_SERVER, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : "";
  const url = `redis://${auth}127.0.0.1:${port}`;
  const admin = () => new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(port, options.password, child, () => stderr);
  } catch (error) {
    await end("SIGKILL");
    throw error;
  }
  const stopNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, url, admin, kill: () => end("SIGKILL"), stop: () => end("SIGTERM"), stopNow };
}

async function waitReady(
  port: number,
  password: string | undefined,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const cli = promisify(execFile);
  const auth = password ? ["--no-auth-warning", "-a", password] : [];
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${stderr()}`);
    const ok = await cli(REDIS_CLI, ["-p", String(port), ...auth, "PING"]).then(
      (r) => r.stdout.trim() === "PONG",
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING: ${stderr()}`);
}

/** Three cluster primaries holding all 16384 slots between them. */
export async function startCluster(): Promise<RedisServer[]> {
  const nodes = await Promise.all([1, 2, 3].map(() => startRedis({ cluster: true })));
  const cli = promisify(execFile);
  const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
  await cli(REDIS_CLI, ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"]);
  // `--cluster create` returns once slots are assigned; wait until every node agrees the cluster is up.
  for (const node of nodes) {
    for (let i = 0; ; i++) {
      const info = (await cli(REDIS_CLI, ["-p", String(node.port), "CLUSTER", "INFO"])).stdout;
      if (info.includes("cluster_state:ok")) break;
      if (i > 200) throw new Error(`cluster node ${node.port} never reached cluster_state:ok`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return nodes;
}

/** Writes `count` string keys named `${prefix}${i}` in pipelined batches. */
export async function seed(client: Redis, prefix: string, count: number, from = 0): Promise<void> {
  const batch = 10_000;
  for (let start = from; start < from + count; start += batch) {
    const pipeline = client.pipeline();
    for (let i = start; i < Math.min(from + count, start + batch); i++) pipeline.set(`${prefix}${i}`, "v");
    await pipeline.exec();
  }
}
