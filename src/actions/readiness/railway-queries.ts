/** Read-only Railway operations readiness adds; each is validated against Railway's public schema in tests. */
export const DEPLOY_TIME_QUERY = `query ReadinessDeployTime($id: String!) {
  deployment(id: $id) {
    id
    status
    createdAt
    statusUpdatedAt
  }
}`;

export const BACKUP_SCHEDULES_QUERY = `query VolumeBackupSchedules($volumeInstanceId: String!) {
  volumeInstanceBackupScheduleList(volumeInstanceId: $volumeInstanceId) {
    id
    kind
    cron
    retentionSeconds
  }
}`;

export const READINESS_OPERATIONS = { DEPLOY_TIME_QUERY, BACKUP_SCHEDULES_QUERY } as const;
