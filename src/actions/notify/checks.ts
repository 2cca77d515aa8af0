import type { RunContext } from "../../core/context.ts";
import { CREDENTIALS_IN_URL, InputError } from "../../core/inputs.ts";
import type { NotifySettings } from "./plan.ts";

const SECRET_URLS = ["slack-webhook", "discord-webhook", "teams-webhook", "webhook-url"] as const;

/** Checks across inputs, before anything is read or sent; every problem in one message. */
export function checkInputs(settings: NotifySettings, run: RunContext): void {
  const problems: string[] = [];
  const need = (input: string, problem: string, example: string) =>
    problems.push(`Input "${input}" ${problem} Example: ${example}`);
  const threadTs = settings["slack-thread-ts"];
  if (settings["slack-token"] && !settings["slack-channel"]) {
    need("slack-channel", "is required with slack-token.", '"C0123456789"');
  }
  if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
    need(
      "slack-thread-ts",
      `is ${JSON.stringify(threadTs.slice(0, 40))}, which is not a Slack message ts.`,
      '"1712345678.123456" (the slack-ts output of an earlier notify step)',
    );
  } else if (threadTs && !settings["slack-token"]) {
    need(
      "slack-thread-ts",
      "needs slack-token and slack-channel: only the Web API can reply in a thread.",
      "slack-token: ${{ secrets.SLACK_BOT_TOKEN }}",
    );
  }
  for (const name of SECRET_URLS) {
    const url = URL.parse(settings[name] ?? "");
    // The URL is a secret, so the message never shows it.
    if (url && (url.username || url.password))
      need(name, CREDENTIALS_IN_URL, "webhook-headers: Authorization: Basic …");
  }
  const deployment = recordsDeployment(settings);
  const github = settings["incident-issue"] || deployment;
  const which = settings["incident-issue"] ? "incident-issue" : "github-deployment";
  if (github && !settings["github-token"]) {
    need(
      "github-token",
      `is empty, and ${which} needs it.`,
      '"${{ github.token }}" with permissions: issues: write, deployments: write',
    );
  }
  if (github && !run.repository) {
    need(
      which,
      "needs GITHUB_REPOSITORY (owner/name), which every GitHub runner sets.",
      "GITHUB_REPOSITORY=acme/shop when run elsewhere",
    );
  }
  if (deployment && !settings.environment) {
    need("environment", "is required with github-deployment: true.", '"production"');
  }
  if (deployment && !run.sha && !run.ref) {
    need(
      "github-deployment",
      "needs the run's commit (GITHUB_SHA), which every GitHub runner sets.",
      "GITHUB_SHA=$(git rev-parse HEAD)",
    );
  }
  pagePairs(settings, need);
  if (problems.length) throw new InputError(problems.join("\n"));
}

/** `github-deployment: true`, or the id of the deployment an earlier step created: add a status to it. */
export function recordsDeployment(settings: NotifySettings): boolean {
  return settings["github-deployment"] || settings["github-deployment-id"] !== undefined;
}

/** A key without its page (or a page without its key: a secret that was not passed) is a mistake. */
function pagePairs(
  settings: NotifySettings,
  need: (input: string, problem: string, example: string) => void,
) {
  const pairs = [
    ["statuspage-api-key", "statuspage-page-id", '"kctbh9vrtdwd"'],
    ["instatus-api-key", "instatus-page-id", '"ckf01fvnxywz60a35wdbn5gz5"'],
    ["betterstack-api-token", "betterstack-status-page-id", '"123456"'],
  ] as const;
  for (const [key, page, example] of pairs) {
    if (settings[key] && !settings[page]) need(page, `is required with ${key}.`, example);
    if (!settings[key] && settings[page]) {
      need(
        key,
        `is empty but ${page} is set. If it comes from a secret, check the secret exists and is passed to this workflow.`,
        `\${{ secrets.${key.toUpperCase().replace(/-/g, "_")} }}`,
      );
    }
  }
  if (settings["betterstack-api-token"] && settings["betterstack-resources"].length === 0) {
    need(
      "betterstack-resources",
      "is required with betterstack-api-token: Better Stack resolves a report through its resources.",
      '"8001, 8002" (status page resource ids)',
    );
  }
}
