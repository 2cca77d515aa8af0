import type { Phase } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { RailwayError } from "../../platforms/railway/client.ts";

/** Failures outside the measurements themselves (those are verdicts): resolving Railway services at plan time. */
export function explainAnalyze(error: unknown, phase: Phase): string {
  const message = errorMessage(error);
  if (phase === "plan" && error instanceof RailwayError) {
    const advice = error.notAuthorized
      ? "Check railway-token: a project token of the environment to measure, or an account/workspace token with railway-project."
      : "Check railway-project, railway-environment and the services named in metrics.";
    return `${message}. ${advice} No metric was measured.`;
  }
  if (phase === "plan" && error instanceof HttpError) {
    return `${message}. Railway could not be reached to resolve the services in metrics; check railway-api-url and try again. No metric was measured.`;
  }
  return message;
}
