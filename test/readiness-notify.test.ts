import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/readiness/index.ts";
import { BetterStackSimulator } from "../src/sim/betterstack.ts";
import { ChatSimulator } from "../src/sim/chat.ts";
import { InstatusSimulator } from "../src/sim/instatus.ts";
import { StatuspageSimulator } from "../src/sim/status.ts";
import { runInProcess } from "./helpers/run.ts";

interface Row {
  target: string;
  check: string;
  state: string;
  evidence: string;
  fix: string | null;
}

const SLACK = "https://hooks.slack.com/services/T000/B000/secretpart0001";
const DISCORD = "https://discord.com/api/webhooks/1234/secret-token-0002";
const ROUTING = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";

let statuspage: StatuspageSimulator;
let instatus: InstatusSimulator;
let betterstack: BetterStackSimulator;
let chat: ChatSimulator;
beforeAll(async () => {
  chat = new ChatSimulator();
  await chat.start();
  statuspage = new StatuspageSimulator();
  instatus = new InstatusSimulator();
  betterstack = new BetterStackSimulator();
  await Promise.all([statuspage.start(), instatus.start(), betterstack.start()]);
});
afterAll(async () => {
  await Promise.all([statuspage?.stop(), instatus?.stop(), betterstack?.stop(), chat?.stop()]);
});

async function check(inputs: Record<string, string>): Promise<Row[]> {
  const temp = mkdtempSync(join(tmpdir(), "readiness-runner-"));
  const tk = await runInProcess(action, inputs, { env: { RUNNER_TEMP: temp } });
  const report = readFileSync(tk.outputs.report as string, "utf8");
  const shown = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs), report].join("\n");
  for (const secret of [
    SLACK,
    DISCORD,
    ROUTING,
    statuspage.key,
    instatus.key,
    betterstack.key,
    "secretpart0001",
  ])
    expect(shown).not.toContain(secret);
  return JSON.parse(report).checks as Row[];
}

const pages = () => ({
  "statuspage-api-key": statuspage.key,
  "statuspage-page-id": statuspage.pageId,
  "statuspage-components": "cmp_api",
  "statuspage-api-url": statuspage.apiUrl,
  "instatus-api-key": instatus.key,
  "instatus-page-id": instatus.pageId,
  "instatus-api-url": instatus.apiUrl,
  "betterstack-api-token": betterstack.key,
  "betterstack-status-page-id": betterstack.pageId,
  "betterstack-api-url": betterstack.apiUrl,
});
const sent = () =>
  [statuspage, instatus, betterstack].flatMap((sim) => sim.requests.filter((r) => r.method !== "GET"));

describe("readiness: notify", () => {
  it("passes: the status-page keys list their components; webhooks and the routing key well-formed, never called", async () => {
    const rows = await check({
      targets: "notify",
      "slack-webhook": SLACK,
      "discord-webhook": DISCORD,
      "pagerduty-routing-key": ROUTING,
      "slack-token": "xoxb-simulated-bot-token",
      "slack-channel": "#incidents",
      "slack-api-url": chat.slackApiUrl,
      ...pages(),
    });
    expect(rows.filter((r) => r.target === "notify").map((r) => [r.check, r.state])).toEqual([
      ["slack-webhook", "pass"],
      ["discord-webhook", "pass"],
      ["slack-token", "pass"],
      ["statuspage page", "pass"],
      ["instatus page", "pass"],
      ["betterstack page", "pass"],
      ["pagerduty-routing-key", "pass"],
    ]);
    expect(sent()).toEqual([]);
  });

  it("fails a rejected key, a component that is gone, a malformed webhook and routing key", async () => {
    const rows = await check({
      "slack-webhook": "https://example.com/not-slack/secretpart0001",
      "pagerduty-routing-key": "short",
      ...pages(),
      "statuspage-components": "cmp_api, cmp_gone",
      "instatus-api-key": "expired-instatus-key",
      "slack-token": "xoxb-revoked",
      "slack-channel": "#incidents",
      "slack-api-url": chat.slackApiUrl,
    });
    expect(rows.find((r) => r.check === "slack-token")?.evidence).toMatch(/invalid_auth/);
    const state = (name: string) => rows.find((r) => r.check === name);
    expect(state("slack-webhook")?.state).toBe("fail");
    expect(state("pagerduty-routing-key")?.state).toBe("fail");
    expect(state("statuspage page")?.evidence).toMatch(/no component cmp_gone/);
    expect(state("instatus page")?.state).toBe("fail");
    expect(state("instatus page")?.fix).toMatch(/new API key/);
    expect(state("betterstack page")?.state).toBe("pass");
    expect(sent()).toEqual([]);
    expect(chat.messages("slack-api")).toEqual([]);
  });
});
