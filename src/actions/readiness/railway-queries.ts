/** Read-only Railway operations readiness adds; each is validated against Railway's public schema in tests. */
const FIELDS = "id status createdAt statusUpdatedAt canRollback canRedeploy meta serviceId environmentId";

/** What railway-redeploy reads to pick its target, plus statusUpdatedAt: the pick and the deploy time in one read. */
export const SERVICE_DEPLOYMENTS_QUERY = `query ReadinessServiceDeployments($projectId: String!, $environmentId: String!, $serviceId: String!) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments { ${FIELDS} }
  }
  deployments(first: 20, input: { projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId }) {
    edges { node { ${FIELDS} } }
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

export const READINESS_OPERATIONS = { SERVICE_DEPLOYMENTS_QUERY, BACKUP_SCHEDULES_QUERY } as const;
