import type { Logger, Phase } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";
import { MigrationsBlocked } from "../../migrations/report.ts";
import {
  type Deployment,
  RailwayError,
  RefusedError,
  TokenRejectedError,
} from "../../platforms/railway/client.ts";
import { metaText } from "../../platforms/railway/deployments.ts";
import { NotFoundError, ScopeError } from "../../platforms/railway/resolve.ts";

/** Why a service cannot go ahead, or how its new deployment ended: the data, the words below. */
type Problem =
  | { code: "no-deployments"; service: string; environment: string }
  | { code: "nothing-running"; deployment: Deployment; url?: string }
  | { code: "past-retention"; deployment: Deployment }
  | { code: "none"; reason: string; listed: number; deployment: Deployment; verb?: string; url?: string }
  | { code: "not-found"; id: string; messages: string[] }
  | { code: "elsewhere"; id: string; service: string; environment: string }
  | { code: "timeout"; id: string; status: string | undefined; waitMs: number; url: string }
  | { code: "ended"; id: string; status: string; from: string; url: string }
  | { code: "replaced"; id: string; by: Deployment; url: string }
  | { code: "not-listed"; verb: string; ambiguous: boolean; withinMs: number }
  | { code: "restart-unknown"; id: string; status: string; url: string };

type Data<C extends Problem["code"]> = Omit<Extract<Problem, { code: C }>, "code">;

const WORDS: { [C in Problem["code"]]: (d: Data<C>) => string } = {
  "no-deployments": (d) => `Service ${d.service} has no deployments in ${d.environment}.`,
  "nothing-running": (d) =>
    `Nothing is running to restart (newest deployment ${d.deployment.id} is ${d.deployment.status}${d.url ? `, ${d.url}` : ""}). Use strategy rollback to go back to a good deployment.`,
  "past-retention": (d) =>
    `Railway does not allow rolling back to ${d.deployment.id} (canRollback: false: its image is past the plan's retention). Use strategy redeploy to rebuild it from source, or pick a newer deployment.`,
  none: (d) =>
    `No deployment to ${d.verb ?? "roll back"} to: ${d.reason} among the last ${d.listed}. Give deployment explicitly${d.url ? ` (see ${d.url})` : ""}.`,
  "not-found": (d) =>
    `Deployment ${d.id} was not found (${d.messages.join("; ")}). Check the deployment input: copy the id from the service's Deployments tab.`,
  elsewhere: (d) =>
    `Deployment ${d.id} belongs to another service or environment, not ${d.service} in ${d.environment}. Check the deployment and services inputs.`,
  timeout: (d) =>
    `Deployment ${d.id} did not reach SUCCESS within ${formatMs(d.waitMs)} (last status ${d.status ?? "unknown"}). It may still finish: see ${d.url}. Raise wait if deploys take longer.`,
  ended: (d) =>
    `Deployment ${d.id} ended ${d.status}: ${
      d.status === "REMOVED"
        ? "another deployment replaced it (a push or another rollback?): check which deployment serves now"
        : `check its logs; the previous deployment ${d.from} may still serve. Try another target with deployment: <id>`
    }. ${d.url}`,
  replaced: (d) =>
    `Deployment ${d.id} reached SUCCESS, but ${d.by.id} (${describeOrigin(d.by)}) replaced it right after: production is not on the target. Cancel or roll back ${d.by.id}, and pause auto-deploy (freeze-auto-deploy: true). ${d.url}`,
  "not-listed": (d) =>
    d.ambiguous
      ? `The ${d.verb} request's answer was lost and no new deployment appeared within ${formatMs(d.withinMs)}, so Railway probably did not act. It was not sent again, to avoid a double ${d.verb}: re-run the action (it is safe to repeat).`
      : `Railway accepted the ${d.verb} but no new deployment running the target's image appeared within ${formatMs(d.withinMs)}. Check the service's deployments on Railway.`,
  "restart-unknown": (d) =>
    `The restart request's answer was lost and ${d.id} still reports ${d.status}, so it is unknown whether Railway restarted it. It was not sent again: check ${d.url} and re-run if needed.`,
};

export class TargetError<C extends Problem["code"] = Problem["code"]> extends Error {
  override name = "TargetError";
  readonly code: C;
  readonly data: Data<C>;
  constructor(code: C, data: Data<C>) {
    super((WORDS[code] as (d: Data<C>) => string)(data));
    this.code = code;
    this.data = data;
  }
}

/** Several services could not be planned (a dry run stops on it). */
export class PlanFailure extends Error {
  override name = "PlanFailure";
  readonly failures: Array<[string, unknown]>;
  constructor(failures: Array<[string, unknown]>) {
    super(failures.map(([name, error]) => `- ${name}: ${explainService(error, false)}`).join("\n"));
    this.failures = failures;
  }
}

/** The runner's one message for a failure of the whole run. */
export function explainRailway(error: unknown, _phase: Phase): string {
  if (error instanceof PlanFailure) return `Railway: some services cannot be planned:\n${error.message}`;
  if (error instanceof MigrationsBlocked) return error.message;
  return explainService(error, false);
}

/** One service's failure: what failed, Railway's code and message, what to do next. */
export function explainService(error: unknown, sent: boolean): string {
  const message = errorMessage(error);
  if (error instanceof TokenRejectedError) {
    if (error.triedAs.length === 2)
      return `${message} It is not a Railway token Railway accepts: check that the secret holds a Railway token (not another platform's), whole, and that it was not revoked or expired; create a project token for this environment (project settings → Tokens) or an account token (account settings → Tokens).`;
    return error.triedAs[0] === "project"
      ? `${message} If it is an account or workspace token, set token-type: account (or auto); otherwise create a project token for this environment (project settings → Tokens).`
      : `${message} If it is a project token, set token-type: project (or auto); with a workspace token, give the project id (project settings → General).`;
  }
  if (error instanceof ScopeError) {
    return error.input === "project"
      ? `${message} Use a token of that project, or leave project empty.`
      : `${message} Set environment: ${error.scope}, or use a project token created for that environment.`;
  }
  if (error instanceof NotFoundError) {
    if (error.what === "project" && error.wanted.length === 0)
      return `Input "project" is required with an account or workspace token (only a project token implies its project). Example: "shop" or the project id`;
    return error.what === "service"
      ? `${message} Check the services input (names are case-sensitive).`
      : message;
  }
  if (error instanceof RefusedError)
    return `${message} Nothing is known to have changed: check the service on Railway, then re-run (it is safe to repeat).`;
  if (error instanceof RailwayError && error.notAuthorized)
    return `${message}. The token may not act on this service: check it belongs to this project and environment.`;
  if (error instanceof HttpError && error.kind === "rate-limit")
    return `${message}. Railway's rate limit was reached (Free plans allow 100 requests an hour): try again later.`;
  if (error instanceof TargetError || sent) return message;
  return `${message} Nothing was changed for this service.`;
}

/** `[service] …` on every line of one service's log. */
export function prefixed(log: Logger, name: string): Logger {
  return {
    info: (m) => log.info(`[${name}] ${m}`),
    warn: (m) => log.warn(`[${name}] ${m}`),
    debug: (m) => log.debug(`[${name}] ${m}`),
  };
}

export function describeDeployment(d: Deployment): string {
  const message = metaText(d, "commitMessage");
  return `${d.id} (${d.status}, ${d.createdAt}${message ? `, "${message.split("\n")[0]}"` : ""})`;
}

/** Who and what started a deployment, from its meta: `commit abc1234 "message" by someone`. */
export function describeOrigin(d: Deployment): string {
  const commit = metaText(d, "commitHash");
  const message = metaText(d, "commitMessage")?.split("\n")[0];
  const author = metaText(d, "commitAuthor");
  const parts = [
    commit && `commit ${commit.slice(0, 7)}`,
    message && `"${message}"`,
    author && `by ${author}`,
  ];
  const text = parts.filter(Boolean).join(" ");
  return text || `a ${metaText(d, "reason") ?? "deployment"} of unknown origin`;
}

/** How to undo freeze-auto-deploy: the terminal command and the dashboard. */
export function resumeAdvice(project: string, environment: string, services: string[]): string {
  return `To resume deploys on push: \`npm run action -- traffic --mode resume --auto-deploy true --project ${project} --environment ${environment} --services ${services.join(",")}\` (RAILWAY_TOKEN in the environment), or in Railway's dashboard: the service → Settings → Source → enable automatic deployments.`;
}
