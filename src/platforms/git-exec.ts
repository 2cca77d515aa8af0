import { type ChildProcess, spawn } from "node:child_process";

/** What one git process did. `interrupted` when it was stopped by the abort signal or the timeout. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  interrupted: boolean;
}

export interface ExecOptions {
  cwd: string;
  env: Record<string, string>;
  input?: string | undefined;
  /** Stops the process when it fires (after `graceMs`, if given). */
  signal?: AbortSignal | undefined;
  /**
   * How long a started process may go on after the signal fires before it is stopped: a push that is
   * nearly done is better finished than cut, since a cut push leaves the remote's state to be re-read.
   */
  graceMs?: number | undefined;
  timeoutMs?: number | undefined;
}

/** How long a process stopped with SIGTERM gets before SIGKILL. */
const KILL_AFTER_MS = 2000;

/** git processes still running: their groups are killed if node exits first, so none outlives the action. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The whole group: git's own children (receive-pack, hooks, ssh, remote helpers) stop with it.
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of live) killGroup(child, "SIGKILL");
  });
}

/**
 * Runs git (arguments as an array, never a shell) in its own process group, so a Ctrl-C in a terminal
 * reaches node only and node decides what happens to a started command.
 */
export function execGit(args: string[], options: ExecOptions): Promise<ExecResult> {
  installExitHook();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      resolve({ exitCode: -1, stdout: "", stderr: "", interrupted: true });
      return;
    }
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    live.add(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
    let interrupted = false;
    const timers: NodeJS.Timeout[] = [];
    const stop = () => {
      interrupted = true;
      killGroup(child, "SIGTERM");
      timers.push(setTimeout(() => killGroup(child, "SIGKILL"), KILL_AFTER_MS));
    };
    const onAbort = () => {
      if (options.graceMs) timers.push(setTimeout(stop, options.graceMs));
      else stop();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.timeoutMs) timers.push(setTimeout(stop, options.timeoutMs));
    child.on("error", (error) => {
      cleanup();
      reject(error);
    });
    child.on("close", (code) => {
      cleanup();
      resolve({
        exitCode: code ?? -1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        interrupted,
      });
    });
    function cleanup(): void {
      live.delete(child);
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    }
  });
}
