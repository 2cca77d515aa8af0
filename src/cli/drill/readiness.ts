// `npm run drill -- --target readiness [--fault NAME]...`: the readiness check against the simulators (and a
// real PostgreSQL and Redis where the machine has them), healthy first or with the faults that make a
// rollback fail on the day. It passes when a healthy world is ready and every injected fault is caught.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMs } from "../../core/wait.ts";
import { postgresBinDir, startPostgres } from "../../sim/postgres-server.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../../sim/railway.ts";
import { redisAvailable, startRedis } from "../../sim/redis-server.ts";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../../sim/s3.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../../sim/vercel.ts";
import { runAction } from "../run-action.ts";
import { plainSummary } from "../terminal.ts";
import { UsageError } from "./faults.ts";

/** Each fault, and the check that must catch it. */
export const READINESS_FAULTS = {
  "image-past-retention": {
    text: "backend's known-good image is past Railway's retention",
    check: "backend: rollback target",
  },
  "expired-token": { text: "the Vercel token has expired", check: "token and project" },
  "stale-dump": { text: "the newest dump is three days old (the backup job stopped)", check: "newest dump" },
  "suspended-versioning": { text: "the bucket's versioning was suspended", check: "versioning" },
  "server-newer": {
    text: "PostgreSQL was upgraded past the runner's pg_dump/pg_restore",
    check: "pg_dump version",
  },
} as const;
export type ReadinessFault = keyof typeof READINESS_FAULTS;

const HOUR = 3_600_000;
const DB_SERVICE = { id: "5a1b2c3d-0004-4000-8000-0000000d0b00", name: "postgres" };

/** Tools that answer `--version` as PostgreSQL 9.6 and otherwise run the real ones. */
function oldTools(dir: string, real: string): string {
  for (const tool of ["pg_dump", "pg_restore", "psql"]) {
    const path = join(dir, tool);
    writeFileSync(
      path,
      `#!/bin/sh\n[ "$1" = "--version" ] && { echo "${tool} (PostgreSQL) 9.6.24"; exit 0; }\nexec ${real}/${tool} "$@"\n`,
    );
    chmodSync(path, 0o755);
  }
  return dir;
}

export async function drillReadiness(
  faults: string[],
  summaries: boolean,
  signal?: AbortSignal,
): Promise<void> {
  const unknown = faults.filter((f) => !(f in READINESS_FAULTS));
  if (unknown.length) {
    throw new UsageError(
      `Faults for --target readiness: ${Object.keys(READINESS_FAULTS).join(", ")} (not ${unknown.join(", ")})`,
    );
  }
  const on = new Set(faults as ReadinessFault[]);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "drill-readiness-"));
  const seed = rollbackScenario({ timing: { initializingMs: 10, buildingMs: 10, deployingMs: 10 } });
  seed.projects[0]?.services.push(DB_SERVICE);
  const railway = new RailwaySimulator(seed);
  const vercel = new VercelSimulator({ ...badProductionScenario({ aliasJobMs: 30 }), aliasJobMs: 30 });
  const s3 = new S3Simulator();
  const stops: (() => Promise<void>)[] = [() => railway.stop(), () => vercel.stop(), () => s3.stop()];
  try {
    const volume = railway.volumes.addInstance({
      serviceId: DB_SERVICE.id,
      projectId: SCENARIO.projectId,
      environmentId: SCENARIO.environmentId,
      mountPath: "/var/lib/postgresql/data",
      sizeMB: 5000,
      usedMB: 800,
      data: "today",
    });
    railway.volumes.schedules.push({
      volumeInstanceId: volume.id,
      kind: "DAILY",
      retentionSeconds: 7 * 86_400,
    });
    railway.volumes.addBackup({
      volumeInstanceId: volume.id,
      name: "Daily",
      createdAt: Date.now() - 2 * HOUR,
      usedMB: 800,
      data: "today",
    });
    for (const service of Object.values(SCENARIO.services)) {
      // The serving deployment took 70 s from push to SUCCESS: the code step's timing.
      const serving = railway.deployment(service.bad);
      if (serving) serving.updatedAt = serving.createdAt + 70_000;
      if (on.has("image-past-retention") && service.id === SCENARIO.services.backend.id) {
        const good = railway.deployment(service.good);
        if (good) good.canRollback = false;
      }
    }
    s3.createBucket("shop-files", on.has("suspended-versioning") ? "Suspended" : "Enabled");
    s3.put("shop-files", "site/app.js", "v1");
    const [railwayUrl, vercelUrl, s3Url] = await Promise.all([railway.start(), vercel.start(), s3.start()]);
    const inputs: Record<string, string> = {
      rpo: "24h",
      "railway-token": SCENARIO.projectToken,
      "railway-api-url": railwayUrl,
      services: "backend, ai-engine",
      "railway-database-service": DB_SERVICE.name,
      "vercel-token": on.has("expired-token") ? "expired-vercel-token" : SIM_VERCEL_TOKEN,
      "vercel-project": "shop",
      "vercel-api-url": vercelUrl,
      "storage-bucket": "shop-files",
      "storage-prefix": "site/",
      "storage-endpoint": s3Url,
      "storage-access-key-id": SIM_S3_ACCESS_KEY,
      "storage-secret-access-key": SIM_S3_SECRET_KEY,
    };
    const notes: string[] = [];
    const bin = postgresBinDir();
    if (bin) {
      const pg = await startPostgres();
      stops.push(() => pg.stop());
      const url = await pg.createDatabase("shop");
      const sql = pg.sql("shop");
      await sql`CREATE TABLE users (id int PRIMARY KEY, name text)`;
      await sql`INSERT INTO users SELECT g, 'user ' || g FROM generate_series(1, 100) g`;
      await sql.end();
      const dump = join(dir, "shop.dump");
      execFileSync(join(bin, "pg_dump"), ["-Fc", "-f", dump, "-d", url]);
      if (on.has("stale-dump"))
        utimesSync(dump, new Date(Date.now() - 72 * HOUR), new Date(Date.now() - 72 * HOUR));
      Object.assign(inputs, {
        "database-url": url,
        "database-backup": dump,
        "database-verify-sql": "SELECT count(*) FROM users",
        rehearse: "true",
        "postgres-bin-dir": on.has("server-newer") ? oldTools(mkdtempSync(join(dir, "bin-")), bin) : bin,
      });
    } else notes.push("No PostgreSQL on this machine: the database target is not checked.");
    if (redisAvailable()) {
      const redis = await startRedis();
      stops.push(() => redis.stop());
      inputs["redis-url"] = `${redis.url}/0`;
    } else notes.push("No Redis on this machine: the cache target is not checked.");
    for (const note of notes) console.log(note);

    const run = await runAction("readiness", inputs, { env: { RUNNER_TEMP: dir }, signal });
    const report = run.outputs.report ? JSON.parse(readFileSync(run.outputs.report, "utf8")) : { checks: [] };
    const checks = report.checks as { target: string; check: string; state: string; evidence: string }[];
    const icon = { pass: "✅", warn: "⚠️", fail: "❌" } as Record<string, string>;
    for (const c of checks) console.log(`${icon[c.state] ?? "?"} ${c.target} / ${c.check}: ${c.evidence}`);
    console.log(
      `status ${run.outputs.status}, RTO estimate ${run.outputs["rto-estimate"] || "-"} s, RPO exposure ${run.outputs["rpo-exposure"] || "-"} s`,
    );
    if (summaries) console.log(`\n--- readiness\n${plainSummary(run.summary)}`);

    const missed = [...on].filter((fault) => {
      const wanted = READINESS_FAULTS[fault].check;
      return !checks.some((c) => c.check === wanted && c.state === "fail");
    });
    const skipped = [...on].filter((f) => (f === "stale-dump" || f === "server-newer") && !bin);
    const caught = on.size ? missed.length === skipped.length : run.outputs.status === "ready";
    console.log(`\nTotal ${formatMs(Date.now() - started)}.`);
    console.log(
      on.size
        ? caught
          ? `Every fault was caught: ${[...on].map((f) => READINESS_FAULTS[f].text).join("; ")}.`
          : `NOT caught: ${missed.join(", ")}.`
        : caught
          ? "Ready: a rollback would work now."
          : `Not ready in a healthy world (status ${run.outputs.status}): see the checks above.`,
    );
    process.exitCode = caught ? 0 : 1;
  } finally {
    await Promise.all(stops.map((stop) => stop().catch(() => {})));
    rmSync(dir, { recursive: true, force: true });
  }
}
