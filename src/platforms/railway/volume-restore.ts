import type { Logger } from "../../core/action.ts";
import { HttpError, sleep } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { Deployment, Named, RailwayClient } from "./client.ts";
import { otherStagedChanges, SAFETY_PREFIX, stagesSwap } from "./volume-choice.ts";
import {
  commitStaged,
  createBackup,
  listBackups,
  lockBackup,
  restoreBackup,
  restoreToPointInTime,
  stagedChanges,
  type VolumeBackup,
  type VolumeInstance,
  workflowStatus,
} from "./volumes.ts";
import { waitForDeployment } from "./watch.ts";

export type VolumeFailure =
  | "workflow-error"
  | "workflow-timeout"
  | "other-staged"
  | "nothing-staged"
  | "safety-lost"
  | "commit-unknown"
  | "deploy-failed"
  | "deploy-timeout"
  | "service-missing";

/** A step of the restore did not end well; `committed` says whether the swap reached the service. */
export class VolumeRestoreError extends Error {
  override name = "VolumeRestoreError";
  readonly kind: VolumeFailure;
  readonly committed: boolean;
  readonly workflowError: string | undefined;
  readonly others: string[];
  constructor(
    kind: VolumeFailure,
    message: string,
    extra: { committed?: boolean; workflowError?: string; others?: string[] } = {},
  ) {
    super(message);
    this.kind = kind;
    this.committed = extra.committed ?? false;
    this.workflowError = extra.workflowError ?? undefined;
    this.others = extra.others ?? [];
  }
}

export interface VolumeTarget {
  projectId: string;
  environment: Named;
  service: Named;
  instance: VolumeInstance;
}

export interface RestoreContext {
  log: Logger;
  signal: AbortSignal;
  /** Deadline for each workflow and for the deployment; 0: the deployment is not awaited. */
  waitMs: number;
  /** Names of the project's services, for messages about staged changes. */
  serviceNames: Map<string, string>;
}

/** Frugal polling (Free plans allow 100 requests an hour): a workflow is not visible at once, then backs off. */
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 20_000;
const WORKFLOW_DEFAULT_MS = 30 * 60_000;

async function waitForWorkflow(
  client: RailwayClient,
  id: string,
  what: string,
  context: RestoreContext,
): Promise<number> {
  const timeoutMs = context.waitMs || WORKFLOW_DEFAULT_MS;
  await sleep(FIRST_POLL_MS);
  const result = await waitFor<"Complete">({
    what,
    timeoutMs,
    initialDelayMs: FIRST_POLL_MS,
    maxDelayMs: MAX_POLL_MS,
    factor: 1.6,
    progressEveryMs: 30_000,
    onProgress: (line) => context.log.info(line),
    poll: async () => {
      context.signal.throwIfAborted();
      const status = await workflowStatus(client, id);
      if (status.status === "Complete") return { done: true, value: "Complete" };
      if (status.status === "Error") {
        throw new VolumeRestoreError(
          "workflow-error",
          `Railway's ${what} ended in Error: ${status.error ?? "no reason given"}.`,
          {
            workflowError: status.error ?? undefined,
          },
        );
      }
      // NotFound right after creation means "not visible yet"; any other value is awaited to the deadline.
      return { done: false, state: status.status === "NotFound" ? "not visible yet" : status.status };
    },
  });
  if (result.outcome === "timeout") {
    throw new VolumeRestoreError(
      "workflow-timeout",
      `Railway's ${what} was still ${result.lastState ?? "running"} after ${formatMs(result.elapsedMs)}.`,
    );
  }
  context.log.info(`Railway's ${what} completed in ${formatMs(result.elapsedMs)}.`);
  return result.elapsedMs;
}

export interface SafetyBackup {
  backup: VolumeBackup;
  ms: number;
}

/** A new backup of the volume as it is now, named after what is about to be restored, then locked. */
export async function takeSafetyBackup(
  client: RailwayClient,
  target: VolumeTarget,
  restoring: string,
  context: RestoreContext,
): Promise<SafetyBackup> {
  const name = `${SAFETY_PREFIX} before restoring ${restoring} ${new Date().toISOString()}`;
  context.signal.throwIfAborted();
  context.log.info(
    `Creating safety backup "${name}" of ${target.service.name}'s volume (${target.instance.currentSizeMB} MB)…`,
  );
  const started = Date.now();
  const workflow = await createBackup(client, target.instance.id, name);
  await waitForWorkflow(client, workflow, "safety backup", context);
  const backup = (await listBackups(client, target.instance.id)).find((b) => b.name === name);
  if (!backup) {
    throw new VolumeRestoreError(
      "safety-lost",
      `The safety backup "${name}" completed but is not in the volume's backup list.`,
    );
  }
  await lockBackup(client, target.instance.id, backup.id);
  context.log.info(`Safety backup ${backup.id} taken and locked (no expiry).`);
  return { backup, ms: Date.now() - started };
}

export interface BackupRestoreResult {
  deployment: Deployment | undefined;
  steps: { name: string; ms: number }[];
}

/**
 * Restores the volume from `backup`: the restore workflow stages the swap; the staged patch is committed
 * only when it holds nothing else and the safety backup survived; then the service's new deployment is
 * awaited (unless waitMs is 0).
 */
export async function restoreFromBackup(
  client: RailwayClient,
  target: VolumeTarget,
  options: { backup: VolumeBackup; safety: VolumeBackup | undefined; commitMessage: string },
  context: RestoreContext,
): Promise<BackupRestoreResult> {
  const steps: BackupRestoreResult["steps"] = [];
  const ours = { volumeId: target.instance.volumeId, serviceId: target.service.id };
  context.signal.throwIfAborted();
  let started = Date.now();
  const workflow = await restoreBackup(client, target.instance.id, options.backup.id);
  await waitForWorkflow(client, workflow, "volume restore", context);
  steps.push({ name: "restore (staged)", ms: Date.now() - started });

  if (options.safety) {
    const safetyId = options.safety.id;
    const kept = (await listBackups(client, target.instance.id)).find((b) => b.id === safetyId);
    if (!kept) {
      throw new VolumeRestoreError(
        "safety-lost",
        `Railway deleted the safety backup ${safetyId} while restoring (backups newer than the one restored go, and the lock did not keep it). The swap is staged but NOT committed: the live volume still holds the data from before.`,
      );
    }
  }
  const patch = await stagedChanges(client, target.environment.id);
  const others = otherStagedChanges(patch, ours, context.serviceNames);
  if (others.length) {
    throw new VolumeRestoreError(
      "other-staged",
      `Besides this volume swap, environment ${target.environment.name} has other staged changes: ${others.join("; ")}. Nothing was committed.`,
      { others },
    );
  }
  if (!stagesSwap(patch, ours)) {
    throw new VolumeRestoreError(
      "nothing-staged",
      `The restore workflow completed, but environment ${target.environment.name} has no staged volume swap for ${target.service.name}. Nothing was committed.`,
    );
  }

  const before = await client.serviceDeployments(
    target.projectId,
    target.environment.id,
    target.service.id,
    5,
  );
  const known = new Set(before.deployments.map((d) => d.id));
  context.signal.throwIfAborted();
  started = Date.now();
  await commit(client, target, options.commitMessage);
  context.log.info(
    `Committed the staged volume swap in ${target.environment.name}; ${target.service.name} redeploys.`,
  );
  if (context.waitMs === 0) return { deployment: undefined, steps };
  const deployment = await awaitNewDeployment(client, target, known, context);
  steps.push({ name: "commit → deployment SUCCESS", ms: Date.now() - started });
  return { deployment, steps };
}

/** A commit is never re-sent: on an ambiguous failure, the staged patch tells whether it landed. */
async function commit(client: RailwayClient, target: VolumeTarget, message: string): Promise<void> {
  try {
    await commitStaged(client, target.environment.id, message);
  } catch (error) {
    if (!(error instanceof HttpError && error.ambiguous)) throw error;
    const still = await stagedChanges(client, target.environment.id);
    if (stagesSwap(still, { volumeId: target.instance.volumeId, serviceId: target.service.id })) {
      throw new VolumeRestoreError(
        "commit-unknown",
        `The commit got no answer (${error.message}) and the swap is still staged: it was not committed.`,
      );
    }
    client.logger.info("The commit got no answer, but nothing is staged any more: it landed.");
  }
}

/** Waits for a deployment of the service that was not there before, then for its outcome. */
async function awaitNewDeployment(
  client: RailwayClient,
  target: VolumeTarget,
  known: Set<string>,
  context: RestoreContext,
): Promise<Deployment> {
  const what = `${target.service.name}'s new deployment`;
  const appeared = await waitFor<Deployment>({
    what,
    timeoutMs: context.waitMs,
    initialDelayMs: 2000,
    maxDelayMs: 10_000,
    poll: async () => {
      context.signal.throwIfAborted();
      const state = await client.serviceDeployments(
        target.projectId,
        target.environment.id,
        target.service.id,
        5,
      );
      const fresh = state.deployments.filter((d) => !known.has(d.id)).at(-1);
      return fresh ? { done: true, value: fresh } : { done: false, state: "not started yet" };
    },
  });
  if (appeared.outcome === "timeout") {
    throw new VolumeRestoreError(
      "deploy-timeout",
      `No new deployment of ${target.service.name} appeared within ${formatMs(context.waitMs)}.`,
      {
        committed: true,
      },
    );
  }
  const outcome = await waitForDeployment(client, appeared.value.id, {
    timeoutMs: Math.max(1000, context.waitMs - appeared.elapsedMs),
    log: context.log,
    what: `${target.service.name} deployment ${appeared.value.id}`,
  });
  if (outcome.outcome === "success") return { ...appeared.value, status: outcome.status };
  throw new VolumeRestoreError(
    outcome.outcome === "failed" ? "deploy-failed" : "deploy-timeout",
    outcome.outcome === "failed"
      ? `${target.service.name}'s deployment ${appeared.value.id} ended ${outcome.status} after the volume swap.`
      : `${target.service.name}'s deployment ${appeared.value.id} was still ${outcome.status ?? "starting"} after ${formatMs(outcome.elapsedMs)}.`,
    { committed: true },
  );
}

/** A new service restored to the timestamp (the source stays online); returns it once its deployment serves. */
export async function restoreToNewService(
  client: RailwayClient,
  target: VolumeTarget,
  options: { at: Date; newServiceName: string },
  context: RestoreContext,
): Promise<{
  service: Named | undefined;
  deployment: Deployment | undefined;
  steps: { name: string; ms: number }[];
}> {
  context.signal.throwIfAborted();
  const started = Date.now();
  const workflow = await restoreToPointInTime(client, {
    volumeInstanceId: target.instance.id,
    targetTimestamp: options.at.toISOString(),
    newServiceName: options.newServiceName,
  });
  await waitForWorkflow(client, workflow, "point-in-time restore", context);
  const project = await client.project(target.projectId);
  const service = project.services.find((s) => s.name === options.newServiceName);
  if (!service) {
    throw new VolumeRestoreError(
      "service-missing",
      `The point-in-time restore completed, but project ${project.name} has no service "${options.newServiceName}".`,
    );
  }
  context.log.info(`New service ${service.name} (${service.id}) restored to ${options.at.toISOString()}.`);
  if (context.waitMs === 0) return { service, deployment: undefined, steps: [] };
  const deployment = await awaitNewDeployment(client, { ...target, service }, new Set(), context);
  return {
    service,
    deployment,
    steps: [{ name: "point-in-time restore → SUCCESS", ms: Date.now() - started }],
  };
}
