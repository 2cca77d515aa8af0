import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { Deployment, Named, RailwayClient } from "./client.ts";
import { otherStagedChanges, stagedSwap } from "./volume-staging.ts";
import { commitStaged, environmentVolumes, stagedChanges, type VolumeInstance } from "./volumes.ts";
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
