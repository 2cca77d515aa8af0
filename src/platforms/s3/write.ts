import { call, type S3Clients, StorageError } from "./client.ts";
import { copyLarge } from "./multipart.ts";
import { type KeyPlan, RESTORED_FROM } from "./plan.ts";
import { encryptionHeaders, versionAcl, versionTagging } from "./settings.ts";
import { type Entry, keyHistory } from "./versions.ts";

/** CopyObject copies at most 5 GB (5 GiB) in one request; larger sources go through UploadPartCopy. */
export const COPY_OBJECT_LIMIT = 5 * 1024 ** 3;

export interface WriteOptions {
  log: (line: string) => void;
  /** Above this size a copy is multipart (tests lower it). */
  copyLimit?: number;
  partSize?: number;
}

/** A write without a clear answer, and the read that would have told whether it happened failed too. */
export class UnsettledWrite extends Error {
  override name = "UnsettledWrite";
  override readonly cause: unknown;
  constructor(write: StorageError, read: unknown) {
    super(
      `${write.message}; reading the key to see whether it was written failed too: ${read instanceof Error ? read.message : String(read)}`,
    );
    this.cause = read;
  }
}

/** Writes one key as planned; an unclear answer is settled by reading the key before writing again. */
export async function writeKey(
  clients: S3Clients,
  bucket: string,
  plan: KeyPlan,
  options: WriteOptions,
): Promise<string> {
  try {
    return await (plan.action === "delete"
      ? deleteKey(clients, bucket, plan.key)
      : copyVersion(clients, bucket, plan, options));
  } catch (error) {
    if (!(error instanceof StorageError) || !error.ambiguous) throw error;
    // No clear answer: read the key, and write once more only if the first try left no trace.
    let latest: Entry | undefined;
    let ours: boolean;
    try {
      latest = (await keyHistory(clients, bucket, plan.key, 1))[0];
      ours =
        latest !== undefined &&
        latest.versionId !== plan.current.versionId &&
        (await isOurs(clients, bucket, plan, latest));
    } catch (readError) {
      throw new UnsettledWrite(error, readError);
    }
    if (ours && latest) return latest.versionId;
    options.log(`${error.message}; the key is unchanged, so it is written once more.`);
    return plan.action === "delete"
      ? deleteKey(clients, bucket, plan.key)
      : copyVersion(clients, bucket, plan, options);
  }
}

/** Whether `latest` is this run's write of the key: a delete marker for a delete, else the restored-from mark. */
export async function isOurs(
  clients: S3Clients,
  bucket: string,
  plan: KeyPlan,
  latest: Entry,
): Promise<boolean> {
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
  options: WriteOptions,
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
  // The copy does not carry the version's ACL or encryption: both are read and sent again.
  const acl = await versionAcl(clients, bucket, plan.key, target.versionId);
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
    ...encryptionHeaders(head),
    ...acl,
  };
  const source = copySource(bucket, plan.key, target.versionId);
  if (target.size > (options.copyLimit ?? COPY_OBJECT_LIMIT)) {
    // A multipart upload copies no tags: they go with CreateMultipartUpload.
    const Tagging = await versionTagging(clients, bucket, plan.key, target.versionId);
    return copyLarge(clients, {
      bucket,
      key: plan.key,
      source,
      size: target.size,
      headers: { ...headers, ...(Tagging ? { Tagging } : {}) },
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
          // COPY (the default, said outright): the tags of the version copied.
          TaggingDirective: "COPY",
          ...headers,
        }),
      ),
    plan.key,
  );
  if (!answer.VersionId)
    throw new StorageError("CopyObject", new Error("S3 answered without the new version's id"), plan.key);
  return answer.VersionId;
}
