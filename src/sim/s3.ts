/**
 * A local S3 endpoint for storage-restore: path-style requests (`/bucket/key`) for the calls a
 * point-in-time restore makes, with versioning as the Amazon S3 User Guide ("Working with objects in a
 * versioning-enabled bucket") and API Reference describe. The SigV4 signature is not verified; the
 * access key named in it is.
 */
import { randomBytes } from "node:crypto";
import { lifecycleXml, type SimLifecycleRule } from "./s3-lifecycle.ts";
import { listVersions } from "./s3-list.ts";
import {
  complete,
  copyPart,
  initiate,
  md5,
  noUpload,
  quoted,
  requestMetadata,
  type Upload,
} from "./s3-multipart.ts";
import {
  aclFromRequest,
  aclXml,
  DEFAULT_SSE,
  type ObjectSettings,
  PRIVATE,
  sseFromRequest,
  sseHeaders,
  tagsFromRequest,
  tagsXml,
} from "./s3-settings.ts";
import { copyResultXml, headXml, s3Error, versioningXml, type XmlVersion } from "./s3-xml.ts";
import { HostedSimulator, type SimRequest, type SimResponse } from "./server.ts";

export const SIM_S3_ACCESS_KEY = "SIMACCESSKEY";
export const SIM_S3_SECRET_KEY = "sim-secret-access-key";
/** CopyObject's source limit (API Reference, CopyObject: "up to 5 GB in a single atomic action"). */
export const COPY_LIMIT = 5 * 1024 ** 3;

export interface SimObjectVersion extends XmlVersion, ObjectSettings {
  body: Buffer;
  contentType: string;
  metadata: Record<string, string>;
}

interface Bucket {
  versioning: "Enabled" | "Suspended" | undefined;
  /** Per key, newest first. */
  keys: Map<string, SimObjectVersion[]>;
  uploads: Map<string, Upload>;
  lifecycle?: SimLifecycleRule[];
}

export type S3Operation = "CopyObject" | "DeleteObject" | "UploadPartCopy" | "CompleteMultipartUpload";

export interface S3SimulatorOptions {
  /** Answer at most this many entries per ListObjectVersions page: S3 may return fewer than max-keys. */
  pageSize?: number;
  /** Lower than 5 GiB to test multipart copies with small objects. */
  copyLimit?: number;
}

export class S3Simulator extends HostedSimulator {
  private readonly buckets = new Map<string, Bucket>();
  private readonly hooks: { op: S3Operation; run: (key: string) => void }[] = [];
  private readonly pageSize: number;
  private readonly copyLimit: number;

  constructor(options: S3SimulatorOptions = {}) {
    super();
    this.pageSize = options.pageSize ?? 1000;
    this.copyLimit = options.copyLimit ?? COPY_LIMIT;
  }

  /** "none": versioning never turned on (R2 and Supabase Storage have no versioning at all). */
  createBucket(name: string, versioning: "Enabled" | "Suspended" | "none" = "Enabled"): void {
    this.buckets.set(name, {
      versioning: versioning === "none" ? undefined : versioning,
      keys: new Map(),
      uploads: new Map(),
    });
  }

  /** PutBucketVersioning: once enabled, a bucket can only be suspended, never unversioned again (S3 User Guide). */
  setVersioning(name: string, status: "Enabled" | "Suspended"): void {
    this.bucket(name).versioning = status;
  }

  /** PutBucketLifecycleConfiguration, replacing the rules as S3 does. */
  setLifecycle(name: string, rules: SimLifecycleRule[]): void {
    this.bucket(name).lifecycle = rules;
  }

  /** Runs `run(key)` just before the next `op` on a key is applied: another writer racing the restore. */
  before(op: S3Operation, run: (key: string) => void): void {
    this.hooks.push({ op, run });
  }

  /** Writes a new version (a PutObject) at time `at`. */
  put(
    bucket: string,
    key: string,
    body: string | Buffer,
    options: {
      at?: number;
      contentType?: string;
      metadata?: Record<string, string>;
    } & Partial<ObjectSettings> = {},
  ): string {
    const data = Buffer.from(body);
    return this.write(this.bucket(bucket), key, {
      deleteMarker: false,
      body: data,
      etag: quoted(md5(data).toString("hex")),
      size: data.length,
      contentType: options.contentType ?? "application/octet-stream",
      metadata: options.metadata ?? {},
      lastModified: options.at ?? Date.now(),
      acl: options.acl ?? PRIVATE,
      sse: options.sse ?? DEFAULT_SSE,
      tags: options.tags ?? {},
    });
  }

  /** A DeleteObject without a version id: on a versioned bucket, a new delete marker. */
  remove(bucket: string, key: string, at = Date.now()): string {
    const b = this.bucket(bucket);
    if (!b.versioning) {
      b.keys.delete(key);
      return "null";
    }
    const empty = {
      body: Buffer.alloc(0),
      etag: "",
      size: 0,
      contentType: "",
      metadata: {},
      acl: PRIVATE,
      sse: DEFAULT_SSE,
      tags: {},
    };
    return this.write(b, key, { ...empty, deleteMarker: true, lastModified: at });
  }

  /** Every version and delete marker of a key, newest first. */
  history(bucket: string, key: string): SimObjectVersion[] {
    return [...(this.bucket(bucket).keys.get(key) ?? [])];
  }

  private bucket(name: string): Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw new Error(`no bucket ${name}`);
    return bucket;
  }

  private write(
    bucket: Bucket,
    key: string,
    version: Omit<SimObjectVersion, "key" | "versionId" | "storageClass">,
  ): string {
    // Unversioned (or suspended) buckets keep one version with id "null", replaced by each write.
    const versionId = bucket.versioning === "Enabled" ? randomBytes(16).toString("base64url") : "null";
    const history = (bucket.keys.get(key) ?? []).filter((v) => v.versionId !== versionId);
    // Newest first by time; a write at the same millisecond as the latest still counts as newer.
    const entry = { ...version, key, versionId, storageClass: "STANDARD" };
    const at = history.findIndex((v) => v.lastModified <= entry.lastModified);
    history.splice(at < 0 ? history.length : at, 0, entry);
    bucket.keys.set(key, history);
    return versionId;
  }

  private runHooks(op: S3Operation, key: string): void {
    const index = this.hooks.findIndex((h) => h.op === op);
    if (index < 0) return;
    const [hook] = this.hooks.splice(index, 1);
    hook?.run(key);
  }

  protected override handle(request: SimRequest): SimResponse {
    const credential = /Credential=([^/]+)\//.exec(String(request.headers.authorization ?? ""))?.[1];
    if (credential !== SIM_S3_ACCESS_KEY) {
      return s3Error(
        403,
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
      );
    }
    const [, rawName = "", ...rest] = request.path.split("/");
    const name = decodeURIComponent(rawName);
    const bucket = this.buckets.get(name);
    if (!bucket) return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
    const key = rest.map(decodeURIComponent).join("/");
    const q = request.query;
    const { method } = request;
    if (!key && method === "GET" && q.has("versioning")) return versioningXml(bucket.versioning);
    if (!key && method === "GET" && q.has("lifecycle")) return lifecycleXml(bucket.lifecycle);
    if (!key && method === "GET" && q.has("versions"))
      return listVersions(name, bucket.keys, q, this.pageSize);
    if (!key)
      return s3Error(
        501,
        "NotImplemented",
        `The simulator does not implement ${method} on a bucket with these parameters`,
      );
    if (method === "HEAD") return this.head(bucket, key, q.get("versionId"));
    if (method === "GET" && (q.has("acl") || q.has("tagging"))) {
      const v = this.find(bucket, key, q.get("versionId"));
      if (!v || v.deleteMarker) return s3Error(404, "NoSuchVersion", "The specified version does not exist.");
      return q.has("acl") ? aclXml(v.acl) : tagsXml(v.tags);
    }
    if (method === "DELETE" && !q.has("uploadId")) return this.deleteObject(name, bucket, key);
    if (method === "DELETE")
      return bucket.uploads.delete(q.get("uploadId") ?? "") ? { status: 204 } : noUpload();
    if (method === "POST" && q.has("uploads")) return initiate(bucket.uploads, name, key, request);
    if (method === "POST" && q.has("uploadId"))
      return complete(bucket.uploads, name, key, request, (body, upload, etag) => {
        this.runHooks("CompleteMultipartUpload", key);
        const versionId = this.put(name, key, body, upload);
        (this.find(bucket, key, versionId) as SimObjectVersion).etag = etag;
        return versionId;
      });
    if (method === "PUT" && request.headers["x-amz-copy-source"])
      return this.copy(name, bucket, key, request);
    return s3Error(
      501,
      "NotImplemented",
      `The simulator does not implement ${method} /bucket/key with these parameters`,
    );
  }

  private find(bucket: Bucket, key: string, versionId: string | null): SimObjectVersion | undefined {
    const history = bucket.keys.get(key) ?? [];
    return versionId === null ? history[0] : history.find((v) => v.versionId === versionId);
  }

  private head(bucket: Bucket, key: string, versionId: string | null): SimResponse {
    const v = this.find(bucket, key, versionId);
    if (!v) return { status: 404 };
    const answer = headXml(v, versionId !== null);
    return v.deleteMarker ? answer : { ...answer, headers: { ...answer.headers, ...sseHeaders(v.sse) } };
  }

  private deleteObject(name: string, bucket: Bucket, key: string): SimResponse {
    this.runHooks("DeleteObject", key);
    const versionId = this.remove(name, key);
    return {
      status: 204,
      headers: bucket.versioning ? { "x-amz-delete-marker": "true", "x-amz-version-id": versionId } : {},
    };
  }

  /** `x-amz-copy-source: bucket/key?versionId=…`, URL-encoded (API Reference, CopyObject). */
  private source(request: SimRequest): SimObjectVersion | SimResponse {
    const raw = String(request.headers["x-amz-copy-source"]).replace(/^\//, "");
    const [path = "", query = ""] = raw.split("?");
    const [bucketName = "", ...keyParts] = decodeURIComponent(path).split("/");
    const bucket = this.buckets.get(bucketName);
    if (!bucket) return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
    const versionId = new URLSearchParams(query).get("versionId");
    const v = this.find(bucket, keyParts.join("/"), versionId);
    if (!v)
      return s3Error(404, versionId ? "NoSuchVersion" : "NoSuchKey", "The specified version does not exist.");
    if (v.deleteMarker) {
      return versionId
        ? s3Error(
            400,
            "InvalidRequest",
            "The source of a copy request may not specifically refer to a delete marker by version id.",
          )
        : s3Error(404, "NoSuchKey", "The specified key does not exist.");
    }
    return v;
  }

  private copy(name: string, bucket: Bucket, key: string, request: SimRequest): SimResponse {
    const source = this.source(request);
    if (!("versionId" in source)) return source;
    const q = request.query;
    if (q.has("uploadId")) return copyPart(bucket.uploads, key, source, request);
    if (source.size > this.copyLimit) {
      return s3Error(
        400,
        "InvalidRequest",
        `The specified copy source is larger than the maximum allowable size for a copy source: ${this.copyLimit}`,
      );
    }
    this.runHooks("CopyObject", key);
    // MetadataDirective COPY (the default) keeps the source's metadata; REPLACE takes the request's.
    const replace = request.headers["x-amz-metadata-directive"] === "REPLACE";
    const { contentType, metadata } = replace ? requestMetadata(request) : source;
    // The tagging directive COPY (the default) keeps the source's tags; ACL and encryption come from the
    // request only, else private and the bucket default (API Reference, CopyObject).
    const tags =
      request.headers["x-amz-tagging-directive"] === "REPLACE" ? tagsFromRequest(request) : source.tags;
    const settings = { acl: aclFromRequest(request), sse: sseFromRequest(request), tags };
    const versionId = this.put(name, key, source.body, { contentType, metadata, ...settings });
    const created = this.find(bucket, key, versionId) as SimObjectVersion;
    return copyResultXml("CopyObjectResult", created.etag, created.lastModified, {
      "x-amz-version-id": versionId,
      "x-amz-copy-source-version-id": source.versionId,
    });
  }
}
