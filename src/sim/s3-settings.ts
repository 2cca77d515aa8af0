/**
 * What the S3 simulator keeps per object version besides its bytes: the ACL (User Guide, "Access
 * control list (ACL) overview"), server-side encryption (User Guide, "Protecting data with server-side
 * encryption") and tags (User Guide, "Categorizing your storage using tags"), read from and written to
 * request headers as the API Reference's PutObject, CopyObject and CreateMultipartUpload describe them.
 */

import { escapeXml, xml } from "./s3-xml.ts";
import type { SimRequest, SimResponse } from "./server.ts";

export const SIM_OWNER_ID = "sim-owner";
export const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

export type Grantee =
  | { type: "CanonicalUser"; id: string }
  | { type: "Group"; uri: string }
  | { type: "AmazonCustomerByEmail"; email: string };
export interface Grant {
  grantee: Grantee;
  permission: "FULL_CONTROL" | "READ" | "READ_ACP" | "WRITE_ACP";
}

export interface Encryption {
  algorithm: "AES256" | "aws:kms" | "aws:kms:dsse";
  kmsKeyId?: string;
  bucketKey?: boolean;
}

export interface ObjectSettings {
  acl: Grant[];
  sse: Encryption;
  tags: Record<string, string>;
}

/** "By default, all objects are private": the owner alone, with FULL_CONTROL (ACL overview). */
export const PRIVATE: Grant[] = [
  { grantee: { type: "CanonicalUser", id: SIM_OWNER_ID }, permission: "FULL_CONTROL" },
];

/** Since January 2023 every new object without encryption headers gets SSE-S3 (User Guide, "default encryption"). */
export const DEFAULT_SSE: Encryption = { algorithm: "AES256" };

const GRANT_HEADERS = {
  "x-amz-grant-full-control": "FULL_CONTROL",
  "x-amz-grant-read": "READ",
  "x-amz-grant-read-acp": "READ_ACP",
  "x-amz-grant-write-acp": "WRITE_ACP",
} as const;

/**
 * The ACL a write sets: its x-amz-grant-* headers (`id="…"`, `uri="…"`, `emailAddress="…"`, comma
 * separated) or its canned x-amz-acl; without either, private. A copy does not keep the source's ACL
 * (API Reference, CopyObject: "the ACL is not preserved and is set to private for the user making the request").
 */
export function aclFromRequest(request: SimRequest): Grant[] {
  const grants: Grant[] = [];
  for (const [header, permission] of Object.entries(GRANT_HEADERS)) {
    const value = request.headers[header];
    if (typeof value !== "string") continue;
    for (const part of value.split(",")) {
      const match = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
      if (!match) continue;
      const [, kind, v = ""] = match;
      const grantee: Grantee =
        kind === "id"
          ? { type: "CanonicalUser", id: v }
          : kind === "uri"
            ? { type: "Group", uri: v }
            : { type: "AmazonCustomerByEmail", email: v };
      grants.push({ grantee, permission });
    }
  }
  if (grants.length) return grants;
  if (request.headers["x-amz-acl"] === "public-read")
    return [...PRIVATE, { grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" }];
  return PRIVATE;
}

/** The request's x-amz-server-side-encryption headers; without them the bucket default (a copy inherits nothing, API Reference, CopyObject). */
export function sseFromRequest(request: SimRequest): Encryption {
  const algorithm = request.headers["x-amz-server-side-encryption"];
  if (algorithm !== "AES256" && algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") return DEFAULT_SSE;
  const kmsKeyId = request.headers["x-amz-server-side-encryption-aws-kms-key-id"];
  const bucketKey = request.headers["x-amz-server-side-encryption-bucket-key-enabled"];
  return {
    algorithm,
    ...(typeof kmsKeyId === "string" ? { kmsKeyId } : {}),
    ...(bucketKey === "true" ? { bucketKey: true } : {}),
  };
}

/** x-amz-tagging: a URL query string (`a=1&b=2`). */
export function tagsFromRequest(request: SimRequest): Record<string, string> {
  const header = request.headers["x-amz-tagging"];
  return typeof header === "string" ? Object.fromEntries(new URLSearchParams(header)) : {};
}

/** HeadObject's encryption headers. */
export function sseHeaders(sse: Encryption): Record<string, string> {
  return {
    "x-amz-server-side-encryption": sse.algorithm,
    ...(sse.kmsKeyId ? { "x-amz-server-side-encryption-aws-kms-key-id": sse.kmsKeyId } : {}),
    ...(sse.bucketKey ? { "x-amz-server-side-encryption-bucket-key-enabled": "true" } : {}),
  };
}

/** GetObjectAcl's AccessControlPolicy document. */
export function aclXml(acl: Grant[]): SimResponse {
  const grantee = (g: Grantee) => {
    const inner =
      g.type === "CanonicalUser"
        ? `<ID>${escapeXml(g.id)}</ID>`
        : g.type === "Group"
          ? `<URI>${escapeXml(g.uri)}</URI>`
          : `<EmailAddress>${escapeXml(g.email)}</EmailAddress>`;
    return `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="${g.type}">${inner}</Grantee>`;
  };
  const grants = acl
    .map((g) => `<Grant>${grantee(g.grantee)}<Permission>${g.permission}</Permission></Grant>`)
    .join("");
  return xml(
    200,
    "AccessControlPolicy",
    `<Owner><ID>${SIM_OWNER_ID}</ID><DisplayName>sim</DisplayName></Owner><AccessControlList>${grants}</AccessControlList>`,
  );
}

/** GetObjectTagging's Tagging document. */
export function tagsXml(tags: Record<string, string>): SimResponse {
  const set = Object.entries(tags)
    .map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`)
    .join("");
  return xml(200, "Tagging", `<TagSet>${set}</TagSet>`);
}
