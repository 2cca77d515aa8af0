import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RestorePlan } from "../../platforms/s3/plan.ts";
import type { KeyResult } from "../../platforms/s3/restore.ts";

/** Where the report goes: the runner's temp folder (upload it as an artifact to keep it). */
export function reportPath(temp: string | undefined, bucket: string): string {
  const dir = temp ?? tmpdir();
  mkdirSync(dir, { recursive: true });
  return join(dir, `storage-restore-${bucket.replace(/[^\w.-]/g, "_")}.json`);
}

/**
 * One line per key: what the restore does (or did) with it, the version it brings back (`null` for a
 * key that did not exist then), the version it replaces (kept in the key's history), and after a run
 * the version written and whether another writer changed the key meanwhile. After a stop part-way,
 * `written` is only on keys the bucket shows this run wrote (`readBack: false`: those S3 answered).
 */
export function writeReport(
  path: string,
  plan: RestorePlan,
  dryRun: boolean,
  results?: KeyResult[],
  /** Set when the run stopped part-way: whether `results` were read back from the bucket. */
  stopped?: { readBack: boolean },
): void {
  const byKey = new Map((results ?? []).map((r) => [r.plan.key, r]));
  const keys = plan.keys.map((k) => {
    const result = byKey.get(k.key);
    return {
      key: k.key,
      action: k.action,
      version: k.target ? (k.target.deleteMarker ? "delete-marker" : k.target.versionId) : null,
      replaced: k.current.versionId,
      ...(k.note ? { note: k.note } : {}),
      ...(result?.written ? { written: result.written } : {}),
      ...(result?.changed ? { changed: result.changed } : {}),
    };
  });
  const report = {
    bucket: plan.bucket,
    prefix: plan.prefix,
    pointInTime: new Date(plan.at).toISOString(),
    dryRun,
    applied: results !== undefined,
    ...(stopped ? { complete: false, readBack: stopped.readBack } : {}),
    ...(results ? { written: results.filter((r) => r.written).length } : {}),
    counts: plan.counts,
    keys,
  };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
