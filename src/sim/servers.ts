// The real servers that the tests and the drill start on loopback (Debian's packages), and whether this
// machine has them. `ROLLBACK_NO_LOCAL_SERVERS=1` makes both behave as on a fresh machine without them: the
// fresh-machine test uses it, since it cannot uninstall the packages.
import { existsSync, readdirSync } from "node:fs";

export type LocalServer = "postgres" | "redis" | "prometheus";

export const INSTALL: Record<LocalServer, string> = {
  postgres: "postgresql",
  redis: "redis-server",
  prometheus: "prometheus",
};

function hidden(): boolean {
  return process.env.ROLLBACK_NO_LOCAL_SERVERS === "1";
}

/** Debian's layout: the newest installed PostgreSQL server's binaries (15 on bookworm), or undefined. */
export function postgresBinDir(): string | undefined {
  if (hidden()) return undefined;
  let versions: number[];
  try {
    versions = readdirSync("/usr/lib/postgresql", { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name))
      .map((entry) => Number(entry.name))
      .sort((a, b) => b - a);
  } catch {
    return undefined;
  }
  return versions.length ? `/usr/lib/postgresql/${versions[0]}/bin` : undefined;
}

export const REDIS_SERVER = "/usr/bin/redis-server";
export const REDIS_CLI = "/usr/bin/redis-cli";
export const PROMETHEUS = "/usr/bin/prometheus";

export function localServerAvailable(server: LocalServer): boolean {
  if (hidden()) return false;
  switch (server) {
    case "postgres":
      return postgresBinDir() !== undefined;
    case "redis":
      return existsSync(REDIS_SERVER) && existsSync(REDIS_CLI);
    case "prometheus":
      return existsSync(PROMETHEUS);
  }
}
