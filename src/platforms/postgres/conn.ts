import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";

/** Where the target database is, parsed once from `database-url`. */
export interface Conn {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  /** libpq `sslmode`, when the URL sets one. */
  sslmode: string | undefined;
}

/** Parses `postgres://user:password@host:port/database?sslmode=…`; `host=` in the query for a socket folder. */
export function parseDatabaseUrl(raw: string): Conn {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("is not a URL.");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`has the scheme "${url.protocol}"; it must be postgres:// or postgresql://.`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database || database.includes("/")) throw new Error("names no database (the path after the host).");
  const host = url.searchParams.get("host") ?? decodeURIComponent(url.hostname);
  if (!host) throw new Error("names no host.");
  return {
    host: host.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || "postgres",
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database,
    sslmode: url.searchParams.get("sslmode") ?? undefined,
  };
}

/** The same server, another database. */
export function onDatabase(conn: Conn, database: string): Conn {
  return { ...conn, database };
}

type Ssl = "require" | "prefer" | "allow" | "verify-full" | boolean;

function driverSsl(sslmode: string | undefined): Ssl {
  if (sslmode === undefined || sslmode === "disable") return false;
  if (sslmode === "verify-ca") return "verify-full";
  return sslmode as Ssl;
}

/** A driver client (one connection: the restore never needs more) on `conn.database`. */
export function client(conn: Conn): postgres.Sql {
  return postgres({
    host: conn.host,
    port: conn.port,
    user: conn.user,
    pass: conn.password,
    database: conn.database,
    ssl: driverSsl(conn.sslmode),
    max: 1,
    connect_timeout: 30,
    onnotice: () => {},
    // The driver's first query on each connection reads the array types; when that query fails (a cut,
    // a backend ended) its rejection is unhandled and ends the process (porsager/postgres#1192). No
    // query here takes or returns arrays (lists travel as json), and each connection saves a round trip.
    fetch_types: false,
    connection: { application_name: "database-restore" },
  });
}

export async function withClient<T>(conn: Conn, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = client(conn);
  try {
    return await use(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Environment for pg_dump, pg_restore and psql. The password goes into a temp pgpass file (0600), never on
 * a command line or in the environment, and is removed by `dispose`.
 */
export interface ToolEnv {
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

function pgpassField(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
}

/** What any child process needs to run at all; nothing of the runner's own environment (inputs are there). */
export function bareEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ["PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT"]) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return env;
}

/**
 * The connection as libpq environment parts and a pgpass file: never the URL, never the password in the
 * environment or argv (both readable in /proc by the runner's other processes).
 */
export function toolEnv(conn: Conn, dir = tmpdir()): ToolEnv {
  const env = bareEnv();
  env.PGHOST = conn.host;
  env.PGPORT = String(conn.port);
  env.PGUSER = conn.user;
  env.PGDATABASE = conn.database;
  env.PGAPPNAME = "database-restore";
  env.PGCONNECT_TIMEOUT = "30";
  if (conn.sslmode) env.PGSSLMODE = conn.sslmode;
  let file: string | undefined;
  if (conn.password !== undefined) {
    file = join(dir, `dbrestore-pgpass-${randomUUID()}`);
    const line = ["*", "*", "*", pgpassField(conn.user), pgpassField(conn.password)].join(":");
    writeFileSync(file, `${line}\n`, { mode: 0o600, flag: "wx" });
    env.PGPASSFILE = file;
  } else {
    // No password in the URL: libpq must not fall back to the runner's ~/.pgpass either.
    env.PGPASSFILE = "/dev/null";
  }
  return {
    env,
    dispose: () => {
      if (file) rmSync(file, { force: true });
    },
  };
}

/** A double-quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A string literal that reads the same whatever standard_conforming_strings is: the E'' form always
 * takes backslash escapes, so doubling both backslashes and quotes cannot be broken out of.
 */
export function literal(text: string): string {
  return `E'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
