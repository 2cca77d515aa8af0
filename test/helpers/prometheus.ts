import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../src/sim/redis-server.ts";
import { PROMETHEUS } from "../../src/sim/servers.ts";

/** A throwaway Prometheus (Debian's package) on a free loopback port, scraping `targets` every second. */
export interface PrometheusServer {
  url: string;
  /** Resolves once `query` returns at least one series (enough samples scraped for it). */
  waitFor(query: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function get(url: string): Promise<{ status: number; json: unknown }> {
  try {
    const response = await fetch(url);
    const text = await response.text();
    return { status: response.status, json: text.startsWith("{") ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, json: undefined };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPrometheus(targets: string[]): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), "prometheus-test-"));
  const port = await freePort();
  const config = join(dir, "prometheus.yml");
  const hosts = targets.map((t) => JSON.stringify(new URL(t).host)).join(", ");
  writeFileSync(
    config,
    `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: [${hosts}]\n`,
  );
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  // A missing or unstartable binary raises no exit code and prints nothing: keep its reason.
  let failedToStart = false;
  child.once("error", (error) => {
    failedToStart = true;
    stderr += `${PROMETHEUS}: ${error.message}`;
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const until = async (what: string, ok: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await ok())) {
      if (child.exitCode !== null || failedToStart)
        throw new Error(`prometheus exited: ${stderr.trim() || "it printed nothing"}`);
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`prometheus: ${what} not reached within ${timeoutMs} ms. ${stderr}`);
      }
      await pause(100);
    }
  };
  await until("ready", async () => (await get(`${url}/-/ready`)).status === 200, 20_000);
  const targetsUp = async () => {
    const { json } = await get(`${url}/api/v1/targets`);
    const active =
      (json as { data?: { activeTargets?: Array<{ health: string }> } })?.data?.activeTargets ?? [];
    return active.length === targets.length && active.every((t) => t.health === "up");
  };
  await until("every target up", targetsUp, 20_000);
  return {
    url,
    waitFor: (query, timeoutMs = 15_000) =>
      until(
        `a result for ${query}`,
        async () => {
          const { json } = await get(`${url}/api/v1/query?query=${encodeURIComponent(query)}`);
          return ((json as { data?: { result?: unknown[] } })?.data?.result?.length ?? 0) > 0;
        },
        timeoutMs,
      ),
    stop,
  };
}
