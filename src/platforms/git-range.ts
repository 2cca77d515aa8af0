import type { Git } from "./git.ts";

/** A file changed in `base...head`, with the newest commit of the range that touched it. */
export interface RangeFile {
  path: string;
  status: string;
  patch: string | undefined;
  commit: string;
}

const STATUS: Record<string, string> = { A: "added", M: "modified", D: "removed", T: "changed" };

/**
 * The files `select` keeps among those changed from the merge base of `base` and `head` to `head` (the
 * same range GitHub's compare reads), from the local history; undefined when the history is not all
 * there (no repository, a commit missing, or a shallow clone without the merge base). One git process
 * when a commit is missing, four when the history is there, whatever the size of the range; no file limit.
 */
export async function rangeFiles(
  git: Git,
  range: { base: string; head: string },
  select: (path: string) => boolean,
): Promise<RangeFile[] | undefined> {
  // Names from a platform's metadata: one per input line, or none.
  if (/\s/.test(range.base + range.head)) return undefined;
  // One process for both commits (and for "no repository here"): the negative answer is the common one.
  const found = await git.run(["cat-file", "--batch-check"], {
    input: `${range.base}^{commit}\n${range.head}^{commit}\n`,
    allowFailure: true,
  });
  const [base, head] = found.stdout.split("\n").map((line) => /^([0-9a-f]{40,64}) commit /.exec(line)?.[1]);
  if (found.exitCode !== 0 || !base || !head) return undefined;
  // Fails without a merge base (a shallow clone cut above it): the history is not all there.
  const listed = await git.run(["diff", "--no-renames", "--name-status", "-z", `${base}...${head}`], {
    allowFailure: true,
  });
  if (listed.exitCode !== 0) return undefined;
  const names = listed.stdout;
  const parts = names.split("\0");
  const changed: { path: string; status: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const path = parts[i + 1] as string;
    if (select(path)) changed.push({ path, status: STATUS[parts[i] as string] ?? "changed" });
  }
  if (!changed.length) return [];
  const paths = changed.map((file) => file.path);
  // Literal pathspecs: a file name with `*` or `:` means itself.
  const [log, diff] = await Promise.all([
    git.out([
      "--literal-pathspecs",
      "log",
      "--no-renames",
      "--format=%x00%H",
      "--name-only",
      `${base}..${head}`,
      "--",
      ...paths,
    ]),
    git.out([
      "--literal-pathspecs",
      "diff",
      "--no-renames",
      "--no-color",
      "-U0",
      `${base}...${head}`,
      "--",
      ...paths,
    ]),
  ]);
  const newest = newestCommits(log);
  const patches = splitPatches(diff);
  return changed.map((file) => ({
    ...file,
    patch: patches.get(file.path),
    commit: newest.get(file.path) ?? head,
  }));
}

/** `git log --format=%x00%H --name-only`, newest first: each path's first commit seen. */
function newestCommits(log: string): Map<string, string> {
  const newest = new Map<string, string>();
  for (const entry of log.split("\0").filter(Boolean)) {
    const [sha, ...files] = entry.trim().split("\n");
    for (const file of files) if (file && sha && !newest.has(file)) newest.set(file, sha);
  }
  return newest;
}

/** A `git diff` output split per file, by its `+++ b/<path>` line (quoted paths are left unmatched). */
function splitPatches(diff: string): Map<string, string> {
  const patches = new Map<string, string>();
  for (const chunk of diff.split(/^(?=diff --git )/m)) {
    const path = /^\+\+\+ b\/(.+)$/m.exec(chunk)?.[1];
    if (path) patches.set(path, chunk.slice(chunk.indexOf("\n@@") + 1));
  }
  return patches;
}
