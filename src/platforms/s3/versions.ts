import { z } from "zod";
import { call, type S3Clients } from "./client.ts";

/** One entry of a key's history: an object version or a delete marker. */
export interface Entry {
  key: string;
  versionId: string;
  deleteMarker: boolean;
  lastModified: number;
  /** Quoted, as S3 sends it; undefined for delete markers. */
  etag: string | undefined;
  size: number;
  storageClass: string | undefined;
  latest: boolean;
}

const common = {
  Key: z.string(),
  // Objects written before versioning was enabled have the version id "null".
  VersionId: z.string().default("null"),
  IsLatest: z.boolean().default(false),
  LastModified: z.date(),
};
const page = z
  .object({
    Versions: z
      .array(
        z
          .object({
            ...common,
            ETag: z.string().optional(),
            Size: z.number().default(0),
            StorageClass: z.string().optional(),
          })
          .loose(),
      )
      .optional(),
    DeleteMarkers: z.array(z.object(common).loose()).optional(),
    IsTruncated: z.boolean().optional(),
    NextKeyMarker: z.string().optional(),
    NextVersionIdMarker: z.string().optional(),
  })
  .loose();

/** S3 lists keys in UTF-8 binary order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Newest first; on an equal time the one S3 marked latest first. */
function newestFirst(a: Entry, b: Entry): number {
  return b.lastModified - a.lastModified || Number(b.latest) - Number(a.latest);
}

export interface ListStats {
  pages: number;
  entries: number;
}

/**
 * Every key under `prefix` with its whole history, newest first, in key order. Pages are followed with
 * KeyMarker + VersionIdMarker; a key's history may span pages, so a key is handed on only once a later
 * key appears (keys come in ascending order). The SDK splits versions and delete markers into two
 * lists, so they are merged back by time.
 */
interface Page {
  entries: Entry[];
  next: { keyMarker: string; versionIdMarker: string | undefined } | undefined;
}

async function listPage(
  clients: S3Clients,
  input: { Bucket: string; Prefix?: string; KeyMarker?: string; VersionIdMarker?: string; MaxKeys?: number },
): Promise<Page> {
  const { ListObjectVersionsCommand } = await import("@aws-sdk/client-s3");
  const raw = await call("ListObjectVersions", () => clients.read.send(new ListObjectVersionsCommand(input)));
  const answer = page.parse(raw);
  const entries: Entry[] = [
    ...(answer.Versions ?? []).map((v) => entry(v, false, v.ETag, v.Size, v.StorageClass)),
    ...(answer.DeleteMarkers ?? []).map((m) => entry(m, true, undefined, 0, undefined)),
  ];
  entries.sort((a, b) => compareKeys(a.key, b.key) || newestFirst(a, b));
  if (!answer.IsTruncated) return { entries, next: undefined };
  if (!answer.NextKeyMarker) {
    throw new Error(
      "ListObjectVersions said there is more but gave no NextKeyMarker: stopping rather than guessing",
    );
  }
  return { entries, next: { keyMarker: answer.NextKeyMarker, versionIdMarker: answer.NextVersionIdMarker } };
}

/**
 * Every key under `prefix` with its whole history, newest first, in key order. Pages are followed with
 * KeyMarker + VersionIdMarker; a key's history may span pages, so a key is handed on only once a later
 * key appears (keys come in ascending order). The SDK splits versions and delete markers into two
 * lists, so they are merged back by time.
 */
export async function* histories(
  clients: S3Clients,
  bucket: string,
  prefix: string,
  stats: ListStats = { pages: 0, entries: 0 },
): AsyncGenerator<Entry[]> {
  let pending: Entry[] = [];
  let next: Page["next"];
  do {
    const result = await listPage(clients, {
      Bucket: bucket,
      Prefix: prefix || undefined,
      KeyMarker: next?.keyMarker,
      VersionIdMarker: next?.versionIdMarker,
    });
    stats.pages++;
    stats.entries += result.entries.length;
    for (const e of result.entries) {
      if (pending.length > 0 && pending[0]?.key !== e.key) {
        yield pending.sort(newestFirst);
        pending = [];
      }
      pending.push(e);
    }
    next = result.next;
  } while (next);
  if (pending.length > 0) yield pending.sort(newestFirst);
}

function entry(
  v: { Key: string; VersionId: string; IsLatest: boolean; LastModified: Date },
  deleteMarker: boolean,
  etag: string | undefined,
  size: number,
  storageClass: string | undefined,
): Entry {
  return {
    key: v.Key,
    versionId: v.VersionId,
    deleteMarker,
    lastModified: v.LastModified.getTime(),
    etag,
    size,
    storageClass,
    latest: v.IsLatest,
  };
}

/**
 * A key's newest few entries in one request: the key as prefix (it sorts before every longer key it
 * is a prefix of, so its own entries come first), keeping only that key.
 */
export async function keyHistory(
  clients: S3Clients,
  bucket: string,
  key: string,
  count = 3,
): Promise<Entry[]> {
  const { entries } = await listPage(clients, { Bucket: bucket, Prefix: key, MaxKeys: count });
  return entries.filter((e) => e.key === key);
}
