import { CopyObjectCommand } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import type { S3Clients } from "../src/platforms/s3/client.ts";
import { planRestore, RESTORED_FROM } from "../src/platforms/s3/plan.ts";
import { applyRestore } from "../src/platforms/s3/restore.ts";
import { grantHeaders } from "../src/platforms/s3/settings.ts";
import type { S3Simulator } from "../src/sim/s3.ts";
import { ALL_USERS, type Encryption, type Grant, PRIVATE, SIM_OWNER_ID } from "../src/sim/s3-settings.ts";
import { afterT, beforeT, startS3, T } from "./helpers/s3.ts";

const quiet = () => {};
let running: { sim: S3Simulator; clients: S3Clients } | undefined;
afterEach(async () => {
  running?.clients.close();
  await running?.sim.stop();
  running = undefined;
});

const PUBLIC: Grant[] = [...PRIVATE, { grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" }];
const SHARED: Grant[] = [
  ...PRIVATE,
  { grantee: { type: "CanonicalUser", id: "partner-account" }, permission: "READ" },
  { grantee: { type: "CanonicalUser", id: "partner-account" }, permission: "READ_ACP" },
];
const KMS: Encryption = {
  algorithm: "aws:kms",
  kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/assets",
  bucketKey: true,
};

describe("a restored version keeps its ACL, encryption, metadata and tags", () => {
  it.each([
    ["CopyObject", Number.POSITIVE_INFINITY],
    ["a multipart copy", 1024],
  ])("through %s", async (_how, copyLimit) => {
    running = await startS3({ copyLimit: Number.isFinite(copyLimit) ? copyLimit : undefined });
    const { sim, clients } = running;
    sim.createBucket("assets");
    const body = "good logo ".repeat(200);
    const settings = {
      "site/logo.png": { acl: PUBLIC, sse: KMS, tags: { team: "web", tier: "public" } },
      "site/terms.pdf": { acl: SHARED, sse: { algorithm: "AES256" as const }, tags: {} },
      "site/private.json": { acl: PRIVATE, sse: KMS, tags: { secret: "yes" } },
    };
    for (const [key, s] of Object.entries(settings)) {
      sim.put("assets", key, body, {
        at: beforeT(30),
        contentType: "image/png",
        metadata: { build: "41" },
        ...s,
      });
      // The bad deploy wrote a private, unencrypted-by-key, untagged version.
      sim.put("assets", key, "bad", { at: afterT(5), metadata: { build: "42" } });
    }
    const plan = await planRestore(clients, {
      bucket: "assets",
      prefix: "site/",
      at: T,
      deleteNewer: true,
      log: quiet,
    });
    const options = { log: quiet, copyLimit, partSize: 5 * 1024 ** 2 };
    const results = await applyRestore(clients, plan, options);
    expect(results.filter((r) => r.changed)).toEqual([]);
    for (const [key, s] of Object.entries(settings)) {
      const [now, bad, good] = sim.history("assets", key);
      expect(now?.body.toString()).toBe(body);
      expect(now?.acl).toEqual(s.acl);
      expect(now?.sse).toEqual(s.sse);
      expect(now?.tags).toEqual(s.tags);
      expect(now?.metadata).toEqual({ build: "41", [RESTORED_FROM]: good?.versionId });
      expect(now?.contentType).toBe("image/png");
      expect(bad?.acl).toEqual(PRIVATE);
    }
  });

  it("sends no grant headers for a private ACL (a bucket with ACLs disabled refuses them)", () => {
    const owner = { Owner: { ID: SIM_OWNER_ID } };
    const ownerOnly = [
      { Grantee: { Type: "CanonicalUser" as const, ID: SIM_OWNER_ID }, Permission: "FULL_CONTROL" as const },
    ];
    expect(grantHeaders({ ...owner, Grants: ownerOnly })).toEqual({});
    const publicRead = [
      ...ownerOnly,
      { Grantee: { Type: "Group" as const, URI: ALL_USERS }, Permission: "READ" as const },
    ];
    expect(grantHeaders({ ...owner, Grants: publicRead })).toEqual({
      GrantFullControl: `id="${SIM_OWNER_ID}"`,
      GrantRead: `uri="${ALL_USERS}"`,
    });
  });
});

describe("the S3 simulator's CopyObject, as the API Reference documents it", () => {
  it("a copy without ACL or encryption headers is private with the bucket default; tags and metadata are copied", async () => {
    running = await startS3();
    const { sim, clients } = running;
    sim.createBucket("assets");
    const source = sim.put("assets", "a.png", "x", {
      acl: PUBLIC,
      sse: KMS,
      tags: { t: "1" },
      metadata: { m: "1" },
    });
    await clients.write.send(
      new CopyObjectCommand({
        Bucket: "assets",
        Key: "a.png",
        CopySource: `assets/a.png?versionId=${source}`,
      }),
    );
    const [copy] = sim.history("assets", "a.png");
    expect(copy).toMatchObject({
      acl: PRIVATE,
      sse: { algorithm: "AES256" },
      tags: { t: "1" },
      metadata: { m: "1" },
    });
  });
});
