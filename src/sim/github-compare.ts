import type { SimResponse } from "./server.ts";

export interface SimCommitFile {
  filename: string;
  status: "added" | "modified" | "removed";
  patch?: string;
}

export interface SimCommit {
  sha: string;
  message?: string;
  files: SimCommitFile[];
}

/** GitHub's cap on the files of one comparison (REST docs, "Compare two commits"). */
const FILE_LIMIT = 300;

/**
 * `GET /repos/{o}/{r}/compare/{base}...{head}` over a linear history (oldest first). As the REST docs
 * ("Compare two commits") say: without `per_page`/`page` at most the newest 250 commits; with them, commits
 * page by page (per_page at most 100); the changed files, at most 300 for the whole comparison, on the first
 * page only. A head older than the base is `behind`, with no commits or files of its own.
 */
export function compare(
  history: readonly SimCommit[],
  basehead: string,
  query: URLSearchParams,
): SimResponse {
  const [baseRef, headRef, ...rest] = basehead.split("...");
  const find = (ref: string | undefined) =>
    ref && ref.length >= 4 ? history.findIndex((c) => c.sha.startsWith(ref)) : -1;
  const [base, head] = [find(baseRef), find(headRef)];
  if (rest.length || base < 0 || head < 0)
    return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
  const ahead = Math.max(0, head - base);
  const commits = history.slice(base + 1, head + 1);
  const paged = query.has("per_page") || query.has("page");
  const perPage = Math.min(Number(query.get("per_page") ?? 30) || 30, 100);
  const page = Number(query.get("page") ?? 1) || 1;
  const shown = paged ? commits.slice((page - 1) * perPage, page * perPage) : commits.slice(-250);
  const files = page === 1 ? netFiles(commits).slice(0, FILE_LIMIT) : [];
  return {
    status: 200,
    body: {
      status: ahead > 0 ? "ahead" : head < base ? "behind" : "identical",
      ahead_by: ahead,
      behind_by: Math.max(0, base - head),
      total_commits: ahead,
      base_commit: { sha: history[base]?.sha },
      merge_base_commit: { sha: history[Math.min(base, head)]?.sha },
      commits: shown.map((c) => ({ sha: c.sha, commit: { message: c.message ?? "" } })),
      files,
    },
  };
}

/** Each file's change over the commits: added then changed is added; added then removed is gone. */
function netFiles(commits: readonly SimCommit[]) {
  const net = new Map<string, { filename: string; status: string; patch?: string }>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const before = net.get(file.filename);
      if (before?.status === "added" && file.status === "removed") net.delete(file.filename);
      else
        net.set(file.filename, {
          filename: file.filename,
          status: before?.status === "added" ? "added" : file.status,
          ...(file.patch === undefined ? {} : { patch: file.patch }),
        });
    }
  }
  return [...net.values()];
}
