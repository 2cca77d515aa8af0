// The inputs of the drill's steps, as the workflow passes them from its variables and secrets.
import { SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../../sim/s3.ts";
import { BUCKET, type World } from "./world.ts";

export function storageInputs(world: World): Record<string, string> {
  return {
    bucket: BUCKET,
    "point-in-time": world.bucketGoodAt,
    endpoint: world.s3.server.url,
    region: "us-east-1",
    "access-key-id": SIM_S3_ACCESS_KEY,
    "secret-access-key": SIM_S3_SECRET_KEY,
    confirm: BUCKET,
  };
}

export function revertInputs(world: World, reason: string): Record<string, string> {
  return {
    reason,
    path: world.repo?.checkout ?? "",
    branch: "main",
    committer: "Drill <drill@example.com>",
  };
}

/** The smoke test of every health endpoint; `warm` is how long production may take to answer at all. */
export function smokeInputs(world: World, warm: string): Record<string, string> {
  return {
    url: world.checks.map((check) => `${world.app.url}/${check}/healthz`).join("\n"),
    "ready-timeout": warm,
    // The app answers at once and its state changes only when a step changes it: a short window is enough.
    samples: "2",
    interval: "25ms",
    fail: "false",
  };
}

/** The error rate, as the app's metrics report it. */
export function analyzeInputs(world: World): Record<string, string> {
  return {
    metrics: JSON.stringify([
      {
        name: "API error rate",
        provider: "web",
        url: `${world.metrics.server.url}/stats`,
        "json-path": "errorRate",
        "failure-condition": "result > 0.05",
      },
    ]),
    // As often as the drill's app updates its error rate (world.ts, REFRESH_MS): each measurement is fresh.
    interval: "50ms",
    count: "3",
    fail: "false",
  };
}

/** Chat, the status page and PagerDuty. */
export function outsideInputs(world: World): Record<string, string> {
  return {
    "slack-token": "xoxb-simulated-bot-token",
    "slack-channel": "C0INCIDENTS",
    "slack-api-url": world.chat.slackApiUrl,
    "statuspage-api-key": world.statuspage.key,
    "statuspage-page-id": world.statuspage.pageId,
    "statuspage-components": world.statuspage.components.map((c) => c.id).join(","),
    "statuspage-api-url": world.statuspage.apiUrl,
    "pagerduty-routing-key": world.pagerduty.routingKey,
    "pagerduty-api-url": world.pagerduty.url,
    environment: "production",
  };
}
