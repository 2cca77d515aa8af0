import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { inputError } from "../../core/inputs.ts";
import { type Conn, parseDatabaseUrl } from "../../platforms/postgres/conn.ts";
import { type PostgresPlan, planPostgres } from "../../platforms/postgres/plan.ts";
import { RestoreFailure } from "../../platforms/postgres/readback.ts";
import { restorePostgres } from "../../platforms/postgres/restore.ts";
import { discardDump, formatBytes, isUrl, shownUrl } from "../../platforms/postgres/source.ts";
import { splitStatements } from "../../platforms/postgres/verify.ts";
import { checkConfirm } from "./confirm.ts";
import { describeFailure } from "./failure-postgres.ts";
import type { Ctx, Provider, RestorePlan } from "./provider.ts";

export interface PostgresDetail {
  conn: Conn;
  plan: PostgresPlan;
  verifySql: string[];
  safetyDir: string | undefined;
}

/** Whole and in place: what the dry run says is replaced is what goes. */
function replacedInPlace(plan: PostgresPlan): string[] {
  const lines = [
    `everything in ${plan.target.database}'s own schemas (tables, views, sequences, functions, types) is dropped and replaced by the dump's, in one transaction`,
  ];
  const kept = plan.dumpTables;
  if (kept) {
    for (const table of plan.target.tableNames.filter((name) => !kept.includes(name)))
      lines.push(`${table}: dropped (the dump does not have it)`);
  }
  return lines;
}

function readConn(ctx: Ctx): Conn {
  const url = ctx.settings["database-url"];
  if (!url) {
    throw inputError(
      "database-url",
      "is required for provider postgres: the database to restore into (its value is a secret).",
      '"${{ secrets.DATABASE_URL }}" (postgresql://user:password@host:5432/shop)',
    );
  }
  try {
    const conn = parseDatabaseUrl(url);
    // The URL is masked whole; the password alone must be too (tools and drivers may echo it).
    if (conn.password) ctx.tk.setSecret(conn.password);
    return conn;
  } catch (error) {
    throw inputError(
      "database-url",
      `${(error as Error).message} (its value is a secret, so it is not shown)`,
      '"postgresql://user:password@db.example.com:5432/shop?sslmode=require"',
    );
  }
}

function readBackup(ctx: Ctx): string {
  const backup = ctx.settings.backup;
  if (!backup) {
    throw inputError(
      "backup",
      "is required for provider postgres: a dump file path or an https URL (custom format, or .sql / .sql.gz).",
      '"backups/shop-2025-06-10.dump"',
    );
  }
  if (/^http:\/\//i.test(backup) && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/i.test(backup)) {
    throw inputError(
      "backup",
      "is a plain http URL: a dump of production data travels over https only (http is accepted for localhost).",
      '"https://backups.example.com/shop.dump"',
    );
  }
  return backup;
}

function describeTarget(plan: PostgresPlan, inPlace: boolean): string[] {
  const { target } = plan;
  if (target.locked) {
    return [
      `${target.database}: refuses connections (datallowconn false), left locked by an earlier run that stopped during its swap; the restore first unlocks it (ALTER DATABASE … WITH ALLOW_CONNECTIONS true). Its tables are listed once it accepts connections.`,
      ...target.leftovers.map((name) => `${name}: scratch database of an earlier run, dropped first`),
    ];
  }
  const lines = [
    `${target.database}: ${formatBytes(target.bytes)}, ${target.tables} table${target.tables === 1 ? "" : "s"}`,
  ];
  for (const table of target.largest) lines.push(`${table.name}: about ${table.rows} rows`);
  if (target.connections > 0) lines.push(`${target.connections} open connection(s)`);
  if (inPlace) lines.push(...replacedInPlace(plan));
  for (const name of target.leftovers)
    lines.push(`${name}: scratch database of an earlier run, dropped first`);
  return lines;
}

async function plan(ctx: Ctx): Promise<RestorePlan<PostgresDetail>> {
  const { settings } = ctx;
  if (settings.mode === "new-service") {
    throw inputError(
      "mode",
      "is new-service, which only provider railway has: use swap or in-place.",
      '"swap"',
    );
  }
  const conn = readConn(ctx);
  const backup = readBackup(ctx);
  checkConfirm(ctx, conn.database, "database");
  const verifySql = splitStatements(settings["verify-sql"]);
  const temp = ctx.run.temp ?? tmpdir();
  const safetyDir = settings["safety-backup"]
    ? resolve(ctx.run.workspace, settings["safety-backup-dir"] ?? temp)
    : undefined;
  const planned = await planPostgres({
    conn,
    tools: { binDir: settings["postgres-bin-dir"] },
    log: ctx.log,
    tempDir: temp,
    signal: ctx.signal,
    safetyBackup: safetyDir !== undefined,
    hashInPlan: settings["dry-run"],
    fetch: { backup, cwd: ctx.run.workspace, headers: settings["backup-headers"], tempRoot: temp },
  });
  const { dump, header, target } = planned;
  const done = planned.alreadyCurrent;
  // Nothing reads the downloaded copy after a dry run or a no-op.
  if (done || settings["dry-run"]) await discardDump(dump);
  const restoredFrom = isUrl(backup) ? shownUrl(backup) : dump.source;
  return {
    provider: "postgres",
    target: conn.database,
    restoredFrom,
    facts: [
      [
        "Dump",
        `${dump.name}, ${formatBytes(dump.bytes)}, ${planned.sha256 ? `sha256 ${planned.sha256.slice(0, 12)}…` : "sha256 read during the restore"}`,
      ],
      ["Format", `${header.format}${planned.entries ? ` (${planned.entries} entries)` : ""}`],
      ["Dumped by", header.dumpVersion ? `pg_dump ${header.dumpVersion.split(" ")[0]}` : "unknown"],
      ["Target server", `PostgreSQL ${target.serverVersion} at ${conn.host}:${conn.port}`],
      [
        "Mode",
        settings.mode === "swap"
          ? "swap (restore into a scratch database, verify, rename)"
          : "in place, one transaction (the wipe, the dump and its marker commit together)",
      ],
      [
        "verify-sql",
        verifySql.length ? `${verifySql.length} quer${verifySql.length === 1 ? "y" : "ies"}` : "none",
      ],
    ],
    replaces: describeTarget(planned, settings.mode === "in-place"),
    safety: safetyDir
      ? `pg_dump -Fc -Z1 of ${conn.database} into ${safetyDir} (mode 0600${settings["safety-backup-key"] ? ", encrypted: openssl enc -aes-256-cbc -pbkdf2" : ""}), read back ${settings.mode === "in-place" ? "before the restore" : "while the restore runs into the scratch database, and before the swap"}`
      : undefined,
    noSafetyReason: undefined,
    alreadyCurrent: done
      ? `${conn.database} already holds ${dump.name} (sha256 ${planned.sha256?.slice(0, 12)}…), restored ${target.restored?.at}: nothing to do. To restore it again on purpose, clear the marker first: COMMENT ON DATABASE "${conn.database}" IS NULL.`
      : undefined,
    detail: { conn, plan: planned, verifySql, safetyDir },
  };
}

async function apply(ctx: Ctx, planned: RestorePlan<PostgresDetail>) {
  const { conn, plan: pg, verifySql, safetyDir } = planned.detail;
  const wait = ctx.settings.wait;
  const started = Date.now();
  try {
    if (safetyDir) await mkdir(safetyDir, { recursive: true, mode: 0o700 });
    const result = await restorePostgres({
      conn,
      tools: { binDir: ctx.settings["postgres-bin-dir"] },
      log: ctx.log,
      tempDir: ctx.run.temp ?? tmpdir(),
      signal: ctx.signal,
      dump: pg.dump,
      sha256: pg.hashing,
      header: pg.header,
      entries: pg.entries,
      mode: ctx.settings.mode === "in-place" ? "in-place" : "swap",
      verifySql,
      safetyDir,
      safetyKey: ctx.settings["safety-backup-key"],
      jobs: ctx.settings["restore-jobs"] ?? 2,
      wait,
      before: { comment: pg.target.comment, locked: pg.target.locked, leftovers: pg.target.leftovers },
    });
    const notes = result.verified.map((line) => `verify-sql: ${line}`);
    if (!pg.sha256) notes.push(`The dump's sha256, read during the restore: ${await pg.hashing}.`);
    if (result.keptDatabase) {
      notes.push(
        `The database as it was before is kept as ${result.keptDatabase} (a second safety copy; drop it when no longer needed).`,
      );
    }
    if (result.endedConnections > 0)
      notes.push(`${result.endedConnections} connection(s) were ended for the swap.`);
    return { status: "restored" as const, safetyBackup: result.safetyBackup, notes, steps: result.steps };
  } catch (error) {
    if (!(error instanceof RestoreFailure)) throw error;
    throw describeFailure(error, conn, {
      cancelled: ctx.signal.aborted,
      timedOut: wait > 0 && Date.now() - started >= wait,
      dump: pg.dump.name,
    });
  } finally {
    await discardDump(pg.dump);
  }
}

export const postgresProvider: Provider<PostgresDetail> = { plan, apply };
