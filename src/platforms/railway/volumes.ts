import { z } from "zod";
import type { RailwayClient } from "./client.ts";
import { RefusedError } from "./client.ts";
import {
  BACKUP_CREATE_MUTATION,
  BACKUP_LOCK_MUTATION,
  BACKUP_RESTORE_MUTATION,
  COMMIT_STAGED_MUTATION,
  ENVIRONMENT_PATCHES_QUERY,
  ENVIRONMENT_VOLUMES_QUERY,
  PITR_RESTORE_MUTATION,
  STAGED_CHANGES_QUERY,
  VOLUME_BACKUPS_QUERY,
  WORKFLOW_STATUS_QUERY,
} from "./volume-operations.ts";

const volumeInstance = z.object({
  id: z.string(),
  volumeId: z.string(),
  serviceId: z.string().nullable(),
  mountPath: z.string(),
  currentSizeMB: z.number(),
  state: z.string().nullable().optional(),
});
export type VolumeInstance = z.infer<typeof volumeInstance>;

const backup = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  usedMB: z.number().nullable(),
  referencedMB: z.number().nullable(),
});
export type VolumeBackup = z.infer<typeof backup>;

const workflowId = z.object({ workflowId: z.string().nullable() });
// Railway's WorkflowStatus enum (Running, Complete, Error, NotFound) read as text: new values must not break.
const workflowResult = z.object({ status: z.string(), error: z.string().nullable() });
export type WorkflowResult = z.infer<typeof workflowResult>;

const stagedPatch = z.object({ id: z.string(), status: z.string(), patch: z.unknown() });
const patchNode = z.object({
  id: z.string(),
  status: z.string(),
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type CommittedPatch = z.infer<typeof patchNode>;

/**
 * The parts of the environment config (an `EnvironmentConfig` JSON document) this code reads: each
 * service's HA role and parent (the CLI's `controllers/postgres_plugins.rs`); the rest is passed over.
 */
const environmentConfig = z
  .object({
    services: z
      .record(
        z.string(),
        z
          .object({ clusterRole: z.string().nullish(), parentServiceId: z.string().nullish() })
          .loose()
          .nullable(),
      )
      .optional(),
  })
  .loose();
export type EnvironmentConfig = z.infer<typeof environmentConfig>;

const volumesData = z.object({
  environment: z.object({
    config: environmentConfig,
    volumeInstances: z.object({ edges: z.array(z.object({ node: volumeInstance })) }),
  }),
});

export interface EnvironmentVolumes {
  /** Every volume instance of the environment; a retained, unmounted one has no service. */
  instances: VolumeInstance[];
  config: EnvironmentConfig;
}

/** The volume instances of one environment and its config. */
export async function environmentVolumes(
  client: RailwayClient,
  projectId: string,
  environmentId: string,
): Promise<EnvironmentVolumes> {
  const data = await client.query(
    "EnvironmentVolumes",
    ENVIRONMENT_VOLUMES_QUERY,
    { id: environmentId, projectId },
    volumesData,
  );
  return {
    instances: data.environment.volumeInstances.edges.map((e) => e.node),
    config: data.environment.config,
  };
}

/** Backups of a volume instance, newest first. */
export async function listBackups(client: RailwayClient, volumeInstanceId: string): Promise<VolumeBackup[]> {
  const data = await client.query(
    "VolumeBackups",
    VOLUME_BACKUPS_QUERY,
    { volumeInstanceId },
    z.object({ volumeInstanceBackupList: z.array(backup) }),
  );
  return [...data.volumeInstanceBackupList].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function requireWorkflow(operation: string, id: string | null): string {
  if (!id) throw new RefusedError(operation);
  return id;
}

export async function createBackup(
  client: RailwayClient,
  volumeInstanceId: string,
  name: string,
): Promise<string> {
  const data = await client.mutate(
    "VolumeBackupCreate",
    BACKUP_CREATE_MUTATION,
    { volumeInstanceId, name },
    z.object({ volumeInstanceBackupCreate: workflowId }),
  );
  return requireWorkflow("VolumeBackupCreate", data.volumeInstanceBackupCreate.workflowId);
}

export async function lockBackup(
  client: RailwayClient,
  volumeInstanceId: string,
  volumeInstanceBackupId: string,
): Promise<void> {
  const data = await client.mutate(
    "VolumeBackupLock",
    BACKUP_LOCK_MUTATION,
    { volumeInstanceId, volumeInstanceBackupId },
    z.object({ volumeInstanceBackupLock: z.boolean() }),
  );
  if (!data.volumeInstanceBackupLock) throw new RefusedError("VolumeBackupLock");
}

export async function restoreBackup(
  client: RailwayClient,
  volumeInstanceId: string,
  volumeInstanceBackupId: string,
): Promise<string> {
  const data = await client.mutate(
    "VolumeBackupRestore",
    BACKUP_RESTORE_MUTATION,
    { volumeInstanceId, volumeInstanceBackupId },
    z.object({ volumeInstanceBackupRestore: workflowId }),
  );
  return requireWorkflow("VolumeBackupRestore", data.volumeInstanceBackupRestore.workflowId);
}

export async function restoreToPointInTime(
  client: RailwayClient,
  options: { volumeInstanceId: string; targetTimestamp: string; newServiceName: string },
): Promise<string> {
  const data = await client.mutate(
    "VolumePITRRestore",
    PITR_RESTORE_MUTATION,
    options,
    z.object({ volumeInstancePITRRestore: workflowId }),
  );
  return requireWorkflow("VolumePITRRestore", data.volumeInstancePITRRestore.workflowId);
}

export async function workflowStatus(client: RailwayClient, id: string): Promise<WorkflowResult> {
  const data = await client.query(
    "WorkflowStatus",
    WORKFLOW_STATUS_QUERY,
    { workflowId: id },
    z.object({ workflowStatus: workflowResult }),
  );
  return data.workflowStatus;
}

/** The environment's staged patch (an EnvironmentConfig JSON document); `{}` or null when nothing is staged. */
export async function stagedChanges(client: RailwayClient, environmentId: string): Promise<unknown> {
  const data = await client.query(
    "EnvironmentStagedChanges",
    STAGED_CHANGES_QUERY,
    { environmentId },
    z.object({ environmentStagedChanges: stagedPatch.nullable() }),
  );
  const staged = data.environmentStagedChanges;
  return staged && staged.status === "STAGED" ? staged.patch : undefined;
}

export async function committedPatches(
  client: RailwayClient,
  environmentId: string,
  first = 10,
): Promise<CommittedPatch[]> {
  const data = await client.query(
    "EnvironmentPatches",
    ENVIRONMENT_PATCHES_QUERY,
    { environmentId, first },
    z.object({ environmentPatches: z.object({ edges: z.array(z.object({ node: patchNode })) }) }),
  );
  return data.environmentPatches.edges.map((e) => e.node);
}

export async function commitStaged(
  client: RailwayClient,
  environmentId: string,
  commitMessage: string,
): Promise<string> {
  const data = await client.mutate(
    "EnvironmentPatchCommitStaged",
    COMMIT_STAGED_MUTATION,
    { environmentId, commitMessage },
    z.object({ environmentPatchCommitStaged: z.string() }),
  );
  return data.environmentPatchCommitStaged;
}
