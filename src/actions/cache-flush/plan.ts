import type { Summary } from "../../core/report.ts";
import { connect as connectRailway, type DetectedToken, type Named } from "../../platforms/railway/client.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import { connect } from "../../platforms/redis/client.ts";
import { flushDatabase, type ScanResult, scanAndRemove } from "../../platforms/redis/flush.ts";
import { type Ctx, type Request, readRequest } from "./inputs.ts";

export interface RedisPlan {
  kind: "pattern" | "all";
  request: Extract<Request, { kind: "pattern" | "all" }>;
  /** The URL without credentials. */
  display: string;
  db: number;
  cluster: boolean;
  nodes: string[];
  /** Keys in the database(s) now (DBSIZE). */
  total: number;
  /** A dry run's count and sample of what would go. */
  preview: ScanResult | undefined;
  /** Bounds the read-back after a failure (at most a few seconds). */
  waitMs: number;
}

export interface RailwayPlan {
  kind: "railway";
  token: DetectedToken;
  project: Named;
  environment: Named;
  service: Named;
  deployment: { id: string; status: string };
  waitMs: number;
}

export type CacheFlushPlan = RedisPlan | RailwayPlan;

/**
 * Connects and reads: the server (or every cluster primary) and its size; a dry run also counts and
 * samples the keys that would go. The connection is closed again: apply opens its own.
 */
export async function planFlush(ctx: Ctx): Promise<CacheFlushPlan> {
  const request = readRequest(ctx.settings);
  if (request.kind === "railway") return planRailway(ctx, request);
  const dryRun = ctx.settings["dry-run"];
  const connection = await connect(request.target);
  try {
    const log = (line: string) => ctx.log.info(line);
    const preview = !dryRun
      ? undefined
      : request.kind === "all"
        ? await flushDatabase(connection, { dryRun, log })
        : await scanAndRemove(connection, { patterns: request.patterns, dryRun, log, signal: ctx.signal });
    const total =
      preview?.total ??
      (await Promise.all(connection.nodes.map((n) => n.client.dbsize()))).reduce((a, b) => a + b, 0);
    ctx.log.info(
      `${request.target.display}: ${total} keys${connection.cluster ? ` on ${connection.nodes.length} cluster primaries` : ""}.`,
    );
    return {
      kind: request.kind,
      request,
      display: request.target.display,
      db: request.target.db,
      cluster: connection.cluster,
      nodes: connection.nodes.map((n) => n.address),
      total,
      preview,
      waitMs: ctx.settings.wait,
    };
  } finally {
    await connection.close();
  }
}

async function planRailway(ctx: Ctx, request: Extract<Request, { kind: "railway" }>): Promise<RailwayPlan> {
  const { settings } = ctx;
  const token = await connectRailway({
    token: request.token,
    tokenType: settings["railway-token-type"],
    apiUrl: settings["railway-api-url"],
    logger: ctx.log,
  });
  const project = await resolveProject(token, settings["railway-project"]);
  const environment = resolveEnvironment(project, token, settings["railway-environment"]);
  const [service] = resolveServices(project, [request.service]) as [Named];
  const state = await token.client.serviceDeployments(project.id, environment.id, service.id, 1);
  const active = state.active[0];
  if (!active) {
    throw new Error(
      `Railway service "${service.name}" in ${environment.name} has no active deployment to restart: start it from the dashboard, or pass redis-url to remove keys instead.`,
    );
  }
  return {
    kind: "railway",
    token,
    project: { id: project.id, name: project.name },
    environment,
    service,
    deployment: { id: active.id, status: active.status },
    waitMs: settings.wait,
  };
}

function patternsText(patterns: string[]): string {
  return patterns.map((p) => `\`${p}\``).join(", ");
}

export function describeFlush(plan: CacheFlushPlan, summary: Summary): void {
  if (plan.kind === "railway") {
    summary.text(
      `Restart Railway service **${plan.service.name}** (${plan.project.name} / ${plan.environment.name}): active deployment \`${plan.deployment.id}\` (${plan.deployment.status}), then wait for SUCCESS.`,
    );
    return;
  }
  const where = `\`${plan.display}\`${plan.cluster ? ` (cluster: ${plan.nodes.length} primaries)` : ""}, ${plan.total} keys`;
  summary.text(
    plan.kind === "all"
      ? `FLUSHDB ASYNC on ${where}.`
      : `Remove the keys matching ${patternsText(plan.request.kind === "pattern" ? plan.request.patterns : [])} from ${where} (SCAN + UNLINK).`,
  );
  if (plan.preview) {
    summary.text(`Would remove **${plan.preview.matched}** keys.`);
    if (plan.preview.samples.length) summary.list(plan.preview.samples.map((k) => `\`${k}\``));
  }
}
