import { Buffer } from "node:buffer";

/**
 * A git client on the real `git` CLI (through `@actions/exec`, arguments as arrays, never a shell). It knows
 * nothing of GitHub Actions: it takes a directory, a log function and, for remotes over http(s), a token.
 *
 * The token is never put in a URL, a log line or `.git/config`: fetch, push and ls-remote get an
 * `http.<origin>/.extraheader` for that one command through GIT_CONFIG_COUNT environment variables.
 */
export interface GitOptions {
  /** The repository (or worktree) the commands run in. */
  cwd: string;
  log?: (line: string) => void;
  /** Used for http(s) remotes only; local paths need none. */
  token?: string | undefined;
  /** The remote the token is for: its URL decides where the auth header goes. Default `origin`. */
  remote?: string;
  /** Extra environment for every command (the process environment is inherited). */
  env?: Record<string, string>;
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

/** The header value git sends: the base64 form of the token must be masked as a secret too. */
export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}

export interface Commit {
  sha: string;
  short: string;
  subject: string;
  body: string;
  author: string;
  authorEmail: string;
  parents: string[];
}

export type PushOutcome =
  | { ok: true }
  | { ok: false; kind: "race" | "protected" | "rejected"; message: string };

/** Outputs of a push that the remote refused because the branch moved under us. */
const RACE =
  /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/i;
/** Branch protection and rulesets (GH006, GH013) or a server-side hook standing in for them. */
const PROTECTED = /GH013|GH006|protected branch|repository rule violations|pre-receive hook declined/i;

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
    const { getExecOutput } = await import("@actions/exec");
    this.options.log?.(`git ${args.join(" ")}`);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    Object.assign(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, this.options.env, options.env);
    if (options.auth) Object.assign(env, await this.authEnv());
    const result = await getExecOutput("git", args, {
      cwd: this.cwd,
      env,
      silent: true,
      ignoreReturnCode: true,
      ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
    });
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

  /** Commits whose parents a shallow clone lacks. */
  async shallowBoundary(): Promise<Set<string>> {
    const list = await this.run(["rev-parse", "--git-path", "shallow"], { allowFailure: true });
    const file = list.stdout.trim();
    if (!file) return new Set();
    const { readFile } = await import("node:fs/promises");
    const { resolve } = await import("node:path");
    const text = await readFile(resolve(this.cwd, file), "utf8").catch(() => "");
    return new Set(text.split("\n").filter(Boolean));
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

  /** Details of each commit, in the order given. */
  async commits(revs: string[]): Promise<Commit[]> {
    if (revs.length === 0) return [];
    const format = ["%H", "%h", "%s", "%an", "%ae", "%P", "%b"].join("%x00");
    const text = await this.out(["show", "-s", `--format=%x01${format}`, ...revs]);
    return text
      .split("\x01")
      .filter(Boolean)
      .map((entry) => {
        const [sha = "", short = "", subject = "", author = "", authorEmail = "", parents = "", body = ""] =
          entry.split("\0");
        return {
          sha,
          short,
          subject,
          author,
          authorEmail,
          parents: parents.split(" ").filter(Boolean),
          body,
        };
      });
  }

  /** Full messages of the commits in `range`, newest first. */
  async messages(range: string[]): Promise<{ sha: string; message: string }[]> {
    const text = await this.out(["log", "--format=%H%x00%B%x01", ...range]);
    return text
      .split("\x01")
      .map((entry) => entry.replace(/^\n/, ""))
      .filter(Boolean)
      .map((entry) => {
        const [sha = "", message = ""] = entry.split("\0");
        return { sha, message };
      });
  }

  async diffStat(from: string, to: string): Promise<string> {
    return (await this.run(["diff", "--stat", from, to])).stdout.trimEnd();
  }

  async addWorktree(dir: string, sha: string): Promise<void> {
    await this.run(["worktree", "add", "--detach", dir, sha]);
  }

  async removeWorktree(dir: string): Promise<void> {
    await this.run(["worktree", "remove", "--force", dir], { allowFailure: true });
    await this.run(["worktree", "prune"], { allowFailure: true });
  }

  /** Pushes `sha` to `refs/heads/<branch>`: never forced; classifies a refusal. */
  async push(remote: string, sha: string, branch: string): Promise<PushOutcome> {
    const result = await this.run(["push", "--porcelain", remote, `${sha}:refs/heads/${branch}`], {
      auth: true,
      allowFailure: true,
    });
    if (result.exitCode === 0) return { ok: true };
    const text = `${result.stderr}\n${result.stdout}`;
    const message = text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !/^(To |Done$|hint:)/.test(line))
      .slice(-8)
      .join("\n");
    if (PROTECTED.test(text)) return { ok: false, kind: "protected", message };
    if (RACE.test(text)) return { ok: false, kind: "race", message };
    return { ok: false, kind: "rejected", message };
  }
}
