import { inputError } from "../../core/inputs.ts";
import { connect, type DetectedToken } from "../../platforms/railway/client.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import {
  backupLabel,
  lastRestoredBackup,
  otherStagedChanges,
  pickBackup,
  restoreMarker,
} from "../../platforms/railway/volume-choice.ts";
import {
  type RestoreContext,
  restoreFromBackup,
  restoreToNewService,
  takeSafetyBackup,
  VolumeRestoreError,
  type VolumeTarget,
} from "../../platforms/railway/volume-restore.ts";
import {
  committedPatches,
  environmentVolumes,
  listBackups,
  stagedChanges,
  type VolumeBackup,
} from "../../platforms/railway/volumes.ts";
import { parsePointInTime } from "../storage-restore/inputs.ts";
import { checkConfirm } from "./confirm.ts";
import type { Ctx, Provider, RestorePlan, RestoreRun } from "./provider.ts";

export type RailwayDetail = {
  token: DetectedToken;
  target: VolumeTarget;
  serviceNames: Map<string, string>;
} & (
  | { kind: "backup"; backup: VolumeBackup; newer: VolumeBackup[] }
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

async function locate(
  ctx: Ctx,
): Promise<Omit<RailwayDetail, "kind" | "backup" | "newer" | "at" | "newServiceName">> {
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
  const volumes = await environmentVolumes(token.client, project.id, environment.id);
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
  const [backups, patches, staged] = await Promise.all([
    listBackups(located.token.client, instance.id),
    committedPatches(located.token.client, environment.id),
    stagedChanges(located.token.client, environment.id),
  ]);
  const { chosen, newer } = pickBackup(backups, { backup: settings.backup, before: at });
  const others = otherStagedChanges(
    staged,
    { volumeId: instance.volumeId, serviceId: service.id },
    located.serviceNames,
  );
  if (others.length) {
    throw new VolumeRestoreError(
      "other-staged",
      `Environment ${environment.name} already has staged changes: ${others.join("; ")}. Nothing was changed.`,
      { others },
    );
  }
  const done = lastRestoredBackup(patches, instance.id) === chosen.id;
  return {
    provider: "railway",
    target: service.name,
    restoredFrom: `backup ${backupLabel(chosen)}`,
    facts: [
      ...common,
      ["Backup", `${backupLabel(chosen)}, ${chosen.usedMB ?? "?"} MB`],
      ["Mode", "swap (volume restore staged, committed only if nothing else is staged)"],
    ],
    replaces: [
      `${service.name}'s volume ${instance.mountPath} (${instance.currentSizeMB} MB now)`,
      newer.length
        ? `Railway deletes the ${newer.length} backup(s) newer than the one restored: ${newer.map(backupLabel).join("; ")}`
        : "no backup is newer than the one restored, so none is deleted",
    ],
    safety: settings["safety-backup"]
      ? "a new Railway backup of the volume, locked (no expiry), checked to survive the restore before the swap is committed"
      : undefined,
    noSafetyReason: undefined,
    alreadyCurrent: done
      ? `${service.name}'s volume was already restored from ${backupLabel(chosen)} (the last committed restore says so). Nothing to do.`
      : undefined,
    detail: { ...located, kind: "backup", backup: chosen, newer },
  };
}

async function apply(ctx: Ctx, planned: RestorePlan<RailwayDetail>): Promise<RestoreRun> {
  const detail = planned.detail;
  const { client } = detail.token;
  const context: RestoreContext = {
    log: ctx.log,
    signal: ctx.signal,
    waitMs: ctx.settings.wait,
    serviceNames: detail.serviceNames,
  };
  const requests = () => `${client.requestCount} Railway API requests in all.`;
  if (detail.kind === "pitr") {
    const made = await restoreToNewService(
      client,
      detail.target,
      { at: detail.at, newServiceName: detail.newServiceName },
      context,
    );
    return {
      status: made.deployment ? "restored" : "requested",
      safetyBackup: undefined,
      notes: [
        `New service ${made.service?.name} (${made.service?.id})${made.deployment ? ` serves: deployment ${made.deployment.id} SUCCESS` : " is starting"}; ${detail.target.service.name} stayed online.`,
        requests(),
      ],
      steps: made.steps,
    };
  }
  const steps: RestoreRun["steps"] = [];
  const safety = ctx.settings["safety-backup"]
    ? await takeSafetyBackup(client, detail.target, detail.backup.id, context)
    : undefined;
  if (safety) steps.push({ name: "safety backup", ms: safety.ms });
  const commitMessage = `Restore ${detail.target.service.name}'s volume from backup ${detail.backup.name ?? detail.backup.id} (database-restore${ctx.run.runUrl ? `, ${ctx.run.runUrl}` : ""}) ${restoreMarker(detail.target.instance.id, detail.backup.id)}`;
  const result = await restoreFromBackup(
    client,
    detail.target,
    { backup: detail.backup, safety: safety?.backup, commitMessage },
    context,
  );
  steps.push(...result.steps);
  const notes = [
    result.deployment
      ? `${detail.target.service.name} deployment ${result.deployment.id} reached SUCCESS on the restored volume.`
      : `The swap is committed; ${detail.target.service.name}'s deployment was not awaited (wait: 0).`,
  ];
  if (safety) notes.push(`Safety backup: ${safety.backup.name} (${safety.backup.id}), locked.`);
  if (detail.newer.length)
    notes.push(`Railway deleted ${detail.newer.length} backup(s) newer than the one restored.`);
  notes.push(requests());
  return {
    status: result.deployment ? "restored" : "requested",
    safetyBackup: safety?.backup.id,
    notes,
    steps,
  };
}

export const railwayProvider: Provider<RailwayDetail> = { plan, apply };
