import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import storageRestore from "../src/actions/storage-restore/index.ts";
import { CancelledError } from "../src/core/action.ts";
import { RESTORED_FROM } from "../src/platforms/s3/plan.ts";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import type { Fault, SimRequest } from "../src/sim/server.ts";
import { runInProcess } from "./helpers/run.ts";
import { afterT, beforeT, T } from "./helpers/s3.ts";

const KEYS = 40;
// Keys are written in S3's order (k0, k1, k10 … k19, k2 …): k12 and k13 come early, with most keys still to go.
const key = (i: number) => `site/k${i}`;

let sim: S3Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start() {
  sim = new S3Simulator();
  const url = await sim.start();
  sim.createBucket("assets");
  for (let i = 0; i < KEYS; i++) {
    sim.put("assets", key(i), `good ${i}`, { at: beforeT(30) });
    sim.put("assets", key(i), `bad ${i}`, { at: afterT(5) });
  }
  const temp = mkdtempSync(join(tmpdir(), "storage-faults-"));
  const inputs = {
    bucket: "assets",
    prefix: "site/",
    "point-in-time": new Date(T).toISOString(),
    endpoint: url,
    "access-key-id": SIM_S3_ACCESS_KEY,
    "secret-access-key": SIM_S3_SECRET_KEY,
    confirm: "assets",
  };
  return { sim, inputs, temp };
}

const isCopy = (r: SimRequest) => r.method === "PUT" && Boolean(r.headers["x-amz-copy-source"]);
const copyOf = (k: string) => (r: SimRequest) => isCopy(r) && decodeURIComponent(r.path) === `/assets/${k}`;
/** A listing once the writes began: the plan's own listing reads unhindered. */
const listing = (r: SimRequest) =>
  r.method === "GET" && r.query.has("versions") && Boolean(sim?.server.requests.some(isCopy));
const nthCopy = (n: number) => {
  let seen = 0;
  return (r: SimRequest) => isCopy(r) && ++seen === n;
};

/** What the bucket holds, key by key: restored (this run's copy is the newest), as before, or neither. */
function state(s: S3Simulator) {
  const restored: string[] = [];
  const before: string[] = [];
  const other: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const history = s.history("assets", key(i));
    const marks = history.filter((v) => v.metadata[RESTORED_FROM]).length;
    expect(marks, `${key(i)} written at most once`).toBeLessThanOrEqual(1);
    const body = history[0]?.body.toString();
    if (body === `good ${i}` && marks === 1) restored.push(key(i));
    else if (body === `bad ${i}` && marks === 0) before.push(key(i));
    else other.push(key(i));
  }
  return { restored, before, other };
}

interface Case {
  name: string;
  faults: (cancel: () => void) => Fault[];
  changed: "true" | "false" | "unknown";
  message: RegExp;
  cancelled?: boolean;
}

const cases: Case[] = [
  {
    name: "S3 refuses the 5th CopyObject (403 AccessDenied)",
    faults: () => [{ match: { when: nthCopy(5) }, kind: "status", status: 403, body: accessDenied() }],
    changed: "true",
    message:
      /AccessDenied[\s\S]*What to do: the credentials lack a permission[\s\S]*Read back: \d+ of 40 keys hold the restored version/,
  },
  {
    name: "every CopyObject refused: nothing written",
    faults: () => [
      { match: { when: isCopy }, times: 100, kind: "status", status: 403, body: accessDenied() },
    ],
    changed: "false",
    message: /Read back: none of the 40 keys was written: the bucket is as before/,
  },
  {
    name: "the connection drops before k12's copy is handled, and again on its retry",
    faults: () => [{ match: { when: copyOf(key(12)) }, times: 2, kind: "drop" }],
    changed: "true",
    message: /CopyObject of "site\/k12" failed[\s\S]*Read back: \d+ of 40 keys/,
  },
  {
    name: "k12's copy is applied but its answer lost, and the reads that would settle it fail",
    faults: () => [
      { match: { when: copyOf(key(12)) }, kind: "drop-after-handle" },
      { match: { when: listing }, times: 4, kind: "status", status: 500, body: "" },
    ],
    changed: "true",
    message: /ListObjectVersions[\s\S]*Read back: (all 40 keys|\d+ of 40 keys) hold the restored version/,
  },
  {
    name: "SIGTERM while k13 is being copied",
    // A fault that never plays: its condition is the moment the signal comes.
    faults: (cancel) => [
      {
        match: {
          when: (r) => {
            if (copyOf(key(13))(r)) cancel();
            return false;
          },
        },
        kind: "status",
        status: 500,
      },
    ],
    cancelled: true,
    changed: "true",
    message: /^Cancelled: stopped \(the run was cancelled\)[\s\S]*Read back: \d+ of 40 keys/,
  },
  {
    name: "the 5th copy refused and the bucket unreadable afterwards: no read-back",
    faults: () => [
      { match: { when: nthCopy(5) }, kind: "status", status: 403, body: accessDenied() },
      { match: { when: listing }, times: 1000, kind: "status", status: 403, body: accessDenied() },
    ],
    changed: "true",
    message:
      /could not be read back: S3 answered \d+ of 40 writes\. See what each key holds with: aws s3api list-object-versions --bucket assets --prefix 'site\/'/,
  },
];

function accessDenied(): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
}

describe("storage-restore under faults (S3 simulator)", () => {
  it.each(cases)("$name", async (c) => {
    const { sim, inputs, temp } = await start();
    const controller = new AbortController();
    const cancel = () => controller.abort(new CancelledError("SIGTERM"));
    for (const fault of c.faults(cancel)) sim.inject(fault);
    const env = { env: { RUNNER_TEMP: temp }, signal: controller.signal };
    const tk = await runInProcess(storageRestore, inputs, env);
    sim.server.clearFaults();

    const now = state(sim);
    expect(now.other).toEqual([]);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(c.message);
    expect(tk.outputs.changed).toBe(c.changed);
    if (c.changed !== "unknown") {
      expect(Number(tk.outputs.restored)).toBe(now.restored.length);
      const said =
        now.restored.length === 0
          ? "none of the 40"
          : now.restored.length === KEYS
            ? "all 40"
            : `${now.restored.length} of 40`;
      expect(tk.failed).toContain(said);
    }
    const report = JSON.parse(readFileSync(tk.outputs.report ?? "", "utf8"));
    const inReport = report.keys
      .filter((k: { written?: string }) => k.written)
      .map((k: { key: string }) => k.key);
    expect(report.complete).toBe(false);
    if (report.readBack) expect(inReport.sort()).toEqual([...now.restored].sort());
    else expect(now.restored).toEqual(expect.arrayContaining(inReport));

    // A rerun restores the rest (when the other workers had not already), then a third finds nothing to do.
    const rerun = await runInProcess(storageRestore, inputs, { env: { RUNNER_TEMP: temp } });
    expect(rerun.failed).toBeUndefined();
    expect(rerun.outputs).toMatchObject(
      now.before.length
        ? { status: "restored", restored: String(now.before.length), changed: "true" }
        : { status: "already-current", changed: "false" },
    );
    expect(state(sim).restored).toHaveLength(KEYS);
    const third = await runInProcess(storageRestore, inputs, { env: { RUNNER_TEMP: temp } });
    expect(third.outputs).toMatchObject({ status: "already-current", changed: "false" });
  });
});
