import { z } from "zod";
import type { RailwayClient } from "./client.ts";

/**
 * Railway's own HTTP metrics of a service (what its dashboard's "HTTP" tab shows): request counts per
 * status code and duration percentiles, so a Railway user measures error rate and latency with nothing
 * else set up. Both operations are validated against Railway's public schema in a test.
 */
export const HTTP_METRICS_BY_STATUS_QUERY = `query HttpMetricsByStatus($serviceId: String!, $environmentId: String!, $startDate: DateTime!, $endDate: DateTime!, $stepSeconds: Int) {
  httpMetricsGroupedByStatus(serviceId: $serviceId, environmentId: $environmentId, startDate: $startDate, endDate: $endDate, stepSeconds: $stepSeconds) {
    statusCode
    samples {
      ts
      value
    }
  }
}`;

export const HTTP_DURATION_METRICS_QUERY = `query HttpDurationMetrics($serviceId: String!, $environmentId: String!, $startDate: DateTime!, $endDate: DateTime!, $stepSeconds: Int) {
  httpDurationMetrics(serviceId: $serviceId, environmentId: $environmentId, startDate: $startDate, endDate: $endDate, stepSeconds: $stepSeconds) {
    samples {
      ts
      p95
    }
  }
}`;

export const METRICS_OPERATIONS = {
  HttpMetricsByStatus: HTTP_METRICS_BY_STATUS_QUERY,
  HttpDurationMetrics: HTTP_DURATION_METRICS_QUERY,
};

const byStatus = z.object({
  httpMetricsGroupedByStatus: z.array(
    z.object({ statusCode: z.number(), samples: z.array(z.object({ ts: z.number(), value: z.number() })) }),
  ),
});
const durations = z.object({
  httpDurationMetrics: z.object({ samples: z.array(z.object({ ts: z.number(), p95: z.number() })) }),
});

export interface MetricsTarget {
  serviceId: string;
  environmentId: string;
}

export type RailwayMeasure = "error-rate" | "p95-ms";

function variables(target: MetricsTarget, startMs: number, endMs: number) {
  // One sample for the whole window: the measurement is one number per interval anyway.
  const stepSeconds = Math.max(1, Math.round((endMs - startMs) / 1000));
  return {
    serviceId: target.serviceId,
    environmentId: target.environmentId,
    startDate: new Date(startMs).toISOString(),
    endDate: new Date(endMs).toISOString(),
    stepSeconds,
  };
}

/** Requests answered 5xx over all requests in the window; undefined when there were none (no data, never 0). */
export async function httpErrorRate(
  client: RailwayClient,
  target: MetricsTarget,
  startMs: number,
  endMs: number,
): Promise<{ rate: number; errors: number; total: number } | undefined> {
  const data = await client.query(
    "HttpMetricsByStatus",
    HTTP_METRICS_BY_STATUS_QUERY,
    variables(target, startMs, endMs),
    byStatus,
  );
  let total = 0;
  let errors = 0;
  for (const group of data.httpMetricsGroupedByStatus) {
    const count = group.samples.reduce((sum, sample) => sum + sample.value, 0);
    total += count;
    if (group.statusCode >= 500) errors += count;
  }
  return total > 0 ? { rate: errors / total, errors, total } : undefined;
}

/** The highest p95 latency (ms) among the window's samples: the pessimistic reading; undefined without samples. */
export async function httpP95(
  client: RailwayClient,
  target: MetricsTarget,
  startMs: number,
  endMs: number,
): Promise<number | undefined> {
  const data = await client.query(
    "HttpDurationMetrics",
    HTTP_DURATION_METRICS_QUERY,
    variables(target, startMs, endMs),
    durations,
  );
  const samples = data.httpDurationMetrics.samples;
  return samples.length ? Math.max(...samples.map((sample) => sample.p95)) : undefined;
}
