import { call, type S3Clients, StorageError } from "./client.ts";
import { copyLarge } from "./multipart.ts";
import { type KeyPlan, RESTORED_FROM, type RestorePlan } from "./plan.ts";
import { type Entry, histories, keyHistory } from "./versions.ts";

/** CopyObject copies at most 5 GB (5 GiB) in one request; larger sources go through UploadPartCopy. */
export const COPY_OBJECT_LIMIT = 5 * 1024 ** 3;
const CONCURRENCY = 8;

export interface KeyResult {
  plan: KeyPlan;
  /** The version (or delete marker) this run wrote. */
  written?: string;
  /** Set when another writer touched the key around this run's write: what was seen. */
  changed?: string;
}

/** A write failed part-way: the keys written until then, so the report can say what changed. */
export class RestoreInterrupted extends Error {
  override name = "RestoreInterrupted";
  override readonly cause: unknown;
  readonly written: KeyResult[];
  constructor(cause: unknown, written: KeyResult[], total: number) {
    super(
      `${cause instanceof Error ? cause.message : String(cause)} (after ${written.length} of ${total} keys were written)`,
    );
    this.cause = cause;
    this.written = written;
  }
}

export interface RestoreOptions {
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Above this size a copy is multipart (tests lower it). */
  copyLimit?: number;
  partSize?: number;
}

/**
 * Applies the plan's restores and deletes, a few keys at a time, then checks each written key: the
 * newest entry must be this run's write and the one under it the version the plan saw as current.
 * Anything else means another writer changed the key during the restore; it is reported, never
 * overwritten again (what it wrote stays in the key's history either way).
 */
export async function applyRestore(
  clients: S3Clients,
  plan: RestorePlan,
  options: RestoreOptions,
): Promise<KeyResult[]> {
  const work = plan.keys.filter((k) => k.action === "restore" || k.action === "delete");
  const results: KeyResult[] = work.map((p) => ({ plan: p }));
  let next = 0;
  let done = 0;
  let lastLog = Date.now();
  const worker = async () => {
    while (next < results.length) {
      if (options.signal?.aborted)
        throw new Error(`stopped (the run was cancelled) after ${done} of ${results.length} keys`);
      const result = results[next++] as KeyResult;
      result.written = await writeKey(clients, plan.bucket, result.plan, options);
      done++;
      if (Date.now() - lastLog >= 5000) {
        lastLog = Date.now();
        options.log(`${done} of ${results.length} keys written.`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, results.length) }, worker));
  } catch (error) {
    throw new RestoreInterrupted(
      error,
      results.filter((r) => r.written),
      results.length,
    );
  }
  await verify(clients, plan, results);
  return results;
}

async function writeKey(
  clients: S3Clients,
  bucket: string,
  plan: KeyPlan,
  options: RestoreOptions,
): Promise<string> {
  try {
    return await (plan.action === "delete"
      ? deleteKey(clients, bucket, plan.key)
      : copyVersion(clients, bucket, plan, options));
  } catch (error) {
    if (!(error instanceof StorageError) || !error.ambiguous) throw error;
    // No clear answer: read the key, and write once more only if the first try left no trace.
    const latest = (await keyHistory(clients, bucket, plan.key, 1))[0];
    if (
      latest &&
      latest.versionId !== plan.current.versionId &&
      (await isOurs(clients, bucket, plan, latest))
    ) {
      return latest.versionId;
    }
    options.log(`${error.message}; the key is unchanged, so it is written once more.`);
    return plan.action === "delete"
      ? deleteKey(clients, bucket, plan.key)
      : copyVersion(clients, bucket, plan, options);
  }
}

async function isOurs(clients: S3Clients, bucket: string, plan: KeyPlan, latest: Entry): Promise<boolean> {
  if (plan.action === "delete") return latest.deleteMarker;
  if (latest.deleteMarker) return false;
  const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
  const head = await call(
    "HeadObject",
    () =>
      clients.read.send(
        new HeadObjectCommand({ Bucket: bucket, Key: plan.key, VersionId: latest.versionId }),
      ),
    plan.key,
  );
  return head.Metadata?.[RESTORED_FROM] === plan.target?.versionId;
}

async function deleteKey(clients: S3Clients, bucket: string, key: string): Promise<string> {
  const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
  // No VersionId: on a versioned bucket this adds a delete marker; every version stays recoverable.
  const answer = await call(
    "DeleteObject",
    () => clients.write.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
    key,
  );
  if (!answer.VersionId)
    throw new StorageError(
      "DeleteObject",
      new Error("S3 answered without the delete marker's version id"),
      key,
    );
  return answer.VersionId;
}

/** `bucket/key?versionId=…` with the key URL-encoded, as CopyObject's x-amz-copy-source requires. */
export function copySource(bucket: string, key: string, versionId: string): string {
  const path = key.split("/").map(encodeURIComponent).join("/");
  return `${encodeURIComponent(bucket)}/${path}?versionId=${encodeURIComponent(versionId)}`;
}

async function copyVersion(
  clients: S3Clients,
  bucket: string,
  plan: KeyPlan,
  options: RestoreOptions,
): Promise<string> {
  const { CopyObjectCommand, HeadObjectCommand } = await import("@aws-sdk/client-s3");
  const target = plan.target as Entry;
  // REPLACE, to add the restored-from mark; so every header the version had is read and sent again.
  const head = await call(
    "HeadObject",
    () =>
      clients.read.send(
        new HeadObjectCommand({ Bucket: bucket, Key: plan.key, VersionId: target.versionId }),
      ),
    plan.key,
  );
  const headers = {
    ContentType: head.ContentType,
    CacheControl: head.CacheControl,
    ContentDisposition: head.ContentDisposition,
    ContentEncoding: head.ContentEncoding,
    ContentLanguage: head.ContentLanguage,
    Expires: head.Expires,
    WebsiteRedirectLocation: head.WebsiteRedirectLocation,
    Metadata: { ...head.Metadata, [RESTORED_FROM]: target.versionId },
    StorageClass: target.storageClass as never,
  };
  const source = copySource(bucket, plan.key, target.versionId);
  if (target.size > (options.copyLimit ?? COPY_OBJECT_LIMIT)) {
    return copyLarge(clients, {
      bucket,
      key: plan.key,
      source,
      size: target.size,
      headers,
      partSize: options.partSize,
    });
  }
  const answer = await call(
    "CopyObject",
    () =>
      clients.write.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: plan.key,
          CopySource: source,
          MetadataDirective: "REPLACE",
          ...headers,
        }),
      ),
    plan.key,
  );
  if (!answer.VersionId)
    throw new StorageError("CopyObject", new Error("S3 answered without the new version's id"), plan.key);
  return answer.VersionId;
}

/** Checks each written key, reading the prefix again when that takes fewer requests than one per key. */
async function verify(clients: S3Clients, plan: RestorePlan, results: KeyResult[]): Promise<void> {
  const check = (result: KeyResult, history: Entry[]) => {
    const at = history.findIndex((e) => e.versionId === result.written);
    const below = history[at + 1];
    if (at < 0)
      result.changed = "this run's write is no longer among its newest versions: it was written again since";
    else if (at > 0)
      result.changed = `written again after the restore (now version ${history[0]?.versionId})`;
    else if (below?.versionId !== result.plan.current.versionId) {
      result.changed = `written during the restore (version ${below?.versionId} came after the plan read ${result.plan.current.versionId}; it is kept in the history)`;
    }
  };
  if (results.length > plan.listing.pages) {
    const byKey = new Map(results.map((r) => [r.plan.key, r]));
    for await (const history of histories(clients, plan.bucket, plan.prefix)) {
      const key = history[0]?.key ?? "";
      const result = byKey.get(key);
      if (result) check(result, history);
      byKey.delete(key);
    }
    for (const result of byKey.values()) check(result, []);
    return;
  }
  for (const result of results) check(result, await keyHistory(clients, plan.bucket, result.plan.key, 3));
}
