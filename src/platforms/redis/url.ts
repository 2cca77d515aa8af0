/** Where and how to reach one Redis server, read from a `redis://` or `rediss://` URL. */
export interface RedisTarget {
  host: string;
  port: number;
  /** ACL user; empty for the default user. */
  username: string | undefined;
  password: string | undefined;
  db: number;
  tls: boolean;
  /** The URL without credentials: safe to show. */
  display: string;
}

/**
 * Parses a Redis URL, throwing an Error whose message never contains the URL (it is a secret: it
 * may hold a password). The database is the path (`/2`), 0 when absent, as redis-cli's `-u` reads it.
 */
export function parseRedisUrl(raw: string): RedisTarget {
  const url = URL.parse(raw.trim());
  if (!url) throw new Error("is not a URL (its value is a secret, so it is not shown).");
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new Error(
      `uses ${url.protocol.replace(/:$/, "")}://; only redis:// and rediss:// (TLS) are supported.`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new Error("has no host name.");
  const path = url.pathname.replace(/^\/+/, "");
  if (path !== "" && !/^\d{1,5}$/.test(path)) {
    throw new Error("has a path that is not a database number (the part after the host must be like /0).");
  }
  const db = Number(path || "0");
  const port = Number(url.port || "6379");
  const tls = url.protocol === "rediss:";
  return {
    host,
    port,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db,
    tls,
    display: `${tls ? "rediss" : "redis"}://${url.host}/${db}`,
  };
}
