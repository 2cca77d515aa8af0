import { call, type S3Clients, StorageError } from "./client.ts";
import type { CopySettings } from "./settings.ts";

/** Parts of 512 MiB: a 5 TB object (S3's largest) still fits in 10 000 parts. */
const PART_SIZE = 512 * 1024 ** 2;
const MAX_PARTS = 10_000;
const PARALLEL_PARTS = 4;

export interface LargeCopy {
  bucket: string;
  key: string;
  /** x-amz-copy-source, version included. */
  source: string;
  size: number;
  headers: {
    ContentType?: string;
    CacheControl?: string;
    ContentDisposition?: string;
    ContentEncoding?: string;
    ContentLanguage?: string;
    Expires?: Date;
    WebsiteRedirectLocation?: string;
    Metadata: Record<string, string>;
    StorageClass?: never;
    Tagging?: string;
  } & CopySettings;
  partSize?: number;
}

/**
 * A copy above CopyObject's 5 GB limit: CreateMultipartUpload with the version's headers (a multipart
 * upload does not copy them), UploadPartCopy by byte ranges, CompleteMultipartUpload. On failure the
 * upload is aborted so its parts are not kept (and billed).
 */
export async function copyLarge(clients: S3Clients, copy: LargeCopy): Promise<string> {
  const s3 = await import("@aws-sdk/client-s3");
  const { bucket: Bucket, key: Key } = copy;
  const partSize = Math.max(copy.partSize ?? PART_SIZE, Math.ceil(copy.size / MAX_PARTS));
  const created = await call(
    "CreateMultipartUpload",
    () => clients.write.send(new s3.CreateMultipartUploadCommand({ Bucket, Key, ...copy.headers })),
    Key,
  );
  const UploadId = created.UploadId;
  if (!UploadId) throw new StorageError("CreateMultipartUpload", new Error("no UploadId in the answer"), Key);
  try {
    const count = Math.ceil(copy.size / partSize);
    const parts: { PartNumber: number; ETag: string }[] = [];
    let next = 1;
    const worker = async () => {
      while (next <= count) {
        const PartNumber = next++;
        const first = (PartNumber - 1) * partSize;
        const last = Math.min(copy.size, first + partSize) - 1;
        // A part copy only writes into this upload, so the SDK's read client may retry it.
        const answer = await call(
          "UploadPartCopy",
          () =>
            clients.read.send(
              new s3.UploadPartCopyCommand({
                Bucket,
                Key,
                UploadId,
                PartNumber,
                CopySource: copy.source,
                CopySourceRange: `bytes=${first}-${last}`,
              }),
            ),
          Key,
        );
        const ETag = answer.CopyPartResult?.ETag;
        if (!ETag) throw new StorageError("UploadPartCopy", new Error(`no ETag for part ${PartNumber}`), Key);
        parts.push({ PartNumber, ETag });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, count) }, worker));
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    const done = await call(
      "CompleteMultipartUpload",
      () =>
        clients.write.send(
          new s3.CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }),
        ),
      Key,
    );
    if (!done.VersionId)
      throw new StorageError("CompleteMultipartUpload", new Error("no VersionId in the answer"), Key);
    return done.VersionId;
  } catch (error) {
    await clients.read.send(new s3.AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => {});
    throw error;
  }
}
