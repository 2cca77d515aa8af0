import type {
  GetObjectAclCommandOutput,
  HeadObjectCommandOutput,
  ServerSideEncryption,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import { call, type S3Clients } from "./client.ts";

/**
 * What a copy must be told to keep a version's ACL and encryption: CopyObject sets neither from the source
 * (API Reference, CopyObject: the ACL becomes private, and without encryption headers the bucket's default
 * applies). Metadata and tags are kept by their directives (REPLACE with the read metadata; tagging COPY).
 */
export interface CopySettings {
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
}

const grantee = z
  .object({
    Type: z.enum(["CanonicalUser", "Group", "AmazonCustomerByEmail"]),
    ID: z.string().optional(),
    URI: z.string().optional(),
    EmailAddress: z.string().optional(),
  })
  .loose();
const acl = z
  .object({
    Owner: z.object({ ID: z.string().optional() }).loose().optional(),
    Grants: z.array(z.object({ Grantee: grantee, Permission: z.string() }).loose()).default([]),
  })
  .loose();

const HEADER = {
  FULL_CONTROL: "GrantFullControl",
  READ: "GrantRead",
  READ_ACP: "GrantReadACP",
  WRITE_ACP: "GrantWriteACP",
} as const;

/**
 * The version's ACL as grant headers. An ACL of the owner's FULL_CONTROL alone is what private means, so
 * nothing is sent then: a bucket with ACLs disabled (Object Ownership "bucket owner enforced") refuses
 * grant headers but always answers that ACL.
 */
export function grantHeaders(answer: Pick<GetObjectAclCommandOutput, "Owner" | "Grants">): CopySettings {
  const read = acl.parse(answer);
  const owner = read.Owner?.ID;
  const isPrivate =
    read.Grants.length === 1 &&
    read.Grants[0]?.Permission === "FULL_CONTROL" &&
    read.Grants[0].Grantee.Type === "CanonicalUser" &&
    read.Grants[0].Grantee.ID === owner;
  if (isPrivate || read.Grants.length === 0) return {};
  const lists: Partial<Record<keyof typeof HEADER, string[]>> = {};
  for (const { Grantee: g, Permission } of read.Grants) {
    if (!(Permission in HEADER)) continue; // WRITE applies to buckets only.
    const who =
      g.Type === "CanonicalUser"
        ? `id="${g.ID}"`
        : g.Type === "Group"
          ? `uri="${g.URI}"`
          : `emailAddress="${g.EmailAddress}"`;
    const permission = Permission as keyof typeof HEADER;
    lists[permission] = [...(lists[permission] ?? []), who];
  }
  const headers: CopySettings = {};
  for (const [permission, who] of Object.entries(lists)) {
    headers[HEADER[permission as keyof typeof HEADER]] = who.join(", ");
  }
  return headers;
}

/** The version's encryption as copy headers (SSE-S3, SSE-KMS with its key id, DSSE-KMS, bucket key). */
export function encryptionHeaders(
  head: Pick<HeadObjectCommandOutput, "ServerSideEncryption" | "SSEKMSKeyId" | "BucketKeyEnabled">,
): CopySettings {
  if (!head.ServerSideEncryption) return {};
  return {
    ServerSideEncryption: head.ServerSideEncryption,
    ...(head.SSEKMSKeyId ? { SSEKMSKeyId: head.SSEKMSKeyId } : {}),
    ...(head.BucketKeyEnabled ? { BucketKeyEnabled: true } : {}),
  };
}

/** GetObjectAcl of the version (s3:GetObjectVersionAcl). */
export async function versionAcl(
  clients: S3Clients,
  bucket: string,
  key: string,
  versionId: string,
): Promise<CopySettings> {
  const { GetObjectAclCommand } = await import("@aws-sdk/client-s3");
  const answer = await call(
    "GetObjectAcl",
    () => clients.read.send(new GetObjectAclCommand({ Bucket: bucket, Key: key, VersionId: versionId })),
    key,
  );
  return grantHeaders(answer);
}

/** GetObjectTagging of the version as x-amz-tagging: a multipart upload does not copy tags. */
export async function versionTagging(
  clients: S3Clients,
  bucket: string,
  key: string,
  versionId: string,
): Promise<string | undefined> {
  const { GetObjectTaggingCommand } = await import("@aws-sdk/client-s3");
  const answer = await call(
    "GetObjectTagging",
    () => clients.read.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId })),
    key,
  );
  const tags = (answer.TagSet ?? []).filter((t) => t.Key !== undefined);
  if (!tags.length) return undefined;
  return new URLSearchParams(tags.map((t): [string, string] => [t.Key as string, t.Value ?? ""])).toString();
}
