import { cell } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import {
  type ChatField,
  type ChatStatus,
  escapeGitHubMarkdown,
  STATUS_STYLE,
  truncate,
} from "../chat/message.ts";
import { githubErrorMessage, type Octokit } from "./client.ts";

/** The incident report teams used to write by hand: time, version, reason, duration, impact, resolution. */
export interface IncidentReport {
  /** The issue's title: one incident, one title. */
  title: string;
  status: ChatStatus;
  /** ISO 8601. */
  time: string;
  message: string;
  /** What the rollback did, e.g. `Vercel: dpl_a → dpl_b`: the versions rolled back from and to. */
  changes: ChatField[];
  reason?: string;
  durationMs?: number;
  impact?: string;
  resolution?: string;
  runUrl?: string;
  repository?: string;
  repositoryUrl?: string;
  ref?: string;
  sha?: string;
  actor?: string;
}

export const INCIDENT_LABEL = "incident";
/** GitHub's limit on an issue title. */
const TITLE_MAX = 256;

const DEFAULT_RESOLUTION: Record<ChatStatus, string | undefined> = {
  started: "Rollback in progress.",
  succeeded: "Production rolled back to the last known-good version.",
  failed: "The rollback failed: production may still serve the bad version. Follow the runbook by hand.",
  cancelled: "The rollback was cancelled before it finished.",
  info: undefined,
  unverified:
    "Rolled back, but the verification did not conclude (no data, or the metrics provider down): a person must check production before calling it recovered.",
};

function report(report: IncidentReport): string {
  const style = STATUS_STYLE[report.status];
  const links = [
    report.runUrl && `[workflow run](${report.runUrl})`,
    report.repository &&
      (report.repositoryUrl
        ? `[${report.repository}${report.ref ? `@${report.ref}` : ""}](${report.repositoryUrl})`
        : report.repository),
    report.sha && `commit ${report.sha.slice(0, 7)}`,
  ].filter(Boolean);
  const rows: [string, unknown][] = [
    [
      "Time",
      report.time
        .replace(/\.\d+Z$/, "Z")
        .replace("T", " ")
        .replace("Z", " UTC"),
    ],
    ["Status", `${style.symbol} ${style.word}`],
    [
      "Version (from → to)",
      report.changes.map((c) => escapeGitHubMarkdown(`${c.name}: ${c.value}`)).join("\n") || undefined,
    ],
    ["Reason", report.reason && escapeGitHubMarkdown(report.reason)],
    ["Duration", report.durationMs === undefined ? undefined : formatMs(report.durationMs)],
    ["Impact", report.impact ? escapeGitHubMarkdown(report.impact) : "_to be filled in_"],
    [
      "Resolution",
      report.resolution ? escapeGitHubMarkdown(report.resolution) : DEFAULT_RESOLUTION[report.status],
    ],
    ["Links", links.join(" · ")],
  ];
  const lines = ["| | |", "|---|---|", ...rows.map(([name, value]) => `| **${name}** | ${cell(value)} |`)];
  if (report.actor) lines.push(`| **Run by** | ${cell(`@${report.actor}`)} |`);
  const text = report.message.trim() ? `\n\n${escapeGitHubMarkdown(report.message.trim())}` : "";
  return `${lines.join("\n")}${text}`;
}

export function incidentIssueBody(r: IncidentReport): string {
  return `## Incident report\n\n${report(r)}\n\n<sub>Opened by the notify action. Later updates on this incident are added as comments; close the issue when the incident is resolved.</sub>\n`;
}

export function incidentCommentBody(r: IncidentReport): string {
  return `### Update: ${STATUS_STYLE[r.status].symbol} ${STATUS_STYLE[r.status].word}\n\n${report(r)}\n`;
}

export interface IncidentResult {
  action: "opened" | "commented";
  number: number;
  /** The issue's URL. */
  url: string;
  commentUrl?: string;
}

export class IncidentError extends Error {
  override name = "IncidentError";
}

function hint(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (status === 401) return " Check github-token.";
  if (status === 403)
    return " Give the workflow `permissions: issues: write` (and check the token may write to this repository).";
  if (status === 404) return " Check the token can see this repository.";
  if (status === 410)
    return " Issues are disabled for this repository: enable them or set incident-issue: false.";
  return "";
}

/** Pages of open incident issues looked through (100 each) before giving up. */
export const INCIDENT_SEARCH_PAGES = 10;

/**
 * The open issue labelled `label` whose title is exactly `title`. Bounded: a server that ignores `page`
 * (answering the first page again and again) or a repository with thousands of open incidents must not
 * keep the step listing forever.
 */
export async function findOpenIncident(
  octokit: Octokit,
  options: { owner: string; repo: string; title: string; label?: string; log?: (line: string) => void },
): Promise<{ number: number; html_url: string } | undefined> {
  const { owner, repo, title } = options;
  const perPage = 100;
  const seen = new Set<number>();
  for (let page = 1; page <= INCIDENT_SEARCH_PAGES; page++) {
    const { data } = await octokit.rest.issues.listForRepo({
      owner,
      repo,
      state: "open",
      labels: options.label ?? INCIDENT_LABEL,
      per_page: perPage,
      page,
    });
    // The issues list includes pull requests; an incident is an issue.
    const found = data.find((issue) => issue.title === title && !issue.pull_request);
    if (found) return { number: found.number, html_url: found.html_url };
    if (data.length < perPage) return undefined;
    if (data.every((issue) => seen.has(issue.number))) {
      options.log?.(
        `GitHub issue: page ${page} repeats earlier issues (the server ignores paging); search stopped.`,
      );
      return undefined;
    }
    for (const issue of data) seen.add(issue.number);
  }
  options.log?.(
    `GitHub issue: no open incident titled like this in the first ${INCIDENT_SEARCH_PAGES * perPage} open incident issues; search stopped.`,
  );
  return undefined;
}

/**
 * Opens the incident issue, or comments on the open one with the same title, so one incident never gets
 * two issues. A create that may have been applied (5xx, lost connection) is checked by reading again.
 */
export async function recordIncident(
  octokit: Octokit,
  options: {
    owner: string;
    repo: string;
    report: IncidentReport;
    label?: string;
    log?: (line: string) => void;
  },
): Promise<IncidentResult> {
  const { owner, repo, report: r } = options;
  const label = options.label ?? INCIDENT_LABEL;
  const title = truncate(r.title, TITLE_MAX);
  const search = { owner, repo, title, label, log: options.log };
  let existing: { number: number; html_url: string } | undefined;
  try {
    existing = await findOpenIncident(octokit, search);
  } catch (error) {
    throw new IncidentError(
      `GitHub issue: listing open issues failed: ${githubErrorMessage(error)}.${hint(error)}`,
    );
  }
  if (existing) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: existing.number,
        body: incidentCommentBody(r),
      });
      return {
        action: "commented",
        number: existing.number,
        url: existing.html_url,
        commentUrl: data.html_url,
      };
    } catch (error) {
      throw new IncidentError(
        `GitHub issue: commenting on #${existing.number} failed: ${githubErrorMessage(error)}.${hint(error)}`,
      );
    }
  }
  try {
    const { data } = await octokit.rest.issues.create({
      owner,
      repo,
      title,
      body: incidentIssueBody(r),
      labels: [label],
    });
    return { action: "opened", number: data.number, url: data.html_url };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === undefined || status >= 500) {
      const created = await findOpenIncident(octokit, search).catch(() => undefined);
      if (created) return { action: "opened", number: created.number, url: created.html_url };
    }
    throw new IncidentError(
      `GitHub issue: opening the issue failed: ${githubErrorMessage(error)}.${hint(error)}`,
    );
  }
}
