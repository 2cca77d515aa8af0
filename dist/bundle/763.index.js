export const id = 763;
export const ids = [763];
export const modules = {

/***/ 6146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dJ: () => (/* binding */ SendFailure),
/* harmony export */   nC: () => (/* binding */ failedPlan)
/* harmony export */ });
/* unused harmony export CHANNELS */
/** Channel names as they appear in the `sent` output, in this order. */
const CHANNELS = (/* unused pure expression or super */ null && ([
    "slack",
    "discord",
    "teams",
    "webhook",
    "github-issue",
    "statuspage",
    "instatus",
    "betterstack",
    "pagerduty",
    "github-deployment",
]));
/** A send that failed after something was made: its outputs still name what exists (an incident, say). */
class SendFailure extends Error {
    name = "SendFailure";
    outputs;
    constructor(message, outputs) {
        super(message);
        this.outputs = outputs;
    }
}
/** A plan for a channel whose planning read failed. */
function failedPlan(channel, via, error) {
    const message = error instanceof Error ? error.message : String(error);
    return { channel, via, preview: "(not planned: a read failed)", error: message, warnings: [] };
}


/***/ }),

/***/ 1752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ recordsDeployment),
/* harmony export */   s: () => (/* binding */ checkInputs)
/* harmony export */ });
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);

const SECRET_URLS = ["slack-webhook", "discord-webhook", "teams-webhook", "webhook-url"];
/** Checks across inputs, before anything is read or sent; every problem in one message. */
function checkInputs(settings, run) {
    const problems = [];
    const need = (input, problem, example) => problems.push(`Input "${input}" ${problem} Example: ${example}`);
    const threadTs = settings["slack-thread-ts"];
    if (settings["slack-token"] && !settings["slack-channel"]) {
        need("slack-channel", "is required with slack-token.", '"C0123456789"');
    }
    if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
        need("slack-thread-ts", `is ${JSON.stringify(threadTs.slice(0, 40))}, which is not a Slack message ts.`, '"1712345678.123456" (the slack-ts output of an earlier notify step)');
    }
    else if (threadTs && !settings["slack-token"]) {
        need("slack-thread-ts", "needs slack-token and slack-channel: only the Web API can reply in a thread.", "slack-token: ${{ secrets.SLACK_BOT_TOKEN }}");
    }
    for (const name of SECRET_URLS) {
        const url = URL.parse(settings[name] ?? "");
        // The URL is a secret, so the message never shows it.
        if (url && (url.username || url.password))
            need(name, _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .CREDENTIALS_IN_URL */ .v0, "webhook-headers: Authorization: Basic …");
    }
    const deployment = recordsDeployment(settings);
    const github = settings["incident-issue"] || deployment;
    const which = settings["incident-issue"] ? "incident-issue" : "github-deployment";
    if (github && !settings["github-token"]) {
        need("github-token", `is empty, and ${which} needs it.`, '"${{ github.token }}" with permissions: issues: write, deployments: write');
    }
    if (github && !run.repository) {
        need(which, "needs GITHUB_REPOSITORY (owner/name), which every GitHub runner sets.", "GITHUB_REPOSITORY=acme/shop when run elsewhere");
    }
    if (deployment && !settings.environment) {
        need("environment", "is required with github-deployment: true.", '"production"');
    }
    if (deployment && !run.sha && !run.ref) {
        need("github-deployment", "needs the run's commit (GITHUB_SHA), which every GitHub runner sets.", "GITHUB_SHA=$(git rev-parse HEAD)");
    }
    pagePairs(settings, need);
    if (problems.length)
        throw new _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems.join("\n"));
}
/** `github-deployment: true`, or the id of the deployment an earlier step created: add a status to it. */
function recordsDeployment(settings) {
    return settings["github-deployment"] || settings["github-deployment-id"] !== undefined;
}
/** A key without its page (or a page without its key: a secret that was not passed) is a mistake. */
function pagePairs(settings, need) {
    const pairs = [
        ["statuspage-api-key", "statuspage-page-id", '"kctbh9vrtdwd"'],
        ["instatus-api-key", "instatus-page-id", '"ckf01fvnxywz60a35wdbn5gz5"'],
        ["betterstack-api-token", "betterstack-status-page-id", '"123456"'],
    ];
    for (const [key, page, example] of pairs) {
        if (settings[key] && !settings[page])
            need(page, `is required with ${key}.`, example);
        if (!settings[key] && settings[page]) {
            need(key, `is empty but ${page} is set. If it comes from a secret, check the secret exists and is passed to this workflow.`, `\${{ secrets.${key.toUpperCase().replace(/-/g, "_")} }}`);
        }
    }
    if (settings["betterstack-api-token"] && settings["betterstack-resources"].length === 0) {
        need("betterstack-resources", "is required with betterstack-api-token: Better Stack resolves a report through its resources.", '"8001, 8002" (status page resource ids)');
    }
}


/***/ }),

/***/ 7133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ notify),
  notifyAction: () => (/* binding */ notifyAction)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/actions/notify/channel.ts
var notify_channel = __webpack_require__(6146);
;// CONCATENATED MODULE: ./src/actions/notify/apply.ts


/** Every channel at once, each with its own retries, so one channel down never stops the others. */
async function applyNotify(ctx, plan) {
    const active = plan.channels.filter((c) => !c.skip && !c.error).map((c) => c.channel);
    if (active.length)
        ctx.log.info(`Sending "${plan.title}" (${plan.status}) to ${active.join(", ")}`);
    for (const channel of plan.channels)
        for (const warning of channel.warnings)
            ctx.log.warn(warning);
    return Promise.all(plan.channels.map(async (channel) => {
        if (channel.error)
            return { channel: channel.channel, result: "failed", detail: channel.error };
        if (channel.skip || !channel.send) {
            ctx.log.info(`${channel.channel}: ${channel.skip ?? "nothing to send"}`);
            return { channel: channel.channel, result: "skipped", detail: channel.skip ?? "nothing to send" };
        }
        try {
            const sent = await channel.send();
            ctx.log.info(`${channel.channel}: ${sent.detail}`);
            return { channel: channel.channel, result: "sent", detail: sent.detail, outputs: sent.outputs };
        }
        catch (error) {
            const outputs = error instanceof notify_channel/* SendFailure */.dJ ? error.outputs : undefined;
            return { channel: channel.channel, result: "failed", detail: (0,secrets/* errorMessage */.gJ)(error), outputs };
        }
    }));
}

;// CONCATENATED MODULE: ./src/actions/notify/explain.ts
// Advice for the whole step; each channel's own advice (which secret to check) is in its platform client.
function failureMessage(failed, total, status) {
    return `notify: ${failed.length} of ${total} channels could not be reached (status ${status}):\n${failed.map((o) => o.detail).join("\n")}`;
}
function notFailingNote(status) {
    return `notify: status ${status}; the step does not fail (fail-on-error: false).`;
}
/** An error no channel caught (a bug, or the runner cancelling): what failed and what to do. */
function explainNotify(error) {
    const message = error instanceof Error ? error.message : String(error);
    return `notify: ${message}\nNothing more was sent. The rollback itself is not affected; re-run this step to tell people.`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/platforms/chat/message.ts
var chat_message = __webpack_require__(3052);
;// CONCATENATED MODULE: ./src/actions/notify/inputs.ts



// `${{ job.status }}` says success/failure: accept those words for succeeded/failed.
const STATUS_ALIASES = { success: "succeeded", failure: "failed" };
const STATUSES_ACCEPTED = [
    "started",
    "succeeded",
    "failed",
    "cancelled",
    "info",
    "unverified",
    "success",
    "failure",
];
/** A zod field for `Key: value` lines, reporting the first bad line like the core builders do. */
function fieldLines() {
    return schemas/* string */.YjP().transform((raw, ctx) => {
        const { fields, bad } = (0,chat_message/* parseFields */.L5)(raw);
        if (bad.length === 0)
            return fields;
        ctx.issues.push({
            code: "custom",
            message: `line ${bad[0]} is not a "Key: value" line.`,
            input: raw,
            params: { example: '"Vercel: dpl_old → dpl_new"' },
        });
        return core/* NEVER */.tm;
    });
}
/** ISO 8601 time or Unix seconds, as epoch milliseconds. */
function timeInput() {
    return schemas/* string */.YjP().transform((raw, ctx) => {
        const value = raw.trim();
        if (!value)
            return undefined;
        const ms = /^\d{9,10}(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
        if (!Number.isNaN(ms))
            return ms;
        ctx.issues.push({
            code: "custom",
            message: `is ${JSON.stringify(value.slice(0, 40))}, which is not a time: use ISO 8601 or Unix seconds.`,
            input: raw,
            params: { example: '"2025-01-31T12:00:00Z" or "$(date +%s)"' },
        });
        return core/* NEVER */.tm;
    });
}
const url = (fallback) => inputs/* input */.hF.url({ default: fallback, example: fallback });
const notifyInputs = {
    status: inputs/* input */.hF.choice([...STATUSES_ACCEPTED], "info"),
    title: inputs/* input */.hF.text({ default: "Production rollback" }),
    message: inputs/* input */.hF.text(),
    fields: fieldLines(),
    "slack-webhook": inputs/* input */.hF.secret({ url: true, example: "https://hooks.slack.com/services/T000/B000/XXXX" }),
    "slack-token": inputs/* input */.hF.secret({ example: "${{ secrets.SLACK_BOT_TOKEN }}" }),
    "slack-channel": inputs/* input */.hF.optional(),
    "slack-thread-ts": inputs/* input */.hF.optional(),
    "slack-api-url": url("https://slack.com/api"),
    "discord-webhook": inputs/* input */.hF.secret({ url: true, example: "https://discord.com/api/webhooks/123/abc" }),
    "teams-webhook": inputs/* input */.hF.secret({
        url: true,
        example: "https://prod-00.westus.logic.azure.com/workflows/…/triggers/manual/paths/invoke?…",
    }),
    "webhook-url": inputs/* input */.hF.secret({ url: true, example: "https://hooks.example.com/rollback" }),
    "webhook-headers": inputs/* input */.hF.headers(),
    "incident-issue": inputs/* input */.hF.boolean(false),
    "incident-title": inputs/* input */.hF.optional(),
    reason: inputs/* input */.hF.optional(),
    impact: inputs/* input */.hF.optional(),
    resolution: inputs/* input */.hF.optional(),
    "started-at": timeInput(),
    "github-token": inputs/* input */.hF.secret(),
    "fail-on-error": inputs/* input */.hF.boolean(false),
    // Status pages, paging and the deployment log.
    "statuspage-api-key": inputs/* input */.hF.secret({ example: "${{ secrets.STATUSPAGE_API_KEY }}" }),
    "statuspage-page-id": inputs/* input */.hF.optional(),
    "statuspage-components": inputs/* input */.hF.list(),
    "statuspage-api-url": url("https://api.statuspage.io/v1"),
    "instatus-api-key": inputs/* input */.hF.secret({ example: "${{ secrets.INSTATUS_API_KEY }}" }),
    "instatus-page-id": inputs/* input */.hF.optional(),
    "instatus-components": inputs/* input */.hF.list(),
    "instatus-api-url": url("https://api.instatus.com"),
    "betterstack-api-token": inputs/* input */.hF.secret({ example: "${{ secrets.BETTERSTACK_API_TOKEN }}" }),
    "betterstack-status-page-id": inputs/* input */.hF.optional(),
    "betterstack-resources": inputs/* input */.hF.list(),
    "betterstack-api-url": url("https://uptime.betterstack.com"),
    "status-page-incident": inputs/* input */.hF.optional(),
    // The rollback's tag follows the title in the incident's name: 200 leaves room for it.
    "status-page-title": inputs/* input */.hF.text({ default: "Service Degradation", max: 200 }),
    "status-page-message": inputs/* input */.hF.optional(),
    "pagerduty-routing-key": inputs/* input */.hF.secret({ example: "${{ secrets.PAGERDUTY_ROUTING_KEY }}" }),
    "pagerduty-api-url": url("https://events.pagerduty.com"),
    "dedup-key": inputs/* input */.hF.text({ max: 255 }),
    "github-deployment": inputs/* input */.hF.boolean(false),
    environment: inputs/* input */.hF.optional(),
    // GitHub marks a deployment production when told so; by default only the environment named production is.
    "production-environment": inputs/* input */.hF.choice(["auto", "true", "false"], "auto"),
    "environment-url": inputs/* input */.hF.url({ example: "https://shop.example.com" }),
    "github-deployment-id": inputs/* input */.hF.number({ min: 1, integer: true, example: "1234567890" }),
};

// EXTERNAL MODULE: ./src/platforms/chat/send.ts
var send = __webpack_require__(2301);
;// CONCATENATED MODULE: ./src/platforms/chat/discord.ts


/** Embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
const DISCORD_LIMITS = {
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    authorName: 256,
    /** title + description + field names and values + footer + author name, over all embeds. */
    total: 6000,
};
function embedLength(embed) {
    return (embed.title.length +
        (embed.description?.length ?? 0) +
        embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
        embed.footer.text.length +
        (embed.author?.name.length ?? 0));
}
/** One embed: colour by status, the fields, a timestamp, the run's link; cut to Discord's limits. */
function discordPayload(message) {
    const style = chat_message/* STATUS_STYLE */.DJ[message.status];
    const fields = message.fields.map((field) => ({
        // Discord rejects empty names and values.
        name: (0,chat_message/* truncate */.xv)((0,chat_message/* escapeMarkdown */.FV)(field.name), DISCORD_LIMITS.fieldName) || "–",
        value: (0,chat_message/* truncate */.xv)((0,chat_message/* escapeMarkdown */.FV)(field.value), DISCORD_LIMITS.fieldValue) || "–",
        inline: field.value.length <= 40,
    }));
    const embed = {
        title: (0,chat_message/* truncate */.xv)(`${style.symbol} ${(0,chat_message/* escapeMarkdown */.FV)(message.title)}`, DISCORD_LIMITS.title),
        color: style.color,
        timestamp: message.time,
        fields: [],
        footer: {
            text: (0,chat_message/* truncate */.xv)((0,chat_message/* contextParts */.it)(message)
                .map((part) => (0,chat_message/* escapeMarkdown */.FV)(part.text))
                .join(" · "), 512),
        },
        ...(message.runUrl ? { url: message.runUrl } : {}),
    };
    // Commit messages and reasons are text, not Markdown.
    const text = message.message.trim() ? (0,chat_message/* escapeMarkdown */.FV)(message.message) : "";
    const total = () => embedLength(embed);
    // Fields first (they carry what changed), keeping room for the start of the message; a last field
    // says how many were left out.
    const reserve = Math.min(text.length, 1000) + 40;
    for (const [index, field] of fields.entries()) {
        const left = fields.length - index;
        const lastSlot = embed.fields.length === DISCORD_LIMITS.fields - 1;
        if ((lastSlot && left > 1) ||
            total() + field.name.length + field.value.length > DISCORD_LIMITS.total - reserve) {
            embed.fields.push({ name: "…", value: `${left} more fields, not shown`, inline: false });
            break;
        }
        embed.fields.push(field);
    }
    // Then the message, in what is left.
    const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - total());
    if (text && room > 0)
        embed.description = (0,chat_message/* truncate */.xv)(text, room);
    return { embeds: [embed], allowed_mentions: { parse: [] } };
}
/** Discord webhook: answers 204 No Content (200 with the message when `?wait=true`). */
async function sendDiscord(url, message, options = {}) {
    await (0,send/* postJson */.B2)("Discord webhook", url, discordPayload(message), options, {
        hint: "Check the discord-webhook secret holds a current webhook URL (channel → Integrations → Webhooks).",
    });
}

;// CONCATENATED MODULE: ./src/platforms/chat/slack.ts



/** Block Kit limits (api.slack.com/reference/block-kit): exceeding any one rejects the whole message. */
const SLACK_LIMITS = {
    blocks: 50,
    headerText: 150,
    sectionText: 3000,
    fieldsPerSection: 10,
    fieldText: 2000,
    contextElements: 10,
    buttonText: 75,
    url: 3000,
    /** The top-level `text` (notification fallback); Slack truncates at 40,000, we keep it short. */
    text: 3000,
};
/** Slack's mrkdwn control characters (api.slack.com/reference/surfaces/formatting#escaping). */
function escapeMrkdwn(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function mrkdwn(text, max) {
    return { type: "mrkdwn", text: (0,chat_message/* truncate */.xv)(text, max) };
}
/**
 * The message as Block Kit: header (emoji by status), the message, the fields in sections of ten,
 * a context line, a button to the run. Block Kit has no colour for top-level blocks, so the status shows
 * as the header's emoji and the context's first word. Everything is cut to Slack's limits, never rejected.
 */
function slackBlocks(message) {
    const style = chat_message/* STATUS_STYLE */.DJ[message.status];
    const head = [
        {
            type: "header",
            text: {
                type: "plain_text",
                text: (0,chat_message/* truncate */.xv)(`${style.emoji} ${message.title}`, SLACK_LIMITS.headerText),
                emoji: true,
            },
        },
    ];
    if (message.message.trim()) {
        head.push({ type: "section", text: mrkdwn(escapeMrkdwn(message.message), SLACK_LIMITS.sectionText) });
    }
    const tail = [];
    const context = (0,chat_message/* contextParts */.it)(message).map(({ text, url }) => url ? `<${url}|${escapeMrkdwn(text)}>` : escapeMrkdwn(text));
    tail.push({
        type: "context",
        elements: context.slice(0, SLACK_LIMITS.contextElements).map((part) => mrkdwn(part, 2000)),
    });
    if (message.runUrl && message.runUrl.length <= SLACK_LIMITS.url) {
        tail.push({
            type: "actions",
            elements: [
                {
                    type: "button",
                    text: { type: "plain_text", text: "View workflow run", emoji: true },
                    url: message.runUrl,
                    ...(message.status === "failed" ? { style: "danger" } : {}),
                },
            ],
        });
    }
    const room = SLACK_LIMITS.blocks - head.length - tail.length;
    return [...head, ...fieldSections(message, room), ...tail];
}
function fieldSections(message, maxSections) {
    const texts = message.fields.map((field) => mrkdwn(`*${escapeMrkdwn(field.name)}*\n${escapeMrkdwn(field.value) || "–"}`, SLACK_LIMITS.fieldText));
    const per = SLACK_LIMITS.fieldsPerSection;
    const capacity = maxSections * per;
    if (texts.length > capacity) {
        const shown = texts.slice(0, capacity - 1);
        shown.push(mrkdwn(`_…and ${texts.length - shown.length} more fields, not shown_`, SLACK_LIMITS.fieldText));
        texts.splice(0, texts.length, ...shown);
    }
    const sections = [];
    for (let i = 0; i < texts.length; i += per)
        sections.push({ type: "section", fields: texts.slice(i, i + per) });
    return sections;
}
/** The notification text (shown in notifications and where blocks cannot be). */
function slackText(message) {
    const style = chat_message/* STATUS_STYLE */.DJ[message.status];
    const text = `${style.emoji} ${message.title}${message.message ? `: ${message.message}` : ""}`;
    return (0,chat_message/* truncate */.xv)(escapeMrkdwn(text), SLACK_LIMITS.text);
}
function slackPayload(message) {
    return { text: slackText(message), blocks: slackBlocks(message), unfurl_links: false, unfurl_media: false };
}
/** Incoming webhook: answers 200 `ok`, or 4xx with an error word (`invalid_payload`, `no_service` …). */
async function sendSlackWebhook(url, message, options = {}) {
    await (0,send/* postJson */.B2)("Slack webhook", url, slackPayload(message), options, {
        hint: "Check the slack-webhook secret holds a current incoming webhook URL (Slack app → Incoming Webhooks).",
    });
}
const postMessageAnswer = schemas/* object */.Ikc({
    ok: schemas/* boolean */.zMY(),
    ts: schemas/* string */.YjP().optional(),
    channel: schemas/* string */.YjP().optional(),
    error: schemas/* string */.YjP().optional(),
});
const API_HINTS = {
    invalid_auth: "Check slack-token: a bot token (xoxb-…) of an app installed in this workspace.",
    not_authed: "Check slack-token is passed to this step.",
    token_revoked: "The slack-token was revoked: create a new one.",
    account_inactive: "The slack-token belongs to a deleted user or app: create a new one.",
    missing_scope: "Add the chat:write scope to the Slack app and reinstall it.",
    channel_not_found: "Check slack-channel: a channel ID (C0123456789) the app can see.",
    not_in_channel: "Invite the app to the channel (/invite @app) or give it the chat:write.public scope.",
    is_archived: "The channel is archived: choose another slack-channel.",
    thread_not_found: "Check slack-thread-ts: the ts of a message in that channel.",
};
/**
 * chat.postMessage. Slack answers HTTP 200 with `{ok: false, error}` for most failures: those are
 * failures too. Returns the message's `ts` (to reply in its thread later) and the channel ID.
 */
async function postSlackMessage(message, options) {
    const label = "Slack API";
    const http = (0,send/* chatClient */.o5)(label, options);
    const base = (options.apiUrl ?? "https://slack.com/api").replace(/\/+$/, "");
    let answer;
    try {
        const response = await http.request({
            method: "POST",
            path: `${base}/chat.postMessage`,
            headers: { authorization: `Bearer ${options.token}` },
            body: {
                channel: options.channel,
                ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
                ...slackPayload(message),
            },
            schema: postMessageAnswer,
            safeToRetry: true,
        });
        answer = response.data;
    }
    catch (error) {
        throw (0,send/* channelError */.a5)(label, error, "Check slack-api-url and Slack's status page, then re-run.");
    }
    if (!answer.ok || !answer.ts) {
        const code = answer.error ?? "no ts in the answer";
        throw new send/* ChannelError */.Q6(`${label}: chat.postMessage failed: ${code}.${API_HINTS[code] ? ` ${API_HINTS[code]}` : ""}`, 200, code);
    }
    return { ts: answer.ts, channel: answer.channel ?? options.channel };
}

;// CONCATENATED MODULE: ./src/platforms/chat/teams.ts


/** Teams rejects messages over about 28 KB; stay under with a margin for the workflow's envelope. */
const TEAMS_LIMITS = { bytes: 27_000, title: 256, factValue: 1000, message: 20_000 };
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
function payloadBytes(payload) {
    return Buffer.byteLength(JSON.stringify(payload), "utf8");
}
function card(message, messageMax, factCount) {
    const style = chat_message/* STATUS_STYLE */.DJ[message.status];
    const body = [
        {
            type: "TextBlock",
            text: (0,chat_message/* truncate */.xv)(`${style.symbol} ${(0,chat_message/* escapeMarkdown */.FV)(message.title)}`, TEAMS_LIMITS.title),
            size: "Large",
            weight: "Bolder",
            color: style.teamsColor,
            style: "heading",
            wrap: true,
        },
    ];
    // Commit messages and reasons are text, not Markdown.
    const text = (0,chat_message/* truncate */.xv)((0,chat_message/* escapeMarkdown */.FV)(message.message.trim()), messageMax);
    if (text)
        body.push({ type: "TextBlock", text, wrap: true });
    if (message.fields.length) {
        const facts = message.fields.slice(0, factCount).map((field) => ({
            title: (0,chat_message/* truncate */.xv)((0,chat_message/* escapeMarkdown */.FV)(field.name), TEAMS_LIMITS.factValue),
            value: (0,chat_message/* truncate */.xv)((0,chat_message/* escapeMarkdown */.FV)(field.value), TEAMS_LIMITS.factValue) || "–",
        }));
        const hidden = message.fields.length - facts.length;
        if (hidden > 0)
            facts.push({ title: "…", value: `${hidden} more fields, not shown` });
        body.push({ type: "FactSet", facts });
    }
    const context = (0,chat_message/* contextParts */.it)(message)
        .map((part) => (part.url ? `[${(0,chat_message/* escapeMarkdown */.FV)(part.text)}](${part.url})` : (0,chat_message/* escapeMarkdown */.FV)(part.text)))
        .join(" · ");
    body.push({ type: "TextBlock", text: context, size: "Small", isSubtle: true, wrap: true });
    return {
        type: "message",
        attachments: [
            {
                contentType: ADAPTIVE_CARD,
                contentUrl: null,
                content: {
                    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
                    type: "AdaptiveCard",
                    version: "1.4",
                    msteams: { width: "Full" },
                    body,
                    actions: message.runUrl
                        ? [{ type: "Action.OpenUrl", title: "View workflow run", url: message.runUrl }]
                        : [],
                },
            },
        ],
    };
}
/**
 * An Adaptive Card: title coloured by status, the message, the fields as a FactSet, a context line and
 * an Action.OpenUrl to the run. Over the size limit, the message shrinks first, then fields are left out.
 */
function teamsPayload(message) {
    let messageMax = Math.min(TEAMS_LIMITS.message, message.message.length);
    let factCount = message.fields.length;
    for (;;) {
        const payload = card(message, messageMax, factCount);
        const excess = payloadBytes(payload) - TEAMS_LIMITS.bytes;
        if (excess <= 0 || (messageMax === 0 && factCount === 0))
            return payload;
        if (messageMax > 1000)
            messageMax = Math.max(1000, messageMax - excess - 100);
        else if (factCount > 0)
            factCount = Math.max(0, factCount - Math.ceil(excess / 200));
        else
            messageMax = Math.max(0, messageMax - excess - 100);
    }
}
/** Teams workflow webhook: answers 202 Accepted (the flow runs afterwards). */
async function sendTeams(url, message, options = {}) {
    await (0,send/* postJson */.B2)("Teams webhook", url, teamsPayload(message), options, {
        hint: "Check the teams-webhook secret holds the URL of a Teams workflow (Workflows → Post to a channel when a webhook request is received).",
    });
}

;// CONCATENATED MODULE: ./src/platforms/chat/webhook.ts

function webhookPayload(message, incident) {
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
async function sendWebhook(url, payload, options = {}) {
    await (0,send/* postJson */.B2)("Webhook", url, payload, options, {
        headers: options.headers,
        hint: "Check the webhook-url secret and that the receiver answers 2xx to a JSON POST.",
    });
}

// EXTERNAL MODULE: ./src/platforms/github/issues.ts
var issues = __webpack_require__(1840);
;// CONCATENATED MODULE: ./src/actions/notify/chat.ts





const json = (value) => JSON.stringify(value, null, 2);
/** The team's channels: Slack, Discord, Teams, the JSON webhook and the incident issue. Planning reads nothing. */
function chatChannels(settings, said, run, send, notice) {
    const { shown } = said;
    const plans = [];
    const slackToken = settings["slack-token"];
    const slackChannel = settings["slack-channel"];
    if (slackToken && slackChannel) {
        if (settings["slack-webhook"])
            notice("Both slack-token and slack-webhook are set: posting with the Web API only.");
        const threadTs = settings["slack-thread-ts"];
        plans.push({
            channel: "slack",
            via: threadTs ? "Slack Web API, thread reply" : "Slack Web API",
            preview: json({
                channel: slackChannel,
                ...(threadTs ? { thread_ts: threadTs } : {}),
                ...slackPayload(shown),
            }),
            warnings: [],
            send: async () => {
                const posted = await postSlackMessage(shown, {
                    ...send,
                    token: slackToken,
                    channel: slackChannel,
                    threadTs,
                    apiUrl: settings["slack-api-url"],
                });
                return {
                    detail: `posted to ${posted.channel}${threadTs ? ` in thread ${threadTs}` : ""} (ts ${posted.ts})`,
                    outputs: { "slack-ts": posted.ts },
                };
            },
        });
    }
    else if (settings["slack-webhook"]) {
        const url = settings["slack-webhook"];
        plans.push({
            channel: "slack",
            via: "Slack incoming webhook",
            preview: json(slackPayload(shown)),
            warnings: [],
            send: () => sendSlackWebhook(url, shown, send).then(() => ({ detail: "delivered" })),
        });
    }
    const discord = settings["discord-webhook"];
    if (discord) {
        plans.push({
            channel: "discord",
            via: "Discord webhook",
            preview: json(discordPayload(shown)),
            warnings: [],
            send: () => sendDiscord(discord, shown, send).then(() => ({ detail: "delivered" })),
        });
    }
    const teams = settings["teams-webhook"];
    if (teams) {
        plans.push({
            channel: "teams",
            via: "Teams workflow webhook",
            preview: json(teamsPayload(shown)),
            warnings: [],
            send: () => sendTeams(teams, shown, send).then(() => ({ detail: "accepted" })),
        });
    }
    const webhook = settings["webhook-url"];
    if (webhook) {
        const headers = settings["webhook-headers"];
        plans.push({
            channel: "webhook",
            via: "JSON webhook",
            preview: json(said.webhook),
            warnings: [],
            send: () => sendWebhook(webhook, said.webhook, { ...send, headers }).then(() => ({ detail: "delivered" })),
        });
    }
    const token = settings["github-token"];
    if (settings["incident-issue"] && token && run.repository) {
        const { owner, repo, full } = run.repository;
        plans.push({
            channel: "github-issue",
            via: `GitHub issue in ${full}`,
            preview: `${said.incident.title}\n\n${(0,issues/* incidentIssueBody */.Kp)(said.incident)}`,
            warnings: [],
            send: async () => {
                const { githubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1719));
                const { recordIncident } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1840));
                const octokit = await githubClient({ token, apiUrl: run.apiUrl });
                const result = await recordIncident(octokit, { owner, repo, report: said.incident, log: send.log });
                return {
                    detail: result.action === "opened"
                        ? `opened #${result.number} ${result.url}`
                        : `commented on #${result.number} ${result.commentUrl ?? result.url}`,
                    outputs: { "issue-url": result.url, "issue-number": result.number },
                };
            },
        });
    }
    return plans;
}

// EXTERNAL MODULE: ./src/actions/notify/checks.ts
var checks = __webpack_require__(1752);
// EXTERNAL MODULE: ./src/core/wait.ts
var wait = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/platforms/status/common.ts
var common = __webpack_require__(9110);
;// CONCATENATED MODULE: ./src/actions/notify/compose.ts





const PHASE = {
    started: "Rollback started",
    succeeded: "Rollback succeeded",
    failed: "Rollback failed",
    cancelled: "Rollback cancelled",
    info: "Rollback update",
    unverified: "Rolled back, not verified",
};
function compose(settings, status, run, now) {
    const context = (0,chat_message/* contextFromRun */.vL)(run);
    const time = new Date(now).toISOString();
    const started = settings["started-at"];
    const durationMs = started === undefined ? undefined : Math.max(0, now - started);
    // What people read must not carry a secret even when one was pasted into the text.
    const userFields = settings.fields.map((f) => ({ name: (0,secrets/* redact */.E$)(f.name), value: (0,secrets/* redact */.E$)(f.value) }));
    const reason = settings.reason && (0,secrets/* redact */.E$)(settings.reason);
    const impact = settings.impact && (0,secrets/* redact */.E$)(settings.impact);
    const resolution = settings.resolution && (0,secrets/* redact */.E$)(settings.resolution);
    const base = {
        status,
        title: (0,secrets/* redact */.E$)(settings.title),
        message: (0,secrets/* redact */.E$)(settings.message),
        fields: userFields,
        time,
        ...context,
    };
    // In chat, the reason leads and the incident's facts follow what changed.
    const shown = {
        ...base,
        fields: [
            ...(reason ? [{ name: "Reason", value: reason }] : []),
            ...userFields,
            ...(durationMs !== undefined ? [{ name: "Duration", value: (0,wait/* formatMs */._V)(durationMs) }] : []),
            ...(impact ? [{ name: "Impact", value: impact }] : []),
            ...(resolution ? [{ name: "Resolution", value: resolution }] : []),
        ],
    };
    const incidentTitle = (0,secrets/* redact */.E$)(settings["incident-title"] ?? settings.title);
    const webhook = webhookPayload(base, {
        title: incidentTitle,
        reason: reason ?? null,
        impact: impact ?? null,
        resolution: resolution ?? null,
        duration_ms: durationMs ?? null,
    });
    const incident = {
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
    const pageImpact = common/* IMPACTS */.wD.includes(impact ?? "")
        ? impact
        : "major";
    const statusPage = {
        name: (0,secrets/* redact */.E$)(settings["status-page-title"]),
        message: (0,secrets/* redact */.E$)(settings["status-page-message"] ?? common/* DEFAULT_TEXT */.as.message[status]),
        impact: pageImpact,
    };
    const repository = run.repository?.full ?? "unknown repository";
    const environment = settings.environment;
    const pagerDuty = {
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

;// CONCATENATED MODULE: ./src/actions/notify/plan.ts





const NO_CHANNEL = "notify: no channel configured (slack-webhook, slack-token, discord-webhook, teams-webhook, webhook-url, incident-issue, statuspage-api-key, instatus-api-key, betterstack-api-token, pagerduty-routing-key, github-deployment): nothing sent.";
/**
 * Renders every message once and plans each configured channel. Status pages are read here (components,
 * the open incident), so a dry run shows exactly what each would get; a channel whose read fails is
 * planned as failed, and the others go on.
 */
async function planNotify(ctx, tuning) {
    const { settings, run } = ctx;
    (0,checks/* checkInputs */.s)(settings, run);
    const status = settings.status in STATUS_ALIASES
        ? STATUS_ALIASES[settings.status]
        : settings.status;
    const said = compose(settings, status, run, Date.now());
    const send = { ...tuning, log: (line) => ctx.log.info(line) };
    // Status pages, PagerDuty and GitHub deployments load only when one is set up: a chat-only run (a Slack
    // webhook) reaches its request without building their clients and response schemas.
    const outside = usesOutside(settings) ? await __webpack_require__.e(/* import() */ 356).then(__webpack_require__.bind(__webpack_require__, 4356)) : undefined;
    const channels = [
        ...chatChannels(settings, said, run, send, (line) => ctx.tk.notice(line)),
        ...((await outside?.statusPageChannels(settings, said, run, send)) ?? []),
        ...(outside?.pagerDutyChannel(settings, said, run, send) ?? []),
        ...(outside?.deploymentChannel(settings, said, run) ?? []),
    ];
    if (channels.length === 0)
        ctx.tk.notice(NO_CHANNEL);
    const dryRun = settings["dry-run"];
    if (dryRun) {
        for (const channel of channels) {
            ctx.log.info(`Dry run: ${channel.channel} (${channel.via}) would get:\n${channel.skip ?? channel.error ?? channel.preview}`);
        }
    }
    return { status, title: said.shown.title, channels, failOnError: settings["fail-on-error"], dryRun };
}
/** Each channel of outside.ts needs one of these (and checks the rest itself). */
function usesOutside(settings) {
    return Boolean(settings["statuspage-api-key"] ||
        settings["instatus-api-key"] ||
        settings["betterstack-api-token"] ||
        settings["pagerduty-routing-key"] ||
        (0,checks/* recordsDeployment */.i)(settings));
}
function describeNotify(plan, summary) {
    summary.text(`${chat_message/* STATUS_STYLE */.DJ[plan.status].symbol} **${(0,chat_message/* escapeGitHubMarkdown */.Uz)(plan.title)}** (${plan.status})`);
    if (plan.channels.length === 0)
        return;
    summary.table(["Channel", "Via", "Plan"], plan.channels.map((c) => [c.channel, c.via, c.error ? `❌ ${c.error}` : (c.skip ?? "send")]));
    if (!plan.dryRun)
        return;
    for (const c of plan.channels) {
        if (!c.skip && !c.error)
            summary.details(`${c.channel}: what would be sent`, `\`\`\`\n${c.preview}\n\`\`\``);
    }
}

;// CONCATENATED MODULE: ./src/actions/notify/report.ts


const STATUS_PAGES = new Set(["statuspage", "instatus", "betterstack"]);
const RESULT = { sent: "✅ sent", failed: "❌ failed", skipped: "➖ skipped" };
/** `status-page-incident`: the bare id for one page, `channel:id` pairs for several. */
function incidentOutput(outcomes) {
    const ids = outcomes.flatMap((o) => STATUS_PAGES.has(o.channel) && o.outputs?.incident ? [[o.channel, String(o.outputs.incident)]] : []);
    if (ids.length === 0)
        return undefined;
    return ids.length === 1 ? ids[0]?.[1] : ids.map(([channel, id]) => `${channel}:${id}`).join(" ");
}
function reportNotify(ctx, plan, outcomes) {
    const sent = outcomes.filter((o) => o.result === "sent").map((o) => o.channel);
    const failed = outcomes.filter((o) => o.result === "failed");
    const status = failed.length ? (sent.length ? "partial" : "failed") : sent.length ? "sent" : "skipped";
    const outputs = {
        sent: sent.join(" "),
        "failed-channels": JSON.stringify(failed.map((o) => ({ channel: o.channel, reason: o.detail }))),
        "status-page-incident": incidentOutput(outcomes),
    };
    for (const outcome of outcomes) {
        for (const [name, value] of Object.entries(outcome.outputs ?? {}))
            if (name !== "incident")
                outputs[name] = value;
    }
    let failure;
    if (failed.length && plan.failOnError)
        failure = failureMessage(failed, outcomes.length, status);
    else if (failed.length) {
        for (const outcome of failed)
            ctx.log.warn(outcome.detail);
        ctx.log.info(notFailingNote(status));
    }
    const warnings = plan.channels.flatMap((c) => c.warnings);
    return {
        status,
        // The title is the user's text: in the job summary it is text, not Markdown.
        headline: `${chat_message/* STATUS_STYLE */.DJ[plan.status].symbol} ${(0,chat_message/* escapeGitHubMarkdown */.Uz)(plan.title)}: ${status}`,
        outputs,
        summary: (summary) => {
            summary.table(["Channel", "Via", "Result", "Detail"], plan.channels.map((c) => {
                const outcome = outcomes.find((o) => o.channel === c.channel);
                return [c.channel, c.via, outcome ? RESULT[outcome.result] : "–", outcome?.detail];
            }));
            if (warnings.length)
                summary.heading("Warnings").list(warnings);
        },
        failure,
    };
}

;// CONCATENATED MODULE: ./src/actions/notify/index.ts






/**
 * Tells people what the rollback did: chat, the incident issue, status pages, PagerDuty and GitHub's
 * deployment log. Fails the step only with `fail-on-error: true`. `tuning` sets retry timing (tests, the
 * local drill); the runner uses the defaults.
 */
function notifyAction(tuning = {}) {
    return (0,action/* defineAction */.QP)({
        name: "notify",
        title: "Notify",
        inputs: notifyInputs,
        plan: (ctx) => planNotify(ctx, tuning),
        nothingToDo: (plan) => plan.channels.length === 0
            ? { status: "skipped", reason: "No channel configured: nothing sent." }
            : undefined,
        planOutputs: () => ({ sent: "" }),
        describe: describeNotify,
        apply: applyNotify,
        report: reportNotify,
        explain: explainNotify,
    });
}
/* harmony default export */ const notify = (notifyAction());


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   c_: () => (/* binding */ serverNow),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   v1: () => (/* binding */ isPlainRefusal),
/* harmony export */   x8: () => (/* binding */ readBody),
/* harmony export */   yy: () => (/* reexport safe */ _wait_js__WEBPACK_IMPORTED_MODULE_2__.yy)
/* harmony export */ });
/* harmony import */ var _network_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7957);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
/* harmony import */ var _undici_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3547);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3210);




class HttpError extends Error {
    name = "HttpError";
    kind;
    details;
    constructor(message, kind, details) {
        super((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message));
        this.kind = kind;
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    get code() {
        return this.details.code;
    }
    get ambiguous() {
        return this.details.ambiguous === true;
    }
}
/** Retry-After as seconds or an HTTP date, in milliseconds. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text.trim()))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** The server's clock at the response (its Date header), or the local clock when it sent none. */
function serverNow(date, now = Date.now()) {
    const parsed = Date.parse((Array.isArray(date) ? date[0] : date) ?? "");
    return Number.isNaN(parsed) ? now : parsed;
}
/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

// Network failures where the request provably never reached the server.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);
function shortUrl(url) {
    return `${url.origin}${url.pathname}`;
}
/** JSON over HTTP with timeouts, retries and one error type: the base of every platform client. */
class HttpClient {
    options;
    constructor(options) {
        this.options = {
            timeoutMs: 30_000,
            retries: 4,
            backoffBaseMs: 500,
            backoffMaxMs: 10_000,
            maxRetryAfterMs: 120_000,
            maxBodyBytes: 32 * MiB,
            ...options,
        };
    }
    /** Requests made so far (attempts, retries included): API budgets are measured with it. */
    requestCount = 0;
    async request(options) {
        const method = options.method ?? "GET";
        const url = this.url(options.path, options.query);
        const safe = options.safeToRetry ?? (method === "GET" || method === "HEAD");
        const { retries, backoffBaseMs, backoffMaxMs, maxRetryAfterMs, platform } = this.options;
        const label = `${platform} API ${method} ${shortUrl(url)}`;
        // The client's own headers (its token) go to its own origin only: an absolute URL elsewhere (a link
        // in a platform's answer) gets the request's headers alone.
        const home = url.origin === URL.parse(this.options.baseUrl)?.origin;
        const headers = {
            accept: "application/json",
            ...(home ? this.options.headers : {}),
            ...options.headers,
        };
        let body;
        if (options.body !== undefined) {
            body = JSON.stringify(options.body);
            headers["content-type"] = "application/json";
        }
        else if (options.form) {
            body = new URLSearchParams(options.form).toString();
            headers["content-type"] = "application/x-www-form-urlencoded";
        }
        for (let attempt = 0;; attempt++) {
            let retry;
            try {
                this.requestCount++;
                const response = await (0,_undici_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .E)(url, {
                    method,
                    headers,
                    body,
                    signal: AbortSignal.timeout(this.options.timeoutMs),
                    headersTimeout: this.options.timeoutMs,
                    bodyTimeout: this.options.timeoutMs,
                });
                const { text, truncated } = await readBody(response.body, this.options.maxBodyBytes);
                if (truncated) {
                    throw new HttpError(`${label} → ${response.statusCode}: the answer is larger than ${formatSize(this.options.maxBodyBytes)}; stopped reading it.`, "parse", { method, url: shortUrl(url), status: response.statusCode, ambiguous: !safe });
                }
                const parsed = parseBody(text);
                const { statusCode: status } = response;
                const accepted = (status >= 200 && status < 300) || options.acceptStatuses?.includes(status);
                if (accepted) {
                    return {
                        status,
                        headers: response.headers,
                        data: this.parse(label, status, parsed, options, method, url),
                        attempts: attempt + 1,
                    };
                }
                // An HTTP-date Retry-After is on the server's clock: measure it against the response's own Date.
                const retryAfterMs = parseRetryAfter(response.headers["retry-after"], serverNow(response.headers.date));
                const details = plainWhenRefused(status, this.options.errorDetails?.(parsed));
                const error = new HttpError(`${label} → ${status}${details?.code ? ` ${details.code}` : ""}: ${details?.message ?? (refused(status) ? NOT_SHOWN : snippet(text) || "no message")}`, status === 429 ? "rate-limit" : "status", {
                    method,
                    url: shortUrl(url),
                    status,
                    code: details?.code,
                    platformMessage: details?.message,
                    body: refused(status) ? undefined : parsed,
                    ambiguous: status >= 500 && !safe,
                    retryAfterMs,
                });
                const retryable = status === 429 || (status >= 500 && safe);
                if (!retryable || attempt >= retries)
                    throw error;
                if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
                    throw new HttpError(`${error.message} (the platform asks to wait ${Math.ceil(retryAfterMs / 1000)}s: try again later)`, error.kind, error.details);
                }
                retry = {
                    reason: `${status}`,
                    delayMs: retryAfterMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs),
                };
            }
            catch (error) {
                if (error instanceof HttpError)
                    throw error;
                const timedOut = error instanceof DOMException && error.name === "TimeoutError";
                const found = (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
                const code = timedOut ? "timeout" : (found?.code ?? "network error");
                const notSent = NOT_SENT.has(code);
                const failure = new HttpError(`${label} failed: ${timedOut ? `no answer within ${this.options.timeoutMs} ms` : (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .networkText */ .g)(code, found?.message ?? error.message)}`, timedOut ? "timeout" : "network", { method, url: shortUrl(url), code, ambiguous: !notSent && !safe });
                if ((!safe && !notSent) || attempt >= retries)
                    throw failure;
                retry = { reason: code, delayMs: backoffDelay(attempt, backoffBaseMs, backoffMaxMs) };
            }
            this.options.onRetry?.({ attempt: attempt + 1, ...retry });
            await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(retry.delayMs);
        }
    }
    url(path, query) {
        const url = /^https?:\/\//.test(path)
            ? new URL(path)
            : new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
        for (const [key, value] of Object.entries(query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        return url;
    }
    parse(label, status, body, options, method, url) {
        if (!options.schema)
            return body;
        const result = options.schema.safeParse(body);
        if (result.success)
            return result.data;
        const issue = result.error.issues[0];
        const where = issue?.path.length ? issue.path.join(".") : "body";
        throw new HttpError(`${label} answered ${status} with a body this client does not understand (${where}: ${issue?.message}).`, "parse", { method, url: shortUrl(url), status, body });
    }
}
function parseBody(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
const MiB = 1024 * 1024;
function formatSize(bytes) {
    return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}
/** Reads a body as text, at most `limit` bytes; past that the stream is closed and `truncated` set. */
async function readBody(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        if (size + chunk.length > limit) {
            chunks.push(chunk.subarray(0, limit - size));
            // Leaving the loop destroys the stream: nothing more is downloaded.
            return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
        }
        chunks.push(chunk);
        size += chunk.length;
    }
    return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}
/** A 401/403 body may echo the credentials it refused. */
function refused(status) {
    return status === 401 || status === 403;
}
const NOT_SHOWN = "the credentials were refused (the answer's body is not shown: it may echo them)";
/** Words a platform uses to refuse (`forbidden`, "Bad credentials"), never a token-like string. */
function isPlainRefusal(text) {
    return /^[A-Za-z][A-Za-z _.,'()-]{0,79}$/.test(text) && !/[A-Za-z_-]{25,}/.test(text);
}
function plainWhenRefused(status, details) {
    if (!refused(status) || !details)
        return details;
    const plain = (text) => (text && isPlainRefusal(text) ? text : undefined);
    return { code: plain(details.code), message: plain(details.message) };
}
function snippet(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}


/***/ }),

/***/ 7957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   g: () => (/* binding */ networkText)
/* harmony export */ });
// Network failures in words a person acts on. Node reports TLS failures with OpenSSL's internal error
// string (library, function, source file and line): the reason is the only part that helps, and the most
// common one, "wrong version number", means the port speaks plain HTTP.
/** The first error code in an error's cause chain (undici wraps the socket's error). */
function errorCode(error) {
    let current = error;
    while (current && typeof current === "object") {
        const code = current.code;
        if (typeof code === "string" && code !== "UND_ERR")
            return { code, message: String(current.message ?? "") };
        current = current.cause;
    }
    return undefined;
}
const OPENSSL = /^[0-9A-F]+:error:[0-9A-F]+:[^:]+:[^:]+:([^:]+):/;
/** `code (message)`, with OpenSSL's internals reduced to the reason and a hint for the usual cause. */
function networkText(code, message) {
    if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG")
        return "TLS failed: the server did not answer in TLS (is it plain http on that port? use http://, or the TLS port)";
    const reason = OPENSSL.exec(message)?.[1];
    if (reason)
        return `TLS failed: ${reason} (${code})`;
    return `${code} (${message})`;
}


/***/ }),

/***/ 3547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2581);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__);




// What undici's index does as it loads: every dispatcher answers request(), stream(), pipeline() …
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `request(url, options)`: the URL split into origin and path, on `dispatcher` or the global one. */
function request(url, options = {}) {
    const { dispatcher = undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default().getGlobalDispatcher(), ...rest } = options;
    const { origin, pathname, search } = new URL(url);
    return dispatcher.request({
        ...rest,
        origin,
        path: `${pathname}${search}`,
        method: rest.method ?? (rest.body ? "PUT" : "GET"),
    });
}


/***/ })

};
