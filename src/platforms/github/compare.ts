import { z } from "zod";
import type { Octokit } from "./client.ts";
import { GitHubError, type Repo } from "./pulls.ts";

/**
 * GitHub's compare lists changed files on its first page only, "up to 300 changed files for the entire
 * comparison" (REST docs, "Compare two commits": Working with large comparisons); later pages carry
 * commits, never more files. So one request is all there is to read.
 */
export const COMPARE_FILE_LIMIT = 300;

const fileSchema = z.object({
  filename: z.string(),
  status: z.string(),
  // Left out for binary files and diffs too large to show.
  patch: z.string().optional(),
});

const compareSchema = z.object({
  status: z.string(),
  total_commits: z.number(),
  files: z.array(fileSchema).optional(),
});

export interface ComparedFile {
  path: string;
  status: string;
  patch: string | undefined;
}

export interface Comparison {
  /** `ahead`, `behind`, `diverged` or `identical`: head against base. */
  status: string;
  totalCommits: number;
  files: ComparedFile[];
  /** False when GitHub's list reached its limit: files past it are not shown anywhere in the API. */
  complete: boolean;
}

/** The files changed from the merge base of `base` and `head` to `head` (`base...head`), in one request. */
export async function compareCommits(
  octokit: Octokit,
  repo: Repo,
  range: { base: string; head: string },
): Promise<Comparison> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${range.base}...${range.head}`,
    });
    const parsed = compareSchema.parse(data);
    const files = (parsed.files ?? []).map((f) => ({ path: f.filename, status: f.status, patch: f.patch }));
    return {
      status: parsed.status,
      totalCommits: parsed.total_commits,
      files,
      complete: files.length < COMPARE_FILE_LIMIT,
    };
  } catch (error) {
    throw new GitHubError(
      `Comparing ${range.base.slice(0, 12)}...${range.head.slice(0, 12)} in ${repo.owner}/${repo.repo}`,
      error,
    );
  }
}
