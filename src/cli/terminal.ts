// What a terminal needs that a runner gives for free: secrets from the environment (not argv, which shell
// history and `ps` keep), the runner's GITHUB_* variables passed through, help from action.yml, and the job
// summary rendered as plain text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export interface InputSpec {
  description?: string;
  required?: boolean;
  default?: string;
}

export function readMetadata(
  root: string,
  action: string,
): { description?: string; inputs: Record<string, InputSpec> } {
  const meta = parse(readFileSync(join(root, "actions", action, "action.yml"), "utf8")) as {
    description?: string;
    inputs?: Record<string, InputSpec>;
  };
  return { description: meta.description, inputs: meta.inputs ?? {} };
}

/**
 * Secret inputs a terminal reads from the environment, under the names of the README's settings table (the
 * workflows pass the same secrets to the same inputs; test/settings.test.ts holds the three together). A list
 * is read in order: revert-commit falls back to the runner's own GITHUB_TOKEN as the workflow does.
 * `traffic` takes the token of the platform it acts on.
 */
type Variable = string | string[];
const ENVIRONMENT_INPUTS: Record<
  string,
  Record<string, Variable | ((inputs: Record<string, string>) => Variable)>
> = {
  "vercel-promote": { token: "VERCEL_TOKEN" },
  "railway-redeploy": { token: "RAILWAY_TOKEN" },
  "revert-commit": { token: ["ROLLBACK_GITHUB_TOKEN", "GITHUB_TOKEN"] },
  "smoke-test": { headers: "SMOKE_HEADERS" },
  notify: {
    "github-token": "GITHUB_TOKEN",
    "slack-token": "SLACK_BOT_TOKEN",
    "slack-webhook": "SLACK_WEBHOOK_URL",
    "discord-webhook": "DISCORD_WEBHOOK_URL",
    "teams-webhook": "TEAMS_WEBHOOK_URL",
    "webhook-url": "ROLLBACK_WEBHOOK_URL",
    "webhook-headers": "ROLLBACK_WEBHOOK_HEADERS",
    "statuspage-api-key": "STATUSPAGE_API_KEY",
    "instatus-api-key": "INSTATUS_API_KEY",
    "betterstack-api-token": "BETTERSTACK_API_TOKEN",
    "pagerduty-routing-key": "PAGERDUTY_ROUTING_KEY",
  },
  traffic: {
    token: (inputs) =>
      inputs.platform === "railway"
        ? "RAILWAY_TOKEN"
        : inputs.platform === "vercel"
          ? "VERCEL_TOKEN"
          : ["VERCEL_TOKEN", "RAILWAY_TOKEN"],
  },
  analyze: {
    "prometheus-headers": "PROMETHEUS_HEADERS",
    "datadog-api-key": "DATADOG_API_KEY",
    "datadog-app-key": "DATADOG_APP_KEY",
    "railway-token": "RAILWAY_TOKEN",
  },
  "database-restore": {
    "database-url": "DATABASE_URL",
    "safety-backup-key": "DATABASE_SAFETY_BACKUP_KEY",
    "railway-token": "RAILWAY_TOKEN",
    "atlas-client-id": "ATLAS_CLIENT_ID",
    "atlas-client-secret": "ATLAS_CLIENT_SECRET",
  },
  "cache-flush": { "redis-url": "REDIS_URL", "railway-token": "RAILWAY_TOKEN" },
  "storage-restore": {
    "access-key-id": "STORAGE_ACCESS_KEY_ID",
    "secret-access-key": "STORAGE_SECRET_ACCESS_KEY",
  },
};

/** The environment variables an input is read from when it is not on the command line, in order. */
export function environmentNames(action: string, input: string, inputs: Record<string, string>): string[] {
  const entry = ENVIRONMENT_INPUTS[action]?.[input];
  const names = typeof entry === "function" ? entry(inputs) : entry;
  return names === undefined ? [] : typeof names === "string" ? [names] : names;
}

/** Inputs for a run: the command line's, then the environment's for secret inputs the command line left out. */
export function withEnvironmentInputs(
  action: string,
  declared: Record<string, InputSpec>,
  inputs: Record<string, string>,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const all = { ...inputs };
  for (const input of Object.keys(declared)) {
    if (all[input] !== undefined) continue;
    const value = environmentNames(action, input, inputs)
      .map((name) => env[name])
      .find(Boolean);
    if (value) all[input] = value;
  }
  return all;
}

/** The runner's variables a terminal user may set (GitHub Enterprise Server, a repository to act on). */
export function passThrough(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => /^(GITHUB|RUNNER)_/.test(entry[0]) && entry[1] !== undefined,
    ),
  );
}

export function help(action: string, meta: ReturnType<typeof readMetadata>): string {
  const lines = [`npm run action -- ${action} [--input value]...`, "", meta.description ?? "", "", "Inputs:"];
  for (const [name, spec] of Object.entries(meta.inputs)) {
    const variables = environmentNames(action, name, {});
    const facts = [
      spec.required
        ? "required"
        : spec.default !== undefined
          ? `default ${JSON.stringify(spec.default)}`
          : "",
      variables.length
        ? `or ${variables.map((v) => `$${v}`).join(action === "traffic" ? " / " : " then ")}${action === "traffic" ? " by --platform" : ""}`
        : "",
    ].filter(Boolean);
    const first = (spec.description ?? "").trim().split("\n")[0] ?? "";
    lines.push(`  --${name}${facts.length ? ` (${facts.join(", ")})` : ""}`, `      ${first}`);
  }
  return lines.join("\n");
}

/**
 * A job summary (GitHub-flavoured Markdown) as a terminal shows it: headings, aligned tables, no HTML, no
 * Markdown escapes. Links in a table become `text [n]` with the URLs listed under it, so that a row of
 * dashboard links stays as wide as its words.
 */
export function plainSummary(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      const urls: string[] = [];
      const footnote = (_: string, text: string, url: string) => `${text} [${urls.push(url)}]`;
      while (i < lines.length && (lines[i] ?? "").startsWith("|")) {
        const cells = (lines[i] ?? "")
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => inline(cell.trim().replace(LINK, footnote)));
        if (!cells.every((cell) => /^-+$/.test(cell))) rows.push(cells);
        i++;
      }
      i--;
      const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length))) ?? [];
      for (const row of rows)
        out.push(
          `  ${row
            .map((cell, c) => cell.padEnd(widths[c] ?? 0))
            .join("  ")
            .trimEnd()}`,
        );
      for (const [n, url] of urls.entries()) out.push(`    [${n + 1}] ${url}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2] ?? "");
      out.push("", text, (heading[1] ?? "").length <= 2 ? "=".repeat(text.length) : "-".repeat(text.length));
      continue;
    }
    out.push(inline(line));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A Markdown link whose text may hold escaped brackets. */
const LINK = /\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/g;

function inline(text: string): string {
  return (
    text
      .replace(/<br\s*\/?>/g, " / ")
      .replace(/<\/?(sub|details|summary|b|i|code)>/g, "")
      .replace(LINK, "$1 ($2)")
      .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, "$1")
      .replace(/(?<!\\)`([^`]+?)(?<!\\)`/g, "$1")
      // escapeMarkdown's escapes, undone: the terminal shows the text as written.
      .replace(/\\([\\`*~[\]<>_|])/g, "$1")
  );
}
