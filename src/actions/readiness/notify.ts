import { z } from "zod";
import { HttpClient } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { BetterStackClient } from "../../platforms/status/betterstack.ts";
import type { StatusPageClient } from "../../platforms/status/common.ts";
import { InstatusClient } from "../../platforms/status/instatus.ts";
import { StatuspageClient } from "../../platforms/status/statuspage.ts";
import { type Check, fail, pass, type TargetResult } from "./check.ts";
import type { Ctx, Settings } from "./inputs.ts";

const T = "notify";

/** Webhooks are only looked at (a call would post a message): the shape each service hands out. */
const WEBHOOKS = [
  [
    "slack-webhook",
    /^https:\/\/hooks\.slack\.com\/(services|workflows|triggers)\/\S+$/,
    "https://hooks.slack.com/services/T…/B…/…",
  ],
  [
    "discord-webhook",
    /^https:\/\/(\w+\.)?discord(app)?\.com\/api\/webhooks\/\d+\/[\w-]+$/,
    "https://discord.com/api/webhooks/<id>/<token>",
  ],
  ["teams-webhook", /^https:\/\/\S+$/, "the https URL of the Teams workflow's trigger"],
  ["webhook-url", /^https:\/\/\S+$/, "an https URL"],
] as const;

export const NOTIFY_KEYS: (keyof Settings)[] = [
  "slack-webhook",
  "discord-webhook",
  "teams-webhook",
  "webhook-url",
  "statuspage-api-key",
  "instatus-api-key",
  "betterstack-api-token",
  "pagerduty-routing-key",
  "slack-token",
];

const authTest = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  team: z.string().optional(),
  user: z.string().optional(),
});

/** Slack's bot token, by auth.test: it only names the token's team and user. */
async function slackToken(settings: Settings): Promise<Check> {
  const check = "slack-token";
  const http = new HttpClient({
    baseUrl: settings["slack-api-url"] as string,
    platform: "Slack",
    headers: { authorization: `Bearer ${settings["slack-token"]}` },
    retries: 1,
    timeoutMs: 15_000,
  });
  try {
    const { data } = await http.request({
      method: "POST",
      path: "/auth.test",
      schema: authTest,
      safeToRetry: true,
    });
    if (!data.ok)
      return fail(
        T,
        check,
        `auth.test: ${data.error ?? "refused"}`,
        "Create a new bot token (with chat:write) and update the secret behind slack-token.",
      );
    if (!settings["slack-channel"])
      return fail(
        T,
        check,
        `accepted (${data.user} in ${data.team}), but slack-channel is empty`,
        "Set slack-channel.",
      );
    return pass(T, check, `accepted: ${data.user} in ${data.team}`);
  } catch (error) {
    return fail(T, check, errorMessage(error), "Check slack-api-url and Slack's status, then run again.");
  }
}

function webhookChecks(settings: Settings): Check[] {
  return WEBHOOKS.flatMap(([name, shape, example]) => {
    const value = settings[name];
    if (!value) return [];
    return shape.test(value)
      ? [pass(T, name, "well-formed (not called: a call would post a message)")]
      : [
          fail(
            T,
            name,
            "not the shape of such a webhook URL (its value is a secret, so it is not shown)",
            `Set the secret to ${example}.`,
          ),
        ];
  });
}

type PageInput = { key: keyof Settings; page: keyof Settings; ids: keyof Settings; url: keyof Settings };
const PAGES: [
  string,
  PageInput,
  new (o: ConstructorParameters<typeof StatuspageClient>[0]) => StatusPageClient,
][] = [
  [
    "statuspage",
    {
      key: "statuspage-api-key",
      page: "statuspage-page-id",
      ids: "statuspage-components",
      url: "statuspage-api-url",
    },
    StatuspageClient,
  ],
  [
    "instatus",
    {
      key: "instatus-api-key",
      page: "instatus-page-id",
      ids: "instatus-components",
      url: "instatus-api-url",
    },
    InstatusClient,
  ],
  [
    "betterstack",
    {
      key: "betterstack-api-token",
      page: "betterstack-status-page-id",
      ids: "betterstack-resources",
      url: "betterstack-api-url",
    },
    BetterStackClient,
  ],
];

/** A status page's key, read-only: its components listed, the configured ones among them. */
async function pageCheck(
  settings: Settings,
  name: string,
  inputs: PageInput,
  Client: (typeof PAGES)[number][2],
): Promise<Check> {
  const check = `${name} page`;
  const pageId = settings[inputs.page] as string | undefined;
  if (!pageId)
    return fail(
      T,
      check,
      `${inputs.page} is empty`,
      `Set ${inputs.page} (the rollback's announcement needs it).`,
    );
  const client = new Client({
    apiKey: settings[inputs.key] as string,
    pageId,
    apiUrl: settings[inputs.url] as string,
    retries: 1,
    timeoutMs: 15_000,
  });
  try {
    const components = await client.components();
    const wanted = settings[inputs.ids] as string[];
    const missing = wanted.filter((id) => !components.some((c) => c.id === id));
    if (missing.length) {
      return fail(
        T,
        check,
        `page ${pageId}: no component ${missing.join(", ")} (it has ${components.map((c) => c.id).join(", ") || "none"})`,
        `Fix ${inputs.ids}.`,
      );
    }
    return pass(
      T,
      check,
      `page ${pageId}: key accepted, ${components.length} component(s)${wanted.length ? `, ${wanted.join(", ")} found` : ""}`,
    );
  } catch (error) {
    return fail(
      T,
      check,
      `page ${pageId}: ${errorMessage(error)}`,
      `Create a new API key and update the secret behind ${inputs.key}; check ${inputs.page}.`,
    );
  }
}

/** notify's channels: status-page keys accepted by a read, webhooks and the PagerDuty key well-formed. */
export async function checkNotify(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  const checks = webhookChecks(settings);
  const pages = PAGES.filter(([, inputs]) => settings[inputs.key]);
  const reads = pages.map(([name, inputs, Client]) => pageCheck(settings, name, inputs, Client));
  if (settings["slack-token"]) reads.unshift(slackToken(settings));
  checks.push(...(await Promise.all(reads)));
  const routing = settings["pagerduty-routing-key"];
  if (routing) {
    // Events API v2 has no read-only call: an integration key is 32 characters of [a-z0-9].
    checks.push(
      /^[a-zA-Z0-9]{32}$/.test(routing)
        ? pass(T, "pagerduty-routing-key", "well-formed (32 characters; Events API v2 has no read-only call)")
        : fail(
            T,
            "pagerduty-routing-key",
            "not 32 letters and digits (its value is a secret, so it is not shown)",
            "Copy the Integration Key of the service's Events API v2 integration.",
          ),
    );
  }
  return { checks };
}
