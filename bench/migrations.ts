// Migration safety against local simulators (SPEC target: at most one GitHub request per 300 changed files,
// under 200 ms added to a plan). Needs a fresh bundle: node scripts/build.mjs.
// Usage: node bench/migrations.ts
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runContext } from "../src/core/context.ts";
import { checkMigrations } from "../src/migrations/check.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import type { SimCommit } from "../src/sim/github-compare.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { runBundle } from "../test/helpers/bundle.ts";
import { median } from "./median.ts";

const silent = { info() {}, warn() {}, debug() {} };
const commit = (n: number) => `backend${n}`.padEnd(40, "0");

/** The scenario's range (good backend2… → bad backend4…) with `files` changed, one in ten a migration. */
function history(files: number): SimCommit[] {
  const changed = Array.from({ length: files }, (_, i) => ({
    filename: i % 10 === 0 ? `prisma/migrations/${i}_step/migration.sql` : `src/module${i}.ts`,
    status: "added" as const,
    patch: i % 10 === 0 ? "+ALTER TABLE t DROP COLUMN c;" : "+export {};",
  }));
  return [
    { sha: commit(2), files: [] },
    { sha: commit(4), files: changed },
  ];
}

async function startGitHub(files: number) {
  const github = new GitHubSimulator();
  github.commits.push(...history(files));
  await github.start();
  return github;
}

console.log("GitHub requests per changed files (the check, against the GitHub simulator):");
for (const files of [10, 299, 300, 1000, 5000]) {
  const github = await startGitHub(files);
  const check = await checkMigrations(
    {
      settings: {
        migrations: "warn",
        "allow-migrations": false,
        "migrations-path": [],
        "github-token": github.token,
      },
      run: runContext({ GITHUB_REPOSITORY: "acme/shop", GITHUB_API_URL: github.url }, tmpdir()),
      log: silent,
      signal: new AbortController().signal,
    },
    [
      {
        label: "backend",
        target: { name: "t", commit: commit(2) },
        production: { name: "p", commit: commit(4) },
        repo: undefined,
      },
    ],
  );
  const complete = check?.unknown.length === 0;
  console.log(
    `  ${files} files: ${github.requests.length} request(s), ${check?.migrations.length} migrations found, ${complete ? "complete" : "reported as not all known (GitHub lists 300)"}`,
  );
  await github.stop();
}

console.log(
  "The check alone in a plan (GitHub simulator, 100 changed files): no checkout, and a checkout that",
);
console.log("lacks the commits (git is asked first, then GitHub); 20 runs each");
{
  const github = await startGitHub(100);
  for (const [label, cwd] of [
    ["no checkout", tmpdir()],
    ["checkout without the commits", process.cwd()],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await checkMigrations(
        {
          settings: {
            migrations: "warn",
            "allow-migrations": false,
            "migrations-path": [],
            "github-token": github.token,
          },
          run: runContext({ GITHUB_REPOSITORY: "acme/shop", GITHUB_API_URL: github.url }, cwd),
          log: silent,
          signal: new AbortController().signal,
        },
        [
          {
            label: "backend",
            target: { name: "t", commit: commit(2) },
            production: { name: "p", commit: commit(4) },
            repo: undefined,
          },
        ],
      );
      times.push(performance.now() - started);
    }
    console.log(
      `  ${label}: median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms`,
    );
  }
  await github.stop();
}

console.log(
  "Local history (a temp repository, 5000 changed files, 500 of them migrations): git processes, time",
);
{
  const dir = mkdtempSync(join(tmpdir(), "migrations-bench-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
  git("init", "--quiet", "--initial-branch=main");
  git("-c", "user.name=b", "-c", "user.email=b@b", "commit", "--quiet", "--allow-empty", "-m", "base");
  const base = git("rev-parse", "HEAD");
  for (const f of history(5000)[1]?.files ?? []) {
    mkdirSync(dirname(join(dir, f.filename)), { recursive: true });
    writeFileSync(join(dir, f.filename), `${(f.patch ?? "").slice(1)}\n`);
  }
  git("add", "--all");
  git("-c", "user.name=b", "-c", "user.email=b@b", "commit", "--quiet", "-m", "release");
  const head = git("rev-parse", "HEAD");
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const check = await checkMigrations(
      {
        settings: {
          migrations: "warn",
          "allow-migrations": false,
          "migrations-path": [],
          "github-token": undefined,
        },
        run: runContext({}, dir),
        log: silent,
        signal: new AbortController().signal,
      },
      [
        {
          label: "backend",
          target: { name: "t", commit: base },
          production: { name: "p", commit: head },
          repo: undefined,
        },
      ],
    );
    times.push(performance.now() - started);
    found = check?.migrations.length ?? 0;
  }
  console.log(`  ${found} migrations found, median ${median(times).toFixed(0)} ms (5 runs), 0 requests`);
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  "Time added to a plan: railway-redeploy dry run as the runner runs it, migrations warn vs ignore",
);
{
  const railway = new RailwaySimulator(rollbackScenario());
  const url = await railway.start();
  const github = await startGitHub(100);
  const env = { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url };
  const wall: Record<string, number[]> = { warn: [], ignore: [] };
  for (let i = 0; i < 12; i++) {
    for (const mode of i % 2 ? ["warn", "ignore"] : ["ignore", "warn"]) {
      const started = performance.now();
      const run = await runBundle(
        "railway-redeploy",
        {
          token: SCENARIO.projectToken,
          services: "backend",
          "api-url": url,
          "dry-run": "true",
          migrations: mode,
        },
        { env, cwd: tmpdir() },
      );
      if (run.outputs.status !== "planned") throw new Error(`${mode}: ${run.stdout}\n${run.stderr}`);
      wall[mode]?.push(performance.now() - started);
    }
  }
  const [warn, ignore] = [median(wall.warn ?? []), median(wall.ignore ?? [])];
  console.log(
    `  median of 12 each, interleaved: ignore ${ignore.toFixed(0)} ms, warn ${warn.toFixed(0)} ms: ${(warn - ignore).toFixed(0)} ms added (target < 200 ms), ${github.requests.length / 12} GitHub request per run`,
  );
  await Promise.all([railway.stop(), github.stop()]);
}
