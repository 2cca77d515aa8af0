import { z } from "zod";
import { githubErrorMessage, type Octokit } from "./client.ts";

export interface Repo {
  owner: string;
  repo: string;
}

export interface PullRequest {
  number: number;
  url: string;
}

const pullSchema = z.object({ number: z.number(), html_url: z.string() });
const repositorySchema = z.object({ default_branch: z.string() });

export class GitHubError extends Error {
  override name = "GitHubError";
  /** GitHub's HTTP status; undefined when no answer came (the request may or may not have been applied). */
  readonly status: number | undefined;
  constructor(what: string, error: unknown) {
    super(`${what} failed: ${githubErrorMessage(error)}`);
    this.status = (error as { status?: number }).status;
  }

  /** No answer, or a server error: the request may have been applied. */
  get ambiguous(): boolean {
    return this.status === undefined || this.status >= 500;
  }
}

export async function repositoryDefaultBranch(octokit: Octokit, repo: Repo): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.get({ ...repo });
    return repositorySchema.parse(data).default_branch;
  } catch (error) {
    throw new GitHubError(`Reading repository ${repo.owner}/${repo.repo}`, error);
  }
}

/** The open pull request from `head` (a branch of this repository) into `base`, if there is one. */
export async function findPullRequest(
  octokit: Octokit,
  repo: Repo,
  head: string,
  base: string,
): Promise<PullRequest | undefined> {
  try {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      head: `${repo.owner}:${head}`,
      base,
      state: "open",
    });
    const pull = z.array(pullSchema).parse(data)[0];
    return pull && { number: pull.number, url: pull.html_url };
  } catch (error) {
    throw new GitHubError(`Listing pull requests for ${head}`, error);
  }
}

const headedPullSchema = pullSchema.extend({ head: z.object({ ref: z.string() }) });

/**
 * An open pull request into `base` from a branch of this repository whose name starts with `prefix`
 * (one an earlier run opened for the same revert), if there is one.
 */
export async function findPullRequestByPrefix(
  octokit: Octokit,
  repo: Repo,
  options: { base: string; prefix: string },
): Promise<(PullRequest & { head: string }) | undefined> {
  try {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      base: options.base,
      state: "open",
      per_page: 100,
    });
    const pull = z
      .array(headedPullSchema)
      .parse(data)
      .find((candidate) => candidate.head.ref.startsWith(options.prefix));
    return pull && { number: pull.number, url: pull.html_url, head: pull.head.ref };
  } catch (error) {
    throw new GitHubError(`Listing pull requests into ${options.base}`, error);
  }
}

export async function createPullRequest(
  octokit: Octokit,
  repo: Repo,
  pull: { head: string; base: string; title: string; body: string },
): Promise<PullRequest> {
  try {
    const { data } = await octokit.rest.pulls.create({ ...repo, ...pull });
    const created = pullSchema.parse(data);
    return { number: created.number, url: created.html_url };
  } catch (error) {
    // Not re-sent blindly: the request may have been applied (lost answer, or a PR that already exists).
    const existing = await findPullRequest(octokit, repo, pull.head, pull.base).catch(() => undefined);
    if (existing) return existing;
    throw new GitHubError(`Opening a pull request from ${pull.head} into ${pull.base}`, error);
  }
}

const dispatchedSchema = z.object({
  workflow_run_id: z.number(),
  run_url: z.string(),
  html_url: z.string(),
});

/** The run a dispatch started, when GitHub says (`return_run_details`, github.com since 2026-02-19). */
export interface DispatchedRun {
  id: number;
  url: string;
}

/**
 * Starts a `workflow_dispatch` run of `workflow` (file name or ID) on `ref`. Asks for the started run's
 * details (200 with `{workflow_run_id, run_url, html_url}`); a server that answers 204 (GitHub Enterprise
 * Server without the flag) gives none. A 400/422 naming the flag is a refusal, so nothing started and
 * sending it once more without the flag is safe; any other failure is not re-sent (a lost answer may
 * hide a started run).
 */
export async function dispatchWorkflow(
  octokit: Octokit,
  repo: Repo,
  dispatch: { workflow: string; ref: string; inputs?: Record<string, unknown> | undefined },
): Promise<DispatchedRun | undefined> {
  const request = {
    ...repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    ...(dispatch.inputs ? { inputs: dispatch.inputs } : {}),
  };
  try {
    let response: { status: number; data: unknown };
    try {
      response = await octokit.rest.actions.createWorkflowDispatch({ ...request, return_run_details: true });
    } catch (error) {
      if (!refusesRunDetails(error)) throw error;
      response = await octokit.rest.actions.createWorkflowDispatch(request);
    }
    // Started either way: details GitHub did not give (204) or gave in an unknown shape are just missing.
    const run = response.status === 200 ? dispatchedSchema.safeParse(response.data) : undefined;
    return run?.success ? { id: run.data.workflow_run_id, url: run.data.html_url } : undefined;
  } catch (error) {
    throw new GitHubError(`Dispatching workflow ${dispatch.workflow} on ${dispatch.ref}`, error);
  }
}

function refusesRunDetails(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: unknown } };
  return (
    (e.status === 400 || e.status === 422) &&
    JSON.stringify(e.response?.data ?? "").includes("return_run_details")
  );
}
