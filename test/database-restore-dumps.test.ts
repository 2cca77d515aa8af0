import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/database-restore/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type PostgresServer, startPostgres } from "../src/sim/postgres-server.ts";
import { App } from "./helpers/app.ts";
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
async function incident(format: "c" | "t" | "p" = "c"): Promise<{ name: string; url: string; dump: string }> {
  const name = `store${++serial}`;
  const url = await pg.createDatabase(name);
  await seedShop(pg, name);
  const dump = dumpOf(pg, name, format);
  await damage(pg, name);
  return { name, url, dump };
}

const secrets: string[] = [];
async function restore(inputs: Record<string, string>): Promise<RecordingToolkit> {
  const temp = mkdtempSync(join(tmpdir(), "dbrestore-runner-"));
  const tk = await runInProcess(action, { provider: "postgres", ...inputs }, { env: { RUNNER_TEMP: temp } });
  const shown = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs)].join("\n");
  for (const secret of [pg.password, ...secrets]) expect(shown).not.toContain(secret);
  return tk;
}

/** A file of this content in a fresh temp folder. */
function fileOf(name: string, content: Buffer): string {
  const out = join(mkdtempSync(join(tmpdir(), "dbrestore-bad-")), name);
  writeFileSync(out, content);
  return out;
}

async function unchanged(name: string, before: string[]): Promise<void> {
  expect(await count(pg, name, "users")).toBe(10);
  expect(await tables(pg, name)).toContain("bad_migration");
  expect(await databases(pg)).toEqual(before);
}

describe("database-restore postgres: dumps that must change nothing", () => {
  it("a file that is not a dump is refused before the safety backup", async () => {
    const { name, url } = await incident();
    const before = await databases(pg);
    const junk = fileOf("shop.dump", Buffer.from("this is not a database dump\0\x01\x02"));
    const tk = await restore({ "database-url": url, backup: junk, confirm: name });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("neither a pg_dump archive");
    expect(tk.failed).toContain("Nothing was changed");
    expect(tk.logs.join("\n")).not.toContain("safety backup");
    await unchanged(name, before);
  });

  it("a dump cut short fails in the scratch database (swap) or rolls back (in place)", async () => {
    const { name, url, dump } = await incident();
    const before = await databases(pg);
    const whole = readFileSync(dump);
    const cut = fileOf("cut.dump", whole.subarray(0, Math.floor(whole.length * 0.6)));
    const swap = await restore({ "database-url": url, backup: cut, confirm: name });
    expect(swap.outputs.status).toBe("failed");
    expect(swap.failed).toMatch(/pg_restore failed|does not read as a dump/);
    await unchanged(name, before);
    const inPlace = await restore({ "database-url": url, backup: cut, confirm: name, mode: "in-place" });
    expect(inPlace.outputs.status).toBe("failed");
    await unchanged(name, before);
  });

  it("a dump from a newer pg_dump is refused with both versions named", async () => {
    const { name, url, dump } = await incident();
    const before = await databases(pg);
    const bytes = Buffer.from(readFileSync(dump));
    // The header's pg_dump version string, made two majors newer than the machine's tools.
    // Server version, then pg_dump version: "15.18 (Debian …)" twice; the second is pg_dump's.
    const versions = [
      ...bytes
        .subarray(0, 400)
        .toString("latin1")
        .matchAll(/\d+\.\d+ \(/g),
    ];
    bytes.write("99", versions[1]?.index ?? -1, "latin1");
    const newer = fileOf("newer.dump", bytes);
    const tk = await restore({ "database-url": url, backup: newer, confirm: name });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/written by pg_dump 99\.\d+.*newer than the local pg_restore \d+\.\d+/);
    expect(tk.failed).toContain("postgres-bin-dir");
    await unchanged(name, before);
  });

  it("a plain .sql.gz restores through psql; one without pg_dump's last line is refused", async () => {
    const { name, url, dump } = await incident("p");
    const gz = fileOf("shop.sql.gz", gzipSync(readFileSync(dump)));
    const tk = await restore({
      "database-url": url,
      backup: gz,
      confirm: name,
      "verify-sql": "SELECT count(*) FROM orders",
    });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(await count(pg, name, "users")).toBe(200);
    const text = readFileSync(dump, "utf8");
    const cut = fileOf("cut.sql", Buffer.from(text.slice(0, Math.floor(text.length / 2))));
    const refused = await restore({ "database-url": url, backup: cut, confirm: name, mode: "in-place" });
    expect(refused.failed).toContain("looks cut short");
    expect(await count(pg, name, "users")).toBe(200);
  });
});

describe("database-restore postgres: other formats", () => {
  it("a tar-format dump (pg_dump -Ft) restores in swap mode", async () => {
    const { name, url, dump } = await incident("t");
    const tk = await restore({ "database-url": url, backup: dump, confirm: name });
    expect(tk.failed).toBeUndefined();
    expect(tk.summary).toContain("tar (");
    expect(await count(pg, name, "users")).toBe(200);
  });

  it("safety-backup false is said loudly and the output stays empty", async () => {
    const { name, url, dump } = await incident();
    const tk = await restore({ "database-url": url, backup: dump, confirm: name, "safety-backup": "false" });
    expect(tk.outputs.status).toBe("restored");
    expect(tk.outputs["safety-backup"]).toBeUndefined();
    expect(tk.logs.join("\n")).toContain("warning: safety-backup is false: NO safety dump is taken");
    expect(tk.summary).toContain("No safety backup");
  });
});

describe("database-restore postgres: a dump from a URL", () => {
  it("needs its header: 401 without it says so; with it the dump streams and restores, the header never shown", async () => {
    const { name, url, dump } = await incident();
    const token = "dump-token-5ecret-value";
    secrets.push(token);
    const app = new App({
      "/backups/shop.dump": (req, res) => {
        if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end("no");
        res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(dump));
      },
    });
    const base = await app.start();
    try {
      const denied = await restore({
        "database-url": url,
        backup: `${base}/backups/shop.dump?sig=abc`,
        confirm: name,
      });
      expect(denied.failed).toContain("HTTP 401");
      expect(denied.failed).toContain("backup-headers");
      expect(await count(pg, name, "users")).toBe(10);
      const tk = await restore({
        "database-url": url,
        backup: `${base}/backups/shop.dump?sig=abc`,
        "backup-headers": `Authorization: Bearer ${token}`,
        confirm: name,
      });
      expect(tk.failed).toBeUndefined();
      expect(tk.outputs["restored-from"]).toBe(`${base}/backups/shop.dump`);
      expect(await count(pg, name, "users")).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it("refuses a plain http URL that is not loopback", async () => {
    const { name, url } = await incident();
    const tk = await restore({
      "database-url": url,
      backup: "http://backups.example.com/shop.dump",
      confirm: name,
    });
    expect(tk.failed).toContain('Input "backup" is a plain http URL');
  });
});
