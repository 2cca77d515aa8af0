import { defineAction } from "../../core/action.ts";
import { applyAnalyze } from "./apply.ts";
import { explainAnalyze } from "./explain.ts";
import { analyzeInputs } from "./inputs.ts";
import { describeAnalyze, planAnalyze } from "./plan.ts";
import { reportAnalyze } from "./report.ts";

/** Decides from metrics whether production is healthy: Argo-style measurements against conditions. */
export default defineAction({
  name: "analyze",
  title: "Analyze",
  inputs: analyzeInputs,
  readOnly: true,
  plan: planAnalyze,
  describe: describeAnalyze,
  apply: applyAnalyze,
  report: reportAnalyze,
  explain: explainAnalyze,
});
