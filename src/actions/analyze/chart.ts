import type { MetricResult } from "../../analyze/engine.ts";
import type { MetricDefinition } from "../../analyze/metrics.ts";

/** Mermaid's number syntax has no exponent: plain decimals, at most 6 places. */
function plain(value: number): string {
  const fixed = value.toFixed(6).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

/**
 * The metric's values over the window and its thresholds as flat lines, in Mermaid's `xychart-beta` (Mermaid
 * 10.5+), which github.com renders in Markdown, job summaries included; the table beside it carries the same
 * values for any renderer that does not. Measurements without a finite value (no data, errors, ±Inf) are
 * left out of the chart. Undefined when nothing is left to draw.
 */
export function chart(definition: MetricDefinition, result: MetricResult): string | undefined {
  const points = result.measurements.filter(
    (m): m is typeof m & { value: number } => m.value !== undefined && Number.isFinite(m.value),
  );
  if (points.length === 0) return undefined;
  const thresholds = [...(definition.failure?.thresholds ?? []), ...(definition.success?.thresholds ?? [])];
  const condition = [
    definition.failure && `fail when ${definition.failure.source}`,
    definition.success && `pass when ${definition.success.source}`,
  ]
    .filter(Boolean)
    .join(", ");
  const title = `${definition.name}: ${condition}`.replace(/["\n]/g, "'");
  const lines = [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis "measurement" [${points.map((m) => `"${m.round}"`).join(", ")}]`,
    `  y-axis "${points[0]?.series ? "worst series" : "value"}"`,
    `  line [${points.map((m) => plain(m.value)).join(", ")}]`,
    ...thresholds.map((t) => `  line [${points.map(() => plain(t)).join(", ")}]`),
    "```",
  ];
  return lines.join("\n");
}
