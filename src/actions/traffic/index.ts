import { defineAction } from "../../core/action.ts";
import { applyTraffic } from "./apply.ts";
import { explainTraffic } from "./explain.ts";
import { trafficInputs } from "./inputs.ts";
import { describeTraffic, planTraffic, trafficNothingToDo } from "./plan.ts";
import { reportTraffic } from "./report.ts";

/** Stops or resumes traffic: a Vercel project paused (503), or Railway services' deployments stopped. */
export default defineAction({
  name: "traffic",
  title: "Traffic",
  inputs: trafficInputs,
  plan: planTraffic,
  nothingToDo: trafficNothingToDo,
  describe: describeTraffic,
  apply: applyTraffic,
  report: reportTraffic,
  explain: explainTraffic,
});
