import type { Settings } from "../../core/action.ts";
import type { RunContext } from "../../core/context.ts";
import { redact } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";
import { type ChatMessage, type ChatStatus, contextFromRun } from "../../platforms/chat/message.ts";
import { type WebhookPayloadV1, webhookPayload } from "../../platforms/chat/webhook.ts";
import type { IncidentReport } from "../../platforms/github/issues.ts";
import type { PagerDutyMessage } from "../../platforms/pagerduty.ts";
import { DEFAULT_TEXT, IMPACTS, type Impact, type IncidentText } from "../../platforms/status/common.ts";
import type { NotifyInputs } from "./inputs.ts";

/** Everything that is said, once, in each channel's terms. */
export interface Said {
  status: ChatStatus;
  shown: ChatMessage;
  webhook: WebhookPayloadV1;
  incident: IncidentReport;
  /** What the public reads on a status page. */
  statusPage: IncidentText;
  pagerDuty: PagerDutyMessage;
  /** The deployment status's description. */
  deployment: string;
}

const PHASE: Record<ChatStatus, string> = {
  started: "Rollback started",
  succeeded: "Rollback succeeded",
  failed: "Rollback failed",
  cancelled: "Rollback cancelled",
  info: "Rollback update",
  unverified: "Rolled back, not verified",
};

export function compose(
  settings: Settings<NotifyInputs>,
  status: ChatStatus,
  run: RunContext,
  now: number,
): Said {
  const context = contextFromRun(run);
  const time = new Date(now).toISOString();
  const started = settings["started-at"];
  const durationMs = started === undefined ? undefined : Math.max(0, now - started);
  // What people read must not carry a secret even when one was pasted into the text.
  const userFields = settings.fields.map((f) => ({ name: redact(f.name), value: redact(f.value) }));
  const reason = settings.reason && redact(settings.reason);
  const impact = settings.impact && redact(settings.impact);
  const resolution = settings.resolution && redact(settings.resolution);
  const base: ChatMessage = {
    status,
    title: redact(settings.title),
    message: redact(settings.message),
    fields: userFields,
    time,
    ...context,
  };
  // In chat, the reason leads and the incident's facts follow what changed.
  const shown: ChatMessage = {
    ...base,
    fields: [
      ...(reason ? [{ name: "Reason", value: reason }] : []),
      ...userFields,
      ...(durationMs !== undefined ? [{ name: "Duration", value: formatMs(durationMs) }] : []),
      ...(impact ? [{ name: "Impact", value: impact }] : []),
      ...(resolution ? [{ name: "Resolution", value: resolution }] : []),
    ],
  };
  const incidentTitle = redact(settings["incident-title"] ?? settings.title);
  const webhook = webhookPayload(base, {
    title: incidentTitle,
    reason: reason ?? null,
    impact: impact ?? null,
    resolution: resolution ?? null,
    duration_ms: durationMs ?? null,
  });
  const incident: IncidentReport = {
    ...context,
    title: incidentTitle,
    status,
    time,
    message: base.message,
    changes: userFields,
    reason,
    durationMs,
    impact,
    resolution,
  };
  // `impact` is free text for the report; one of Statuspage's words also sets the page's impact. The
  // runbook's "Impact: High" is `major`.
  const pageImpact: Impact = (IMPACTS as readonly string[]).includes(impact ?? "")
    ? (impact as Impact)
    : "major";
  const statusPage: IncidentText = {
    name: redact(settings["status-page-title"]),
    message: redact(settings["status-page-message"] ?? DEFAULT_TEXT.message[status]),
    impact: pageImpact,
  };
  const repository = run.repository?.full ?? "unknown repository";
  const environment = settings.environment;
  const pagerDuty: PagerDutyMessage = {
    status,
    summary: `${PHASE[status]}: ${base.title}${environment ? ` (${environment})` : ""}${reason ? `: ${reason}` : ""}`,
    source: environment ? `${repository} ${environment}` : repository,
    dedupKey: settings["dedup-key"] || [repository, environment, run.runId].filter(Boolean).join("/"),
    time,
    environment,
    details: Object.fromEntries(shown.fields.map((f) => [f.name, f.value])),
    runUrl: run.runUrl,
  };
  const deployment = `${PHASE[status]}${reason ? `: ${reason}` : ""}`;
  return { status, shown, webhook, incident, statusPage, pagerDuty, deployment };
}
