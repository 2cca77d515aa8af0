import type { Outcome } from "../../core/action.ts";
import { link, type Summary } from "../../core/report.ts";
import type { Applied } from "./apply.ts";
import type { Built } from "./build.ts";
import {
  DEFAULT_TOKEN_NOTE,
  prSkipsDispatchText,
  pushedThenCancelledText,
  pushStoppedText,
} from "./explain.ts";
import type { RevertContext } from "./inputs.ts";
import { commitUrl } from "./messages.ts";
import { describeRevert, type RevertPlan, shas } from "./plan.ts";

function revertOutputs(built: Built) {
  return { "revert-sha": built.head, "reverted-shas": shas(built.reverted) };
}

function pushedLine(plan: RevertPlan, built: Built): string {
  return `Revert commit ${link(built.head.slice(0, 12), commitUrl(plan.commitLinks, built.head))} pushed to \`${plan.branch}\`.`;
}

/** Outputs and summary for what the run did; what reached the remote is always said, even on failure. */
export function reportRevert(ctx: RevertContext, plan: RevertPlan, applied: Applied): Outcome {
  const { branch, request } = plan;
  const describe = (summary: Summary) => describeRevert(plan, summary);
  switch (applied.kind) {
    case "nothing":
      ctx.log.info(applied.reason);
      return {
        status: "already-reverted",
        headline: "✅ already-reverted",
        outputs: { "reverted-shas": "" },
        summary: (summary) => summary.text(applied.reason),
      };
    case "pull-request": {
      const { number, url, head, existing } = applied;
      const opened = existing
        ? `Pull request ${link(`#${number}`, url)} was already open for \`${head}\`.`
        : `Pull request ${link(`#${number}`, url)} opened from \`${head}\` into \`${branch}\`.`;
      ctx.log.info(
        existing
          ? `Pull request #${number} already open for ${head}: ${url}`
          : `Opened pull request #${number}: ${url}`,
      );
      const skipped = request.dispatch ? prSkipsDispatchText(request.dispatch, branch) : undefined;
      if (skipped) ctx.log.info(skipped);
      return {
        status: "pull-request",
        headline: "✅ pull request opened",
        outputs: { ...revertOutputs(applied.built), "pull-request-url": url, "pull-request-number": number },
        summary: (summary) => {
          describe(summary);
          summary.text(opened);
          if (skipped) summary.text(skipped);
        },
      };
    }
    case "push-stopped": {
      const message = pushStoppedText({
        signalName: applied.cancelled,
        remote: plan.remote,
        branch,
        head: applied.built.head,
        tip: plan.tip,
        after: applied.after,
        now: applied.now,
      });
      const landed = applied.after === "revert";
      return {
        status: landed ? "reverted" : "failed",
        headline: landed ? "⏹️ cancelled after the push landed" : "⏹️ cancelled",
        outputs: landed ? revertOutputs(applied.built) : {},
        summary: (summary) => {
          describe(summary);
          summary.text(`**${message}**`);
        },
        failure: message,
      };
    }
    case "pushed":
      return reportPushed(ctx, plan, applied);
  }
}

function reportPushed(
  ctx: RevertContext,
  plan: RevertPlan,
  applied: Extract<Applied, { kind: "pushed" }>,
): Outcome {
  const { built, dispatch, cancelled } = applied;
  const { branch, request } = plan;
  ctx.log.info(
    `Pushed ${built.head} to ${branch}, reverting ${built.reverted.map((c) => c.short).join(", ")}.`,
  );
  const token = ctx.settings.token;
  const noteDefaultToken = !request.dispatch && token !== undefined && token === ctx.run.defaultToken;
  if (noteDefaultToken && !cancelled) ctx.tk.notice(DEFAULT_TOKEN_NOTE);
  const failure = cancelled
    ? pushedThenCancelledText(cancelled, branch, built.head, request.dispatch)
    : dispatch && !dispatch.ok
      ? dispatch.message
      : undefined;
  const runUrl = dispatch?.ok ? dispatch.runUrl : undefined;
  return {
    status: "reverted",
    headline: cancelled
      ? "⏹️ cancelled after the push"
      : failure
        ? "⚠️ reverted, deploy not started"
        : "✅ reverted",
    outputs: { ...revertOutputs(built), "dispatch-run-url": runUrl },
    summary: (summary) => {
      describeRevert(plan, summary);
      summary.text(pushedLine(plan, built));
      if (dispatch?.ok) {
        const inputs = request.dispatchInputs
          ? ` with inputs \`${JSON.stringify(request.dispatchInputs)}\``
          : "";
        const started = runUrl
          ? `: ${link("the deploy run", runUrl)}`
          : " (GitHub did not say which run it started)";
        summary.text(`Started workflow \`${request.dispatch}\` on \`${branch}\`${inputs}${started}.`);
      }
      if (failure) summary.text(`**${failure}**`);
      if (noteDefaultToken && !cancelled) summary.text(`> **Note:** ${DEFAULT_TOKEN_NOTE}`);
    },
    failure,
  };
}
