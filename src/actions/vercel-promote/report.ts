import type { ActionContext, Outcome } from "../../core/action.ts";
import type { Summary } from "../../core/report.ts";
import { describeMigrations } from "../../migrations/report.ts";
import type { Applied } from "./apply.ts";
import { advice } from "./explain.ts";
import type { VercelPromoteInputs } from "./inputs.ts";
import type { VercelPlan } from "./plan.ts";
import { fromToTable, httpsUrl, reasonLine } from "./target.ts";

const WORDS: Record<Applied["status"], (verb: string) => string> = {
  "rolled-back": () => "rolled back: production domains now point here.",
  promoted: () => "promoted: production domains now point here.",
  "already-current": () => "already served production: nothing changed.",
  requested: (verb) => `${verb} requested; not waited for (\`wait: 0\`).`,
  queued: () => "promote queued behind a rolling release: Vercel moves the domains when the release allows.",
};

export function reportVercelPromote(
  ctx: ActionContext<VercelPromoteInputs>,
  plan: VercelPlan,
  applied: Applied,
): Outcome {
  const { served, status, cancel } = applied;
  const pinned = applied.project
    ? applied.project.autoAssignCustomDomains === false
    : plan.kind === "rollback" || plan.project.pinned;
  ctx.log.info(`${status}: ${served.id} (${httpsUrl(served.url)}).`);
  return {
    status,
    headline: `${status === "queued" || status === "requested" ? "⏳" : "✅"} ${status}`,
    outputs: {
      "deployment-id": served.id,
      "deployment-url": httpsUrl(served.url),
      "previous-deployment-id": plan.from?.id,
      "auto-assign-disabled": pinned,
      cancelled: JSON.stringify(cancel.cancelled.map((d) => d.id)),
    },
    summary: (summary) => {
      summary.text(`**${served.id}** ${WORDS[status](plan.verb)}`);
      fromToTable(summary, plan.from, served);
      reasonLine(summary, plan.reason);
      if (plan.release)
        summary.text(
          `The rolling release of ${plan.release.canary ?? "the canary"} was ended by the rollback.`,
        );
      builds(summary, applied);
      if (plan.kind === "rollback" && status !== "already-current") summary.text(advice.environment);
      const paused = applied.project ? applied.project.paused === true : plan.project.paused;
      if (pinned) summary.text(paused ? advice.paused : advice.pinned(served.id));
      describeMigrations(plan.migrations, summary);
    },
  };
}

function builds(summary: Summary, { cancel, leftAlone }: Applied): void {
  if (cancel.cancelled.length) {
    summary.text("**Cancelled** (production builds that could have landed after the rollback):");
    summary.list(cancel.cancelled.map((d) => `${d.id} (${d.state}): ${d.origin}`));
  }
  if (cancel.failed.length) {
    summary.text("**Could not cancel** (check each on Vercel):");
    summary.list(cancel.failed.map((f) => `${f.deployment.id}: ${f.message}`));
  }
  if (leftAlone.length) {
    summary.text("**Left alone** (`cancel-in-flight: false`):");
    summary.list(leftAlone.map((d) => `${d.id} (${d.state}): ${d.origin}`));
  }
}
