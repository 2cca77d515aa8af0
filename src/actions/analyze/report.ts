import type { Analysis, MetricResult, Verdict } from "../../analyze/engine.ts";
import type { ActionContext, Outcome } from "../../core/action.ts";
import type { Summary } from "../../core/report.ts";
import { type AnalyzeRun, shown } from "./apply.ts";
import { chart } from "./chart.ts";
import type { analyzeInputs } from "./inputs.ts";
import { type AnalyzePlan, conditionSummary } from "./plan.ts";

const HEADLINE: Record<Verdict, string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  inconclusive: "⚠️ inconclusive",
};
const MARK: Record<string, string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  inconclusive: "⚠️ inconclusive",
  error: "⚠️ error",
  unfinished: "⏭️ not finished",
};

function values(result: MetricResult): string {
  return result.measurements
    .map((m) => {
      if (m.outcome === "error") return "error";
      const text = shown(m.value);
      return m.outcome === "failed" ? `**${text}**` : m.outcome === "inconclusive" ? `_${text}_` : text;
    })
    .join(" · ");
}

/** One line per metric that kept the analysis from passing. */
function reasons(analysis: Analysis): string[] {
  return analysis.metrics
    .filter((m) => m.status !== "pass" && m.status !== "unfinished")
    .map((m) => `${m.name}: ${m.status} — ${m.reason}`);
}

function summarize(summary: Summary, plan: AnalyzePlan, run: AnalyzeRun): void {
  const { analysis } = run;
  summary.table(
    ["Metric", "Verdict", "Condition", "Values (failed in bold, inconclusive in italics)", "Why"],
    analysis.metrics.map((result, i) => {
      const definition = plan.metrics[i];
      return [
        result.name,
        MARK[result.status] ?? result.status,
        definition && conditionSummary(definition),
        values(result),
        result.reason,
      ];
    }),
  );
  const early = analysis.stoppedEarly
    ? " The analysis stopped early: the verdict could no longer change."
    : "";
  summary.text(
    `${analysis.rounds} round(s) of measurements.${early} Every measurement: \`${run.measurements}\`.`,
  );
  analysis.metrics.forEach((result, i) => {
    const definition = plan.metrics[i];
    const drawn = definition && chart(definition, result);
    if (drawn) summary.text(drawn);
  });
}

export function reportAnalyze(
  ctx: ActionContext<typeof analyzeInputs>,
  plan: AnalyzePlan,
  run: AnalyzeRun,
): Outcome {
  const { analysis } = run;
  const why = reasons(analysis);
  const reason = why.length ? why.join("; ") : `every metric passed ${plan.count} measurement(s)`;
  ctx.log.info(`Verdict: ${analysis.verdict} — ${reason}.`);
  const failed = analysis.metrics
    .filter((m) => m.status === "fail")
    .map((m) => ({
      name: m.name,
      reason: m.reason,
      values: m.measurements.filter((x) => x.outcome === "failed").map((x) => x.value ?? null),
    }));
  let failure: string | undefined;
  if (analysis.cancelled)
    failure = "The analysis was cancelled before its window ended: verdict inconclusive.";
  else if (analysis.verdict === "fail") {
    const message = `Analysis failed:\n${why.map((line) => `- ${line}`).join("\n")}`;
    if (ctx.settings.fail) failure = message;
    else ctx.log.warn(message);
  } else if (analysis.verdict === "inconclusive") {
    ctx.log.warn(`Analysis inconclusive (never a pass): ${reason}. A person should look before deciding.`);
  }
  return {
    status: analysis.verdict,
    headline: HEADLINE[analysis.verdict],
    outputs: {
      verdict: analysis.verdict,
      "failed-metrics": JSON.stringify(failed),
      measurements: run.measurements,
      reason,
    },
    summary: (summary) => summarize(summary, plan, run),
    failure,
  };
}
