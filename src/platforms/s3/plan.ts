import { call, type S3Clients } from "./client.ts";
import { type Entry, histories, type ListStats } from "./versions.ts";

/** User metadata a restored copy carries, so a later run knows it already holds that version. */
export const RESTORED_FROM = "restored-from-version";

/**
 * - `restore`: copy `target` over the current version;
 * - `delete`: a delete marker on top (the key did not exist at the time, or was deleted then);
 * - `unchanged`: already as it was at the time;
 * - `kept-newer`: created after the time, kept because delete-newer is false.
 */
export type KeyAction = "restore" | "delete" | "unchanged" | "kept-newer";

export interface KeyPlan {
  key: string;
  action: KeyAction;
  /** The version or delete marker that was current at the time; undefined when the key did not exist. */
  target: Entry | undefined;
  /** What is current now (kept in the key's history after a restore or delete). */
  current: Entry;
  /** Why `unchanged` or `kept-newer`, for the report. */
  note?: string;
}

export interface RestorePlan {
  bucket: string;
  prefix: string;
  at: number;
  keys: KeyPlan[];
  counts: Record<KeyAction, number>;
  listing: ListStats;
}

const sameContent = (a: Entry, b: Entry) => a.etag !== undefined && a.etag === b.etag && a.size === b.size;

/** What to do with one key, from its history (newest first) and the point in time. */
export function decide(history: Entry[], at: number, deleteNewer: boolean): KeyPlan {
  const current = history[0] as Entry;
  const target = history.find((e) => e.lastModified <= at);
  const plan = (action: KeyAction, note?: string): KeyPlan => ({
    key: current.key,
    action,
    target,
    current,
    note,
  });
  if (!target || target.deleteMarker) {
    if (current.deleteMarker)
      return plan("unchanged", target ? "deleted then and now" : "absent then and deleted now");
    if (!target && !deleteNewer) return plan("kept-newer", "created after the time; delete-newer is false");
    return plan("delete");
  }
  if (current.versionId === target.versionId) return plan("unchanged", "the same version is current");
  if (!current.deleteMarker && sameContent(current, target))
    return plan("unchanged", "the current version has the same content (ETag and size)");
  return plan("restore");
}

/**
 * Reads the prefix's versions and decides every key. A current version that is a restored copy of the
 * target (an earlier run's, marked with RESTORED_FROM; its ETag differs when the source was a multipart
 * upload) counts as unchanged: one HeadObject per such candidate, only where sizes match.
 */
export async function planRestore(
  clients: S3Clients,
  options: { bucket: string; prefix: string; at: number; deleteNewer: boolean; log: (line: string) => void },
): Promise<RestorePlan> {
  const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
  const listing: ListStats = { pages: 0, entries: 0 };
  const keys: KeyPlan[] = [];
  const counts: Record<KeyAction, number> = { restore: 0, delete: 0, unchanged: 0, "kept-newer": 0 };
  let lastLog = Date.now();
  for await (const history of histories(clients, options.bucket, options.prefix, listing)) {
    let plan = decide(history, options.at, options.deleteNewer);
    const { current, target } = plan;
    if (plan.action === "restore" && target && !current.deleteMarker && current.size === target.size) {
      const head = await call(
        "HeadObject",
        () =>
          clients.read.send(
            new HeadObjectCommand({ Bucket: options.bucket, Key: current.key, VersionId: current.versionId }),
          ),
        current.key,
      );
      if (head.Metadata?.[RESTORED_FROM] === target.versionId) {
        plan = { ...plan, action: "unchanged", note: "the current version is a restored copy of it" };
      }
    }
    keys.push(plan);
    counts[plan.action]++;
    if (Date.now() - lastLog >= 5000) {
      lastLog = Date.now();
      options.log(`Read ${listing.entries} versions of ${keys.length} keys so far.`);
    }
  }
  return { bucket: options.bucket, prefix: options.prefix, at: options.at, keys, counts, listing };
}
