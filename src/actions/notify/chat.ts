import type { RunContext } from "../../core/context.ts";
import { discordPayload, sendDiscord } from "../../platforms/chat/discord.ts";
import type { SendOptions } from "../../platforms/chat/send.ts";
import { postSlackMessage, sendSlackWebhook, slackPayload } from "../../platforms/chat/slack.ts";
import { sendTeams, teamsPayload } from "../../platforms/chat/teams.ts";
import { sendWebhook } from "../../platforms/chat/webhook.ts";
import { incidentIssueBody } from "../../platforms/github/issues.ts";
import type { ChannelPlan } from "./channel.ts";
import type { Said } from "./compose.ts";
import type { NotifySettings } from "./plan.ts";

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The team's channels: Slack, Discord, Teams, the JSON webhook and the incident issue. Planning reads nothing. */
export function chatChannels(
  settings: NotifySettings,
  said: Said,
  run: RunContext,
  send: SendOptions,
  notice: (line: string) => void,
): ChannelPlan[] {
  const { shown } = said;
  const plans: ChannelPlan[] = [];
  const slackToken = settings["slack-token"];
  const slackChannel = settings["slack-channel"];
  if (slackToken && slackChannel) {
    if (settings["slack-webhook"])
      notice("Both slack-token and slack-webhook are set: posting with the Web API only.");
    const threadTs = settings["slack-thread-ts"];
    plans.push({
      channel: "slack",
      via: threadTs ? "Slack Web API, thread reply" : "Slack Web API",
      preview: json({
        channel: slackChannel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...slackPayload(shown),
      }),
      warnings: [],
      send: async () => {
        const posted = await postSlackMessage(shown, {
          ...send,
          token: slackToken,
          channel: slackChannel,
          threadTs,
          apiUrl: settings["slack-api-url"],
        });
        return {
          detail: `posted to ${posted.channel}${threadTs ? ` in thread ${threadTs}` : ""} (ts ${posted.ts})`,
          outputs: { "slack-ts": posted.ts },
        };
      },
    });
  } else if (settings["slack-webhook"]) {
    const url = settings["slack-webhook"];
    plans.push({
      channel: "slack",
      via: "Slack incoming webhook",
      preview: json(slackPayload(shown)),
      warnings: [],
      send: () => sendSlackWebhook(url, shown, send).then(() => ({ detail: "delivered" })),
    });
  }
  const discord = settings["discord-webhook"];
  if (discord) {
    plans.push({
      channel: "discord",
      via: "Discord webhook",
      preview: json(discordPayload(shown)),
      warnings: [],
      send: () => sendDiscord(discord, shown, send).then(() => ({ detail: "delivered" })),
    });
  }
  const teams = settings["teams-webhook"];
  if (teams) {
    plans.push({
      channel: "teams",
      via: "Teams workflow webhook",
      preview: json(teamsPayload(shown)),
      warnings: [],
      send: () => sendTeams(teams, shown, send).then(() => ({ detail: "accepted" })),
    });
  }
  const webhook = settings["webhook-url"];
  if (webhook) {
    const headers = settings["webhook-headers"];
    plans.push({
      channel: "webhook",
      via: "JSON webhook",
      preview: json(said.webhook),
      warnings: [],
      send: () =>
        sendWebhook(webhook, said.webhook, { ...send, headers }).then(() => ({ detail: "delivered" })),
    });
  }
  const token = settings["github-token"];
  if (settings["incident-issue"] && token && run.repository) {
    const { owner, repo, full } = run.repository;
    plans.push({
      channel: "github-issue",
      via: `GitHub issue in ${full}`,
      preview: `${said.incident.title}\n\n${incidentIssueBody(said.incident)}`,
      warnings: [],
      send: async () => {
        const { githubClient } = await import("../../platforms/github/client.ts");
        const { recordIncident } = await import("../../platforms/github/issues.ts");
        const octokit = await githubClient({ token, apiUrl: run.apiUrl });
        const result = await recordIncident(octokit, { owner, repo, report: said.incident, log: send.log });
        return {
          detail:
            result.action === "opened"
              ? `opened #${result.number} ${result.url}`
              : `commented on #${result.number} ${result.commentUrl ?? result.url}`,
          outputs: { "issue-url": result.url, "issue-number": result.number },
        };
      },
    });
  }
  return plans;
}
