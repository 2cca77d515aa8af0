import { defineAction } from "../../core/action.ts";
import type { SendOptions } from "../../platforms/chat/send.ts";
import { applyNotify } from "./apply.ts";
import { explainNotify } from "./explain.ts";
import { notifyInputs } from "./inputs.ts";
import { describeNotify, planNotify } from "./plan.ts";
import { reportNotify } from "./report.ts";

/**
 * Tells people what the rollback did: chat, the incident issue, status pages, PagerDuty and GitHub's
 * deployment log. Fails the step only with `fail-on-error: true`. `tuning` sets retry timing (tests, the
 * local drill); the runner uses the defaults.
 */
export function notifyAction(tuning: SendOptions = {}) {
  return defineAction({
    name: "notify",
    title: "Notify",
    inputs: notifyInputs,
    plan: (ctx) => planNotify(ctx, tuning),
    nothingToDo: (plan) =>
      plan.channels.length === 0
        ? { status: "skipped", reason: "No channel configured: nothing sent." }
        : undefined,
    planOutputs: () => ({ sent: "" }),
    describe: describeNotify,
    apply: applyNotify,
    report: reportNotify,
    explain: explainNotify,
  });
}

export default notifyAction();
