import { describe, expect, it } from "vitest";
import { runContext } from "../src/core/context.ts";
import { discordPayload, embedLength } from "../src/platforms/chat/discord.ts";
import { type ChatMessage, contextFromRun, parseFields, truncate } from "../src/platforms/chat/message.ts";
import { slackPayload } from "../src/platforms/chat/slack.ts";
import { payloadBytes, teamsPayload } from "../src/platforms/chat/teams.ts";
import { webhookPayload } from "../src/platforms/chat/webhook.ts";
import { incidentCommentBody, incidentIssueBody } from "../src/platforms/github/issues.ts";
import { expectDiscordMessage, expectSlackMessage, expectTeamsMessage } from "./notify-schemas.ts";

const env = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "4242",
  GITHUB_RUN_ATTEMPT: "2",
  GITHUB_ACTOR: "octocat",
  GITHUB_REF: "refs/heads/main",
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
  GITHUB_WORKFLOW: "Rollback",
};

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    status: "succeeded",
    title: "Production rollback",
    message: "Rolled back <web> & api",
    fields: [
      { name: "Vercel", value: "dpl_bad → dpl_good" },
      { name: "Railway api", value: "d_9 → d_8" },
    ],
    time: "2025-01-31T12:00:00.000Z",
    ...contextFromRun(runContext(env)),
    ...overrides,
  };
}

const huge = (n: number, unit = "x") => unit.repeat(n);
const manyFields = (n: number, valueLength = 1500) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Field ${i + 1} ${huge(300, "n")}`,
    value: huge(valueLength, "v"),
  }));

describe("message model", () => {
  it("takes the run's context from the run context (GITHUB_* variables)", () => {
    expect(contextFromRun(runContext(env))).toEqual({
      runUrl: "https://github.com/acme/shop/actions/runs/4242/attempts/2",
      actor: "octocat",
      repository: "acme/shop",
      repositoryUrl: "https://github.com/acme/shop",
      ref: "main",
      sha: env.GITHUB_SHA,
      workflow: "Rollback",
    });
    expect(contextFromRun(runContext({}))).toEqual({
      runUrl: undefined,
      actor: undefined,
      repository: undefined,
      repositoryUrl: undefined,
      ref: undefined,
      sha: undefined,
      workflow: undefined,
    });
  });

  it("parses Key: value lines and reports the lines that are not", () => {
    expect(
      parseFields("Vercel: dpl_a → dpl_b\n\nURL: https://x.test/a:b\nno colon here\n: empty key"),
    ).toEqual({
      fields: [
        { name: "Vercel", value: "dpl_a → dpl_b" },
        { name: "URL", value: "https://x.test/a:b" },
      ],
      bad: [4, 5],
    });
  });

  it("truncates with an ellipsis without splitting a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    const cut = truncate("ab😀😀", 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe("ab…");
  });
});

describe("Slack Block Kit", () => {
  it("has a header with the status emoji, the message, fields, context and a button to the run", () => {
    const payload = slackPayload(message());
    const blocks = expectSlackMessage(payload);
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "context", "actions"]);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: ":white_check_mark: Production rollback", emoji: true },
    });
    // mrkdwn control characters are escaped.
    expect(blocks[1]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "Rolled back &lt;web&gt; &amp; api" },
    });
    expect(blocks[2]).toEqual({
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Vercel*\ndpl_bad → dpl_good" },
        { type: "mrkdwn", text: "*Railway api*\nd_9 → d_8" },
      ],
    });
    const context = JSON.stringify(blocks[3]);
    for (const part of [
      "Succeeded",
      "<https://github.com/acme/shop|acme/shop@main>",
      "by octocat",
      "2025-01-31T12:00:00Z",
    ]) {
      expect(context).toContain(part);
    }
    expect(blocks[4]).toMatchObject({
      type: "actions",
      elements: [{ type: "button", url: "https://github.com/acme/shop/actions/runs/4242/attempts/2" }],
    });
    expect(payload.text).toContain("Production rollback");
  });

  it("shows the status by emoji and a danger button on failure; no button without a run", () => {
    const failed = expectSlackMessage(slackPayload(message({ status: "failed" })));
    expect(JSON.stringify(failed[0])).toContain(":x:");
    expect(failed.at(-1)).toMatchObject({ type: "actions", elements: [{ style: "danger" }] });
    const local = expectSlackMessage(slackPayload(message({ runUrl: undefined, message: "" })));
    expect(local.map((block) => block.type)).toEqual(["header", "section", "context"]);
  });

  it("stays within every limit with a huge message and 60 fields: six sections of ten", () => {
    const blocks = expectSlackMessage(
      slackPayload(message({ title: huge(500, "T"), message: huge(20_000), fields: manyFields(60) })),
    );
    const fieldSections = blocks.filter((block) => block.type === "section" && block.fields);
    expect(fieldSections).toHaveLength(6);
    expect(JSON.stringify(blocks[0])).toContain("…");
  });

  it("keeps to 50 blocks with 600 fields, saying how many are not shown", () => {
    const blocks = expectSlackMessage(slackPayload(message({ fields: manyFields(600, 10) })));
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks)).toMatch(/and \d+ more fields, not shown/);
  });
});

describe("Discord embed", () => {
  it("has colour, title, description, fields, timestamp, url and a footer", () => {
    const payload = discordPayload(message());
    const embed = expectDiscordMessage(payload);
    expect(embed).toMatchObject({
      title: "✅ Production rollback",
      description: "Rolled back <web> & api",
      url: "https://github.com/acme/shop/actions/runs/4242/attempts/2",
      color: 0x2eb67d,
      timestamp: "2025-01-31T12:00:00.000Z",
      fields: [
        { name: "Vercel", value: "dpl_bad → dpl_good", inline: true },
        { name: "Railway api", value: "d_9 → d_8", inline: true },
      ],
    });
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(discordPayload(message({ status: "failed" })).embeds[0]?.color).toBe(0xe01e5a);
  });

  it("stays within 25 fields and 6000 characters in all, keeping some of the message", () => {
    const payload = discordPayload(
      message({ title: huge(500, "T"), message: huge(20_000), fields: manyFields(60) }),
    );
    const embed = expectDiscordMessage(payload);
    const first = payload.embeds[0];
    if (!first) throw new Error("no embed");
    expect(embedLength(first)).toBeLessThanOrEqual(6000);
    expect(String(embed.description).length).toBeGreaterThan(500);
    expect(JSON.stringify(embed.fields)).toContain("more fields, not shown");
    const many = discordPayload(message({ fields: manyFields(60, 5).map((f) => ({ ...f, name: "k" })) }));
    expect(many.embeds[0]?.fields).toHaveLength(25);
    expect(many.embeds[0]?.fields.at(-1)?.value).toBe("36 more fields, not shown");
  });

  it("never sends an empty field value", () => {
    const embed = expectDiscordMessage(discordPayload(message({ fields: [{ name: "Impact", value: "" }] })));
    expect(embed.fields).toEqual([{ name: "Impact", value: "–", inline: true }]);
  });
});

describe("Teams Adaptive Card", () => {
  it("is a message with one Adaptive Card: coloured title, text, FactSet, context and OpenUrl", () => {
    const { card, elements } = expectTeamsMessage(teamsPayload(message()));
    expect(elements[0]).toMatchObject({ type: "TextBlock", text: "✅ Production rollback", color: "Good" });
    expect(elements[1]).toMatchObject({ type: "TextBlock", text: "Rolled back <web> & api", wrap: true });
    expect(elements[2]).toEqual({
      type: "FactSet",
      facts: [
        { title: "Vercel", value: "dpl_bad → dpl_good" },
        { title: "Railway api", value: "d_9 → d_8" },
      ],
    });
    expect(card.actions).toEqual([
      {
        type: "Action.OpenUrl",
        title: "View workflow run",
        url: "https://github.com/acme/shop/actions/runs/4242/attempts/2",
      },
    ]);
    expect(teamsPayload(message({ status: "failed" })).attachments[0]?.content.body[0]).toMatchObject({
      color: "Attention",
    });
  });

  it("stays under the size limit with a huge message and 60 big fields, multi-byte text included", () => {
    const payload = teamsPayload(message({ message: huge(30_000, "é"), fields: manyFields(60) }));
    expectTeamsMessage(payload);
    expect(payloadBytes(payload)).toBeLessThanOrEqual(27_000);
    expect(JSON.stringify(payload)).toContain("more fields, not shown");
  });
});

describe("generic webhook body", () => {
  it("is version 1 with every documented field", () => {
    const body = webhookPayload(message(), {
      title: "Checkout 500s",
      reason: "error rate",
      impact: null,
      resolution: null,
      duration_ms: 1234,
    });
    expect(body).toEqual({
      version: 1,
      source: "production-rollback/notify",
      status: "succeeded",
      title: "Production rollback",
      message: "Rolled back <web> & api",
      fields: [
        { name: "Vercel", value: "dpl_bad → dpl_good" },
        { name: "Railway api", value: "d_9 → d_8" },
      ],
      time: "2025-01-31T12:00:00.000Z",
      repository: "acme/shop",
      ref: "main",
      sha: env.GITHUB_SHA,
      actor: "octocat",
      workflow: "Rollback",
      run_url: "https://github.com/acme/shop/actions/runs/4242/attempts/2",
      incident: {
        title: "Checkout 500s",
        reason: "error rate",
        impact: null,
        resolution: null,
        duration_ms: 1234,
      },
    });
  });
});

describe("incident report", () => {
  it("holds time, version from and to, reason, duration, impact, resolution and links", () => {
    const report = {
      ...contextFromRun(runContext(env)),
      title: "Checkout 500s",
      status: "succeeded" as const,
      time: "2025-01-31T12:00:00.000Z",
      message: "Smoke tests pass again.",
      changes: [{ name: "Vercel", value: "dpl_bad → dpl_good" }],
      reason: "error rate | 12%",
      durationMs: 245_000,
    };
    const body = incidentIssueBody(report);
    expect(body).toContain("| **Time** | 2025-01-31 12:00:00 UTC |");
    expect(body).toContain("| **Version (from → to)** | Vercel: dpl_bad → dpl_good |");
    expect(body).toContain("| **Reason** | error rate \\| 12% |");
    expect(body).toContain("| **Duration** | 4m05s |");
    expect(body).toContain("| **Impact** | _to be filled in_ |");
    expect(body).toContain("| **Resolution** | Production rolled back to the last known-good version. |");
    expect(body).toContain("[workflow run](https://github.com/acme/shop/actions/runs/4242/attempts/2)");
    expect(body).toContain("Smoke tests pass again.");
    expect(incidentCommentBody({ ...report, status: "failed", impact: "checkout down" })).toMatch(
      /^### Update: ❌ Failed[\s\S]*\| \*\*Impact\*\* \| checkout down \|/,
    );
  });
});
