import { type Fault, type SimRequest, type SimResponse, SimServer } from "./server.ts";

export const CHAT_CHANNELS = ["slack-webhook", "slack-api", "discord", "teams", "webhook"] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/** A SimServer fault without `match`: the channel decides what it matches. */
export type ChatFault = Fault extends infer F ? (F extends unknown ? Omit<F, "match"> : never) : never;

export interface ChatDelivery {
  channel: ChatChannel;
  body: unknown;
  headers: SimRequest["headers"];
  /** For slack-api: the ts the message got. */
  ts?: string;
}

export interface ChatSimulatorOptions {
  /** The bot token chat.postMessage accepts; any other answers `{ok: false, error: "invalid_auth"}`. */
  slackToken?: string;
}

// Paths as the real services have them, so a URL from the simulator looks like the real thing.
const ROUTES: [ChatChannel, RegExp][] = [
  ["slack-webhook", /^\/services\/[^/]+\/[^/]+\/[^/]+$/],
  ["slack-api", /^(?:\/api)?\/chat\.postMessage$/],
  ["discord", /^\/api\/webhooks\/\d+\/[^/]+$/],
  ["teams", /^\/workflows\/[^/]+\/triggers\/manual\/paths\/invoke$/],
  ["webhook", /^\/hooks\/.+$/],
];

/**
 * One local server standing in for Slack (incoming webhooks and chat.postMessage), Discord, a Teams
 * workflow and a generic webhook. It checks what each platform checks (Block Kit limits, embed limits,
 * card size) and answers as they do, records what each channel accepted, and plays injected faults.
 */
export class ChatSimulator {
  readonly server: SimServer;
  readonly delivered: ChatDelivery[] = [];
  readonly slackToken: string;
  private nextTs = 1;

  constructor(options: ChatSimulatorOptions = {}) {
    this.slackToken = options.slackToken ?? "xoxb-simulated-bot-token";
    this.server = new SimServer((request) => this.handle(request));
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  get slackWebhookUrl(): string {
    return `${this.url}/services/T0SIM/B0SIM/simulatedSlackSecret0001`;
  }

  /** The slack-api-url input: chat.postMessage is under it. */
  get slackApiUrl(): string {
    return `${this.url}/api`;
  }

  get discordWebhookUrl(): string {
    return `${this.url}/api/webhooks/123456789012345678/simulatedDiscordSecret0001`;
  }

  get teamsWebhookUrl(): string {
    return `${this.url}/workflows/0sim0/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=simulatedTeamsSig0001`;
  }

  get webhookUrl(): string {
    return `${this.url}/hooks/rollback`;
  }

  /** Bodies the channel accepted, oldest first. */
  messages(channel: ChatChannel): unknown[] {
    return this.delivered.filter((d) => d.channel === channel).map((d) => d.body);
  }

  /** Every request that reached the channel's path, faults and rejections included. */
  requests(channel: ChatChannel): SimRequest[] {
    return this.server.requests.filter((request) => channelOf(request.path) === channel);
  }

  /** Plays `fault` on the channel's next request(s). */
  inject(channel: ChatChannel, fault: ChatFault): this {
    const path = ROUTES.find(([name]) => name === channel)?.[1];
    this.server.inject({ ...fault, match: { method: "POST", path } } as Fault);
    return this;
  }

  private handle(request: SimRequest): SimResponse {
    // Read-only: Slack's auth.test (api.slack.com/methods/auth.test) names the token's team and user.
    if (request.path === "/api/auth.test") {
      const token = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      return token === this.slackToken
        ? {
            status: 200,
            body: { ok: true, team: "Shop", team_id: "T0SIM", user: "rollback-bot", user_id: "U0SIM" },
          }
        : { status: 200, body: { ok: false, error: "invalid_auth" } };
    }
    const channel = channelOf(request.path);
    if (!channel || request.method !== "POST") return { status: 404, body: "not found" };
    if (typeof request.body !== "object" || request.body === null) {
      return channel === "slack-api"
        ? { status: 200, body: { ok: false, error: "invalid_json" } }
        : {
            status: 400,
            body: channel === "slack-webhook" ? "invalid_payload" : { message: "Invalid JSON" },
          };
    }
    const body = request.body as Record<string, unknown>;
    const record = (extra: Partial<ChatDelivery> = {}) =>
      this.delivered.push({ channel, body, headers: request.headers, ...extra });
    switch (channel) {
      case "slack-webhook": {
        const problem = slackProblem(body);
        if (problem) return { status: 400, body: problem };
        record();
        return { status: 200, body: "ok" };
      }
      case "slack-api":
        return this.postMessage(request, body, record);
      case "discord": {
        const problem = discordProblem(body);
        if (problem) return { status: 400, body: { code: 50035, message: `Invalid Form Body (${problem})` } };
        record();
        return { status: 204 };
      }
      case "teams": {
        const problem = teamsProblem(body, request.rawBody);
        if (problem)
          return {
            status: problem.status,
            body: { error: { code: problem.code, message: problem.message } },
          };
        record();
        return { status: 202 };
      }
      case "webhook":
        record();
        return { status: 200, body: { received: true } };
    }
  }

  private postMessage(
    request: SimRequest,
    body: Record<string, unknown>,
    record: (extra?: Partial<ChatDelivery>) => void,
  ): SimResponse {
    const auth = request.headers.authorization ?? "";
    if (!auth) return { status: 200, body: { ok: false, error: "not_authed" } };
    if (auth !== `Bearer ${this.slackToken}`)
      return { status: 200, body: { ok: false, error: "invalid_auth" } };
    if (typeof body.channel !== "string" || !body.channel) {
      return { status: 200, body: { ok: false, error: "channel_not_found" } };
    }
    const threadTs = body.thread_ts;
    if (threadTs !== undefined) {
      const known = this.delivered.some((d) => d.channel === "slack-api" && d.ts === threadTs);
      if (!known) return { status: 200, body: { ok: false, error: "thread_not_found" } };
    }
    const problem = slackProblem(body);
    if (problem) return { status: 200, body: { ok: false, error: problem } };
    const n = this.nextTs++;
    const ts = `${1_700_000_000 + n}.${String(n).padStart(6, "0")}`;
    record({ ts });
    return { status: 200, body: { ok: true, channel: body.channel, ts, message: { text: body.text, ts } } };
  }
}

function channelOf(path: string): ChatChannel | undefined {
  return ROUTES.find(([, pattern]) => pattern.test(path))?.[0];
}

const SLACK_BLOCK_TYPES = new Set([
  "header",
  "section",
  "context",
  "actions",
  "divider",
  "image",
  "rich_text",
]);

/** The value at `path` inside a parsed JSON body, or undefined. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A string's length; 0 for anything else. */
function len(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Slack's answer word for a payload it rejects (Block Kit limits), or undefined when it is fine. */
export function slackProblem(body: Record<string, unknown>): string | undefined {
  const blocks = body.blocks;
  if (blocks === undefined) return len(body.text) ? undefined : "no_text";
  if (!Array.isArray(blocks) || blocks.length > 50) return "invalid_blocks";
  for (const block of blocks) {
    const type = at(block, "type");
    if (typeof type !== "string" || !SLACK_BLOCK_TYPES.has(type)) return "invalid_blocks";
    if (type === "header") {
      const text = len(at(block, "text", "text"));
      if (at(block, "text", "type") !== "plain_text" || text === 0 || text > 150) return "invalid_blocks";
    }
    if (type === "section") {
      const text = at(block, "text");
      const fields = at(block, "fields");
      if (!text && !fields) return "invalid_blocks";
      if (text && (len(at(text, "text")) === 0 || len(at(text, "text")) > 3000)) return "invalid_blocks";
      if (fields !== undefined) {
        const items = list(fields);
        if (!Array.isArray(fields) || items.length === 0 || items.length > 10) return "invalid_blocks";
        if (items.some((field) => len(at(field, "text")) === 0 || len(at(field, "text")) > 2000)) {
          return "invalid_blocks";
        }
      }
    }
    if (type === "context" || type === "actions") {
      const elements = at(block, "elements");
      const max = type === "context" ? 10 : 25;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > max) return "invalid_blocks";
    }
  }
  return undefined;
}

/** Discord's embed limits; the first one broken, or undefined. */
export function discordProblem(body: Record<string, unknown>): string | undefined {
  const embeds = body.embeds;
  if (embeds === undefined) return len(body.content) ? undefined : "empty message";
  if (!Array.isArray(embeds) || embeds.length > 10) return "embeds";
  let total = 0;
  for (const embed of embeds) {
    if (len(at(embed, "title")) > 256) return "embeds.title";
    if (len(at(embed, "description")) > 4096) return "embeds.description";
    if (len(at(embed, "footer", "text")) > 2048) return "embeds.footer.text";
    const fields = list(at(embed, "fields"));
    if (fields.length > 25) return "embeds.fields";
    for (const field of fields) {
      const name = len(at(field, "name"));
      const value = len(at(field, "value"));
      if (!name || name > 256) return "embeds.fields.name";
      if (!value || value > 1024) return "embeds.fields.value";
      total += name + value;
    }
    total +=
      len(at(embed, "title")) +
      len(at(embed, "description")) +
      len(at(embed, "footer", "text")) +
      len(at(embed, "author", "name"));
  }
  return total > 6000 ? "embeds: total length over 6000" : undefined;
}

/** A Teams workflow's checks: the message envelope with an Adaptive Card, and the ~28 KB size limit. */
export function teamsProblem(
  body: Record<string, unknown>,
  raw: string,
): { status: number; code: string; message: string } | undefined {
  if (Buffer.byteLength(raw, "utf8") > 28 * 1024) {
    return { status: 413, code: "MessageSizeTooBig", message: "The message is larger than 28 KB." };
  }
  const valid =
    body.type === "message" &&
    at(body, "attachments", 0, "contentType") === "application/vnd.microsoft.card.adaptive" &&
    at(body, "attachments", 0, "content", "type") === "AdaptiveCard" &&
    typeof at(body, "attachments", 0, "content", "version") === "string" &&
    Array.isArray(at(body, "attachments", 0, "content", "body"));
  return valid
    ? undefined
    : { status: 400, code: "InvalidTemplate", message: "The body is not a message with an Adaptive Card." };
}
