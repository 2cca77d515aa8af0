import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { type Project, VercelClient } from "../../platforms/vercel/client.ts";
import { pickAutomatically, rolledBackTo } from "../vercel-promote/pick.ts";
import { productionTarget } from "../vercel-promote/target.ts";
import { age, type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const T = "vercel";

/** Vercel: token and project, the deployment an automatic rollback would pick, and whether a rollback pins production now. */
export async function checkVercel(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  const name = settings["vercel-project"] as string;
  const client = new VercelClient({
    token: settings["vercel-token"] as string,
    baseUrl: settings["vercel-api-url"],
    team: settings["vercel-team"],
    log: ctx.log,
  });
  let project: Project;
  try {
    project = await client.getProject(name);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : undefined;
    const fix =
      status === 401 || status === 403
        ? "The token is expired or revoked, or lacks this team: create a new one (vercel.com/account/tokens, scoped to the team) and update VERCEL_TOKEN."
        : "Check vercel-project and vercel-team.";
    return { checks: [fail(T, "token and project", errorMessage(error), fix)] };
  }
  const checks: Check[] = [pass(T, "token and project", `${project.name} (${project.id})`)];
  const current = project.targets?.production ?? undefined;
  if (!current) {
    checks.push(fail(T, "rollback target", "nothing serves production", "Deploy to production first."));
    return { checks };
  }
  const from = productionTarget(current);
  if (project.autoAssignCustomDomains === false) {
    const undo = `vercel promote ${current.id}${settings["vercel-team"] ? ` --scope ${settings["vercel-team"]}` : ""}`;
    const stays = rolledBackTo(project, current.id) ? " (an automatic rollback now stays on it)" : "";
    checks.push(
      warn(
        T,
        "production pinned",
        `a rollback is in effect: production stays on ${current.id} and new deployments do not reach it${stays}`,
        `When the fix is deployed, undo the rollback: \`${undo}\`, or Undo Rollback in the dashboard.`,
      ),
    );
  } else {
    checks.push(pass(T, "production pinned", "no rollback in effect: production follows new deployments"));
  }
  try {
    const silent = { info: () => {}, warn: () => {}, debug: () => {} };
    const target = await pickAutomatically(client, silent, project, from);
    const old = target.createdAt === undefined ? "" : `, ${age((Date.now() - target.createdAt) / 1000)} old`;
    checks.push(pass(T, "rollback target", `${target.id} READY${old}`));
  } catch (error) {
    checks.push(
      fail(
        T,
        "rollback target",
        errorMessage(error),
        "Keep at least one READY production deployment older than the current one (redeploy a known-good commit).",
      ),
    );
  }
  return { checks };
}
