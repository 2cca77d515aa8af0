import { sleep } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { Deployment, Named, RailwayClient } from "./client.ts";
import { SAFETY_PREFIX } from "./volume-choice.ts";
import {
  awaitNewDeployment,
  type RestoreContext,
  VolumeRestoreError,
  type VolumeTarget,
} from "./volume-restore.ts";
import {
  createBackup,
  listBackups,
  lockBackup,
  restoreBackup,
  restoreToPointInTime,
  type VolumeBackup,
  workflowStatus,
} from "./volumes.ts";

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
