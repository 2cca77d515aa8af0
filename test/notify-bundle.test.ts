import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSimulator } from "../src/sim/chat.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { runBundle } from "./helpers/bundle.ts";

let chat: ChatSimulator;
let gh: GitHubSimulator;
beforeAll(async () => {
  chat = new ChatSimulator();
  gh = new GitHubSimulator();
  await Promise.all([chat.start(), gh.start()]);
});
afterAll(() => Promise.all([chat.stop(), gh.stop()]));

const secrets = () => [
  "simulatedSlackSecret0001",
  "simulatedDiscordSecret0001",
  "simulatedTeamsSig0001",
  "hook-secret-value-42",
  chat.slackToken,
  gh.token,
];

describe("dist/notify run as the runner runs it", () => {
  it("delivers every channel, opens the incident issue and sets every output, showing no secret", async () => {
    const run = await runBundle(
      "notify",
      {
        status: "succeeded",
        title: "Rollback: checkout 500s",
        fields: "Vercel: dpl_bad → dpl_good",
        reason: "error rate 12%",
        "slack-token": chat.slackToken,
        "slack-channel": "C0123456789",
        "slack-api-url": chat.slackApiUrl,
        "discord-webhook": chat.discordWebhookUrl,
        "teams-webhook": chat.teamsWebhookUrl,
        "webhook-url": chat.webhookUrl,
        "webhook-headers": "Authorization: Bearer hook-secret-value-42",
        "incident-issue": "true",
        "github-token": gh.token,
        "fail-on-error": "true",
      },
      { env: { GITHUB_API_URL: gh.url } },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      status: "sent",
      sent: "slack discord teams webhook github-issue",
      "issue-number": String(gh.issues[0]?.number),
      "issue-url": gh.issues[0]?.html_url,
    });
    expect(run.outputs["slack-ts"]).toMatch(/^\d+\.\d+$/);
    expect(gh.issues[0]?.labels).toEqual(["incident"]);
    expect(chat.messages("discord")).toHaveLength(1);
    expect(chat.messages("teams")).toHaveLength(1);
    expect(run.summary).toContain("| github-issue | GitHub issue in acme/shop | ✅ sent |");
    expect(run.summary).toContain("https://github.com/acme/shop/actions/runs/4242");
    for (const secret of secrets()) expect(run.all).not.toContain(secret);
    // Every secret input was masked on the runner.
    expect(run.stdout.match(/::add-mask::/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it("a channel down with fail-on-error fails the step naming the channel, not its URL", async () => {
    chat.inject("teams", {
      kind: "status",
      status: 404,
      body: { error: { code: "NotFound", message: "gone" } },
    });
    const run = await runBundle("notify", {
      "teams-webhook": chat.teamsWebhookUrl,
      "discord-webhook": chat.discordWebhookUrl,
      "fail-on-error": "true",
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: "partial", sent: "discord" });
    expect(run.stdout).toContain(
      "::error::notify: 1 of 2 channels could not be reached (status partial):%0ATeams webhook: HTTP 404 NotFound: gone.",
    );
    for (const secret of secrets()) expect(run.all).not.toContain(secret);
  });

  it("without fail-on-error the same failure is a warning and the step succeeds", async () => {
    chat.inject("teams", { kind: "status", status: 404 });
    const run = await runBundle("notify", { "teams-webhook": chat.teamsWebhookUrl });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: "failed", sent: "" });
    expect(run.stdout).toContain("::warning::Teams webhook: HTTP 404");
  });

  it("no channel: skipped with a notice; a bad input fails before anything is sent", async () => {
    const skipped = await runBundle("notify", { status: "info" });
    expect(skipped.code).toBe(0);
    expect(skipped.outputs).toEqual({ status: "skipped", sent: "" });
    expect(skipped.stdout).toContain("::notice::notify: no channel configured");

    const before = chat.server.requests.length;
    const bad = await runBundle("notify", {
      "slack-webhook": "hooks.slack.com/services/simulatedSlackSecret0001",
      "discord-webhook": chat.discordWebhookUrl,
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::Input "slack-webhook" is not an http(s) URL');
    expect(chat.server.requests.length).toBe(before);
    // Every action sets status=failed when it fails (SPEC, additions), bad input included.
    expect(bad.outputs).toEqual({ status: "failed" });
    for (const secret of secrets()) expect(bad.all).not.toContain(secret);
  });
});
