import { CancelledError, type Phase } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { MigrationsBlocked } from "../../migrations/report.ts";
import { GitInterruptedError } from "../../platforms/git.ts";
import type { Commit } from "../../platforms/git-history.ts";
import { RevertError, type RevertProblem } from "./error.ts";

/** The message for each problem: what failed, git's or GitHub's words, and what to do next. */
function problemText(p: RevertProblem): string {
  switch (p.kind) {
    case "fetch":
      return `Could not fetch branch ${p.branch} from ${p.remote}: ${p.detail}\nCheck that the branch exists and the token may read the repository (permissions: contents: read; the push later needs contents: write).`;
    case "no-default-branch":
      return `Could not tell the default branch of remote ${p.remote}: set the "branch" input.`;
    case "no-api":
      return "A token and the repository (GITHUB_REPOSITORY) are needed to call GitHub, and one of them is missing.";
    case "missing":
      return `Commit ${p.revs.join(", ")} is not in the repository (fetched ${p.branch} with its whole history). Check the SHA; a short SHA must be unique.`;
    case "off-branch":
      return `Commit ${p.revs.join(", ")} is not on branch ${p.branch} (not reachable from refs/remotes/${p.remote}/${p.branch}); nothing was changed. Check the SHA, or set "branch" to the branch it was deployed from.`;
    case "empty-range":
      return `The ranges in "commits" hold no commits on ${p.branch}; nothing to revert.`;
    case "mainline":
      return `Commit ${p.commit.short} is a merge of ${p.commit.parents.length} parents; "mainline" is ${p.mainline}. Set "mainline" to the parent to keep (1 is the branch merged into).`;
    case "conflict":
      if (p.files.length === 0)
        return `Reverting ${p.commit.short} ("${p.commit.subject}") failed; nothing was pushed.\n${p.output.trim()}`;
      return `Reverting ${p.commit.short} ("${p.commit.subject}") conflicts with later changes on ${p.branch} in: ${p.files.join(", ")}. Nothing was pushed.\nRevert the later commits that touch these files too (add them to "commits", or use "to"), or revert by hand: git revert ${p.commit.short}, resolve, push.`;
    case "protected":
      return `Branch protection refused the push to ${p.branch}; nothing was changed.\n${p.message}\nUse strategy "auto" or "pull-request" to open a pull request instead, or a token allowed to bypass the rule.`;
    case "blocked":
      return `GitHub refused the push to ${p.branch} by push protection or a push ruleset; nothing was changed, and no pull request was opened (these rules refuse the same content on every branch).\n${p.message}\nThe revert brings back content the rule blocks (for example a secret a later commit removed): revert by hand and leave that content out, or, if the finding is a false positive, allow it through the link in GitHub's message and run again.`;
    case "rejected":
      return `The push to ${p.branch} was refused; nothing was changed.\n${p.message}\nCheck the token may push (permissions: contents: write) and that ${p.branch} accepts pushes.`;
    case "race-lost":
      return `${p.branch} kept moving: the push lost the race ${p.attempts} times; nothing was pushed.\n${p.message}\nRun the rollback again once pushes to ${p.branch} have settled.`;
    case "pr-push":
      return `Could not push branch ${p.head} for the pull request; nothing was changed on ${p.branch}.\n${p.message}\nCheck the token may push branches (permissions: contents: write).`;
    case "pr-open":
      return `Pushed branch ${p.head}, but opening the pull request failed: ${p.detail}\nOpen it by hand: ${p.compareUrl}. If GitHub says Actions may not create pull requests, allow it in Settings → Actions → General, or pass a token that may (permissions: pull-requests: write).`;
  }
}

export function revertError(problem: RevertProblem): RevertError {
  return new RevertError(problem, problemText(problem));
}

/** The runner's `explain`: a RevertError already says it all; anything else gets the phase's context. */
export function explainRevert(error: unknown, phase: Phase): string {
  if (error instanceof RevertError || error instanceof MigrationsBlocked) return error.message;
  if (error instanceof GitInterruptedError)
    return `Cancelled before the revert was pushed: nothing was changed on the remote. Run the rollback again.`;
  const what = phase === "apply" ? "Making the revert failed" : "Planning the revert failed";
  return `${what}: ${errorMessage(error)}`;
}

/** The run was stopped before anything reached the remote. */
export function cancelledBeforePush(signalName: string, branch: string): CancelledError {
  return new CancelledError(
    signalName,
    `Cancelled by ${signalName} before the revert was pushed: nothing was changed on ${branch}. Run the rollback again.`,
  );
}

// --- Nothing to do ---

export function tipIsRevertReason(branch: string, tip: Commit, reverted: string[]): string {
  const of = reverted.map((sha) => sha.slice(0, 7)).join(", ");
  return `The tip of ${branch} (${tip.short}, "${tip.subject}") is itself a revert (of ${of}): nothing to do. Reverting it would bring the reverted change back; to do that on purpose, pass its SHA: commits: ${tip.short}.`;
}

export function alreadyRevertedReason(branch: string, targets: Commit[]): string {
  return `Already reverted on ${branch}: ${targets.map((c) => c.short).join(", ")}. Nothing was pushed.`;
}

export function alreadyHasContentReason(branch: string, to: Commit): string {
  return `${branch} already has the content of ${to.short}: nothing to revert.`;
}

export const NO_CHANGE_REASON =
  "Reverting the commits changes nothing: their changes are already undone on the branch.";

export function undoneMeanwhileReason(branch: string): string {
  return `Someone undid these changes on ${branch} meanwhile; nothing to push.`;
}

// --- Advice after a push ---

export const DEFAULT_TOKEN_NOTE = `Pushes made with the default GITHUB_TOKEN start no workflows, so this revert does not redeploy by itself: set "dispatch" to the deploy workflow, or use a GitHub App or personal token.`;

export function dispatchFailedText(options: {
  branch: string;
  head: string;
  workflow: string;
  detail: string;
  ambiguous: boolean;
}): string {
  const { branch, head, workflow, detail } = options;
  const check = options.ambiguous
    ? `GitHub's answer was lost, so the deploy may have started: look at Actions → ${workflow} before starting it by hand.`
    : `Start the deploy by hand (Actions → ${workflow} → Run workflow on ${branch}); check the workflow has a workflow_dispatch trigger and the job has permissions: actions: write.`;
  const deploy = options.ambiguous
    ? "it is unknown whether the deploy started."
    : "the deploy was not started.";
  return `The revert is on ${branch} (${head}), but ${deploy} ${detail}\n${check}`;
}

export function prSkipsDispatchText(workflow: string, branch: string): string {
  return `${workflow} was not started: nothing was pushed to ${branch} yet. Merging the pull request deploys through your usual push workflows.`;
}

// --- Cancelled (SIGINT/SIGTERM) during apply ---

export function prBranchOnlyText(
  signalName: string,
  branch: string,
  head: string,
  compareUrl: string,
): string {
  return `Cancelled by ${signalName} after pushing branch ${head}: no pull request was opened, and ${branch} is unchanged. Open it by hand: ${compareUrl}`;
}

/** What the remote held after a push stopped by the signal. */
export type AfterStop = "revert" | "unchanged" | "moved" | "unknown";

export function pushStoppedText(options: {
  signalName: string;
  remote: string;
  branch: string;
  head: string;
  tip: string;
  after: AfterStop;
  now: string | undefined;
}): string {
  const { signalName, remote, branch, head, tip, now } = options;
  const stopped = `Cancelled by ${signalName} while pushing the revert to ${branch}; the push did not finish in time and was stopped.`;
  switch (options.after) {
    case "revert":
      return `${stopped} It had landed: ${remote}'s ${branch} holds the revert ${head}. Nothing else was done (no deploy was started).`;
    case "unchanged":
      return `${stopped} ${remote}'s ${branch} is still at ${tip}: nothing was changed. Run the rollback again.`;
    case "moved":
      return `${stopped} ${remote}'s ${branch} is now at ${now}, which is neither the revert nor the old tip: someone else pushed. Nothing of this run is on the branch; run the rollback again.`;
    case "unknown":
      return `${stopped} ${remote} could not be asked afterwards, so ${branch} may or may not hold the revert ${head}. Check with: git ls-remote ${remote} refs/heads/${branch}`;
  }
}

export function pushedThenCancelledText(
  signalName: string,
  branch: string,
  head: string,
  workflow?: string,
): string {
  const deploy = workflow
    ? ` The deploy workflow ${workflow} was not started: start it by hand (Actions → ${workflow} → Run workflow on ${branch}).`
    : "";
  return `Cancelled by ${signalName} after the push: the revert ${head} is on ${branch}.${deploy}`;
}
