import { GraphQLError } from "graphql";

/**
 * Railway's HTTP metrics for the simulator: the two queries, with argument names and types as in
 * `railway-public-schema.graphql` (`Query.httpMetricsGroupedByStatus`, `Query.httpDurationMetrics`), so an
 * operation valid here is checked against the real schema in a test.
 */
export const RAILWAY_METRICS_SDL = `
type HttpMetricsSample { ts: Int! value: Float! }
type HttpMetricsByStatusResult { samples: [HttpMetricsSample!]! statusCode: Int! }
type HttpDurationMetricsSample { p50: Float! p90: Float! p95: Float! p99: Float! ts: Int! }
type HttpDurationMetricsResult { samples: [HttpDurationMetricsSample!]! }

extend type Query {
  httpMetricsGroupedByStatus(endDate: DateTime!, environmentId: String!, method: String, path: String, serviceId: String!, startDate: DateTime!, stepSeconds: Int): [HttpMetricsByStatusResult!]!
  httpDurationMetrics(endDate: DateTime!, environmentId: String!, method: String, path: String, serviceId: String!, startDate: DateTime!, statusCode: Int, stepSeconds: Int): HttpDurationMetricsResult!
}
`;

/** What a simulated service is serving: requests per second, the share answered 5xx, its p95 latency. */
export interface Traffic {
  rps: number;
  errorRate: number;
  p95Ms: number;
}

export const HEALTHY_TRAFFIC: Traffic = { rps: 20, errorRate: 0.005, p95Ms: 120 };
export const BAD_TRAFFIC: Traffic = { rps: 20, errorRate: 0.3, p95Ms: 1800 };

/**
 * Traffic per service: set explicitly (tests), or by default healthy unless `isBad(serviceId)` says a bad
 * deployment serves, so a drill's staged bad deploy shows in Railway's metrics and a rollback clears it.
 */
export class RailwayTraffic {
  private readonly explicit = new Map<string, Traffic>();
  private readonly isBad: (serviceId: string, environmentId: string) => boolean;

  constructor(isBad: (serviceId: string, environmentId: string) => boolean = () => false) {
    this.isBad = isBad;
  }

  set(serviceId: string, traffic: Traffic): this {
    this.explicit.set(serviceId, traffic);
    return this;
  }

  of(serviceId: string, environmentId: string): Traffic {
    return (
      this.explicit.get(serviceId) ?? (this.isBad(serviceId, environmentId) ? BAD_TRAFFIC : HEALTHY_TRAFFIC)
    );
  }
}

interface Args {
  serviceId: string;
  environmentId: string;
  startDate: string;
  endDate: string;
  stepSeconds?: number | null;
}

/**
 * Buckets of `stepSeconds` from startDate to endDate (Railway's docs describe stepSeconds as "the frequency
 * of data points"); how Railway aligns buckets or how late samples appear is not documented, so a window
 * without traffic answers no samples at all, which the client must read as no data, never as zero.
 */
function buckets(args: Args): Array<{ ts: number; seconds: number }> {
  const start = Date.parse(args.startDate);
  const end = Date.parse(args.endDate);
  if (Number.isNaN(start) || Number.isNaN(end)) throw new GraphQLError("Invalid DateTime");
  if (end <= start) return [];
  const step = Math.max(1, args.stepSeconds ?? 60) * 1000;
  const out: Array<{ ts: number; seconds: number }> = [];
  for (let at = start; at < end; at += step) {
    out.push({ ts: Math.floor(at / 1000), seconds: (Math.min(end, at + step) - at) / 1000 });
  }
  return out;
}

/** Resolvers to spread into the simulator's root value; `authorize` throws when the token may not see the service. */
export function railwayMetricsResolvers(
  traffic: RailwayTraffic,
  authorize: (serviceId: string, environmentId: string) => void,
) {
  return {
    httpMetricsGroupedByStatus: (args: Args) => {
      authorize(args.serviceId, args.environmentId);
      const { rps, errorRate } = traffic.of(args.serviceId, args.environmentId);
      if (rps <= 0) return [];
      const windows = buckets(args);
      const counts = (share: number) =>
        windows.map(({ ts, seconds }) => ({ ts, value: Math.round(rps * seconds * share * 1000) / 1000 }));
      return [
        { statusCode: 200, samples: counts(1 - errorRate) },
        ...(errorRate > 0 ? [{ statusCode: 503, samples: counts(errorRate) }] : []),
      ];
    },
    httpDurationMetrics: (args: Args) => {
      authorize(args.serviceId, args.environmentId);
      const { rps, p95Ms } = traffic.of(args.serviceId, args.environmentId);
      if (rps <= 0) return { samples: [] };
      return {
        samples: buckets(args).map(({ ts }) => ({
          ts,
          p50: p95Ms / 3,
          p90: p95Ms * 0.8,
          p95: p95Ms,
          p99: p95Ms * 1.5,
        })),
      };
    },
  };
}
