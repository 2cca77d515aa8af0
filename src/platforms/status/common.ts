import type { z } from "zod";
import { HttpClient, parseRetryAfter, type RequestOptions, sleep } from "../../core/http.ts";
import type { ChatStatus } from "../chat/message.ts";
import { ChannelError, channelError, type SendOptions } from "../chat/send.ts";

/** The impact words Statuspage uses (`impact_override`); the other providers map from them. */
export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

/** What the public reads: the runbook's "Status Page Update" (Title, Status, Impact, Message). */
export interface IncidentText {
  name: string;
  message: string;
  impact: Impact;
}

export interface Incident {
  id: string;
  name: string;
  resolved: boolean;
  /** Public link to the incident, when the provider returns one. */
  url?: string;
  /** Components it affects, as the provider lists them: a resolve sets each back to operational. */
  components: string[];
}

export interface Component {
  id: string;
  name: string;
}

/** Where an incident stands after a message: `monitoring` is "rolled back, not verified yet". */
export type IncidentState = "investigating" | "monitoring" | "resolved";

/** One provider's incident calls; `incident.ts` decides which to make. */
export interface StatusPageClient {
  /** Channel name in the `sent` output. */
  readonly channel: "statuspage" | "instatus" | "betterstack";
  /** Name in messages: "Statuspage", "Instatus", "Better Stack". */
  readonly label: string;
  components(): Promise<Component[]>;
  /** The incident, or undefined when the page has no incident with this id. */
  get(id: string): Promise<Incident | undefined>;
  /**
   * The newest incident, open or resolved, whose name ends with `tag` (the rollback's own mark: never a
   * name a person would give). `search` is a word of the tag a provider's search may narrow by.
   */
  find(tag: string, search: string): Promise<Incident | undefined>;
  open(text: IncidentText, components: string[], state: IncidentState): Promise<Incident>;
  /** A new update on the incident; `resolved` also closes it and sets its components operational. */
  update(id: string, text: IncidentText, components: string[], state: IncidentState): Promise<void>;
}

export interface StatusPageOptions extends SendOptions {
  apiKey: string;
  pageId: string;
  apiUrl: string;
}

/** The runbook's wording, per phase of the rollback; `status-page-message` replaces it. */
export const DEFAULT_TEXT = {
  name: "Service Degradation",
  message: {
    started: "We're currently experiencing issues and have initiated a rollback to restore service.",
    failed:
      "The rollback has not restored service yet. We're continuing to work on it and will post another update soon.",
    cancelled: "We're continuing to work on restoring service and will post another update soon.",
    info: "We're continuing to investigate and will post another update soon.",
    unverified:
      "We've rolled back to the previous version and are monitoring the results before calling service restored.",
    succeeded:
      "Service has been restored by rolling back to the previous version. This incident is resolved.",
  } satisfies Record<ChatStatus, string>,
} as const;

/**
 * An HttpClient for a status page API: JSON, the provider's auth header, and Statuspage's 420 treated like
 * 429 (its docs: "420 or 429 … Retry-After"), since both mean the request was refused before it acted.
 */
export class StatusHttp {
  readonly label: string;
  private readonly http: HttpClient;
  private readonly options: SendOptions;

  constructor(label: string, baseUrl: string, headers: Record<string, string>, options: SendOptions) {
    this.label = label;
    this.options = options;
    this.http = new HttpClient({
      baseUrl,
      platform: label,
      headers,
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 4,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 8_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      errorDetails: providerError,
      onRetry: (event) => options.log?.(`${label}: ${event.reason}, retrying (attempt ${event.attempt + 1})`),
    });
  }

  async request<T>(request: RequestOptions<T>, hint?: string): Promise<T> {
    const retries = this.options.retries ?? 4;
    for (let attempt = 0; ; attempt++) {
      try {
        // The schema applies to real answers only, so the 420 is read without it.
        const { schema, ...rest } = request;
        const response = await this.http.request({ ...rest, acceptStatuses: [420] });
        if (response.status !== 420) return parseAnswer(this.label, response.status, response.data, schema);
        const waitMs = parseRetryAfter(response.headers["retry-after"]) ?? 1000 * 2 ** attempt;
        if (attempt >= retries || waitMs > (this.options.maxRetryAfterMs ?? 60_000)) {
          throw new ChannelError(
            `${this.label}: HTTP 420 rate limited (the platform asks to wait ${Math.ceil(waitMs / 1000)}s: try again later).`,
            420,
          );
        }
        this.options.log?.(`${this.label}: 420, retrying in ${Math.ceil(waitMs / 1000)}s`);
        await sleep(waitMs);
      } catch (error) {
        throw channelError(this.label, error, hint);
      }
    }
  }
}

function parseAnswer<T>(label: string, status: number, body: unknown, schema: z.ZodType<T> | undefined): T {
  if (!schema) return body as T;
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  throw new ChannelError(
    `${label}: answered ${status} with a body that is not understood (${where}: ${issue?.message}).`,
    status,
  );
}

/** A read that answers 404 for "no such thing": undefined then. */
export async function orNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ChannelError && error.status === 404) return undefined;
    throw error;
  }
}

/** Error code and message from Statuspage (`{error}`), Instatus (`{message}`), Better Stack (`{errors}`). */
export function providerError(body: unknown): { code?: string; message?: string } | undefined {
  if (typeof body === "string") return body ? { message: body.slice(0, 200) } : undefined;
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const raw = b.error ?? b.errors ?? b.message;
  const text =
    typeof raw === "string"
      ? raw
      : Array.isArray(raw)
        ? raw.filter((item) => typeof item === "string").join("; ")
        : raw && typeof raw === "object"
          ? Object.entries(raw as Record<string, unknown>)
              .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(", ") : String(value)}`)
              .join("; ")
          : undefined;
  const code = typeof b.code === "string" || typeof b.code === "number" ? String(b.code) : undefined;
  return { code, message: text?.slice(0, 200) };
}
