import type { RunContext } from "../../core/context.ts";

/** What a notification says, independent of the channel it goes to. */
// `unverified`: rolled back, but the verification did not conclude (an inconclusive verdict): never a recovery.
export const STATUSES = ["started", "succeeded", "failed", "cancelled", "info", "unverified"] as const;
export type ChatStatus = (typeof STATUSES)[number];

export interface ChatField {
  name: string;
  value: string;
}

export interface ChatMessage {
  status: ChatStatus;
  title: string;
  /** Free text; may be empty. */
  message: string;
  /** Shown as a table (Slack fields, Discord embed fields, a Teams FactSet). */
  fields: ChatField[];
  /** ISO 8601 time of the notification. */
  time: string;
  /** Link to the workflow run (the button / card action). */
  runUrl?: string;
  actor?: string;
  /** owner/name */
  repository?: string;
  repositoryUrl?: string;
  ref?: string;
  sha?: string;
  workflow?: string;
}

export interface StatusStyle {
  /** Slack emoji shortcode. */
  emoji: string;
  /** Unicode emoji, for channels without shortcodes. */
  symbol: string;
  /** RGB colour. */
  color: number;
  /** Adaptive Card text colour. */
  teamsColor: "Good" | "Attention" | "Warning" | "Accent" | "Default";
  word: string;
}

export const STATUS_STYLE: Record<ChatStatus, StatusStyle> = {
  started: {
    emoji: ":rotating_light:",
    symbol: "🚨",
    color: 0xdbab09,
    teamsColor: "Warning",
    word: "Started",
  },
  succeeded: {
    emoji: ":white_check_mark:",
    symbol: "✅",
    color: 0x2eb67d,
    teamsColor: "Good",
    word: "Succeeded",
  },
  failed: { emoji: ":x:", symbol: "❌", color: 0xe01e5a, teamsColor: "Attention", word: "Failed" },
  cancelled: {
    emoji: ":no_entry_sign:",
    symbol: "🚫",
    color: 0x868e96,
    teamsColor: "Default",
    word: "Cancelled",
  },
  info: { emoji: ":information_source:", symbol: "ℹ️", color: 0x1d9bd1, teamsColor: "Accent", word: "Info" },
  unverified: {
    emoji: ":warning:",
    symbol: "⚠️",
    color: 0xe8912d,
    teamsColor: "Warning",
    word: "Rolled back, not verified",
  },
};

/** The run's context, as the runner's run context has it; each part is absent outside a runner. */
export function contextFromRun(
  run: RunContext,
): Pick<ChatMessage, "runUrl" | "actor" | "repository" | "repositoryUrl" | "ref" | "sha" | "workflow"> {
  const repository = run.repository?.full;
  return {
    runUrl: run.runUrl,
    actor: run.actor,
    repository,
    repositoryUrl: repository ? `${run.serverUrl}/${repository}` : undefined,
    // A branch or tag reads better short: refs/heads/main → main.
    ref: run.ref?.replace(/^refs\/(heads|tags)\//, ""),
    sha: run.sha,
    workflow: run.workflow,
  };
}

const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` UTF-16 units (what the platforms count, or more), ending with an
 * ellipsis, never splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let cut = text.slice(0, max - ELLIPSIS.length);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/** `Key: value` lines. Returns the 1-based numbers of lines that are not of that form in `bad`. */
export function parseFields(raw: string): { fields: ChatField[]; bad: number[] } {
  const fields: ChatField[] = [];
  const bad: number[] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon).trim() : "";
    if (!name) {
      bad.push(index + 1);
      return;
    }
    fields.push({ name, value: line.slice(colon + 1).trim() });
  });
  return { fields, bad };
}

/** One line of context: status, repository@ref (linked), workflow, actor, time. */
export function contextParts(message: ChatMessage): { text: string; url?: string }[] {
  const parts: { text: string; url?: string }[] = [{ text: STATUS_STYLE[message.status].word }];
  if (message.repository) {
    const text = `${message.repository}${message.ref ? `@${message.ref}` : ""}`;
    parts.push(message.repositoryUrl ? { text, url: message.repositoryUrl } : { text });
  }
  if (message.workflow) parts.push({ text: `workflow ${message.workflow}` });
  if (message.actor) parts.push({ text: `by ${message.actor}` });
  parts.push({ text: message.time.replace(/\.\d+Z$/, "Z") });
  return parts;
}

/**
 * Text from commit messages, reasons and bodies, made inert for Discord's and Teams' Markdown: no bold,
 * links, headings, quotes, spoilers or code from someone's commit message. Underscores inside words stay
 * (`dpl_abc`), since no renderer reads them as emphasis there.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*`~|[\]]/g, "\\$&")
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace("_", "\\_"))
    .replace(/^(\s*)(#|>|-#)/gm, "$1\\$2")
    .replace(/<(?=[@#:]|a:|t:)/g, "\\<");
}

/** The same for GitHub Markdown (issues): also no HTML and no @mentions (which notify people and teams). */
export function escapeGitHubMarkdown(text: string): string {
  return escapeMarkdown(text)
    .replace(/\\\|/g, "|")
    .replace(/</g, "&lt;")
    .replace(/@(?=[\w-])/g, "@\u2060");
}
