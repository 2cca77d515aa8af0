import type { ActionContext, Outcome } from "../../core/action.ts";
import type { TrafficResult } from "./apply.ts";
import { trafficAdvice, visitorsNow } from "./explain.ts";
import type { TrafficInputs } from "./inputs.ts";
import type { TrafficPlan } from "./plan.ts";

export function reportTraffic(
  ctx: ActionContext<TrafficInputs>,
  plan: TrafficPlan,
  result: TrafficResult,
): Outcome {
  const pause = plan.mode === "pause";
  const failed = result.services.filter((s) => s.outcome === "failed");
  const status = failed.length ? "failed" : pause ? "paused" : "resumed";
  const visitors = visitorsNow(plan, pause, result.services);
  ctx.log.info(visitors);
  return {
    status,
    headline: failed.length ? "❌ failed" : pause ? "⏸️ paused" : "▶️ resumed",
    failure: failed.length ? trafficAdvice.someFailed(plan.mode, failed) : undefined,
    summary: (summary) => {
      summary.text(`**${visitors}**`);
      if (plan.platform === "railway") {
        summary.table(
          ["service", "result", "deployment", "auto-deploy", "error"],
          result.services.map((s) => [
            s.name,
            s.outcome === "already" ? (pause ? "already stopped" : "already running") : s.outcome,
            s.deployment,
            s.autoDeploy === undefined ? undefined : s.autoDeploy ? "on" : "off",
            s.error,
          ]),
        );
      }
    },
  };
}
