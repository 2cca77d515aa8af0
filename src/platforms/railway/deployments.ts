import type { Deployment } from "./client.ts";

/** Where a deployment's status leaves a wait: done, failed, still going, or a value this code does not know. */
export type StatusClass = "success" | "failed" | "pending" | "unknown";

const SUCCESS = new Set(["SUCCESS", "SLEEPING"]);
const FAILED = new Set(["FAILED", "CRASHED", "REMOVED", "REMOVING", "SKIPPED"]);
const PENDING = new Set(["BUILDING", "DEPLOYING", "INITIALIZING", "NEEDS_APPROVAL", "QUEUED", "WAITING"]);

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

/** String values anywhere in a deployment's meta (a JSON scalar of unknown shape). */
function metaStrings(meta: unknown, depth = 0): string[] {
  if (typeof meta === "string") return [meta];
  if (!meta || typeof meta !== "object" || depth > 3) return [];
  return Object.values(meta).flatMap((value) => metaStrings(value, depth + 1));
}

/**
 * Whether `deployment` was made from `sourceId` (a rollback or redeploy of it): its meta names the source.
 * Railway's meta is an untyped JSON scalar, so any field holding the id counts.
 */
export function madeFrom(deployment: Deployment, sourceId: string): boolean {
  return deployment.id !== sourceId && metaStrings(deployment.meta).includes(sourceId);
}

export interface Skipped {
  id: string;
  status: string;
  reason: string;
}

export type TargetChoice =
  | { kind: "target"; target: Deployment; skipped: Skipped[] }
  /** The active deployment is already a rollback/redeploy of `source`: production is as a rollback left it. */
  | { kind: "current"; source: Deployment; skipped: Skipped[] }
  | { kind: "none"; skipped: Skipped[]; reason: string };

/**
 * The newest deployment older than the active one that Railway allows to roll back to (`canRollback`),
 * skipping failed, crashed and never-served ones. If the active deployment was itself made from an older
 * one (a previous rollback), production is already rolled back: going further back needs an explicit id.
 */
export function chooseTarget(active: Deployment, history: Deployment[]): TargetChoice {
  const activeAt = Date.parse(active.createdAt);
  const older = history.filter((d) => d.id !== active.id && Date.parse(d.createdAt) < activeAt);
  const source = older.find((d) => madeFrom(active, d.id));
  if (source) return { kind: "current", source, skipped: [] };
  const skipped: Skipped[] = [];
  for (const candidate of older) {
    if (!GOOD_HISTORY.has(candidate.status)) {
      const why =
        candidate.status === "FAILED" || candidate.status === "CRASHED"
          ? `it ${candidate.status === "FAILED" ? "failed" : "crashed"}`
          : `its status ${candidate.status} is not a known-good state`;
      skipped.push({ id: candidate.id, status: candidate.status, reason: why });
      continue;
    }
    if (candidate.canRollback === false) {
      skipped.push({
        id: candidate.id,
        status: candidate.status,
        reason: "Railway no longer allows rolling back to it (canRollback: false, image past retention)",
      });
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

/**
 * After a rollback (which returns only `true`), the new deployment is one that was not there before the
 * mutation and was made from the target. A deploy racing the rollback is also new but names no target;
 * when meta names nothing at all, a single newcomer is taken, several are ambiguous.
 */
export function findNewDeployment(
  before: Set<string>,
  after: Deployment[],
  targetId: string,
): { found?: Deployment; others: Deployment[] } {
  const fresh = after.filter((d) => !before.has(d.id) && d.id !== targetId);
  const made = fresh.filter((d) => madeFrom(d, targetId));
  if (made.length > 0) {
    // Oldest of them: the one this mutation created (a later one would be someone else's rollback).
    const found = made[made.length - 1] as Deployment;
    return { found, others: fresh.filter((d) => d !== found) };
  }
  if (fresh.length === 1) return { found: fresh[0], others: [] };
  return { others: fresh };
}
