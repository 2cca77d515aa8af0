import { chmodSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/readiness/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type PostgresServer, postgresBinDir, startPostgres } from "../src/sim/postgres-server.ts";
import { type RedisServer, redisAvailable, startRedis } from "../src/sim/redis-server.ts";
import { count, databases, dumpOf, seedShop } from "./helpers/pg-seed.ts";
import { runInProcess } from "./helpers/run.ts";

interface Row {
  target: string;
  check: string;
  state: string;
  evidence: string;
  fix: string | null;
}

let pg: PostgresServer;
let redis: RedisServer;
let url: string;
let dump: string;
const binDir = postgresBinDir() ?? "/usr/bin";

beforeAll(async () => {
  [pg, redis] = await Promise.all([
    startPostgres(),
    startRedis({
      users: [
        "reader on >reader-pass ~* +@all -unlink -scan -acl",
        "limited on >limited-pass ~* +@all -unlink",
        "blind on >blind-pass ~* +get",
      ],
    }),
  ]);
  url = await pg.createDatabase("shop");
  await seedShop(pg, "shop");
  dump = dumpOf(pg, "shop");
});
afterAll(async () => {
  await Promise.all([pg?.stop(), redis?.stop()]);
});

async function check(
  inputs: Record<string, string>,
  options: { signal?: AbortSignal } = {},
): Promise<{ tk: RecordingToolkit; rows: Row[] }> {
  const temp = mkdtempSync(join(tmpdir(), "readiness-runner-"));
  const tk = await runInProcess(action, inputs, { env: { RUNNER_TEMP: temp }, signal: options.signal });
  const shown = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs)].join("\n");
  expect(shown).not.toContain(pg.password);
  expect(shown).not.toContain("reader-pass");
  const rows = tk.outputs.report ? (JSON.parse(readFileSync(tk.outputs.report, "utf8")).checks as Row[]) : [];
  if (tk.outputs.report) expect(readFileSync(tk.outputs.report, "utf8")).not.toContain(pg.password);
  return { tk, rows };
}

const state = (rows: Row[], name: string) => rows.find((r) => r.check === name)?.state;
const scratches = async () => (await databases(pg)).filter((d) => d.startsWith("readiness_rehearsal_"));

/** A folder whose pg_dump/pg_restore answer `--version` as `version`, and otherwise run the real tool (`slow`: hang first). */
function fakeTools(version: string, slow = false): { dir: string; started: string } {
  const dir = mkdtempSync(join(tmpdir(), "readiness-tools-"));
  const started = join(dir, "started");
  for (const tool of ["pg_dump", "pg_restore", "psql"]) {
    const hang = slow && tool === "pg_restore" ? `touch ${started}; sleep 30\n` : "";
    writeFileSync(
      join(dir, tool),
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${tool} (PostgreSQL) ${version}"; exit 0; fi\n${hang}exec ${binDir}/${tool} "$@"\n`,
    );
    chmodSync(join(dir, tool), 0o755);
  }
  return { dir, started };
}

describe("readiness: database on a real PostgreSQL", () => {
  it("passes: reachable, tools as new as the server, a fresh dump; the RPO exposure is the dump's age", async () => {
    const { tk, rows } = await check({
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": binDir,
    });
    expect(rows.filter((r) => r.target === "database").map((r) => [r.check, r.state])).toEqual([
      ["reachable", "pass"],
      ["pg_dump version", "pass"],
      ["pg_restore version", "pass"],
      ["newest dump", "pass"],
    ]);
    expect(Number(tk.outputs["rpo-exposure"])).toBeLessThan(60);
    // RPO 0 is not met by dumps: a warning, with what would meet it.
    expect(state(rows, "RPO")).toBe("warn");
    expect(tk.outputs.status).toBe("warnings");
    expect(tk.summary).toMatch(/⚠️ \| objectives \| RPO/);
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(["check", "evidence", "fix", "state", "target"]);
  });

  it("fails a stale dump in a folder (the newest file there), with the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "readiness-dumps-"));
    const old = join(dir, "shop-old.dump");
    writeFileSync(old, readFileSync(dump));
    const threeDays = Date.now() / 1000 - 3 * 86_400;
    utimesSync(old, threeDays, threeDays);
    const { tk, rows } = await check({
      "database-url": url,
      "database-backup": dir,
      "postgres-bin-dir": binDir,
      rpo: "48h",
    });
    const row = rows.find((r) => r.check === "newest dump");
    expect(row?.state).toBe("fail");
    expect(row?.evidence).toMatch(/shop-old\.dump.*3d old/);
    expect(row?.fix).toMatch(/backup job/);
    expect(tk.outputs.status).toBe("not-ready");
    expect(tk.failed).toMatch(/newest dump/);
    expect(tk.summary).toMatch(/❌ \| database \| newest dump .*backup job/);
  });

  it("fails when the server is newer than pg_dump and pg_restore", async () => {
    const { dir } = fakeTools("9.6");
    const { rows } = await check({ "database-url": url, "database-backup": dump, "postgres-bin-dir": dir });
    expect(state(rows, "pg_dump version")).toBe("fail");
    expect(rows.find((r) => r.check === "pg_restore version")?.evidence).toMatch(
      /9\.6 is older than the server/,
    );
  });

  it("fails when the server cannot be reached, and when no dump is there", async () => {
    const { rows } = await check({
      "database-url": pg.url("shop").replace(`:${pg.port}/`, ":1/"),
      "database-backup": join(tmpdir(), "no-such-dump.dump"),
      "postgres-bin-dir": binDir,
    });
    expect(state(rows, "reachable")).toBe("fail");
    expect(state(rows, "newest dump")).toBe("fail");
    expect(state(rows, "RPO")).toBe("fail");
  });

  it("rehearses: restores into a scratch database, verifies, drops it; production is untouched", async () => {
    const before = await databases(pg);
    const { tk, rows } = await check({
      "database-url": url,
      "database-backup": dump,
      "postgres-bin-dir": binDir,
      rehearse: "true",
      "database-verify-sql": "SELECT count(*) FROM users",
    });
    const row = rows.find((r) => r.check === "rehearsal");
    expect(row?.state).toBe("pass");
    expect(row?.evidence).toMatch(/verify-sql: 1 query passed; dropped/);
    expect(Number(tk.outputs["rto-estimate"])).toBeGreaterThanOrEqual(0);
    expect(await databases(pg)).toEqual(before);
    expect(await count(pg, "shop", "users")).toBe(200);
  });

  it("a rehearsal on a separate server leaves the production server alone", async () => {
    const other = await startPostgres();
    try {
      const rehearsalUrl = await other.createDatabase("rehearsals");
      const before = await databases(pg);
      const { rows } = await check({
        "database-url": url,
        "database-backup": dump,
        "postgres-bin-dir": binDir,
        rehearse: "true",
        "rehearsal-database-url": rehearsalUrl,
      });
      expect(rows.find((r) => r.check === "rehearsal")?.evidence).toMatch(
        new RegExp(`127\\.0\\.0\\.1:${other.port}`),
      );
      expect(await databases(pg)).toEqual(before);
      expect(await databases(other)).toEqual(
        expect.not.arrayContaining([expect.stringMatching(/^readiness_/)]),
      );
    } finally {
      await other.stop();
    }
  });

  it.each([
    [
      "a verify-sql that finds nothing",
      { "database-verify-sql": "SELECT id FROM users WHERE id < 0" },
      /returned no rows/,
    ],
    ["a dump that does not restore", { "database-backup": "corrupt" }, /rehearsal|dump|failed/],
  ])(
    "a failed rehearsal (%s) fails the check and leaves no scratch database",
    async (_name, extra, message) => {
      const inputs: Record<string, string> = { ...extra };
      if (inputs["database-backup"] === "corrupt") {
        const bad = join(mkdtempSync(join(tmpdir(), "readiness-bad-")), "shop.dump");
        writeFileSync(bad, Buffer.concat([readFileSync(dump).subarray(0, 400)]));
        inputs["database-backup"] = bad;
      }
      const { rows } = await check({
        "database-url": url,
        "database-backup": dump,
        "postgres-bin-dir": binDir,
        rehearse: "true",
        ...inputs,
      });
      const row = rows.find((r) => r.check === "rehearsal");
      expect(row?.state).toBe("fail");
      expect(row?.evidence).toMatch(message);
      expect(await scratches()).toEqual([]);
      expect(await count(pg, "shop", "users")).toBe(200);
    },
  );

  it("SIGTERM during the restore stops pg_restore and drops the scratch database", async () => {
    const { dir, started } = fakeTools(String(await serverMajor()), true);
    const controller = new AbortController();
    const watcher = setInterval(() => {
      try {
        readFileSync(started);
        controller.abort();
      } catch {}
    }, 20);
    const { tk } = await check(
      { "database-url": url, "database-backup": dump, "postgres-bin-dir": dir, rehearse: "true" },
      { signal: controller.signal },
    );
    clearInterval(watcher);
    expect(controller.signal.aborted).toBe(true);
    expect(tk.outputs.status).toBe("not-ready");
    expect(await scratches()).toEqual([]);
    expect(await count(pg, "shop", "users")).toBe(200);
  });
});

async function serverMajor(): Promise<number> {
  const sql = pg.sql("shop");
  try {
    const [row] = await sql<{ v: string }[]>`SELECT current_setting('server_version_num') AS v`;
    return Math.floor(Number(row?.v) / 10_000);
  } finally {
    await sql.end();
  }
}

describe.skipIf(!redisAvailable())("readiness: cache on a real Redis", () => {
  const withUser = (user: string, pass: string, db = 0) =>
    `${redis.url.replace("redis://", `redis://${user}:${pass}@`)}/${db}`;

  it("passes for a user allowed SCAN and UNLINK (asked with ACL DRYRUN as the admin would)", async () => {
    const { rows } = await check({ "redis-url": `${redis.url}/0` });
    expect(rows.filter((r) => r.target === "cache").map((r) => r.state)).toEqual(["pass", "pass", "pass"]);
    expect(rows.find((r) => r.check === "may SCAN and UNLINK")?.evidence).toMatch(
      /user default: ACL DRYRUN allows/,
    );
  });

  it("fails a database the server does not have", async () => {
    const { rows } = await check({ "redis-url": `${redis.url}/99` });
    expect(state(rows, "database exists")).toBe("fail");
  });

  it("a user without ACL rights to ask is a warning, never a pass", async () => {
    const { rows } = await check({ "redis-url": withUser("reader", "reader-pass") });
    expect(state(rows, "may SCAN and UNLINK")).toBe("warn");
  });

  it("fails a user the server refuses UNLINK (ACL DRYRUN says so)", async () => {
    const { rows } = await check({ "redis-url": withUser("limited", "limited-pass") });
    const row = rows.find((r) => r.check === "may SCAN and UNLINK");
    expect(row?.state).toBe("fail");
    expect(row?.evidence).toMatch(/user limited: .*unlink/i);
    expect(row?.fix).toMatch(/\+unlink/);
  });

  it("fails a user refused INFO: cache-flush connects the same way and would fail", async () => {
    const { rows } = await check({ "redis-url": withUser("blind", "blind-pass") });
    expect(state(rows, "reachable")).toBe("fail");
    expect(rows.find((r) => r.check === "reachable")?.evidence).toMatch(/NOPERM/);
  });

  it("fails when nothing answers", async () => {
    const { rows } = await check({ "redis-url": "redis://127.0.0.1:1/0" });
    expect(state(rows, "reachable")).toBe("fail");
  });

  it("changes nothing in the cache", async () => {
    const admin = redis.admin();
    await admin.set("page:1", "x");
    await check({ "redis-url": `${redis.url}/0` });
    expect(await admin.get("page:1")).toBe("x");
    expect(await admin.get("readiness:probe")).toBeNull();
    admin.disconnect();
  });
});
