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
  /** Its comment as it is now: a failed run compares it with the read-back. */
  comment: string | null;
  /** `datallowconn` is false: a swap stopped after refusing connections (it is unlocked first). */
  locked: boolean;
  /** Every table, `schema.name` (empty while locked: it cannot be connected to). */
  tableNames: string[];
  /** Scratch databases of earlier runs that stopped before their swap (dropped before this restore). */
  leftovers: string[];
}

export interface RestoreMarker {
  sha256: string;
  name: string;
  at: string;
}

// A database comment records what was restored, so a second run with the same dump changes nothing.
const MARKER = /^database-restore sha256:([0-9a-f]{64}) from (.*) at (\S+)$/;

export function markerText(marker: RestoreMarker): string {
  return `database-restore sha256:${marker.sha256} from ${oneLine(marker.name)} at ${marker.at}`;
}

/** In place, committed with the data, before verify-sql ran: the restored data, not (yet) verified. */
export function unverifiedText(marker: RestoreMarker): string {
  return `database-restore unverified sha256:${marker.sha256} from ${oneLine(marker.name)} at ${marker.at}`;
}

/** Committed with a put-back: the data from before, from the safety backup. */
export function putBackText(safetyBackup: string, at: string): string {
  return `database-restore put back the safety backup ${oneLine(safetyBackup)} at ${at}`;
}

function oneLine(text: string): string {
  // Control characters (a newline in a file name) would make the comment read as another marker.
  return text.replace(/\p{Cc}/gu, " ");
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

/** A database's comment and whether it accepts connections, read from the maintenance database. */
export interface DatabaseState {
  exists: boolean;
  comment: string | null;
  locked: boolean;
}

export async function readDatabase(conn: Conn): Promise<DatabaseState> {
  return withMaintenance(conn, async (sql) => {
    const [row] = await sql<{ comment: string | null; allow: boolean }[]>`
      SELECT shobj_description(oid, 'pg_database') AS comment, datallowconn AS allow
      FROM pg_database WHERE datname = ${conn.database}`;
    return { exists: row !== undefined, comment: row?.comment ?? null, locked: row ? !row.allow : false };
  });
}

/** `work` until it succeeds, each attempt on its own connection, until `deadline` (a restart, a network cut). */
export async function retrying(deadline: number, work: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2000)));
    }
  }
}

/** `ALTER DATABASE … ALLOW_CONNECTIONS true`, each attempt on a new connection, until `deadline`. */
export async function unlockDatabase(conn: Conn, names: string[], deadline: number): Promise<void> {
  await retrying(deadline, () =>
    withMaintenance(conn, async (sql) => {
      const locked = await sql<{ datname: string }[]>`
        SELECT datname FROM pg_database
        WHERE datname IN (SELECT jsonb_array_elements_text(${sql.json(names)})) AND NOT datallowconn`;
      for (const { datname } of locked)
        await sql.unsafe(`ALTER DATABASE ${ident(datname)} WITH ALLOW_CONNECTIONS true`);
    }),
  );
}

export async function inspectTarget(conn: Conn): Promise<TargetState> {
  const head = await withMaintenance(conn, async (sql) => {
    const rows = await sql<
      {
        size: string;
        comment: string | null;
        connections: string;
        version: string;
        num: string;
        allow: boolean;
        leftovers: string[];
      }[]
    >`
      SELECT pg_database_size(d.oid)::text AS size, d.datallowconn AS allow,
             (SELECT coalesce(json_agg(datname ORDER BY datname), '[]') FROM pg_database
              WHERE starts_with(datname, ${`${conn.database}_restoring_`})) AS leftovers,
             shobj_description(d.oid, 'pg_database') AS comment,
             (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = d.datname AND a.pid <> pg_backend_pid())::text AS connections,
             current_setting('server_version') AS version,
             current_setting('server_version_num') AS num
      FROM pg_database d WHERE d.datname = ${conn.database}`;
    return rows[0];
  });
  if (!head) throw new Error(`The database "${conn.database}" does not exist on ${conn.host}:${conn.port}.`);
  // A locked database cannot be connected to; its tables are listed once it is unlocked.
  const tables = head.allow ? await listTables(conn) : [];
  return {
    database: conn.database,
    serverVersion: head.version.split(" ")[0] ?? head.version,
    serverMajor: Math.floor(Number(head.num) / 10_000),
    bytes: Number(head.size),
    tables: tables.length,
    largest: tables.slice(0, 5),
    connections: Number(head.connections),
    restored: parseMarker(head.comment),
    comment: head.comment,
    locked: !head.allow,
    tableNames: tables.map((table) => table.name).sort(),
    leftovers: head.leftovers,
  };
}

function listTables(conn: Conn): Promise<{ name: string; rows: number }[]> {
  return withClient(conn, async (sql) => {
    const rows = await sql<{ name: string; rows: number }[]>`
      SELECT n.nspname || '.' || c.relname AS name, greatest(c.reltuples, 0)::float8 AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY c.reltuples DESC, 1`;
    return rows.map((row) => ({ name: row.name, rows: Math.round(Number(row.rows)) }));
  });
}
