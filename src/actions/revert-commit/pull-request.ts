import { CancelledError } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import type { Git } from "../../platforms/git.ts";
import { readCommits } from "../../platforms/git-history.ts";
import { push, remoteTip } from "../../platforms/git-push.ts";
import type { Built } from "./build.ts";
import { cancelledBeforePush, prBranchOnlyText, revertError } from "./explain.ts";
import type { RevertContext } from "./inputs.ts";
import { pullRequestBody, pullRequestBranch, pullRequestPrefix } from "./messages.ts";
import { buildContext, type RevertPlan } from "./plan.ts";
import { openGitHub, signalName } from "./session.ts";

export interface Proposed {
  kind: "pull-request";
  built: Built;
  head: string;
  number: number;
  url: string;
  /** Opened by an earlier attempt of this run (a re-run), not by this one. */
  existing: boolean;
}

/** Pushes a branch with the revert and opens a pull request into the branch (or finds the one already open). */
export async function proposeRevert(
  ctx: RevertContext,
  plan: RevertPlan,
  { git, built, rejection }: { git: Git; built: Built; rejection: string },
): Promise<Proposed> {
  const { createPullRequest, findPullRequest, findPullRequestByPrefix } = await import(
    "../../platforms/github/pulls.ts"
  );
  const { octokit, repo } = await openGitHub(ctx);
  const newest = built.reverted[0] as Built["reverted"][number];
  const head = pullRequestBranch(newest, ctx.run);
  // This run's pull request (a re-run), or another run's for the same revert (a second dispatch of the
  // rollback): never a second one. Its branch's tip is the revert it proposes.
  const found =
    (await findPullRequest(octokit, repo, head, plan.branch).then((pr) => pr && { ...pr, head })) ??
    (await findPullRequestByPrefix(octokit, repo, { base: plan.branch, prefix: pullRequestPrefix(newest) }));
  if (found) {
    const sha = (await remoteTip(git, { remote: plan.remote, branch: found.head })) || built.head;
    return { kind: "pull-request", built: { ...built, head: sha }, ...found, existing: true };
  }
  if (ctx.signal.aborted) throw cancelledBeforePush(signalName(ctx), plan.branch);
  const pushed = await push(git, { remote: plan.remote, sha: built.head, branch: head });
  if (!pushed.ok) {
    if (pushed.kind === "interrupted") throw cancelledBeforePush(signalName(ctx), plan.branch);
    if (pushed.kind === "blocked")
      throw revertError({ kind: "blocked", branch: head, message: pushed.message });
    throw revertError({ kind: "pr-push", branch: plan.branch, head, message: pushed.message });
  }
  const compareUrl = `${ctx.run.serverUrl}/${repo.owner}/${repo.repo}/compare/${plan.branch}...${head}`;
  if (ctx.signal.aborted)
    throw new CancelledError(
      signalName(ctx),
      prBranchOnlyText(signalName(ctx), plan.branch, head, compareUrl),
    );
  const title = (await readCommits(git, [built.head]))[0]?.subject ?? `Revert on ${plan.branch}`;
  const body = pullRequestBody(
    buildContext(plan, () => {}),
    plan.to,
    built.reverted,
    rejection,
  );
  try {
    const pr = await createPullRequest(octokit, repo, { head, base: plan.branch, title, body });
    return { kind: "pull-request", built, head, ...pr, existing: false };
  } catch (error) {
    throw revertError({ kind: "pr-open", base: plan.branch, head, compareUrl, detail: errorMessage(error) });
  }
}
