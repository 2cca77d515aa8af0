import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../src/sim/postgres-server.ts";
import { runBundle } from "./helpers/bundle.ts";
import { type FaultProxy, startFaultProxy } from "./helpers/fault-proxy.ts";
import { count, damage, databases, dumpOf, seedShop } from "./helpers/pg-seed.ts";

let pg: PostgresServer;
let proxy: FaultProxy;
beforeAll(async () => {
  pg = await startPostgres();
  proxy = await startFaultProxy(pg.port);
});
afterAll(async () => {
  await proxy?.close();
  await pg?.stop();
});

let serial = 0;
async function incident(): Promise<{ name: string; dump: string; url: string }> {
  const name = `bundle${++serial}`;
  await pg.createDatabase(name);
  await seedShop(pg, name);
  const dump = dumpOf(pg, name);
  await damage(pg, name);
  return { name, dump, url: pg.url(name).replace(`:${pg.port}/`, `:${proxy.port}/`) };
}

/** The bundle's own process, found by the runner temp folder only it was given. */
function bundlePid(runnerTemp: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
      if (cmdline.includes("database-restore/index.js") && environ.includes(`RUNNER_TEMP=${runnerTemp}\0`))
        return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  return undefined;
}

function run(inputs: Record<string, string>, runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-pg-"))) {
  return runBundle(
    "database-restore",
    { provider: "postgres", ...inputs },
    { env: { RUNNER_TEMP: runnerTemp }, timeoutMs: 90_000 },
  );
}

describe("database-restore bundle: truth after failure", () => {
  it("in place, no safety backup, verify-sql failing: exit 1, changed true, the restored data said", async () => {
    const { name, dump, url } = await incident();
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const result = await run({
      "database-url": url,
      backup: dump,
      confirm: name,
      mode: "in-place",
      "safety-backup": "false",
      "verify-sql": "SELECT count(*) FROM users WHERE id < 0",
    });
    expect(result.code).toBe(1);
    expect(result.outputs.status).toBe("failed");
    expect(result.outputs.changed).toBe("true");
    expect(result.stdout).toContain(`${name} holds the restored data, which failed verify-sql`);
    expect(result.all).not.toContain(pg.password);
    expect(await count(pg, name, "users")).toBe(200);
  });

  it("the connection cut right after the swap's lock: unlocked, as before, changed false; a rerun restores", async () => {
    const { name, dump, url } = await incident();
    // Cut as soon as the lock is sent: the swap's connection is gone before its renames.
    proxy.arm({ pattern: "ALLOW_CONNECTIONS false", fault: "cut", refuseMs: 2000, cutAfterMs: 0 });
    const result = await run({ "database-url": url, backup: dump, confirm: name });
    expect(proxy.fired).toBe(true);
    expect(result.code).toBe(1);
    expect(result.outputs.changed).toBe("false");
    expect(result.stdout).toContain(`${name} is as before`);
    expect(await count(pg, name, "users")).toBe(10);
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const again = await run({ "database-url": url, backup: dump, confirm: name });
    expect(again.outputs.status).toBe("restored");
    expect(again.outputs.changed).toBe("true");
    expect(await count(pg, name, "users")).toBe(200);
  });

  it("SIGTERM to the bundle during the in-place restore: rolled back, said so, changed false", async () => {
    const { name, dump, url } = await incident();
    const runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-pg-"));
    proxy.arm({
      pattern: "CREATE TABLE",
      fault: () => {
        const pid = bundlePid(runnerTemp);
        if (pid) process.kill(pid, "SIGTERM");
      },
    });
    const result = await run(
      { "database-url": url, backup: dump, confirm: name, mode: "in-place" },
      runnerTemp,
    );
    expect(proxy.fired).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Received SIGTERM/);
    expect(result.outputs.changed).toBe("false");
    expect(result.stdout).toContain(`${name} is as before`);
    expect(await count(pg, name, "users")).toBe(10);
  });

  it("SIGTERM to the bundle while the safety dump and the restore run at once: as before, nothing left", async () => {
    const { name, dump, url } = await incident();
    const runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-pg-"));
    // The safety dump held in its COPY while the restore into the scratch database creates its tables.
    proxy.arm(
      { pattern: "TO stdout", fault: "delay", delayMs: 3000 },
      {
        pattern: "CREATE TABLE",
        waitFor: "TO stdout",
        fault: () => {
          const pid = bundlePid(runnerTemp);
          if (pid) process.kill(pid, "SIGTERM");
        },
      },
    );
    const result = await run({ "database-url": url, backup: dump, confirm: name }, runnerTemp);
    expect(proxy.fired).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Received SIGTERM/);
    expect(result.outputs.changed).toBe("false");
    expect(result.stdout).toContain(`${name} is as before`);
    expect(await count(pg, name, "users")).toBe(10);
    expect((await databases(pg)).filter((db) => db.startsWith(`${name}_`))).toEqual([]);
    expect(readdirSync(runnerTemp).filter((file) => file.endsWith(".dump"))).toEqual([]);
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const again = await run({ "database-url": url, backup: dump, confirm: name });
    expect(again.outputs.status).toBe("restored");
    expect(await count(pg, name, "users")).toBe(200);
  });

  it("safety-backup-key: only an encrypted 0600 copy is left, the key never shown", async () => {
    const { name, dump, url } = await incident();
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-pg-"));
    const keep = mkdtempSync(join(tmpdir(), "dbrestore-keep-"));
    const key = "bundle-key-9c1d-secret";
    const result = await run(
      {
        "database-url": url,
        backup: dump,
        confirm: name,
        "safety-backup-dir": keep,
        "safety-backup-key": key,
      },
      runnerTemp,
    );
    expect(result.outputs.status).toBe("restored");
    const sealed = result.outputs["safety-backup"] as string;
    expect(sealed.startsWith(keep)).toBe(true);
    expect(sealed).toMatch(/\.dump\.enc$/);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readdirSync(runnerTemp).filter((file) => file.endsWith(".dump"))).toEqual([]);
    expect(result.all).not.toContain(key);
  });
});
