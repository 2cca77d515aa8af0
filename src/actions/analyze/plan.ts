import { type MetricDefinition, MetricsInputError, parseMetrics } from "../../analyze/metrics.ts";
import type { ActionContext } from "../../core/action.ts";
import { InputError, inputError } from "../../core/inputs.ts";
import type { Summary } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import { connect, type TokenType } from "../../platforms/railway/client.ts";
import { type analyzeInputs, METRICS_EXAMPLE } from "./inputs.ts";

type Context = ActionContext<typeof analyzeInputs>;

export interface RailwayScope {
  tokenType: TokenType;
  project: string;
  environment: { id: string; name: string };
  /** Service name or id as written in `metrics` → the service id. */
  services: Record<string, string>;
}

export interface AnalyzePlan {
  metrics: MetricDefinition[];
  intervalMs: number;
  count: number;
  initialDelayMs: number;
  consecutiveErrorLimit: number;
  railway?: RailwayScope;
}

const NEEDS: Record<string, Array<{ input: keyof typeof analyzeInputs; example: string }>> = {
  prometheus: [{ input: "prometheus-url", example: "https://prometheus.example.com" }],
  datadog: [
    { input: "datadog-api-key", example: "${{ secrets.DATADOG_API_KEY }}" },
    { input: "datadog-app-key", example: "${{ secrets.DATADOG_APP_KEY }}" },
  ],
  railway: [{ input: "railway-token", example: "${{ secrets.RAILWAY_TOKEN }}" }],
};

/** Every problem with the inputs at once, before any query. */
function checkInputs(ctx: Context, metrics: MetricDefinition[]): void {
  const problems: string[] = [];
  const count = ctx.settings.count ?? 5;
  // With failure-limit ≥ count every measurement may fail and the metric still "pass".
  const tolerant = metrics.filter((m) => m.failureLimit >= count);
  if (tolerant.length) {
    problems.push(
      inputError(
        "metrics",
        `has failure-limit ≥ count (${count}) for ${tolerant.map((m) => `"${m.name}" (failure-limit ${m.failureLimit})`).join(", ")}: such a metric could pass with every measurement failed. Lower its failure-limit below count, or raise count.`,
        `failure-limit: ${Math.max(0, count - 1)} with count: ${count} ("fails only when all ${count} measurements fail")`,
      ).message,
    );
  }
  for (const [provider, needs] of Object.entries(NEEDS)) {
    const users = metrics.filter((m) => m.query.provider === provider).map((m) => `"${m.name}"`);
    if (users.length === 0) continue;
    for (const need of needs) {
      if (ctx.settings[need.input] === undefined) {
        problems.push(
          inputError(
            need.input,
            `is required by metric ${users.join(", ")} (provider: ${provider}).`,
            need.example,
          ).message,
        );
      }
    }
  }
  if (problems.length) throw new InputError(problems.join("\n"));
}

async function resolveRailway(ctx: Context, metrics: MetricDefinition[]): Promise<RailwayScope | undefined> {
  const wanted = [
    ...new Set(metrics.flatMap((m) => (m.query.provider === "railway" ? [m.query.service] : []))),
  ];
  if (wanted.length === 0) return undefined;
  const { settings } = ctx;
  const { client, scope } = await connect({
    token: settings["railway-token"] as string,
    tokenType: "auto",
    apiUrl: settings["railway-api-url"],
    logger: ctx.log,
  });
  let projectId = scope?.projectId;
  if (!projectId) {
    const given = settings["railway-project"];
    if (!given) {
      throw inputError(
        "railway-project",
        "is required with an account or workspace token (a project token implies it).",
        '"shop" or the project id',
      );
    }
    const projects = await client.projects();
    projectId = projects.find((p) => p.id === given || p.name === given)?.id;
    if (!projectId) {
      throw new Error(
        `Railway has no project "${given}" this token can see. Its projects: ${projects.map((p) => p.name).join(", ") || "none"}.`,
      );
    }
  }
  const project = await client.project(projectId);
  const envWanted = settings["railway-environment"] ?? scope?.environmentId ?? "production";
  const environment = project.environments.find((e) => e.id === envWanted || e.name === envWanted);
  if (!environment || (scope && environment.id !== scope.environmentId)) {
    throw new Error(
      scope
        ? `The project token is scoped to another environment than "${envWanted}": leave railway-environment empty, or use a token of that environment.`
        : `Project "${project.name}" has no environment "${envWanted}". Its environments: ${project.environments.map((e) => e.name).join(", ")}.`,
    );
  }
  const services: Record<string, string> = {};
  for (const name of wanted) {
    const service = project.services.find((s) => s.id === name || s.name === name);
    if (!service) {
      throw new Error(
        `Project "${project.name}" has no service "${name}" (metrics, provider: railway). Its services: ${project.services.map((s) => s.name).join(", ")}.`,
      );
    }
    services[name] = service.id;
  }
  return { tokenType: client.tokenType, project: project.name, environment, services };
}

/** The metrics, checked and resolved (Railway services by name): reads only. */
export async function planAnalyze(ctx: Context): Promise<AnalyzePlan> {
  let metrics: MetricDefinition[];
  try {
    metrics = await parseMetrics(ctx.settings.metrics);
  } catch (error) {
    if (error instanceof MetricsInputError) throw inputError("metrics", error.message, METRICS_EXAMPLE);
    throw error;
  }
  checkInputs(ctx, metrics);
  // Header values of web metrics are credentials as often as not: masked like every secret input.
  for (const metric of metrics) {
    if (metric.query.provider !== "web") continue;
    for (const value of Object.values(metric.query.headers)) if (value.length >= 4) ctx.tk.setSecret(value);
  }
  const { settings } = ctx;
  return {
    metrics,
    intervalMs: settings.interval,
    count: settings.count ?? 5,
    initialDelayMs: settings["initial-delay"],
    consecutiveErrorLimit: settings["consecutive-error-limit"] ?? 4,
    railway: await resolveRailway(ctx, metrics),
  };
}

export function querySummary(metric: MetricDefinition): string {
  const q = metric.query;
  if (q.provider === "railway") return `${q.measure} of ${q.service}`;
  if (q.provider === "web") return `${q.url} → ${q.jsonPath}`;
  return q.provider === "datadog" ? `${q.query} (${q.aggregation})` : q.query;
}

export function conditionSummary(metric: MetricDefinition): string {
  return [
    metric.failure && `fail when ${metric.failure.source}`,
    metric.success && `pass when ${metric.success.source}`,
  ]
    .filter(Boolean)
    .join("; ");
}

export function describeAnalyze(plan: AnalyzePlan, summary: Summary): void {
  const delay = plan.initialDelayMs ? ` after ${formatMs(plan.initialDelayMs)}` : "";
  summary.text(
    `${plan.metrics.length} metric${plan.metrics.length > 1 ? "s" : ""}, ${plan.count} measurement(s) each, every ${formatMs(plan.intervalMs)}${delay}.`,
  );
  summary.table(
    ["Metric", "Provider", "Query", "Condition", "Failure limit", "No data"],
    plan.metrics.map((m) => [
      m.name,
      m.query.provider,
      querySummary(m),
      conditionSummary(m),
      m.failureLimit,
      m.noData,
    ]),
  );
}
