import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import {
  createPointInTimeRestore,
  getRestoreJob,
  getSnapshot,
  jobState,
  listRestoreJobs,
  type RestoreJob,
  type Snapshot,
  sameRestore,
  takeSnapshot,
} from "./backup.ts";
import type { AtlasClient } from "./client.ts";

export type AtlasFailure =
  | "snapshot-failed"
  | "snapshot-timeout"
  | "job-failed"
  | "job-timeout"
  | "job-unknown";

/** A step of the restore ended badly; `snapshotId` is the safety snapshot, when one was taken. */
export class AtlasRestoreError extends Error {
  override name = "AtlasRestoreError";
  readonly kind: AtlasFailure;
  readonly snapshotId: string | undefined;
  readonly jobId: string | undefined;
  constructor(kind: AtlasFailure, message: string, ids: { snapshotId?: string; jobId?: string } = {}) {
    super(message);
    this.kind = kind;
    this.snapshotId = ids.snapshotId;
    this.jobId = ids.jobId;
  }
}

export interface AtlasTarget {
  groupId: string;
  cluster: string;
}

export interface WaitContext {
  log: Logger;
  signal: AbortSignal;
  timeoutMs: number;
}

const POLL = { initialDelayMs: 1000, maxDelayMs: 30_000, factor: 1.6, progressEveryMs: 30_000 };

/** An on-demand snapshot, awaited until Atlas reports it completed. */
export async function safetySnapshot(
  client: AtlasClient,
  target: AtlasTarget,
  description: string,
  context: WaitContext,
): Promise<Snapshot> {
  context.signal.throwIfAborted();
  const started = await takeSnapshot(client, target.groupId, target.cluster, description);
  context.log.info(`Safety snapshot ${started.id} of ${target.cluster} requested (${started.status}).`);
  const result = await waitFor<Snapshot>({
    ...POLL,
    what: `snapshot ${started.id}`,
    timeoutMs: context.timeoutMs,
    onProgress: (line) => context.log.info(line),
    poll: async () => {
      context.signal.throwIfAborted();
      const now = await getSnapshot(client, target.groupId, target.cluster, started.id);
      if (now.status === "completed") return { done: true, value: now };
      if (now.status === "failed") {
        throw new AtlasRestoreError(
          "snapshot-failed",
          `Atlas could not take the safety snapshot ${now.id} (failed).`,
          {
            snapshotId: now.id,
          },
        );
      }
      return { done: false, state: now.status };
    },
  });
  if (result.outcome === "timeout") {
    throw new AtlasRestoreError(
      "snapshot-timeout",
      `The safety snapshot ${started.id} was still ${result.lastState ?? "running"} after ${formatMs(result.elapsedMs)}.`,
      { snapshotId: started.id },
    );
  }
  context.log.info(`Safety snapshot ${result.value.id} completed in ${formatMs(result.elapsedMs)}.`);
  return result.value;
}

/**
 * Starts the point-in-time restore job. A create that got no answer is never sent again: the job list tells
 * whether it was made.
 */
export async function startRestore(
  client: AtlasClient,
  target: AtlasTarget,
  seconds: number,
  snapshotId: string | undefined,
): Promise<RestoreJob> {
  try {
    return await createPointInTimeRestore(client, target.groupId, target.cluster, seconds);
  } catch (error) {
    if (!(error instanceof HttpError && error.ambiguous)) throw error;
    const jobs = await listRestoreJobs(client, target.groupId, target.cluster);
    const made = jobs.find(
      (job) => sameRestore(job, target.cluster, target.groupId, seconds) && jobState(job) === "running",
    );
    if (made) return made;
    throw new AtlasRestoreError(
      "job-unknown",
      `The restore job request got no answer (${error.message}) and no such job is listed: it was not started.`,
      { snapshotId },
    );
  }
}

/** Polls the job until finishedAt, failed, cancelled or expired. */
export async function awaitRestore(
  client: AtlasClient,
  target: AtlasTarget,
  job: RestoreJob,
  snapshotId: string | undefined,
  context: WaitContext,
): Promise<RestoreJob> {
  const result = await waitFor<RestoreJob>({
    ...POLL,
    what: `restore job ${job.id} on ${target.cluster}`,
    timeoutMs: context.timeoutMs,
    onProgress: (line) => context.log.info(line),
    poll: async () => {
      context.signal.throwIfAborted();
      const now = await getRestoreJob(client, target.groupId, target.cluster, job.id);
      const state = jobState(now);
      if (state === "finished") return { done: true, value: now };
      if (state !== "running") {
        throw new AtlasRestoreError(
          "job-failed",
          `Atlas restore job ${now.id} on ${target.cluster} ${state}.`,
          {
            snapshotId,
            jobId: now.id,
          },
        );
      }
      return { done: false, state: "running" };
    },
  });
  if (result.outcome === "timeout") {
    throw new AtlasRestoreError(
      "job-timeout",
      `Atlas restore job ${job.id} was still running after ${formatMs(result.elapsedMs)}.`,
      { snapshotId, jobId: job.id },
    );
  }
  context.log.info(
    `Atlas restore job ${job.id} finished at ${result.value.finishedAt} (${formatMs(result.elapsedMs)}).`,
  );
  return result.value;
}
