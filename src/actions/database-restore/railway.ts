import { inputError } from "../../core/inputs.ts";
import { connect, type DetectedToken, type RailwayClient } from "../../platforms/railway/client.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import { backupLabel, lastRestore, pickBackup } from "../../platforms/railway/volume-choice.ts";
import { VolumeRestoreError, type VolumeTarget } from "../../platforms/railway/volume-restore.ts";
import { haCluster, otherStagedChanges, stagedSwap } from "../../platforms/railway/volume-staging.ts";
import {
  committedPatches,
  type EnvironmentConfig,
  environmentVolumes,
  listBackups,
  stagedChanges,
  type VolumeBackup,
} from "../../platforms/railway/volumes.ts";
import { parsePointInTime } from "../storage-restore/inputs.ts";
import { checkConfirm } from "./confirm.ts";
import type { Ctx, Provider, RestorePlan } from "./provider.ts";
import { applyRailway } from "./railway-apply.ts";

export type RailwayDetail = {
  token: DetectedToken;
  target: VolumeTarget;
  serviceNames: Map<string, string>;
} & (
  | {
      kind: "backup";
      backup: VolumeBackup;
      newer: VolumeBackup[];
      /** The new volume of a swap an earlier run staged and did not commit: only the commit is left. */
      resume: string | undefined;
    }
  | { kind: "pitr"; at: Date; newServiceName: string }
);

function required(ctx: Ctx, name: "railway-token" | "railway-service", example: string): string {
  const value = ctx.settings[name];
  if (!value) throw inputError(name, "is required for provider railway.", example);
  return value;
}

/** `<service>-restored-YYYYMMDD-HHMM` of the target time (Railway's own default pattern), so a rerun finds it. */
function newServiceName(service: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return `${service}-restored-${stamp}`;
}

type Located = Pick<RailwayDetail, "token" | "target" | "serviceNames"> & { config: EnvironmentConfig };

async function locate(ctx: Ctx): Promise<Located> {
  const { settings } = ctx;
  const token = await connect({
    token: required(ctx, "railway-token", "${{ secrets.RAILWAY_TOKEN }}"),
    tokenType: settings["railway-token-type"],
    apiUrl: settings["railway-api-url"],
    logger: ctx.log,
  });
  const wanted = required(ctx, "railway-service", '"postgres"');
  const project = await resolveProject(token, settings["railway-project"]);
  const environment = resolveEnvironment(project, token, settings["railway-environment"]);
  const [service] = resolveServices(project, [wanted]);
  if (!service)
    throw inputError("railway-service", `names no service of project ${project.name}.`, '"postgres"');
  const { instances, config } = await environmentVolumes(token.client, project.id, environment.id);
  // A restore leaves the old volume in the environment, unmounted: the service's volume is the mounted one.
  const volumes = instances.filter((v) => v.serviceId);
  const instance = volumes.find((v) => v.serviceId === service.id);
  if (!instance) {
    throw inputError(
      "railway-service",
      `is "${service.name}", which has no volume in ${environment.name} (services with volumes: ${
        volumes
          .map((v) => project.services.find((s) => s.id === v.serviceId)?.name ?? v.serviceId)
          .join(", ") || "none"
      }).`,
      '"postgres"',
    );
  }
  return {
    token,
    target: { projectId: project.id, environment, service, instance },
    serviceNames: new Map(project.services.map((s) => [s.id, s.name])),
    config,
  };
}

async function plan(ctx: Ctx): Promise<RestorePlan<RailwayDetail>> {
  const { settings } = ctx;
  if (settings.mode === "in-place") {
    throw inputError(
      "mode",
      "is in-place, which provider railway does not have: swap restores a backup onto the volume, new-service restores a point in time into a new service.",
      '"swap"',
    );
  }
  const at = settings["point-in-time"] ? parsePointInTime(settings["point-in-time"]) : undefined;
  if (settings.mode === "new-service" && (at === undefined || settings.backup)) {
    throw inputError(
      "point-in-time",
      "is required with mode: new-service (and backup must be empty): the time to restore the new service to.",
      '"2h" or "2026-03-01T12:00:00Z"',
    );
  }
  if (settings.mode === "swap" && at === undefined && !settings.backup) {
    throw inputError(
      "backup",
      "or point-in-time is required for provider railway: the backup id or name, or the time to restore to (the newest backup before it).",
      '"2h"',
    );
  }
  const located = await locate(ctx);
  const { target } = located;
  const { service, instance, environment } = target;
  checkConfirm(ctx, service.name, "service");
  const common = [
    ["Service", `${service.name} in ${environment.name}`],
    ["Volume", `${instance.mountPath}, ${instance.currentSizeMB} MB used`],
  ] as [string, string][];
  if (settings.mode === "new-service") {
    const when = new Date(at as number);
    const name = newServiceName(service.name, when);
    const exists = [...located.serviceNames.values()].includes(name);
    return {
      provider: "railway",
      target: service.name,
      restoredFrom: `point in time ${when.toISOString()}`,
      facts: [...common, ["New service", name], ["Mode", "new-service (volumeInstancePITRRestore)"]],
      replaces: [
        `nothing: a new service ${name} is created from ${service.name}'s archive; ${service.name} stays online and untouched`,
      ],
      safety: undefined,
      noSafetyReason: "not needed: nothing is overwritten, the source service stays online.",
      alreadyCurrent: exists
        ? `Service ${name} already exists: a restore of ${service.name} to ${when.toISOString()} was made before. Nothing to do; delete that service to make it again.`
        : undefined,
      detail: { ...located, kind: "pitr", at: when, newServiceName: name },
    };
  }
  return planBackup(ctx, located, at, common);
}

/**
 * The backups of the mounted volume instance and, after a restore by this code, of the instance it
 * replaced (Railway's docs say older backups stay reachable after a restore, not under which instance),
 * without duplicates. The replaced instance may be gone: its list is then left out.
 */
async function backupsOf(
  client: RailwayClient,
  instanceIds: Array<string | undefined>,
): Promise<VolumeBackup[]> {
  const [mounted, ...others] = instanceIds.filter((id): id is string => id !== undefined);
  const lists = await Promise.all([
    listBackups(client, mounted as string),
    ...others.map((id) => listBackups(client, id).catch(() => [])),
  ]);
  const byId = new Map(lists.flat().map((b) => [b.id, b]));
  return [...byId.values()];
}

/** A backup restore: Railway copies the backup into a new volume, stages the swap, and this run commits it. */
async function planBackup(
  ctx: Ctx,
  located: Located,
  at: number | undefined,
  common: [string, string][],
): Promise<RestorePlan<RailwayDetail>> {
  const { settings } = ctx;
  const { token, target, serviceNames } = located;
  const { service, instance, environment } = target;
  const cluster = haCluster(located.config, service.id, serviceNames);
  if (cluster) {
    throw new VolumeRestoreError(
      "ha-cluster",
      `${cluster}: a backup restore in place would leave its replicas diverged from the restored leader, so Railway's CLI refuses it, and so does this action. Nothing was changed.`,
    );
  }
  const [patches, staged] = await Promise.all([
    committedPatches(token.client, environment.id),
    stagedChanges(token.client, environment.id),
  ]);
  const marker = lastRestore(patches, service.id);
  // The marker names the volume its restore mounted: still mounted means still restored from that backup.
  const restoredHere = marker?.volumeId === instance.volumeId ? marker : undefined;
  const backups = await backupsOf(token.client, [instance.id, restoredHere?.fromInstanceId]);
  const { chosen, newer } = pickBackup(backups, { backup: settings.backup, before: at });
  const owner = { serviceId: service.id, volumeId: instance.volumeId };
  const done = restoredHere?.backupId === chosen.id;
  const others = done ? [] : otherStagedChanges(staged, owner, serviceNames);
  if (others.length) {
    throw new VolumeRestoreError(
      "other-staged",
      `Environment ${environment.name} already has staged changes: ${others.join("; ")}. Nothing was changed.`,
      { others },
    );
  }
  const swap = done ? undefined : stagedSwap(staged, owner);
  // A restore deletes every newer backup: with a swap staged, the chosen backup being the newest says the
  // swap is a restore of it (an earlier run stopped before its commit).
  if (swap && newer.length) {
    throw new VolumeRestoreError(
      "swap-staged",
      `A swap of ${service.name}'s volume to a new volume ${swap} is already staged, and it is not a restore of ${backupLabel(chosen)} (that would have deleted the ${newer.length} newer backup(s)). Nothing was changed.`,
    );
  }
  const kept = `the volume mounted now (${instance.volumeId}) is kept by Railway, unmounted, with the data from before`;
  return {
    provider: "railway",
    target: service.name,
    restoredFrom: `backup ${backupLabel(chosen)}`,
    facts: [
      ...common,
      ["Backup", `${backupLabel(chosen)}, ${chosen.usedMB ?? "?"} MB`],
      [
        "Mode",
        swap
          ? `swap (an earlier run staged the swap to new volume ${swap}: only its commit is left)`
          : "swap (Railway restores the backup into a new volume and stages the swap; committed only if nothing else is staged)",
      ],
    ],
    replaces: [
      `${service.name}'s volume at ${instance.mountPath} (${instance.currentSizeMB} MB now): ${kept}`,
      swap || !newer.length
        ? "no backup is newer than the one restored, so none is deleted"
        : `Railway deletes the ${newer.length} backup(s) newer than the one restored: ${newer.map(backupLabel).join("; ")}`,
    ],
    safety:
      settings["safety-backup"] && !swap
        ? `a new Railway backup of the volume, locked; newer than the backup restored, it is assumed deleted by the restore, so what keeps the data from before is the old volume: ${kept}`
        : undefined,
    noSafetyReason:
      settings["safety-backup"] && !swap ? undefined : `no new Railway backup is taken; ${kept}.`,
    alreadyCurrent: done
      ? `${service.name} already mounts volume ${instance.volumeId}, restored from ${backupLabel(chosen)} (the commit of that restore says so). Nothing to do.`
      : undefined,
    detail: { ...located, kind: "backup", backup: chosen, newer, resume: swap },
  };
}

export const railwayProvider: Provider<RailwayDetail> = { plan, apply: applyRailway };
