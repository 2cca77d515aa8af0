// readiness, measured two ways on one machine:
//   1. a run without rehearsal (railway, vercel, storage on simulators answering each request after a delay,
//      cache on a real Redis) vs its slowest platform checked alone: the targets run side by side, so the
//      whole run should cost little more than its slowest platform's reads (target ≤ 1.5×);
//   2. the rehearsal (scratch database, pg_restore -j 2, verify-sql, drop) vs plain `pg_restore -j 2` of the
//      same dump into an empty database (target ≤ 1.2×).
// Run: node bench/readiness.ts   (BENCH_ROWS sets the dump's size; default about 80 MB)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import action from "../src/actions/readiness/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import { postgresBinDir, startPostgres } from "../src/sim/postgres-server.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { redisAvailable, startRedis } from "../src/sim/redis-server.ts";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../src/sim/vercel.ts";

const DELAY = { railway: 120, vercel: 90, storage: 60 };
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const temp = mkdtempSync(join(tmpdir(), "readiness-bench-"));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timedRun(
  inputs: Record<string, string>,
): Promise<{ ms: number; outputs: Record<string, string>; timings: Record<string, number> }> {
  const tk = recordingToolkit(inputs, { RUNNER_TEMP: temp });
  const started = performance.now();
  await runDefinition(action, tk);
  const ms = performance.now() - started;
  if (tk.outputs.status === "failed") throw new Error(tk.failed);
  const timings = JSON.parse(readFileSync(tk.outputs.report as string, "utf8")).rto.timings;
  return { ms, outputs: tk.outputs, timings };
}

async function platforms(): Promise<void> {
  const railway = new RailwaySimulator(rollbackScenario());
  const vercel = new VercelSimulator({ ...badProductionScenario({ aliasJobMs: 30 }), aliasJobMs: 30 });
  const s3 = new S3Simulator();
  s3.createBucket("assets");
  const redis = redisAvailable() ? await startRedis() : undefined;
  try {
    const [railwayUrl, vercelUrl, s3Url] = await Promise.all([railway.start(), vercel.start(), s3.start()]);
    const forever = 1_000_000;
    railway.server.inject({ kind: "delay", ms: DELAY.railway, times: forever });
    vercel.inject({ kind: "delay", ms: DELAY.vercel, times: forever });
    s3.inject({ kind: "delay", ms: DELAY.storage, times: forever });
    const targets: Record<string, Record<string, string>> = {
      railway: {
        "railway-token": SCENARIO.projectToken,
        "railway-api-url": railwayUrl,
        services: "backend, ai-engine",
      },
      vercel: { "vercel-token": SIM_VERCEL_TOKEN, "vercel-project": "shop", "vercel-api-url": vercelUrl },
      storage: {
        "storage-bucket": "assets",
        "storage-endpoint": s3Url,
        "storage-access-key-id": SIM_S3_ACCESS_KEY,
        "storage-secret-access-key": SIM_S3_SECRET_KEY,
      },
      ...(redis ? { cache: { "redis-url": `${redis.url}/0` } } : {}),
    };
    // Warm up module loading and connections once, so neither side pays for it.
    await timedRun(Object.assign({}, ...Object.values(targets)));
    const alone: [string, number][] = [];
    for (const [name, inputs] of Object.entries(targets)) {
      const runs = [await timedRun(inputs), await timedRun(inputs)];
      alone.push([name, Math.min(...runs.map((r) => r.ms))]);
    }
    const everything = Object.assign({}, ...Object.values(targets));
    const all = Math.min((await timedRun(everything)).ms, (await timedRun(everything)).ms);
    const [slowName, slowest] = alone.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log("\n| readiness without rehearsal | time |\n|---|---|");
    for (const [name, ms] of alone)
      console.log(
        `| ${name} alone${name in DELAY ? ` (${DELAY[name as keyof typeof DELAY]} ms a request)` : ""} | ${s(ms)} |`,
      );
    console.log(`| all ${alone.length} targets at once | ${s(all)} |`);
    console.log(
      `\nRatio to the slowest platform alone (${slowName}): ${(all / slowest).toFixed(2)} (target ≤ 1.50).`,
    );
  } finally {
    await Promise.all([railway.stop(), vercel.stop(), s3.stop(), redis?.stop()]);
  }
}

async function rehearsal(): Promise<void> {
  const bin = postgresBinDir();
  if (!bin) return console.log("\nNo PostgreSQL on this machine: the rehearsal is not measured.");
  const pg = await startPostgres();
  try {
    const url = await pg.createDatabase("shop");
    const sql = pg.sql("shop");
    await sql`CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, payload text, at timestamptz)`;
    await sql`INSERT INTO events SELECT g, g % 50000, md5(g::text) || md5((g * 7)::text) || md5(random()::text),
      now() - g * interval '1 second' FROM generate_series(1, ${ROWS}) g`;
    await sql`CREATE INDEX events_user ON events (user_id)`;
    await sql.end();
    const dump = join(temp, "shop.dump");
    const env = {
      ...process.env,
      PGHOST: "127.0.0.1",
      PGPORT: String(pg.port),
      PGUSER: pg.user,
      PGPASSWORD: pg.password,
    };
    execFileSync(join(bin, "pg_dump"), ["-Fc", "-f", dump, "-d", "shop"], { env });
    const inputs = {
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": bin,
      rehearse: "true",
      "database-verify-sql": "SELECT count(*) FROM events",
    };
    const plain: number[] = [];
    const rehearsed: number[] = [];
    const whole: number[] = [];
    // Interleaved, twice: the machine is shared, so neither side gets the quiet minute alone.
    for (let round = 0; round < 2; round++) {
      const name = `plain_${round}`;
      await pg.createDatabase(name);
      const started = performance.now();
      execFileSync(join(bin, "pg_restore"), ["--no-owner", "-j", "2", "-d", name, dump], { env });
      plain.push(performance.now() - started);
      const admin = pg.sql("shop");
      await admin.unsafe(`DROP DATABASE ${name}`);
      await admin.end();
      const run = await timedRun(inputs);
      whole.push(run.ms);
      // The database step's own figure: create the scratch database, restore, verify (the RTO part).
      rehearsed.push((run.timings.database as number) * 1000);
    }
    const best = (values: number[]) => Math.min(...values);
    console.log(`\nDump: ${(statSync(dump).size / 1024 / 1024).toFixed(0)} MB (custom format, ${ROWS} rows)`);
    console.log(
      "\n| readiness rehearsal | time | plain tool | time | ratio (target ≤ 1.20) |\n|---|---|---|---|---|",
    );
    console.log(
      `| rehearsal (create, pg_restore -j 2, verify-sql) | ${s(best(rehearsed))} | pg_restore -j 2 into an empty database | ${s(best(plain))} | ${(best(rehearsed) / best(plain)).toFixed(2)} |`,
    );
    console.log(
      `| whole run (checks, rehearsal, drop, report) | ${s(best(whole))} | pg_restore -j 2 into an empty database | ${s(best(plain))} | ${(best(whole) / best(plain)).toFixed(2)} |`,
    );
  } finally {
    await pg.stop();
  }
}

try {
  await platforms();
  await rehearsal();
} finally {
  rmSync(temp, { recursive: true, force: true });
}
