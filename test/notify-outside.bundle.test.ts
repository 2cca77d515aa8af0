import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatSimulator } from "../src/sim/chat.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { InstatusSimulator } from "../src/sim/instatus.ts";
import { PagerDutySimulator } from "../src/sim/pagerduty.ts";
import { StatuspageSimulator } from "../src/sim/status.ts";
import { App } from "./helpers/app.ts";
import { runBundle } from "./helpers/bundle.ts";

const chat = new ChatSimulator();
const gh = new GitHubSimulator();
const statuspage = new StatuspageSimulator();
const instatus = new InstatusSimulator();
const pd = new PagerDutySimulator();
beforeAll(() => Promise.all([chat, gh, statuspage, instatus, pd].map((sim) => sim.start())));
afterAll(() => Promise.all([chat, gh, statuspage, instatus, pd].map((sim) => sim.stop())));

const SHA = "0123456789abcdef0123456789abcdef01234567";
const bundle = (inputs: Record<string, string>, api = gh.url) =>
  runBundle("notify", inputs, { env: { GITHUB_API_URL: api, GITHUB_SHA: SHA } });

describe("dist/notify: status pages, PagerDuty and GitHub deployments as the runner runs them", () => {
  it("announce then report: the incident and the deployment are passed on as outputs; no key is shown", async () => {
    const outside = {
      "statuspage-api-key": statuspage.key,
      "statuspage-page-id": statuspage.pageId,
      "statuspage-components": "cmp_api",
      "statuspage-api-url": statuspage.apiUrl,
      "instatus-api-key": instatus.key,
      "instatus-page-id": instatus.pageId,
      "instatus-api-url": instatus.apiUrl,
      "pagerduty-routing-key": pd.routingKey,
      "pagerduty-api-url": pd.url,
      "github-deployment": "true",
      "github-token": gh.token,
      environment: "production",
      "environment-url": "https://shop.example.com",
    };
    const started = await bundle({ status: "started", reason: "checkout 500s", ...outside });
    expect(started.stderr).toBe("");
    expect(started.code).toBe(0);
    expect(started.outputs).toMatchObject({
      status: "sent",
      sent: "statuspage instatus pagerduty github-deployment",
    });
    const incident = started.outputs["status-page-incident"] ?? "";
    expect(incident).toMatch(/^statuspage:inc_\d+ instatus:ckinc\d+$/);
    const deployment = started.outputs["github-deployment-id"] ?? "";
    expect(started.summary).toContain(`created deployment ${deployment}: in_progress`);

    const done = await bundle({
      status: "succeeded",
      "status-page-incident": incident,
      "github-deployment-id": deployment,
      ...outside,
    });
    expect(done.code).toBe(0);
    expect(done.outputs).toMatchObject({ status: "sent", "status-page-incident": incident });
    expect(statuspage.incidents[0]).toMatchObject({ resolved: true, components: { cmp_api: "operational" } });
    expect(instatus.incidents[0]?.resolved).toBe(true);
    expect(pd.alerts[0]?.status).toBe("resolved");
    expect(gh.deployments.deployments[0]?.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    expect(done.summary).toContain(`added to deployment ${deployment}: success`);
    for (const secret of [statuspage.key, instatus.key, pd.routingKey, gh.token]) {
      expect(started.all + done.all).not.toContain(secret);
    }
  });

  it("a dry run prints each message and sends nothing", async () => {
    const before = chat.server.requests.length + pd.requests.length;
    const run = await bundle({
      status: "started",
      "dry-run": "true",
      "discord-webhook": chat.discordWebhookUrl,
      "pagerduty-routing-key": pd.routingKey,
      "pagerduty-api-url": pd.url,
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: "planned", sent: "" });
    expect(chat.server.requests.length + pd.requests.length).toBe(before);
    expect(run.stdout).toContain("Dry run: discord (Discord webhook) would get:");
    expect(run.stdout).toContain('"event_action": "trigger"');
    expect(run.all).not.toContain(pd.routingKey);
    expect(run.all).not.toContain("simulatedDiscordSecret0001");
  });
});

describe("dist/notify against hostile input and servers", () => {
  it("credentials in webhook-url are refused before anything is sent, and never shown", async () => {
    const url = `http://deploy-bot:hunter2-secret-pw@127.0.0.1:${new URL(chat.url).port}/hooks/rollback`;
    const before = chat.server.requests.length;
    const run = await bundle({ "webhook-url": url, "discord-webhook": chat.discordWebhookUrl });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input "webhook-url" has a user name or password in it');
    expect(chat.server.requests.length).toBe(before);
    expect(run.all).not.toContain("hunter2-secret-pw");
    expect(run.outputs).toEqual({ status: "failed" });
  });

  it("a 401 whose body echoes the credential is reported without its body", async () => {
    const echo = new App({
      "/hook": (req, res) =>
        void res
          .writeHead(401, { "content-type": "text/plain" })
          .end(`token ${req.headers.authorization} is not valid for user deploy-bot; see logs 42`),
    });
    await echo.start();
    try {
      const run = await bundle({
        "webhook-url": `${echo.url}/hook`,
        "webhook-headers": "Authorization: Bearer echo-me-secret-9876",
      });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ status: "failed" });
      expect(run.stdout).toContain("::warning::Webhook: HTTP 401");
      expect(run.all).not.toContain("is not valid for user");
      expect(run.all).not.toContain("echo-me-secret-9876");
    } finally {
      await echo.stop();
    }
  });

  it("Markdown from a commit message is shown as text in Discord, Teams and the incident issue", async () => {
    const commit =
      "**URGENT** [click me](https://evil.example) ||spoiler|| `code` _now_ <@123> @acme/oncall <img src=x>";
    const run = await bundle({
      status: "failed",
      message: `# Heading\n> quoted\n${commit}`,
      fields: `Commit: ${commit}\nVercel: dpl_bad → dpl_good`,
      "discord-webhook": chat.discordWebhookUrl,
      "teams-webhook": chat.teamsWebhookUrl,
      "incident-issue": "true",
      "github-token": gh.token,
      "incident-title": "Markdown incident",
    });
    expect(run.code).toBe(0);
    const escaped =
      "\\*\\*URGENT\\*\\* \\[click me\\](https://evil.example) \\|\\|spoiler\\|\\| \\`code\\` \\_now\\_ \\<@123>";
    const embed = (
      chat.messages("discord").at(-1) as { embeds: { description: string; fields: { value: string }[] }[] }
    ).embeds[0];
    expect(embed?.description).toBe(`\\# Heading\n\\> quoted\n${escaped} @acme/oncall <img src=x>`);
    expect(embed?.fields.map((f) => f.value)).toContain(`${escaped} @acme/oncall <img src=x>`);
    expect(embed?.fields.map((f) => f.value)).toContain("dpl_bad → dpl_good");
    const card = JSON.stringify(chat.messages("teams").at(-1));
    expect(card).toContain(JSON.stringify(`${escaped} @acme/oncall <img src=x>`).slice(1, -1));
    const issue = gh.issues.find((i) => i.title === "Markdown incident");
    expect(issue?.body).toContain("@\u2060acme/oncall &lt;img src=x>");
    expect(issue?.body).toContain("\\[click me\\](https://evil.example)");
    expect(issue?.body).not.toContain("<img");
  });

  it("the incident search stops when the server ignores `page`", async () => {
    // The same 100 open incidents on every page, as a server that ignores `page` answers.
    const same = Array.from({ length: 100 }, (_, n) => ({
      number: n + 1,
      title: `Old incident ${n + 1}`,
      html_url: `https://github.com/acme/shop/issues/${n + 1}`,
      labels: [{ name: "incident" }],
    }));
    let lists = 0;
    const server = new App({
      "/repos/acme/shop/issues": (req, res) => {
        if (req.method === "GET") {
          lists++;
          return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(same));
        }
        res
          .writeHead(201, { "content-type": "application/json" })
          .end(JSON.stringify({ number: 101, html_url: "https://github.com/acme/shop/issues/101" }));
      },
    });
    await server.start();
    try {
      const run = await bundle(
        { "incident-issue": "true", "github-token": gh.token, status: "started" },
        server.url,
      );
      expect(run.code).toBe(0);
      expect(lists).toBe(2);
      expect(run.outputs).toMatchObject({ status: "sent", "issue-number": "101" });
      expect(run.stdout).toContain(
        "page 2 repeats earlier issues (the server ignores paging); search stopped.",
      );
    } finally {
      await server.stop();
    }
  });
});
