import { defineAction } from "../../core/action.ts";
import { applyStorage } from "./apply.ts";
import { explainStorage } from "./explain.ts";
import { storageRestoreInputs } from "./inputs.ts";
import { describeStorage, planStorage } from "./plan.ts";
import { nothingToDo, planOutputs, reportStorage } from "./report.ts";

/** Brings a versioned S3-compatible bucket (or a prefix) back to how it was at a point in time. */
export default defineAction({
  name: "storage-restore",
  title: "Storage restore",
  inputs: storageRestoreInputs,
  reportsChanged: true,
  plan: planStorage,
  nothingToDo,
  describe: describeStorage,
  planOutputs,
  apply: applyStorage,
  report: reportStorage,
  explain: explainStorage,
});
