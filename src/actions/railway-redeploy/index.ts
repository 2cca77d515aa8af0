import { defineAction } from "../../core/action.ts";
import { applyRailway } from "./apply.ts";
import { explainRailway } from "./explain.ts";
import { railwayInputs } from "./inputs.ts";
import { planRailway } from "./plan.ts";
import { nothingToDo, planOutputs, reportRailway } from "./report.ts";
import { describePlan } from "./summary.ts";

/** Rolls Railway services back to a known-good deployment (rollback, redeploy or restart). */
export default defineAction({
  name: "railway-redeploy",
  title: "Railway rollback",
  inputs: railwayInputs,
  plan: planRailway,
  nothingToDo,
  describe: describePlan,
  planOutputs,
  apply: applyRailway,
  report: reportRailway,
  explain: explainRailway,
});
