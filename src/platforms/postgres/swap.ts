import type postgres from "postgres";
import { sleep } from "../../core/http.ts";
import { ident, literal } from "./conn.ts";
import type { Log } from "./source.ts";

/**
 * Creates the scratch database like the target: same encoding and locale (read through to_jsonb, since
 * the locale columns differ between PostgreSQL versions), and the same owner when this role may grant it.
 */
export async function createScratch(sql: postgres.Sql, target: string, scratch: string): Promise<void> {
  const [row] = await sql<{ d: Record<string, unknown>; encoding: string; owner: string; member: boolean }[]>`
    SELECT to_jsonb(d) AS d, pg_encoding_to_char(d.encoding) AS encoding,
           pg_get_userbyid(d.datdba) AS owner, pg_has_role(current_user, d.datdba, 'MEMBER') AS member
    FROM pg_database d WHERE d.datname = ${target}`;
  if (!row) throw new Error(`The database "${target}" does not exist.`);
  const text = (key: string) => (typeof row.d[key] === "string" ? (row.d[key] as string) : undefined);
  const parts = [`TEMPLATE template0 ENCODING ${literal(row.encoding)}`];
  parts.push(`LC_COLLATE ${literal(text("datcollate") ?? "C")} LC_CTYPE ${literal(text("datctype") ?? "C")}`);
  const provider = text("datlocprovider");
  const locale = text("datlocale") ?? text("daticulocale");
  if (provider === "i" && locale) parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${literal(locale)}`);
  if (provider === "b" && locale) parts.push(`LOCALE_PROVIDER builtin BUILTIN_LOCALE ${literal(locale)}`);
  if (row.member) parts.push(`OWNER ${ident(row.owner)}`);
  await sql.unsafe(`CREATE DATABASE ${ident(scratch)} ${parts.join(" ")}`);
  await carrySettings(sql, target, scratch);
}

/**
 * pg_dump without --create leaves out the database's own grants and settings (ALTER DATABASE … SET):
 * copy them, so the applications' roles can connect to the restored database as before.
 */
async function carrySettings(sql: postgres.Sql, target: string, scratch: string): Promise<void> {
  const grants = await sql<{ grantee: string | null; privilege: string; grantable: boolean }[]>`
    SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee,
           a.privilege_type AS privilege, a.is_grantable AS grantable
    FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = ${target}`;
  if (grants.length > 0) {
    // An explicit ACL replaces the default one (PUBLIC may connect): start from none, as the target did.
    await sql.unsafe(`REVOKE ALL ON DATABASE ${ident(scratch)} FROM PUBLIC`);
    for (const grant of grants) {
      const who = grant.grantee === null ? "PUBLIC" : ident(grant.grantee);
      const option = grant.grantable ? " WITH GRANT OPTION" : "";
      await sql.unsafe(`GRANT ${grant.privilege} ON DATABASE ${ident(scratch)} TO ${who}${option}`);
    }
  }
  const settings = await sql<{ role: string | null; setting: string }[]>`
    SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END AS role,
           unnest(s.setconfig) AS setting
    FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = ${target}`;
  for (const { role, setting } of settings) {
    const at = setting.indexOf("=");
    const assignment = `SET ${ident(setting.slice(0, at))} = ${literal(setting.slice(at + 1))}`;
    const owner = role === null ? "" : `ROLE ${ident(role)} IN `;
    await sql.unsafe(`ALTER ${owner}DATABASE ${ident(scratch)} ${assignment}`);
  }
}

export async function dropDatabase(sql: postgres.Sql, name: string): Promise<void> {
  await sql.unsafe(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

async function others(sql: postgres.Sql, database: string): Promise<number> {
  const [row] = await sql<{ n: string }[]>`
    SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = ${database} AND pid <> pg_backend_pid()`;
  return Number(row?.n ?? 0);
}

/**
 * Swaps the restored database in. Steps, and what undoes or completes each after a fault:
 * 1. lock: the target refuses new connections (committed, so that ending the open ones sticks).
 *    Undone by `unlockDatabase` on a new connection, which the caller runs on every path.
 * 2. end connections (pg_terminate_backend): nothing to undo, applications reconnect.
 * 3. rename target → kept and scratch → target, and unlock kept, in ONE transaction: either the restored
 *    database has the name and nothing is locked (the scratch database never was), or nothing moved.
 * Returns how many connections were ended.
 */
export async function swapNames(
  sql: postgres.Sql,
  names: { target: string; scratch: string; kept: string; log: Log; deadline: number },
): Promise<number> {
  const { target, scratch, kept, log, deadline } = names;
  await sql.unsafe(`ALTER DATABASE ${ident(target)} WITH ALLOW_CONNECTIONS false`);
  let ended = 0;
  const open = await others(sql, target);
  if (open > 0) {
    log.info(
      `Ending ${open} connection${open === 1 ? "" : "s"} to ${target} for the swap: applications reconnect to the restored database in a moment.`,
    );
  }
  while (true) {
    const [row] = await sql<{ n: string }[]>`
      SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity
      WHERE datname = ${target} AND pid <> pg_backend_pid()`;
    ended += Number(row?.n ?? 0);
    const left = await others(sql, target);
    if (left === 0) break;
    if (Date.now() >= deadline)
      throw new Error(
        `${left} connections to ${target} did not end (pg_terminate_backend): nothing was swapped.`,
      );
    await sleep(100);
  }
  await sql.begin(async (tx) => {
    await tx.unsafe(`ALTER DATABASE ${ident(target)} RENAME TO ${ident(kept)}`);
    await tx.unsafe(`ALTER DATABASE ${ident(scratch)} RENAME TO ${ident(target)}`);
    await tx.unsafe(`ALTER DATABASE ${ident(kept)} WITH ALLOW_CONNECTIONS true`);
  });
  return ended;
}
