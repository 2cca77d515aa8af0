// How the drill tells what each action did: one line each, real ids and whole messages.
import type { ActionRun } from "../run-action.ts";
import type { Target } from "./faults.ts";
import type { World } from "./world.ts";

export function incidentText(world: World, target: Target): string {
  const parts = [
    (target === "all" || target === "railway" || target === "full") &&
      "Railway backend and ai-engine serve bad deployments",
    (target === "all" || target === "vercel" || target === "full") && "Vercel shop serves dpl_bad",
    target === "git-revert" && `main holds bad commit ${world.repo?.badSha.slice(0, 7)}`,
    target === "full" && "the users table is corrupted, the bucket's files overwritten, bad pages cached",
  ];
  return parts.filter(Boolean).join("; ");
}

export function phaseOf(action: string): string {
  if (action === "traffic") return "traffic";
  if (["database-restore", "storage-restore", "cache-flush"].includes(action)) return "data";
  return "rolled back";
}

/** Workflow command text as a person reads it. */
export function decode(text: string): string {
  return text.replace(/%0A/g, " ").replace(/%0D/g, "").replace(/%25/g, "%");
}

export function failedList(run: ActionRun): string {
  const failed = JSON.parse(run.outputs["failed-checks"] ?? "[]") as { url: string; reason: string }[];
  if (failed.length === 0) return "all checks pass";
  return `${failed.map((check) => new URL(check.url).pathname.split("/")[1]).join(", ")} failing`;
}

export function failedMetrics(run: ActionRun): string {
  const failed = JSON.parse(run.outputs["failed-metrics"] ?? "[]") as { name: string; reason: string }[];
  return failed.length
    ? failed.map((m) => `${m.name}: ${m.reason}`).join("; ")
    : "every metric within its limits";
}

export function railwayLine(run: ActionRun): string {
  const deployments = JSON.parse(run.outputs.deployments ?? "[]") as {
    service: string;
    status: string;
    error?: string;
  }[];
  if (!deployments.length) return firstError(run);
  return deployments.map((d) => `${d.service} ${d.status}${d.error ? ` (${d.error})` : ""}`).join(", ");
}

/** What a pause stopped (its `stopped` output) or a resume was given, by name. */
export function trafficLine(run: ActionRun, platform: string, stopped?: unknown): string {
  if (run.code !== 0) return firstError(run);
  if (platform === "vercel") return "Vercel project shop";
  const record = (stopped ?? JSON.parse(run.outputs.stopped || "{}")) as { services?: { service: string }[] };
  const names = (record.services ?? []).map((s) => s.service);
  return names.length ? `Railway services ${names.join(", ")}` : "no Railway service";
}

export function databaseLine(run: ActionRun): string {
  if (run.code !== 0) return firstError(run);
  return `from ${run.outputs["restored-from"]}, safety backup ${run.outputs["safety-backup"]}`;
}

export function errorSuffix(run: ActionRun): string {
  return run.code ? ` (${firstError(run)})` : "";
}

/** The step's failure message, whole, on one line. */
export function firstError(run: ActionRun): string {
  const line = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
  return decode(line.replace(/^::error::/, "")) || `exit code ${run.code}`;
}

export function cacheLine(run: ActionRun): string {
  if (run.code !== 0) return firstError(run);
  if (run.outputs.status === "restarted") return "the Railway Redis service restarted and serves again";
  return `${run.outputs["keys-removed"]} keys removed`;
}

export function storageLine(run: ActionRun): string {
  return `${run.outputs.restored ?? 0} restored, ${run.outputs.deleted ?? 0} deleted${errorSuffix(run)}`;
}

export function vercelLine(run: ActionRun): string {
  return run.outputs["deployment-id"]
    ? `${run.outputs["previous-deployment-id"]} → ${run.outputs["deployment-id"]}${errorSuffix(run)}`
    : firstError(run);
}

export function revertLine(run: ActionRun): string {
  return run.outputs["revert-sha"]
    ? `reverted ${run.outputs["reverted-shas"]} as ${run.outputs["revert-sha"]}`
    : firstError(run);
}
