import { Buffer } from "node:buffer";
import type { Logger } from "../core/action.ts";
import { execGit } from "./git-exec.ts";

/**
 * A git client on the real `git` CLI (arguments as arrays, never a shell). It knows nothing of GitHub
 * Actions: it takes a directory, a Logger, an abort signal and, for remotes over http(s), a token.
 *
 * The token is never put in a URL, a log line or `.git/config`: fetch, push and ls-remote get an
 * `http.<origin>/.extraheader` for that one command through GIT_CONFIG_COUNT environment variables.
 */
export interface GitOptions {
  /** The repository (or worktree) the commands run in. */
  cwd: string;
  /** Each command: those that reach the remote or make a commit at info, local reads at debug. */
  log?: Logger;
  /** Used for http(s) remotes only; local paths need none. */
  token?: string | undefined;
  /** The remote the token is for: its URL decides where the auth header goes. Default `origin`. */
  remote?: string;
  /** Extra environment for every command (the process environment is inherited). */
  env?: Record<string, string>;
  /**
   * Stops the run: a command not yet started is not started, a running one is stopped (a push may be
   * given a grace period to finish first: `RunOptions.graceMs`).
   */
  signal?: AbortSignal | undefined;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Send the token with this command (fetch, push, ls-remote). */
  auth?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  input?: string;
  env?: Record<string, string>;
  /** Run to the end even when the run is being stopped (reads that say what the remote now holds). */
  ignoreSignal?: boolean;
  /** Let a started command go on this long after the signal (a push). */
  graceMs?: number;
  timeoutMs?: number;
}

export class GitError extends Error {
  override name = "GitError";
  readonly result: GitResult;
  constructor(args: string[], result: GitResult) {
    const detail = (result.stderr || result.stdout).trim().split("\n").slice(-6).join("\n");
    super(`git ${args.join(" ")} failed (exit ${result.exitCode})${detail ? `:\n${detail}` : ""}`);
    this.result = result;
  }
}

/** The run was stopped (SIGINT/SIGTERM) before or while this git command ran. */
export class GitInterruptedError extends Error {
  override name = "GitInterruptedError";
  constructor(args: string[]) {
    super(`git ${args[0]} was stopped: the run is being cancelled.`);
  }
}

/** The header value git sends: the base64 form of the token must be masked as a secret too. */
export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}

/** Local commands that change something a person may want to see in the log. */
const WRITES = new Set(["commit", "revert", "cherry-pick", "commit-tree", "worktree"]);

export class Git {
  readonly cwd: string;
  private readonly options: GitOptions;
  private authEnvCache: Record<string, string> | undefined;

  constructor(options: GitOptions) {
    this.options = options;
    this.cwd = options.cwd;
  }

  /** The same client in another directory (a worktree of this repository). */
  at(cwd: string): Git {
    const git = new Git({ ...this.options, cwd });
    git.authEnvCache = this.authEnvCache;
    return git;
  }

  async run(args: string[], options: RunOptions = {}): Promise<GitResult> {
    const signal = options.ignoreSignal ? undefined : this.options.signal;
    if (signal?.aborted) throw new GitInterruptedError(args);
    const line = `$ git ${args.join(" ")}`;
    if (options.auth || WRITES.has(args[0] ?? "")) this.options.log?.info(line);
    else this.options.log?.debug(line);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    Object.assign(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, this.options.env, options.env);
    if (options.auth) Object.assign(env, await this.authEnv());
    const { interrupted, ...result } = await execGit(args, {
      cwd: this.cwd,
      env,
      input: options.input,
      signal,
      graceMs: options.graceMs,
      timeoutMs: options.timeoutMs,
    });
    if (interrupted) throw new GitInterruptedError(args);
    if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
    return result;
  }

  /** stdout, trimmed. */
  async out(args: string[], options: RunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.trim();
  }

  /** Succeeds (exit 0) or not, for yes/no questions like `merge-base --is-ancestor`. */
  async test(args: string[]): Promise<boolean> {
    return (await this.run(args, { allowFailure: true })).exitCode === 0;
  }

  private async authEnv(): Promise<Record<string, string>> {
    if (this.authEnvCache) return this.authEnvCache;
    const token = this.options.token;
    const url = token
      ? (await this.run(["remote", "get-url", this.options.remote ?? "origin"], { allowFailure: true }))
          .stdout
      : "";
    const match = /^(https?:\/\/)(?:[^@/]*@)?([^/]+)/.exec(url.trim());
    if (!token || !match) {
      this.authEnvCache = {};
      return this.authEnvCache;
    }
    // Same URL-specific key actions/checkout persists, so ours replaces its header rather than adding a
    // second Authorization (a less specific `http.extraheader` would be ignored for that URL). The empty
    // first value resets the list.
    const key = `http.${match[1]}${match[2]}/.extraheader`;
    this.authEnvCache = {
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_0: key,
      GIT_CONFIG_VALUE_0: "",
      GIT_CONFIG_KEY_1: key,
      GIT_CONFIG_VALUE_1: basicAuthHeader(token),
    };
    return this.authEnvCache;
  }

  async isWorkTree(): Promise<boolean> {
    return (
      (await this.run(["rev-parse", "--is-inside-work-tree"], { allowFailure: true })).stdout.trim() ===
      "true"
    );
  }

  async remotes(): Promise<string[]> {
    return (await this.out(["remote"])).split("\n").filter(Boolean);
  }

  /** The remote's default branch: from `origin/HEAD` when the clone has it, else asked of the remote. */
  async defaultBranch(remote: string): Promise<string | undefined> {
    const local = await this.run(["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`], {
      allowFailure: true,
    });
    const fromLocal = /^refs\/remotes\/[^/]+\/(.+)$/.exec(local.stdout.trim())?.[1];
    if (fromLocal) return fromLocal;
    const remoteHead = await this.run(["ls-remote", "--symref", remote, "HEAD"], {
      auth: true,
      allowFailure: true,
    });
    return /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(remoteHead.stdout)?.[1];
  }

  async validBranchName(name: string): Promise<boolean> {
    return !name.startsWith("-") && (await this.test(["check-ref-format", "--branch", name]));
  }

  /** Fetches `branch` into `refs/remotes/<remote>/<branch>` and returns its tip. */
  async fetchBranch(remote: string, branch: string, extra: string[] = []): Promise<string> {
    const tracking = `refs/remotes/${remote}/${branch}`;
    await this.run(["fetch", "--no-tags", ...extra, remote, `+refs/heads/${branch}:${tracking}`], {
      auth: true,
    });
    return this.out(["rev-parse", "--verify", `${tracking}^{commit}`]);
  }

  async isShallow(): Promise<boolean> {
    return (await this.out(["rev-parse", "--is-shallow-repository"])) === "true";
  }

  /** The full SHA of a commit, or undefined when this repository doesn't have it (or it is ambiguous). */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const result = await this.run(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
      allowFailure: true,
    });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async revList(args: string[]): Promise<string[]> {
    return (await this.out(["rev-list", ...args])).split("\n").filter(Boolean);
  }

  async diffStat(from: string, to: string): Promise<string> {
    return (await this.run(["diff", "--stat", from, to])).stdout.trimEnd();
  }

  /** Forgets worktrees whose folders are gone (a run killed before it could remove its own). */
  async pruneWorktrees(): Promise<void> {
    await this.run(["worktree", "prune"], { allowFailure: true });
  }

  async addWorktree(dir: string, sha: string): Promise<void> {
    await this.run(["worktree", "add", "--detach", dir, sha]);
  }

  /** Cleanup: runs even while the run is being stopped. */
  async removeWorktree(dir: string): Promise<void> {
    await this.run(["worktree", "remove", "--force", dir], { allowFailure: true, ignoreSignal: true });
  }
}
