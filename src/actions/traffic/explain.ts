import { formatMs } from "../../core/wait.ts";
import { httpAdvice } from "../vercel-promote/explain.ts";
import { PlatformFailure, type TrafficPlan } from "./plan.ts";
import type { RailwayServiceResult } from "./railway.ts";

/** What visitors get now, in one sentence: the summary's most important line. */
export function visitorsNow(
  plan: TrafficPlan,
  paused: boolean,
  results: RailwayServiceResult[] = [],
): string {
  if (plan.platform === "vercel") {
    const where = plan.domains.length ? plan.domains.join(", ") : `${plan.project.name}'s domains`;
    return paused
      ? `Visitors of ${where} now get 503 (the project is paused) until \`mode: resume\`.`
      : `Visitors of ${where} are served by production${plan.production ? ` (${plan.production})` : ""} again.`;
  }
  const stopped = results.length
    ? results.filter((r) => (paused ? r.outcome !== "failed" : r.outcome === "failed")).map((r) => r.name)
    : plan.services.filter((s) => s.state.serving.length === 0).map((s) => s.name);
  const serving = plan.services.map((s) => s.name).filter((name) => !stopped.includes(name));
  return [
    stopped.length && `Stopped (requests get no answer from them): ${stopped.join(", ")}.`,
    serving.length && `Serving: ${serving.join(", ")}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

export const trafficAdvice = {
  resumeFailed: (service: string, deployment: string, status: string | undefined, elapsedMs: number) =>
    `${deployment} did not reach SUCCESS (${status ?? "no status"} after ${formatMs(elapsedMs)}). Check its logs on Railway; run this action again with \`mode: resume\` once fixed, or raise \`wait\`. (${service})`,
  someFailed: (mode: string, failed: RailwayServiceResult[]) =>
    `${mode === "pause" ? "Stopping" : "Resuming"} failed for ${failed.map((f) => `${f.name} (${f.error})`).join("; ")}. The summary lists each service's state; re-run this action (it is safe to repeat: finished services are skipped).`,
};

export function explainTraffic(error: unknown, _phase: string, plan: TrafficPlan | undefined): string {
  const platform = error instanceof PlatformFailure ? error.platform : plan?.platform;
  const cause = error instanceof PlatformFailure ? error.cause : error;
  const advice = platform === "vercel" ? httpAdvice(cause, undefined) : undefined;
  return advice ?? (cause instanceof Error ? cause.message : String(cause));
}
