import { type ActionContext, CancelledError, type Outcome } from "../../core/action.ts";
import type { TrafficResult } from "./apply.ts";
import { railwayNow, trafficAdvice, vercelNow } from "./explain.ts";
import type { TrafficInputs } from "./inputs.ts";
import type { TrafficPlan } from "./plan.ts";
import { type Stopped, stoppedOutput } from "./stopped.ts";

const WORDS = {
  pause: { already: "already stopped" },
  resume: { already: "already serving" },
  left: "left stopped (not by this rollback's pause)",
  skipped: "not reached (cancelled)",
};

/** Outputs, the message and the summary, all from what the run read back afterwards. */
export function reportTraffic(
  ctx: ActionContext<TrafficInputs>,
  plan: TrafficPlan,
  result: TrafficResult,
): Outcome {
  const pause = plan.mode === "pause";
  const signal = ctx.signal.aborted
    ? ctx.signal.reason instanceof CancelledError
      ? ctx.signal.reason.signalName
      : "a cancellation"
    : undefined;
  let failure: string | undefined;
  let now: string;
  let stopped: Stopped | undefined;
  if (result.platform === "vercel") {
    const outcome = result.vercel;
    now = vercelNow(result.plan, outcome);
    failure = outcome.error && `${outcome.error} ${now}`;
    if (pause)
      stopped = {
        platform: "vercel",
        "project-id": plan.project.id,
        paused: outcome.pausedByRun,
        pinned: result.plan.pinned,
      };
  } else {
    now = railwayNow(result.now);
    const failed = result.services.filter((s) => s.outcome === "failed");
    const skipped = result.services.filter((s) => s.outcome === "skipped").map((s) => s.name);
    const records = result.services.flatMap((s) => (s.record ? [s.record] : []));
    if (pause) stopped = { platform: "railway", services: records };
    const parts = [
      failed.length && trafficAdvice.someFailed(plan.mode, failed),
      signal && trafficAdvice.cancelled(signal, skipped),
    ].filter((p): p is string => Boolean(p));
    if (parts.length) {
      const recorded = pause ? ` ${trafficAdvice.recorded(records.map((r) => r.service))}` : "";
      failure = `${parts.join(" ")} ${now}${recorded}`;
    }
  }
  if (!failure && signal) failure = `${trafficAdvice.cancelled(signal, [])} ${now}`;
  ctx.log.info(now);
  const status = failure ? "failed" : pause ? "paused" : "resumed";
  return {
    status,
    headline: failure ? "❌ failed" : pause ? "⏸️ paused" : "▶️ resumed",
    outputs: stopped ? { stopped: stoppedOutput(stopped) } : undefined,
    failure,
    summary: (summary) => {
      summary.text(`**${now}**`);
      if (result.platform === "railway") {
        summary.table(
          ["service", "result", "deployment", "auto-deploy", "error"],
          result.services.map((s) => [
            s.name,
            s.outcome === "already"
              ? WORDS[plan.mode].already
              : s.outcome === "left" || s.outcome === "skipped"
                ? WORDS[s.outcome]
                : s.outcome,
            s.deployment,
            s.autoDeploy === undefined ? undefined : s.autoDeploy ? "on" : "off",
            s.error,
          ]),
        );
      }
      if (stopped) summary.text(`\`stopped\`: \`${stoppedOutput(stopped)}\``);
      const already =
        result.platform === "railway" && pause ? result.services.filter((s) => s.outcome === "already") : [];
      if (already.length)
        summary.text(
          `Already stopped before this run, so not in \`stopped\` (a resume with it leaves them stopped): ${already.map((s) => s.name).join(", ")}.`,
        );
    },
  };
}
