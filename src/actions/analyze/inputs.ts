import { input } from "../../core/inputs.ts";
import { DEFAULT_DATADOG_SITE } from "../../platforms/metrics/datadog.ts";
import { DEFAULT_API_URL as RAILWAY_API_URL } from "../../platforms/railway/client.ts";

export const METRICS_EXAMPLE =
  '[{name: api-error-rate, provider: prometheus, query: "sum(rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))", failure-condition: "result > 0.05"}]';

export const analyzeInputs = {
  metrics: input.text({ required: true, example: METRICS_EXAMPLE }),
  interval: input.duration("1m"),
  count: input.number({ default: "5", min: 1, max: 1000, integer: true, example: "5" }),
  "initial-delay": input.duration("0"),
  "consecutive-error-limit": input.number({ default: "4", min: 0, max: 100, integer: true, example: "4" }),
  "prometheus-url": input.url({ example: "https://prometheus.example.com" }),
  "prometheus-headers": input.headers(),
  "datadog-api-key": input.secret(),
  "datadog-app-key": input.secret(),
  "datadog-site": input.text({ default: DEFAULT_DATADOG_SITE, example: '"datadoghq.eu"' }),
  "datadog-api-url": input.url({ example: "https://api.datadoghq.com" }),
  "railway-token": input.secret(),
  "railway-project": input.optional(),
  "railway-environment": input.optional(),
  "railway-api-url": input.url({ default: RAILWAY_API_URL, example: RAILWAY_API_URL }),
  fail: input.boolean(true),
};
