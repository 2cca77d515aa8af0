import type { Phase } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { StorageError } from "../../platforms/s3/client.ts";
import { RestoreInterrupted } from "../../platforms/s3/restore.ts";
import type { StoragePlan } from "./plan.ts";

/** S3 error codes a person can act on. */
const ADVICE: Record<string, string> = {
  AccessDenied:
    "the credentials lack a permission: the restore needs s3:GetBucketVersioning, s3:ListBucketVersions, s3:GetObjectVersion, s3:GetObjectVersionAcl, s3:GetObjectVersionTagging, s3:PutObject, s3:PutObjectAcl, s3:PutObjectTagging and s3:DeleteObject on the bucket (and kms:Decrypt, kms:GenerateDataKey on an SSE-KMS key).",
  InvalidAccessKeyId:
    "the access key id is not known to this service: check access-key-id (and endpoint, for a compatible service).",
  SignatureDoesNotMatch: "the secret access key does not match the key id: check secret-access-key.",
  NoSuchBucket: "there is no such bucket at this endpoint and region: check bucket, endpoint and region.",
  PermanentRedirect: "the bucket is in another region: set region to the bucket's region.",
  AuthorizationHeaderMalformed: "the region is wrong for this bucket: set region to the bucket's region.",
  SlowDown: "the service is throttling requests: run again in a few minutes (finished keys are left alone).",
  NotImplemented:
    "this service does not implement the call: it is not S3-compatible enough for a versioned restore.",
};

/** The error, the service's code and what to do about it. */
export function adviseStorage(error: unknown): string {
  const cause = error instanceof RestoreInterrupted ? error.cause : error;
  const message = errorMessage(error);
  const code = cause instanceof StorageError ? cause.code : undefined;
  const advice = code ? ADVICE[code] : undefined;
  const unreachable = cause instanceof StorageError && cause.status === undefined && !code;
  const next =
    advice ??
    (unreachable
      ? "the service did not answer: check endpoint and that the runner can reach it."
      : undefined);
  return `${message}${next ? `\nWhat to do: ${next}` : ""}`;
}

export function explainStorage(error: unknown, phase: Phase, _plan: StoragePlan | undefined): string {
  const partial =
    phase === "apply"
      ? "\nSome keys may already be restored; running again is safe: keys already as they were are left alone."
      : "";
  return `${adviseStorage(error)}${partial}`;
}
