import { addedText, type Flag, flagsOf } from "./flags.ts";
import { type Tool, toolOf } from "./tools.ts";

/** A file changed between two commits, as GitHub's compare or `git diff` tells it. */
export interface ChangedFile {
  path: string;
  /** GitHub's words: added, modified, renamed, removed, copied, changed, unchanged. */
  status: string;
  /** The unified diff, when known (GitHub leaves it out for large or binary files). */
  patch: string | undefined;
  /** The commit that brought the change: the exact one with local history, else the range's head. */
  commit: string;
}

/** One migration that runs between the two commits: the public shape of the `migrations` output. */
export interface Migration {
  file: string;
  tool: Tool;
  commit: string;
  flags: Flag[];
}

/** A migration and whether its text was read (flags of an unread file are unknown, not none). */
export interface Found extends Migration {
  read: boolean;
}

/** The migrations among changed files: added or changed ones (a removed file runs nothing). */
export function findMigrations(files: readonly ChangedFile[], patterns: readonly RegExp[]): Found[] {
  const found: Found[] = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    const text = file.patch === undefined ? "" : addedText(file.patch);
    const tool = toolOf(file.path, patterns, text);
    if (!tool) continue;
    found.push({
      file: file.path,
      tool,
      commit: file.commit,
      flags: flagsOf(file.path, text),
      read: file.patch !== undefined,
    });
  }
  return found;
}
