import { defineAction } from "../../core/action.ts";
import { applyRestore } from "./apply.ts";
import { explainRestore } from "./explain.ts";
import { databaseRestoreInputs } from "./inputs.ts";
import { describeRestore, planRestore } from "./plan.ts";
import { planOutputs, reportRestore } from "./report.ts";

/** Brings a database back to a known-good backup, after a verified safety backup of what it holds now. */
export default defineAction({
  name: "database-restore",
  title: "Database restore",
  inputs: databaseRestoreInputs,
  reportsChanged: true,
  plan: planRestore,
  nothingToDo: (plan) =>
    plan.alreadyCurrent ? { status: "already-current", reason: plan.alreadyCurrent } : undefined,
  describe: describeRestore,
  planOutputs,
  apply: applyRestore,
  report: reportRestore,
  explain: explainRestore,
});
