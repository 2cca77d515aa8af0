import { HostedSimulator, type SimRequest, type SimResponse } from "./server.ts";

// PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/overview): POST /v2/enqueue, the
// routing key in the body, no auth header; 202 `{status: "success", message: "Event processed", dedup_key}`;
// a malformed event or an unknown routing key → 400 `{status: "invalid event", message, errors}`.
export const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"];

export interface SimAlert {
  dedupKey: string;
  status: "triggered" | "resolved";
  summary: string;
  severity: string;
  events: number;
}

export class PagerDutySimulator extends HostedSimulator {
  readonly routingKey: string;
  readonly alerts: SimAlert[] = [];

  constructor(options: { routingKey?: string } = {}) {
    super();
    // Integration keys are 32 characters.
    this.routingKey = options.routingKey ?? "R0UT1NGKEYSIMULATED0000000000001";
  }

  reset(): void {
    this.alerts.length = 0;
    this.requests.length = 0;
    this.server.clearFaults();
  }

  protected override handle(request: SimRequest): SimResponse {
    if (request.method !== "POST" || request.path !== "/v2/enqueue")
      return { status: 404, body: "Not Found" };
    const event = (typeof request.body === "object" && request.body ? request.body : {}) as Record<
      string,
      unknown
    >;
    const errors: string[] = [];
    if (event.routing_key !== this.routingKey) errors.push("Invalid routing key");
    const action = event.event_action;
    if (action !== "trigger" && action !== "acknowledge" && action !== "resolve") {
      errors.push("'event_action' is missing or invalid");
    }
    const dedupKey = typeof event.dedup_key === "string" ? event.dedup_key : undefined;
    if (dedupKey && dedupKey.length > 255) errors.push("'dedup_key' must be at most 255 characters");
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    if (action === "trigger") {
      if (typeof payload.summary !== "string" || !payload.summary)
        errors.push("'payload.summary' is missing");
      if (typeof payload.summary === "string" && payload.summary.length > 1024) {
        errors.push("'payload.summary' must be at most 1024 characters");
      }
      if (typeof payload.source !== "string" || !payload.source) errors.push("'payload.source' is missing");
      if (!PAGERDUTY_SEVERITIES.includes(String(payload.severity)))
        errors.push("'payload.severity' is invalid");
    } else if (!dedupKey) {
      errors.push("'dedup_key' is required for acknowledge and resolve");
    }
    if (errors.length)
      return { status: 400, body: { status: "invalid event", message: "Event object is invalid", errors } };
    const key = dedupKey ?? `sim-${this.alerts.length + 1}`;
    const alert = this.alerts.find((a) => a.dedupKey === key);
    if (action === "trigger") {
      // Events API v2 de-duplication (developer.pagerduty.com, "Alert De-duplication"): a trigger joins the open
      // alert with its dedup_key; once that alert is resolved, a trigger with the key opens a new one and pages.
      if (alert && alert.status === "triggered") {
        alert.events++;
        alert.severity = String(payload.severity);
      } else {
        this.alerts.push({
          dedupKey: key,
          status: "triggered",
          summary: String(payload.summary),
          severity: String(payload.severity),
          events: 1,
        });
      }
    } else if (action === "resolve" && alert) {
      alert.status = "resolved";
      alert.events++;
    }
    return { status: 202, body: { status: "success", message: "Event processed", dedup_key: key } };
  }
}
