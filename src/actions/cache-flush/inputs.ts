import type { ActionContext } from "../../core/action.ts";
import { InputError, input, inputError } from "../../core/inputs.ts";
import { DEFAULT_API_URL } from "../../platforms/railway/client.ts";
import { matchesEverything } from "../../platforms/redis/glob.ts";
import { parseRedisUrl, type RedisTarget } from "../../platforms/redis/url.ts";

export const cacheFlushInputs = {
  "redis-url": input.secret({ example: "${{ secrets.REDIS_URL }}" }),
  pattern: input.list({ example: '"page:*, fragment:*"' }),
  all: input.boolean(false),
  confirm: input.optional(),
  "railway-token": input.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
  "railway-token-type": input.choice(["auto", "project", "account"], "auto"),
  "railway-project": input.optional(),
  "railway-environment": input.text({ default: "production", example: '"production"' }),
  "railway-service": input.optional(),
  "railway-api-url": input.url({ default: DEFAULT_API_URL, example: `"${DEFAULT_API_URL}"` }),
  wait: input.duration("5m"),
};

export type CacheFlushInputs = typeof cacheFlushInputs;
export type Ctx = ActionContext<CacheFlushInputs>;

export type Request =
  | { kind: "pattern"; target: RedisTarget; patterns: string[] }
  | { kind: "all"; target: RedisTarget }
  | { kind: "railway"; token: string; service: string };

/** The checks across inputs, before any connection: every problem in one error. */
export function readRequest(settings: Ctx["settings"]): Request {
  const problems: InputError[] = [];
  const url = settings["redis-url"];
  const service = settings["railway-service"];
  const patterns = [...new Set(settings.pattern)];
  if (url && service) {
    problems.push(
      inputError(
        "railway-service",
        "is set together with redis-url: use one way to clear the cache.",
        '"redis" (and no redis-url)',
      ),
    );
  }
  if (!url && !service) {
    problems.push(
      inputError(
        "redis-url",
        "is required (or railway-service, to restart a Redis service on Railway instead).",
        "${{ secrets.REDIS_URL }}",
      ),
    );
  }
  if (service) {
    if (!settings["railway-token"])
      problems.push(
        inputError("railway-token", "is required with railway-service.", "${{ secrets.RAILWAY_TOKEN }}"),
      );
    if (patterns.length || settings.all) {
      problems.push(
        inputError(
          patterns.length ? "pattern" : "all",
          "does not apply to railway-service: a restart clears what the server does not persist, not chosen keys.",
        ),
      );
    }
  }
  let target: RedisTarget | undefined;
  if (url) {
    try {
      target = parseRedisUrl(url);
    } catch (error) {
      problems.push(
        inputError(
          "redis-url",
          (error as Error).message,
          "rediss://default:PASSWORD@redis.example.com:6380/0",
        ),
      );
    }
    if (settings.all && patterns.length)
      problems.push(
        inputError(
          "pattern",
          "is set together with all: true: flush either the keys matching pattern or the whole database.",
          '"page:*" (and all: false)',
        ),
      );
    if (!settings.all && patterns.length === 0)
      problems.push(
        inputError(
          "pattern",
          "is required: the keys to remove (or all: true to flush the whole database, with confirm).",
          '"page:*, fragment:*"',
        ),
      );
    // A pattern that matches every key ("*", "?*", "[^]*"…) is `all`, which a person confirms.
    const everything = patterns.find(matchesEverything);
    if (everything !== undefined)
      problems.push(
        inputError(
          "pattern",
          `is ${JSON.stringify(everything)}, which matches every key: use all: true with confirm set to the database number instead.`,
          `all: true, confirm: ${target?.db ?? 0}`,
        ),
      );
    if (target && settings.all) checkConfirm(settings, String(target.db), problems);
  }
  if (problems.length) throw new InputError(problems.map((p) => p.message).join("\n"));
  if (service) return { kind: "railway", token: settings["railway-token"] as string, service };
  const redis = target as RedisTarget;
  return settings.all ? { kind: "all", target: redis } : { kind: "pattern", target: redis, patterns };
}

/** `all` flushes a whole database: `confirm` repeats its number. A dry run needs none, but a wrong one is refused. */
function checkConfirm(settings: Ctx["settings"], db: string, problems: InputError[]): void {
  const { confirm } = settings;
  if (confirm === undefined && settings["dry-run"]) return;
  if (confirm === undefined) {
    problems.push(
      inputError(
        "confirm",
        `is required with all: true: type the number of the database that will be emptied, ${db} (from redis-url), to confirm.`,
        `"${db}"`,
      ),
    );
  } else if (confirm !== db) {
    problems.push(
      inputError(
        "confirm",
        `is "${confirm}", but redis-url points at database ${db}: nothing is flushed when they differ.`,
        `"${db}"`,
      ),
    );
  }
}
