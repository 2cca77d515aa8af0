import { execFile, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { postgresBinDir } from "./servers.ts";

export { postgresBinDir };

const run = promisify(execFile);

/** A throwaway PostgreSQL server on a free loopback port, password auth, in its own temp folder. */
export interface PostgresServer {
  port: number;
  user: string;
  password: string;
  /** `postgresql://user:password@127.0.0.1:port/<database>`. */
  url(database: string): string;
  /** A client on one database, for seeding and checking (end it after use). */
  sql(database: string): postgres.Sql;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  /** Stops it (immediate mode) and removes its folder synchronously: for a process that is exiting. */
  stopNow(): void;
}

/**
 * Runs a command in its own session: the server it starts then misses a Ctrl-C in the terminal, so the caller
 * closes its clients before it stops the server.
 */
function detached([command, ...args]: string[]): Promise<void> {
  const child = spawn(command as string, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}): ${stderr}`)),
    );
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the Debian `postgres` user, which
 * then owns the temp folder. Durability is off: these servers hold test data only.
 */
export async function startPostgres(options: { parent?: string } = {}): Promise<PostgresServer> {
  const BIN = postgresBinDir();
  if (!BIN) throw new Error("No PostgreSQL server in /usr/lib/postgresql: apt-get install postgresql");
  // parent: where its temp folder goes (the OS temp folder by default), for a caller that removes one folder.
  const dir = mkdtempSync(join(options.parent ?? tmpdir(), "dbrestore-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const stopNow = () => {
    const stop = [`${BIN}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"];
    try {
      if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", ...stop], { stdio: "ignore" });
      else execFileSync(stop[0] as string, stop.slice(1), { stdio: "ignore" });
    } catch {
      // Not running (it never started, or already stopped).
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return { ...(await start(BIN, dir, data, asRoot)), stopNow };
  } catch (error) {
    stopNow();
    throw error;
  }
}

async function start(
  BIN: string,
  dir: string,
  data: string,
  asRoot: boolean,
): Promise<Omit<PostgresServer, "stopNow">> {
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const user = "postgres";
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
  const pwfile = join(dir, "pwfile");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  // --no-sync: nothing waits for the new cluster to reach the disk, as the docs advise for testing
  // (https://www.postgresql.org/docs/current/app-initdb.html); three times faster on a busy machine.
  await as(`${BIN}/initdb`, [
    "--no-sync",
    "-D",
    data,
    "-U",
    user,
    "--pwfile",
    pwfile,
    "--auth",
    "scram-sha-256",
  ]);
  rmSync(pwfile);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c full_page_writes=off",
      "-c synchronous_commit=off",
    ].join(" ");
    try {
      const pgCtl = [`${BIN}/pg_ctl`, "-D", data, "-l", join(dir, "log"), "-o", options, "-w", "start"];
      await detached(asRoot ? ["runuser", "-u", "postgres", "--", ...pgCtl] : pgCtl);
      break;
    } catch (error) {
      // Another test may have taken the port between the probe and the start.
      if (attempt >= 2) throw error;
    }
  }
  const url = (database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const sql = (database: string) => postgres(url(database), { max: 1, onnotice: () => {} });
  return {
    port,
    user,
    password,
    url,
    sql,
    async createDatabase(name) {
      const admin = sql("postgres");
      await admin.unsafe(`CREATE DATABASE "${name}"`);
      await admin.end();
      return url(name);
    },
    async stop() {
      await as(`${BIN}/pg_ctl`, ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
