import type { ChatField, ChatMessage, ChatStatus } from "./message.ts";
import { postJson, type SendOptions } from "./send.ts";

/**
 * The generic webhook's body, version 1. A stable contract (documented field by field in
 * actions/notify/README.md): fields are only ever added; a breaking change bumps `version`.
 */
export interface WebhookPayloadV1 {
  version: 1;
  source: "production-rollback/notify";
  status: ChatStatus;
  title: string;
  message: string;
  fields: ChatField[];
  time: string;
  repository: string | null;
  ref: string | null;
  sha: string | null;
  actor: string | null;
  workflow: string | null;
  run_url: string | null;
  incident: WebhookIncident | null;
}

export interface WebhookIncident {
  title: string;
  reason: string | null;
  impact: string | null;
  resolution: string | null;
  duration_ms: number | null;
}

export function webhookPayload(message: ChatMessage, incident?: WebhookIncident): WebhookPayloadV1 {
  return {
    version: 1,
    source: "production-rollback/notify",
    status: message.status,
    title: message.title,
    message: message.message,
    fields: message.fields.map(({ name, value }) => ({ name, value })),
    time: message.time,
    repository: message.repository ?? null,
    ref: message.ref ?? null,
    sha: message.sha ?? null,
    actor: message.actor ?? null,
    workflow: message.workflow ?? null,
    run_url: message.runUrl ?? null,
    incident: incident ?? null,
  };
}

/** POSTs the body as JSON; any 2xx is a delivery. `headers` carry the receiver's credentials. */
export async function sendWebhook(
  url: string,
  payload: WebhookPayloadV1,
  options: SendOptions & { headers?: Record<string, string> } = {},
) {
  await postJson("Webhook", url, payload, options, {
    headers: options.headers,
    hint: "Check the webhook-url secret and that the receiver answers 2xx to a JSON POST.",
  });
}
