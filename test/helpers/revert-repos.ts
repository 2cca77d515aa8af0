// Real repositories for the revert-commit tests: a bare "origin" and clones, in the OS temp folder.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import revertCommit from "../../src/actions/revert-commit/index.ts";
import type { RecordingToolkit } from "../../src/core/toolkit.ts";
import { runInProcess } from "./run.ts";

// No user or system git configuration leaks into the tests (nor into the action's git, which inherits it).
export const gitEnv = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
Object.assign(process.env, gitEnv);

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

export interface Repos {
  root: string;
  /** The bare remote. */
  origin: string;
  /** A clone used to make history on the remote. */
  dev: string;
  clone(name?: string, depth?: number): string;
  /** Commits `files` in `dev` and pushes to `branch`; returns the SHA. */
  commit(message: string, files: Record<string, string>, branch?: string): string;
  /** Every ref of the remote with its object, and its HEAD: equal strings mean an unchanged remote. */
  remoteRefs(): string;
  hook(name: "pre-receive" | "update", script: string): void;
  cleanup(): void;
}

function configure(dir: string): void {
  git(dir, "config", "user.name", "Dev Eloper");
  git(dir, "config", "user.email", "dev@example.com");
}

export function makeRepos(): Repos {
  const root = mkdtempSync(join(tmpdir(), "revert-test-"));
  const origin = join(root, "origin.git");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
  const dev = join(root, "dev");
  git(root, "clone", "--quiet", origin, dev);
  configure(dev);
  git(dev, "checkout", "--quiet", "-B", "main");
  let clones = 0;
  const repos: Repos = {
    root,
    origin,
    dev,
    clone(name = `clone${++clones}`, depth) {
      const dir = join(root, name);
      const source = depth ? `file://${origin}` : origin;
      git(root, "clone", "--quiet", ...(depth ? ["--depth", String(depth)] : []), source, dir);
      configure(dir);
      return dir;
    },
    commit(message, files, branch = "main") {
      for (const [file, content] of Object.entries(files)) writeFileSync(join(dev, file), content);
      git(dev, "add", "--all");
      git(dev, "commit", "--quiet", "-m", message);
      git(dev, "push", "--quiet", "origin", `HEAD:refs/heads/${branch}`);
      return git(dev, "rev-parse", "HEAD");
    },
    remoteRefs() {
      return `${git(origin, "for-each-ref", "--format=%(refname) %(objectname)")}\nHEAD ${git(origin, "symbolic-ref", "HEAD")}`;
    },
    hook(name, script) {
      const file = join(origin, "hooks", name);
      writeFileSync(file, `#!/bin/sh\n${script}\n`);
      chmodSync(file, 0o755);
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return repos;
}

/** A history to revert in: base files, then numbered commits each touching its own file. */
export function seed(repos: Repos): { base: string; c1: string; c2: string; c3: string } {
  const base = repos.commit("Initial commit", { "app.txt": "v1\n", "config.txt": "port=80\n" });
  const c1 = repos.commit("Add feature one", { "one.txt": "one\n" });
  const c2 = repos.commit("Change the port", { "config.txt": "port=8080\n" });
  const c3 = repos.commit("Add feature three", { "three.txt": "three\n" });
  return { base, c1, c2, c3 };
}

export const runEnv = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "77",
  GITHUB_RUN_ATTEMPT: "1",
};

/** Runs the action in-process through the runner the bundle uses. */
export function run(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<RecordingToolkit> {
  return runInProcess(revertCommit, inputs, { env: { ...runEnv, ...env }, signal });
}

/** Content of `file` at the tip of `branch` on the remote, or undefined when absent. */
export function remoteFile(repos: Repos, file: string, branch = "main"): string | undefined {
  try {
    return execFileSync("git", ["show", `${branch}:${file}`], {
      cwd: repos.origin,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}
