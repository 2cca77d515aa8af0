import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Git } from "./git.ts";

export interface Commit {
  sha: string;
  short: string;
  subject: string;
  /** The message without its subject line. */
  body: string;
  author: string;
  authorEmail: string;
  parents: string[];
}

/** Details of each commit, in the order given. */
export async function readCommits(git: Git, revs: string[]): Promise<Commit[]> {
  if (revs.length === 0) return [];
  const format = ["%H", "%h", "%s", "%an", "%ae", "%P", "%b"].join("%x00");
  const text = await git.out(["show", "-s", `--format=%x01${format}`, ...revs]);
  return text
    .split("\x01")
    .filter(Boolean)
    .map((entry) => {
      const [sha = "", short = "", subject = "", author = "", authorEmail = "", parents = "", body = ""] =
        entry.split("\0");
      return { sha, short, subject, author, authorEmail, parents: parents.split(" ").filter(Boolean), body };
    });
}

/**
 * The commits a commit reverts, by the line `git revert` writes into the body: `This reverts commit
 * <sha>.` (or `…<sha>, reversing` for a merge), a whole line of its own. Text elsewhere (a subject, a
 * reason quoting such a line in the middle of a sentence) does not count.
 */
export function revertedShas(commit: Pick<Commit, "body">): string[] {
  return [...commit.body.matchAll(/^This reverts commit ([0-9a-f]{40})(?:\.|, reversing)$/gm)].map(
    (match) => match[1] as string,
  );
}

/** Commits whose parents a shallow clone lacks. */
export async function shallowBoundary(git: Git): Promise<Set<string>> {
  const list = await git.run(["rev-parse", "--git-path", "shallow"], { allowFailure: true });
  const file = list.stdout.trim();
  if (!file) return new Set();
  const text = await readFile(resolve(git.cwd, file), "utf8").catch(() => "");
  return new Set(text.split("\n").filter(Boolean));
}

/** The commits in `range` that revert others (by git's own body line), newest first, with what they revert. */
export async function readReverts(git: Git, range: string[]): Promise<{ sha: string; reverts: string[] }[]> {
  // --grep narrows the log to candidates cheaply; revertedShas decides.
  const text = await git.out([
    "log",
    "--fixed-strings",
    "--grep=This reverts commit ",
    "--format=%H%x00%b%x01",
    ...range,
  ]);
  return text
    .split("\x01")
    .map((entry) => entry.replace(/^\n/, ""))
    .filter(Boolean)
    .map((entry) => {
      const [sha = "", body = ""] = entry.split("\0");
      return { sha, reverts: revertedShas({ body }) };
    });
}
