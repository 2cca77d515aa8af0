import { escapeMarkdown, link, type Summary } from "../../core/report.ts";
import type { Deployment, DeploymentListItem, Project } from "../../platforms/vercel/client.ts";

/** A deployment as the plan shows it. */
export interface Target {
  id: string;
  url: string;
  createdAt: number | undefined;
  readyState: string;
  readySubstate: string | undefined;
  target: string | null | undefined;
  commit: string | undefined;
  sha: string | undefined;
  /** `owner/name` of a deployment built from GitHub. */
  repo: string | undefined;
  creator: string | undefined;
}

export function toTarget(d: Deployment): Target {
  return {
    id: d.id,
    url: d.url,
    createdAt: d.createdAt,
    readyState: d.readyState,
    readySubstate: d.readySubstate,
    target: d.target,
    commit: commitOf(d.meta),
    sha: shaOf(d.meta),
    repo: repoOf(d.meta),
    creator: d.creator?.username,
  };
}

/** What the project says serves production (`targets.production`), as a target. */
export function productionTarget(
  current: NonNullable<NonNullable<Project["targets"]>["production"]>,
): Target {
  return {
    id: current.id,
    url: current.url ?? "",
    createdAt: current.createdAt,
    readyState: current.readyState ?? "READY",
    readySubstate: current.readySubstate,
    target: "production",
    commit: commitOf(current.meta),
    sha: shaOf(current.meta),
    repo: repoOf(current.meta),
    creator: undefined,
  };
}

/** List items name their id `uid`; otherwise they read like a single deployment. */
export function fromListItem(d: DeploymentListItem): Target {
  return toTarget({ ...d, id: d.uid });
}

export function shaOf(meta: Record<string, unknown> | undefined): string | undefined {
  const sha = meta?.githubCommitSha ?? meta?.gitlabCommitSha ?? meta?.bitbucketCommitSha;
  return typeof sha === "string" ? sha : undefined;
}

/** A Git-connected deployment's repository (meta `githubOrg`/`githubRepo`, or the commit's own). */
export function repoOf(meta: Record<string, unknown> | undefined): string | undefined {
  const owner = meta?.githubCommitOrg ?? meta?.githubOrg;
  const repo = meta?.githubCommitRepo ?? meta?.githubRepo;
  return typeof owner === "string" && typeof repo === "string" && owner && repo
    ? `${owner}/${repo}`
    : undefined;
}

export function commitOf(meta: Record<string, unknown> | undefined): string | undefined {
  const sha = shaOf(meta);
  const message = meta?.githubCommitMessage ?? meta?.gitlabCommitMessage ?? meta?.bitbucketCommitMessage;
  if (typeof sha !== "string") return undefined;
  const subject = typeof message === "string" ? ` ${message.split("\n")[0]}` : "";
  return `${sha.slice(0, 7)}${subject}`;
}

export function httpsUrl(url: string): string {
  return url ? (/^https?:\/\//.test(url) ? url : `https://${url}`) : "";
}

export function describeTarget(t: Target): string {
  const created = t.createdAt !== undefined ? `, created ${new Date(t.createdAt).toISOString()}` : "";
  const kind =
    t.target === "production" ? `production${t.readySubstate ? ` ${t.readySubstate}` : ""}` : "preview";
  return `${t.id} (${httpsUrl(t.url)}, ${t.readyState} ${kind}${created}${t.commit ? `, ${t.commit}` : ""})`;
}

/** "abc1234 Fix cart, by alice": who started a deployment, for the summary. */
export function origin(t: Pick<Target, "commit" | "creator">): string {
  return [t.commit, t.creator && `by ${t.creator}`].filter(Boolean).join(", ") || "unknown commit";
}

export function fromToTable(summary: Summary, from: Target | undefined, to: Target): void {
  const row = (label: string, t: Target | undefined) =>
    t
      ? [
          label,
          t.id,
          link(t.url, httpsUrl(t.url)),
          t.commit,
          t.createdAt ? new Date(t.createdAt).toISOString() : undefined,
        ]
      : [label, "none"];
  summary.table(["", "deployment", "URL", "commit", "created"], [row("from", from), row("to", to)]);
}

export function reasonLine(summary: Summary, reason: string): void {
  if (reason) summary.text(`**Reason:** ${escapeMarkdown(reason)}`);
}
