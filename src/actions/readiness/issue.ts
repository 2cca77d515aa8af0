import { table } from "../../core/report.ts";
import { githubClient, githubErrorMessage } from "../../platforms/github/client.ts";
import { findOpenIncident } from "../../platforms/github/issues.ts";
import type { Ctx } from "./inputs.ts";
import { figures, ICON, type Readiness } from "./report.ts";

export const ISSUE_TITLE = "Rollback readiness";
export const ISSUE_LABEL = "rollback-readiness";

export interface IssueResult {
  action: "opened" | "updated" | "closed" | "none";
  url: string | undefined;
  line: string;
}

function body(ctx: Ctx, r: Readiness): string {
  const rows = r.checks
    .filter((c) => c.state !== "pass")
    .map((c) => [ICON[c.state], c.target, c.check, c.evidence, c.fix ?? ""]);
  const run = ctx.run.runUrl ? `\n\nChecked by ${ctx.run.runUrl}.` : "";
  return `A rollback of production would not work as planned right now (${r.status}, checked ${r.checkedAt}).\n\n${figures(
    r,
  )
    .map((f) => `- ${f}`)
    .join(
      "\n",
    )}\n\n${table(["", "Target", "Check", "Evidence", "Fix"], rows)}${run}\n\nThis issue is updated by each readiness run and closed when every check passes again.`;
}

/**
 * One open issue for the whole repository: opened (or its body replaced) while anything fails or warns,
 * closed when all is ready. A create that may have happened (5xx, lost answer) is settled by reading again.
 */
export async function updateIssue(ctx: Ctx, r: Readiness): Promise<IssueResult> {
  const repo = ctx.run.repository;
  if (!repo) return { action: "none", url: undefined, line: "No issue: GITHUB_REPOSITORY is not set." };
  const octokit = await githubClient({
    token: ctx.settings["github-token"] as string,
    apiUrl: ctx.run.apiUrl,
  });
  const where = { owner: repo.owner, repo: repo.repo };
  const search = { ...where, title: ISSUE_TITLE, label: ISSUE_LABEL };
  try {
    const open = await findOpenIncident(octokit, search);
    if (r.status === "ready") {
      if (!open)
        return { action: "none", url: undefined, line: "Every check passes; no readiness issue is open." };
      await octokit.rest.issues.createComment({
        ...where,
        issue_number: open.number,
        body: `Every check passes again (${r.checkedAt}).`,
      });
      await octokit.rest.issues.update({ ...where, issue_number: open.number, state: "closed" });
      return {
        action: "closed",
        url: open.html_url,
        line: `Closed ${open.html_url}: every check passes again.`,
      };
    }
    if (open) {
      await octokit.rest.issues.update({ ...where, issue_number: open.number, body: body(ctx, r) });
      return { action: "updated", url: open.html_url, line: `Updated ${open.html_url}.` };
    }
    try {
      const { data } = await octokit.rest.issues.create({
        ...where,
        title: ISSUE_TITLE,
        body: body(ctx, r),
        labels: [ISSUE_LABEL],
      });
      return { action: "opened", url: data.html_url, line: `Opened ${data.html_url}.` };
    } catch (error) {
      const status = (error as { status?: number }).status;
      const created =
        status === undefined || status >= 500
          ? await findOpenIncident(octokit, search).catch(() => undefined)
          : undefined;
      if (created) return { action: "opened", url: created.html_url, line: `Opened ${created.html_url}.` };
      throw error;
    }
  } catch (error) {
    // The readiness report stands without the issue: say so, and how to fix it.
    const line = `The readiness issue could not be written: ${githubErrorMessage(error)}. Give the workflow permissions: issues: write.`;
    ctx.log.warn(line);
    return { action: "none", url: undefined, line };
  }
}
