/**
 * The S3 REST API's XML answers, in the shapes of the Amazon S3 API Reference (namespace
 * http://s3.amazonaws.com/doc/2006-03-01/): ListObjectVersions, GetBucketVersioning, CopyObject,
 * UploadPartCopy, CreateMultipartUpload, CompleteMultipartUpload, HeadObject's headers and the Error document.
 */
import type { SimResponse } from "./server.ts";

export interface XmlVersion {
  key: string;
  versionId: string;
  deleteMarker: boolean;
  lastModified: number;
  etag: string;
  size: number;
  storageClass: string;
}

const NS = "http://s3.amazonaws.com/doc/2006-03-01/";
const OWNER = "<Owner><ID>sim-owner</ID><DisplayName>sim</DisplayName></Owner>";

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function el(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function xml(
  status: number,
  root: string,
  inner: string,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { "content-type": "application/xml", ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">${inner}</${root}>`,
  };
}

/** Error document: `<Error><Code/><Message/><RequestId/></Error>` (no namespace, as S3 sends it). */
export function s3Error(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): SimResponse {
  const fields = Object.entries(extra)
    .map(([k, v]) => el(k, v))
    .join("");
  return {
    status,
    headers: { "content-type": "application/xml", "x-amz-request-id": "sim-request" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${el("Code", code)}${el("Message", message)}${fields}${el("RequestId", "sim-request")}</Error>`,
  };
}

/** HeadObject: headers only; a delete marker answers 404 (current) or 405 (asked by version id). */
export function headXml(
  v: XmlVersion & { contentType: string; metadata: Record<string, string> },
  byVersion: boolean,
): SimResponse {
  if (v.deleteMarker) {
    return {
      status: byVersion ? 405 : 404,
      headers: { "x-amz-delete-marker": "true", "x-amz-version-id": v.versionId },
    };
  }
  const headers: Record<string, string> = {
    "content-length": String(v.size),
    "content-type": v.contentType,
    etag: v.etag,
    "last-modified": new Date(v.lastModified).toUTCString(),
    "x-amz-version-id": v.versionId,
  };
  for (const [k, value] of Object.entries(v.metadata)) headers[`x-amz-meta-${k}`] = value;
  return { status: 200, headers };
}

export function versioningXml(status: "Enabled" | "Suspended" | undefined): SimResponse {
  // A bucket whose versioning was never set answers an empty configuration (no Status element).
  return xml(200, "VersioningConfiguration", status ? el("Status", status) : "");
}

export function listVersionsXml(options: {
  bucket: string;
  prefix: string;
  keyMarker: string;
  versionIdMarker: string;
  maxKeys: number;
  entries: { version: XmlVersion; latest: boolean }[];
  truncated: boolean;
}): SimResponse {
  const last = options.entries.at(-1)?.version;
  const head = [
    el("Name", options.bucket),
    el("Prefix", options.prefix),
    el("KeyMarker", options.keyMarker),
    el("VersionIdMarker", options.versionIdMarker),
    options.truncated && last
      ? el("NextKeyMarker", last.key) + el("NextVersionIdMarker", last.versionId)
      : "",
    el("MaxKeys", options.maxKeys),
    el("IsTruncated", options.truncated),
  ].join("");
  // Versions and delete markers interleaved in listing order, as S3 returns them.
  const body = options.entries
    .map(({ version: v, latest }) => {
      const common = el("Key", v.key) + el("VersionId", v.versionId) + el("IsLatest", latest);
      const modified = el("LastModified", new Date(v.lastModified).toISOString());
      if (v.deleteMarker) return `<DeleteMarker>${OWNER}${common}${modified}</DeleteMarker>`;
      const rest = el("ETag", v.etag) + el("Size", v.size) + OWNER + el("StorageClass", v.storageClass);
      return `<Version>${common}${modified}${rest}</Version>`;
    })
    .join("");
  return xml(200, "ListVersionsResult", head + body);
}

export function copyResultXml(
  root: "CopyObjectResult" | "CopyPartResult",
  etag: string,
  at: number,
  headers: Record<string, string>,
): SimResponse {
  return xml(200, root, el("LastModified", new Date(at).toISOString()) + el("ETag", etag), headers);
}

export function initiateUploadXml(bucket: string, key: string, uploadId: string): SimResponse {
  return xml(
    200,
    "InitiateMultipartUploadResult",
    el("Bucket", bucket) + el("Key", key) + el("UploadId", uploadId),
  );
}

export function completeUploadXml(bucket: string, key: string, etag: string, versionId: string): SimResponse {
  const inner =
    el("Location", `/${bucket}/${key}`) + el("Bucket", bucket) + el("Key", key) + el("ETag", etag);
  return xml(200, "CompleteMultipartUploadResult", inner, { "x-amz-version-id": versionId });
}

/** `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>…</ETag></Part>…` → parts in request order. */
export function parseCompleteParts(body: string): { partNumber: number; etag: string }[] {
  const parts: { partNumber: number; etag: string }[] = [];
  for (const match of body.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const inner = match[1] ?? "";
    const number = /<PartNumber>(\d+)<\/PartNumber>/.exec(inner)?.[1];
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(inner)?.[1];
    if (number && etag) parts.push({ partNumber: Number(number), etag: unescapeXml(etag) });
  }
  return parts;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
