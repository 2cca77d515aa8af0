import type { getOctokit } from "@actions/github";
import { isPlainRefusal } from "../../core/http.ts";

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

/**
 * GitHub's error as a sentence: status, message and the first validation error. The body of a 401 or 403
 * is quoted only when it is a plain refusal ("Bad credentials"): a proxy or server that echoes the
 * request could otherwise put a credential into logs and summaries.
 */
export function githubErrorMessage(error: unknown): string {
  const e = error as {
    status?: number;
    message?: string;
    response?: { data?: { message?: string; errors?: { message?: string; code?: string }[] } };
  };
  const data = e.response?.data;
  const refused = e.status === 401 || e.status === 403;
  const said = (text: string | undefined) => (text && (!refused || isPlainRefusal(text)) ? text : undefined);
  const detail = said(data?.errors?.[0]?.message ?? data?.errors?.[0]?.code);
  const message = refused ? said(data?.message) : (data?.message ?? e.message ?? String(error));
  return `${e.status ?? "error"}${message ? ` ${message}` : ""}${detail ? ` (${detail})` : ""}`;
}
