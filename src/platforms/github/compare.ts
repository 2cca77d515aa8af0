import { z } from "zod";
import { HttpClient } from "../../core/http.ts";
import type { Repo } from "./pulls.ts";

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

export interface CompareOptions {
  token: string;
  /** REST base: GITHUB_API_URL on a runner (GitHub Enterprise Server, the local simulator). */
  apiUrl: string;
}

/**
 * The files changed from the merge base of `base` and `head` to `head` (`base...head`), in one request.
 * On the shared HTTP client rather than Octokit: a rollback's plan already loaded it, and this read is on
 * the plan's path (retried like any GET; a short timeout, since warn mode goes on without it).
 */
export async function compareCommits(
  options: CompareOptions,
  repo: Repo,
  range: { base: string; head: string },
): Promise<Comparison> {
  const http = new HttpClient({
    baseUrl: options.apiUrl,
    platform: "GitHub",
    timeoutMs: 15_000,
    retries: 2,
    headers: {
      authorization: `Bearer ${options.token}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
    },
    errorDetails: (body) => {
      const message = (body as { message?: unknown } | undefined)?.message;
      return typeof message === "string" ? { message } : undefined;
    },
  });
  const path = `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/compare/${encodeURIComponent(range.base)}...${encodeURIComponent(range.head)}`;
  const { data } = await http.request({ path, schema: compareSchema });
  const files = (data.files ?? []).map((f) => ({ path: f.filename, status: f.status, patch: f.patch }));
  return {
    status: data.status,
    totalCommits: data.total_commits,
    files,
    complete: files.length < COMPARE_FILE_LIMIT,
  };
}
