import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CancelledError } from "../../core/action.ts";
import { Git } from "../../platforms/git.ts";
import type { Octokit } from "../../platforms/github/client.ts";
import type { Repo } from "../../platforms/github/pulls.ts";
import { revertError } from "./explain.ts";
import type { RevertContext } from "./inputs.ts";

/** The git client for the checkout: the token for its remote, the run's signal, commands in the log. */
export function openGit(ctx: RevertContext, dir: string, remote: string): Git {
  return new Git({
    cwd: dir,
    token: ctx.settings.token,
    remote,
    signal: ctx.signal,
    log: ctx.log,
  });
}

/**
 * GitHub's REST API for this repository; loaded only when a pull request, a dispatch or the default
 * branch needs it (the GitHub modules are imported lazily everywhere in this action, for start-up).
 */
export async function openGitHub(ctx: RevertContext): Promise<{ octokit: Octokit; repo: Repo }> {
  const { token } = ctx.settings;
  const repository = ctx.run.repository;
  if (!token || !repository) throw revertError({ kind: "no-api" });
  const { githubClient } = await import("../../platforms/github/client.ts");
  const octokit = await githubClient({ token, apiUrl: ctx.run.apiUrl });
  return { octokit, repo: { owner: repository.owner, repo: repository.repo } };
}

/**
 * Runs `work` in a scratch worktree at `sha`, outside the checkout (which stays as it was), and removes
 * it afterwards, even when the run is being stopped.
 */
export async function inWorktree<T>(
  { ctx, git, sha }: { ctx: RevertContext; git: Git; sha: string },
  work: (wt: Git) => Promise<T>,
): Promise<T> {
  const scratch = await mkdtemp(join(ctx.run.temp || tmpdir(), "revert-commit-"));
  const path = join(scratch, "worktree");
  try {
    await git.addWorktree(path, sha);
    return await work(git.at(path));
  } finally {
    await git.removeWorktree(path);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The signal's name (SIGINT, SIGTERM) once the run is being stopped. */
export function signalName(ctx: RevertContext): string {
  const reason: unknown = ctx.signal.reason;
  return reason instanceof CancelledError ? reason.signalName : "a cancellation";
}
