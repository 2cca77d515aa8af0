import { errorMessage } from "../../core/secrets.ts";
import { type Git, GitInterruptedError } from "../../platforms/git.ts";
import { push, remoteTip } from "../../platforms/git-push.ts";
import { type Built, build, reapply } from "./build.ts";
import {
  type AfterStop,
  cancelledBeforePush,
  dispatchFailedText,
  revertError,
  undoneMeanwhileReason,
} from "./explain.ts";
import type { RevertContext } from "./inputs.ts";
import { buildContext, type RevertPlan } from "./plan.ts";
import { type Proposed, proposeRevert } from "./pull-request.ts";
import { revertState } from "./reverted.ts";
import { inWorktree, openGit, openGitHub, signalName } from "./session.ts";

const PUSH_ATTEMPTS = 3;

export type Dispatched = { ok: true; runUrl: string | undefined } | { ok: false; message: string };

export type Applied =
  | { kind: "pushed"; built: Built; dispatch: Dispatched | undefined; cancelled: string | undefined }
  | (Proposed & { rejection: string })
  | { kind: "nothing"; reason: string }
  | { kind: "push-stopped"; built: Built; cancelled: string; after: AfterStop; now: string | undefined };

/**
 * Pushes the revert to the branch, never forced (a lost race is fetched and applied again), or proposes
 * it in a pull request; then starts the deploy. Once the revert is on the remote, a later failure or a
 * cancellation is returned, not thrown, so the report says what the remote holds.
 */
export async function applyRevert(ctx: RevertContext, plan: RevertPlan): Promise<Applied> {
  const git = openGit(ctx, plan.request.dir, plan.remote);
  try {
    const landed = await pushRevert(ctx, plan, git);
    if (landed.kind !== "pushed") return landed;
    if (ctx.signal.aborted) return { ...landed, cancelled: signalName(ctx) };
    return { ...landed, dispatch: await startDeploy(ctx, plan, landed.built) };
  } catch (error) {
    if (error instanceof GitInterruptedError) throw cancelledBeforePush(signalName(ctx), plan.branch);
    throw error;
  }
}

async function pushRevert(ctx: RevertContext, plan: RevertPlan, git: Git): Promise<Applied> {
  const { remote, branch, request } = plan;
  let built = plan.revert as Built;
  if (request.strategy === "pull-request")
    return { ...(await proposeRevert(ctx, plan, { git, built, rejection: "" })), rejection: "" };
  for (let attempt = 1; ; attempt++) {
    if (ctx.signal.aborted) throw cancelledBeforePush(signalName(ctx), branch);
    const outcome = await push(git, { remote, sha: built.head, branch });
    if (outcome.ok) return { kind: "pushed", built, dispatch: undefined, cancelled: undefined };
    const { kind, message } = outcome;
    if (kind === "interrupted") return stopped(ctx, plan, { git, built });
    if (kind === "blocked") throw revertError({ kind: "blocked", branch, message });
    if (kind === "protected" && request.strategy === "auto") {
      ctx.log.info(
        `The push to ${branch} was refused by branch protection; opening a pull request instead.\n${message}`,
      );
      return { ...(await proposeRevert(ctx, plan, { git, built, rejection: message })), rejection: message };
    }
    if (kind === "protected") throw revertError({ kind: "protected", branch, message });
    if (kind === "rejected") throw revertError({ kind: "rejected", branch, message });
    if (attempt >= PUSH_ATTEMPTS)
      throw revertError({ kind: "race-lost", branch, attempts: PUSH_ATTEMPTS, message });
    ctx.log.info(
      `${branch} moved while pushing (attempt ${attempt} of ${PUSH_ATTEMPTS}); fetching and applying the revert again.`,
    );
    const tip = await git.fetchBranch(remote, branch);
    const state = await revertState(git, {
      branch,
      tip,
      to: plan.to,
      targets: plan.targets,
      tipByDefault: false,
    });
    if (state.kind === "nothing") return { kind: "nothing", reason: state.reason };
    const context = buildContext(plan, (line) => ctx.log.info(line));
    const first = (plan.revert as Built).head;
    const previous = built.reverted;
    built = await inWorktree({ ctx, git, sha: tip }, (wt) =>
      plan.to
        ? reapply(wt, context, { revert: first, base: tip, targets: previous })
        : build(wt, context, { targets: state.targets, base: tip }),
    );
    if (built.reverted.length === 0) return { kind: "nothing", reason: undoneMeanwhileReason(branch) };
  }
}

/** The push was stopped by the signal: ask the remote what it now holds. */
async function stopped(
  ctx: RevertContext,
  plan: RevertPlan,
  { git, built }: { git: Git; built: Built },
): Promise<Applied> {
  const now = await remoteTip(git, { remote: plan.remote, branch: plan.branch });
  const after: AfterStop =
    now === undefined ? "unknown" : now === built.head ? "revert" : now === plan.tip ? "unchanged" : "moved";
  return { kind: "push-stopped", built, cancelled: signalName(ctx), after, now };
}

/** Starts the deploy workflow on the branch; a failure is reported, since the revert is already in. */
async function startDeploy(
  ctx: RevertContext,
  plan: RevertPlan,
  built: Built,
): Promise<Dispatched | undefined> {
  const { dispatch: workflow, dispatchInputs } = plan.request;
  if (!workflow) return undefined;
  const { dispatchWorkflow, GitHubError } = await import("../../platforms/github/pulls.ts");
  try {
    const { octokit, repo } = await openGitHub(ctx);
    const run = await dispatchWorkflow(octokit, repo, { workflow, ref: plan.branch, inputs: dispatchInputs });
    ctx.log.info(`Started workflow ${workflow} on ${plan.branch}${run ? `: ${run.url}` : "."}`);
    return { ok: true, runUrl: run?.url };
  } catch (error) {
    const ambiguous = error instanceof GitHubError && error.ambiguous;
    return {
      ok: false,
      message: dispatchFailedText({
        branch: plan.branch,
        head: built.head,
        workflow,
        detail: errorMessage(error),
        ambiguous,
      }),
    };
  }
}
