import { z } from "zod";
import { type ChatMessage, contextParts, STATUS_STYLE, truncate } from "./message.ts";
import { ChannelError, channelError, chatClient, postJson, type SendOptions } from "./send.ts";

/** Block Kit limits (api.slack.com/reference/block-kit): exceeding any one rejects the whole message. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  url: 3000,
  /** The top-level `text` (notification fallback); Slack truncates at 40,000, we keep it short. */
  text: 3000,
} as const;

export type SlackText =
  | { type: "plain_text"; text: string; emoji?: boolean }
  | { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: SlackText & { type: "plain_text" } }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | {
      type: "actions";
      elements: { type: "button"; text: SlackText; url: string; style?: "primary" | "danger" }[];
    };

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Slack's mrkdwn control characters (api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function mrkdwn(text: string, max: number): SlackText {
  return { type: "mrkdwn", text: truncate(text, max) };
}

/**
 * The message as Block Kit: header (emoji by status), the message, the fields in sections of ten,
 * a context line, a button to the run. Block Kit has no colour for top-level blocks, so the status shows
 * as the header's emoji and the context's first word. Everything is cut to Slack's limits, never rejected.
 */
export function slackBlocks(message: ChatMessage): SlackBlock[] {
  const style = STATUS_STYLE[message.status];
  const head: SlackBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncate(`${style.emoji} ${message.title}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
  ];
  if (message.message.trim()) {
    head.push({ type: "section", text: mrkdwn(escapeMrkdwn(message.message), SLACK_LIMITS.sectionText) });
  }
  const tail: SlackBlock[] = [];
  const context = contextParts(message).map(({ text, url }) =>
    url ? `<${url}|${escapeMrkdwn(text)}>` : escapeMrkdwn(text),
  );
  tail.push({
    type: "context",
    elements: context.slice(0, SLACK_LIMITS.contextElements).map((part) => mrkdwn(part, 2000)),
  });
  if (message.runUrl && message.runUrl.length <= SLACK_LIMITS.url) {
    tail.push({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "View workflow run", emoji: true },
          url: message.runUrl,
          ...(message.status === "failed" ? { style: "danger" as const } : {}),
        },
      ],
    });
  }
  const room = SLACK_LIMITS.blocks - head.length - tail.length;
  return [...head, ...fieldSections(message, room), ...tail];
}

function fieldSections(message: ChatMessage, maxSections: number): SlackBlock[] {
  const texts = message.fields.map((field) =>
    mrkdwn(`*${escapeMrkdwn(field.name)}*\n${escapeMrkdwn(field.value) || "–"}`, SLACK_LIMITS.fieldText),
  );
  const per = SLACK_LIMITS.fieldsPerSection;
  const capacity = maxSections * per;
  if (texts.length > capacity) {
    const shown = texts.slice(0, capacity - 1);
    shown.push(
      mrkdwn(`_…and ${texts.length - shown.length} more fields, not shown_`, SLACK_LIMITS.fieldText),
    );
    texts.splice(0, texts.length, ...shown);
  }
  const sections: SlackBlock[] = [];
  for (let i = 0; i < texts.length; i += per)
    sections.push({ type: "section", fields: texts.slice(i, i + per) });
  return sections;
}

/** The notification text (shown in notifications and where blocks cannot be). */
export function slackText(message: ChatMessage): string {
  const style = STATUS_STYLE[message.status];
  const text = `${style.emoji} ${message.title}${message.message ? `: ${message.message}` : ""}`;
  return truncate(escapeMrkdwn(text), SLACK_LIMITS.text);
}

export function slackPayload(message: ChatMessage): SlackPayload {
  return { text: slackText(message), blocks: slackBlocks(message), unfurl_links: false, unfurl_media: false };
}

/** Incoming webhook: answers 200 `ok`, or 4xx with an error word (`invalid_payload`, `no_service` …). */
export async function sendSlackWebhook(url: string, message: ChatMessage, options: SendOptions = {}) {
  await postJson("Slack webhook", url, slackPayload(message), options, {
    hint: "Check the slack-webhook secret holds a current incoming webhook URL (Slack app → Incoming Webhooks).",
  });
}

export interface SlackApiOptions extends SendOptions {
  token: string;
  channel: string;
  threadTs?: string;
  /** Web API base URL, default https://slack.com/api. */
  apiUrl?: string;
}

const postMessageAnswer = z.object({
  ok: z.boolean(),
  ts: z.string().optional(),
  channel: z.string().optional(),
  error: z.string().optional(),
});

const API_HINTS: Record<string, string> = {
  invalid_auth: "Check slack-token: a bot token (xoxb-…) of an app installed in this workspace.",
  not_authed: "Check slack-token is passed to this step.",
  token_revoked: "The slack-token was revoked: create a new one.",
  account_inactive: "The slack-token belongs to a deleted user or app: create a new one.",
  missing_scope: "Add the chat:write scope to the Slack app and reinstall it.",
  channel_not_found: "Check slack-channel: a channel ID (C0123456789) the app can see.",
  not_in_channel: "Invite the app to the channel (/invite @app) or give it the chat:write.public scope.",
  is_archived: "The channel is archived: choose another slack-channel.",
  thread_not_found: "Check slack-thread-ts: the ts of a message in that channel.",
};

/**
 * chat.postMessage. Slack answers HTTP 200 with `{ok: false, error}` for most failures: those are
 * failures too. Returns the message's `ts` (to reply in its thread later) and the channel ID.
 */
export async function postSlackMessage(
  message: ChatMessage,
  options: SlackApiOptions,
): Promise<{ ts: string; channel: string }> {
  const label = "Slack API";
  const http = chatClient(label, options);
  const base = (options.apiUrl ?? "https://slack.com/api").replace(/\/+$/, "");
  let answer: z.infer<typeof postMessageAnswer>;
  try {
    const response = await http.request({
      method: "POST",
      path: `${base}/chat.postMessage`,
      headers: { authorization: `Bearer ${options.token}` },
      body: {
        channel: options.channel,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
        ...slackPayload(message),
      },
      schema: postMessageAnswer,
      safeToRetry: true,
    });
    answer = response.data;
  } catch (error) {
    throw channelError(label, error, "Check slack-api-url and Slack's status page, then re-run.");
  }
  if (!answer.ok || !answer.ts) {
    const code = answer.error ?? "no ts in the answer";
    throw new ChannelError(
      `${label}: chat.postMessage failed: ${code}.${API_HINTS[code] ? ` ${API_HINTS[code]}` : ""}`,
      200,
      code,
    );
  }
  return { ts: answer.ts, channel: answer.channel ?? options.channel };
}
