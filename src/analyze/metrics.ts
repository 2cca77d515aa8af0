import { z } from "zod";
import type { Aggregation } from "../platforms/metrics/datadog.ts";
import type { RailwayMeasure } from "../platforms/railway/metrics.ts";
import { type Condition, ExpressionError, parseCondition } from "./expression.ts";
import type { NoDataPolicy } from "./judge.ts";

export const PROVIDERS = ["prometheus", "datadog", "railway", "web"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export type MetricQuery =
  | { provider: "prometheus"; query: string }
  | { provider: "datadog"; query: string; aggregation: Aggregation }
  | { provider: "railway"; service: string; measure: RailwayMeasure }
  | { provider: "web"; url: string; headers: Record<string, string>; jsonPath: string };

export interface MetricDefinition {
  name: string;
  query: MetricQuery;
  failure?: Condition;
  success?: Condition;
  failureLimit: number;
  noData: NoDataPolicy;
}

/** One bad entry of `metrics`: the message names the entry (and its name when it has one). */
export class MetricsInputError extends Error {
  override name = "MetricsInputError";
}

const text = z.string().trim().min(1, "must not be empty");
const common = {
  name: text.regex(/^[^\n"`|]+$/, 'must be one line without " ` or |'),
  "failure-condition": text.optional(),
  "success-condition": text.optional(),
  "failure-limit": z.number().int().min(0).default(0),
  "no-data": z.enum(["fail", "pass", "inconclusive"]).default("inconclusive"),
};
const entry = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("prometheus"), query: text, ...common }).strict(),
  z
    .object({
      provider: z.literal("datadog"),
      query: text,
      aggregation: z.enum(["avg", "last", "max", "min", "sum"]).default("avg"),
      ...common,
    })
    .strict(),
  z
    .object({
      provider: z.literal("railway"),
      service: text,
      measure: z.enum(["error-rate", "p95-ms"]),
      ...common,
    })
    .strict(),
  z
    .object({
      provider: z.literal("web"),
      url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
      headers: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
        .default({}),
      "json-path": text,
      ...common,
    })
    .strict(),
]);

async function load(source: string): Promise<unknown> {
  try {
    return JSON.parse(source);
  } catch {
    // Not JSON: YAML, whose parser is only loaded by the runs that need it.
    try {
      const { parse } = await import("yaml");
      return parse(source);
    } catch (error) {
      throw new MetricsInputError(`is not valid YAML or JSON (${(error as Error).message.split("\n")[0]}).`);
    }
  }
}

function where(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | undefined)?.name;
  return `entry ${index + 1}${typeof name === "string" && name.trim() ? ` ("${name.trim()}")` : ""}`;
}

function condition(source: string | undefined, at: string, field: string): Condition | undefined {
  if (source === undefined) return undefined;
  try {
    return parseCondition(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new MetricsInputError(`${at}: ${field} ${JSON.stringify(source)} ${error.message}`);
  }
}

function query(value: z.output<typeof entry>): MetricQuery {
  switch (value.provider) {
    case "prometheus":
      return { provider: "prometheus", query: value.query };
    case "datadog":
      return { provider: "datadog", query: value.query, aggregation: value.aggregation };
    case "railway":
      return { provider: "railway", service: value.service, measure: value.measure };
    case "web":
      return { provider: "web", url: value.url, headers: value.headers, jsonPath: value["json-path"] };
  }
}

/**
 * Parses the `metrics` input (a YAML or JSON list). Throws a MetricsInputError naming the entry, the
 * field and the problem, for the caller to attach to the input's name; nothing is queried before.
 */
export async function parseMetrics(source: string): Promise<MetricDefinition[]> {
  const raw = await load(source);
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new MetricsInputError("must be a list with at least one metric.");
  }
  const seen = new Set<string>();
  return raw.map((item, index) => {
    const at = where(item, index);
    const provider = (item as { provider?: unknown } | null)?.provider;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new MetricsInputError(`${at} is not a mapping with name, provider and a condition.`);
    }
    if (!PROVIDERS.includes(provider as ProviderName)) {
      throw new MetricsInputError(
        `${at}: provider is ${provider === undefined ? "missing" : JSON.stringify(provider)}; it must be one of: ${PROVIDERS.join(", ")}.`,
      );
    }
    const parsed = entry.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".");
      const message =
        issue?.code === "unrecognized_keys"
          ? `has ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}, which provider ${provider} does not take`
          : `${field || "the entry"} ${issue?.message}`;
      throw new MetricsInputError(`${at}: ${message}.`);
    }
    const value = parsed.data;
    if (seen.has(value.name)) throw new MetricsInputError(`${at}: the name "${value.name}" is used twice.`);
    seen.add(value.name);
    const failure = condition(value["failure-condition"], at, "failure-condition");
    const success = condition(value["success-condition"], at, "success-condition");
    if (!failure && !success) {
      throw new MetricsInputError(
        `${at} has neither failure-condition nor success-condition: give at least one.`,
      );
    }
    return {
      name: value.name,
      query: query(value),
      failure,
      success,
      failureLimit: value["failure-limit"],
      noData: value["no-data"],
    };
  });
}
