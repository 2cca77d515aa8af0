import type { S3Client } from "@aws-sdk/client-s3";

export interface S3Options {
  /** An S3-compatible service's URL; empty for AWS itself. Path-style addressing when set. */
  endpoint?: string;
  region?: string;
  /** Both or neither: without them the SDK's own chain (environment, web identity/OIDC, profiles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  log?: (line: string) => void;
}

/** Reads may be retried by the SDK; writes are sent once, and an unclear failure is settled by reading. */
export interface S3Clients {
  read: S3Client;
  write: S3Client;
  close(): void;
}

export async function s3Clients(options: S3Options): Promise<S3Clients> {
  const { S3Client } = await import("@aws-sdk/client-s3");
  const credentials =
    options.accessKeyId && options.secretAccessKey
      ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
      : undefined;
  const common = {
    endpoint: options.endpoint || undefined,
    forcePathStyle: Boolean(options.endpoint),
    // Compatible services ignore the region but the signature needs one; AWS redirects a wrong one.
    region: options.region || process.env.AWS_REGION || "us-east-1",
    followRegionRedirects: true,
    credentials,
  };
  const read = new S3Client({ ...common, maxAttempts: 4 });
  const write = new S3Client({ ...common, maxAttempts: 1 });
  return {
    read,
    write,
    close: () => {
      read.destroy();
      write.destroy();
    },
  };
}

/** An S3 call that failed: the service's error code (NoSuchBucket, AccessDenied…) and HTTP status. */
export class StorageError extends Error {
  override name = "StorageError";
  readonly operation: string;
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly key: string | undefined;
  constructor(operation: string, cause: unknown, key?: string) {
    const e = cause as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const status = e?.$metadata?.httpStatusCode;
    const code = e?.name && e.name !== "Error" ? e.name : undefined;
    const what = key === undefined ? operation : `${operation} of ${JSON.stringify(key)}`;
    super(
      `${what} failed${code ? ` (${code}${status ? `, HTTP ${status}` : ""})` : ""}: ${e?.message ?? String(cause)}`,
    );
    this.operation = operation;
    this.code = code;
    this.status = status;
    this.key = key;
  }

  /** No answer, or a server error: the write may or may not have happened. */
  get ambiguous(): boolean {
    return this.status === undefined || this.status >= 500;
  }
}

export async function call<T>(operation: string, run: () => Promise<T>, key?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StorageError(operation, error, key);
  }
}

/**
 * The bucket's versioning state (GetBucketVersioning): "Enabled", "Suspended", or undefined when it
 * was never turned on. Services without versioning (R2, Supabase Storage) answer an error or nothing.
 */
export async function versioningStatus(clients: S3Clients, bucket: string): Promise<string | undefined> {
  const { GetBucketVersioningCommand } = await import("@aws-sdk/client-s3");
  const answer = await call("GetBucketVersioning", () =>
    clients.read.send(new GetBucketVersioningCommand({ Bucket: bucket })),
  );
  return typeof answer.Status === "string" ? answer.Status : undefined;
}
