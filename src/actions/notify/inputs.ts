import { z } from "zod";
import { input } from "../../core/inputs.ts";
import { type ChatField, parseFields } from "../../platforms/chat/message.ts";

// `${{ job.status }}` says success/failure: accept those words for succeeded/failed.
export const STATUS_ALIASES = { success: "succeeded", failure: "failed" } as const;
const STATUSES_ACCEPTED = [
  "started",
  "succeeded",
  "failed",
  "cancelled",
  "info",
  "unverified",
  "success",
  "failure",
] as const;

/** A zod field for `Key: value` lines, reporting the first bad line like the core builders do. */
function fieldLines() {
  return z.string().transform((raw, ctx): ChatField[] => {
    const { fields, bad } = parseFields(raw);
    if (bad.length === 0) return fields;
    ctx.issues.push({
      code: "custom",
      message: `line ${bad[0]} is not a "Key: value" line.`,
      input: raw,
      params: { example: '"Vercel: dpl_old → dpl_new"' },
    });
    return z.NEVER;
  });
}

/** ISO 8601 time or Unix seconds, as epoch milliseconds. */
function timeInput() {
  return z.string().transform((raw, ctx): number | undefined => {
    const value = raw.trim();
    if (!value) return undefined;
    const ms = /^\d{9,10}(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
    ctx.issues.push({
      code: "custom",
      message: `is ${JSON.stringify(value.slice(0, 40))}, which is not a time: use ISO 8601 or Unix seconds.`,
      input: raw,
      params: { example: '"2025-01-31T12:00:00Z" or "$(date +%s)"' },
    });
    return z.NEVER;
  });
}

const url = (fallback: string) => input.url({ default: fallback, example: fallback });

export const notifyInputs = {
  status: input.choice([...STATUSES_ACCEPTED], "info"),
  title: input.text({ default: "Production rollback" }),
  message: input.text(),
  fields: fieldLines(),
  "slack-webhook": input.secret({ url: true, example: "https://hooks.slack.com/services/T000/B000/XXXX" }),
  "slack-token": input.secret({ example: "${{ secrets.SLACK_BOT_TOKEN }}" }),
  "slack-channel": input.optional(),
  "slack-thread-ts": input.optional(),
  "slack-api-url": url("https://slack.com/api"),
  "discord-webhook": input.secret({ url: true, example: "https://discord.com/api/webhooks/123/abc" }),
  "teams-webhook": input.secret({
    url: true,
    example: "https://prod-00.westus.logic.azure.com/workflows/…/triggers/manual/paths/invoke?…",
  }),
  "webhook-url": input.secret({ url: true, example: "https://hooks.example.com/rollback" }),
  "webhook-headers": input.headers(),
  "incident-issue": input.boolean(false),
  "incident-title": input.optional(),
  reason: input.optional(),
  impact: input.optional(),
  resolution: input.optional(),
  "started-at": timeInput(),
  "github-token": input.secret(),
  "fail-on-error": input.boolean(false),
  // Status pages, paging and the deployment log.
  "statuspage-api-key": input.secret({ example: "${{ secrets.STATUSPAGE_API_KEY }}" }),
  "statuspage-page-id": input.optional(),
  "statuspage-components": input.list(),
  "statuspage-api-url": url("https://api.statuspage.io/v1"),
  "instatus-api-key": input.secret({ example: "${{ secrets.INSTATUS_API_KEY }}" }),
  "instatus-page-id": input.optional(),
  "instatus-components": input.list(),
  "instatus-api-url": url("https://api.instatus.com"),
  "betterstack-api-token": input.secret({ example: "${{ secrets.BETTERSTACK_API_TOKEN }}" }),
  "betterstack-status-page-id": input.optional(),
  "betterstack-resources": input.list(),
  "betterstack-api-url": url("https://uptime.betterstack.com"),
  "status-page-incident": input.optional(),
  // The rollback's tag follows the title in the incident's name: 200 leaves room for it.
  "status-page-title": input.text({ default: "Service Degradation", max: 200 }),
  "status-page-message": input.optional(),
  "pagerduty-routing-key": input.secret({ example: "${{ secrets.PAGERDUTY_ROUTING_KEY }}" }),
  "pagerduty-api-url": url("https://events.pagerduty.com"),
  "dedup-key": input.text({ max: 255 }),
  "github-deployment": input.boolean(false),
  environment: input.optional(),
  // GitHub marks a deployment production when told so; by default only the environment named production is.
  "production-environment": input.choice(["auto", "true", "false"], "auto"),
  "environment-url": input.url({ example: "https://shop.example.com" }),
  "github-deployment-id": input.number({ min: 1, integer: true, example: "1234567890" }),
};

export type NotifyInputs = typeof notifyInputs;
