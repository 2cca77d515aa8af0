import type { NothingToDo } from "../../core/action.ts";
import type { Outputs, Summary } from "../../core/report.ts";
import type { MigrationCheck } from "../../migrations/check.ts";
import { describeMigrations } from "../../migrations/report.ts";
import type { Commit } from "../../platforms/git-history.ts";
import { type BuildContext, type Built, build } from "./build.ts";
import { NO_CHANGE_REASON, revertError } from "./explain.ts";
import { type Request, type RevertContext, readRequest } from "./inputs.ts";
import { COMMIT_HEADER, commitLine, commitLinkBase, commitRows } from "./messages.ts";
import { revertMigrations } from "./migrations.ts";
import { revertState } from "./reverted.ts";
import { inWorktree, openGit, openGitHub } from "./session.ts";
import { resolveTargets } from "./targets.ts";

/** What to revert, decided before anything changes; the revert commits are already made, locally. */
export interface RevertPlan {
  request: Request;
  remote: string;
  branch: string;
  tip: string;
  /** `to` mode: every commit after this one, as one revert commit. */
  to: Commit | undefined;
  /** Still to revert, newest first. */
  targets: Commit[];
  /** Asked for, but already reverted on the branch. */
  skipped: Commit[];
  /** Set when there is nothing to do: why. */
  nothing: string | undefined;
  /** The revert commits on `tip` (made in a scratch worktree, not pushed), and their diff stat. */
  revert: (Built & { stat: string }) | undefined;
  /** The run's link, written into the commit messages. */
  runUrl: string | undefined;
  /** For links to commits in the summary. */
  commitLinks: string | undefined;
  /** Migrations the reverted commits brought (undefined with `migrations: ignore` or nothing to revert). */
  migrations: MigrationCheck | undefined;
}

export function buildContext(plan: RevertPlan, log: (line: string) => void): BuildContext {
  const { request } = plan;
  return {
    branch: plan.branch,
    mainline: request.mainline,
    reason: request.reason,
    run: plan.runUrl,
    to: plan.to,
    author: request.author,
    log,
  };
}

/** Reads only on the remote: fetches the branch, resolves the commits and makes the revert locally. */
export async function planRevert(ctx: RevertContext): Promise<RevertPlan> {
  const request = await readRequest(ctx);
  const { remote } = request;
  const git = openGit(ctx, request.dir, remote);
  // A run killed before its cleanup leaves a worktree registered whose folder is gone.
  await git.pruneWorktrees();
  let branch = request.branch ?? (await git.defaultBranch(remote));
  if (!branch && ctx.settings.token && ctx.run.repository) {
    const { repositoryDefaultBranch } = await import("../../platforms/github/pulls.ts");
    const { octokit, repo } = await openGitHub(ctx);
    branch = await repositoryDefaultBranch(octokit, repo);
  }
  if (!branch) throw revertError({ kind: "no-default-branch", remote });
  const tip = await git.fetchBranch(remote, branch).catch((error: unknown) => {
    throw revertError({ kind: "fetch", remote, branch, detail: (error as Error).message });
  });
  const { specs, mainline } = request;
  const { to, targets } = await resolveTargets(git, { remote, branch, tip, specs, to: request.to, mainline });
  const state = await revertState(git, {
    branch,
    tip,
    to,
    targets,
    tipByDefault: !request.to && !specs.length,
  });
  const base = {
    request,
    remote,
    branch,
    tip,
    to,
    runUrl: ctx.run.runUrl,
    commitLinks: commitLinkBase(ctx.run),
  };
  if (state.kind === "nothing")
    return { ...base, targets, skipped: [], nothing: state.reason, revert: undefined, migrations: undefined };
  if (state.skipped.length)
    ctx.log.info(`Already reverted on ${branch}, skipped: ${state.skipped.map((c) => c.short).join(", ")}.`);
  const migrations = await revertMigrations(ctx, request, { to, tip, targets: state.targets });
  const plan: RevertPlan = {
    ...base,
    targets: state.targets,
    skipped: state.skipped,
    nothing: undefined,
    revert: undefined,
    migrations,
  };
  const built = await inWorktree({ ctx, git, sha: tip }, (wt) =>
    build(
      wt,
      buildContext(plan, (line) => ctx.log.info(line)),
      { targets: state.targets, base: tip },
    ),
  );
  if (built.reverted.length === 0) return { ...plan, nothing: NO_CHANGE_REASON };
  const stat = await git.diffStat(tip, built.head);
  ctx.log.info(
    `Plan: revert on ${branch} (strategy ${request.strategy}):\n${built.reverted.map(commitLine).join("\n")}\n${stat}`,
  );
  return { ...plan, revert: { ...built, stat } };
}

export function nothingToRevert(plan: RevertPlan): NothingToDo | undefined {
  return plan.nothing ? { status: "already-reverted", reason: plan.nothing } : undefined;
}

export function planOutputs(plan: RevertPlan): Outputs {
  return { "reverted-shas": plan.revert ? shas(plan.revert.reverted) : "" };
}

export function shas(commits: readonly Commit[]): string {
  return commits.map((c) => c.sha).join(" ");
}

/** The plan in words: the commits, the strategy and the diff the revert makes. */
export function describeRevert(plan: RevertPlan, summary: Summary): void {
  if (!plan.revert) {
    summary.table(COMMIT_HEADER, commitRows(plan.targets, plan.commitLinks));
    describeMigrations(plan.migrations, summary);
    return;
  }
  summary.text(`Revert on \`${plan.branch}\` with strategy \`${plan.request.strategy}\`:`);
  summary.table(COMMIT_HEADER, commitRows(plan.revert.reverted, plan.commitLinks));
  if (plan.skipped.length)
    summary.text(`Already reverted, skipped: ${plan.skipped.map((c) => `\`${c.short}\``).join(", ")}.`);
  if (plan.request.reason) summary.text(`**Reason:** ${plan.request.reason}`);
  summary.text(`\`\`\`\n${plan.revert.stat}\n\`\`\``);
  describeMigrations(plan.migrations, summary);
}
