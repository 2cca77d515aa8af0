import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESTORED_FROM } from "../src/platforms/s3/plan.ts";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { ALL_USERS, PRIVATE } from "../src/sim/s3-settings.ts";
import { runBundle } from "./helpers/bundle.ts";
import { afterT, beforeT, seedScenario, T } from "./helpers/s3.ts";

let sim: S3Simulator;
let endpoint: string;
beforeAll(async () => {
  sim = new S3Simulator();
  endpoint = await sim.start();
  seedScenario(sim);
});
afterAll(() => sim.stop());

describe("dist/storage-restore run as the runner runs it", () => {
  it("dry run writes the report, the restore, then already-current; the keys never shown", async () => {
    const inputs = {
      bucket: "assets",
      prefix: "site/",
      "point-in-time": new Date(T).toISOString(),
      endpoint,
      "access-key-id": SIM_S3_ACCESS_KEY,
      "secret-access-key": SIM_S3_SECRET_KEY,
    };
    const planned = await runBundle("storage-restore", { ...inputs, "dry-run": "true" });
    expect(planned.code).toBe(0);
    expect(planned.outputs.status).toBe("planned");
    const report = JSON.parse(readFileSync(planned.outputs.report as string, "utf8"));
    expect(report.counts).toEqual({ restore: 3, delete: 2, unchanged: 1, "kept-newer": 0 });

    const restored = await runBundle("storage-restore", { ...inputs, confirm: "assets" });
    expect(restored.code).toBe(0);
    expect(restored.outputs).toMatchObject({
      status: "restored",
      restored: "3",
      deleted: "2",
      changed: "true",
    });
    expect(sim.history("assets", "site/app.js")[0]?.body.toString()).toBe("good app");

    const again = await runBundle("storage-restore", { ...inputs, confirm: "assets" });
    expect(again.code).toBe(0);
    expect(again.outputs).toMatchObject({ status: "already-current", changed: "false" });
    for (const run of [planned, restored, again]) expect(run.all).not.toContain(SIM_S3_SECRET_KEY);
  });
});

describe("dist/storage-restore when a write is refused part-way", () => {
  it("stops, reports what the bucket holds, keeps ACL and SSE-KMS, and a rerun finishes", async () => {
    const s3 = new S3Simulator();
    const url = await s3.start();
    try {
      s3.createBucket("media");
      const acl = [
        ...PRIVATE,
        { grantee: { type: "Group" as const, uri: ALL_USERS }, permission: "READ" as const },
      ];
      const sse = { algorithm: "aws:kms" as const, kmsKeyId: "arn:aws:kms:eu-west-1:1:key/m" };
      for (let i = 0; i < 30; i++) {
        s3.put("media", `img/${i}`, `good ${i}`, { at: beforeT(30), acl, sse, tags: { kind: "img" } });
        s3.put("media", `img/${i}`, `bad ${i}`, { at: afterT(5) });
      }
      let copies = 0;
      const isCopy = (r: { method: string; headers: Record<string, unknown> }) =>
        r.method === "PUT" && Boolean(r.headers["x-amz-copy-source"]);
      s3.server.inject({
        match: { when: (r) => isCopy(r) && ++copies === 6 },
        kind: "status",
        status: 403,
        body: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
      });
      const inputs = {
        bucket: "media",
        "point-in-time": new Date(T).toISOString(),
        endpoint: url,
        "access-key-id": SIM_S3_ACCESS_KEY,
        "secret-access-key": SIM_S3_SECRET_KEY,
        confirm: "media",
      };
      const failed = await runBundle("storage-restore", inputs);
      const restoredNow = Array.from({ length: 30 }, (_, i) => s3.history("media", `img/${i}`)[0]).filter(
        (v) => v?.metadata[RESTORED_FROM],
      );
      expect(failed.code).not.toBe(0);
      expect(failed.outputs).toMatchObject({
        status: "failed",
        changed: "true",
        restored: String(restoredNow.length),
      });
      expect(failed.all).toContain(`Read back: ${restoredNow.length} of 30 keys hold the restored version`);
      const report = JSON.parse(readFileSync(failed.outputs.report as string, "utf8"));
      expect(report.keys.filter((k: { written?: string }) => k.written)).toHaveLength(restoredNow.length);
      for (const v of restoredNow) expect(v).toMatchObject({ acl, sse, tags: { kind: "img" } });

      const rerun = await runBundle("storage-restore", inputs);
      expect(rerun.outputs).toMatchObject({
        status: "restored",
        restored: String(30 - restoredNow.length),
        changed: "true",
      });
      for (let i = 0; i < 30; i++) expect(s3.history("media", `img/${i}`)[0]).toMatchObject({ acl, sse });
    } finally {
      await s3.stop();
    }
  });
});
