import { defineAction } from "../../core/action.ts";
import { applyVercelPromote } from "./apply.ts";
import { explainVercelPromote } from "./explain.ts";
import { vercelPromoteInputs } from "./inputs.ts";
import { describeVercelPromote, nothingToDo, planOutputs, planVercelPromote } from "./plan.ts";
import { reportVercelPromote } from "./report.ts";

/** Points a Vercel project's production domains at a known-good deployment. */
export default defineAction({
  name: "vercel-promote",
  title: "Vercel production rollback",
  inputs: vercelPromoteInputs,
  plan: planVercelPromote,
  nothingToDo,
  describe: describeVercelPromote,
  planOutputs,
  apply: applyVercelPromote,
  report: reportVercelPromote,
  explain: explainVercelPromote,
});
