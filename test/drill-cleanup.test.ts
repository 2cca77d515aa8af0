// However the drill ends (done, Ctrl-C, a bug), it leaves nothing behind: no file in the temp folder, no
// process (action, PostgreSQL, Redis, git) still running. Each run gets a fresh TMPDIR, which the drill, its
// servers and the actions it spawns all write to, so what is left there, and any process still pointing into
// it, is what the drill leaked.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const temps: string[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) rmSync(temp, { recursive: true, force: true });
});

function freshTemp(): string {
  const temp = mkdtempSync(join(tmpdir(), "drill-cleanup-"));
  // As root, the drill's PostgreSQL runs as the postgres user, which must reach its folder inside.
  chmodSync(temp, 0o711);
  temps.push(temp);
  return temp;
}

/** Processes whose command line, environment or working folder points into `temp`. */
function processesUsing(temp: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cmdline.includes(temp) || environ.includes(temp) || cwd.startsWith(temp))
        found.push(`${pid} ${cmdline.trim()}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The drill as a user runs it; `onLine` sees each line it prints, with the child to signal. */
function drill(
  temp: string,
  args: string[],
  options: {
    preload?: string;
    env?: Record<string, string>;
    onLine?: (line: string, child: ChildProcess) => void;
  },
): Promise<Ended> {
  const child = spawn(
    process.execPath,
    [...(options.preload ? ["--import", options.preload] : []), "src/cli/drill/index.ts", ...args],
    { env: { ...process.env, ...options.env, TMPDIR: temp }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const before = stdout.length;
    stdout += chunk;
    const lines = stdout.slice(stdout.lastIndexOf("\n", before - 1) + 1).split("\n");
    for (const line of lines.slice(0, -1)) options.onLine?.(line, child);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((done) => child.on("close", (code, signal) => done({ code, signal, stdout, stderr })));
}

function expectNothingLeft(temp: string): void {
  expect(readdirSync(temp)).toEqual([]);
  expect(processesUsing(temp)).toEqual([]);
}

describe("the drill leaves nothing behind", () => {
  it("after a whole runbook that recovered", { timeout: 120_000 }, async () => {
    const temp = freshTemp();
    const ended = await drill(temp, ["--target", "full"], {});
    expect(ended.stdout).toContain("Production recovered.");
    expect(ended.code).toBe(0);
    expect(ended.stderr).toBe("");
    expectNothingLeft(temp);
  });

  it("after Ctrl-C mid-run: the running steps are stopped, the servers shut down, it exits 130 and says so", {
    timeout: 120_000,
  }, async () => {
    const temp = freshTemp();
    let sent = false;
    const ended = await drill(temp, ["--target", "full"], {
      // Mid-run: the data steps are next, the announcement is still being sent, PostgreSQL and Redis serve.
      onLine: (line, child) => {
        if (!sent && /traffic +traffic paused: Vercel/.test(line)) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(ended.code).toBe(130);
    expect(ended.stderr).toContain("Drill stopped by SIGINT: nothing it started is left running");
    expect(ended.stdout).not.toContain("Production recovered.");
    expect(ended.stderr).not.toMatch(/Unhandled|^\s+at /m);
    expectNothingLeft(temp);
  });

  it("after SIGTERM mid-run", { timeout: 120_000 }, async () => {
    const temp = freshTemp();
    let sent = false;
    const ended = await drill(temp, [], {
      onLine: (line, child) => {
        if (!sent && /detected +smoke-test fail/.test(line)) {
          sent = true;
          child.kill("SIGTERM");
        }
      },
    });
    expect(sent).toBe(true);
    expect(ended.code).toBe(143);
    expect(ended.stderr).toContain("Drill stopped by SIGTERM");
    expectNothingLeft(temp);
  });

  it("after an uncaught error mid-run: it says the drill failed, exits 3, and still tears everything down", {
    timeout: 120_000,
  }, async () => {
    const temp = freshTemp();
    const ended = await drill(temp, ["--target", "full"], {
      preload: join(import.meta.dirname, "helpers/drill-crash.ts"),
      env: { DRILL_CRASH_AT: "database-restore restored" },
    });
    expect(ended.stdout).toContain("database-restore restored");
    expect(ended.code).toBe(3);
    expect(ended.stderr).toContain(
      "The drill itself failed (a bug, not an outcome of the rollback): Error: injected crash",
    );
    expect(ended.stderr).toContain("nothing it started is left running and its files are removed");
    expect(ended.stdout).not.toContain("Production recovered.");
    expectNothingLeft(temp);
  });
});
