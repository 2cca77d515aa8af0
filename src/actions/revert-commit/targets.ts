import type { Git } from "../../platforms/git.ts";
import { type Commit, readCommits, shallowBoundary } from "../../platforms/git-history.ts";
import { revertError } from "./explain.ts";
import type { Spec } from "./inputs.ts";

/** How far a shallow clone is deepened before fetching the whole history. */
const DEEPEN_STEPS = [50, 500];

function deepen(step: number): string[] {
  const depth = DEEPEN_STEPS[step];
  return depth ? [`--deepen=${depth}`] : ["--unshallow"];
}

export interface Targets {
  /** `to` mode: every commit after this one, as one revert commit. */
  to: Commit | undefined;
  /** Newest first. */
  targets: Commit[];
}

/**
 * Resolves what to revert on `tip`. A shallow clone is deepened until every commit is found on the branch
 * with its parents; then a commit still missing, or not on the branch, is refused before anything changes.
 */
export async function resolveTargets(
  git: Git,
  options: {
    remote: string;
    branch: string;
    tip: string;
    specs: Spec[];
    to: string | undefined;
    mainline: number;
  },
): Promise<Targets> {
  const { remote, branch, tip } = options;
  for (let step = 0; ; step++) {
    // The default, the tip: on the branch by definition; only its parents must be there to revert it.
    if (!options.to && options.specs.length === 0) {
      if ((await shallowBoundary(git)).has(tip) && (await git.isShallow())) {
        await git.fetchBranch(remote, branch, deepen(step));
        continue;
      }
      return { to: undefined, targets: checkMainline(await readCommits(git, [tip]), options.mainline) };
    }
    const onBranch = await git.revList(["--topo-order", tip]);
    const position = new Map(onBranch.map((sha, index) => [sha, index]));
    const boundary = await shallowBoundary(git);
    const missing: string[] = [];
    const offBranch: string[] = [];
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
    const needParents = !options.to && [...wanted].some((sha) => boundary.has(sha));
    const complete = missing.length === 0 && offBranch.length === 0 && !needParents;
    if (!complete && (await git.isShallow())) {
      await git.fetchBranch(remote, branch, deepen(step));
      continue;
    }
    if (missing.length) throw revertError({ kind: "missing", revs: missing, branch });
    if (offBranch.length) throw revertError({ kind: "off-branch", revs: offBranch, branch, remote });
    const shas = [...wanted].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    if (options.specs.length > 0 && shas.length === 0) throw revertError({ kind: "empty-range", branch });
    const targets = await readCommits(git, shas);
    if (!options.to) checkMainline(targets, options.mainline);
    const [toCommit] = to ? await readCommits(git, [to]) : [];
    return { to: toCommit, targets };
  }
}

/** A merge among the targets must have the parent "mainline" names. */
function checkMainline(targets: Commit[], mainline: number): Commit[] {
  for (const commit of targets)
    if (commit.parents.length > 1 && mainline > commit.parents.length)
      throw revertError({ kind: "mainline", commit, mainline });
  return targets;
}
