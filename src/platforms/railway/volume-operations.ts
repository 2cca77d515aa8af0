/**
 * The GraphQL operations of a Railway volume restore, as constants so a test validates each one against
 * Railway's public schema (and the simulator's). Argument names and types follow
 * `railway-public-schema.graphql` (`Environment.volumeInstances`, `Query.volumeInstanceBackupList`,
 * `Mutation.volumeInstanceBackup*`, `Query.workflowStatus`, `Query.environmentStagedChanges`, …).
 */

/**
 * Volume instances are read through the environment: a volume id alone reads back as "Not Authorized".
 * The config (not decrypted: no variable values are needed) tells HA cluster roles (`clusterRole`).
 */
export const ENVIRONMENT_VOLUMES_QUERY = `query EnvironmentVolumes($id: String!, $projectId: String) {
  environment(id: $id, projectId: $projectId) {
    config(decryptVariables: false)
    volumeInstances {
      edges {
        node {
          id
          volumeId
          serviceId
          mountPath
          currentSizeMB
          state
        }
      }
    }
  }
}`;

export const VOLUME_BACKUPS_QUERY = `query VolumeBackups($volumeInstanceId: String!) {
  volumeInstanceBackupList(volumeInstanceId: $volumeInstanceId) {
    id
    name
    createdAt
    expiresAt
    usedMB
    referencedMB
  }
}`;

export const BACKUP_CREATE_MUTATION = `mutation VolumeBackupCreate($volumeInstanceId: String!, $name: String) {
  volumeInstanceBackupCreate(volumeInstanceId: $volumeInstanceId, name: $name) {
    workflowId
  }
}`;

/** Removes the backup's expiry date, so retention never deletes the safety backup. */
export const BACKUP_LOCK_MUTATION = `mutation VolumeBackupLock($volumeInstanceBackupId: String!, $volumeInstanceId: String!) {
  volumeInstanceBackupLock(volumeInstanceBackupId: $volumeInstanceBackupId, volumeInstanceId: $volumeInstanceId)
}`;

/** Stages the volume swap only: nothing changes for the service until the staged patch is committed. */
export const BACKUP_RESTORE_MUTATION = `mutation VolumeBackupRestore($volumeInstanceBackupId: String!, $volumeInstanceId: String!) {
  volumeInstanceBackupRestore(volumeInstanceBackupId: $volumeInstanceBackupId, volumeInstanceId: $volumeInstanceId) {
    workflowId
  }
}`;

/** A new Postgres service restored to the timestamp; the source stays online and untouched. */
export const PITR_RESTORE_MUTATION = `mutation VolumePITRRestore($volumeInstanceId: String!, $targetTimestamp: DateTime!, $newServiceName: String) {
  volumeInstancePITRRestore(volumeInstanceId: $volumeInstanceId, targetTimestamp: $targetTimestamp, newServiceName: $newServiceName) {
    workflowId
  }
}`;

export const WORKFLOW_STATUS_QUERY = `query WorkflowStatus($workflowId: String!) {
  workflowStatus(workflowId: $workflowId) {
    status
    error
  }
}`;

export const STAGED_CHANGES_QUERY = `query EnvironmentStagedChanges($environmentId: String!) {
  environmentStagedChanges(environmentId: $environmentId) {
    id
    status
    patch
  }
}`;

/** Committed patches, newest first: the commit message of a finished restore says which backup and volume. */
export const ENVIRONMENT_PATCHES_QUERY = `query EnvironmentPatches($environmentId: String!, $first: Int) {
  environmentPatches(environmentId: $environmentId, first: $first) {
    edges {
      node {
        id
        status
        message
        createdAt
      }
    }
  }
}`;

export const COMMIT_STAGED_MUTATION = `mutation EnvironmentPatchCommitStaged($environmentId: String!, $commitMessage: String) {
  environmentPatchCommitStaged(environmentId: $environmentId, commitMessage: $commitMessage)
}`;

export const VOLUME_OPERATIONS = {
  EnvironmentVolumes: ENVIRONMENT_VOLUMES_QUERY,
  VolumeBackups: VOLUME_BACKUPS_QUERY,
  VolumeBackupCreate: BACKUP_CREATE_MUTATION,
  VolumeBackupLock: BACKUP_LOCK_MUTATION,
  VolumeBackupRestore: BACKUP_RESTORE_MUTATION,
  VolumePITRRestore: PITR_RESTORE_MUTATION,
  WorkflowStatus: WORKFLOW_STATUS_QUERY,
  EnvironmentStagedChanges: STAGED_CHANGES_QUERY,
  EnvironmentPatches: ENVIRONMENT_PATCHES_QUERY,
  EnvironmentPatchCommitStaged: COMMIT_STAGED_MUTATION,
} as const;
