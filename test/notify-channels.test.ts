import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import { ChatSimulator } from "../src/sim/chat.ts";
import { expectDiscordMessage, expectSlackMessage, expectTeamsMessage } from "./notify-schemas.ts";

const env = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "4242",
  GITHUB_ACTOR: "octocat",
  GITHUB_REF: "refs/heads/main",
  GITHUB_WORKFLOW: "Rollback",
};
// Short backoff so retries take milliseconds; Retry-After is still honoured as sent.
const fast = { backoffBaseMs: 5, backoffMaxMs: 20, retries: 3 };

let sim: ChatSimulator;
beforeAll(async () => {
  sim = new ChatSimulator();
  await sim.start();
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.server.clearFaults();
  sim.server.requests.length = 0;
  sim.delivered.length = 0;
});

function allChannels(): Record<string, string> {
  return {
    "slack-webhook": sim.slackWebhookUrl,
    "discord-webhook": sim.discordWebhookUrl,
    "teams-webhook": sim.teamsWebhookUrl,
    "webhook-url": sim.webhookUrl,
  };
}

const secretParts = [
  "simulatedSlackSecret0001",
  "simulatedDiscordSecret0001",
  "simulatedTeamsSig0001",
  "xoxb-simulated-bot-token",
];

function expectNoSecret(tk: ReturnType<typeof recordingToolkit>) {
  const seen = [...tk.logs, JSON.stringify(tk.outputs), tk.summary, tk.failed ?? ""].join("\n");
  for (const secret of secretParts) expect(seen).not.toContain(secret);
}

function notify(tk: ReturnType<typeof recordingToolkit>, tuning = fast) {
  return runDefinition(notifyAction(tuning), tk);
}

async function run(inputs: Record<string, string>, tuning = fast) {
  const tk = recordingToolkit(inputs, env);
  await notify(tk, tuning);
  return tk;
}

describe("notify: every channel against the local sink", () => {
  it("sends to Slack, Discord, Teams and the webhook at once, in each platform's shape", async () => {
    const tk = await run({
      status: "succeeded",
      title: "Rollback: checkout 500s",
      message: "Production serves the previous version again.",
      fields: "Vercel: dpl_bad → dpl_good\nRailway api: d_9 → d_8",
      reason: "error rate 12%",
      ...allChannels(),
    });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toEqual({
      status: "sent",
      sent: "slack discord teams webhook",
      "failed-channels": "[]",
    });

    const [slack] = sim.messages("slack-webhook");
    const blocks = expectSlackMessage(slack);
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "context", "actions"]);
    expect(JSON.stringify(blocks[2])).toContain("*Reason*\\nerror rate 12%");
    expect(JSON.stringify(blocks[2])).toContain("*Vercel*\\ndpl_bad → dpl_good");
    expect(blocks[4]).toMatchObject({
      elements: [{ url: "https://github.com/acme/shop/actions/runs/4242" }],
    });

    const embed = expectDiscordMessage(sim.messages("discord")[0]);
    expect(embed).toMatchObject({ title: "✅ Rollback: checkout 500s", color: 0x2eb67d });
    expect(embed.fields).toContainEqual({ name: "Railway api", value: "d_9 → d_8", inline: true });

    const { elements } = expectTeamsMessage(sim.messages("teams")[0]);
    expect(elements.find((element) => element.type === "FactSet")).toMatchObject({
      facts: [
        { title: "Reason", value: "error rate 12%" },
        { title: "Vercel", value: "dpl_bad → dpl_good" },
        { title: "Railway api", value: "d_9 → d_8" },
      ],
    });

    expect(sim.messages("webhook")[0]).toMatchObject({
      version: 1,
      status: "succeeded",
      title: "Rollback: checkout 500s",
      fields: [
        { name: "Vercel", value: "dpl_bad → dpl_good" },
        { name: "Railway api", value: "d_9 → d_8" },
      ],
      repository: "acme/shop",
      run_url: "https://github.com/acme/shop/actions/runs/4242",
      incident: { title: "Rollback: checkout 500s", reason: "error rate 12%" },
    });
    expect(tk.summary).toContain("| slack | Slack incoming webhook | ✅ sent |");
    expect(tk.summary).toContain("| webhook | JSON webhook | ✅ sent |");
    expectNoSecret(tk);
  });

  it("sends the generic webhook's headers and maps ${{ job.status }} words", async () => {
    const tk = await run({
      status: "failure",
      "webhook-url": sim.webhookUrl,
      "webhook-headers": "Authorization: Bearer hook-secret-123\nX-Team: ops",
    });
    expect(tk.outputs.status).toBe("sent");
    const [request] = sim.requests("webhook");
    expect(request?.headers.authorization).toBe("Bearer hook-secret-123");
    expect(request?.headers["x-team"]).toBe("ops");
    expect(sim.messages("webhook")[0]).toMatchObject({ status: "failed", title: "Production rollback" });
    expect(tk.logs.join("\n")).not.toContain("hook-secret-123");
  });

  it("a secret pasted into the text is sent as ***", async () => {
    const tk = await run({
      message: "token was xoxb-pasted-secret-99 oops",
      "slack-token": "xoxb-pasted-secret-99",
      "slack-channel": "C0123456789",
      "slack-api-url": sim.slackApiUrl,
      "webhook-url": sim.webhookUrl,
    });
    expect(tk.outputs).toMatchObject({ status: "partial", sent: "webhook" });
    expect(sim.messages("webhook")[0]).toMatchObject({ message: "token was *** oops" });
    expect(JSON.stringify(sim.server.requests.map((request) => request.body))).not.toContain(
      "xoxb-pasted-secret-99",
    );
  });

  it("truncates a huge message and 60 fields on every channel, and every channel accepts it", async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `Service ${i + 1}: ${"d".repeat(1500)}`).join("\n");
    const tk = await run({ title: "T".repeat(400), message: "m".repeat(50_000), fields, ...allChannels() });
    expect(tk.outputs).toEqual({
      status: "sent",
      sent: "slack discord teams webhook",
      "failed-channels": "[]",
    });
    const blocks = expectSlackMessage(sim.messages("slack-webhook")[0]);
    expect(blocks.filter((block) => block.fields)).toHaveLength(6);
    expectDiscordMessage(sim.messages("discord")[0]);
    expectTeamsMessage(sim.messages("teams")[0]);
  });

  it("retries a 429, waiting what Retry-After asks, and 5xx answers", async () => {
    sim.inject("slack-webhook", {
      kind: "status",
      status: 429,
      headers: { "retry-after": "1" },
      body: "rate_limited",
    });
    sim.inject("discord", { kind: "status", status: 503, times: 2 });
    sim.inject("teams", { kind: "status", status: 502 });
    const tk = await run(allChannels());
    expect(tk.outputs.status).toBe("sent");
    expect(sim.requests("slack-webhook")).toHaveLength(2);
    expect(sim.requests("discord")).toHaveLength(3);
    expect(sim.requests("teams")).toHaveLength(2);
    expect(sim.messages("slack-webhook")).toHaveLength(1);
    expect(sim.messages("discord")).toHaveLength(1);
    const log = tk.logs.join("\n");
    expect(log).toContain("Slack webhook: 429, retrying in 1.0s (attempt 2)");
    expect(log).toMatch(/Discord webhook: 503, retrying in \d+ ms \(attempt 3\)/);
    expectNoSecret(tk);
  });

  it("one channel down: the others are delivered, status partial, the step does not fail", async () => {
    sim.inject("teams", {
      kind: "status",
      status: 500,
      times: 10,
      body: { error: { code: "Boom", message: "down" } },
    });
    const tk = await run(allChannels());
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toEqual({
      status: "partial",
      sent: "slack discord webhook",
      "failed-channels": expect.stringContaining('"channel":"teams"'),
    });
    expect(sim.requests("teams")).toHaveLength(4);
    expect(tk.logs).toContainEqual(
      expect.stringMatching(/^warning: Teams webhook: HTTP 500 Boom: down\. Check the teams-webhook/),
    );
    expect(tk.summary).toContain("| teams | Teams workflow webhook | ❌ failed | Teams webhook: HTTP 500");
    expectNoSecret(tk);
  });

  it("fail-on-error: true fails the step naming the channel, not its URL", async () => {
    sim.inject("discord", { kind: "status", status: 404, body: { code: 10015, message: "Unknown Webhook" } });
    const tk = await run({ ...allChannels(), "fail-on-error": "true" });
    expect(tk.outputs).toEqual({
      status: "partial",
      sent: "slack teams webhook",
      "failed-channels": expect.stringContaining('"channel":"discord"'),
    });
    expect(tk.failed).toMatch(
      /^notify: 1 of 4 channels could not be reached \(status partial\):\nDiscord webhook: HTTP 404 10015: Unknown Webhook\./,
    );
    // 404 is not retried.
    expect(sim.requests("discord")).toHaveLength(1);
    expect(tk.failed).not.toContain("/api/webhooks");
    expectNoSecret(tk);
  });

  it("fail-on-error: true does not fail when everything is delivered; all down is `failed`", async () => {
    const ok = await run({ ...allChannels(), "fail-on-error": "true" });
    expect(ok.failed).toBeUndefined();
    expect(ok.outputs.status).toBe("sent");

    sim.inject("slack-webhook", { kind: "status", status: 403, body: "action_prohibited" });
    sim.inject("discord", { kind: "drop", times: 10 });
    const down = await run({
      "slack-webhook": sim.slackWebhookUrl,
      "discord-webhook": sim.discordWebhookUrl,
    });
    expect(down.failed).toBeUndefined();
    expect(down.outputs).toEqual({
      status: "failed",
      sent: "",
      "failed-channels": expect.stringContaining('"channel":"slack"'),
    });
    const log = down.logs.join("\n");
    expect(log).toContain("Slack webhook: HTTP 403 action_prohibited.");
    expect(log).toMatch(/Discord webhook: could not connect \(\w+\)/);
    expectNoSecret(down);
  });

  it("a connection refused is a failed channel with a message naming it", async () => {
    const tk = await run(
      { "webhook-url": "http://127.0.0.1:9/hooks/secret-path-xyz" },
      { ...fast, retries: 1 },
    );
    expect(tk.outputs).toEqual({
      status: "failed",
      sent: "",
      "failed-channels": expect.stringContaining('"channel":"webhook"'),
    });
    expect(tk.logs.join("\n")).toContain("warning: Webhook: could not connect (ECONNREFUSED).");
    expect(tk.logs.join("\n")).not.toContain("secret-path-xyz");
  });

  it("no channel configured: status skipped with a notice, nothing sent, no failure", async () => {
    const tk = await run({ status: "succeeded", message: "done", "fail-on-error": "true" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toEqual({ status: "skipped", sent: "" });
    expect(tk.logs).toContainEqual(expect.stringMatching(/^notice: notify: no channel configured/));
    expect(tk.summary).toContain("No channel configured");
    expect(sim.server.requests).toHaveLength(0);
  });
});

describe("notify: Slack Web API", () => {
  const api = () => ({
    "slack-token": sim.slackToken,
    "slack-channel": "C0123456789",
    "slack-api-url": sim.slackApiUrl,
  });

  it("posts with a Bearer token, returns slack-ts, and replies in that thread", async () => {
    const first = await run({ status: "started", title: "Rollback started", ...api() });
    expect(first.outputs).toMatchObject({ status: "sent", sent: "slack" });
    const ts = first.outputs["slack-ts"];
    expect(ts).toMatch(/^\d+\.\d+$/);
    const [request] = sim.requests("slack-api");
    expect(request?.path).toBe("/api/chat.postMessage");
    expect(request?.headers.authorization).toBe(`Bearer ${sim.slackToken}`);
    const body = sim.messages("slack-api")[0] as Record<string, unknown>;
    expect(body.channel).toBe("C0123456789");
    expect(body.thread_ts).toBeUndefined();
    expectSlackMessage(body);

    const reply = await run({
      status: "succeeded",
      title: "Rollback done",
      ...api(),
      "slack-thread-ts": ts ?? "",
    });
    expect(reply.outputs.status).toBe("sent");
    expect(reply.outputs["slack-ts"]).not.toBe(ts);
    expect(sim.messages("slack-api")[1]).toMatchObject({ thread_ts: ts, channel: "C0123456789" });
    expectNoSecret(reply);
  });

  it("treats HTTP 200 with ok:false as a failure, with Slack's error and what to do", async () => {
    const tk = await run({ ...api(), "slack-token": "xoxb-wrong-token-000", "fail-on-error": "true" });
    expect(tk.outputs).toEqual({
      status: "failed",
      sent: "",
      "failed-channels": expect.stringContaining('"channel":"slack"'),
    });
    expect(tk.failed).toContain(
      "Slack API: chat.postMessage failed: invalid_auth. Check slack-token: a bot token (xoxb-…) of an app installed in this workspace.",
    );
    expect(tk.failed).not.toContain("xoxb-wrong-token-000");
    expect(sim.messages("slack-api")).toHaveLength(0);
  });

  it("uses the Web API when both it and a webhook are set", async () => {
    const tk = await run({ ...api(), "slack-webhook": sim.slackWebhookUrl });
    expect(tk.outputs.sent).toBe("slack");
    expect(sim.messages("slack-api")).toHaveLength(1);
    expect(sim.messages("slack-webhook")).toHaveLength(0);
    expect(tk.logs.join("\n")).toContain("notice: Both slack-token and slack-webhook are set");
  });
});

describe("notify: bad inputs", () => {
  it("fails with one message naming each bad input, before anything is sent", async () => {
    const tk = recordingToolkit(
      {
        ...allChannels(),
        status: "exploded",
        fields: "Vercel: a → b\nthis line has no key",
        "discord-webhook": "not a url simulatedDiscordSecret0001",
        "fail-on-error": "maybe",
        "started-at": "yesterday",
      },
      env,
    );
    await notify(tk, fast);
    // Bad input fails the step before anything is sent.
    const message = tk.failed ?? "";
    expect(message).toContain("Nothing was changed.");
    expect(message).toContain('Input "status" is "exploded"; it must be one of: started, succeeded');
    expect(message).toContain(
      'Input "fields" line 2 is not a "Key: value" line. Example: "Vercel: dpl_old → dpl_new"',
    );
    expect(message).toContain(
      'Input "discord-webhook" is not an http(s) URL (its value is a secret, so it is not shown).',
    );
    expect(message).toContain('Input "fail-on-error" is "maybe"');
    expect(message).toContain('Input "started-at" is "yesterday", which is not a time');
    expect(message).not.toContain("simulatedDiscordSecret0001");
    expect(sim.server.requests).toHaveLength(0);
    expect(tk.outputs).toEqual({ status: "failed" });
  });

  it("checks inputs that go together: slack-channel, slack-thread-ts, incident-issue", async () => {
    const tk = recordingToolkit(
      {
        "slack-token": "xoxb-abc-123",
        "slack-thread-ts": "yesterday",
        "incident-issue": "true",
        "github-token": "",
        "webhook-url": sim.webhookUrl,
      },
      { GITHUB_REPOSITORY: "" },
    );
    await notify(tk, fast);
    expect((tk.failed ?? "").split("\n")).toEqual([
      'Input "slack-channel" is required with slack-token. Example: "C0123456789"',
      expect.stringContaining('Input "slack-thread-ts" is "yesterday", which is not a Slack message ts.'),
      expect.stringContaining('Input "github-token" is empty, and incident-issue needs it.'),
      expect.stringContaining('Input "incident-issue" needs GITHUB_REPOSITORY'),
      "Nothing was changed.",
    ]);
    expect(sim.server.requests).toHaveLength(0);
  });
});
