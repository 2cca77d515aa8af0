import { z } from "zod";
import { type RailwayClient, RefusedError } from "./client.ts";
import type { ServiceInstanceIds } from "./config.ts";

/**
 * Stopping and bringing back a service's traffic. `deploymentStop` stops the active deployment's instances
 * (the schema's `deploymentStopped` says so afterwards). Replicas are never touched: writing `numReplicas`
 * alone has dropped services to one replica (PLATFORMS.md), so stopping is the only traffic switch used.
 */

export const TRAFFIC_STATE_QUERY = `query TrafficState($environmentId: String!, $serviceId: String!) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments {
      id
      status
      createdAt
      deploymentStopped
    }
    latestDeployment {
      id
      status
      createdAt
      deploymentStopped
    }
  }
}`;

export const DEPLOYMENT_STOP_MUTATION = `mutation DeploymentStop($id: String!) {
  deploymentStop(id: $id)
}`;

// Resume redeploys the stopped deployment with its own image (usePreviousImageTag): the same build comes
// back, not a new one from today's source. deploymentRestart is not used: the schema documents it only as
// restarting a deployment, not as starting one whose instances were stopped, and it returns no deployment
// to wait for; deploymentRedeploy returns the new deployment, whose SUCCESS is then awaited.
export const DEPLOYMENT_RESUME_MUTATION = `mutation DeploymentResume($id: String!) {
  deploymentRedeploy(id: $id, usePreviousImageTag: true) {
    id
    status
    createdAt
  }
}`;

const brief = z.object({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
  deploymentStopped: z.boolean(),
});
const stateData = z.object({
  serviceInstance: z
    .object({ activeDeployments: z.array(brief), latestDeployment: brief.nullable() })
    .nullable(),
});

export type TrafficDeployment = z.infer<typeof brief>;

export interface TrafficState {
  /** Deployments serving now (not stopped). */
  serving: TrafficDeployment[];
  /** The stopped deployment a resume brings back, when traffic is stopped. */
  stopped: TrafficDeployment | undefined;
  /** The service's newest deployment: a rollback still on its way shows here. */
  latest: TrafficDeployment | undefined;
}

/** Whether a service serves, or which deployment of it was stopped. */
export async function trafficState(client: RailwayClient, ids: ServiceInstanceIds): Promise<TrafficState> {
  const { serviceInstance } = await client.query(
    "TrafficState",
    TRAFFIC_STATE_QUERY,
    { environmentId: ids.environmentId, serviceId: ids.serviceId },
    stateData,
  );
  const active = serviceInstance?.activeDeployments ?? [];
  const latest = serviceInstance?.latestDeployment ?? undefined;
  const serving = active.filter((d) => !d.deploymentStopped);
  // A stopped deployment may stay listed as active or drop out of the list: look in both places.
  const stopped = active.find((d) => d.deploymentStopped) ?? (latest?.deploymentStopped ? latest : undefined);
  return { serving, stopped: serving.length ? undefined : stopped, latest };
}

export async function stopDeployment(client: RailwayClient, id: string): Promise<void> {
  const data = await client.mutate(
    "DeploymentStop",
    DEPLOYMENT_STOP_MUTATION,
    { id },
    z.object({ deploymentStop: z.boolean() }),
  );
  if (!data.deploymentStop) throw new RefusedError("DeploymentStop");
}

/** Brings a stopped deployment back as a new deployment of the same image; returns it. */
export async function resumeDeployment(
  client: RailwayClient,
  id: string,
): Promise<{ id: string; status: string }> {
  const data = await client.mutate(
    "DeploymentResume",
    DEPLOYMENT_RESUME_MUTATION,
    { id },
    z.object({ deploymentRedeploy: z.object({ id: z.string(), status: z.string() }) }),
  );
  return data.deploymentRedeploy;
}
