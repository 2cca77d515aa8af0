import { expect } from "vitest";

// Request fields each provider documents, written from its API reference (independent of the clients):
// - Statuspage "Create an incident" / "Update an incident" (developer.statuspage.io/#operation/postPagesPageIdIncidents)
// - Instatus "Add an incident" / "Add an incident update" (instatus.com/help/api/incidents)
// - Better Stack "Create status page report" / "Create status update" (betterstack.com/docs/uptime/api)
// - PagerDuty Events API v2 "Send an alert event" (developer.pagerduty.com/api-reference/events-v2)
// - GitHub "Create a deployment" / "Create a deployment status" (docs.github.com/rest/deployments)
export const DOCUMENTED = {
  statuspageIncident: [
    "name",
    "status",
    "impact_override",
    "scheduled_for",
    "scheduled_until",
    "scheduled_remind_prior",
    "auto_transition_to_maintenance_state",
    "auto_transition_to_operational_state",
    "scheduled_auto_in_progress",
    "scheduled_auto_completed",
    "auto_transition_deliver_notifications_at_start",
    "auto_transition_deliver_notifications_at_end",
    "reminder_intervals",
    "metadata",
    "deliver_notifications",
    "auto_tweet_at_beginning",
    "auto_tweet_on_completion",
    "auto_tweet_on_creation",
    "auto_tweet_one_hour_before",
    "backfill_date",
    "backfilled",
    "body",
    "components",
    "component_ids",
    "scheduled_auto_transition",
  ],
  statuspageIncidentStatuses: ["investigating", "identified", "monitoring", "resolved"],
  statuspageComponentStatuses: [
    "operational",
    "under_maintenance",
    "degraded_performance",
    "partial_outage",
    "major_outage",
  ],
  statuspageImpacts: ["none", "minor", "major", "critical"],
  instatusIncident: [
    "name",
    "message",
    "components",
    "started",
    "status",
    "notify",
    "statuses",
    "shouldPublish",
  ],
  instatusUpdate: ["message", "components", "started", "status", "notify", "statuses"],
  instatusStatuses: ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"],
  instatusComponentStatuses: [
    "OPERATIONAL",
    "UNDERMAINTENANCE",
    "DEGRADEDPERFORMANCE",
    "PARTIALOUTAGE",
    "MAJOROUTAGE",
  ],
  betterstackReport: [
    "title",
    "message",
    "report_type",
    "notify_subscribers",
    "affected_resources",
    "published_at",
    "starts_at",
    "ends_at",
  ],
  betterstackUpdate: ["message", "notify_subscribers", "affected_resources", "published_at"],
  betterstackResourceStatuses: ["resolved", "degraded", "downtime"],
  pagerdutyEvent: [
    "routing_key",
    "event_action",
    "dedup_key",
    "payload",
    "images",
    "links",
    "client",
    "client_url",
  ],
  pagerdutyPayload: [
    "summary",
    "source",
    "severity",
    "timestamp",
    "component",
    "group",
    "class",
    "custom_details",
  ],
  pagerdutySeverities: ["critical", "error", "warning", "info"],
  githubDeployment: [
    "ref",
    "task",
    "auto_merge",
    "required_contexts",
    "payload",
    "environment",
    "description",
    "transient_environment",
    "production_environment",
  ],
  githubDeploymentStatus: [
    "state",
    "target_url",
    "log_url",
    "description",
    "environment",
    "environment_url",
    "auto_inactive",
  ],
  githubDeploymentStates: ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"],
} as const;

/** Every key of `body` is a documented field. */
export function expectOnlyFields(body: unknown, fields: readonly string[]): Record<string, unknown> {
  expect(typeof body).toBe("object");
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) expect(fields, `undocumented field ${key}`).toContain(key);
  return record;
}
