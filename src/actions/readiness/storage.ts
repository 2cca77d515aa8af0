import type { LifecycleRule } from "@aws-sdk/client-s3";
import { errorMessage } from "../../core/secrets.ts";
import {
  call,
  type S3Clients,
  StorageError,
  s3Clients,
  versioningStatus,
} from "../../platforms/s3/client.ts";
import { age, type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const T = "storage";

/** S3: versioning Enabled, no lifecycle rule expiring noncurrent versions before the horizon, versions listable. */
export async function checkStorage(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  const bucket = settings["storage-bucket"] as string;
  const prefix = settings["storage-prefix"];
  const clients = await s3Clients({
    endpoint: settings["storage-endpoint"],
    region: settings["storage-region"],
    accessKeyId: settings["storage-access-key-id"],
    secretAccessKey: settings["storage-secret-access-key"],
  });
  try {
    const checks = await Promise.all([
      versioning(clients, bucket),
      lifecycle(clients, bucket, prefix, settings["restore-horizon"] / 1000),
      listVersions(clients, bucket, prefix),
    ]);
    // A versioned bucket restores to any moment: its exposure is none.
    const rpo = checks[0].state === "pass" ? { seconds: 0, basis: `${bucket} versioning` } : undefined;
    return { checks, rpo };
  } finally {
    clients.close();
  }
}

async function versioning(clients: S3Clients, bucket: string): Promise<Check> {
  try {
    const status = await versioningStatus(clients, bucket);
    if (status === "Enabled") return pass(T, "versioning", `${bucket}: Enabled`);
    return fail(
      T,
      "versioning",
      `${bucket}: ${status ?? "never enabled"}, so overwritten and deleted objects are not kept`,
      `Enable versioning: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled`,
    );
  } catch (error) {
    return fail(
      T,
      "versioning",
      `${bucket}: ${errorMessage(error)}`,
      "Allow s3:GetBucketVersioning to the credentials, and check storage-bucket.",
    );
  }
}

async function lifecycle(
  clients: S3Clients,
  bucket: string,
  prefix: string,
  horizon: number,
): Promise<Check> {
  const check = "noncurrent versions kept";
  const { GetBucketLifecycleConfigurationCommand } = await import("@aws-sdk/client-s3");
  let rules: LifecycleRule[];
  try {
    const answer = await call("GetBucketLifecycleConfiguration", () =>
      clients.read.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket })),
    );
    rules = answer.Rules ?? [];
  } catch (error) {
    if (error instanceof StorageError && error.code === "NoSuchLifecycleConfiguration") {
      return pass(T, check, `${bucket}: no lifecycle rules, noncurrent versions are kept`);
    }
    return warn(
      T,
      check,
      `${bucket}: ${errorMessage(error)}`,
      "Allow s3:GetLifecycleConfiguration to the credentials, so the rules can be checked.",
    );
  }
  const short = rules.filter((rule) => {
    const days = rule.NoncurrentVersionExpiration?.NoncurrentDays;
    const scope = rule.Filter?.Prefix ?? rule.Prefix ?? "";
    // A rule reaches the restored keys when one prefix contains the other.
    const overlaps = scope.startsWith(prefix) || prefix.startsWith(scope);
    return rule.Status === "Enabled" && days !== undefined && days * 86_400 < horizon && overlaps;
  });
  if (!short.length)
    return pass(T, check, `${bucket}: no rule expires noncurrent versions within ${age(horizon)}`);
  const named = short.map((r) => `${r.ID ?? "unnamed"} (${r.NoncurrentVersionExpiration?.NoncurrentDays}d)`);
  return fail(
    T,
    check,
    `${bucket}: ${named.join(", ")} expire${short.length === 1 ? "s" : ""} noncurrent versions sooner than the restore horizon (${age(horizon)})`,
    `Raise NoncurrentDays to at least ${Math.ceil(horizon / 86_400)} in those rules, or shorten restore-horizon.`,
  );
}

async function listVersions(clients: S3Clients, bucket: string, prefix: string): Promise<Check> {
  const { ListObjectVersionsCommand } = await import("@aws-sdk/client-s3");
  try {
    await call("ListObjectVersions", () =>
      clients.read.send(
        new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix || undefined, MaxKeys: 1 }),
      ),
    );
    return pass(T, "may list versions", `${bucket}${prefix ? `/${prefix}` : ""}: ListObjectVersions allowed`);
  } catch (error) {
    return fail(
      T,
      "may list versions",
      `${bucket}: ${errorMessage(error)}`,
      "Allow s3:ListBucketVersions (and s3:GetObjectVersion, s3:PutObject for the restore) to the credentials.",
    );
  }
}
