import type { ActionContext, Settings } from "../../core/action.ts";
import type { Summary } from "../../core/report.ts";
import { type ChatStatus, escapeGitHubMarkdown, STATUS_STYLE } from "../../platforms/chat/message.ts";
import type { SendOptions } from "../../platforms/chat/send.ts";
import type { ChannelPlan } from "./channel.ts";
import { chatChannels } from "./chat.ts";
import { checkInputs, recordsDeployment } from "./checks.ts";
import { compose } from "./compose.ts";
import { type NotifyInputs, STATUS_ALIASES } from "./inputs.ts";

export type NotifySettings = Settings<NotifyInputs>;

export interface NotifyPlan {
  status: ChatStatus;
  title: string;
  channels: ChannelPlan[];
  failOnError: boolean;
  dryRun: boolean;
}

export const NO_CHANNEL =
  "notify: no channel configured (slack-webhook, slack-token, discord-webhook, teams-webhook, webhook-url, incident-issue, statuspage-api-key, instatus-api-key, betterstack-api-token, pagerduty-routing-key, github-deployment): nothing sent.";

/**
 * Renders every message once and plans each configured channel. Status pages are read here (components,
 * the open incident), so a dry run shows exactly what each would get; a channel whose read fails is
 * planned as failed, and the others go on.
 */
export async function planNotify(ctx: ActionContext<NotifyInputs>, tuning: SendOptions): Promise<NotifyPlan> {
  const { settings, run } = ctx;
  checkInputs(settings, run);
  const status: ChatStatus =
    settings.status in STATUS_ALIASES
      ? STATUS_ALIASES[settings.status as keyof typeof STATUS_ALIASES]
      : (settings.status as ChatStatus);
  const said = compose(settings, status, run, Date.now());
  const send: SendOptions = { ...tuning, log: (line) => ctx.log.info(line) };
  // Status pages, PagerDuty and GitHub deployments load only when one is set up: a chat-only run (a Slack
  // webhook) reaches its request without building their clients and response schemas.
  const outside = usesOutside(settings) ? await import("./outside.ts") : undefined;
  const channels = [
    ...chatChannels(settings, said, run, send, (line) => ctx.tk.notice(line)),
    ...((await outside?.statusPageChannels(settings, said, run, send)) ?? []),
    ...(outside?.pagerDutyChannel(settings, said, run, send) ?? []),
    ...(outside?.deploymentChannel(settings, said, run) ?? []),
  ];
  if (channels.length === 0) ctx.tk.notice(NO_CHANNEL);
  const dryRun = settings["dry-run"];
  if (dryRun) {
    for (const channel of channels) {
      ctx.log.info(
        `Dry run: ${channel.channel} (${channel.via}) would get:\n${channel.skip ?? channel.error ?? channel.preview}`,
      );
    }
  }
  return { status, title: said.shown.title, channels, failOnError: settings["fail-on-error"], dryRun };
}

/** Each channel of outside.ts needs one of these (and checks the rest itself). */
function usesOutside(settings: NotifySettings): boolean {
  return Boolean(
    settings["statuspage-api-key"] ||
      settings["instatus-api-key"] ||
      settings["betterstack-api-token"] ||
      settings["pagerduty-routing-key"] ||
      recordsDeployment(settings),
  );
}

export function describeNotify(plan: NotifyPlan, summary: Summary): void {
  summary.text(
    `${STATUS_STYLE[plan.status].symbol} **${escapeGitHubMarkdown(plan.title)}** (${plan.status})`,
  );
  if (plan.channels.length === 0) return;
  summary.table(
    ["Channel", "Via", "Plan"],
    plan.channels.map((c) => [c.channel, c.via, c.error ? `❌ ${c.error}` : (c.skip ?? "send")]),
  );
  if (!plan.dryRun) return;
  for (const c of plan.channels) {
    if (!c.skip && !c.error)
      summary.details(`${c.channel}: what would be sent`, `\`\`\`\n${c.preview}\n\`\`\``);
  }
}
