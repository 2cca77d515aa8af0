import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CancelledError } from "../src/core/action.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { runBundle } from "./helpers/bundle.ts";
import { git, gitEnv, makeRepos, type Repos, remoteFile, run, seed } from "./helpers/revert-repos.ts";

let repos: Repos;
let sim: GitHubSimulator;
beforeEach(async () => {
  repos = makeRepos();
  sim = new GitHubSimulator();
  await sim.start();
});
afterEach(async () => {
  await sim.stop();
  repos.cleanup();
});

/**
 * A git server that holds every push to main: the pre-receive hook records its pid (and its sleep's),
 * marks that the push has started, optionally signals the action (the process that started git push),
 * then sleeps.
 */
function holdPushes(options: { seconds: number; signalAction?: "TERM" | "INT" }): void {
  const state = repos.root;
  repos.hook(
    "pre-receive",
    [
      `echo $$ > "${state}/hook.pid"`,
      options.signalAction
        ? [
            // hook → receive-pack → sh → git push → the action: signal the parent of the first `git`.
            "p=$$; action=",
            'while [ "$p" -gt 1 ]; do c=$(ps -o comm= -p "$p"); p=$(ps -o ppid= -p "$p" | tr -d " ");',
            '  if [ "$c" = git ]; then action=$p; break; fi; done',
            `[ -n "$action" ] && [ "$action" -gt 1 ] && kill -${options.signalAction} "$action"`,
          ].join("\n")
        : "",
      `touch "${state}/push-started"`,
      `sleep ${options.seconds} & echo $! > "${state}/sleep.pid"; wait`,
    ].join("\n"),
  );
}

/** Running, as opposed to gone or a zombie (dead, waiting for a parent that may not reap it soon). */
function alive(pidFile: string): boolean {
  const pid = readFileSync(pidFile, "utf8").trim();
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Aborts the run, as the runner does on SIGTERM, once the held push has reached the server. */
function abortWhenPushStarts(): AbortController {
  const controller = new AbortController();
  const timer = setInterval(() => {
    if (!existsSync(join(repos.root, "push-started"))) return;
    clearInterval(timer);
    controller.abort(new CancelledError("SIGTERM"));
  }, 50);
  return controller;
}

describe("revert-commit: SIGTERM during the push (in-process runner)", () => {
  it("a push held past the grace period is stopped: nothing on the remote, and the summary says so", async () => {
    seed(repos);
    holdPushes({ seconds: 120 });
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tip = git(repos.origin, "rev-parse", "main");
    const tk = await run({ path: clone }, {}, abortWhenPushStarts().signal);

    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs["revert-sha"]).toBeUndefined();
    expect(tk.failed).toContain("Cancelled by SIGTERM while pushing the revert to main");
    expect(tk.failed).toContain(`origin's main is still at ${tip}: nothing was changed`);
    expect(tk.summary).toContain("cancelled");
    expect(tk.summary).toContain(`still at ${tip}`);
    expect(repos.remoteRefs()).toBe(before);
    // Nothing of the push goes on: the server side's hook and its sleep were stopped with git.
    expect(alive(join(repos.root, "hook.pid"))).toBe(false);
    expect(alive(join(repos.root, "sleep.pid"))).toBe(false);
    expect(git(clone, "worktree", "list").split("\n")).toHaveLength(1);
  });

  it("a push that finishes within the grace period lands; the deploy is not started; the step fails saying so", async () => {
    seed(repos);
    holdPushes({ seconds: 1 });
    const clone = repos.clone();
    const tk = await run(
      { path: clone, token: sim.token, dispatch: "deploy.yml" },
      { GITHUB_API_URL: sim.url },
      abortWhenPushStarts().signal,
    );
    const revert = git(repos.origin, "rev-parse", "main");
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["revert-sha"]).toBe(revert);
    expect(tk.failed).toContain(`Cancelled by SIGTERM after the push: the revert ${revert} is on main.`);
    expect(tk.failed).toContain("The deploy workflow deploy.yml was not started");
    expect(tk.summary).toContain("cancelled after the push");
    expect(sim.dispatches).toHaveLength(0);
    expect(remoteFile(repos, "three.txt")).toBeUndefined();
  });

  it("cancelled before the push: nothing changed, nothing started", async () => {
    seed(repos);
    const controller = new AbortController();
    controller.abort(new CancelledError("SIGINT"));
    const before = repos.remoteRefs();
    const tk = await run({ path: repos.clone() }, {}, controller.signal);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/Cancelled by SIGINT/);
    expect(tk.failed).toMatch(/Nothing was changed/i);
    expect(repos.remoteRefs()).toBe(before);
  });

  it("prunes a worktree a killed run left registered", async () => {
    seed(repos);
    const clone = repos.clone();
    const gone = mkdtempSync(join(tmpdir(), "stale-worktree-"));
    git(clone, "worktree", "add", "--detach", join(gone, "wt"), "HEAD");
    rmSync(gone, { recursive: true, force: true });
    expect(git(clone, "worktree", "list").split("\n")).toHaveLength(2);
    const tk = await run({ path: clone, "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(git(clone, "worktree", "list").split("\n")).toHaveLength(1);
  });
});

describe("revert-commit bundle: SIGTERM while a git server holds the push", () => {
  it("stops the push, writes outputs and summary saying the remote is unchanged, exits non-zero, leaves no git behind", async () => {
    seed(repos);
    holdPushes({ seconds: 120, signalAction: "TERM" });
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tip = git(repos.origin, "rev-parse", "main");
    const result = await runBundle(
      "revert-commit",
      { reason: "signal drill" },
      { cwd: clone, env: { ...gitEnv, GITHUB_WORKSPACE: clone } },
    );

    expect(result.code).toBe(1);
    expect(result.outputs.status).toBe("failed");
    expect(result.stdout).toMatch(/Received SIGTERM/);
    expect(result.stdout).toContain(`::error::Cancelled by SIGTERM while pushing the revert to main`);
    expect(result.summary).toContain(`origin's main is still at ${tip}: nothing was changed`);
    expect(repos.remoteRefs()).toBe(before);
    expect(alive(join(repos.root, "hook.pid"))).toBe(false);
    expect(alive(join(repos.root, "sleep.pid"))).toBe(false);
    expect(git(clone, "worktree", "list").split("\n")).toHaveLength(1);
  });
});
