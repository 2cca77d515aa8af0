import { inputError } from "../../core/inputs.ts";
import {
  type Cluster,
  getCluster,
  jobState,
  listRestoreJobs,
  type RestoreJob,
  sameRestore,
} from "../../platforms/atlas/backup.ts";
import { AtlasClient } from "../../platforms/atlas/client.ts";
import {
  type AtlasTarget,
  awaitRestore,
  safetySnapshot,
  startRestore,
} from "../../platforms/atlas/restore.ts";
import { parsePointInTime } from "../storage-restore/inputs.ts";
import { checkConfirm } from "./confirm.ts";
import type { Ctx, Provider, RestorePlan, RestoreRun } from "./provider.ts";

export interface AtlasDetail {
  client: AtlasClient;
  target: AtlasTarget;
  seconds: number;
  /** The same restore, started by an earlier run and still running: followed, never started twice. */
  inFlight: RestoreJob | undefined;
}

/** The refusal Atlas would give later, said before anything changes: a point-in-time restore needs it on. */
const PIT_OFF =
  "has Continuous Cloud Backup off (pitEnabled: false): Atlas has no point-in-time restore for it. Turn it on in the cluster's Backup settings (M10+), or restore a snapshot from the dashboard.";

function readInputs(ctx: Ctx) {
  const { settings } = ctx;
  const missing = (
    ["atlas-client-id", "atlas-client-secret", "atlas-group-id", "atlas-cluster"] as const
  ).find((name) => !settings[name]);
  if (missing) {
    throw inputError(
      missing,
      "is required for provider atlas (a service account, the project id and the cluster).",
      '"${{ secrets.ATLAS_CLIENT_ID }}"',
    );
  }
  if (settings.backup) {
    throw inputError(
      "backup",
      "is set, but provider atlas restores to point-in-time only: leave backup empty.",
      '"2h"',
    );
  }
  if (settings.mode === "new-service") {
    throw inputError("mode", "is new-service, which only provider railway has.", '"swap"');
  }
  if (!settings["point-in-time"]) {
    throw inputError(
      "point-in-time",
      "is required for provider atlas: the time the cluster is restored to.",
      '"2h" or "2026-03-01T12:00:00Z"',
    );
  }
  return { at: parsePointInTime(settings["point-in-time"]) };
}

function describeCluster(cluster: Cluster): string {
  const parts = [
    cluster.stateName,
    cluster.mongoDBVersion && `MongoDB ${cluster.mongoDBVersion}`,
    cluster.diskSizeGB && `${cluster.diskSizeGB} GB disk`,
  ];
  return parts.filter(Boolean).join(", ") || "no details";
}

async function plan(ctx: Ctx): Promise<RestorePlan<AtlasDetail>> {
  const { settings } = ctx;
  const { at } = readInputs(ctx);
  const target: AtlasTarget = {
    groupId: settings["atlas-group-id"] as string,
    cluster: settings["atlas-cluster"] as string,
  };
  checkConfirm(ctx, target.cluster, "cluster");
  const client = new AtlasClient({
    clientId: settings["atlas-client-id"] as string,
    clientSecret: settings["atlas-client-secret"] as string,
    baseUrl: settings["atlas-api-url"],
    logger: ctx.log,
    onSecret: (value) => ctx.tk.setSecret(value),
  });
  const seconds = Math.floor(at / 1000);
  const [cluster, jobs] = await Promise.all([
    getCluster(client, target.groupId, target.cluster),
    listRestoreJobs(client, target.groupId, target.cluster),
  ]);
  if (cluster.pitEnabled === false) throw new Error(`Atlas cluster ${target.cluster} ${PIT_OFF}`);
  const same = jobs.filter((job) => sameRestore(job, target.cluster, target.groupId, seconds));
  const finished = same.find((job) => jobState(job) === "finished");
  const inFlight = same.find((job) => jobState(job) === "running");
  const when = new Date(seconds * 1000).toISOString();
  return {
    provider: "atlas",
    target: target.cluster,
    restoredFrom: `point in time ${when}`,
    facts: [
      ["Cluster", `${target.cluster} (${describeCluster(cluster)}) in project ${target.groupId}`],
      ["Point in time", `${when} (pointInTimeUTCSeconds ${seconds})`],
      ["Delivery", "pointInTime onto the same cluster"],
      ...(inFlight
        ? ([["Already running", `restore job ${inFlight.id}: followed, not started again`]] as [
            string,
            string,
          ][])
        : []),
    ],
    replaces: [
      `ALL data on cluster ${target.cluster}${cluster.diskSizeGB ? ` (${cluster.diskSizeGB} GB disk)` : ""}: it becomes what it held at ${when}; every write after that is gone from the cluster`,
    ],
    safety:
      settings["safety-backup"] && !inFlight
        ? `an on-demand snapshot of ${target.cluster}, awaited until Atlas reports it completed`
        : undefined,
    noSafetyReason: inFlight ? "taken by the run that started the restore job being followed." : undefined,
    alreadyCurrent: finished
      ? `Cluster ${target.cluster} was already restored to ${when} (restore job ${finished.id}, finished ${finished.finishedAt}). Nothing to do.`
      : undefined,
    detail: { client, target, seconds, inFlight },
  };
}

async function apply(ctx: Ctx, planned: RestorePlan<AtlasDetail>): Promise<RestoreRun> {
  const { client, target, seconds, inFlight } = planned.detail;
  const context = { log: ctx.log, signal: ctx.signal, timeoutMs: ctx.settings.wait || 30 * 60_000 };
  const steps: RestoreRun["steps"] = [];
  let started = Date.now();
  const snapshot =
    planned.safety === undefined
      ? undefined
      : await safetySnapshot(
          client,
          target,
          `rollback-safety before point-in-time restore to ${new Date(seconds * 1000).toISOString()}`,
          context,
        );
  if (snapshot) steps.push({ name: "safety snapshot", ms: Date.now() - started });
  ctx.signal.throwIfAborted();
  started = Date.now();
  const job = inFlight ?? (await startRestore(client, target, seconds, snapshot?.id));
  ctx.log.info(
    `Atlas restore job ${job.id}: ${target.cluster} to ${new Date(seconds * 1000).toISOString()}; all its data is being replaced.`,
  );
  const notes = [`Restore job ${job.id}${inFlight ? " (started by an earlier run, followed)" : ""}.`];
  if (snapshot)
    notes.push(
      `Safety snapshot ${snapshot.id} (on-demand, kept 7 days)${snapshot.storageSizeBytes ? `, ${snapshot.storageSizeBytes} bytes` : ""}.`,
    );
  if (ctx.settings.wait === 0) {
    notes.push(`${client.requestCount} Atlas API requests in all.`);
    return { status: "requested", safetyBackup: snapshot?.id, notes, steps };
  }
  const done = await awaitRestore(client, target, job, snapshot?.id, context);
  steps.push({ name: "restore job", ms: Date.now() - started });
  notes.push(`Finished at ${done.finishedAt}.`, `${client.requestCount} Atlas API requests in all.`);
  return { status: "restored", safetyBackup: snapshot?.id, notes, steps };
}

export const atlasProvider: Provider<AtlasDetail> = { plan, apply };
