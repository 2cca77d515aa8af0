import type { ActionContext, NothingToDo, Settings as RunnerSettings } from "../../core/action.ts";
import { InputError, inputError } from "../../core/inputs.ts";
import type { Summary } from "../../core/report.ts";
import { planNow } from "./explain.ts";
import type { TrafficInputs } from "./inputs.ts";
import { planRailwayTraffic, type RailwayTrafficPlan, railwayPending } from "./railway.ts";
import { stoppedOutput } from "./stopped.ts";
import { planVercelTraffic, type VercelTrafficPlan, vercelPending } from "./vercel.ts";

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
  const { settings } = ctx;
  const recorded = settings.stopped;
  if (recorded && settings.mode === "pause")
    throw inputError("stopped", "is read only with `mode: resume` (it is the pause's output).");
  if (recorded && recorded.platform !== settings.platform)
    throw inputError(
      "stopped",
      `records platform ${recorded.platform}, but \`platform\` is ${settings.platform}: pass the output of the ${settings.platform} pause.`,
    );
  // Set before anything can fail: a pause that stops nothing says so, since an empty `stopped` would let a
  // resume restart every stopped service (a person's too). Replaced by what this run stopped.
  if (settings.mode === "pause" && settings.platform === "railway")
    ctx.tk.setOutput("stopped", stoppedOutput({ platform: "railway", services: [] }));
  try {
    const plan =
      settings.platform === "vercel"
        ? await planVercelTraffic(settings, ctx.log, recorded?.platform === "vercel" ? recorded : undefined)
        : await planRailwayTraffic(
            settings,
            ctx.log,
            recorded?.platform === "railway" ? recorded : undefined,
          );
    if (plan.platform === "vercel" && plan.mode === "pause") {
      const nothing = {
        platform: "vercel",
        "project-id": plan.project.id,
        paused: false,
        pinned: plan.pinned,
      } as const;
      ctx.tk.setOutput("stopped", stoppedOutput(nothing));
    }
    return {
      ...plan,
      dryRun: settings["dry-run"],
      autoDeploy: settings["auto-deploy"] && plan.platform === "railway",
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new PlatformFailure(error, settings.platform);
  }
}

/** What the plan has to change: a target to pause, or one to bring back (or, on Vercel, re-pin). */
function pending(plan: TrafficPlan): string[] {
  if (plan.platform === "vercel") return vercelPending(plan) ? [plan.project.name] : [];
  return plan.services.filter((s) => railwayPending(plan, s)).map((s) => s.name);
}

export function trafficNothingToDo(plan: TrafficPlan): NothingToDo | undefined {
  // Re-enabling auto-deploy is a change of its own, even when every service already runs.
  if (pending(plan).length || (plan.mode === "resume" && plan.autoDeploy)) return undefined;
  const pause = plan.mode === "pause";
  const left = leftStopped(plan);
  return {
    status: pause ? "already-paused" : "already-running",
    reason: `${pause ? "Already paused before this run" : "Nothing of this rollback's to resume"}: nothing changed. ${planNow(plan)}${left}${pause ? ALREADY_PAUSED : ""}`,
  };
}

const ALREADY_PAUSED =
  " `stopped` records nothing (this run stopped nothing), so a resume with it leaves this stopped. If an earlier attempt of this rollback stopped it, resume with that attempt's `stopped`, or without `stopped` (every stopped service and a paused project come back).";

/** Resume: what stays stopped because this rollback's pause did not stop it. */
function leftStopped(plan: TrafficPlan): string {
  if (plan.mode === "pause") return "";
  if (plan.platform === "vercel")
    return plan.paused && !plan.unpause
      ? " The project stays paused: this rollback's pause did not pause it (`stopped` says so)."
      : "";
  const left = plan.services.filter((s) => !s.state.serving.length && !s.bringBack && s.state.stopped);
  return left.length
    ? ` Left stopped (not stopped by this rollback's pause): ${left.map((s) => s.name).join(", ")}.`
    : "";
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
  if (plan.platform === "vercel" && plan.mode === "resume" && plan.pin)
    summary.text(
      "A rollback is in effect: after the unpause, auto-assignment of production domains is turned off again.",
    );
  if (plan.platform === "railway") {
    summary.table(
      ["service", "now", "deployment", "to bring back"],
      plan.services.map((s) => [
        s.name,
        s.state.serving.length ? "serving" : s.state.stopped ? "stopped" : "nothing serving",
        s.state.serving[0]?.id ?? s.state.stopped?.id,
        plan.mode === "resume" ? s.bringBack : undefined,
      ]),
    );
  }
}
