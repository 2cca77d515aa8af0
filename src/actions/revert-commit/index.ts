import { defineAction } from "../../core/action.ts";
import { applyRevert } from "./apply.ts";
import { explainRevert } from "./explain.ts";
import { revertInputs } from "./inputs.ts";
import { describeRevert, nothingToRevert, planOutputs, planRevert } from "./plan.ts";
import { reportRevert } from "./report.ts";

/** Reverts commits on a branch by pushing revert commits (never forced), or proposes them in a pull request. */
export default defineAction({
  name: "revert-commit",
  title: "Revert commit",
  inputs: revertInputs,
  plan: planRevert,
  nothingToDo: nothingToRevert,
  describe: describeRevert,
  planOutputs,
  apply: applyRevert,
  report: reportRevert,
  explain: explainRevert,
});
