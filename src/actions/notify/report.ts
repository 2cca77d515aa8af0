import type { ActionContext, Outcome } from "../../core/action.ts";
import type { Outputs } from "../../core/report.ts";
import { escapeGitHubMarkdown, STATUS_STYLE } from "../../platforms/chat/message.ts";
import type { ChannelOutcome } from "./channel.ts";
import { failureMessage, notFailingNote } from "./explain.ts";
import type { NotifyInputs } from "./inputs.ts";
import type { NotifyPlan } from "./plan.ts";

const STATUS_PAGES = new Set(["statuspage", "instatus", "betterstack"]);
const RESULT = { sent: "✅ sent", failed: "❌ failed", skipped: "➖ skipped" } as const;

/** `status-page-incident`: the bare id for one page, `channel:id` pairs for several. */
function incidentOutput(outcomes: ChannelOutcome[]): string | undefined {
  const ids = outcomes.flatMap((o) =>
    STATUS_PAGES.has(o.channel) && o.outputs?.incident ? [[o.channel, String(o.outputs.incident)]] : [],
  );
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? ids[0]?.[1] : ids.map(([channel, id]) => `${channel}:${id}`).join(" ");
}

export function reportNotify(
  ctx: ActionContext<NotifyInputs>,
  plan: NotifyPlan,
  outcomes: ChannelOutcome[],
): Outcome {
  const sent = outcomes.filter((o) => o.result === "sent").map((o) => o.channel);
  const failed = outcomes.filter((o) => o.result === "failed");
  const status = failed.length ? (sent.length ? "partial" : "failed") : sent.length ? "sent" : "skipped";
  const outputs: Outputs = {
    sent: sent.join(" "),
    "failed-channels": JSON.stringify(failed.map((o) => ({ channel: o.channel, reason: o.detail }))),
    "status-page-incident": incidentOutput(outcomes),
  };
  for (const outcome of outcomes) {
    for (const [name, value] of Object.entries(outcome.outputs ?? {}))
      if (name !== "incident") outputs[name] = value;
  }
  let failure: string | undefined;
  if (failed.length && plan.failOnError) failure = failureMessage(failed, outcomes.length, status);
  else if (failed.length) {
    for (const outcome of failed) ctx.log.warn(outcome.detail);
    ctx.log.info(notFailingNote(status));
  }
  const warnings = plan.channels.flatMap((c) => c.warnings);
  return {
    status,
    // The title is the user's text: in the job summary it is text, not Markdown.
    headline: `${STATUS_STYLE[plan.status].symbol} ${escapeGitHubMarkdown(plan.title)}: ${status}`,
    outputs,
    summary: (summary) => {
      summary.table(
        ["Channel", "Via", "Result", "Detail"],
        plan.channels.map((c) => {
          const outcome = outcomes.find((o) => o.channel === c.channel);
          return [c.channel, c.via, outcome ? RESULT[outcome.result] : "–", outcome?.detail];
        }),
      );
      if (warnings.length) summary.heading("Warnings").list(warnings);
    },
    failure,
  };
}
