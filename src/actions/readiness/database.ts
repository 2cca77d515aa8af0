import { errorMessage } from "../../core/secrets.ts";
import { type Conn, parseDatabaseUrl, withClient } from "../../platforms/postgres/conn.ts";
import { formatBytes } from "../../platforms/postgres/source.ts";
import { toolVersion } from "../../platforms/postgres/tools.ts";
import { age, type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import { findNewestDump } from "./dump.ts";
import type { Ctx } from "./inputs.ts";
import { rehearse } from "./rehearse.ts";

const T = "database";

/** The server's major version and whether it answers, read on the production database without a change. */
async function serverVersion(conn: Conn): Promise<{ major: number; text: string }> {
  return withClient(conn, async (sql) => {
    const [row] = await sql<{ num: string; text: string }[]>`
      SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`;
    const num = Number(row?.num);
    return { major: Math.floor(num / 10_000), text: String(row?.text).split(" ")[0] ?? "" };
  });
}

/** PostgreSQL: reachable, tools not older than the server, the newest dump's age, and (rehearse) that it restores. */
export async function checkDatabase(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  const conn = parseDatabaseUrl(settings["database-url"] as string);
  const where = `${conn.database} at ${conn.host}:${conn.port}`;
  const tools = { binDir: settings["postgres-bin-dir"] };
  const [server, dumpTool, restoreTool, dump] = await Promise.all([
    serverVersion(conn).catch((error: unknown) => error as Error),
    toolVersion(tools, "pg_dump").catch((error: unknown) => error as Error),
    toolVersion(tools, "pg_restore").catch((error: unknown) => error as Error),
    findNewestDump(settings["database-backup"] as string, ctx.run.workspace, {}, ctx.signal).catch(
      (error: unknown) => error as Error,
    ),
  ]);
  const checks: Check[] = [];
  checks.push(
    server instanceof Error
      ? fail(
          T,
          "reachable",
          `${where}: ${errorMessage(server)}`,
          "Check database-url and that the runner can reach the server (network, sslmode, password).",
        )
      : pass(T, "reachable", `${where}: PostgreSQL ${server.text}`),
  );
  for (const [name, tool] of [
    ["pg_dump", dumpTool],
    ["pg_restore", restoreTool],
  ] as const) {
    if (tool instanceof Error) {
      checks.push(fail(T, `${name} version`, errorMessage(tool), installFix(server)));
    } else if (!(server instanceof Error) && tool.major < server.major) {
      checks.push(
        fail(
          T,
          `${name} version`,
          `${name} ${tool.text} is older than the server (PostgreSQL ${server.text})`,
          installFix(server),
        ),
      );
    } else {
      checks.push(
        pass(
          T,
          `${name} version`,
          `${name} ${tool.text}${server instanceof Error ? "" : ` for PostgreSQL ${server.text}`}`,
        ),
      );
    }
  }
  const result: TargetResult = { checks };
  if (dump instanceof Error || dump === undefined) {
    const why = dump instanceof Error ? errorMessage(dump) : `no dump at ${settings["database-backup"]}`;
    checks.push(
      fail(T, "newest dump", why, "Check the backup job that writes the dumps, and database-backup."),
    );
    return result;
  }
  const seconds = dump.modifiedAt === undefined ? undefined : (Date.now() - dump.modifiedAt) / 1000;
  const size = dump.bytes === undefined ? "" : `, ${formatBytes(dump.bytes)}`;
  if (seconds === undefined) {
    checks.push(
      warn(
        T,
        "newest dump",
        `${dump.shown}${size}, age unknown (no Last-Modified)`,
        "Serve the dumps with a Last-Modified header, so their age can be checked.",
      ),
    );
  } else {
    result.rpo = { seconds, basis: `newest dump ${dump.shown}` };
    const maxAge = settings["max-dump-age"] / 1000;
    checks.push(
      seconds > maxAge
        ? fail(
            T,
            "newest dump",
            `${dump.shown}${size}, ${age(seconds)} old (max-dump-age ${age(maxAge)})`,
            "The backup job has stopped or fails: run it now and check its schedule.",
          )
        : pass(T, "newest dump", `${dump.shown}${size}, ${age(seconds)} old`),
    );
  }
  if (settings.rehearse) {
    const rehearsal = await rehearse(ctx, dump.location);
    checks.push(rehearsal.check);
    if (rehearsal.seconds !== undefined)
      result.rto = { seconds: rehearsal.seconds, basis: "measured rehearsal" };
  }
  return result;
}

function installFix(server: { major: number } | Error): string {
  const major = server instanceof Error ? "<server major>" : String(server.major);
  return `Install the PostgreSQL ${major} client tools on the runner (apt-get install postgresql-client-${major}) and set postgres-bin-dir (e.g. /usr/lib/postgresql/${major}/bin).`;
}
