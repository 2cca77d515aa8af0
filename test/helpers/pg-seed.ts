import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PostgresServer } from "../../src/sim/postgres-server.ts";

/** A small shop: users and orders, with an index and a foreign key, as a real dump has. */
export async function seedShop(pg: PostgresServer, database: string, users = 200): Promise<void> {
  const sql = pg.sql(database);
  try {
    await sql`CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE)`;
    await sql`CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users, total numeric)`;
    await sql`INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, ${users}) g`;
    await sql`INSERT INTO orders (user_id, total) SELECT 1 + g % ${users}, g FROM generate_series(1, ${users * 3}) g`;
  } finally {
    await sql.end();
  }
}

/** What goes wrong after the backup: rows lost, a table added. */
export async function damage(pg: PostgresServer, database: string): Promise<void> {
  const sql = pg.sql(database);
  try {
    await sql`DELETE FROM orders WHERE user_id > 10`;
    await sql`DELETE FROM users WHERE id > 10`;
    await sql`CREATE TABLE bad_migration (x int)`;
  } finally {
    await sql.end();
  }
}

export async function count(pg: PostgresServer, database: string, table: string): Promise<number> {
  const sql = pg.sql(database);
  try {
    const [row] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`);
    return Number(row?.n);
  } finally {
    await sql.end();
  }
}

export async function databases(pg: PostgresServer): Promise<string[]> {
  const sql = pg.sql("postgres");
  try {
    const rows = await sql<
      { datname: string }[]
    >`SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1`;
    return rows.map((row) => row.datname);
  } finally {
    await sql.end();
  }
}

export async function tables(pg: PostgresServer, database: string): Promise<string[]> {
  const sql = pg.sql(database);
  try {
    const rows = await sql<
      { t: string }[]
    >`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
    return rows.map((row) => row.t);
  } finally {
    await sql.end();
  }
}

/** `pg_dump` with the machine's client (format c, t or p), into a fresh temp folder. */
export function dumpOf(pg: PostgresServer, database: string, format: "c" | "t" | "p" = "c"): string {
  const dir = mkdtempSync(join(tmpdir(), "dbrestore-dump-"));
  const path = join(dir, `${database}.${{ c: "dump", t: "tar", p: "sql" }[format]}`);
  execFileSync("pg_dump", [`-F${format}`, "-f", path, "-d", database], {
    env: {
      ...process.env,
      PGHOST: "127.0.0.1",
      PGPORT: String(pg.port),
      PGUSER: pg.user,
      PGPASSWORD: pg.password,
    },
  });
  return path;
}
