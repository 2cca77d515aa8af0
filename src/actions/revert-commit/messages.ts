import type { RunContext } from "../../core/context.ts";
import { link } from "../../core/report.ts";
import type { Commit } from "../../platforms/git-history.ts";

/** What the commit messages say besides the commits: the branch, why, and which workflow run. */
export interface MessageContext {
  branch: string;
  /** The parent a reverted merge keeps (1-based). */
  mainline: number;
  reason: string;
  run: string | undefined;
}

function message(context: MessageContext, subject: string, body: string[]): string {
  // One line: a reason can never add a line of its own, such as a fake `This reverts commit <sha>.`
  const reason = context.reason.replace(/\s*[\r\n]+\s*/g, " ").trim();
  const trailer = [reason && `Reason: ${reason}`, context.run && `Workflow run: ${context.run}`].filter(
    Boolean,
  );
  return [subject, "", ...body, ...(trailer.length ? ["", ...trailer] : [])].join("\n");
}

/** The message `git revert` would write, with the reason and the workflow run. */
export function revertMessage(context: MessageContext, commit: Commit): string {
  const parent = commit.parents[context.mainline - 1];
  const body =
    commit.parents.length > 1
      ? [`This reverts commit ${commit.sha}, reversing`, `changes made to ${parent}.`]
      : [`This reverts commit ${commit.sha}.`];
  return message(context, `Revert "${commit.subject}"`, body);
}

/** `to` mode: one commit undoing every commit after `to`. */
export function revertToMessage(context: MessageContext, to: Commit, commits: readonly Commit[]): string {
  const [only] = commits;
  if (only && commits.length === 1 && only.parents.length === 1) return revertMessage(context, only);
  return message(context, `Revert ${commits.length} commits on ${context.branch}, back to ${to.short}`, [
    `Restores the content of ${to.sha} ("${to.subject}").`,
    "",
    ...commits.map((commit) => `This reverts commit ${commit.sha}.`),
  ]);
}

export function pullRequestBody(
  context: MessageContext,
  to: Commit | undefined,
  reverted: readonly Commit[],
  rejection: string,
): string {
  return [
    `Emergency rollback of \`${context.branch}\`${to ? `, back to ${to.sha}` : ""}.`,
    "",
    context.reason ? `**Reason:** ${context.reason}\n` : "",
    "Reverted commits, newest first:",
    "",
    ...reverted.map((c) => `- ${c.sha} ${c.subject} (${c.author})`),
    "",
    rejection ? `A direct push was refused by branch protection:\n\n\`\`\`\n${rejection}\n\`\`\`\n` : "",
    context.run ? `Workflow run: ${context.run}` : "",
  ]
    .filter((part, index, all) => part !== "" || all[index - 1] !== "")
    .join("\n");
}

/** A commit as one log line. */
export function commitLine(commit: Commit): string {
  return `  ${commit.short} ${commit.subject} (${commit.author})`;
}

/** Where the repository's commits are shown (`…/owner/repo/commit/`), when the repository is known. */
export function commitLinkBase(run: RunContext): string | undefined {
  return run.repository ? `${run.serverUrl}/${run.repository.full}/commit/` : undefined;
}

export function commitUrl(base: string | undefined, sha: string): string | undefined {
  return base && base + sha;
}

export const COMMIT_HEADER = ["commit", "subject", "author"];

/** Rows for a summary table under COMMIT_HEADER. */
export function commitRows(commits: readonly Commit[], base: string | undefined): unknown[][] {
  return commits.map((c) => [link(c.short, commitUrl(base, c.sha)), c.subject, c.author]);
}

/** The pull request's branch: one per workflow run attempt, so a re-run finds the pull request it opened. */
export function pullRequestBranch(newest: Commit, run: RunContext): string {
  const attempt = run.runAttempt > 1 ? `-${run.runAttempt}` : "";
  return `${pullRequestPrefix(newest)}${run.runId ? run.runId + attempt : Date.now()}`;
}

/** What every run's pull request branch for reverting `newest` starts with. */
export function pullRequestPrefix(newest: Commit): string {
  return `rollback/revert-${newest.short}-`;
}
