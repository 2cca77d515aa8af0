import { HttpError } from "../../core/http.ts";
import { formatMs } from "../../core/wait.ts";
import { classifyStatus } from "../../platforms/railway/deployments.ts";
import { waitForDeployment } from "../../platforms/railway/watch.ts";
import { connect, type RedisConnection } from "../../platforms/redis/client.ts";
import {
  FlushInterrupted,
  flushDatabase,
  type ScanResult,
  scanAndRemove,
} from "../../platforms/redis/flush.ts";
import { type ReadBack, readBack } from "../../platforms/redis/readback.ts";
import type { Ctx } from "./inputs.ts";
import type { CacheFlushPlan, RailwayPlan } from "./plan.ts";

export type FlushResult =
  | ({ kind: "redis"; elapsedMs: number } & ScanResult)
  | {
      kind: "redis-stopped";
      error: unknown;
      /** Undefined when no removal was sent (the connection failed first). */
      stopped: FlushInterrupted | undefined;
      readBack: ReadBack | undefined;
      /** Why the read-back failed. */
      unread: unknown;
    }
  | {
      kind: "railway";
      outcome: "success" | "failed" | "timeout" | "requested";
      status: string | undefined;
      elapsedMs: number;
    };

/** How long a read-back after a failure keeps trying to reach the server again, at most. */
const READ_BACK_MS = 5000;

export async function applyFlush(ctx: Ctx, plan: CacheFlushPlan): Promise<FlushResult> {
  if (plan.kind === "railway") {
    try {
      return await restart(ctx, plan);
    } catch (error) {
      // The restart may have been taken or not: the thrown message says which was seen.
      ctx.tk.setOutput("changed", "unknown");
      throw error;
    }
  }
  const started = Date.now();
  let connection: RedisConnection;
  try {
    connection = await connect(plan.request.target);
  } catch (error) {
    // connect only reads (INFO, SELECT, CLIENT INFO): no key was touched.
    return { kind: "redis-stopped", error, stopped: undefined, readBack: undefined, unread: undefined };
  }
  const log = (line: string) => ctx.log.info(line);
  try {
    const result =
      plan.request.kind === "all"
        ? await flushDatabase(connection, { dryRun: false, log, signal: ctx.signal })
        : await scanAndRemove(connection, {
            patterns: plan.request.patterns,
            dryRun: false,
            log,
            signal: ctx.signal,
          });
    return { kind: "redis", ...result, elapsedMs: Date.now() - started };
  } catch (error) {
    // Only the first reads (DBSIZE) fail otherwise, before any removal is sent.
    if (!(error instanceof FlushInterrupted))
      return { kind: "redis-stopped", error, stopped: undefined, readBack: undefined, unread: undefined };
    log(`${error.message}. Reading the database back on a new connection…`);
    const patterns = plan.request.kind === "pattern" ? plan.request.patterns : undefined;
    const windowMs = Math.min(plan.waitMs, READ_BACK_MS);
    return readBack(plan.request.target, error, { patterns, windowMs }).then(
      (read) => ({ kind: "redis-stopped", error, stopped: error, readBack: read, unread: undefined }),
      (unread: unknown) => ({ kind: "redis-stopped", error, stopped: error, readBack: undefined, unread }),
    );
  } finally {
    await connection.close();
  }
}

/**
 * deploymentRestart, then the wait for SUCCESS. Railway answers only `true`; when the answer is lost,
 * the deployment is read: a status on its way (not the SUCCESS it had) shows the restart was taken.
 */
async function restart(ctx: Ctx, plan: RailwayPlan): Promise<FlushResult> {
  const { client } = plan.token;
  const id = plan.deployment.id;
  try {
    await client.restart(id);
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    const now = await client.deployment(id);
    if (classifyStatus(now.status) !== "pending") {
      throw new Error(
        `The restart of deployment ${id} got no clear answer (${error.message}) and the deployment still reads ${now.status}: it may not have restarted. Check the service in the Railway dashboard, then run again.`,
      );
    }
    ctx.log.info(
      `The restart's answer was lost, but deployment ${id} is ${now.status}: the restart was taken.`,
    );
  }
  ctx.log.info(
    `Restarting ${plan.service.name} (deployment ${id}); waiting up to ${formatMs(plan.waitMs)} for SUCCESS.`,
  );
  // wait: 0 returns once Railway has taken the restart, as the other actions do.
  if (plan.waitMs === 0) return { kind: "railway", outcome: "requested", status: undefined, elapsedMs: 0 };
  const outcome = await waitForDeployment(client, id, {
    timeoutMs: plan.waitMs,
    log: ctx.log,
    what: `${plan.service.name} deployment ${id}`,
  });
  return { kind: "railway", ...outcome };
}
