import { input } from "../../core/inputs.ts";

export const smokeTestInputs = {
  url: input.list({ example: "https://api.example.com/healthz" }),
  checks: input.text(),
  headers: input.headers(),
  "ready-timeout": input.duration("5m"),
  samples: input.number({ default: "3", min: 1, max: 1000, integer: true, example: "3" }),
  interval: input.duration("5s"),
  "max-error-rate": input.number({ default: "0", min: 0, max: 1, example: "0.05" }),
  "max-p95-ms": input.number({ min: 1, example: "800" }),
  // 0 would fail every request at once and read as an outage.
  "request-timeout": input.duration("10s", { min: 100 }),
  concurrency: input.number({ default: "10", min: 1, max: 256, integer: true, example: "10" }),
  fail: input.boolean(true),
};
