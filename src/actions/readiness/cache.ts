import { errorMessage } from "../../core/secrets.ts";
import { connect, type RedisNode } from "../../platforms/redis/client.ts";
import { parseRedisUrl } from "../../platforms/redis/url.ts";
import { type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const T = "cache";
const FIX_REACH =
  "Check redis-url (host, port, password, rediss:// for TLS) and that the runner can reach it.";

/** Redis: reachable, the URL's database exists, and the user may SCAN and UNLINK (ACL DRYRUN: nothing runs). */
export async function checkCache(ctx: Ctx): Promise<TargetResult> {
  const target = parseRedisUrl(ctx.settings["redis-url"] as string);
  let connection: Awaited<ReturnType<typeof connect>>;
  try {
    connection = await connect({ ...target, db: 0 }, { connectTimeoutMs: 10_000, commandTimeoutMs: 10_000 });
  } catch (error) {
    return { checks: [fail(T, "reachable", `${target.display}: ${errorMessage(error)}`, FIX_REACH)] };
  }
  try {
    const first = connection.nodes[0] as RedisNode;
    const version = /redis_version:(\S+)/.exec(await first.client.info("server"))?.[1] ?? "unknown";
    const kind = connection.cluster ? `cluster of ${connection.nodes.length} primaries` : "one server";
    const checks: Check[] = [pass(T, "reachable", `${target.display}: Redis ${version}, ${kind}`)];
    checks.push(await databaseExists(first, target.db, connection.cluster));
    checks.push(await mayScanAndUnlink(first, target.username));
    return { checks };
  } finally {
    await connection.close();
  }
}

async function databaseExists(node: RedisNode, db: number, cluster: boolean): Promise<Check> {
  if (cluster && db !== 0) {
    return fail(
      T,
      "database exists",
      `database ${db} on a cluster, which has database 0 only`,
      "Use /0 in redis-url for a cluster.",
    );
  }
  // CONFIG GET may be refused (managed Redis): selecting the database answers the same question.
  try {
    await node.client.select(db);
    return pass(T, "database exists", `database ${db} selected`);
  } catch (error) {
    return fail(
      T,
      "database exists",
      `database ${db}: ${errorMessage(error)}`,
      "Fix the database number in redis-url (the path, e.g. /0).",
    );
  }
}

/**
 * ACL DRYRUN (Redis 7) asks whether a command would be allowed, without running it. Without it, ACL
 * GETUSER shows the user's rules; a server without ACLs (Redis < 6) lets every client run every command.
 */
async function mayScanAndUnlink(node: RedisNode, username: string | undefined): Promise<Check> {
  const check = "may SCAN and UNLINK";
  const fix = "Grant the user +scan +unlink on the cache's keys (ACL SETUSER <user> +scan +unlink ~*).";
  let user = username ?? "default";
  try {
    user = String(await node.client.call("ACL", "WHOAMI"));
  } catch (error) {
    if (/unknown command/i.test(errorMessage(error)))
      return pass(T, check, "the server has no ACLs (Redis < 6): every client may run SCAN and UNLINK");
  }
  try {
    const answers = await Promise.all(
      [
        ["SCAN", "0"],
        ["UNLINK", "readiness:probe"],
      ].map((command) => node.client.call("ACL", "DRYRUN", user, ...command)),
    );
    const refused = answers.map(String).filter((answer) => answer !== "OK");
    return refused.length
      ? fail(T, check, `user ${user}: ${refused.join("; ")}`, fix)
      : pass(T, check, `user ${user}: ACL DRYRUN allows SCAN and UNLINK`);
  } catch (error) {
    const message = errorMessage(error);
    if (/NOPERM/i.test(message) || /unknown subcommand/i.test(message)) {
      return warn(
        T,
        check,
        `user ${user}: could not ask the server (${message})`,
        `Confirm by hand that ${user} may run SCAN and UNLINK, or allow it ACL DRYRUN (Redis 7).`,
      );
    }
    return fail(T, check, `user ${user}: ${message}`, fix);
  }
}
