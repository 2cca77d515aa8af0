/**
 * Where an action runs, read once from the runner's environment (GITHUB_*, RUNNER_*) and handed to every
 * action, so no action parses those variables itself. The CLI and the drill set the same variables.
 */
export interface RunContext {
  /** `owner/name`, when known. */
  repository: { owner: string; repo: string; full: string } | undefined;
  serverUrl: string;
  /** REST API base (GitHub Enterprise Server has its own). */
  apiUrl: string;
  runId: string | undefined;
  runAttempt: number;
  /** Link to this workflow run (attempt included), when running in one. */
  runUrl: string | undefined;
  actor: string | undefined;
  event: string | undefined;
  workflow: string | undefined;
  sha: string | undefined;
  ref: string | undefined;
  /** The default GITHUB_TOKEN, to tell it apart from a personal or App token. */
  defaultToken: string | undefined;
  /** The checkout the action works on (GITHUB_WORKSPACE, or the terminal's folder). */
  workspace: string;
  /** A folder for files the step leaves behind (reports, dumps). */
  temp: string | undefined;
}

export function runContext(env: Record<string, string | undefined>, cwd = process.cwd()): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const repository =
    owner && repo && rest.length === 0 && !/\s/.test(env.GITHUB_REPOSITORY ?? "")
      ? { owner, repo, full: `${owner}/${repo}` }
      : undefined;
  const runId = env.GITHUB_RUN_ID || undefined;
  const runAttempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
  const attempt = runAttempt > 1 ? `/attempts/${runAttempt}` : "";
  return {
    repository,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    runId,
    runAttempt,
    runUrl:
      repository && runId ? `${serverUrl}/${repository.full}/actions/runs/${runId}${attempt}` : undefined,
    actor: env.GITHUB_ACTOR || undefined,
    event: env.GITHUB_EVENT_NAME || undefined,
    workflow: env.GITHUB_WORKFLOW || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    defaultToken: env.GITHUB_TOKEN || undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    temp: env.RUNNER_TEMP || undefined,
  };
}
