import type { getOctokit } from "@actions/github";

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL: GITHUB_API_URL on a runner (GitHub Enterprise Server, the local simulator). */
  apiUrl?: string;
}

/** An Octokit for the REST API; loaded on first use so actions that never call GitHub don't pay for it. */
export async function githubClient(options: GitHubClientOptions): Promise<Octokit> {
  const github = await import("@actions/github");
  return github.getOctokit(options.token, { baseUrl: options.apiUrl ?? "https://api.github.com" });
}

/** GitHub's error as a sentence: status, message and the first validation error. */
export function githubErrorMessage(error: unknown): string {
  const e = error as {
    status?: number;
    message?: string;
    response?: { data?: { message?: string; errors?: { message?: string; code?: string }[] } };
  };
  const data = e.response?.data;
  const detail = data?.errors?.[0]?.message ?? data?.errors?.[0]?.code;
  return `${e.status ?? "error"} ${data?.message ?? e.message ?? String(error)}${detail ? ` (${detail})` : ""}`;
}
