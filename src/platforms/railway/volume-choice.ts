import type { CommittedPatch, VolumeBackup } from "./volumes.ts";

/** The names this code gives its own safety backups: never picked automatically as what to restore. */
export const SAFETY_PREFIX = "rollback-safety";

/**
 * Written into the commit message: what a later run reads to know this service already mounts that backup.
 * Keyed by the service and the NEW volume (a restore swaps in a new volume, so the old volume instance id
 * does not survive it: docs volumes/backups.md, PLATFORMS.md); `from` is the volume instance it replaced,
 * whose backup list a rerun reads too (nothing documents which instance lists the backups after a swap).
 */
export function restoreMarker(marker: RestoreMarker): string {
  return `[database-restore service=${marker.serviceId} backup=${marker.backupId} volume=${marker.volumeId} from=${marker.fromInstanceId}]`;
}

export interface RestoreMarker {
  serviceId: string;
  backupId: string;
  volumeId: string;
  fromInstanceId: string;
}

/** The newest committed restore of this service by this code. */
export function lastRestore(patches: CommittedPatch[], serviceId: string): RestoreMarker | undefined {
  const pattern = /\[database-restore service=(\S+) backup=(\S+) volume=(\S+) from=(\S+)\]/;
  for (const patch of patches) {
    if (patch.status !== "COMMITTED") continue;
    const [, service, backupId, volumeId, fromInstanceId] = pattern.exec(patch.message ?? "") ?? [];
    if (service === serviceId && backupId && volumeId && fromInstanceId)
      return { serviceId, backupId, volumeId, fromInstanceId };
  }
  return undefined;
}

/** The backup cannot be chosen; `known` lists what there is, for the message. */
export class BackupChoiceError extends Error {
  override name = "BackupChoiceError";
  readonly known: VolumeBackup[];
  constructor(message: string, known: VolumeBackup[]) {
    super(message);
    this.known = known;
  }
}

export function backupLabel(backup: VolumeBackup): string {
  return `${backup.name ?? "(unnamed)"} (${backup.id}, ${backup.createdAt})`;
}

/**
 * The backup named by id or name, or else the newest taken at or before `before` (this code's own safety
 * backups excluded: restoring one undoes a restore, which needs its id). `newer` are the backups a restore
 * of it deletes (PLATFORMS.md: a restore deletes backups newer than the one restored).
 */
export function pickBackup(
  backups: VolumeBackup[],
  wanted: { backup?: string; before?: number },
): { chosen: VolumeBackup; newer: VolumeBackup[] } {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  let chosen: VolumeBackup | undefined;
  if (wanted.backup) {
    const byId = newestFirst.find((b) => b.id === wanted.backup);
    const byName = newestFirst.filter((b) => b.name === wanted.backup);
    if (!byId && byName.length > 1) {
      throw new BackupChoiceError(
        `${byName.length} backups are named "${wanted.backup}": name one by its id (${byName.map((b) => b.id).join(", ")}).`,
        newestFirst,
      );
    }
    chosen = byId ?? byName[0];
    if (!chosen) throw new BackupChoiceError(`No backup has the id or name "${wanted.backup}".`, newestFirst);
    if (wanted.before !== undefined && Date.parse(chosen.createdAt) > wanted.before) {
      throw new BackupChoiceError(
        `Backup ${backupLabel(chosen)} was taken after point-in-time (${new Date(wanted.before).toISOString()}): set only one of them.`,
        newestFirst,
      );
    }
  } else {
    const before = wanted.before ?? Number.POSITIVE_INFINITY;
    chosen = newestFirst.find(
      (b) => Date.parse(b.createdAt) <= before && !(b.name ?? "").startsWith(SAFETY_PREFIX),
    );
    if (!chosen) {
      throw new BackupChoiceError(
        `No backup was taken at or before ${new Date(before).toISOString()}.`,
        newestFirst,
      );
    }
  }
  const at = Date.parse(chosen.createdAt);
  return { chosen, newer: newestFirst.filter((b) => Date.parse(b.createdAt) > at) };
}
