import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { bareEnv } from "./conn.ts";

export type Tool = "pg_dump" | "pg_restore" | "psql";

/** A pg tool that exited non-zero: its last stderr lines say why. */
export class ToolError extends Error {
  override name = "ToolError";
  readonly tool: Tool;
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(tool: Tool, exitCode: number | null, stderr: string) {
    const last = stderr.trim().split("\n").slice(-6).join("\n");
    super(`${tool} failed (exit ${exitCode ?? "signal"}): ${last || "no message"}`);
    this.tool = tool;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

export interface Tools {
  /** Folder of the pg binaries; empty: found on PATH. */
  binDir: string | undefined;
}

export function toolPath(tools: Tools, tool: Tool): string {
  return tools.binDir ? join(tools.binDir, tool) : tool;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  /** Fed to the tool's stdin (psql reading a plain dump). */
  stdin?: Readable;
  /** Each stderr line as it comes (pg_restore --verbose reports every entry). */
  onStderrLine?: (line: string) => void;
  signal?: AbortSignal;
}

/** Runs a pg tool with an argument array (no shell), keeping the tail of stderr for the error. */
export async function runTool(
  tools: Tools,
  tool: Tool,
  args: string[],
  options: RunOptions,
): Promise<{ stdout: string }> {
  const child = spawn(toolPath(tools, tool), args, {
    env: options.env,
    stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"],
    signal: options.signal,
  });
  let stdout = "";
  let stderr = "";
  let partial = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    // Keep only the tail: a verbose restore writes a line per entry.
    stderr = (stderr + chunk).slice(-20_000);
    if (!options.onStderrLine) return;
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) options.onStderrLine(line);
  });
  const fed = options.stdin && child.stdin ? feed(options.stdin, child) : Promise.resolve();
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") {
        reject(
          new Error(
            `${tool} was not found${tools.binDir ? ` in ${tools.binDir}` : " on PATH"}: install the PostgreSQL client (apt-get install postgresql-client) or set postgres-bin-dir.`,
          ),
        );
      } else reject(error);
    });
    child.once("close", (code) => resolve(code));
  });
  const [code] = await Promise.all([exit, fed]);
  if (code !== 0) throw new ToolError(tool, code, stderr);
  return { stdout };
}

/**
 * Pipes `source` into the tool's stdin. If the source fails (a gzip cut short), the tool is killed
 * before its stdin closes: psql at end of input would COMMIT what it has run so far.
 */
function feed(source: Readable, child: ChildProcess): Promise<void> {
  const stdin = child.stdin as NonNullable<ChildProcess["stdin"]>;
  return new Promise<void>((resolve, reject) => {
    source.once("error", (error) => {
      child.kill("SIGKILL");
      reject(error);
    });
    // psql stopping early (ON_ERROR_STOP) closes its stdin: its exit code tells the story.
    stdin.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" ? resolve() : reject(error),
    );
    source.once("end", () => resolve());
    source.pipe(stdin);
  });
}

/** The major version of a local tool: `pg_restore (PostgreSQL) 15.18 (Debian …)` → 15. */
export async function toolVersion(tools: Tools, tool: Tool): Promise<{ major: number; text: string }> {
  const { stdout } = await runTool(tools, tool, ["--version"], { env: bareEnv() });
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
  if (!match) throw new Error(`Could not read the version of ${tool} from "${stdout.trim()}".`);
  const major = Number(match[1]);
  return { major, text: `${match[1]}${match[2] ? `.${match[2]}` : ""}` };
}
