import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import type { RailwayClient } from "../../platforms/railway/client.ts";
import { stopDeployment, trafficState } from "../../platforms/railway/traffic.ts";
import type { RailwayServicePlan, RailwayServiceResult, RailwayTrafficPlan } from "./railway.ts";

/**
 * Stops a service's serving deployments, newest first. What this run stopped is recorded (the newest one,
 * which resume brings back); a service already stopped, by a person or an earlier run, is not.
 */
export async function pauseService(r: {
  client: RailwayClient;
  log: Logger;
  plan: RailwayTrafficPlan;
  service: RailwayServicePlan;
}): Promise<RailwayServiceResult> {
  const { client, log, plan, service } = r;
  const [newest] = service.state.serving;
  if (!newest) return { name: service.name, outcome: "already", deployment: service.state.stopped?.id };
  const ids = { projectId: plan.project.id, environmentId: plan.environment.id, serviceId: service.id };
  const record = { service: service.name, "service-id": service.id, "deployment-id": newest.id };
  let stopped = false;
  try {
    for (const deployment of service.state.serving) {
      try {
        await stopDeployment(client, deployment.id);
      } catch (error) {
        if (!(error instanceof HttpError) || !error.ambiguous) throw error;
        // No clear answer: the deployment's own flag says whether the stop happened.
        log.warn(`${service.name}: the stop of ${deployment.id} got no clear answer; reading it back.`);
        const now = await trafficState(client, ids);
        if (now.serving.some((d) => d.id === deployment.id)) throw error;
      }
      stopped ||= deployment.id === newest.id;
      log.info(`${service.name}: stopped ${deployment.id}.`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Stopped before the failure: still this run's to bring back.
    return { name: service.name, outcome: "failed", error: message, ...(stopped ? { record } : {}) };
  }
  return { name: service.name, outcome: "stopped", deployment: newest.id, record };
}
