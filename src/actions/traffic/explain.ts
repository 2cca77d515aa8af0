import { formatMs } from "../../core/wait.ts";
import { httpAdvice } from "../vercel-promote/explain.ts";
import { PlatformFailure, type TrafficPlan } from "./plan.ts";
import type { RailwayServiceResult, ServiceNow } from "./railway.ts";
import type { VercelOutcome, VercelTrafficPlan } from "./vercel.ts";

/** How a Railway deployment's wait ended. */
export interface End {
  kind: "success" | "failed" | "timeout" | "cancelled";
  status: string | undefined;
  elapsedMs: number;
}

function describeEnd(end: End): string {
  if (end.kind === "timeout")
    return `is still ${end.status ?? "on its way"}${end.elapsedMs ? ` after ${formatMs(end.elapsedMs)}` : " (`wait: 0`: not waited for)"}`;
  if (end.kind === "cancelled") return `was ${end.status ?? "on its way"} when the run was cancelled`;
  return `ended ${end.status}`;
}

/** What visitors of a Vercel project get, in one sentence, from a read-back. */
export function vercelNow(
  plan: VercelTrafficPlan,
  now: Pick<VercelOutcome, "paused" | "autoAssignOff" | "production">,
): string {
  const where = plan.domains.length ? plan.domains.join(", ") : `${plan.project.name}'s domains`;
  if (now.paused === undefined)
    return `What visitors of ${where} get is unknown: the project could not be read back.`;
  if (now.paused) return `Visitors of ${where} now get 503 (the project is paused) until \`mode: resume\`.`;
  const pin = now.autoAssignOff
    ? " Production stays pinned (auto-assignment of production domains is off): a new build does not take it."
    : plan.mode === "resume" && plan.pin
      ? " Production is NOT pinned although a rollback is in effect: the next production build would take the domains. Run this action again with the same inputs (it puts the pin back)."
      : "";
  return `Visitors of ${where} are served by production${now.production ? ` (${now.production})` : ""}.${pin}`;
}

/** Which Railway services serve and which are stopped, in one or two sentences, from a read-back. */
export function railwayNow(now: ServiceNow[]): string {
  const serving: string[] = [];
  const stopped: string[] = [];
  const unknown: string[] = [];
  for (const s of now) {
    if ("unreadable" in s) unknown.push(s.name);
    else if (s.state.serving.length) serving.push(`${s.name} (${s.state.serving[0]?.id})`);
    else stopped.push(s.name);
  }
  return [
    stopped.length && `Stopped (requests get no answer from them): ${stopped.join(", ")}.`,
    serving.length && `Serving: ${serving.join(", ")}.`,
    unknown.length && `Could not be read back: ${unknown.join(", ")}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** The same from the plan's read (nothing changed yet). */
export function planNow(plan: TrafficPlan): string {
  if (plan.platform === "vercel") return vercelNow(plan, plan);
  return railwayNow(plan.services.map((s) => ({ name: s.name, state: s.state })));
}

export const trafficAdvice = {
  resumeFailed: (service: string, deployment: string, end: End) =>
    `${service}: ${deployment} (the stopped deployment brought back) ${describeEnd(end)}. Check its logs on Railway; run this action again with \`mode: resume\` once fixed, or raise \`wait\`.`,
  newerServes: (service: string, newer: string, stopped: string) =>
    `${service}: ${newer}, newer than the stopped ${stopped}, serves: ${stopped} is not brought back (it would replace it).`,
  newerNotServing: (service: string, newer: string, stopped: string, end: End) =>
    `${service}: the newer deployment ${newer} (a rollback or deploy after the pause) ${describeEnd(end)}, so the stopped ${stopped} was not brought back (it would replace what the rollback brings). ${end.kind === "failed" ? `Fix or roll back ${service} on Railway, then run this action again with \`mode: resume\`.` : `Run this action again with \`mode: resume\` once ${newer} has ended (or raise \`wait\`).`}`,
  nothingToBringBack: (service: string, deployment: string, status: string | undefined) =>
    `${service}: ${deployment} is ${status ?? "gone"}, not a stopped deployment: there is nothing to bring back. Deploy ${service} on Railway.`,
  someFailed: (mode: string, failed: RailwayServiceResult[]) =>
    `${mode === "pause" ? "Stopping" : "Resuming"} failed for ${failed.map((f) => `${f.name} (${f.error})`).join("; ")}.`,
  recorded: (names: string[]) =>
    names.length
      ? `\`stopped\` records ${names.join(", ")}: run \`mode: resume\` with it to bring back exactly those.`
      : "`stopped` records nothing: this run stopped no service.",
  cancelled: (signal: string, skipped: string[]) =>
    `Cancelled by ${signal}${skipped.length ? `: ${skipped.join(", ")} not reached` : ""}.`,
};

export function explainTraffic(error: unknown, _phase: string, plan: TrafficPlan | undefined): string {
  const platform = error instanceof PlatformFailure ? error.platform : plan?.platform;
  const cause = error instanceof PlatformFailure ? error.cause : error;
  const advice = platform === "vercel" ? httpAdvice(cause, undefined) : undefined;
  return advice ?? (cause instanceof Error ? cause.message : String(cause));
}
