import type { Logger } from "../../core/action.ts";
import { HttpError, sleep } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { Deployment, Named, RailwayClient } from "./client.ts";
import { SAFETY_PREFIX } from "./volume-choice.ts";
import { otherStagedChanges, stagedSwap } from "./volume-staging.ts";
import {
  commitStaged,
  createBackup,
  environmentVolumes,
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
  | "swap-staged"
  | "ha-cluster"
  | "commit-unverified"
  | "deploy-failed"
  | "deploy-timeout"
  | "service-missing";

/** A step of the restore did not end well (what the target holds then is read back by the caller). */
export class VolumeRestoreError extends Error {
  override name = "VolumeRestoreError";
  readonly kind: VolumeFailure;
  readonly others: string[];
  constructor(kind: VolumeFailure, message: string, extra: { others?: string[] } = {}) {
    super(message);
    this.kind = kind;
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

/** Starts the restore workflow and waits for it: it deletes the newer backups and stages the swap. */
export async function runRestoreWorkflow(
  client: RailwayClient,
  target: VolumeTarget,
  backup: VolumeBackup,
  context: RestoreContext,
): Promise<void> {
  context.signal.throwIfAborted();
  const workflow = await restoreBackup(client, target.instance.id, backup.id);
  await waitForWorkflow(client, workflow, "volume restore", context);
}

const owner = (target: VolumeTarget) => ({
  serviceId: target.service.id,
  volumeId: target.instance.volumeId,
});

/**
 * The new volume the staged patch swaps in for the service, once nothing else is staged: only the
 * service's own swap may be committed (a commit deploys everything staged).
 */
export async function stagedSwapOf(
  client: RailwayClient,
  target: VolumeTarget,
  context: RestoreContext,
): Promise<string> {
  const patch = await stagedChanges(client, target.environment.id);
  const others = otherStagedChanges(patch, owner(target), context.serviceNames);
  if (others.length) {
    throw new VolumeRestoreError(
      "other-staged",
      `Besides this volume swap, environment ${target.environment.name} has other staged changes: ${others.join("; ")}. Nothing was committed.`,
      { others },
    );
  }
  const swap = stagedSwap(patch, owner(target));
  if (!swap) {
    throw new VolumeRestoreError(
      "nothing-staged",
      `The restore workflow completed, but environment ${target.environment.name} has no staged swap to a new volume for ${target.service.name}. Nothing was committed.`,
    );
  }
  return swap;
}

/** What the environment holds now for the service: read back after every change and every failure. */
export interface VolumeReadBack {
  /** The volume instance the service mounts now. */
  mounted: VolumeInstance | undefined;
  /** Whether the volume mounted before the restore is still in the environment (retained). */
  oldRetained: boolean;
  /** The new volume a staged (uncommitted) swap would mount, if any. */
  staged: string | undefined;
}

export async function readBack(client: RailwayClient, target: VolumeTarget): Promise<VolumeReadBack> {
  const [{ instances }, patch] = await Promise.all([
    environmentVolumes(client, target.projectId, target.environment.id),
    stagedChanges(client, target.environment.id),
  ]);
  return {
    mounted: instances.find((i) => i.serviceId === target.service.id),
    oldRetained: instances.some((i) => i.volumeId === target.instance.volumeId),
    staged: stagedSwap(patch, owner(target)),
  };
}

/**
 * Commits the staged swap, never re-sent: when the answer is lost, the read-back tells whether the new
 * volume is mounted (it landed) or not (the error stands).
 */
export async function commitSwap(
  client: RailwayClient,
  target: VolumeTarget,
  swap: string,
  message: string,
  context: RestoreContext,
): Promise<void> {
  context.signal.throwIfAborted();
  try {
    await commitStaged(client, target.environment.id, message);
  } catch (error) {
    if (!(error instanceof HttpError && error.ambiguous)) throw error;
    const now = await readBack(client, target);
    if (now.mounted?.volumeId !== swap) throw error;
    client.logger.info(
      `The commit got no answer, but ${target.service.name} mounts the new volume: it landed.`,
    );
  }
}

/** The re-check after the commit: the service mounts the new volume (and is the old one retained?). */
export async function verifySwap(
  client: RailwayClient,
  target: VolumeTarget,
  swap: string,
): Promise<{ oldRetained: boolean }> {
  const { instances } = await environmentVolumes(client, target.projectId, target.environment.id);
  if (instances.find((i) => i.serviceId === target.service.id)?.volumeId !== swap) {
    throw new VolumeRestoreError(
      "commit-unverified",
      `The commit was answered, but ${target.service.name} does not mount the new volume ${swap}.`,
    );
  }
  return { oldRetained: instances.some((i) => i.volumeId === target.instance.volumeId) };
}

/** The service's deployments now, to tell the one the commit starts from those before it. */
export async function deploymentIds(client: RailwayClient, target: VolumeTarget): Promise<Set<string>> {
  const state = await client.serviceDeployments(
    target.projectId,
    target.environment.id,
    target.service.id,
    5,
  );
  return new Set(state.deployments.map((d) => d.id));
}

/** Waits for a deployment of the service that was not there before, then for its outcome. */
export async function awaitNewDeployment(
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
