import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/database-restore/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type PostgresServer, postgresBinDir, startPostgres } from "../src/sim/postgres-server.ts";
import { startFaultProxy } from "./helpers/fault-proxy.ts";
import { count, damage, databases, dumpOf, seedShop, tables } from "./helpers/pg-seed.ts";
import { runInProcess } from "./helpers/run.ts";

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

let serial = 0;
async function incident(before?: (name: string) => Promise<void>): Promise<{ name: string; dump: string }> {
  const name = `defect${++serial}`;
  await pg.createDatabase(name);
  await seedShop(pg, name);
  await before?.(name);
  const dump = dumpOf(pg, name);
  await damage(pg, name);
  return { name, dump };
}

async function restore(inputs: Record<string, string>, port = pg.port): Promise<RecordingToolkit> {
  const temp = mkdtempSync(join(tmpdir(), "dbrestore-defects-"));
  const url = pg.url(inputs.confirm as string).replace(`:${pg.port}/`, `:${port}/`);
  const tk = await runInProcess(
    action,
    { provider: "postgres", "database-url": url, ...inputs },
    { env: { RUNNER_TEMP: temp } },
  );
  expect([tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs)].join("\n")).not.toContain(pg.password);
  return tk;
}

async function admin<T>(use: (sql: ReturnType<PostgresServer["sql"]>) => Promise<T>): Promise<T> {
  const sql = pg.sql("postgres");
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}

describe("in place: the words match what the database holds", () => {
  it("safety-backup false and a failing verify-sql: holds the restored data, which failed verify-sql", async () => {
    const { name, dump } = await incident();
    const tk = await restore({
      backup: dump,
      confirm: name,
      mode: "in-place",
      "safety-backup": "false",
      "verify-sql": "SELECT count(*) FROM users WHERE id < 0",
    });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("true");
    expect(tk.failed).toContain(`${name} holds the restored data, which failed verify-sql`);
    expect(tk.failed).not.toContain("not changed");
    expect(await count(pg, name, "users")).toBe(200);
  });

  it("the restore's timer running out during the put-back does not cut it short", async () => {
    const { name, dump } = await incident();
    const proxy = await startFaultProxy(pg.port);
    // The put-back's statements are held past the restore's `wait`.
    proxy.arm({ pattern: "DO $wipe$", nth: 2, fault: "delay", delayMs: 7000 });
    try {
      const tk = await restore(
        { backup: dump, confirm: name, mode: "in-place", wait: "6s", "verify-sql": "SELECT 0" },
        proxy.port,
      );
      expect(proxy.fired).toBe(true);
      expect(tk.outputs.changed).toBe("false");
      expect(tk.failed).toContain(`${name} holds the data from before again: the safety backup was put back`);
      expect(await count(pg, name, "users")).toBe(10);
      expect(await tables(pg, name)).toContain("bad_migration");
    } finally {
      await proxy.close();
    }
  });

  it("a put-back over a view the dump brought (on a table both have) succeeds", async () => {
    const { name, dump } = await incident(async (db) => {
      const sql = pg.sql(db);
      await sql`CREATE VIEW big_orders AS SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id`;
      await sql.end();
    });
    const target = pg.sql(name);
    await target`DROP VIEW big_orders`;
    await target.end();
    const tk = await restore({ backup: dump, confirm: name, mode: "in-place", "verify-sql": "SELECT false" });
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toContain("the safety backup was put back");
    expect(await tables(pg, name)).toEqual(["bad_migration", "orders", "users"]);
    const views = pg.sql(name);
    expect(await views`SELECT viewname FROM pg_views WHERE schemaname = 'public'`).toEqual([]);
    await views.end();
  });

  it("drops the tables the dump does not have, as the dry run says", async () => {
    const { name, dump } = await incident();
    const dry = await restore({ backup: dump, confirm: name, mode: "in-place", "dry-run": "true" });
    expect(dry.outputs.changed).toBe("false");
    expect(dry.summary).toContain("public.bad_migration: dropped (the dump does not have it)");
    expect(await tables(pg, name)).toContain("bad_migration");
    const tk = await restore({ backup: dump, confirm: name, mode: "in-place" });
    expect(tk.outputs.status).toBe("restored");
    expect(tk.outputs.changed).toBe("true");
    expect(await tables(pg, name)).toEqual(["orders", "users"]);
  });
});

describe("swap: nothing left locked", () => {
  it("planning finds a target left locked and a scratch database left over, says so, and the run undoes both", async () => {
    const { name, dump } = await incident();
    const leftover = `${name}_restoring_20250101t000000z`;
    await pg.createDatabase(leftover);
    await admin((sql) => sql.unsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`));
    const dry = await restore({ backup: dump, confirm: name, "dry-run": "true" });
    expect(dry.outputs.status).toBe("planned");
    expect(dry.summary).toContain("refuses connections (datallowconn false)");
    expect(dry.summary).toContain("ALLOW_CONNECTIONS true");
    expect(dry.summary).toContain(`${leftover}: scratch database of an earlier run, dropped first`);
    const tk = await restore({ backup: dump, confirm: name });
    expect(tk.outputs.status).toBe("restored");
    expect(await count(pg, name, "users")).toBe(200);
    expect(await databases(pg)).not.toContain(leftover);
    const locked = await admin(
      (sql) => sql`SELECT datname FROM pg_database WHERE NOT datallowconn AND datname <> 'template0'`,
    );
    expect(locked).toEqual([]);
  });
});

describe("verify-sql reads only", () => {
  for (const [what, query] of [
    [
      "a dollar-quoted string hiding COMMIT; DELETE",
      "SELECT $$';$$ AS a; COMMIT; DELETE FROM users; SELECT $$'$$",
    ],
    ["a data-modifying WITH", "WITH d AS (DELETE FROM users RETURNING 1) SELECT count(*) FROM d"],
    ["two statements the splitter sees as one", "SELECT $$x$$ AS a; SELECT 1; DELETE FROM orders"],
  ]) {
    it(`${what}: nothing written`, async () => {
      const { name, dump } = await incident();
      const tk = await restore({
        backup: dump,
        confirm: name,
        mode: "in-place",
        "safety-backup": "false",
        "verify-sql": query as string,
      });
      expect(tk.outputs.status).toBe("failed");
      expect(tk.failed).toContain("verify-sql failed");
      expect(await count(pg, name, "users")).toBe(200);
      expect(await count(pg, name, "orders")).toBe(600);
    });
  }
});

describe("what the tools and the marker are given", () => {
  it("a dump file name cannot inject SQL into the marker, even with standard_conforming_strings off", async () => {
    for (const mode of ["swap", "in-place"]) {
      const { name, dump } = await incident();
      await admin((sql) => sql.unsafe(`ALTER DATABASE "${name}" SET standard_conforming_strings = off`));
      const evil = join(
        mkdtempSync(join(tmpdir(), "dbrestore-evil-")),
        "x\\'; CREATE TABLE injected (x int); --.dump",
      );
      copyFileSync(dump, evil);
      const tk = await restore({ backup: evil, confirm: name, mode });
      expect(tk.outputs.status).toBe("restored");
      expect(await tables(pg, name)).toEqual(["orders", "users"]);
      const again = await restore({ backup: evil, confirm: name, mode });
      expect(again.outputs.status).toBe("already-current");
    }
  });

  it("pg_dump, pg_restore and psql get PG* parts and a pgpass file: never the URL or the password", async () => {
    const bin = mkdtempSync(join(tmpdir(), "dbrestore-bin-"));
    const log = join(bin, "calls.log");
    for (const tool of ["pg_dump", "pg_restore", "psql"]) {
      const script = `#!/bin/sh\n{ echo "CALL ${tool} $*"; env; } >> "${log}"\nexec "${postgresBinDir()}/${tool}" "$@"\n`;
      writeFileSync(join(bin, tool), script);
      chmodSync(join(bin, tool), 0o755);
    }
    // The runner's own environment holds every input.
    process.env["INPUT_DATABASE-URL"] = pg.url("postgres");
    try {
      for (const mode of ["swap", "in-place"]) {
        const { name, dump } = await incident();
        const tk = await restore({
          backup: dump,
          confirm: name,
          mode,
          "postgres-bin-dir": bin,
          "verify-sql": "SELECT 1",
        });
        expect(tk.outputs.status).toBe("restored");
      }
    } finally {
      delete process.env["INPUT_DATABASE-URL"];
    }
    const calls = readFileSync(log, "utf8");
    expect(calls).toContain("CALL pg_dump");
    expect(calls).toContain("CALL psql");
    expect(calls).toMatch(/PGDATABASE=defect\d+\n/);
    expect(calls).toMatch(/PGPASSFILE=\S+dbrestore-pgpass-/);
    expect(calls).not.toContain(pg.password);
    expect(calls).not.toContain(encodeURIComponent(pg.password));
    expect(calls).not.toContain("postgresql://");
    const passfiles = [...calls.matchAll(/PGPASSFILE=(\S+)/g)].map((match) => match[1] as string);
    for (const file of passfiles) expect(() => statSync(file)).toThrow();
  });
});

describe("the safety backup outlives the job and stays private", () => {
  it("is written 0600; with safety-backup-key only an openssl-readable encrypted copy is left", async () => {
    const { name, dump } = await incident();
    const dir = mkdtempSync(join(tmpdir(), "dbrestore-keep-"));
    const plain = await restore({ backup: dump, confirm: name, "safety-backup-dir": dir });
    expect(statSync(plain.outputs["safety-backup"] as string).mode & 0o777).toBe(0o600);

    const second = await incident();
    const sealedDir = mkdtempSync(join(tmpdir(), "dbrestore-sealed-"));
    const key = "correct horse battery staple";
    const tk = await restore({
      backup: second.dump,
      confirm: second.name,
      mode: "in-place",
      "safety-backup-dir": sealedDir,
      "safety-backup-key": key,
    });
    expect(tk.outputs.status).toBe("restored");
    const sealed = tk.outputs["safety-backup"] as string;
    expect(sealed).toMatch(/\.dump\.enc$/);
    expect(readdirSync(sealedDir)).toEqual([sealed.split("/").pop()]);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealed).subarray(0, 8).toString()).toBe("Salted__");
    const opened = join(sealedDir, "opened.dump");
    execFileSync(
      "openssl",
      ["enc", "-d", "-aes-256-cbc", "-pbkdf2", "-in", sealed, "-out", opened, "-pass", "env:KEY"],
      {
        env: { PATH: process.env.PATH, KEY: key },
      },
    );
    const listing = execFileSync("pg_restore", ["--list", opened], { encoding: "utf8" });
    expect(listing).toContain(`dbname: ${second.name}`);
    expect(listing).toContain("TABLE public bad_migration");
    expect(JSON.stringify(tk.logs)).not.toContain(key);
  });
});
