// database-restore (postgres, swap mode) against the plain tools, on one throwaway PostgreSQL 15 server:
//   the safety backup (pg_dump -Fc + read back)   vs  plain `pg_dump -Fc`
//   the restore into the scratch database          vs  plain `pg_restore -j 2` into an empty database
// The ~200 MB custom-format dump is made once and cached in .tmp/bench/. Run: node bench/database-restore.ts
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDatabaseUrl } from "../src/platforms/postgres/conn.ts";
import { planPostgres } from "../src/platforms/postgres/plan.ts";
import { restorePostgres } from "../src/platforms/postgres/restore.ts";
import { startPostgres } from "../src/sim/postgres-server.ts";

const CACHE = resolve(".tmp/bench/database-restore-200mb.dump");
const ROWS = Number(process.env.BENCH_ROWS ?? 2_600_000);
const pg = await startPostgres();
const toolEnv = {
  ...process.env,
  PGHOST: "127.0.0.1",
  PGPORT: String(pg.port),
  PGUSER: pg.user,
  PGPASSWORD: pg.password,
};
const tool = (name: string, args: string[]) => execFileSync(name, args, { env: toolEnv, stdio: "inherit" });
const timed = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  if (!existsSync(CACHE)) {
    console.log(`Making the dump once (${ROWS} rows) into ${CACHE} …`);
    mkdirSync(join(CACHE, ".."), { recursive: true });
    await pg.createDatabase("seed");
    const sql = pg.sql("seed");
    await sql`CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, payload text, at timestamptz)`;
    await sql`INSERT INTO events SELECT g, g % 50000,
      md5(g::text) || md5((g * 7)::text) || md5(random()::text) || md5(random()::text),
      now() - g * interval '1 second' FROM generate_series(1, ${ROWS}) g`;
    await sql`CREATE INDEX events_user ON events (user_id)`;
    await sql.end();
    tool("pg_dump", ["-Fc", "-f", CACHE, "-d", "seed"]);
  }
  const size = statSync(CACHE).size;
  console.log(`Dump: ${mb(size)} (custom format)`);
  // The database being replaced: the same data, so both backups dump the same amount.
  const url = await pg.createDatabase("shop");
  tool("pg_restore", ["--no-owner", "-j", "2", "-d", "shop", CACHE]);
  const dir = mkdtempSync(join(tmpdir(), "dbrestore-bench-"));
  const log = { info: () => {}, warn: (m: string) => console.log(m) };
  const conn = parseDatabaseUrl(url);
  const options = { tools: { binDir: undefined }, log, tempDir: dir };

  const plainDump = timed(() => tool("pg_dump", ["-Fc", "-f", join(dir, "plain.dump"), "-d", "shop"]));
  await pg.createDatabase("plain_target");
  const plainRestore = timed(() =>
    tool("pg_restore", ["--no-owner", "-j", "2", "-d", "plain_target", CACHE]),
  );

  const planStarted = performance.now();
  const plan = await planPostgres({
    ...options,
    conn,
    safetyBackup: true,
    fetch: { backup: CACHE, cwd: process.cwd(), tempRoot: dir },
  });
  const planMs = performance.now() - planStarted;
  const result = await restorePostgres({
    ...options,
    conn,
    dump: plan.dump,
    header: plan.header,
    entries: plan.entries,
    mode: "swap",
    verifySql: ["SELECT count(*) FROM events"],
    safetyDir: dir,
    jobs: 2,
    wait: 0,
    before: { comment: plan.target.comment, locked: false, leftovers: [] },
  });
  // In place (one transaction: wipe, pg_restore -f - | psql, marker) against plain pg_restore in one transaction.
  const plainInPlace = timed(() =>
    tool("pg_restore", [
      "--no-owner",
      "--clean",
      "--if-exists",
      "--single-transaction",
      "-d",
      "plain_target",
      CACHE,
    ]),
  );
  const inPlace = await restorePostgres({
    ...options,
    conn,
    dump: plan.dump,
    header: plan.header,
    entries: plan.entries,
    mode: "in-place",
    verifySql: ["SELECT count(*) FROM events"],
    safetyDir: undefined,
    jobs: 1,
    wait: 0,
    before: { comment: null, locked: false, leftovers: [] },
    now: new Date(Date.now() + 1000),
  });
  const inPlaceMs = inPlace.steps.find((entry) => entry.name === "restore")?.ms ?? Number.NaN;
  const step = (name: string) => result.steps.find((entry) => entry.name === name)?.ms ?? Number.NaN;
  const safety = step("safety backup");
  const restore = step("restore");
  const swapTotal = step("create scratch") + restore + step("verify") + step("mark") + step("swap");
  const rows = [
    [
      "safety backup (pg_dump -Fc + read back)",
      s(safety),
      "plain pg_dump -Fc",
      s(plainDump),
      (safety / plainDump).toFixed(2),
    ],
    [
      "restore into scratch (pg_restore -j 2)",
      s(restore),
      "plain pg_restore -j 2",
      s(plainRestore),
      (restore / plainRestore).toFixed(2),
    ],
    [
      "restore + verify-sql + swap",
      s(swapTotal),
      "plain pg_restore -j 2",
      s(plainRestore),
      (swapTotal / plainRestore).toFixed(2),
    ],
    [
      "in place (one transaction through psql)",
      s(inPlaceMs),
      "plain pg_restore --single-transaction --clean",
      s(plainInPlace),
      (inPlaceMs / plainInPlace).toFixed(2),
    ],
  ];
  console.log(
    "\n| database-restore | time | plain tool | time | ratio (target ≤ 1.20) |\n|---|---|---|---|---|",
  );
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(
    `\nPlan (sha256 of the dump, header, pg_restore --list, target read): ${s(planMs)}; verify ${s(step("verify"))}; swap ${s(step("swap"))}.`,
  );
  rmSync(dir, { recursive: true, force: true });
} finally {
  await pg.stop();
}
