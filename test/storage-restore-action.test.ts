import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import storageRestore from "../src/actions/storage-restore/index.ts";
import { parsePointInTime } from "../src/actions/storage-restore/inputs.ts";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { runInProcess } from "./helpers/run.ts";
import { seedScenario, T } from "./helpers/s3.ts";

let sim: S3Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start() {
  sim = new S3Simulator();
  const url = await sim.start();
  seedScenario(sim);
  const temp = mkdtempSync(join(tmpdir(), "storage-restore-"));
  const inputs = {
    bucket: "assets",
    prefix: "site/",
    "point-in-time": new Date(T).toISOString(),
    endpoint: url,
    "access-key-id": SIM_S3_ACCESS_KEY,
    "secret-access-key": SIM_S3_SECRET_KEY,
  };
  const run = (extra: Record<string, string>) =>
    runInProcess(storageRestore, { ...inputs, ...extra }, { env: { RUNNER_TEMP: temp } });
  return { sim, run };
}

const current = (s: S3Simulator, key: string) => s.history("assets", key)[0];
const mutations = (s: S3Simulator) =>
  s.server.requests.filter((r) => r.method === "PUT" || r.method === "DELETE" || r.method === "POST");

describe("storage-restore", () => {
  it("reads a point in time as an ISO time with a zone or a duration ago", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(parsePointInTime("2h", now)).toBe(now - 7_200_000);
    expect(parsePointInTime("2026-03-01T13:00:00+02:00", now)).toBe(Date.parse("2026-03-01T11:00:00Z"));
    expect(() => parsePointInTime("2026-03-01T11:00:00", now)).toThrow(/with a zone/);
    expect(() => parsePointInTime("2026-03-02T00:00:00Z", now)).toThrow(/in the future/);
  });

  it("refuses without confirm, or with another bucket's name, before any request", async () => {
    const { sim, run } = await start();
    const missing = await run({});
    expect(missing.failed).toMatch(
      /Input "confirm" is required: type the name of the bucket that will be restored, "assets"/,
    );
    const wrong = await run({ confirm: "asset", "dry-run": "true" });
    expect(wrong.failed).toMatch(/Input "confirm" is "asset", but the bucket to restore is "assets"/);
    expect(sim.server.requests).toHaveLength(0);
  });

  it("dry run writes the report and changes nothing; the restore; then already-current", async () => {
    const { sim, run } = await start();
    const planned = await run({ "dry-run": "true" });
    expect(planned.failed).toBeUndefined();
    expect(planned.outputs.status).toBe("planned");
    expect(mutations(sim)).toHaveLength(0);
    const report = JSON.parse(readFileSync(planned.outputs.report as string, "utf8"));
    expect(report).toMatchObject({ bucket: "assets", prefix: "site/", dryRun: true, applied: false });
    const app = report.keys.find((k: { key: string }) => k.key === "site/app.js");
    expect(app).toEqual({
      key: "site/app.js",
      action: "restore",
      version: sim.history("assets", "site/app.js")[1]?.versionId,
      replaced: sim.history("assets", "site/app.js")[0]?.versionId,
    });
    expect(planned.summary).toContain("| Restore an earlier version | 3 |");

    const restored = await run({ confirm: "assets" });
    expect(restored.failed).toBeUndefined();
    expect(restored.outputs).toMatchObject({ status: "restored", restored: "3", deleted: "2", "changed-meanwhile": "0", changed: "true" });
    expect(current(sim, "site/app.js")?.body.toString()).toBe("good app");
    expect(current(sim, "site/new.js")?.deleteMarker).toBe(true);
    const after = JSON.parse(readFileSync(restored.outputs.report as string, "utf8"));
    expect(after.applied).toBe(true);
    expect(after.keys.find((k: { key: string }) => k.key === "site/app.js").written).toBe(
      current(sim, "site/app.js")?.versionId,
    );

    const writes = mutations(sim).length;
    const again = await run({ confirm: "assets" });
    expect(again.outputs.status).toBe("already-current");
    expect(again.logs.join("\n")).toMatch(/Every key under s3:\/\/assets\/site\/ is as it was/);
    expect(mutations(sim)).toHaveLength(writes);
  });

  it("keeps keys created later with delete-newer: false", async () => {
    const { sim, run } = await start();
    const tk = await run({ confirm: "assets", "delete-newer": "false" });
    expect(tk.outputs).toMatchObject({ status: "restored", restored: "3", deleted: "1" });
    expect(current(sim, "site/new.js")?.body.toString()).toBe("bad new");
  });

  it("refuses a bucket without versioning, and one with versioning suspended", async () => {
    const { sim, run } = await start();
    sim.createBucket("plain", "none");
    sim.createBucket("paused", "Suspended");
    const plain = await run({ bucket: "plain", confirm: "plain" });
    expect(plain.outputs.status).toBe("failed");
    expect(plain.failed).toMatch(
      /Bucket "plain" has no versioning[\s\S]*R2 and Supabase Storage[\s\S]*Nothing was changed/,
    );
    const paused = await run({ bucket: "paused", confirm: "paused" });
    expect(paused.failed).toMatch(/versioning suspended/);
  });

  it("says which writer changed a key during the restore", async () => {
    const { sim, run } = await start();
    sim.before("CopyObject", (key) => sim.put("assets", key, "racer"));
    const tk = await run({ confirm: "assets" });
    expect(tk.outputs).toMatchObject({ status: "restored", "changed-meanwhile": "1", changed: "true" });
    expect(tk.logs.join("\n")).toMatch(/warning: site\/\S+ changed by another writer during the restore/);
    expect(tk.summary).toContain("Changed by another writer during the restore");
  });

  it("names the problem and the fix for wrong credentials, never the secret", async () => {
    const { run } = await start();
    const tk = await run({
      confirm: "assets",
      "access-key-id": "AKIAWRONGWRONG",
      "secret-access-key": "very-secret-key-123",
    });
    expect(tk.failed).toMatch(/InvalidAccessKeyId[\s\S]*What to do: the access key id is not known/);
    expect(tk.failed + tk.summary + tk.logs.join("")).not.toContain("very-secret-key-123");
  });
});
