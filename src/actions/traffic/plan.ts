import type { ActionContext, NothingToDo, Settings as RunnerSettings } from "../../core/action.ts";
import { InputError } from "../../core/inputs.ts";
import type { Summary } from "../../core/report.ts";
import { visitorsNow } from "./explain.ts";
import type { TrafficInputs } from "./inputs.ts";
import { planRailwayTraffic, type RailwayTrafficPlan } from "./railway.ts";
import { planVercelTraffic, type VercelTrafficPlan } from "./vercel.ts";

export type Settings = RunnerSettings<TrafficInputs>;
export type TrafficPlan = (VercelTrafficPlan | RailwayTrafficPlan) & {
  dryRun: boolean;
  /** Resume also re-enables Railway's auto-deploy. */
  autoDeploy: boolean;
};

/** A failure while planning, with the platform it came from (the advice depends on it). */
export class PlatformFailure extends Error {
  override name = "PlatformFailure";
  readonly platform: "vercel" | "railway";
  constructor(cause: unknown, platform: "vercel" | "railway") {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.platform = platform;
  }
}

export async function planTraffic(ctx: ActionContext<TrafficInputs>): Promise<TrafficPlan> {
  try {
    return await plan(ctx);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new PlatformFailure(error, ctx.settings.platform);
  }
}

async function plan({ settings, log }: ActionContext<TrafficInputs>): Promise<TrafficPlan> {
  const plan =
    settings.platform === "vercel"
      ? await planVercelTraffic(settings, log)
      : await planRailwayTraffic(settings, log);
  return {
    ...plan,
    dryRun: settings["dry-run"],
    autoDeploy: settings["auto-deploy"] && plan.platform === "railway",
  };
}

/** Whether the plan has something to change: a serving target to pause, or a stopped one to resume. */
function pending(plan: TrafficPlan): string[] {
  if (plan.platform === "vercel") return plan.paused === (plan.mode === "pause") ? [] : [plan.project.name];
  return plan.services
    .filter((s) => (plan.mode === "pause" ? s.state.serving.length > 0 : s.state.stopped !== undefined))
    .map((s) => s.name);
}

export function trafficNothingToDo(plan: TrafficPlan, autoDeploy = false): NothingToDo | undefined {
  // Re-enabling auto-deploy is a change of its own, even when every service already runs.
  if (pending(plan).length || autoDeploy) return undefined;
  const status = plan.mode === "pause" ? "already-paused" : "already-running";
  return {
    status,
    reason: `${plan.mode === "pause" ? "Already paused" : "Already running"}: nothing changed. ${visitorsNow(plan, plan.mode === "pause")}`,
  };
}

export function describeTraffic(plan: TrafficPlan, summary: Summary): void {
  const target =
    plan.platform === "vercel"
      ? `Vercel project ${plan.project.name}`
      : `Railway ${plan.project.name} (${plan.environment.name})`;
  const changes = pending(plan);
  summary.text(
    `**${plan.mode === "pause" ? "Stop traffic" : "Resume traffic"}** on ${target}: ${changes.length ? `${plan.dryRun ? "would change" : "changes"} ${changes.join(", ")}` : "nothing to change"}.`,
  );
  if (plan.platform === "railway") {
    summary.table(
      ["service", "now", "deployment"],
      plan.services.map((s) => [
        s.name,
        s.state.serving.length ? "serving" : s.state.stopped ? "stopped" : "nothing deployed",
        s.state.serving[0]?.id ?? s.state.stopped?.id,
      ]),
    );
  }
}
