import { z } from "zod";
import type { ChatStatus } from "./chat/message.ts";
import { truncate } from "./chat/message.ts";
import { ChannelError, channelError, chatClient, type SendOptions } from "./chat/send.ts";

// PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/trigger-events): POST /v2/enqueue with
// the routing key in the body (no auth header); 202 `{status: "success", message, dedup_key}`; 400 `{status:
// "invalid event", message, errors}` must not be retried; 429 and 5xx may be (the docs ask clients to retry).

export type EventAction = "trigger" | "resolve";
export type Severity = "critical" | "error" | "warning" | "info";

/** What each status sends: trigger on started/failed, resolve on succeeded, nothing otherwise. */
export function pagerDutyAction(status: ChatStatus): { action: EventAction; severity: Severity } | undefined {
  if (status === "started") return { action: "trigger", severity: "error" };
  if (status === "failed") return { action: "trigger", severity: "critical" };
  if (status === "succeeded") return { action: "resolve", severity: "info" };
  return undefined;
}

/** PagerDuty's limits: summary 1024 characters, dedup_key 255. */
export const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255 } as const;

export interface PagerDutyEvent {
  routing_key: string;
  event_action: EventAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: Severity;
    timestamp: string;
    component?: string;
    group?: string;
    class: string;
    custom_details: Record<string, string>;
  };
  client: string;
  client_url?: string;
  links?: { href: string; text: string }[];
}

export interface PagerDutyMessage {
  status: ChatStatus;
  summary: string;
  source: string;
  dedupKey: string;
  time: string;
  environment?: string;
  details: Record<string, string>;
  runUrl?: string;
}

/** The event body; `undefined` when the status sends nothing. Resolve events carry no payload. */
export function pagerDutyEvent(routingKey: string, message: PagerDutyMessage): PagerDutyEvent | undefined {
  const what = pagerDutyAction(message.status);
  if (!what) return undefined;
  const base = {
    routing_key: routingKey,
    event_action: what.action,
    dedup_key: truncate(message.dedupKey, PAGERDUTY_LIMITS.dedupKey),
    client: "production-rollback",
    ...(message.runUrl ? { client_url: message.runUrl } : {}),
  };
  if (what.action === "resolve") return base;
  return {
    ...base,
    payload: {
      summary: truncate(message.summary, PAGERDUTY_LIMITS.summary),
      source: message.source,
      severity: what.severity,
      timestamp: message.time,
      ...(message.environment ? { component: message.environment } : {}),
      group: "production-rollback",
      class: "rollback",
      custom_details: message.details,
    },
    ...(message.runUrl ? { links: [{ href: message.runUrl, text: "Workflow run" }] } : {}),
  };
}

const answerSchema = z.object({
  status: z.string(),
  message: z.string().nullish(),
  dedup_key: z.string().nullish(),
});

export interface PagerDutyOptions extends SendOptions {
  routingKey: string;
  /** Events API base, default https://events.pagerduty.com. */
  apiUrl: string;
}

/**
 * Sends the event. Retries are safe here: PagerDuty groups events by `dedup_key`, so a trigger sent twice is
 * one alert and a resolve sent twice resolves once.
 */
export async function sendPagerDuty(
  message: PagerDutyMessage,
  options: PagerDutyOptions,
): Promise<{ action: EventAction; dedupKey: string } | undefined> {
  const event = pagerDutyEvent(options.routingKey, message);
  if (!event) return undefined;
  const label = "PagerDuty";
  try {
    const response = await chatClient(label, options, { errorDetails: pagerDutyError }).request({
      method: "POST",
      path: `${options.apiUrl.replace(/\/+$/, "")}/v2/enqueue`,
      body: event,
      schema: answerSchema,
      safeToRetry: true,
    });
    return { action: event.event_action, dedupKey: response.data.dedup_key ?? event.dedup_key };
  } catch (error) {
    const hint =
      error instanceof Error && "status" in error && (error as { status?: number }).status === 400
        ? "Check pagerduty-routing-key: the Integration Key of an Events API v2 integration on the service."
        : "Check pagerduty-api-url and PagerDuty's status, then re-run.";
    throw error instanceof ChannelError ? error : channelError(label, error, hint);
  }
}

/** `{message, errors: [...]}` → code "invalid event", message with the first errors. */
function pagerDutyError(body: unknown): { code?: string; message?: string } | undefined {
  if (!body || typeof body !== "object")
    return typeof body === "string" ? { message: body.slice(0, 200) } : undefined;
  const b = body as { status?: unknown; message?: unknown; errors?: unknown };
  const errors = Array.isArray(b.errors) ? b.errors.filter((e) => typeof e === "string").slice(0, 3) : [];
  const message = [typeof b.message === "string" ? b.message : undefined, ...errors]
    .filter(Boolean)
    .join(": ");
  return {
    code: typeof b.status === "string" ? b.status : undefined,
    message: message.slice(0, 200) || undefined,
  };
}
