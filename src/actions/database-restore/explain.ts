import { CancelledError, type Phase } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { DumpRefused } from "../../platforms/postgres/plan.ts";
import { ToolError } from "../../platforms/postgres/tools.ts";
import { VerifyError } from "../../platforms/postgres/verify.ts";
import { atlasAdvice } from "./explain-atlas.ts";
import { railwayAdvice } from "./explain-railway.ts";
import { RestoreFailed, type RestorePlan } from "./provider.ts";

/** SQLSTATE classes a person can act on. */
const SQLSTATE_ADVICE: Record<string, string> = {
  "28P01": "the password in database-url was refused: check the secret.",
  "28000": "the server refused this role or host (pg_hba.conf): check the user in database-url.",
  "3D000": "the database named in database-url does not exist on that server.",
  "42501":
    "the role lacks a privilege: it must own the database and have CREATEDB (swap mode renames databases).",
  "55006": "another session holds the database: retry when it has disconnected.",
};

/** What failed and what to do about it, without a word on the target's state (the read-back says that). */
export function postgresCause(error: unknown): string {
  if (error instanceof DumpRefused) return errorMessage(error);
  if (error instanceof VerifyError) return `${errorMessage(error)}.`;
  if (error instanceof ToolError) {
    const hint = /role .* does not exist/.test(error.stderr)
      ? " The dump grants to a role this server lacks: create it first (CREATE ROLE …), then run again."
      : /unsupported version/.test(error.stderr)
        ? " The dump is newer than the local tools: set postgres-bin-dir to a newer PostgreSQL client."
        : "";
    return `${errorMessage(error)}${hint}`;
  }
  const code = (error as { code?: string }).code;
  if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
    return error.name === "TimeoutError"
      ? "The restore phase ran out of its time (wait) before it finished."
      : "The restore was stopped (cancelled) before it finished.";
  }
  if (error instanceof CancelledError) return `The restore was stopped (${error.message})`;
  const advice = code ? SQLSTATE_ADVICE[code] : undefined;
  const message = errorMessage(error);
  if (advice) return `PostgreSQL error ${code}: ${message}. What to do: ${advice}`;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "ECONNRESET") {
    return `Could not reach the PostgreSQL server (${code}): check the host and port in database-url and that the runner can reach it.`;
  }
  return message;
}

export function explainRestore(error: unknown, _phase: Phase, plan: RestorePlan | undefined): string {
  if (error instanceof RestoreFailed) return error.message;
  return railwayAdvice(error, plan) ?? atlasAdvice(error, plan) ?? postgresCause(error);
}
