import type { Git } from "../../platforms/git.ts";
import { type Commit, readReverts, revertedShas } from "../../platforms/git-history.ts";
import { alreadyHasContentReason, alreadyRevertedReason, tipIsRevertReason } from "./explain.ts";

/** Nothing to do (and why), or the targets still to revert with those skipped as already reverted. */
export type RevertState =
  | { kind: "nothing"; reason: string }
  | { kind: "revert"; targets: Commit[]; skipped: Commit[] };

/**
 * What is left to revert on `tip`. A commit counts as reverted when a later commit on the branch carries
 * git's own line `This reverts commit <sha>.` and that revert was not itself reverted. With the default
 * target (the tip), a tip that is itself a revert is the end: reverting it would bring back what it undid
 * (a second dispatch of the rollback must not undo the first), so that has to be asked for by SHA.
 */
export async function revertState(
  git: Git,
  options: { branch: string; tip: string; to: Commit | undefined; targets: Commit[]; tipByDefault: boolean },
): Promise<RevertState> {
  const { branch, tip, to, targets } = options;
  if (to) {
    if (targets.length === 0 || (await git.test(["diff", "--quiet", to.sha, tip])))
      return { kind: "nothing", reason: alreadyHasContentReason(branch, to) };
    return { kind: "revert", targets, skipped: [] };
  }
  const [newest] = targets;
  if (options.tipByDefault && newest?.sha === tip) {
    const reverted = revertedShas(newest);
    if (reverted.length) return { kind: "nothing", reason: tipIsRevertReason(branch, newest, reverted) };
  }
  const oldest = targets[targets.length - 1];
  if (!oldest) return { kind: "revert", targets, skipped: [] };
  const revertsOf = new Map<string, string[]>();
  for (const { sha, reverts } of await readReverts(git, [tip, `^${oldest.sha}`]))
    for (const target of reverts) revertsOf.set(target, [...(revertsOf.get(target) ?? []), sha]);
  const seen = new Set<string>();
  const isReverted = (sha: string): boolean => {
    if (seen.has(sha)) return false;
    seen.add(sha);
    const result = (revertsOf.get(sha) ?? []).some((revert) => !isReverted(revert));
    seen.delete(sha);
    return result;
  };
  const active = targets.filter((commit) => !isReverted(commit.sha));
  if (active.length === 0) return { kind: "nothing", reason: alreadyRevertedReason(branch, targets) };
  return { kind: "revert", targets: active, skipped: targets.filter((commit) => !active.includes(commit)) };
}
