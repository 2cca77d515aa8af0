import type { SimResponse } from "./server.ts";
import {
  isRollbackCandidate,
  type SimAliasRequest,
  type SimDeployment,
  type SimProject,
  type SimWorld,
} from "./vercel-shapes.ts";

/**
 * Instant rollback and promote: the request, the asynchronous alias job that moves production, the pin a
 * rollback leaves, and the listing of aliases that failed to move. Behaviour follows PLATFORMS.md (Vercel).
 */

export interface SimTeam {
  id: string;
}

/** What the alias jobs need of the simulator. */
export interface AliasHost extends SimWorld {
  aliasJobMs: number;
  findProject(team: SimTeam | undefined, idOrName: string): SimProject | SimResponse;
  findDeployment(team: SimTeam | undefined, idOrUrl: string): SimDeployment | SimResponse;
  deployment(id: string): SimDeployment | undefined;
  moveProduction(project: SimProject, deployment: SimDeployment): void;
  later(ms: number, run: () => void): void;
}

// Vercel records a rollback description of at most 250 characters (the SDK's model says so); longer: refused.
const MAX_DESCRIPTION = 250;

export const simError = (status: number, code: string, message: string): SimResponse => ({
  status,
  body: { error: { code, message } },
});

/** `POST …/rollback/{id}` or `…/promote/{id}`: checks the target, then starts the alias job. */
export function requestAliasChange(
  host: AliasHost,
  r: {
    team: SimTeam | undefined;
    projectId: string;
    deploymentId: string;
    type: "rollback" | "promote";
    query: URLSearchParams;
  },
): SimResponse {
  const project = host.findProject(r.team, r.projectId);
  if ("status" in project) return project;
  const deployment = host.findDeployment(r.team, r.deploymentId);
  if ("status" in deployment) return deployment;
  if (deployment.projectId !== project.id) {
    return simError(422, "invalid_target", "The deployment does not belong to this project.");
  }
  if (deployment.readyState !== "READY") {
    return simError(422, "invalid_target", `The deployment is ${deployment.readyState}, not READY.`);
  }
  if (deployment.target !== "production") {
    return simError(422, "invalid_target", "Only production deployments can be promoted or rolled back to.");
  }
  // During an ACTIVE rolling release, rolling back to its base reverts from the canary (PLATFORMS.md).
  const revertsRelease = r.type === "rollback" && project.rollingRelease?.state === "ACTIVE";
  if (project.production === deployment.id && !revertsRelease) {
    return simError(
      409,
      "conflict",
      `Deployment ${deployment.id} is already the current production deployment.`,
    );
  }
  if (r.type === "rollback") {
    if (!isRollbackCandidate(deployment)) {
      return simError(422, "invalid_target", "The deployment never served production: promote it instead.");
    }
    if (
      host.planOf(project) === "hobby" &&
      !revertsRelease &&
      previousProduction(host, project)?.id !== deployment.id
    ) {
      return simError(
        402,
        "payment_required",
        "Hobby plans can only roll back to the previous production deployment. Upgrade to Pro to roll back further.",
      );
    }
    const description = r.query.get("description") ?? "";
    if (description.length > MAX_DESCRIPTION) {
      return simError(400, "bad_request", `description must be at most ${MAX_DESCRIPTION} characters.`);
    }
    project.rollbackDescription = { description, createdAt: host.now() };
    // Unknown whether a rollback moves domains while the project is paused (PLATFORMS.md): pessimistic, it
    // does and pins them, so the unpause that follows undoes a pin this rollback made.
    project.autoAssignCustomDomains = false;
  } else {
    if (project.queuePromotes) return { status: 202 };
    project.autoAssignCustomDomains = true;
  }
  startAliasJob(host, project, deployment, r.type);
  return { status: 201 };
}

function startAliasJob(
  host: AliasHost,
  project: SimProject,
  deployment: SimDeployment,
  type: "rollback" | "promote",
): void {
  const job: SimAliasRequest = {
    fromDeploymentId: project.production ?? null,
    toDeploymentId: deployment.id,
    jobStatus: "pending",
    requestedAt: host.now(),
    type,
  };
  project.lastAliasRequest = job;
  host.later(Math.min(10, host.aliasJobMs / 4), () => {
    if (job.jobStatus === "pending") job.jobStatus = "in-progress";
  });
  host.later(host.aliasJobMs, () => {
    if (project.lastAliasRequest !== job) {
      job.jobStatus = "skipped";
      return;
    }
    if (project.failingDomains.length) {
      project.failedAliases = { type, aliases: [...project.failingDomains] };
      job.jobStatus = "failed";
      return;
    }
    const release = project.rollingRelease;
    if (type === "rollback" && release?.state === "ACTIVE") {
      release.state = "ABORTED";
      release.updatedAt = host.now();
      const canary = host.deployment(release.canaryDeployment);
      if (canary) canary.readySubstate = "STAGED";
    }
    host.moveProduction(project, deployment);
    job.jobStatus = "succeeded";
  });
}

/** The aliases of the last job of `type`, or only those that failed to move. */
export function listAliases(
  project: SimProject,
  query: URLSearchParams,
  type: "promote" | "rollback",
): SimResponse {
  const failedOnly = query.get("failedOnly") === "true";
  const failed = new Set(project.failedAliases.type === type ? project.failedAliases.aliases : []);
  const limit = Number(query.get("limit") ?? 100) || 100;
  const domains = project.domains.filter((domain) => !failedOnly || failed.has(domain)).slice(0, limit);
  const aliases = domains.map((domain, index) => ({
    // The v9 rollback listing names an alias as an object (PLATFORMS.md: a string or {alias, deploymentId}).
    alias: type === "rollback" ? { alias: domain, deploymentId: project.production ?? null } : domain,
    id: `alias_${project.id}_${index}`,
    status: failed.has(domain) ? "failed" : "succeeded",
  }));
  return { status: 200, body: { aliases, pagination: { count: aliases.length, next: null, prev: null } } };
}

/** The production deployment that served right before the current one (Hobby's only rollback target). */
function previousProduction(host: AliasHost, project: SimProject): SimDeployment | undefined {
  const current = project.production ? host.deployment(project.production) : undefined;
  return host.deployments
    .filter((d) => d.projectId === project.id && isRollbackCandidate(d) && d.id !== current?.id)
    .filter((d) => !current || d.createdAt < current.createdAt)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}
