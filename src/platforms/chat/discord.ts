import { type ChatMessage, contextParts, escapeMarkdown, STATUS_STYLE, truncate } from "./message.ts";
import { postJson, type SendOptions } from "./send.ts";

/** Embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** title + description + field names and values + footer + author name, over all embeds. */
  total: 6000,
} as const;

export interface DiscordEmbed {
  title: string;
  description?: string;
  url?: string;
  color: number;
  timestamp: string;
  fields: { name: string; value: string; inline: boolean }[];
  footer: { text: string };
  author?: { name: string };
}

export interface DiscordPayload {
  embeds: DiscordEmbed[];
  /** Text from a rollback must never ping @everyone or a role. */
  allowed_mentions: { parse: [] };
}

export function embedLength(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    (embed.description?.length ?? 0) +
    embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    embed.footer.text.length +
    (embed.author?.name.length ?? 0)
  );
}

/** One embed: colour by status, the fields, a timestamp, the run's link; cut to Discord's limits. */
export function discordPayload(message: ChatMessage): DiscordPayload {
  const style = STATUS_STYLE[message.status];
  const fields = message.fields.map((field) => ({
    // Discord rejects empty names and values.
    name: truncate(escapeMarkdown(field.name), DISCORD_LIMITS.fieldName) || "–",
    value: truncate(escapeMarkdown(field.value), DISCORD_LIMITS.fieldValue) || "–",
    inline: field.value.length <= 40,
  }));
  const embed: DiscordEmbed = {
    title: truncate(`${style.symbol} ${escapeMarkdown(message.title)}`, DISCORD_LIMITS.title),
    color: style.color,
    timestamp: message.time,
    fields: [],
    footer: {
      text: truncate(
        contextParts(message)
          .map((part) => escapeMarkdown(part.text))
          .join(" · "),
        512,
      ),
    },
    ...(message.runUrl ? { url: message.runUrl } : {}),
  };
  // Commit messages and reasons are text, not Markdown.
  const text = message.message.trim() ? escapeMarkdown(message.message) : "";
  const total = () => embedLength(embed);
  // Fields first (they carry what changed), keeping room for the start of the message; a last field
  // says how many were left out.
  const reserve = Math.min(text.length, 1000) + 40;
  for (const [index, field] of fields.entries()) {
    const left = fields.length - index;
    const lastSlot = embed.fields.length === DISCORD_LIMITS.fields - 1;
    if (
      (lastSlot && left > 1) ||
      total() + field.name.length + field.value.length > DISCORD_LIMITS.total - reserve
    ) {
      embed.fields.push({ name: "…", value: `${left} more fields, not shown`, inline: false });
      break;
    }
    embed.fields.push(field);
  }
  // Then the message, in what is left.
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - total());
  if (text && room > 0) embed.description = truncate(text, room);
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

/** Discord webhook: answers 204 No Content (200 with the message when `?wait=true`). */
export async function sendDiscord(url: string, message: ChatMessage, options: SendOptions = {}) {
  await postJson("Discord webhook", url, discordPayload(message), options, {
    hint: "Check the discord-webhook secret holds a current webhook URL (channel → Integrations → Webhooks).",
  });
}
