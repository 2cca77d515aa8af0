import { defineAction } from "../../core/action.ts";
import { applySmoke } from "./apply.ts";
import { smokeTestInputs } from "./inputs.ts";
import { describeSmoke, planSmoke } from "./plan.ts";
import { reportSmoke } from "./report.ts";

/** Decides whether a deployment is healthy: warm-up until each check passes once, then a verification window. */
export default defineAction({
  name: "smoke-test",
  title: "Smoke test",
  inputs: smokeTestInputs,
  readOnly: true,
  plan: planSmoke,
  describe: describeSmoke,
  apply: applySmoke,
  report: reportSmoke,
});
