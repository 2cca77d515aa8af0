import type { ActionContext } from "../../core/action.ts";
import type { TrafficInputs } from "./inputs.ts";
import type { TrafficPlan } from "./plan.ts";
import { applyRailwayTraffic, type RailwayServiceResult, type ServiceNow } from "./railway.ts";
import { applyVercelTraffic, type VercelOutcome, type VercelTrafficPlan } from "./vercel.ts";

export type TrafficResult =
  /** The plan rides along, narrowed to Vercel's, for the report. */
  | { platform: "vercel"; plan: VercelTrafficPlan; vercel: VercelOutcome }
  /** One result per service, and every service read back afterwards. */
  | { platform: "railway"; services: RailwayServiceResult[]; now: ServiceNow[] };

export async function applyTraffic(
  { settings, log, signal }: ActionContext<TrafficInputs>,
  plan: TrafficPlan,
): Promise<TrafficResult> {
  if (plan.platform === "vercel")
    return { platform: "vercel", plan, vercel: await applyVercelTraffic({ settings, log, plan, signal }) };
  const { results, now } = await applyRailwayTraffic({ settings, log, plan, signal });
  return { platform: "railway", services: results, now };
}
