import { isPlainRefusal } from "../../core/http.ts";
import type { ChatStatus } from "../chat/message.ts";
import { truncate } from "../chat/message.ts";
import { githubErrorMessage, type Octokit } from "./client.ts";

// GitHub REST: POST /repos/{o}/{r}/deployments (ref, environment, auto_merge, required_contexts, task,
// payload, description) and POST …/deployments/{id}/statuses (state, log_url, environment_url, description).
// docs.github.com/rest/deployments. GitHub's Deployments view then is the deployment log the runbook keeps.

/** The deployment's `task`: how this suite's rollbacks are told apart from ordinary deploys. */
export const ROLLBACK_TASK = "rollback";

export type DeploymentState = "in_progress" | "success" | "failure" | "error";

/**
 * A status per phase: started → in_progress, succeeded → success, failed → failure, cancelled → error;
 * unverified stays in_progress: rolled back, but nobody may read it as a recovery until a person checks.
 */
export function deploymentState(status: ChatStatus): DeploymentState | undefined {
  const states: Partial<Record<ChatStatus, DeploymentState>> = {
    started: "in_progress",
    succeeded: "success",
    failed: "failure",
    cancelled: "error",
    unverified: "in_progress",
  };
  return states[status];
}

export interface DeploymentRecord {
  owner: string;
  repo: string;
  environment: string;
  /** The commit the run is on. */
  ref: string;
  runId: string;
  status: ChatStatus;
  description: string;
  logUrl?: string;
  environmentUrl?: string;
  /** The deployment an earlier notify created (`github-deployment-id`). */
  deploymentId?: number;
  /** Whether end users reach this environment (PLATFORMS.md: GitHub's default is true only for `production`). */
  productionEnvironment: boolean;
}

export interface DeploymentResult {
  id: number;
  created: boolean;
  state: DeploymentState;
}

export class DeploymentError extends Error {
  override name = "DeploymentError";
}

function problem(what: string, error: unknown): DeploymentError {
  const status = (error as { status?: number }).status;
  const hints: Record<number, string> = {
    401: " Check github-token.",
    403: " Give the workflow `permissions: deployments: write`.",
    404: " Check github-deployment-id and that the token can see this repository.",
    422: " Check environment and that the commit exists in this repository.",
  };
  // A refused credential's body is quoted only when it is GitHub's own words.
  const message = status === 401 || status === 403 ? refusal(error, status) : githubErrorMessage(error);
  return new DeploymentError(`GitHub deployment: ${what} failed: ${message}.${hints[status ?? 0] ?? ""}`);
}

function refusal(error: unknown, status: number): string {
  const text = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  return typeof text === "string" && isPlainRefusal(text) ? `${status} ${text}` : `${status}`;
}

/** The deployment this run already created for the environment (a re-run of the same step reuses it). */
export async function findRunDeployment(
  octokit: Octokit,
  record: Pick<DeploymentRecord, "owner" | "repo" | "environment" | "runId">,
): Promise<number | undefined> {
  const { data } = await octokit.rest.repos.listDeployments({
    owner: record.owner,
    repo: record.repo,
    environment: record.environment,
    task: ROLLBACK_TASK,
    per_page: 30,
  });
  return data.find((d) => runOf(d.payload) === record.runId)?.id;
}

function runOf(payload: unknown): string | undefined {
  if (typeof payload === "string") {
    try {
      return runOf(JSON.parse(payload));
    } catch {
      return undefined;
    }
  }
  const id = (payload as { run_id?: unknown } | null)?.run_id;
  return id === undefined || id === null ? undefined : String(id);
}

/**
 * Records the phase: creates the deployment (once per run and environment) and adds a status to it.
 * A create whose answer was lost is looked for before a second one is made.
 */
export async function recordDeployment(
  octokit: Octokit,
  record: DeploymentRecord,
): Promise<DeploymentResult> {
  const state = deploymentState(record.status);
  if (!state) throw new DeploymentError(`GitHub deployment: status ${record.status} records nothing.`);
  const { owner, repo } = record;
  let id = record.deploymentId;
  let created = false;
  if (id === undefined) {
    try {
      id = await findRunDeployment(octokit, record);
    } catch (error) {
      throw problem("listing deployments", error);
    }
  }
  if (id === undefined) {
    try {
      const { data } = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: record.ref,
        environment: record.environment,
        task: ROLLBACK_TASK,
        auto_merge: false,
        required_contexts: [],
        payload: { run_id: record.runId },
        description: truncate(record.description, 140),
        production_environment: record.productionEnvironment,
      });
      if (!("id" in data))
        throw new DeploymentError(`GitHub deployment: not created: ${data.message ?? "no id"}.`);
      id = data.id;
      created = true;
    } catch (error) {
      if (error instanceof DeploymentError) throw error;
      const status = (error as { status?: number }).status;
      const again =
        status === undefined || status >= 500
          ? await findRunDeployment(octokit, record).catch(() => undefined)
          : undefined;
      if (again === undefined) throw problem("creating the deployment", error);
      id = again;
      created = true;
    }
  }
  try {
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state,
      description: truncate(record.description, 140),
      ...(record.logUrl ? { log_url: record.logUrl } : {}),
      ...(record.environmentUrl ? { environment_url: record.environmentUrl } : {}),
      environment: record.environment,
      auto_inactive: state === "success",
    });
  } catch (error) {
    throw problem(`adding the ${state} status to deployment ${id}`, error);
  }
  return { id, created, state };
}
