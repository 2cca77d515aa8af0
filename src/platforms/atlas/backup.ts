import { z } from "zod";
import type { AtlasClient } from "./client.ts";

const cluster = z
  .object({
    name: z.string(),
    stateName: z.string().optional(),
    mongoDBVersion: z.string().optional(),
    diskSizeGB: z.number().optional(),
    pitEnabled: z.boolean().optional(),
  })
  .loose();
export type Cluster = z.infer<typeof cluster>;

// Snapshot status is an enum in the docs (queued, inProgress, completed, failed): read as text.
const snapshot = z
  .object({
    id: z.string(),
    status: z.string(),
    createdAt: z.string().optional(),
    storageSizeBytes: z.number().optional(),
    description: z.string().optional(),
  })
  .loose();
export type Snapshot = z.infer<typeof snapshot>;

const restoreJob = z
  .object({
    id: z.string(),
    deliveryType: z.string().optional(),
    pointInTimeUTCSeconds: z.number().nullable().optional(),
    targetClusterName: z.string().nullable().optional(),
    targetGroupId: z.string().nullable().optional(),
    timestamp: z.string().optional(),
    finishedAt: z.string().nullable().optional(),
    failed: z.boolean().nullable().optional(),
    cancelled: z.boolean().nullable().optional(),
    expired: z.boolean().nullable().optional(),
  })
  .loose();
export type RestoreJob = z.infer<typeof restoreJob>;

const paged = <T extends z.ZodType>(item: T) => z.object({ results: z.array(item) }).loose();

const clusterPath = (groupId: string, name: string) =>
  `/groups/${encodeURIComponent(groupId)}/clusters/${encodeURIComponent(name)}`;

export function getCluster(client: AtlasClient, groupId: string, name: string): Promise<Cluster> {
  return client.request("GET", clusterPath(groupId, name), cluster);
}

/** An on-demand snapshot of the cluster as it is now (Cloud Backups: "Take One On-Demand Snapshot"). */
export function takeSnapshot(
  client: AtlasClient,
  groupId: string,
  name: string,
  description: string,
): Promise<Snapshot> {
  return client.request("POST", `${clusterPath(groupId, name)}/backup/snapshots`, snapshot, {
    description,
    retentionInDays: 7,
  });
}

export function getSnapshot(
  client: AtlasClient,
  groupId: string,
  name: string,
  id: string,
): Promise<Snapshot> {
  return client.request(
    "GET",
    `${clusterPath(groupId, name)}/backup/snapshots/${encodeURIComponent(id)}`,
    snapshot,
  );
}

export async function listRestoreJobs(
  client: AtlasClient,
  groupId: string,
  name: string,
): Promise<RestoreJob[]> {
  return (await client.request("GET", `${clusterPath(groupId, name)}/backup/restoreJobs`, paged(restoreJob)))
    .results;
}

/** A point-in-time restore job onto the same cluster: it replaces all of the cluster's data. */
export function createPointInTimeRestore(
  client: AtlasClient,
  groupId: string,
  name: string,
  pointInTimeUTCSeconds: number,
): Promise<RestoreJob> {
  return client.request("POST", `${clusterPath(groupId, name)}/backup/restoreJobs`, restoreJob, {
    deliveryType: "pointInTime",
    pointInTimeUTCSeconds,
    targetClusterName: name,
    targetGroupId: groupId,
  });
}

export function getRestoreJob(
  client: AtlasClient,
  groupId: string,
  name: string,
  id: string,
): Promise<RestoreJob> {
  return client.request(
    "GET",
    `${clusterPath(groupId, name)}/backup/restoreJobs/${encodeURIComponent(id)}`,
    restoreJob,
  );
}

/** Where a restore job stands: the docs' done markers are `finishedAt` and the flags failed/cancelled/expired. */
export function jobState(job: RestoreJob): "finished" | "failed" | "cancelled" | "expired" | "running" {
  if (job.failed) return "failed";
  if (job.cancelled) return "cancelled";
  if (job.expired) return "expired";
  return job.finishedAt ? "finished" : "running";
}

/** The same point-in-time restore onto the same cluster, as another run would have made it. */
export function sameRestore(job: RestoreJob, name: string, groupId: string, seconds: number): boolean {
  return (
    job.deliveryType === "pointInTime" &&
    job.pointInTimeUTCSeconds === seconds &&
    job.targetClusterName === name &&
    (job.targetGroupId ?? groupId) === groupId
  );
}
