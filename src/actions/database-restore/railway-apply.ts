import { CancelledError } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { restoreMarker } from "../../platforms/railway/volume-choice.ts";
import {
  awaitNewDeployment,
  commitSwap,
  deploymentIds,
  type RestoreContext,
  readBack,
  stagedSwapOf,
  type VolumeReadBack,
  verifySwap,
} from "../../platforms/railway/volume-restore.ts";
import {
  restoreToNewService,
  runRestoreWorkflow,
  takeSafetyBackup,
} from "../../platforms/railway/volume-workflows.ts";
import type { VolumeBackup } from "../../platforms/railway/volumes.ts";
import type { Ctx, RestorePlan, RestoreRun } from "./provider.ts";
import type { RailwayDetail } from "./railway.ts";

type BackupDetail = Extract<RailwayDetail, { kind: "backup" }>;
type Changed = "true" | "false" | "unknown";

/** A Railway restore that failed, its message written from a read-back of what the service mounts. */
export class RailwayRestoreFailed extends Error {
  override name = "RailwayRestoreFailed";
}

/** The retained old volume: where the data from before a backup restore is kept (output `safety-backup`). */
export const keptVolume = (volumeId: string) => `volume:${volumeId}`;

function contextOf(ctx: Ctx, detail: RailwayDetail): RestoreContext {
  return { log: ctx.log, signal: ctx.signal, waitMs: ctx.settings.wait, serviceNames: detail.serviceNames };
}

export async function applyRailway(ctx: Ctx, planned: RestorePlan<RailwayDetail>): Promise<RestoreRun> {
  const detail = planned.detail;
  return detail.kind === "pitr" ? applyPitr(ctx, detail) : applyBackup(ctx, detail);
}

/**
 * The steps of a backup restore, each undone or completed by a rerun after a fault: safety backup
 * (create, await, lock), restore workflow (stages a swap to a new volume), staged-changes check, commit,
 * re-check, deployment. Until the commit the service mounts the volume from before; after it, the
 * restored one (Railway swaps the mount in one commit); the old volume is kept either way.
 */
async function applyBackup(ctx: Ctx, detail: BackupDetail): Promise<RestoreRun> {
  const { client } = detail.token;
  const { target } = detail;
  const context = contextOf(ctx, detail);
  const progress: Progress = { step: detail.resume ? "staged-changes check" : "safety backup" };
  const steps: RestoreRun["steps"] = [];
  try {
    if (!detail.resume) {
      if (ctx.settings["safety-backup"]) {
        const safety = await takeSafetyBackup(client, target, detail.backup.id, context);
        progress.safety = safety.backup;
        steps.push({ name: "safety backup", ms: safety.ms });
      }
      progress.step = "restore workflow";
      const started = Date.now();
      await runRestoreWorkflow(client, target, detail.backup, context);
      steps.push({ name: "restore (staged)", ms: Date.now() - started });
    }
    progress.step = "staged-changes check";
    const swap = await stagedSwapOf(client, target, context);
    progress.swap = swap;
    const known = await deploymentIds(client, target);
    progress.step = "commit";
    const started = Date.now();
    await commitSwap(client, target, swap, commitMessage(ctx, detail, swap), context);
    progress.step = "re-check after the commit";
    const after = await verifySwap(client, target, swap);
    ctx.log.info(
      `Committed: ${target.service.name} mounts the restored volume ${swap}; the volume from before (${target.instance.volumeId}) is ${after.oldRetained ? "kept, unmounted" : "not listed any more"}.`,
    );
    let deployment: Awaited<ReturnType<typeof awaitNewDeployment>> | undefined;
    if (ctx.settings.wait !== 0) {
      progress.step = "deployment";
      deployment = await awaitNewDeployment(client, target, known, context);
      steps.push({ name: "commit → deployment SUCCESS", ms: Date.now() - started });
    }
    return {
      status: deployment ? "restored" : "requested",
      changed: "true",
      safetyBackup: keptVolume(target.instance.volumeId),
      notes: [
        deployment
          ? `${target.service.name} deployment ${deployment.id} reached SUCCESS on the restored volume ${swap}.`
          : `The swap to the restored volume ${swap} is committed; ${target.service.name}'s deployment was not awaited (wait: 0).`,
        `The data from before is on volume ${target.instance.volumeId}, which Railway keeps unmounted${after.oldRetained ? "" : " (NOT listed in the environment after the commit: look for it in the dashboard)"}.`,
        ...safetyNote(progress.safety, detail),
        `${client.requestCount} Railway API requests in all.`,
      ],
      steps,
    };
  } catch (error) {
    throw await failure(ctx, detail, progress, error);
  }
}

interface Progress {
  step: string;
  safety?: VolumeBackup;
  swap?: string;
}

function safetyNote(safety: VolumeBackup | undefined, detail: BackupDetail): string[] {
  const others = detail.newer.length ? ` with the ${detail.newer.length} other newer backup(s)` : "";
  return safety
    ? [
        `Safety backup ${safety.id} (locked) was taken first; Railway's restore deletes the backups newer than the one restored, so it is assumed gone${others}.`,
      ]
    : [];
}

function commitMessage(ctx: Ctx, detail: BackupDetail, swap: string): string {
  const run = ctx.run.runUrl ? `, ${ctx.run.runUrl}` : "";
  return `Restore ${detail.target.service.name}'s volume from backup ${detail.backup.name ?? detail.backup.id} (database-restore${run}) ${restoreMarker(
    {
      serviceId: detail.target.service.id,
      backupId: detail.backup.id,
      volumeId: swap,
      fromInstanceId: detail.target.instance.id,
    },
  )}`;
}

/** What the service mounts now, in words, and whether that is a change. */
function describe(detail: BackupDetail, state: VolumeReadBack | undefined, swap: string | undefined) {
  const service = detail.target.service.name;
  const old = detail.target.instance.volumeId;
  if (!state?.mounted) {
    return {
      changed: "unknown" as Changed,
      holds: `What ${service} mounts now could not be read back: look at its volume in the Railway dashboard (the volume from before is ${old}).`,
      next: "Run again with the same inputs: it commits a swap left staged, or says already-current.",
    };
  }
  if (state.mounted.volumeId === old) {
    return {
      changed: "false" as Changed,
      holds: `Read back: ${service} still mounts its volume ${old}, with the data from before; ${state.staged ? `a swap to the restored volume ${state.staged} is staged, not committed.` : "no swap is staged."}`,
      next: state.staged
        ? "Run again with the same inputs to commit that swap, or discard it in the dashboard (the environment's staged changes)."
        : "Run again with the same inputs: it starts over (if Railway's restore workflow is still running, let it end first: the swap it stages is then committed by the rerun).",
    };
  }
  const ours = state.mounted.volumeId === swap ? "" : " (not the one this run staged)";
  return {
    changed: "true" as Changed,
    holds: `Read back: ${service} mounts the restored volume ${state.mounted.volumeId}${ours}; the volume from before, ${old}, is ${state.oldRetained ? "kept by Railway, unmounted" : "NOT listed in the environment any more"}.`,
    next: `Run again with the same inputs: it says already-current. To go back, mount volume ${old} again in the dashboard.`,
  };
}

/** Reads back what the service mounts, sets `changed` from it, and writes the failure message. */
async function failure(ctx: Ctx, detail: BackupDetail, progress: Progress, error: unknown): Promise<Error> {
  let state: VolumeReadBack | undefined;
  try {
    state = await readBack(detail.token.client, detail.target);
  } catch (readError) {
    ctx.log.warn(`Could not read back the volume: ${errorMessage(readError)}`);
  }
  const { changed, holds, next } = describe(detail, state, progress.swap);
  ctx.tk.setOutput("changed", changed);
  if (changed !== "false") ctx.tk.setOutput("safety-backup", keptVolume(detail.target.instance.volumeId));
  const said = error instanceof CancelledError ? error.message : errorMessage(error);
  const cause = /[.!?]$/.test(said) ? said : `${said}.`;
  const safety =
    progress.safety && changed === "false"
      ? ` Safety backup ${progress.safety.id} (locked) was taken; a restore deletes backups newer than the one restored, so it may be gone.`
      : "";
  const message = `The restore of ${detail.target.service.name} stopped at "${progress.step}": ${cause} ${holds}${safety} ${next}`;
  const reason = ctx.signal.reason;
  return ctx.signal.aborted && reason instanceof CancelledError
    ? new CancelledError(reason.signalName, message)
    : new RailwayRestoreFailed(message);
}

/** A new service restored to the point in time; after a failure, whether it exists is read back. */
async function applyPitr(ctx: Ctx, detail: Extract<RailwayDetail, { kind: "pitr" }>): Promise<RestoreRun> {
  const { client } = detail.token;
  try {
    const made = await restoreToNewService(
      client,
      detail.target,
      { at: detail.at, newServiceName: detail.newServiceName },
      contextOf(ctx, detail),
    );
    return {
      status: made.deployment ? "restored" : "requested",
      changed: "true",
      safetyBackup: undefined,
      notes: [
        `New service ${made.service?.name} (${made.service?.id})${made.deployment ? ` serves: deployment ${made.deployment.id} SUCCESS` : " is starting"}; ${detail.target.service.name} stayed online.`,
        `${client.requestCount} Railway API requests in all.`,
      ],
      steps: made.steps,
    };
  } catch (error) {
    let exists: boolean | undefined;
    try {
      const project = await client.project(detail.target.projectId);
      exists = project.services.some((s) => s.name === detail.newServiceName);
    } catch (readError) {
      ctx.log.warn(`Could not read back the project's services: ${errorMessage(readError)}`);
    }
    ctx.tk.setOutput("changed", exists === undefined ? "unknown" : String(exists));
    const holds =
      exists === undefined
        ? `Whether service ${detail.newServiceName} was made could not be read back: look in the dashboard.`
        : exists
          ? `Read back: service ${detail.newServiceName} exists (a rerun says already-current).`
          : `Read back: no service ${detail.newServiceName} exists yet; run again when Railway's workflow has ended.`;
    const message = `${error instanceof Error ? errorMessage(error) : String(error)} ${detail.target.service.name} itself is untouched. ${holds}`;
    const reason = ctx.signal.reason;
    throw ctx.signal.aborted && reason instanceof CancelledError
      ? new CancelledError(reason.signalName, message)
      : new RailwayRestoreFailed(message);
  }
}
