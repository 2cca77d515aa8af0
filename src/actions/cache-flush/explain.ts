import type { Phase } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { NoSuchDatabase, RedisError } from "../../platforms/redis/client.ts";
import { FlushInterrupted } from "../../platforms/redis/flush.ts";
import type { CacheFlushPlan } from "./plan.ts";

/** Redis error words (and socket codes) a person can act on. */
const ADVICE: Record<string, string> = {
  WRONGPASS:
    "the user name or password in redis-url was refused: check the secret (an ACL user goes before the colon: rediss://USER:PASSWORD@host).",
  NOAUTH:
    "the server wants a password: put it in redis-url (redis://:PASSWORD@host, or USER:PASSWORD with an ACL user).",
  NOPERM:
    "the ACL user may not do this: it needs +scan +unlink +dbsize +info on the keys (~pattern), +flushdb for all: true, and +cluster on a cluster.",
  READONLY: "redis-url points at a replica, which cannot delete: use the primary's address.",
  LOADING: "the server is still loading its data set: wait until it is ready, then run again.",
  MISCONF: "the server refuses writes because it cannot save to disk (MISCONF): fix its disk first.",
  ECONNREFUSED:
    "nothing listens at that host and port: check redis-url and that the runner can reach the server.",
  ENOTFOUND: "the host name in redis-url does not resolve from the runner.",
  ETIMEDOUT:
    "the connection timed out: the server is not reachable from the runner (firewall, private network).",
  ECONNRESET:
    "the server closed the connection: for a TLS-only server use rediss://, for a plain one redis://.",
  CONNECTION_LOST:
    "the connection was lost: removal is safe to repeat, so run again once the server is back.",
};

export function explainFlush(error: unknown, _phase: Phase, plan: CacheFlushPlan | undefined): string {
  if (error instanceof NoSuchDatabase) {
    return `Input "redis-url" names database ${error.db}, which the server at ${error.address} does not have (${errorMessage(error)}). No key was read. Use a database the server has (a managed Redis often has only 0; a cluster only 0).`;
  }
  const message = errorMessage(error);
  const code = error instanceof FlushInterrupted || error instanceof RedisError ? error.code : undefined;
  if (/certificate|self[- ]signed|unable to verify/i.test(message)) {
    return `${message}. The server's TLS certificate was not trusted: give the runner its CA (NODE_EXTRA_CA_CERTS=/path/ca.pem in the step's env).`;
  }
  if (/unknown command/i.test(message)) {
    return `${message}. The server does not offer this command (managed services rename or disable some, e.g. FLUSHDB): use pattern instead of all, or ask the provider.`;
  }
  const advice = code ? ADVICE[code] : undefined;
  const where = plan && plan.kind !== "railway" ? ` (${plan.display})` : "";
  return advice ? `${message}${where}\nWhat to do: ${advice}` : message;
}
