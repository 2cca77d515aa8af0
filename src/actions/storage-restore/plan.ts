import type { Summary } from "../../core/report.ts";
import { type S3Clients, StorageError, s3Clients, versioningStatus } from "../../platforms/s3/client.ts";
import { planRestore, type RestorePlan } from "../../platforms/s3/plan.ts";
import { type Ctx, checkInputs } from "./inputs.ts";
import { reportPath, writeReport } from "./report-file.ts";

export interface StoragePlan {
  restore: RestorePlan;
  report: string;
  deleteNewer: boolean;
}

/** Without versioning there is no earlier version to go back to: refused before anything is read further. */
export class NoVersioningError extends Error {
  override name = "NoVersioningError";
}

export function clientsFor(ctx: Ctx): Promise<S3Clients> {
  const { settings } = ctx;
  return s3Clients({
    endpoint: settings.endpoint,
    region: settings.region,
    accessKeyId: settings["access-key-id"],
    secretAccessKey: settings["secret-access-key"],
  });
}

async function requireVersioning(clients: S3Clients, bucket: string): Promise<void> {
  let status: string | undefined;
  try {
    status = await versioningStatus(clients, bucket);
  } catch (error) {
    // Services without the versioning API (R2, Supabase Storage) answer NotImplemented or similar.
    if (error instanceof StorageError && (error.code === "NotImplemented" || error.status === 501))
      status = undefined;
    else throw error;
  }
  if (status === "Enabled") return;
  throw new NoVersioningError(
    status === "Suspended"
      ? `Bucket "${bucket}" has versioning suspended: writes now replace the "null" version instead of keeping history, so a restore could overwrite data with no way back. Turn versioning on again (it keeps history from then on), then run again.`
      : `Bucket "${bucket}" has no versioning, so no earlier versions exist to restore from: a point-in-time restore is impossible. Cloudflare R2 and Supabase Storage have no versioning at all (restore from a backup copy instead); on S3, turn versioning on now to protect from now on.`,
  );
}

/** Reads the bucket's versioning and every version under the prefix, and decides each key. Writes the report. */
export async function planStorage(ctx: Ctx): Promise<StoragePlan> {
  const { settings } = ctx;
  const { at } = checkInputs(settings);
  const clients = await clientsFor(ctx);
  try {
    await requireVersioning(clients, settings.bucket);
    const restore = await planRestore(clients, {
      bucket: settings.bucket,
      prefix: settings.prefix,
      at,
      deleteNewer: settings["delete-newer"],
      log: (line) => ctx.log.info(line),
    });
    const report = reportPath(ctx.run.temp, settings.bucket);
    writeReport(report, restore, settings["dry-run"]);
    const { counts } = restore;
    ctx.log.info(
      `${where(restore)} at ${new Date(at).toISOString()}: ${counts.restore} to restore, ${counts.delete} to delete, ${counts.unchanged} already as they were, ${counts["kept-newer"]} newer kept (${restore.listing.entries} versions in ${restore.listing.pages} pages). Report: ${report}`,
    );
    return { restore, report, deleteNewer: settings["delete-newer"] };
  } finally {
    clients.close();
  }
}

export function where(plan: RestorePlan): string {
  return `s3://${plan.bucket}/${plan.prefix}`;
}

const SHOWN = 20;

export function describeStorage(plan: StoragePlan, summary: Summary): void {
  const { restore } = plan;
  const { counts } = restore;
  summary.text(`Restore \`${where(restore)}\` to **${new Date(restore.at).toISOString()}**.`);
  summary.table(
    ["", "keys"],
    [
      ["Restore an earlier version", counts.restore],
      ["Delete (a delete marker: still recoverable)", counts.delete],
      ["Already as they were", counts.unchanged],
      ["Created later, kept (delete-newer: false)", counts["kept-newer"]],
    ],
  );
  const changes = restore.keys.filter((k) => k.action === "restore" || k.action === "delete");
  if (changes.length) {
    const rows = changes
      .slice(0, SHOWN)
      .map((k) => [k.key, k.action, k.target?.versionId ?? "–", k.current.versionId]);
    summary.table(["Key", "Action", "Version restored", "Replaces (kept in history)"], rows);
    if (changes.length > SHOWN)
      summary.text(`… and ${changes.length - SHOWN} more: every key is in the report.`);
  }
  summary.text(
    `Report: \`${plan.report}\`. Every replaced version stays in its key's history (versioning), so the restore itself can be undone.`,
  );
}
