import type { ActionContext } from "../../core/action.ts";
import type { TrafficInputs } from "./inputs.ts";
import type { TrafficPlan } from "./plan.ts";
import { applyRailwayTraffic, type RailwayServiceResult } from "./railway.ts";
import { applyVercelTraffic } from "./vercel.ts";

export interface TrafficResult {
  /** Railway: one result per service; Vercel: none (the project is one switch). */
  services: RailwayServiceResult[];
}

export async function applyTraffic(
  { settings, log }: ActionContext<TrafficInputs>,
  plan: TrafficPlan,
): Promise<TrafficResult> {
  if (plan.platform === "vercel") {
    await applyVercelTraffic(settings, log, plan);
    return { services: [] };
  }
  return { services: await applyRailwayTraffic(settings, log, plan) };
}
