import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runContext } from "../src/core/context.ts";
import { checkMigrations } from "../src/migrations/check.ts";
import { Git } from "../src/platforms/git.ts";
import { rangeFiles } from "../src/platforms/git-range.ts";
import { COMPARE_FILE_LIMIT, compareCommits } from "../src/platforms/github/compare.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import type { SimCommit } from "../src/sim/github-compare.ts";
import { git } from "./helpers/revert-repos.ts";

const sims: GitHubSimulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha = (n: number) => n.toString(16).padStart(40, "a");

/** A history of `count` commits after a root; commit i changes `files(i)`. */
async function startGitHub(count: number, files: (i: number) => SimCommit["files"]) {
  const sim = new GitHubSimulator();
  sims.push(sim);
  sim.commits.push({ sha: sha(0), files: [] });
  for (let i = 1; i <= count; i++) sim.commits.push({ sha: sha(i), message: `commit ${i}`, files: files(i) });
  await sim.start();
  const client = { token: sim.token, apiUrl: sim.url };
  return { sim, client, repo: { owner: sim.owner, repo: sim.repo } };
}

describe("GitHub's compare, against the simulator", () => {
  it("answers as documented: files net of the range, statuses, patches, ahead/behind, 404 for an unknown commit", async () => {
    const { sim, client, repo } = await startGitHub(3, (i) => [
      { filename: `db/migrate/${i}_x.rb`, status: "added", patch: `+remove_column :t, :c${i}` },
      ...(i === 3 ? [{ filename: "db/migrate/1_x.rb", status: "removed" as const }] : []),
    ]);
    const ahead = await compareCommits(client, repo, { base: sha(1), head: sha(3) });
    expect(ahead).toEqual({
      status: "ahead",
      totalCommits: 2,
      complete: true,
      files: [
        { path: "db/migrate/2_x.rb", status: "added", patch: "+remove_column :t, :c2" },
        { path: "db/migrate/3_x.rb", status: "added", patch: "+remove_column :t, :c3" },
        { path: "db/migrate/1_x.rb", status: "removed", patch: undefined },
      ],
    });
    const behind = await compareCommits(client, repo, { base: sha(3), head: sha(1) });
    expect(behind).toMatchObject({ status: "behind", totalCommits: 0, files: [] });
    await expect(compareCommits(client, repo, { base: sha(1), head: "feedbeef" })).rejects.toThrow(
      /404.*Not Found/,
    );
    expect(sim.requests.map((r) => r.path)).toEqual([
      `/repos/acme/shop/compare/${sha(1)}...${sha(3)}`,
      `/repos/acme/shop/compare/${sha(3)}...${sha(1)}`,
      `/repos/acme/shop/compare/${sha(1)}...feedbeef`,
    ]);
  });

  it("a comparison of more files than GitHub lists: one request, the first 300, and it says the list is cut", async () => {
    // 450 changed files over 3 commits: more than one page of GitHub's file list.
    const { sim, client, repo } = await startGitHub(3, (i) =>
      Array.from({ length: 150 }, (_, n) => ({ filename: `src/c${i}/f${n}.ts`, status: "added" as const })),
    );
    const comparison = await compareCommits(client, repo, { base: sha(0), head: sha(3) });
    expect(comparison.files).toHaveLength(COMPARE_FILE_LIMIT);
    expect(comparison.complete).toBe(false);
    expect(sim.requests).toHaveLength(1);
    // Later pages carry commits only, never more files (the docs' "Working with large comparisons").
    const page2 = await fetch(`${sim.url}/repos/acme/shop/compare/${sha(0)}...${sha(3)}?per_page=1&page=2`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    const body = (await page2.json()) as { files: unknown[]; commits: { sha: string }[] };
    expect(body.files).toEqual([]);
    expect(body.commits.map((c) => c.sha)).toEqual([sha(2)]);
  });

  it("the check over a cut comparison: names what it saw, says the rest is unknown, and block stops", async () => {
    const { sim } = await startGitHub(1, () => [
      { filename: "db/migrate/1_drop.rb", status: "added", patch: "+drop_table :carts" },
      ...Array.from({ length: 400 }, (_, n) => ({ filename: `src/f${n}.ts`, status: "added" as const })),
    ]);
    const check = await checkMigrations(
      {
        settings: {
          migrations: "block",
          "allow-migrations": false,
          "migrations-path": [],
          "github-token": sim.token,
        },
        run: runContext({ GITHUB_REPOSITORY: "acme/shop", GITHUB_API_URL: sim.url }, tmpdir()),
        log: { info() {}, warn() {}, debug() {} },
        signal: new AbortController().signal,
      },
      [
        {
          label: "web",
          target: { name: "t", commit: sha(0) },
          production: { name: "p", commit: sha(1) },
          repo: undefined,
        },
      ],
    );
    expect(check?.migrations.map((m) => [m.file, m.flags])).toEqual([["db/migrate/1_drop.rb", ["drop"]]]);
    expect(check?.unknown).toEqual([
      expect.stringContaining("are not all known: GitHub lists only the first 300 changed files"),
    ]);
    expect(check?.blocks).toBe(true);
    expect(sim.requests).toHaveLength(1);
  });

  it("rejects a wrong token with GitHub's 401", async () => {
    const { sim, repo } = await startGitHub(1, () => []);
    await expect(
      compareCommits({ token: "ghs_wrong", apiUrl: sim.url }, repo, { base: sha(0), head: sha(1) }),
    ).rejects.toThrow(/401.*Bad credentials/);
  });
});

/** A real repository in a temp folder; `commit` writes files (folders made) and returns the SHA. */
function tempRepo() {
  const dir = mkdtempSync(join(tmpdir(), "migrations-test-"));
  dirs.push(dir);
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "config", "user.name", "Dev");
  git(dir, "config", "user.email", "dev@example.com");
  const commit = (message: string, files: Record<string, string | null>) => {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) git(dir, "rm", "--quiet", file);
      else {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), content);
      }
    }
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--allow-empty", "-m", message);
    return git(dir, "rev-parse", "HEAD");
  };
  return { dir, commit };
}

describe("the local git range", () => {
  it("lists the range's migration files with the commit that brought each and its diff", async () => {
    const repo = tempRepo();
    const good = repo.commit("good", { "app.ts": "v1", "db/migrate/1_init.rb": "create_table :users" });
    const rename = repo.commit("rename", { "db/migrate/2_rename.rb": "rename_column :users, :name, :full" });
    const drop = repo.commit("drop and tidy", {
      "prisma/migrations/3_drop/migration.sql": "DROP TABLE legacy;\n",
      "db/migrate/1_init.rb": null,
      "app.ts": "v2",
    });
    const files = await rangeFiles(
      new Git({ cwd: repo.dir }),
      { base: good, head: drop },
      (p) => p !== "app.ts",
    );
    expect(files).toEqual([
      { path: "db/migrate/1_init.rb", status: "removed", commit: drop, patch: undefined },
      {
        path: "db/migrate/2_rename.rb",
        status: "added",
        commit: rename,
        patch: expect.stringContaining("+rename_column :users, :name, :full"),
      },
      {
        path: "prisma/migrations/3_drop/migration.sql",
        status: "added",
        commit: drop,
        patch: expect.stringContaining("+DROP TABLE legacy;"),
      },
    ]);
  });

  it("says the history is not there for a commit the clone lacks, and reads nothing back for a rollback forward", async () => {
    const repo = tempRepo();
    const a = repo.commit("a", {});
    const b = repo.commit("b", { "db/migrate/1_x.rb": "drop_table :x" });
    const gitClient = new Git({ cwd: repo.dir });
    expect(await rangeFiles(gitClient, { base: a, head: "f".repeat(40) }, () => true)).toBeUndefined();
    expect(await rangeFiles(new Git({ cwd: tmpdir() }), { base: a, head: b }, () => true)).toBeUndefined();
    expect(await rangeFiles(gitClient, { base: b, head: a }, () => true)).toEqual([]);
  });
});
