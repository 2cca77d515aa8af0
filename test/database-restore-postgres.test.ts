import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/database-restore/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type PostgresServer, startPostgres } from "../src/sim/postgres-server.ts";
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
/** A seeded database, its dump taken, then damaged: the situation a restore is for. */
async function incident(): Promise<{ name: string; url: string; dump: string }> {
  const name = `shop${++serial}`;
  const url = await pg.createDatabase(name);
  await seedShop(pg, name);
  const dump = dumpOf(pg, name);
  await damage(pg, name);
  return { name, url, dump };
}

async function restore(inputs: Record<string, string>): Promise<RecordingToolkit> {
  const temp = mkdtempSync(join(tmpdir(), "dbrestore-runner-"));
  const tk = await runInProcess(action, { provider: "postgres", ...inputs }, { env: { RUNNER_TEMP: temp } });
  const shown = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs)].join("\n");
  expect(shown).not.toContain(pg.password);
  return tk;
}

describe("database-restore postgres, swap mode", () => {
  it("restores into a scratch database, verifies, ends connections and swaps; the old one is kept", async () => {
    const { name, url, dump } = await incident();
    const app = pg.sql(name);
    const [session] = await app`SELECT pg_backend_pid() AS pid`;
    const tk = await restore({
      "database-url": url,
      backup: dump,
      confirm: name,
      "verify-sql": "SELECT count(*) FROM users; SELECT id FROM orders LIMIT 1",
    });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(tk.outputs["restored-from"]).toBe(dump);
    expect(await count(pg, name, "users")).toBe(200);
    expect(await tables(pg, name)).toEqual(["orders", "users"]);
    expect(tk.logs.join("\n")).toMatch(/Ending 1 connection to shop\d+ for the swap/);
    // The application's session was ended; its driver reconnects by name and finds the restored data.
    const [after] = await app`SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM users) AS n`;
    expect(after?.pid).not.toBe(session?.pid);
    expect(after?.n).toBe(200);
    await app.end();
    const kept = (await databases(pg)).filter((db) => db.startsWith(`${name}_before_restore_`));
    expect(kept).toHaveLength(1);
    expect(await count(pg, kept[0] as string, "users")).toBe(10);
    expect(tk.summary).toContain(`kept as ${kept[0]}`);
    expect((await databases(pg)).some((db) => db.includes("_restoring_"))).toBe(false);
    expect(existsSync(tk.outputs["safety-backup"] ?? "")).toBe(true);
  });

  it("a second run with the same dump says already-current and changes nothing", async () => {
    const { name, url, dump } = await incident();
    const first = await restore({ "database-url": url, backup: dump, confirm: name });
    expect(first.outputs.status).toBe("restored");
    // No marker to compare with: the sha256 was read during the restore, and said with it.
    const sha256 = createHash("sha256").update(readFileSync(dump)).digest("hex");
    expect(first.summary).toContain("sha256 read during the restore");
    expect(first.summary).toContain(`The dump's sha256, read during the restore: ${sha256}.`);
    const before = await databases(pg);
    const second = await restore({ "database-url": url, backup: dump, confirm: name });
    expect(second.failed).toBeUndefined();
    expect(second.outputs.status).toBe("already-current");
    expect(second.summary).toContain("already holds");
    expect(second.summary).toContain(`sha256 ${sha256.slice(0, 12)}…`);
    expect(second.outputs["safety-backup"]).toBeUndefined();
    expect(await databases(pg)).toEqual(before);
  });

  it("verify-sql failing: nothing swapped, the original untouched, the scratch database dropped", async () => {
    const { name, url, dump } = await incident();
    const before = await databases(pg);
    const tk = await restore({
      "database-url": url,
      backup: dump,
      confirm: name,
      "verify-sql": "SELECT count(*) FROM users WHERE email LIKE '%@nowhere.test'",
    });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/verify-sql failed: .* returned 0/);
    expect(tk.failed).toContain(`${name} is as before (read back`);
    expect(tk.outputs.changed).toBe("false");
    expect(await count(pg, name, "users")).toBe(10);
    expect(await tables(pg, name)).toContain("bad_migration");
    expect(await databases(pg)).toEqual(before);
  });

  it("the safety dump restores on its own to the data from before", async () => {
    const { name, url, dump } = await incident();
    const tk = await restore({ "database-url": url, backup: dump, confirm: name });
    const safety = tk.outputs["safety-backup"] as string;
    const copy = `${name}_copy`;
    await pg.createDatabase(copy);
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "-d", copy, safety], {
      env: {
        ...process.env,
        PGHOST: "127.0.0.1",
        PGPORT: String(pg.port),
        PGUSER: pg.user,
        PGPASSWORD: pg.password,
      },
    });
    expect(await count(pg, copy, "users")).toBe(10);
    expect(await tables(pg, copy)).toEqual(["bad_migration", "orders", "users"]);
  });
});

describe("database-restore postgres, in place", () => {
  it("restores in one transaction with --clean, keeping the database itself", async () => {
    const { name, url, dump } = await incident();
    const oid = async () => {
      const sql = pg.sql("postgres");
      const [row] = await sql`SELECT oid::int FROM pg_database WHERE datname = ${name}`;
      await sql.end();
      return row?.oid;
    };
    const before = await oid();
    const tk = await restore({
      "database-url": url,
      backup: dump,
      confirm: name,
      mode: "in-place",
      "verify-sql": "SELECT count(*) FROM users",
    });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(await oid()).toBe(before);
    expect(await count(pg, name, "users")).toBe(200);
    expect(await count(pg, name, "orders")).toBe(600);
  });

  it("verify-sql failing after an in-place restore puts the safety backup back", async () => {
    const { name, url, dump } = await incident();
    const tk = await restore({
      "database-url": url,
      backup: dump,
      confirm: name,
      mode: "in-place",
      "verify-sql": "SELECT * FROM bad_migration",
    });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain(`${name} holds the data from before again: the safety backup was put back`);
    expect(tk.outputs.changed).toBe("false");
    expect(await count(pg, name, "users")).toBe(10);
    expect(await tables(pg, name)).toContain("bad_migration");
  });
});

describe("database-restore postgres, before anything changes", () => {
  it("a dry run shows what would be replaced and changes nothing", async () => {
    const { name, url, dump } = await incident();
    const before = await databases(pg);
    const temp = mkdtempSync(join(tmpdir(), "dbrestore-safety-"));
    const tk = await restore({
      "database-url": url,
      backup: dump,
      "dry-run": "true",
      "safety-backup-dir": temp,
    });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("planned");
    expect(tk.summary).toContain("Would be replaced");
    expect(tk.summary).toMatch(/public\.users: about \d+ rows/);
    expect(tk.summary).toMatch(/Dumped by \| pg_dump \d+\.\d+/);
    expect(await databases(pg)).toEqual(before);
    expect(await count(pg, name, "users")).toBe(10);
    expect(readdirSync(temp)).toEqual([]);
  });

  it("confirm missing or naming another database: refused, nothing changed", async () => {
    const { name, url, dump } = await incident();
    const missing = await restore({ "database-url": url, backup: dump });
    expect(missing.outputs.status).toBe("failed");
    expect(missing.failed).toContain('Input "confirm" is required');
    expect(missing.failed).toContain(`"${name}"`);
    const wrong = await restore({ "database-url": url, backup: dump, confirm: "shop-staging" });
    expect(wrong.failed).toContain(
      `Input "confirm" is "shop-staging", but the database that would be overwritten is "${name}"`,
    );
    expect(wrong.logs.join("\n")).not.toContain("Safety backup");
    expect(await count(pg, name, "users")).toBe(10);
  });

  it("a wrong password fails with the SQLSTATE and what to check, never the password", async () => {
    const { name, dump } = await incident();
    const url = pg.url(name).replace(encodeURIComponent(pg.password), "wrong-password-value");
    const tk = await restore({ "database-url": url, backup: dump, confirm: name });
    expect(tk.failed).toContain("28P01");
    expect(tk.failed).toContain("check the secret");
    expect(tk.failed).not.toContain("wrong-password-value");
  });
});
