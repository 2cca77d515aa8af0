import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/database-restore/index.ts";
import { CancelledError } from "../src/core/action.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { type PostgresServer, startPostgres } from "../src/sim/postgres-server.ts";
import { type FaultProxy, type FaultRule, startFaultProxy } from "./helpers/fault-proxy.ts";
import { count, damage, databases, dumpOf, seedShop } from "./helpers/pg-seed.ts";
import { runInProcess } from "./helpers/run.ts";

// Every step of both destructive sequences, by what the client sends to the server at that step.
const SWAP: [string, string, number?][] = [
  ["safety backup", "TO stdout"],
  ["create scratch", "CREATE DATABASE"],
  ["restore", "CREATE TABLE"],
  ["verify", "AS verified"],
  ["mark", "COMMENT ON DATABASE"],
  ["lock", "ALLOW_CONNECTIONS false"],
  ["rename", "RENAME TO"],
];
const IN_PLACE: [string, string, number?][] = [
  ["safety backup", "TO stdout"],
  ["wipe", "DO $wipe$"],
  ["restore", "CREATE TABLE"],
  ["marker in the restore's transaction", "COMMENT ON DATABASE", 1],
  ["verify", "AS verified"],
  ["mark", "COMMENT ON DATABASE", 2],
];
const FAULTS = ["error", "cut", "SIGTERM"] as const;
type Fault = (typeof FAULTS)[number];

// Swap: the safety dump (pg_dump's COPY … TO stdout) runs beside the restore into the scratch database
// (create scratch, pg_restore's CREATE TABLE then COPY … FROM stdin, verify, the mark's COMMENT ON
// DATABASE). Each is faulted while the other is held mid-way, and after the other has finished.
const OVERLAP: [string, "safety" | "restore", boolean, (fault: FaultRule["fault"]) => FaultRule[]][] = [
  [
    "the safety dump, the restore held in its COPY",
    "safety",
    false,
    (fault) => [
      { pattern: "FROM stdin", fault: "delay", delayMs: 3000 },
      { pattern: "TO stdout", waitFor: "FROM stdin", fault },
    ],
  ],
  [
    "the safety dump, the restore verified and marked",
    "safety",
    false,
    (fault) => [{ pattern: "TO stdout", waitFor: "COMMENT ON DATABASE", fault }],
  ],
  [
    "the restore, the safety dump held in its COPY",
    "restore",
    false,
    (fault) => [
      { pattern: "TO stdout", fault: "delay", delayMs: 3000 },
      { pattern: "CREATE TABLE", waitFor: "TO stdout", fault },
    ],
  ],
  [
    "the restore, the safety backup taken and read back",
    "restore",
    true,
    (fault) => [{ pattern: "FROM stdin", delayMs: 3000, fault }],
  ],
];
const USERS = 40;

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

let serial = 0;
async function incident(): Promise<{ name: string; dump: string }> {
  const name = `fault${++serial}`;
  await pg.createDatabase(name);
  await seedShop(pg, name, USERS);
  const dump = dumpOf(pg, name);
  await damage(pg, name);
  return { name, dump };
}

async function restore(
  proxy: FaultProxy,
  inputs: Record<string, string>,
  signal?: AbortSignal,
): Promise<RecordingToolkit> {
  const temp = mkdtempSync(join(tmpdir(), "dbrestore-faults-"));
  const url = pg.url(inputs.confirm as string).replace(`:${pg.port}/`, `:${proxy.port}/`);
  return runInProcess(
    action,
    {
      provider: "postgres",
      "database-url": url,
      "verify-sql": "SELECT count(*) AS verified FROM users",
      ...inputs,
    },
    { env: { RUNNER_TEMP: temp }, signal },
  );
}

/** The target as it is: the users it holds (it must accept connections), and nothing of it left locked. */
async function held(name: string): Promise<number> {
  const sql = pg.sql("postgres");
  try {
    const locked =
      await sql`SELECT datname FROM pg_database WHERE NOT datallowconn AND starts_with(datname, ${name})`;
    expect(locked).toEqual([]);
  } finally {
    await sql.end();
  }
  return count(pg, name, "users");
}

/** The message and `changed` agree with what the target holds, read here. */
function expectTruth(tk: RecordingToolkit, name: string, users: number): void {
  expect([10, USERS]).toContain(users);
  if (tk.outputs.status === "restored") {
    expect(tk.outputs.changed).toBe("true");
    expect(users).toBe(USERS);
    return;
  }
  expect(tk.outputs.status).toBe("failed");
  if (users === USERS) {
    expect(tk.outputs.changed).toBe("true");
    expect(tk.failed).toContain(`${name} holds the restored data`);
  } else {
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toMatch(new RegExp(`${name} (is as before|holds the data from before again)`));
  }
  expect(tk.failed).not.toMatch(/not changed|unknown/);
}

function faultOf(fault: Fault, controller: AbortController): FaultRule["fault"] {
  return fault === "SIGTERM" ? () => controller.abort(new CancelledError("SIGTERM")) : fault;
}

async function faultCase(mode: "swap" | "in-place", pattern: string, nth: number | undefined, fault: Fault) {
  const proxy = await startFaultProxy(pg.port);
  try {
    const { name, dump } = await incident();
    const controller = new AbortController();
    const rule: FaultRule = { pattern, nth, fault: faultOf(fault, controller), refuseMs: 1500 };
    proxy.arm(rule);
    const tk = await restore(proxy, { backup: dump, confirm: name, mode }, controller.signal);
    expect(proxy.fired, `the fault met "${pattern}"`).toBe(true);
    expectTruth(tk, name, await held(name));
    // A rerun, with the fault gone, finishes or finds the restore already done.
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const again = await restore(proxy, { backup: dump, confirm: name, mode });
    expect(["restored", "already-current"]).toContain(again.outputs.status);
    expect(again.outputs.changed).toBe(again.outputs.status === "restored" ? "true" : "false");
    expect(await held(name)).toBe(USERS);
  } finally {
    await proxy.close();
  }
}

for (const [mode, steps] of [
  ["swap", SWAP],
  ["in-place", IN_PLACE],
] as const) {
  describe.concurrent(`database-restore ${mode}: a fault at every step`, () => {
    for (const [step, pattern, nth] of steps) {
      for (const fault of FAULTS) {
        it(`${step}: ${fault}`, () => faultCase(mode, pattern, nth, fault), 60_000);
      }
    }
  });
}

/**
 * A fault in one of swap's two branches: the other is stopped, the target stays as before (changed false,
 * said so), no scratch database is left, the safety backup is named only when it was taken whole (a
 * partial one is removed), and a rerun restores.
 */
async function overlapCase(
  failing: "safety" | "restore",
  safetyDone: boolean,
  rules: (fault: FaultRule["fault"]) => FaultRule[],
  fault: Fault,
) {
  const proxy = await startFaultProxy(pg.port);
  try {
    const { name, dump } = await incident();
    const keep = mkdtempSync(join(tmpdir(), "dbrestore-overlap-"));
    const controller = new AbortController();
    // A cut at once: these dumps are small enough to finish within the usual 50 ms.
    proxy.arm(
      ...rules(faultOf(fault, controller)).map((rule) => ({ ...rule, refuseMs: 1500, cutAfterMs: 0 })),
    );
    const tk = await restore(
      proxy,
      { backup: dump, confirm: name, "safety-backup-dir": keep },
      controller.signal,
    );
    expect(proxy.fired, "every rule met its pattern").toBe(true);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toContain(`${name} is as before (read back`);
    expect(await held(name)).toBe(10);
    expect((await databases(pg)).filter((db) => db.startsWith(`${name}_`))).toEqual([]);
    if (fault === "SIGTERM") expect(tk.failed).toMatch(/^The restore was cancelled/);
    else if (fault === "error") {
      expect(tk.failed).toMatch(
        failing === "safety" ? /^The safety backup step failed/ : /^The restore step failed/,
      );
    }
    const files = readdirSync(keep);
    if (safetyDone) {
      expect(files).toHaveLength(1);
      expect(tk.failed).toContain(`Safety backup: ${join(keep, files[0] as string)}.`);
      expect(tk.outputs["safety-backup"]).toBe(join(keep, files[0] as string));
    } else {
      expect(files).toEqual([]);
      expect(tk.failed).not.toContain("Safety backup:");
    }
    proxy.arm({ pattern: "\u0000never", fault: "cut" });
    const again = await restore(proxy, { backup: dump, confirm: name, "safety-backup-dir": keep });
    expect(again.outputs.status).toBe("restored");
    expect(await held(name)).toBe(USERS);
  } finally {
    await proxy.close();
  }
}

describe.concurrent("database-restore swap: a fault in one of the two steps running at once", () => {
  for (const [what, failing, safetyDone, rules] of OVERLAP) {
    for (const fault of FAULTS) {
      it(`${what}: ${fault}`, () => overlapCase(failing, safetyDone, rules, fault), 60_000);
    }
  }
});
