import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseMetrics } from "../src/analyze/metrics.ts";

const readme = readFileSync("actions/analyze/README.md", "utf8");
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

const README_COUNT = Number(/count: (\d+)/.exec(blocks[0] ?? "")?.[1]);

describe("the README's metrics are ready to copy", () => {
  it("states the count its limits are written for", () => {
    expect(README_COUNT).toBe(5);
    expect(readme).toContain("With `interval: 1m` and `count: 5`");
  });
  const examples = blocks.filter((b) => /metrics: \|/.test(b));
  it("has the four runbook conditions for Prometheus, Datadog and Railway", () => {
    expect(examples.length).toBe(4);
  });
  examples.forEach((block, i) => {
    it(`example ${i + 1} parses as the action reads it`, async () => {
      // A step's `with:` (or the part of it shown); secrets expressions stay as text here.
      const withBlock = parse(block.replace(/^- uses: .*\n\s+id: .*\n\s+with:\n/, "")) as {
        metrics?: string;
        with?: { metrics: string };
      };
      const metrics = withBlock.metrics ?? withBlock.with?.metrics ?? "";
      const parsed = await parseMetrics(metrics);
      // The three provider sections carry the four runbook conditions each.
      expect(parsed.length).toBe(i === 0 ? 1 : 4);
      for (const metric of parsed) expect(metric.failure ?? metric.success).toBeDefined();
      // The README's count is 5: every limit shown must be below it, or the action refuses the input.
      for (const metric of parsed) expect(metric.failureLimit).toBeLessThan(README_COUNT);
    });
  });
});
