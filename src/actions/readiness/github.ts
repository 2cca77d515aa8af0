import { z } from "zod";
import { githubClient, githubErrorMessage, type Octokit } from "../../platforms/github/client.ts";
import { type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const repoSchema = z.object({
  default_branch: z.string(),
  permissions: z.object({ push: z.boolean() }).partial().optional(),
});
const rulesSchema = z.array(z.object({ type: z.string() }));
const workflowSchema = z.object({ path: z.string(), state: z.string() });
const environmentSchema = z.object({
  name: z.string(),
  protection_rules: z
    .array(z.object({ type: z.string(), reviewers: z.array(z.unknown()).optional() }))
    .nullish(),
});

async function client(ctx: Ctx): Promise<{ octokit: Octokit; owner: string; repo: string }> {
  const repository = ctx.run.repository;
  if (!repository) throw new Error("GITHUB_REPOSITORY is not set: the repository is unknown.");
  const octokit = await githubClient({
    token: ctx.settings["github-token"] as string,
    apiUrl: ctx.run.apiUrl,
  });
  return { octokit, owner: repository.owner, repo: repository.repo };
}

const status = (error: unknown) => (error as { status?: number }).status;

/** git-revert: the token may push to the deploy branch, whether a rule forces a pull request, the deploy workflow exists. */
export async function checkGitRevert(ctx: Ctx): Promise<TargetResult> {
  const T = "git-revert";
  const { octokit, owner, repo } = await client(ctx);
  const where = { owner, repo };
  const read = await octokit.request("GET /repos/{owner}/{repo}", where);
  const repository = repoSchema.parse(read.data);
  const branch = ctx.settings.branch ?? repository.default_branch;
  const checks: Check[] = [];
  const push = repository.permissions?.push;
  if (push === true) checks.push(pass(T, "may push", `the token may push to ${owner}/${repo}`));
  else if (push === false)
    checks.push(
      fail(
        T,
        "may push",
        `the token may not push to ${owner}/${repo}`,
        "Use a token with contents: write (the rollback's revert job grants it to GITHUB_TOKEN).",
      ),
    );
  else if (ctx.settings["github-token"] === ctx.run.defaultToken)
    checks.push(
      pass(T, "may push", "the workflow's GITHUB_TOKEN: the rollback's revert job grants it contents: write"),
    );
  else
    checks.push(
      warn(
        T,
        "may push",
        "GitHub did not say what this token may do",
        "Check the token has contents: write on the repository.",
      ),
    );
  const [rules, workflow] = await Promise.all([
    octokit.request("GET /repos/{owner}/{repo}/rules/branches/{branch}", { ...where, branch }).then(
      (r) => rulesSchema.parse(r.data),
      (error: unknown) => error as Error,
    ),
    ctx.settings.dispatch
      ? octokit
          .request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}", {
            ...where,
            workflow_id: ctx.settings.dispatch,
          })
          .then(
            (r) => workflowSchema.parse(r.data),
            (error: unknown) => error as Error,
          )
      : undefined,
  ]);
  if (rules instanceof Error) {
    checks.push(
      warn(
        T,
        "branch rules",
        `${branch}: ${githubErrorMessage(rules)}`,
        "Allow the token to read the repository's rules (contents: read).",
      ),
    );
  } else if (rules.some((r) => r.type === "pull_request")) {
    checks.push(
      warn(
        T,
        "branch rules",
        `${branch} requires a pull request: a revert waits for someone to merge it`,
        "Let the rollback's token bypass the ruleset (a bypass actor), or count the review in the RTO.",
      ),
    );
  } else {
    checks.push(pass(T, "branch rules", `${branch}: a revert is pushed directly`));
  }
  if (workflow instanceof Error) {
    const gone = status(workflow) === 404;
    checks.push(
      fail(
        T,
        "deploy workflow",
        `${ctx.settings.dispatch}: ${gone ? "no such workflow" : githubErrorMessage(workflow)}`,
        "Fix dispatch: the file name of the deploy workflow under .github/workflows/.",
      ),
    );
  } else if (workflow) {
    checks.push(
      workflow.state === "active"
        ? pass(T, "deploy workflow", `${workflow.path} is active`)
        : fail(
            T,
            "deploy workflow",
            `${workflow.path} is ${workflow.state}`,
            "Enable the workflow (Actions → the workflow → Enable).",
          ),
    );
  }
  return { checks };
}

/** workflow: the environment exists; the data environment exists and has required reviewers. */
export async function checkWorkflow(ctx: Ctx): Promise<TargetResult> {
  const T = "workflow";
  const { octokit, owner, repo } = await client(ctx);
  const { environment } = ctx.settings;
  const data = ctx.settings["data-environment"] ?? `${environment}-data`;
  const read = (name: string) =>
    octokit
      .request("GET /repos/{owner}/{repo}/environments/{environment_name}", {
        owner,
        repo,
        environment_name: name,
      })
      .then(
        (r) => environmentSchema.parse(r.data),
        (error: unknown) => (status(error) === 404 ? undefined : (error as Error)),
      );
  const [main, dataEnv] = await Promise.all([read(environment), read(data)]);
  const checks: Check[] = [];
  const missing = (name: string) =>
    `Create the environment ${name} (Settings → Environments): a job naming one that does not exist creates it unprotected.`;
  if (main instanceof Error)
    checks.push(
      fail(T, `environment ${environment}`, githubErrorMessage(main), "Give the workflow actions: read."),
    );
  else if (!main) checks.push(fail(T, `environment ${environment}`, "does not exist", missing(environment)));
  else checks.push(pass(T, `environment ${environment}`, "exists"));
  const check = `data environment ${data}`;
  if (dataEnv instanceof Error)
    checks.push(fail(T, check, githubErrorMessage(dataEnv), "Give the workflow actions: read."));
  else if (!dataEnv) checks.push(fail(T, check, "does not exist", missing(data)));
  else {
    const reviewers = (dataEnv.protection_rules ?? [])
      .filter((r) => r.type === "required_reviewers")
      .flatMap((r) => r.reviewers ?? []);
    checks.push(
      reviewers.length
        ? pass(T, check, `${reviewers.length} required reviewer(s)`)
        : fail(
            T,
            check,
            "no required reviewers: a data restore would start without approval",
            `Add required reviewers to ${data} (Settings → Environments → ${data}).`,
          ),
    );
  }
  return { checks };
}
