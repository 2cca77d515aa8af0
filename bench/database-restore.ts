// database-restore (postgres) as a run of the step, against the plain tools, on one throwaway PostgreSQL server.
// Each round, interleaved, on a target that holds the same data as the dump (as a production database does):
//   whole process, swap mode: `node dist/database-restore/index.js` launched as the runner launches it
//     (INPUT_* variables, GITHUB_OUTPUT), from its start to its exit: start-up, plan (the dump hashed and
//     listed, the target read), safety backup (pg_dump -Fc, read back), restore into a scratch database,
//     verify-sql, marker, swap
//   the same with safety-backup: false (the figure the spec gives: the whole step without the safety backup)
//   in place, safety-backup: false
// beside the plain tools a careful person would run by hand:
//   `pg_restore --no-owner -j 2` into an empty database (no check, no verify, no swap)
//   `pg_dump -Fc` of the target first, then that pg_restore (the backup a careful person takes first)
//   `pg_restore --no-owner --clean --if-exists --single-transaction` over the target (in place)
// Medians of BENCH_ROUNDS rounds (default 3), each ratio taken against the plain tools of its own round.
// The dump (BENCH_ROWS rows, default 2,600,000: about 208 MB) is made once and cached in .tmp/bench/.
// "ours" is dist/, or ROLLBACK_DIST=<dir>; BENCH_BEFORE_DIST=<dir> also runs a bundle built elsewhere
// (`node scripts/build.mjs --out <dir>` at another commit) in the same rounds, for before/after figures.
// Run: node bench/database-restore.ts
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runAction } from "../src/cli/run-action.ts";
import { startPostgres } from "../src/sim/postgres-server.ts";
import { median } from "./median.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 2_600_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BEFORE = process.env.BENCH_BEFORE_DIST;
const CACHE = resolve(`.tmp/bench/database-restore-${ROWS}.dump`);
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
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const admin = pg.sql("postgres");

/** A fresh copy of the seeded database (a file copy on the server: no restore time of its own). */
async function copyOfSeed(name: string): Promise<void> {
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE seed`);
}
async function dropAll(prefix: string): Promise<void> {
  const rows = await admin<{ datname: string }[]>`
    SELECT datname FROM pg_database WHERE starts_with(datname, ${prefix})`;
  for (const { datname } of rows) await admin.unsafe(`DROP DATABASE "${datname}" WITH (FORCE)`);
}

/** The step's time column (summary table `| Step | Time |`) in ms. */
function steps(summary: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of summary.matchAll(/^\| ([a-z ]+) \| ([\d.]+) ?(ms|s) \|$/gm)) {
    out[match[1] as string] = Number(match[2]) * (match[3] === "s" ? 1000 : 1);
  }
  return out;
}

const samples = new Map<string, number[]>();
const add = (name: string, value: number) => samples.set(name, [...(samples.get(name) ?? []), value]);

/** One run of the bundle; its whole time, and its steps' times under `label · step`. */
async function ours(
  label: string,
  dist: string | undefined,
  database: string,
  inputs: Record<string, string>,
): Promise<number> {
  const runnerTemp = mkdtempSync(join(tmpdir(), "dbrestore-bench-runner-"));
  const saved = process.env.ROLLBACK_DIST;
  if (dist) process.env.ROLLBACK_DIST = dist;
  else delete process.env.ROLLBACK_DIST;
  try {
    const run = await runAction(
      "database-restore",
      {
        provider: "postgres",
        "database-url": pg.url(database),
        backup: CACHE,
        confirm: database,
        "verify-sql": "SELECT count(*) FROM events",
        ...inputs,
      },
      { env: { RUNNER_TEMP: runnerTemp }, timeoutMs: 30 * 60_000 },
    );
    if (run.outputs.status !== "restored") {
      throw new Error(`${label}: ${run.outputs.status}\n${run.stdout}\n${run.stderr}`);
    }
    add(label, run.durationMs);
    for (const [step, ms] of Object.entries(steps(run.summary))) add(`${label} · ${step}`, ms);
    return run.durationMs;
  } finally {
    if (saved === undefined) delete process.env.ROLLBACK_DIST;
    else process.env.ROLLBACK_DIST = saved;
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}

const loads: number[] = [];
try {
  if (!existsSync(CACHE)) {
    console.log(`Making the dump once (${ROWS} rows) into ${CACHE} …`);
    mkdirSync(join(CACHE, ".."), { recursive: true });
    await pg.createDatabase("make");
    const sql = pg.sql("make");
    await sql`CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, payload text, at timestamptz)`;
    await sql`INSERT INTO events SELECT g, g % 50000,
      md5(g::text) || md5((g * 7)::text) || md5(random()::text) || md5(random()::text),
      now() - g * interval '1 second' FROM generate_series(1, ${ROWS}) g`;
    await sql`CREATE INDEX events_user ON events (user_id)`;
    await sql.end();
    tool("pg_dump", ["-Fc", "-f", CACHE, "-d", "make"]);
    await admin.unsafe(`DROP DATABASE make`);
  }
  const size = statSync(CACHE).size;
  console.log(`Dump: ${mb(size)} (custom format), ${ROUNDS} rounds${BEFORE ? `, before: ${BEFORE}` : ""}`);
  // The data the targets hold: the dump's own, so a safety backup dumps as much as the restore loads.
  await pg.createDatabase("seed");
  tool("pg_restore", ["--no-owner", "-j", "2", "-d", "seed", CACHE]);
  const dir = mkdtempSync(join(tmpdir(), "dbrestore-bench-"));

  const dists: [string, string | undefined][] = [
    ...(BEFORE ? [["before", BEFORE] as [string, string]] : []),
    ["ours", process.env.ROLLBACK_DIST],
  ];
  for (let round = 1; round <= ROUNDS; round++) {
    loads.push(loadavg()[0] as number);
    // The plain tools once a round, then each bundle right after; the bundles' order alternates by round.
    await copyOfSeed("plain_target");
    const dump = timed(() => tool("pg_dump", ["-Fc", "-f", join(dir, "plain.dump"), "-d", "plain_target"]));
    rmSync(join(dir, "plain.dump"), { force: true });
    await pg.createDatabase("plain_empty");
    const restore = timed(() => tool("pg_restore", ["--no-owner", "-j", "2", "-d", "plain_empty", CACHE]));
    const clean = timed(() =>
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
    await dropAll("plain_");
    add("plain pg_dump -Fc", dump);
    add("plain pg_restore -j 2", restore);
    add("plain pg_restore --single-transaction --clean", clean);
    for (const [label, dist] of round % 2 ? dists : [...dists].reverse()) {
      await copyOfSeed("shop");
      const swap = await ours(`${label}: swap`, dist, "shop", {});
      await dropAll("shop");
      await copyOfSeed("shop");
      const bare = await ours(`${label}: swap, no safety backup`, dist, "shop", { "safety-backup": "false" });
      await dropAll("shop");
      await copyOfSeed("shop");
      const inPlace = await ours(`${label}: in place, no safety backup`, dist, "shop", {
        mode: "in-place",
        "safety-backup": "false",
      });
      await dropAll("shop");
      add(`${label}: swap ÷ pg_restore`, swap / restore);
      add(`${label}: swap ÷ pg_dump + pg_restore`, swap / (dump + restore));
      add(`${label}: swap, no safety backup ÷ pg_restore`, bare / restore);
      add(`${label}: in place ÷ pg_restore --single-transaction --clean`, inPlace / clean);
    }
    loads.push(loadavg()[0] as number);
    console.log(`round ${round} done (load ${loadavg()[0]?.toFixed(2)})`);
  }
  rmSync(dir, { recursive: true, force: true });

  const m = (name: string) => median(samples.get(name) ?? [Number.NaN]);
  const range = (name: string) => {
    const values = samples.get(name) ?? [];
    return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  };
  console.log(
    `\nMedians of ${ROUNDS} rounds (ratios: each run against the plain tools of its own round); load (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; ${new Date().toISOString()}`,
  );
  console.log(`plain pg_restore -j 2 into an empty database: ${s(m("plain pg_restore -j 2"))}`);
  console.log(`plain pg_dump -Fc of the target: ${s(m("plain pg_dump -Fc"))}`);
  console.log(
    `plain pg_restore --single-transaction --clean over the target: ${s(m("plain pg_restore --single-transaction --clean"))}`,
  );
  console.log("\n| whole process | time | ratio | (range) |\n|---|---|---|---|");
  for (const [label] of dists) {
    const rows: [string, string, string][] = [
      ["swap, safety backup", `${label}: swap`, `${label}: swap ÷ pg_restore`],
      ["", "", `${label}: swap ÷ pg_dump + pg_restore`],
      [
        "swap, no safety backup",
        `${label}: swap, no safety backup`,
        `${label}: swap, no safety backup ÷ pg_restore`,
      ],
      [
        "in place, no safety backup",
        `${label}: in place, no safety backup`,
        `${label}: in place ÷ pg_restore --single-transaction --clean`,
      ],
    ];
    for (const [what, time, ratio] of rows) {
      const shown = ratio.slice(ratio.indexOf("÷"));
      console.log(
        `| ${what ? `${label}: ${what}` : ""} | ${time ? s(m(time)) : ""} | ${m(ratio).toFixed(2)} ${shown} | ${range(ratio)} |`,
      );
    }
  }
  console.log(
    "\nSteps (medians, from the step's summary; the safety backup runs beside create scratch → mark):",
  );
  for (const [name, values] of samples)
    if (name.includes(" · ")) console.log(`  ${name}: ${s(median(values))}`);
} finally {
  await admin.end();
  await pg.stop();
}
