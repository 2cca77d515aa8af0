import type { CommittedPatch, VolumeBackup } from "./volumes.ts";

/** The names this code gives its own safety backups: never picked automatically as what to restore. */
export const SAFETY_PREFIX = "rollback-safety";

/** Written into the commit message: what a later run reads to know this volume already holds that backup. */
export function restoreMarker(volumeInstanceId: string, backupId: string): string {
  return `[database-restore volume=${volumeInstanceId} backup=${backupId}]`;
}

/** The backup the newest committed restore of this volume (by this code) brought back, if any. */
export function lastRestoredBackup(patches: CommittedPatch[], volumeInstanceId: string): string | undefined {
  const pattern = /\[database-restore volume=(\S+) backup=(\S+)\]/;
  for (const patch of patches) {
    if (patch.status !== "COMMITTED") continue;
    const match = pattern.exec(patch.message ?? "");
    if (match?.[1] === volumeInstanceId) return match[2];
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

function nonEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "object") return Object.values(value).some(nonEmpty) || Array.isArray(value);
  return true;
}

/**
 * What a staged patch (an EnvironmentConfig document) holds besides this volume's swap, in words. How
 * Railway writes a volume swap into the patch is not documented: only an entry under `volumes` for this
 * volume (or the service's own `volumeMounts`) counts as the swap; anything else is someone else's
 * change, which a commit would deploy with it.
 */
export function otherStagedChanges(
  patch: unknown,
  ours: { volumeId: string; serviceId: string },
  serviceNames: Map<string, string>,
): string[] {
  if (!patch || typeof patch !== "object") return [];
  const others: string[] = [];
  for (const [section, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!nonEmpty(value)) continue;
    const entries =
      value && typeof value === "object" ? Object.entries(value as Record<string, unknown>) : [];
    if (section === "volumes") {
      for (const [id, change] of entries)
        if (id !== ours.volumeId && nonEmpty(change)) others.push(`volume ${id}`);
    } else if (section === "services") {
      for (const [id, change] of entries) {
        const keys = Object.keys((change as Record<string, unknown>) ?? {}).filter((k) =>
          nonEmpty((change as Record<string, unknown>)[k]),
        );
        const mine = id === ours.serviceId && keys.every((k) => k === "volumeMounts");
        if (!mine && keys.length) others.push(`service ${serviceNames.get(id) ?? id}: ${keys.join(", ")}`);
      }
    } else {
      others.push(section);
    }
  }
  return others;
}

/** Whether the patch holds this volume's swap (in either of the places `otherStagedChanges` accepts). */
export function stagesSwap(patch: unknown, ours: { volumeId: string; serviceId: string }): boolean {
  const doc = (patch ?? {}) as {
    volumes?: Record<string, unknown>;
    services?: Record<string, { volumeMounts?: unknown } | undefined>;
  };
  return nonEmpty(doc.volumes?.[ours.volumeId]) || nonEmpty(doc.services?.[ours.serviceId]?.volumeMounts);
}
