import { defineAction } from "../../core/action.ts";
import { applyFlush } from "./apply.ts";
import { explainFlush } from "./explain.ts";
import { cacheFlushInputs } from "./inputs.ts";
import { describeFlush, planFlush } from "./plan.ts";
import { planOutputs, reportFlush } from "./report.ts";

/** Clears what a bad deploy cached: matching keys with SCAN + UNLINK, a whole database, or a Redis service restart on Railway. */
export default defineAction({
  name: "cache-flush",
  title: "Cache flush",
  inputs: cacheFlushInputs,
  reportsChanged: true,
  plan: planFlush,
  describe: describeFlush,
  planOutputs,
  apply: applyFlush,
  report: reportFlush,
  explain: explainFlush,
});
