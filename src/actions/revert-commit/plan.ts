import type { Commit, Git } from "../../platforms/git.ts";
import { RevertError } from "./error.ts";

/** How far a shallow clone is deepened before fetching the whole history. */
const DEEPEN_STEPS = [50, 500];

/** One item of the "commits" input. */
export type Spec = { kind: "sha"; sha: string } | { kind: "range"; from: string; to: string };

/** What to revert, decided before anything changes. */
export interface Plan {
  remote: string;
  branch: string;
  tip: string;
  /** `to` mode: every commit after this one, as one revert commit. */
  to: Commit | undefined;
  /** Newest first. */
  targets: Commit[];
}

/**
 * Resolves what to revert. A shallow clone is deepened until every commit is found on the branch with
 * its parents; then a commit still missing, or not on the branch, is refused before anything changes.
 */
export async function makePlan(
  git: Git,
  options: {
    remote: string;
    branch: string;
    tip: string;
    specs: Spec[];
    to: string | undefined;
    mainline: number;
  },
): Promise<Plan> {
  const { remote, branch, tip } = options;
  const tracking = `refs/remotes/${remote}/${branch}`;
  for (let step = 0; ; step++) {
    const onBranch = await git.revList(["--topo-order", tip]);
    const position = new Map(onBranch.map((sha, index) => [sha, index]));
    const boundary = await git.shallowBoundary();
    const missing: string[] = [];
    const offBranch: string[] = [];
    let needParents = false;
    const wanted = new Set<string>();
    const check = async (rev: string): Promise<string | undefined> => {
      const sha = await git.resolveCommit(rev);
      if (!sha) missing.push(rev);
      else if (!position.has(sha)) offBranch.push(rev);
      return sha;
    };
    let to: string | undefined;
    if (options.to) {
      to = await check(options.to);
      if (to && position.has(to)) for (const sha of await git.revList([`${to}..${tip}`])) wanted.add(sha);
    } else if (options.specs.length === 0) {
      wanted.add(tip);
    }
    for (const spec of options.specs) {
      if (spec.kind === "sha") {
        const sha = await check(spec.sha);
        if (sha && position.has(sha)) wanted.add(sha);
        continue;
      }
      const from = await git.resolveCommit(spec.from);
      if (!from) missing.push(spec.from);
      const until = await check(spec.to);
      if (!from || !until || !position.has(until)) continue;
      // The branch's own history: a merge in the range stands for the commits it brought in.
      const range = await git.revList(["--first-parent", `${from}..${until}`]);
      if (range.length === 0 && !(await git.test(["merge-base", "--is-ancestor", from, until])))
        offBranch.push(`${spec.from} (the start of ${spec.from}..${spec.to})`);
      for (const sha of range) wanted.add(sha);
    }
    if (!options.to) for (const sha of wanted) if (boundary.has(sha)) needParents = true;
    const complete = missing.length === 0 && offBranch.length === 0 && !needParents;
    if (!complete && (await git.isShallow())) {
      const depth = DEEPEN_STEPS[step];
      const how = depth ? [`--deepen=${depth}`] : ["--unshallow"];
      await git.fetchBranch(remote, branch, how);
      continue;
    }
    if (missing.length)
      throw new RevertError(
        `Commit ${missing.join(", ")} is not in the repository (fetched ${branch} with its whole history). Check the SHA; a short SHA must be unique.`,
      );
    if (offBranch.length)
      throw new RevertError(
        `Commit ${offBranch.join(", ")} is not on branch ${branch} (not reachable from ${tracking}); nothing was changed. Check the SHA, or set "branch" to the branch it was deployed from.`,
      );
    const shas = [...wanted].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    if (options.specs.length > 0 && shas.length === 0)
      throw new RevertError(`The ranges in "commits" hold no commits on ${branch}; nothing to revert.`);
    const targets = await git.commits(shas);
    if (!options.to)
      for (const commit of targets)
        if (commit.parents.length > 1 && options.mainline > commit.parents.length)
          throw new RevertError(
            `Commit ${commit.short} is a merge of ${commit.parents.length} parents; "mainline" is ${options.mainline}. Set "mainline" to the parent to keep (1 is the branch merged into).`,
          );
    const [toCommit] = to ? await git.commits([to]) : [];
    return { remote, branch, tip, to: toCommit, targets };
  }
}

/**
 * Why there is nothing to do, or undefined. A commit counts as reverted when a later commit on the branch
 * says `This reverts commit <sha>` and that revert was not itself reverted.
 */
export async function alreadyReverted(
  git: Git,
  plan: Plan,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<string | undefined> {
  if (plan.to) {
    if (plan.targets.length === 0 || (await git.test(["diff", "--quiet", plan.to.sha, plan.tip])))
      return `${plan.branch} already has the content of ${plan.to.short}: nothing to revert.`;
    return undefined;
  }
  const oldest = plan.targets[plan.targets.length - 1];
  if (!oldest) return undefined;
  const reverts = new Map<string, string[]>();
  const messages = await git.messages([plan.tip, `^${oldest.sha}`]);
  for (const { sha, message } of messages)
    for (const match of message.matchAll(/This reverts commit ([0-9a-f]{40})/g))
      reverts.set(match[1] as string, [...(reverts.get(match[1] as string) ?? []), sha]);
  const seen = new Set<string>();
  const isReverted = (sha: string): boolean => {
    if (seen.has(sha)) return false;
    seen.add(sha);
    const result = (reverts.get(sha) ?? []).some((revert) => !isReverted(revert));
    seen.delete(sha);
    return result;
  };
  const active = plan.targets.filter((commit) => !isReverted(commit.sha));
  // Re-running the same workflow run must not revert its own revert (which would re-apply the bad commit).
  const [only] = active;
  const ownRevert =
    active.length === 1 &&
    only?.sha === plan.tip &&
    env.GITHUB_RUN_ID &&
    /This reverts commit/.test(only.body) &&
    only.body.includes(`/actions/runs/${env.GITHUB_RUN_ID}`);
  if (ownRevert)
    return `The tip of ${plan.branch} is the revert this workflow run already made: nothing to do.`;
  if (active.length === 0)
    return `Already reverted on ${plan.branch}: ${plan.targets.map((c) => c.short).join(", ")}. Nothing was pushed.`;
  const skipped = plan.targets.filter((commit) => !active.includes(commit));
  if (skipped.length) {
    log(`Already reverted on ${plan.branch}, skipped: ${skipped.map((c) => c.short).join(", ")}.`);
    plan.targets = active;
  }
  return undefined;
}
