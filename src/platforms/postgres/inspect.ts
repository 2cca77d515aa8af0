import type postgres from "postgres";
import { type Conn, ident, literal, onDatabase, withClient } from "./conn.ts";

/** The database to be replaced, as it is now: what a dry run shows and the second run checks. */
export interface TargetState {
  database: string;
  serverVersion: string;
  serverMajor: number;
  bytes: number;
  tables: number;
  /** The largest tables by estimated rows (`pg_class.reltuples`), for the plan. */
  largest: { name: string; rows: number }[];
  /** Sessions connected to it now (ended before a swap). */
  connections: number;
  /** The last restore recorded on it by this action. */
  restored: RestoreMarker | undefined;
}

export interface RestoreMarker {
  sha256: string;
  name: string;
  at: string;
}

// A database comment records what was restored, so a second run with the same dump changes nothing.
const MARKER = /^database-restore sha256:([0-9a-f]{64}) from (.*) at (\S+)$/;

export function markerText(marker: RestoreMarker): string {
  return `database-restore sha256:${marker.sha256} from ${marker.name.replace(/[\r\n]/g, " ")} at ${marker.at}`;
}

export function parseMarker(comment: string | null | undefined): RestoreMarker | undefined {
  const match = comment ? MARKER.exec(comment) : null;
  return match ? { sha256: match[1] as string, name: match[2] as string, at: match[3] as string } : undefined;
}

export async function writeMarker(sql: postgres.Sql, database: string, marker: RestoreMarker): Promise<void> {
  await sql.unsafe(`COMMENT ON DATABASE ${ident(database)} IS ${literal(markerText(marker))}`);
}

/**
 * Connects to the maintenance database (`postgres`, else `template1`): renaming, creating and dropping
 * databases cannot be done from inside the database concerned.
 */
export async function withMaintenance<T>(conn: Conn, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  try {
    return await withClient(onDatabase(conn, "postgres"), use);
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
    return withClient(onDatabase(conn, "template1"), use);
  }
}

export async function inspectTarget(conn: Conn): Promise<TargetState> {
  const head = await withMaintenance(conn, async (sql) => {
    const rows = await sql<
      { size: string; comment: string | null; connections: string; version: string; num: string }[]
    >`
      SELECT pg_database_size(d.oid)::text AS size,
             shobj_description(d.oid, 'pg_database') AS comment,
             (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = d.datname AND a.pid <> pg_backend_pid())::text AS connections,
             current_setting('server_version') AS version,
             current_setting('server_version_num') AS num
      FROM pg_database d WHERE d.datname = ${conn.database}`;
    return rows[0];
  });
  if (!head) throw new Error(`The database "${conn.database}" does not exist on ${conn.host}:${conn.port}.`);
  const tables = await withClient(conn, async (sql) => {
    const rows = await sql<{ name: string; rows: number }[]>`
      SELECT format('%I.%I', n.nspname, c.relname) AS name, greatest(c.reltuples, 0)::float8 AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY c.reltuples DESC, 1`;
    return rows.map((row) => ({ name: row.name, rows: Math.round(Number(row.rows)) }));
  });
  return {
    database: conn.database,
    serverVersion: head.version.split(" ")[0] ?? head.version,
    serverMajor: Math.floor(Number(head.num) / 10_000),
    bytes: Number(head.size),
    tables: tables.length,
    largest: tables.slice(0, 5),
    connections: Number(head.connections),
    restored: parseMarker(head.comment),
  };
}
