import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, postgresBinDir, startPostgres } from "../src/sim/postgres-server.ts";
import { type S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { runBundle } from "./helpers/bundle.ts";
import { count, databases, dumpOf, seedShop } from "./helpers/pg-seed.ts";
import { startS3 } from "./helpers/s3.ts";

let pg: PostgresServer;
let s3: { sim: S3Simulator; url: string; clients: { close(): void } };
let url: string;
let dump: string;
const binDir = postgresBinDir() ?? "/usr/bin";

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  url = await pg.createDatabase("shop");
  await seedShop(pg, "shop");
  dump = dumpOf(pg, "shop");
  s3.sim.createBucket("assets", "Suspended");
});
afterAll(async () => {
  s3?.clients.close();
  await Promise.all([pg?.stop(), s3?.sim.stop()]);
});

describe("dist/readiness run as the runner runs it", () => {
  it("checks database and storage at once: outputs, report file, summary table; secrets never shown", async () => {
    const run = await runBundle("readiness", {
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": binDir,
      rehearse: "true",
      "database-verify-sql": "SELECT count(*) FROM users",
      "storage-bucket": "assets",
      "storage-endpoint": s3.url,
      "storage-access-key-id": SIM_S3_ACCESS_KEY,
      "storage-secret-access-key": SIM_S3_SECRET_KEY,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe("not-ready");
    expect(Number(run.outputs["rto-estimate"])).toBeGreaterThanOrEqual(0);
    expect(Number(run.outputs["rpo-exposure"])).toBeLessThan(120);
    const report = JSON.parse(readFileSync(run.outputs.report as string, "utf8"));
    expect(report.checks.find((c: { check: string }) => c.check === "rehearsal").state).toBe("pass");
    expect(run.summary).toMatch(/❌ \| storage \| versioning \| assets: Suspended.*\| Enable versioning/);
    expect(run.summary).toMatch(/RTO estimate: /);
    expect(run.all).toMatch(/::error::A rollback would not work now/);
    expect(run.all).not.toContain(pg.password);
    expect(run.all).not.toContain(SIM_S3_SECRET_KEY);
    expect(JSON.stringify(report)).not.toContain(pg.password);
    expect(await databases(pg)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^readiness_/)]));
  });

  it("no secret reaches pg_dump's, pg_restore's or psql's environment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "readiness-tools-"));
    for (const tool of ["pg_dump", "pg_restore", "psql"]) {
      // Records its environment, then runs the real tool.
      const script = `#!${process.execPath}\nrequire("node:fs").writeFileSync(${JSON.stringify(join(dir, `env-${tool}-`))} + process.pid, JSON.stringify(process.env));\nrequire("node:child_process").execFileSync(${JSON.stringify(join(binDir, tool))}, process.argv.slice(2), { stdio: "inherit" });\n`;
      writeFileSync(join(dir, tool), script);
      chmodSync(join(dir, tool), 0o755);
    }
    const run = await runBundle("readiness", {
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": dir,
      rehearse: "true",
      "storage-bucket": "assets",
      "storage-endpoint": s3.url,
      "storage-access-key-id": SIM_S3_ACCESS_KEY,
      "storage-secret-access-key": SIM_S3_SECRET_KEY,
    });
    expect(run.outputs.status).toBe("not-ready");
    const envs = readdirSync(dir).filter((name) => name.startsWith("env-"));
    expect(envs.some((name) => name.startsWith("env-pg_restore-"))).toBe(true);
    for (const name of envs) {
      const env = readFileSync(join(dir, name), "utf8");
      expect(env).not.toContain(pg.password);
      expect(env).not.toContain(SIM_S3_SECRET_KEY);
    }
  });

  it("a real SIGTERM during the rehearsal: pg_restore stopped, the scratch database dropped", async () => {
    // pg_restore that signals the step the way a cancelled workflow does, then hangs.
    const dir = mkdtempSync(join(tmpdir(), "readiness-tools-"));
    for (const tool of ["pg_dump", "pg_restore", "psql"]) {
      const body =
        tool === "pg_restore"
          ? `if [ "$1" = "--version" ]; then exec ${binDir}/${tool} "$@"; fi\nkill -TERM $PPID\nexec sleep 30\n`
          : `exec ${binDir}/${tool} "$@"\n`;
      writeFileSync(join(dir, tool), `#!/bin/sh\n${body}`);
      chmodSync(join(dir, tool), 0o755);
    }
    const before = await databases(pg);
    const run = await runBundle("readiness", {
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": dir,
      rehearse: "true",
    });
    expect(run.code).not.toBe(0);
    expect(run.all).toMatch(/Received SIGTERM/);
    expect(await databases(pg)).toEqual(before);
    expect(await count(pg, "shop", "users")).toBe(200);
  });
});
