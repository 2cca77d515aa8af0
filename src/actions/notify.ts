import { z } from "zod";
import { InputError, input, readInputs } from "../core/inputs.ts";
import { Summary, setOutputs } from "../core/report.ts";
import { errorMessage, redact } from "../core/secrets.ts";
import type { Toolkit } from "../core/toolkit.ts";
import { formatMs } from "../core/wait.ts";
import { sendDiscord } from "../platforms/chat/discord.ts";
import {
  type ChatField,
  type ChatMessage,
  type ChatStatus,
  contextFromEnv,
  parseFields,
  STATUS_STYLE,
} from "../platforms/chat/message.ts";
import type { SendOptions } from "../platforms/chat/send.ts";
import { postSlackMessage, sendSlackWebhook } from "../platforms/chat/slack.ts";
import { sendTeams } from "../platforms/chat/teams.ts";
import { sendWebhook, webhookPayload } from "../platforms/chat/webhook.ts";
import type { IncidentReport } from "../platforms/github/issues.ts";

/** Channel names as they appear in the `sent` output, in this order. */
export const CHANNELS = ["slack", "discord", "teams", "webhook", "github-issue"] as const;
export type Channel = (typeof CHANNELS)[number];

// `${{ job.status }}` says success/failure: accept those words for succeeded/failed.
const STATUS_ALIASES = { success: "succeeded", failure: "failed" } as const;
const STATUSES_ACCEPTED = [
  "started",
  "succeeded",
  "failed",
  "cancelled",
  "info",
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

function readNotifyInputs(tk: Toolkit) {
  const inputs = readInputs(tk, {
    status: input.choice([...STATUSES_ACCEPTED], "info"),
    title: input.text({ default: "Production rollback" }),
    message: input.text(),
    fields: fieldLines(),
    "slack-webhook": input.secret({ url: true, example: "https://hooks.slack.com/services/T000/B000/XXXX" }),
    "slack-token": input.secret({ example: "${{ secrets.SLACK_BOT_TOKEN }}" }),
    "slack-channel": input.optional(),
    "slack-thread-ts": input.optional(),
    "slack-api-url": input.url({ default: "https://slack.com/api", example: "https://slack.com/api" }),
    "discord-webhook": input.secret({
      url: true,
      example: "https://discord.com/api/webhooks/123/abc",
    }),
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
  });
  // Checks across inputs, still before anything is sent; all reported in one message.
  const problems: string[] = [];
  const threadTs = inputs["slack-thread-ts"];
  if (inputs["slack-token"] && !inputs["slack-channel"]) {
    problems.push('Input "slack-channel" is required with slack-token. Example: "C0123456789"');
  }
  if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
    problems.push(
      `Input "slack-thread-ts" is ${JSON.stringify(threadTs.slice(0, 40))}, which is not a Slack message ts. Example: "1712345678.123456" (the slack-ts output of an earlier notify step)`,
    );
  } else if (threadTs && !inputs["slack-token"]) {
    problems.push(
      'Input "slack-thread-ts" needs slack-token and slack-channel: only the Web API can reply in a thread. Example: slack-token: ${{ secrets.SLACK_BOT_TOKEN }}',
    );
  }
  if (inputs["incident-issue"] && !inputs["github-token"]) {
    problems.push(
      'Input "github-token" is empty, and incident-issue needs it. Example: "${{ github.token }}" with permissions: issues: write',
    );
  }
  if (inputs["incident-issue"] && !/^[^/\s]+\/[^/\s]+$/.test(tk.env.GITHUB_REPOSITORY ?? "")) {
    problems.push(
      'Input "incident-issue" needs GITHUB_REPOSITORY (owner/name), which every GitHub runner sets. Example: GITHUB_REPOSITORY=acme/shop when run elsewhere',
    );
  }
  if (problems.length) throw new InputError(problems.join("\n"));
  const status: ChatStatus =
    inputs.status in STATUS_ALIASES
      ? STATUS_ALIASES[inputs.status as keyof typeof STATUS_ALIASES]
      : (inputs.status as ChatStatus);
  return { ...inputs, status };
}

interface Outcome {
  channel: Channel;
  ok: boolean;
  detail: string;
}

interface Plan {
  channel: Channel;
  /** How it is sent, for the log and summary (never a URL). */
  via: string;
  send: () => Promise<string>;
}

type NotifyInputs = ReturnType<typeof readNotifyInputs>;

/** Everything that is said, once: the chat message, the JSON webhook's base and the incident report. */
function compose(inputs: NotifyInputs, env: Record<string, string | undefined>, now: number) {
  const context = contextFromEnv(env);
  const time = new Date(now).toISOString();
  const durationMs = inputs["started-at"] === undefined ? undefined : Math.max(0, now - inputs["started-at"]);
  // What people read must not carry a secret even when one was pasted into the text.
  const userFields = inputs.fields.map((f) => ({ name: redact(f.name), value: redact(f.value) }));
  const reason = inputs.reason && redact(inputs.reason);
  const impact = inputs.impact && redact(inputs.impact);
  const resolution = inputs.resolution && redact(inputs.resolution);
  const base: ChatMessage = {
    status: inputs.status,
    title: redact(inputs.title),
    message: redact(inputs.message),
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
  const incidentTitle = redact(inputs["incident-title"] ?? inputs.title);
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
    status: inputs.status,
    time,
    message: base.message,
    changes: userFields,
    reason,
    durationMs,
    impact,
    resolution,
  };
  return { shown, webhook, incident };
}

type Outputs = { "slack-ts"?: string; "issue-url"?: string; "issue-number"?: number };

/** One plan per configured channel, in the order of CHANNELS; each `send` records its outputs. */
function planChannels(
  tk: Toolkit,
  inputs: NotifyInputs,
  said: ReturnType<typeof compose>,
  send: SendOptions,
  outputs: Outputs,
): Plan[] {
  const { shown } = said;
  const plans: Plan[] = [];
  const slackToken = inputs["slack-token"];
  const slackChannel = inputs["slack-channel"];
  if (slackToken && slackChannel) {
    if (inputs["slack-webhook"])
      tk.notice("Both slack-token and slack-webhook are set: posting with the Web API only.");
    const threadTs = inputs["slack-thread-ts"];
    plans.push({
      channel: "slack",
      via: threadTs ? "Slack Web API, thread reply" : "Slack Web API",
      send: async () => {
        const posted = await postSlackMessage(shown, {
          ...send,
          token: slackToken,
          channel: slackChannel,
          threadTs,
          apiUrl: inputs["slack-api-url"],
        });
        outputs["slack-ts"] = posted.ts;
        return `posted to ${posted.channel}${threadTs ? ` in thread ${threadTs}` : ""} (ts ${posted.ts})`;
      },
    });
  } else if (inputs["slack-webhook"]) {
    const url = inputs["slack-webhook"];
    plans.push({
      channel: "slack",
      via: "Slack incoming webhook",
      send: async () => {
        await sendSlackWebhook(url, shown, send);
        return "delivered";
      },
    });
  }
  const discord = inputs["discord-webhook"];
  if (discord) {
    plans.push({
      channel: "discord",
      via: "Discord webhook",
      send: async () => {
        await sendDiscord(discord, shown, send);
        return "delivered";
      },
    });
  }
  const teams = inputs["teams-webhook"];
  if (teams) {
    plans.push({
      channel: "teams",
      via: "Teams workflow webhook",
      send: async () => {
        await sendTeams(teams, shown, send);
        return "accepted";
      },
    });
  }
  const webhook = inputs["webhook-url"];
  if (webhook) {
    plans.push({
      channel: "webhook",
      via: "JSON webhook",
      send: async () => {
        await sendWebhook(webhook, said.webhook, { ...send, headers: inputs["webhook-headers"] });
        return "delivered";
      },
    });
  }
  const token = inputs["github-token"];
  if (inputs["incident-issue"] && token) {
    const [owner = "", repo = ""] = (tk.env.GITHUB_REPOSITORY ?? "").split("/");
    plans.push({
      channel: "github-issue",
      via: `GitHub issue in ${owner}/${repo}`,
      send: async () => {
        const { githubClient } = await import("../platforms/github/client.ts");
        const { recordIncident } = await import("../platforms/github/issues.ts");
        const octokit = await githubClient({ token, apiUrl: tk.env.GITHUB_API_URL || undefined });
        const result = await recordIncident(octokit, {
          owner,
          repo,
          report: said.incident,
        });
        outputs["issue-url"] = result.url;
        outputs["issue-number"] = result.number;
        return result.action === "opened"
          ? `opened #${result.number} ${result.url}`
          : `commented on #${result.number} ${result.commentUrl ?? result.url}`;
      },
    });
  }

  return plans;
}

/**
 * Tells people what the rollback did: every configured channel at once, each with its own retries, so
 * one channel down never stops the others. Fails the step only with `fail-on-error: true`.
 * `tuning` sets retry timing (tests, the local drill); the runner uses the defaults.
 */
export async function notify(tk: Toolkit, tuning: SendOptions = {}): Promise<void> {
  const started = Date.now();
  const inputs = readNotifyInputs(tk);
  const said = compose(inputs, tk.env, started);
  const outputs: Outputs = {};
  const plans = planChannels(tk, inputs, said, { ...tuning, log: (line) => tk.info(line) }, outputs);
  const title = said.shown.title;

  const summary = new Summary(`Notify: ${STATUS_STYLE[inputs.status].symbol} ${title}`, started);
  if (plans.length === 0) {
    tk.notice(
      "notify: no channel configured (slack-webhook, slack-token, discord-webhook, teams-webhook, webhook-url, incident-issue): nothing sent.",
    );
    setOutputs(tk, { status: "skipped", sent: "" });
    summary.text("No channel configured: nothing sent.");
    await summary.write(tk, "skipped");
    return;
  }

  tk.info(`Sending "${title}" (${inputs.status}) to ${plans.map((plan) => plan.channel).join(", ")}`);
  const outcomes: Outcome[] = await Promise.all(
    plans.map(async (plan): Promise<Outcome> => {
      try {
        const detail = await plan.send();
        tk.info(`${plan.channel}: ${detail}`);
        return { channel: plan.channel, ok: true, detail };
      } catch (error) {
        return { channel: plan.channel, ok: false, detail: errorMessage(error) };
      }
    }),
  );
  const sent = outcomes.filter((o) => o.ok).map((o) => o.channel);
  const failed = outcomes.filter((o) => !o.ok);
  const status = failed.length === 0 ? "sent" : sent.length === 0 ? "failed" : "partial";
  setOutputs(tk, { status, sent: sent.join(" "), ...outputs });

  summary.table(
    ["Channel", "Via", "Result", "Detail"],
    plans.map((plan) => {
      const outcome = outcomes.find((o) => o.channel === plan.channel);
      return [plan.channel, plan.via, outcome?.ok ? "✅ sent" : "❌ failed", outcome?.detail];
    }),
  );
  await summary.write(tk, status);

  if (failed.length === 0) return;
  const lines = failed.map((o) => o.detail);
  if (inputs["fail-on-error"]) {
    tk.setFailed(
      `notify: ${failed.length} of ${outcomes.length} channels could not be reached (status ${status}):\n${lines.join("\n")}`,
    );
    return;
  }
  for (const line of lines) tk.warning(line);
  tk.info(`notify: status ${status}; the step does not fail (fail-on-error: false).`);
}
