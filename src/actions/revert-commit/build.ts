import type { Git } from "../../platforms/git.ts";
import type { Commit } from "../../platforms/git-history.ts";
import { revertError } from "./explain.ts";
import { type MessageContext, revertMessage, revertToMessage } from "./messages.ts";

export interface Identity {
  name: string;
  email: string;
}

/** How the revert commits are made: the messages' context, the author, and `to` mode when set. */
export interface BuildContext extends MessageContext {
  to: Commit | undefined;
  author: Identity;
  log: (line: string) => void;
}

export interface Built {
  head: string;
  /** Targets actually reverted, newest first. */
  reverted: Commit[];
}

function identityEnv(author: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
}

/** Makes the revert commit(s) of `targets` (newest first) in a scratch worktree checked out at `base`. */
export async function build(
  wt: Git,
  context: BuildContext,
  { targets, base }: { targets: readonly Commit[]; base: string },
): Promise<Built> {
  const env = identityEnv(context.author);
  const { to } = context;
  if (to) {
    // Every commit after `to`, merges included, as one commit: the tree of `to` on top of the tip.
    const head = await wt.out(["commit-tree", `${to.sha}^{tree}`, "-p", base, "-F", "-"], {
      env,
      input: revertToMessage(context, to, targets),
    });
    return { head, reverted: [...targets] };
  }
  const reverted: Commit[] = [];
  for (const commit of targets) {
    const mainline = commit.parents.length > 1 ? ["-m", String(context.mainline)] : [];
    const result = await wt.run(["revert", "--no-commit", ...mainline, commit.sha], { allowFailure: true });
    if (result.exitCode !== 0)
      await conflict(wt, { commit, branch: context.branch, output: result.stderr || result.stdout });
    if (await wt.test(["diff", "--cached", "--quiet"])) {
      context.log(`Reverting ${commit.short} changes nothing: its changes are already undone. Skipped.`);
      await wt.run(["revert", "--quit"], { allowFailure: true });
      continue;
    }
    await wt.run(["commit", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
      env,
      input: revertMessage(context, commit),
    });
    reverted.push(commit);
  }
  return { head: await wt.out(["rev-parse", "HEAD"]), reverted };
}

/** `to` mode after a lost race: the same revert commit, applied again in a worktree at the new tip `base`. */
export async function reapply(
  wt: Git,
  context: BuildContext,
  { revert, base, targets }: { revert: string; base: string; targets: readonly Commit[] },
): Promise<Built> {
  const result = await wt.run(["cherry-pick", "--no-commit", revert], { allowFailure: true });
  const to = context.to as Commit;
  if (result.exitCode !== 0)
    await conflict(wt, {
      commit: to,
      branch: context.branch,
      output: result.stderr || result.stdout,
      command: "cherry-pick",
    });
  if (await wt.test(["diff", "--cached", "--quiet"])) {
    await wt.run(["cherry-pick", "--quit"], { allowFailure: true });
    return { head: base, reverted: [] };
  }
  await wt.run(["commit", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
    env: identityEnv(context.author),
    input: revertToMessage(context, to, targets),
  });
  return { head: await wt.out(["rev-parse", "HEAD"]), reverted: [...targets] };
}

async function conflict(
  wt: Git,
  {
    commit,
    branch,
    output,
    command = "revert",
  }: {
    commit: Commit;
    branch: string;
    output: string;
    command?: "revert" | "cherry-pick";
  },
): Promise<never> {
  const files = (await wt.out(["diff", "--name-only", "--diff-filter=U"]).catch(() => ""))
    .split("\n")
    .filter(Boolean);
  await wt.run([command, "--abort"], { allowFailure: true, ignoreSignal: true });
  throw revertError({ kind: "conflict", commit, branch, files, output });
}
