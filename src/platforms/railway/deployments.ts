import type { Deployment } from "./client.ts";

/** Where a deployment's status leaves a wait: done, failed, still going, or a value this code does not know. */
export type StatusClass = "success" | "failed" | "pending" | "unknown";

const SUCCESS = new Set(["SUCCESS", "SLEEPING"]);
const FAILED = new Set(["FAILED", "CRASHED", "REMOVED", "REMOVING", "SKIPPED"]);
const PENDING = new Set(["BUILDING", "DEPLOYING", "INITIALIZING", "NEEDS_APPROVAL", "QUEUED", "WAITING"]);
/**
 * What `deploymentCancel` is for (issue 19 names QUEUED, WAITING, BUILDING, DEPLOYING). INITIALIZING is
 * included: it becomes BUILDING moments later, and left alone it would land after the rollback.
 */
const CANCELLABLE = new Set(["QUEUED", "WAITING", "INITIALIZING", "BUILDING", "DEPLOYING"]);

export function classifyStatus(status: string): StatusClass {
  if (SUCCESS.has(status)) return "success";
  if (FAILED.has(status)) return "failed";
  if (PENDING.has(status)) return "pending";
  return "unknown";
}

/** States an older deployment may be in and still be a known-good version to go back to. */
const GOOD_HISTORY = new Set(["SUCCESS", "REMOVED", "REMOVING", "SLEEPING"]);

export function dashboardUrl(
  projectId: string,
  serviceId: string,
  environmentId: string,
  deploymentId: string,
): string {
  const query = new URLSearchParams({ environmentId, id: deploymentId });
  return `https://railway.com/project/${encodeURIComponent(projectId)}/service/${encodeURIComponent(serviceId)}?${query}`;
}

/** A string field of a deployment's meta (an untyped JSON scalar). */
export function metaText(d: Deployment, key: string): string | undefined {
  const meta = d.meta && typeof d.meta === "object" ? (d.meta as Record<string, unknown>) : {};
  const value = meta[key];
  return typeof value === "string" && value ? value : undefined;
}

/**
 * Whether two deployments run the same image: by digest when both have one, else by image name. This is
 * how a rollback shows what it was made from (PLATFORMS.md: its meta carries the target's
 * `image`/`imageDigest` and `reason: "rollback"`; no key names the target).
 */
export function sameImage(a: Deployment, b: Deployment): boolean {
  const [da, db] = [metaText(a, "imageDigest"), metaText(b, "imageDigest")];
  if (da && db) return da === db;
  const [ia, ib] = [metaText(a, "image"), metaText(b, "image")];
  return ia !== undefined && ia === ib;
}

/** A rollback or redeploy made this deployment from an older one (its meta says so, not which one). */
export function isRestoration(d: Deployment): boolean {
  const reason = metaText(d, "reason");
  return reason === "rollback" || reason === "redeploy";
}

/**
 * Whether `deployment` is `source` again: a rollback carries its image; a redeploy rebuilds its commit
 * (a new image, so the commit is all that links them).
 */
export function madeFrom(deployment: Deployment, source: Deployment): boolean {
  if (deployment.id === source.id) return false;
  if (sameImage(deployment, source)) return true;
  const commit = metaText(deployment, "commitHash");
  return (
    metaText(deployment, "reason") === "redeploy" &&
    commit !== undefined &&
    commit === metaText(source, "commitHash")
  );
}

export interface Skipped {
  id: string;
  status: string;
  reason: string;
}

export type TargetChoice =
  | { kind: "target"; target: Deployment; skipped: Skipped[] }
  /** The active deployment already runs `source` (a previous rollback or redeploy of it). */
  | { kind: "current"; source: Deployment; skipped: Skipped[] }
  /** The active deployment is a rollback/redeploy of something not in the history: never walk past it. */
  | { kind: "restored"; skipped: Skipped[] }
  | { kind: "none"; skipped: Skipped[]; reason: string };

/**
 * The newest deployment older than the active one that Railway allows to roll back to (`canRollback`),
 * skipping failed, crashed and never-served ones and those running the active image. If the active
 * deployment is itself a rollback or redeploy, production is already rolled back: going further back needs
 * an explicit id, so a second automatic run never picks the version the first one replaced.
 */
export function chooseTarget(active: Deployment, history: Deployment[]): TargetChoice {
  const activeAt = Date.parse(active.createdAt);
  const older = history.filter((d) => d.id !== active.id && Date.parse(d.createdAt) < activeAt);
  const source = older.find((d) => madeFrom(active, d));
  if (source && isRestoration(active)) return { kind: "current", source, skipped: [] };
  if (isRestoration(active)) return { kind: "restored", skipped: [] };
  const skipped: Skipped[] = [];
  for (const candidate of older) {
    const reason = unsuitable(candidate, active);
    if (reason) {
      skipped.push({ id: candidate.id, status: candidate.status, reason });
      continue;
    }
    return { kind: "target", target: candidate, skipped };
  }
  return {
    kind: "none",
    skipped,
    reason: older.length
      ? `none of the ${older.length} older deployments listed can be rolled back to`
      : "there is no deployment older than the active one",
  };
}

function unsuitable(candidate: Deployment, active: Deployment): string | undefined {
  if (!GOOD_HISTORY.has(candidate.status)) {
    if (candidate.status === "FAILED") return "it failed";
    if (candidate.status === "CRASHED") return "it crashed";
    return `its status ${candidate.status} is not a known-good state`;
  }
  if (candidate.canRollback === false)
    return "Railway no longer allows rolling back to it (canRollback: false, image past retention)";
  if (sameImage(candidate, active)) return "it runs the same image as the active deployment";
  return undefined;
}

/** Deployments of the service still on their way (queued, building, deploying), newest first. */
export function inFlight(history: Deployment[]): Deployment[] {
  return history.filter((d) => CANCELLABLE.has(d.status));
}

/** A rollback/redeploy of `target` already on its way (another run's): follow it instead of sending one. */
export function inFlightFrom(history: Deployment[], target: Deployment): Deployment | undefined {
  return inFlight(history).find((d) => isRestoration(d) && madeFrom(d, target));
}

/**
 * After a rollback (which returns only `true`), the new deployment is one that was not there before the
 * mutation and runs the target's image: a push racing it is new too, but from other source. Of several,
 * the oldest (a later one would be someone else's rollback).
 */
export function findNewDeployment(
  before: Set<string>,
  after: Deployment[],
  target: Deployment,
): { found?: Deployment; others: Deployment[] } {
  const fresh = after.filter((d) => !before.has(d.id) && d.id !== target.id);
  const made = fresh.filter((d) => madeFrom(d, target));
  const found = made[made.length - 1];
  return { found, others: fresh.filter((d) => d !== found) };
}
