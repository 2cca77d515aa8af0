import { type ChatMessage, contextParts, escapeMarkdown, STATUS_STYLE, truncate } from "./message.ts";
import { postJson, type SendOptions } from "./send.ts";

/** Teams rejects messages over about 28 KB; stay under with a margin for the workflow's envelope. */
export const TEAMS_LIMITS = { bytes: 27_000, title: 256, factValue: 1000, message: 20_000 } as const;

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

type CardElement =
  | {
      type: "TextBlock";
      text: string;
      wrap: true;
      size?: "Small" | "Default" | "Large";
      weight?: "Bolder";
      color?: string;
      isSubtle?: boolean;
      style?: "heading";
    }
  | { type: "FactSet"; facts: { title: string; value: string }[] };

export interface AdaptiveCard {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.4";
  msteams: { width: "Full" };
  body: CardElement[];
  actions: { type: "Action.OpenUrl"; title: string; url: string }[];
}

/** What a Teams workflow ("Post to a channel when a webhook request is received") expects. */
export interface TeamsPayload {
  type: "message";
  attachments: { contentType: typeof ADAPTIVE_CARD; contentUrl: null; content: AdaptiveCard }[];
}

export function payloadBytes(payload: unknown): number {
  return Buffer.byteLength(JSON.stringify(payload), "utf8");
}

function card(message: ChatMessage, messageMax: number, factCount: number): TeamsPayload {
  const style = STATUS_STYLE[message.status];
  const body: CardElement[] = [
    {
      type: "TextBlock",
      text: truncate(`${style.symbol} ${escapeMarkdown(message.title)}`, TEAMS_LIMITS.title),
      size: "Large",
      weight: "Bolder",
      color: style.teamsColor,
      style: "heading",
      wrap: true,
    },
  ];
  // Commit messages and reasons are text, not Markdown.
  const text = truncate(escapeMarkdown(message.message.trim()), messageMax);
  if (text) body.push({ type: "TextBlock", text, wrap: true });
  if (message.fields.length) {
    const facts = message.fields.slice(0, factCount).map((field) => ({
      title: truncate(escapeMarkdown(field.name), TEAMS_LIMITS.factValue),
      value: truncate(escapeMarkdown(field.value), TEAMS_LIMITS.factValue) || "–",
    }));
    const hidden = message.fields.length - facts.length;
    if (hidden > 0) facts.push({ title: "…", value: `${hidden} more fields, not shown` });
    body.push({ type: "FactSet", facts });
  }
  const context = contextParts(message)
    .map((part) => (part.url ? `[${escapeMarkdown(part.text)}](${part.url})` : escapeMarkdown(part.text)))
    .join(" · ");
  body.push({ type: "TextBlock", text: context, size: "Small", isSubtle: true, wrap: true });
  return {
    type: "message",
    attachments: [
      {
        contentType: ADAPTIVE_CARD,
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          msteams: { width: "Full" },
          body,
          actions: message.runUrl
            ? [{ type: "Action.OpenUrl", title: "View workflow run", url: message.runUrl }]
            : [],
        },
      },
    ],
  };
}

/**
 * An Adaptive Card: title coloured by status, the message, the fields as a FactSet, a context line and
 * an Action.OpenUrl to the run. Over the size limit, the message shrinks first, then fields are left out.
 */
export function teamsPayload(message: ChatMessage): TeamsPayload {
  let messageMax = Math.min(TEAMS_LIMITS.message, message.message.length);
  let factCount = message.fields.length;
  for (;;) {
    const payload = card(message, messageMax, factCount);
    const excess = payloadBytes(payload) - TEAMS_LIMITS.bytes;
    if (excess <= 0 || (messageMax === 0 && factCount === 0)) return payload;
    if (messageMax > 1000) messageMax = Math.max(1000, messageMax - excess - 100);
    else if (factCount > 0) factCount = Math.max(0, factCount - Math.ceil(excess / 200));
    else messageMax = Math.max(0, messageMax - excess - 100);
  }
}

/** Teams workflow webhook: answers 202 Accepted (the flow runs afterwards). */
export async function sendTeams(url: string, message: ChatMessage, options: SendOptions = {}) {
  await postJson("Teams webhook", url, teamsPayload(message), options, {
    hint: "Check the teams-webhook secret holds the URL of a Teams workflow (Workflows → Post to a channel when a webhook request is received).",
  });
}
