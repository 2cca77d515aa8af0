import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import type { Deployment, DeploymentListItem, Project, VercelClient } from "../../platforms/vercel/client.ts";
import { advice } from "./explain.ts";
import type { Strategy } from "./inputs.ts";
import { fromListItem, type Target, toTarget } from "./target.ts";

const PAGE_SIZE = 20;
const MAX_PAGES = 10;

export type Kind = "rollback" | "promote" | "rebuild";

/**
 * Resolves an explicit target: a `dpl_…` id, a deployment's own hostname, or a domain (custom or alias)
 * resolved to the deployment it points at; then checks it can serve this project's production.
 */
export async function resolveExplicit(
  client: VercelClient,
  project: Project,
  idOrHost: string,
  strategy: Strategy,
): Promise<Target> {
  const deployment = await lookUp(client, idOrHost);
  if (deployment.projectId && deployment.projectId !== project.id) {
    throw new Error(advice.otherProject(deployment.id, deployment.projectId, project.name, project.id));
  }
  if (deployment.readyState !== "READY")
    throw new Error(advice.notReady(deployment.id, deployment.readyState));
  if (deployment.target !== "production" && strategy === "rollback")
    throw new Error(advice.previewRollback(deployment.id));
  if (strategy === "rollback" && deployment.readySubstate === "STAGED")
    throw new Error(advice.stagedRollback(deployment.id));
  return toTarget(deployment);
}

async function lookUp(client: VercelClient, idOrHost: string): Promise<Deployment> {
  const asDeployment = () =>
    client.getDeployment(idOrHost).catch((error: unknown) => {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    });
  const asDomain = async () => {
    const alias = await client.getAlias(idOrHost);
    if (!alias) return undefined;
    if (!alias.deploymentId) throw new Error(advice.unassignedDomain(idOrHost));
    return client.getDeployment(alias.deploymentId);
  };
  // A deployment's own *.vercel.app host is a deployment URL first; any other host is a domain first.
  const order = idOrHost.startsWith("dpl_")
    ? [asDeployment]
    : idOrHost.endsWith(".vercel.app")
      ? [asDeployment, asDomain]
      : [asDomain, asDeployment];
  for (const look of order) {
    const found = await look();
    if (found) return found;
  }
  throw new Error(advice.notFound(idOrHost));
}

/**
 * When production is the result of the last rollback (pinned, last alias job a succeeded rollback to it),
 * an automatic run keeps it: a second run must never walk one step further back.
 */
export function rolledBackTo(project: Project, currentId: string | undefined): boolean {
  const last = project.lastAliasRequest;
  return (
    currentId !== undefined &&
    project.autoAssignCustomDomains === false &&
    last?.type === "rollback" &&
    last.jobStatus === "succeeded" &&
    last.toDeploymentId === currentId
  );
}

/** The newest READY production deployment that served production and is older than the current one. */
export async function pickAutomatically(
  client: VercelClient,
  log: Logger,
  project: Project,
  current: Target,
): Promise<Target> {
  // What the last rollback moved production away from is never brought back by an automatic pick.
  const last = project.lastAliasRequest;
  const replaced =
    last?.type === "rollback" && last.jobStatus === "succeeded" ? last.fromDeploymentId : undefined;
  const skipped: string[] = [];
  let until = current.createdAt;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { deployments, next } = await client.listDeployments({
      projectId: project.id,
      target: "production",
      limit: PAGE_SIZE,
      until,
    });
    for (const d of deployments) {
      const why = d.uid === replaced ? "the last rollback replaced it" : skipReason(d, current);
      if (!why) {
        log.info(`Picked ${d.uid}, the newest good production deployment before ${current.id}.`);
        return fromListItem(d);
      }
      skipped.push(`${d.uid} (${new Date(d.createdAt).toISOString()}): ${why}`);
    }
    if (next === undefined || deployments.length === 0) break;
    until = next;
  }
  throw new Error(advice.noCandidate(project.name, current.id, skipped));
}

function skipReason(d: DeploymentListItem, current: Target): string | undefined {
  if (d.uid === current.id) return "the current production deployment";
  if (current.createdAt !== undefined && d.createdAt >= current.createdAt)
    return "newer than the current one";
  if (d.readyState !== "READY") return `state ${d.readyState}`;
  if (d.target !== "production") return "not a production deployment";
  if (d.readySubstate === "STAGED") return "never served production (staged)";
  if (d.isRollbackCandidate === false) return "not a rollback candidate";
  return undefined;
}

export function chooseKind(strategy: Strategy, target: Target): Kind {
  if (target.target !== "production") return "rebuild";
  if (strategy === "rollback") return "rollback";
  if (strategy === "promote") return "promote";
  // auto: a deployment that already served production rolls back instantly; a staged one is promoted.
  return target.readySubstate === "STAGED" ? "promote" : "rollback";
}
