import type { ActionContext } from "../../core/action.ts";
import { InputError, input, inputError } from "../../core/inputs.ts";
import { parseDatabaseUrl } from "../../platforms/postgres/conn.ts";
import { DEFAULT_API_URL } from "../../platforms/railway/client.ts";
import { parseRedisUrl } from "../../platforms/redis/url.ts";
import { TARGETS, type TargetName } from "./check.ts";
import { NOTIFY_KEYS } from "./notify.ts";

/** The root action's names, so one set of settings serves the rollback and its readiness check. */
export const readinessInputs = {
  targets: input.list({ example: '"railway, database, storage"' }),
  rto: input.duration("15m"),
  rpo: input.duration("0"),
  rehearse: input.boolean(false),
  "rehearsal-database-url": input.secret({ example: "${{ secrets.REHEARSAL_DATABASE_URL }}" }),
  "max-dump-age": input.duration("26h"),
  "restore-horizon": input.duration("168h"),
  issue: input.boolean(false),
  "github-token": input.secret({ example: "${{ github.token }}" }),
  environment: input.text({ default: "production", example: '"production"' }),
  "data-environment": input.optional(),
  branch: input.optional(),
  dispatch: input.optional(),
  "railway-token": input.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
  "railway-project": input.optional(),
  services: input.list({ example: '"backend, worker"' }),
  "railway-database-service": input.optional(),
  "railway-api-url": input.url({ default: DEFAULT_API_URL, example: `"${DEFAULT_API_URL}"` }),
  "vercel-token": input.secret({ example: "${{ secrets.VERCEL_TOKEN }}" }),
  "vercel-project": input.optional(),
  "vercel-team": input.optional(),
  "vercel-api-url": input.url({ default: "https://api.vercel.com", example: '"https://api.vercel.com"' }),
  "database-url": input.secret({ example: "${{ secrets.DATABASE_URL }}" }),
  "database-backup": input.optional(),
  "database-verify-sql": input.text(),
  "postgres-bin-dir": input.optional(),
  "atlas-client-id": input.secret({ example: "${{ secrets.ATLAS_CLIENT_ID }}" }),
  "atlas-client-secret": input.secret({ example: "${{ secrets.ATLAS_CLIENT_SECRET }}" }),
  "atlas-group-id": input.optional(),
  "atlas-cluster": input.optional(),
  "atlas-api-url": input.url({
    default: "https://cloud.mongodb.com",
    example: '"https://cloud.mongodb.com"',
  }),
  "redis-url": input.secret({ example: "${{ secrets.REDIS_URL }}" }),
  "storage-bucket": input.optional(),
  "storage-prefix": input.text(),
  "storage-endpoint": input.url({ example: '"https://s3.eu-central-1.wasabisys.com"' }),
  "storage-region": input.optional(),
  "storage-access-key-id": input.secret({ example: "${{ secrets.AWS_ACCESS_KEY_ID }}" }),
  "storage-secret-access-key": input.secret({ example: "${{ secrets.AWS_SECRET_ACCESS_KEY }}" }),
  "slack-webhook": input.secret({ url: true, example: "https://hooks.slack.com/services/T000/B000/XXXX" }),
  "slack-token": input.secret({ example: "${{ secrets.SLACK_BOT_TOKEN }}" }),
  "slack-channel": input.optional(),
  "slack-api-url": input.url({ default: "https://slack.com/api", example: '"https://slack.com/api"' }),
  "discord-webhook": input.secret({ url: true, example: "https://discord.com/api/webhooks/123/abc" }),
  "teams-webhook": input.secret({ url: true, example: "${{ secrets.TEAMS_WEBHOOK_URL }}" }),
  "webhook-url": input.secret({ url: true, example: "https://hooks.example.com/rollback" }),
  "statuspage-api-key": input.secret({ example: "${{ secrets.STATUSPAGE_API_KEY }}" }),
  "statuspage-page-id": input.optional(),
  "statuspage-components": input.list(),
  "statuspage-api-url": input.url({
    default: "https://api.statuspage.io/v1",
    example: '"https://api.statuspage.io/v1"',
  }),
  "instatus-api-key": input.secret({ example: "${{ secrets.INSTATUS_API_KEY }}" }),
  "instatus-page-id": input.optional(),
  "instatus-components": input.list(),
  "instatus-api-url": input.url({
    default: "https://api.instatus.com",
    example: '"https://api.instatus.com"',
  }),
  "betterstack-api-token": input.secret({ example: "${{ secrets.BETTERSTACK_API_TOKEN }}" }),
  "betterstack-status-page-id": input.optional(),
  "betterstack-resources": input.list(),
  "betterstack-api-url": input.url({
    default: "https://uptime.betterstack.com",
    example: '"https://uptime.betterstack.com"',
  }),
  "pagerduty-routing-key": input.secret({ example: "${{ secrets.PAGERDUTY_ROUTING_KEY }}" }),
};

export type ReadinessInputs = typeof readinessInputs;
export type Ctx = ActionContext<ReadinessInputs>;
export type Settings = Ctx["settings"];

/** The input each target cannot be checked without. */
const KEY_INPUT: Record<Exclude<TargetName, "notify" | "git-revert" | "workflow">, keyof Settings> = {
  railway: "railway-token",
  vercel: "vercel-token",
  database: "database-url",
  cache: "redis-url",
  storage: "storage-bucket",
};

/** The targets to check (the named ones, else every configured one), every input problem in one error. */
export function readTargets(ctx: Ctx): TargetName[] {
  const { settings } = ctx;
  const problems: string[] = [];
  const named = [...new Set(settings.targets)];
  for (const name of named) {
    if (!(TARGETS as readonly string[]).includes(name)) {
      problems.push(
        inputError(
          "targets",
          `names "${name}"; each must be one of: ${TARGETS.join(", ")}.`,
          '"railway, database"',
        ).message,
      );
    }
  }
  const github = Boolean(settings["github-token"] && ctx.run.repository);
  // What a target cannot be checked without; unnamed, git-revert and workflow also wait to be asked for.
  const has = (t: TargetName): boolean => {
    if (t === "notify") return NOTIFY_KEYS.some((key) => settings[key]);
    if (t === "git-revert" || t === "workflow") return github;
    if (t === "database") return Boolean(settings["database-url"] || settings["atlas-client-id"]);
    return Boolean(settings[KEY_INPUT[t]]);
  };
  const configured = (t: TargetName): boolean => {
    if (t === "git-revert") return has(t) && Boolean(settings.branch || settings.dispatch);
    if (t === "workflow") return has(t) && Boolean(settings["data-environment"]);
    return has(t);
  };
  const targets = (named.length ? named : TARGETS.filter(configured)) as TargetName[];
  for (const target of targets.filter((t) => TARGETS.includes(t))) {
    if (!has(target)) {
      problems.push(missingFor(target));
    }
  }
  if (targets.includes("railway") && !settings.services.length && !settings["railway-database-service"]) {
    problems.push(
      inputError("services", "is required to check railway: the services a rollback redeploys.", '"backend"')
        .message,
    );
  }
  if (targets.includes("vercel") && !settings["vercel-project"]) {
    problems.push(inputError("vercel-project", "is required to check vercel.", '"shop-web"').message);
  }
  if (targets.includes("database")) problems.push(...databaseProblems(ctx));
  if (targets.includes("cache") && settings["redis-url"]) {
    try {
      parseRedisUrl(settings["redis-url"]);
    } catch (error) {
      problems.push(inputError("redis-url", (error as Error).message).message);
    }
  }
  if (Boolean(settings["storage-access-key-id"]) !== Boolean(settings["storage-secret-access-key"])) {
    const missing = settings["storage-access-key-id"] ? "storage-secret-access-key" : "storage-access-key-id";
    problems.push(inputError(missing, "is required with the other key (or leave both empty).").message);
  }
  if (settings.issue && !settings["github-token"]) {
    problems.push(inputError("github-token", "is required with issue: true.", "${{ github.token }}").message);
  }
  if (problems.length) throw new InputError(problems.join("\n"));
  if (!targets.length) {
    throw new InputError(
      inputError(
        "targets",
        "is empty and no target is configured: give the settings of at least one (railway-token, vercel-token, database-url, redis-url or storage-bucket).",
        '"database"',
      ).message,
    );
  }
  return targets;
}

function missingFor(target: TargetName): string {
  if (target === "notify")
    return inputError("slack-webhook", "(or another channel's key) is required to check notify.").message;
  if (target === "git-revert" || target === "workflow") {
    return inputError("github-token", `and GITHUB_REPOSITORY are required to check ${target}.`).message;
  }
  return inputError(KEY_INPUT[target], `is required to check ${target}.`).message;
}

function databaseProblems(ctx: Ctx): string[] {
  const { settings } = ctx;
  const problems: string[] = [];
  for (const name of ["database-url", "rehearsal-database-url"] as const) {
    const url = settings[name];
    if (!url) continue;
    try {
      const conn = parseDatabaseUrl(url);
      // Tools and drivers may echo the password alone.
      if (conn.password) ctx.tk.setSecret(conn.password);
    } catch (error) {
      problems.push(
        inputError(name, `${(error as Error).message} (its value is a secret, so it is not shown)`).message,
      );
    }
  }
  if (settings["atlas-client-id"]) {
    for (const name of ["atlas-client-secret", "atlas-group-id", "atlas-cluster"] as const) {
      if (!settings[name]) problems.push(inputError(name, "is required with atlas-client-id.").message);
    }
  }
  if (settings["database-url"] && !settings["database-backup"]) {
    problems.push(
      inputError(
        "database-backup",
        "is required to check database: the dump a restore would use (a file, a folder of dumps, or an https URL).",
        '"backups/"',
      ).message,
    );
  }
  return problems;
}
