import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../core/action.ts";
import type { RunContext } from "../core/context.ts";
import { input } from "../core/inputs.ts";
import { errorMessage } from "../core/secrets.ts";
import { Git } from "../platforms/git.ts";
import { rangeFiles } from "../platforms/git-range.ts";
import { COMPARE_FILE_LIMIT, compareCommits } from "../platforms/github/compare.ts";
import { type ChangedFile, type Found, findMigrations } from "./find.ts";
import { globToRegExp, toolOf } from "./tools.ts";

/** The inputs railway-redeploy, vercel-promote and revert-commit share (SPEC.md "Migration safety"). */
export const migrationInputs = {
  migrations: input.choice(["warn", "block", "ignore"], "warn"),
  "allow-migrations": input.boolean(false),
  "migrations-path": input.list({ example: '"db/sql/*.sql, services/*/schema/**/*.sql"' }),
  "github-token": input.secret({ example: "${{ github.token }}" }),
};

export interface MigrationSettings {
  migrations: "warn" | "block" | "ignore";
  "allow-migrations": boolean;
  "migrations-path": string[];
  "github-token": string | undefined;
}

/** One deployment (or commit) and its commit, when it has one. */
export interface Side {
  /** How messages name it: `deployment dpl_123`. */
  name: string;
  commit: string | undefined;
}

/** What production runs against what the rollback goes back to, in one repository. */
export interface Range {
  /** Whose range it is: a service, a project, a reverted commit. */
  label: string;
  target: Side;
  production: Side;
  /** `owner/name`; the workflow's repository when the platform does not say. */
  repo: string | undefined;
  /** When the target and production were deployed (ISO 8601): the first migrating deploy lies between. */
  deployed?: { target: string | undefined; production: string | undefined };
}

export interface MigrationCheck {
  mode: "warn" | "block";
  allow: boolean;
  migrations: Found[];
  /** What could not be checked, one sentence each: never read as "no migrations". */
  unknown: string[];
  /** Block mode stops the run before any change (unless allow-migrations). */
  blocks: boolean;
  /** Where a database point-in-time restore should aim, per range with migrations and deploy times. */
  restore: string[];
}

export interface CheckOptions {
  settings: MigrationSettings;
  run: RunContext;
  /** The checkout to read history from; the workspace when not given. */
  cwd?: string;
  log: Logger;
  signal: AbortSignal;
}

/**
 * The migrations between each range's target commit and production's, from the local history when the
 * checkout has both commits, else from GitHub's compare (one request per range). Reads only. Undefined
 * with `migrations: ignore`.
 */
export async function checkMigrations(
  options: CheckOptions,
  ranges: readonly Range[],
): Promise<MigrationCheck | undefined> {
  const { settings } = options;
  if (settings.migrations === "ignore") return undefined;
  const patterns = settings["migrations-path"].map(globToRegExp);
  const select = (path: string) => toolOf(path, patterns) !== undefined;
  const reader = new RangeReader(options, select);
  const results = await Promise.all(ranges.map((range) => reader.read(range)));
  const migrations: Found[] = [];
  const unknown: string[] = [];
  const restore: string[] = [];
  results.forEach((result, i) => {
    if (result.unknown) unknown.push(result.unknown);
    const found = findMigrations(result.files, patterns);
    for (const f of found)
      if (!migrations.some((m) => m.file === f.file && m.commit === f.commit)) migrations.push(f);
    const { deployed, label } = ranges[i] as Range;
    if (found.length && deployed?.target && deployed.production)
      restore.push(
        `${label}: the first deploy that ran them came after the target's (${deployed.target}) and no later than production's (${deployed.production}); a database point-in-time just before that deploy takes the schema back with the code.`,
      );
  });
  const allow = settings["allow-migrations"];
  const mode = settings.migrations;
  const blocks = mode === "block" && !allow && (migrations.length > 0 || unknown.length > 0);
  const check = { mode, allow, migrations, unknown, blocks, restore };
  logCheck(check, options.log);
  return check;
}

function logCheck(check: MigrationCheck, log: Logger): void {
  if (check.migrations.length)
    log.warn(
      `Migrations between the target and production (the old code may not work with the new schema):\n${check.migrations.map(line).join("\n")}`,
    );
  else if (!check.unknown.length) log.info("No migrations between the target and production.");
  for (const sentence of [...check.unknown, ...check.restore]) log.warn(sentence);
}

export function line(m: Found): string {
  const flags = m.read ? m.flags.join(", ") || "no flags" : "not read";
  return `${m.file} (${m.tool}, ${m.commit.slice(0, 7)}): ${flags}`;
}

interface Read {
  files: ChangedFile[];
  unknown?: string;
}

const unknownRange = (sentence: string): Read => ({ files: [], unknown: sentence });

/** Reads ranges: the checkout first (no request, no file limit), GitHub when the history is not there. */
class RangeReader {
  private readonly options: CheckOptions;
  private readonly select: (path: string) => boolean;
  private readonly git: Git;
  /**
   * Whether to ask git at all: a given checkout, or a workspace with `.git` at its root (actions/checkout
   * puts it there). A rollback job without a checkout spares the process (tens of ms on a cold runner).
   */
  private readonly history: boolean;

  constructor(options: CheckOptions, select: (path: string) => boolean) {
    this.options = options;
    this.select = select;
    const cwd = options.cwd ?? options.run.workspace;
    this.git = new Git({ cwd, log: options.log, signal: options.signal });
    this.history = options.cwd !== undefined || existsSync(join(cwd, ".git"));
  }

  /** The changed files known, and one sentence when they are not all known. */
  async read(range: Range): Promise<Read> {
    const { target, production } = range;
    const missing = [target, production].filter((side) => !side.commit).map((side) => side.name);
    if (missing.length)
      return unknownRange(
        `${range.label}: ${missing.join(" and ")} ${missing.length > 1 ? "have" : "has"} no commit (deployed from the CLI or an image), so the migrations between the target and production are unknown.`,
      );
    const base = target.commit as string;
    const head = production.commit as string;
    if (base === head) return { files: [] };
    const local = this.history
      ? await rangeFiles(this.git, { base, head }, this.select).catch(() => undefined)
      : undefined;
    return local ? { files: local } : this.fromGitHub(range, base, head);
  }

  private async fromGitHub(range: Range, base: string, head: string): Promise<Read> {
    const { settings, run } = this.options;
    const repo = range.repo ?? run.repository?.full;
    const [owner, name] = repo?.split("/") ?? [];
    const what = `${range.label}: the migrations between ${base.slice(0, 7)} and ${head.slice(0, 7)}`;
    if (!owner || !name)
      return unknownRange(`${what} are unknown: the repository is not known and the checkout lacks them.`);
    const token = settings["github-token"];
    if (!token)
      return unknownRange(`${what} are unknown: github-token is empty and the checkout lacks that history.`);
    try {
      const comparison = await compareCommits(
        { token, apiUrl: run.apiUrl },
        { owner, repo: name },
        { base, head },
      );
      const files = comparison.files.map((file) => ({ ...file, commit: head }));
      if (comparison.complete) return { files };
      return {
        files,
        unknown: `${what} are not all known: GitHub lists only the first ${COMPARE_FILE_LIMIT} changed files of a comparison, and this one reached that limit. Check out the repository with its history (actions/checkout with fetch-depth: 0) for a full check.`,
      };
    } catch (error) {
      return unknownRange(
        `${what} could not be read: ${errorMessage(error)} (the token needs contents: read on ${repo}).`,
      );
    }
  }
}
