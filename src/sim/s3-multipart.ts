/**
 * Multipart copy for the S3 simulator: CreateMultipartUpload, UploadPartCopy, CompleteMultipartUpload
 * (API Reference of each; part limits from the User Guide's "Amazon S3 multipart upload limits").
 */
import { createHash, randomBytes } from "node:crypto";
import { aclFromRequest, type ObjectSettings, sseFromRequest, tagsFromRequest } from "./s3-settings.ts";
import {
  completeUploadXml,
  copyResultXml,
  initiateUploadXml,
  parseCompleteParts,
  s3Error,
} from "./s3-xml.ts";
import type { SimRequest, SimResponse } from "./server.ts";

/** Every part but the last at least 5 MiB (EntityTooSmall otherwise, at completion). */
const MIN_PART = 5 * 1024 ** 2;

export interface Upload extends ObjectSettings {
  key: string;
  contentType: string;
  metadata: Record<string, string>;
  parts: Map<number, Buffer>;
}

export const md5 = (data: Buffer) => createHash("md5").update(data).digest();
export const quoted = (hex: string) => `"${hex}"`;

export function noUpload(): SimResponse {
  return s3Error(404, "NoSuchUpload", "The specified multipart upload does not exist.");
}

/** Content-Type and x-amz-meta-* headers of a request (CopyObject with REPLACE, CreateMultipartUpload). */
export function requestMetadata(request: SimRequest): {
  contentType: string;
  metadata: Record<string, string>;
} {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith("x-amz-meta-")) metadata[name.slice(11)] = String(value);
  }
  return { contentType: String(request.headers["content-type"] ?? "binary/octet-stream"), metadata };
}

export function initiate(
  uploads: Map<string, Upload>,
  bucket: string,
  key: string,
  request: SimRequest,
): SimResponse {
  const uploadId = randomBytes(12).toString("base64url");
  // CreateMultipartUpload takes the object's ACL, encryption and tags as PutObject does (API Reference).
  const settings = {
    acl: aclFromRequest(request),
    sse: sseFromRequest(request),
    tags: tagsFromRequest(request),
  };
  uploads.set(uploadId, { key, ...requestMetadata(request), ...settings, parts: new Map() });
  return initiateUploadXml(bucket, key, uploadId);
}

/** UploadPartCopy: `x-amz-copy-source-range: bytes=first-last` of the source version into part N. */
export function copyPart(
  uploads: Map<string, Upload>,
  key: string,
  source: { body: Buffer; size: number; versionId: string },
  request: SimRequest,
): SimResponse {
  const upload = uploads.get(request.query.get("uploadId") ?? "");
  if (!upload || upload.key !== key) return noUpload();
  const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers["x-amz-copy-source-range"] ?? ""));
  const [first, last] = range ? [Number(range[1]), Number(range[2])] : [0, source.size - 1];
  if (last >= source.size || first > last) {
    return s3Error(400, "InvalidArgument", "Range specified is not valid for source object");
  }
  const part = source.body.subarray(first, last + 1);
  upload.parts.set(Number(request.query.get("partNumber")), part);
  return copyResultXml("CopyPartResult", quoted(md5(part).toString("hex")), Date.now(), {
    "x-amz-copy-source-version-id": source.versionId,
  });
}

/**
 * CompleteMultipartUpload: parts listed in ascending order with their ETags. `write` stores the object
 * and returns its version; the ETag is the MD5 of the parts' binary MD5s, then "-" and the part count.
 */
export function complete(
  uploads: Map<string, Upload>,
  bucket: string,
  key: string,
  request: SimRequest,
  write: (body: Buffer, upload: Upload, etag: string) => string,
): SimResponse {
  const uploadId = request.query.get("uploadId") ?? "";
  const upload = uploads.get(uploadId);
  if (!upload || upload.key !== key) return noUpload();
  const parts = parseCompleteParts(request.rawBody);
  const bodies: Buffer[] = [];
  for (const [i, p] of parts.entries()) {
    const data = upload.parts.get(p.partNumber);
    if (!data || quoted(md5(data).toString("hex")) !== p.etag) {
      return s3Error(400, "InvalidPart", "One or more of the specified parts could not be found.");
    }
    if (i > 0 && (parts[i - 1]?.partNumber ?? 0) >= p.partNumber) {
      return s3Error(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
    }
    if (i < parts.length - 1 && data.length < MIN_PART) {
      return s3Error(
        400,
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed object size.",
      );
    }
    bodies.push(data);
  }
  uploads.delete(uploadId);
  const etag = quoted(`${md5(Buffer.concat(bodies.map(md5))).toString("hex")}-${bodies.length}`);
  const versionId = write(Buffer.concat(bodies), upload, etag);
  return completeUploadXml(bucket, key, etag, versionId);
}
