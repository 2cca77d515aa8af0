import { afterEach, describe, expect, it } from "vitest";
import type { S3Clients } from "../src/platforms/s3/client.ts";
import { versioningStatus } from "../src/platforms/s3/client.ts";
import { planRestore, RESTORED_FROM } from "../src/platforms/s3/plan.ts";
import { applyRestore } from "../src/platforms/s3/restore.ts";
import type { S3Simulator } from "../src/sim/s3.ts";
import { afterT, beforeT, seedScenario, startS3, T } from "./helpers/s3.ts";

const quiet = () => {};
let running: { sim: S3Simulator; clients: S3Clients } | undefined;
afterEach(async () => {
  running?.clients.close();
  await running?.sim.stop();
  running = undefined;
});

async function s3(options: Parameters<typeof startS3>[0] = {}) {
  running = await startS3(options);
  return running;
}

const plan = (clients: S3Clients, deleteNewer = true, prefix = "site/") =>
  planRestore(clients, { bucket: "assets", prefix, at: T, deleteNewer, log: quiet });

const body = (sim: S3Simulator, key: string) => {
  const current = sim.history("assets", key)[0];
  return current?.deleteMarker ? undefined : current?.body.toString();
};

describe("storage-restore against the S3 simulator through the AWS SDK", () => {
  it("tells a versioned bucket from one without versioning", async () => {
    const { sim, clients } = await s3();
    sim.createBucket("assets");
    sim.createBucket("plain", "none");
    sim.createBucket("paused", "Suspended");
    expect(await versioningStatus(clients, "assets")).toBe("Enabled");
    expect(await versioningStatus(clients, "plain")).toBeUndefined();
    expect(await versioningStatus(clients, "paused")).toBe("Suspended");
    await expect(versioningStatus(clients, "nope")).rejects.toThrow(/NoSuchBucket/);
  });

  it("plans each key from its history at the time", async () => {
    const { sim, clients } = await s3();
    seedScenario(sim);
    const result = await plan(clients);
    const actions = Object.fromEntries(result.keys.map((k) => [k.key, k.action]));
    expect(actions).toEqual({
      "site/app.js": "restore",
      "site/back.txt": "delete",
      "site/gone.css": "restore",
      "site/new.js": "delete",
      "site/same.html": "unchanged",
      "site/ä b+c.txt": "restore",
    });
    const kept = await plan(clients, false);
    expect(kept.keys.find((k) => k.key === "site/new.js")?.action).toBe("kept-newer");
    // back.txt did not exist at T (deleted before it): it goes whatever delete-newer says.
    expect(kept.keys.find((k) => k.key === "site/back.txt")?.action).toBe("delete");
  });

  it("restores, deletes with markers, keeps what it replaced, and a second run finds nothing to do", async () => {
    const { sim, clients } = await s3();
    seedScenario(sim);
    const results = await applyRestore(clients, await plan(clients), { log: quiet });
    expect(results.filter((r) => r.changed)).toEqual([]);
    expect(body(sim, "site/app.js")).toBe("good app");
    expect(body(sim, "site/gone.css")).toBe("good css");
    expect(body(sim, "site/ä b+c.txt")).toBe("good odd");
    expect(body(sim, "site/new.js")).toBeUndefined();
    expect(body(sim, "site/back.txt")).toBeUndefined();
    expect(body(sim, "other/x.txt")).toBe("other");
    // Headers and metadata of the restored version come back with it.
    const app = sim.history("assets", "site/app.js");
    expect(app[0]).toMatchObject({ contentType: "text/javascript", metadata: { build: "41" } });
    // Nothing is lost: the bad versions are still in the history, under the restored ones.
    expect(app.map((v) => v.body.toString())).toEqual(["good app", "bad app", "good app"]);
    expect(sim.history("assets", "site/new.js")[1]?.body.toString()).toBe("bad new");
    const again = await plan(clients);
    expect(again.counts).toEqual({ restore: 0, delete: 0, unchanged: 6, "kept-newer": 0 });
  });

  it("follows KeyMarker + VersionIdMarker through small pages: split histories and pages of only delete markers", async () => {
    const { sim, clients } = await s3({ pageSize: 2 });
    sim.createBucket("assets");
    // Seven entries for one key: it spans four pages.
    for (let i = 0; i < 4; i++) sim.put("assets", "site/a", `a${i}`, { at: beforeT(50 - i) });
    for (let i = 0; i < 3; i++) sim.put("assets", "site/a", `bad${i}`, { at: afterT(i + 1) });
    // A key with only delete markers since T: whole pages hold nothing else.
    sim.put("assets", "site/b", "b", { at: beforeT(40) });
    for (let i = 0; i < 4; i++) sim.remove("assets", "site/b", afterT(i + 1));
    sim.put("assets", "site/c", "c", { at: afterT(1) });
    const result = await plan(clients);
    expect(result.listing.pages).toBeGreaterThanOrEqual(7);
    expect(result.keys.map((k) => [k.key, k.action, k.target?.versionId])).toEqual([
      ["site/a", "restore", sim.history("assets", "site/a")[3]?.versionId],
      ["site/b", "restore", sim.history("assets", "site/b")[4]?.versionId],
      ["site/c", "delete", undefined],
    ]);
    await applyRestore(clients, result, { log: quiet });
    expect([body(sim, "site/a"), body(sim, "site/b"), body(sim, "site/c")]).toEqual(["a3", "b", undefined]);
  });

  it("reports an object another writer changed during the restore and leaves it", async () => {
    const { sim, clients } = await s3();
    seedScenario(sim);
    const planned = await plan(clients);
    sim.before("CopyObject", (key) => sim.put("assets", key, "racer"));
    const results = await applyRestore(clients, planned, { log: quiet });
    const changed = results.filter((r) => r.changed);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.changed).toMatch(/written during the restore/);
    // The racer's version is kept in the history under the restored one.
    expect(sim.history("assets", changed[0]?.plan.key ?? "")[1]?.body.toString()).toBe("racer");
  });

  it("copies a version above the CopyObject limit part by part, and knows its copy on the next run", async () => {
    const { sim, clients } = await s3({ copyLimit: 10 * 1024 ** 2 });
    sim.createBucket("assets");
    const big = Buffer.alloc(12 * 1024 ** 2, 7);
    big.write("good", 0);
    sim.put("assets", "site/big.bin", big, {
      at: beforeT(10),
      contentType: "application/x-big",
      metadata: { k: "v" },
    });
    sim.put("assets", "site/big.bin", Buffer.alloc(12 * 1024 ** 2, 1), { at: afterT(10) });
    const planned = await plan(clients);
    const options = { log: quiet, copyLimit: 10 * 1024 ** 2, partSize: 5 * 1024 ** 2 };
    const [result] = await applyRestore(clients, planned, options);
    expect(result?.changed).toBeUndefined();
    const current = sim.history("assets", "site/big.bin")[0];
    expect(current?.body.equals(big)).toBe(true);
    expect(current?.etag).toMatch(/-3"$/);
    expect(current).toMatchObject({
      contentType: "application/x-big",
      metadata: { k: "v", [RESTORED_FROM]: planned.keys[0]?.target?.versionId },
    });
    // The multipart copy's ETag differs from the source's; the restored-from mark tells them apart.
    expect((await plan(clients)).counts.unchanged).toBe(1);
  });

  it("does not copy twice when the answer to a copy is lost", async () => {
    const { sim, clients } = await s3();
    seedScenario(sim);
    sim.server.inject({ kind: "drop-after-handle", match: { method: "PUT" } });
    const results = await applyRestore(clients, await plan(clients), { log: quiet });
    expect(results.filter((r) => r.changed)).toEqual([]);
    const copies = sim.server.requests.filter((r) => r.method === "PUT" && r.headers["x-amz-copy-source"]);
    expect(copies).toHaveLength(3);
    for (const key of ["site/app.js", "site/gone.css", "site/ä b+c.txt"]) {
      expect(sim.history("assets", key)).toHaveLength(key === "site/app.js" ? 3 : 3);
    }
  });
});
