import type { ActionContext } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { type ChannelOutcome, SendFailure } from "./channel.ts";
import type { NotifyInputs } from "./inputs.ts";
import type { NotifyPlan } from "./plan.ts";

/** Every channel at once, each with its own retries, so one channel down never stops the others. */
export async function applyNotify(
  ctx: ActionContext<NotifyInputs>,
  plan: NotifyPlan,
): Promise<ChannelOutcome[]> {
  const active = plan.channels.filter((c) => !c.skip && !c.error).map((c) => c.channel);
  if (active.length) ctx.log.info(`Sending "${plan.title}" (${plan.status}) to ${active.join(", ")}`);
  for (const channel of plan.channels) for (const warning of channel.warnings) ctx.log.warn(warning);
  return Promise.all(
    plan.channels.map(async (channel): Promise<ChannelOutcome> => {
      if (channel.error) return { channel: channel.channel, result: "failed", detail: channel.error };
      if (channel.skip || !channel.send) {
        ctx.log.info(`${channel.channel}: ${channel.skip ?? "nothing to send"}`);
        return { channel: channel.channel, result: "skipped", detail: channel.skip ?? "nothing to send" };
      }
      try {
        const sent = await channel.send();
        ctx.log.info(`${channel.channel}: ${sent.detail}`);
        return { channel: channel.channel, result: "sent", detail: sent.detail, outputs: sent.outputs };
      } catch (error) {
        const outputs = error instanceof SendFailure ? error.outputs : undefined;
        return { channel: channel.channel, result: "failed", detail: errorMessage(error), outputs };
      }
    }),
  );
}
