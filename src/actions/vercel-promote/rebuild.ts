import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import type { Deployment, DeploymentListItem, VercelClient } from "../../platforms/vercel/client.ts";
import { type ChangeResult, pollUntil, requestChange } from "./alias-job.ts";
import { advice } from "./explain.ts";
import { httpsUrl, shaOf, type Target, toTarget } from "./target.ts";

// A build found after a lost answer must have been created since the request, on Vercel's clock.
const CLOCK_TOLERANCE_MS = 2000;

export interface RebuildRequest {
  client: VercelClient;
  log: Logger;
  project: { id: string; name: string };
  preview: Target;
  waitMs: number;
  deadline: number;
}

/** A preview is rebuilt with production settings; once READY it serves, or is promoted when pinned. */
export async function rebuildAndPromote(
  r: RebuildRequest,
): Promise<{ result: ChangeResult; served: Target }> {
  const { client, log, project, preview } = r;
  log.info(`Rebuilding preview ${preview.id} with production settings…`);
  const sentAt = Date.now();
  let build: Deployment;
  try {
    build = await client.rebuildForProduction(preview.id, project.name);
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    // No answer: look for the build it may have started; never start a second one.
    log.warn(
      `The rebuild request got no clear answer (${error.message}); looking for the build it may have started.`,
    );
    const started = await findRebuild(client, project.id, preview, sentAt);
    if (!started) throw new Error(advice.rebuildNotStarted(preview.id, error.message));
    log.info(`Vercel did start the rebuild: ${started.uid}.`);
    build = await client.getDeployment(started.uid);
  }
  const built = toTarget(build);
  log.info(`New production deployment ${build.id} (${httpsUrl(build.url)}) is ${build.readyState}.`);
  if (r.waitMs === 0) return { result: { status: "requested", project: undefined }, served: built };
  const ready = await pollUntil(log, `build of ${build.id}`, r.deadline, async () => {
    const d = await client.getDeployment(build.id);
    if (["READY", "ERROR", "CANCELED"].includes(d.readyState)) return { done: true, value: d };
    return { done: false, state: d.readyState };
  });
  if (ready.outcome === "timeout") {
    throw new Error(advice.rebuildTimeout(build.id, preview.id, ready.lastState, ready.elapsedMs));
  }
  if (ready.value.readyState !== "READY") {
    throw new Error(
      advice.rebuildEnded(build.id, preview.id, ready.value.readyState, ready.value.errorMessage),
    );
  }
  const served = { ...built, readyState: "READY" };
  const now = await client.getProject(project.id);
  if (now.targets?.production?.id === build.id)
    return { result: { status: "promoted", project: now }, served };
  // Production is pinned (after a rollback), so the READY build stays staged: promote it.
  log.info(`${build.id} is READY but staged (production is pinned): promoting it.`);
  const result = await requestChange({
    client,
    log,
    projectId: project.id,
    type: "promote",
    to: build.id,
    description: "",
    before: now.lastAliasRequest ?? undefined,
    waitMs: r.waitMs,
    deadline: r.deadline,
  });
  return { result, served };
}

/** A production build started from `preview` since `sentAt` (same commit, created by a promote). */
async function findRebuild(
  client: VercelClient,
  projectId: string,
  preview: Target,
  sentAt: number,
): Promise<DeploymentListItem | undefined> {
  const { deployments } = await client.listDeployments({ projectId, target: "production", limit: 10 });
  const since = client.serverTime(sentAt) - CLOCK_TOLERANCE_MS;
  return deployments.find(
    (d) =>
      d.createdAt >= since &&
      d.meta?.action === "promote" &&
      (preview.sha === undefined || shaOf(d.meta) === preview.sha),
  );
}
