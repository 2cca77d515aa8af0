// Which test files start a real server this machine lacks. On a developer's fresh machine those files are
// left out with a loud reason (vitest.config.ts); under CI=true nothing is left out, so a missing install in
// .ci/run fails the run instead of passing it quietly.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { INSTALL, type LocalServer, localServerAvailable } from "../../src/sim/servers.ts";

/** What in a test file (or a helper it imports) starts each server. */
const STARTERS: Record<LocalServer, RegExp> = {
  postgres: /\bstartPostgres\b/,
  redis: /\b(startRedis|startCluster)\b/,
  prometheus: /\bstartPrometheus\b/,
};

function needs(file: string, seen = new Set<string>()): Set<LocalServer> {
  const found = new Set<LocalServer>();
  if (seen.has(file)) return found;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const [server, pattern] of Object.entries(STARTERS) as [LocalServer, RegExp][]) {
    if (pattern.test(text)) found.add(server);
  }
  for (const [, helper] of text.matchAll(/from "(\.\/helpers\/[^"]+|\.\/[^"]+)"/g)) {
    const path = resolve(file, "..", helper ?? "");
    if (path.includes(`${join("test", "helpers")}`)) for (const s of needs(path, seen)) found.add(s);
  }
  return found;
}

export interface LeftOut {
  exclude: string[];
  /** One line per missing server: the files left out and the package that brings it. */
  reasons: string[];
}

export function testsWithoutServers(testDir: string): LeftOut {
  const missing = (Object.keys(STARTERS) as LocalServer[]).filter((s) => !localServerAvailable(s));
  if (!missing.length) return { exclude: [], reasons: [] };
  const files = readdirSync(testDir).filter((f) => f.endsWith(".test.ts"));
  const byServer = new Map<LocalServer, string[]>();
  for (const file of files) {
    const wanted = needs(join(testDir, file));
    for (const server of missing)
      if (wanted.has(server)) byServer.set(server, [...(byServer.get(server) ?? []), file]);
  }
  const exclude = [...new Set([...byServer.values()].flat())].map((f) => `test/${f}`);
  const reasons = [...byServer].map(
    ([server, list]) =>
      `no ${INSTALL[server]} on this machine: left out ${list.length} test file(s) (${list.join(", ")}). apt-get install ${INSTALL[server]}, or run bash .ci/run, to run them.`,
  );
  return { exclude, reasons };
}
