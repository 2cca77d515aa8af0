import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { ActionContext } from "../../core/action.ts";
import { InputError, input, inputError } from "../../core/inputs.ts";
import { migrationInputs } from "../../migrations/check.ts";
import { basicAuthHeader, Git } from "../../platforms/git.ts";
import type { Identity } from "./build.ts";

export const DEFAULT_COMMITTER =
  "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";
const SHA = /^[0-9a-f]{4,40}$/i;
const RANGE = /^([0-9a-f]{4,40})\.\.([0-9a-f]{4,40})$/i;

export const revertInputs = {
  commits: input.list({ example: '"3f2c1ab" or "3f2c1ab..9e8d7c6"' }),
  to: input.optional(),
  branch: input.optional(),
  strategy: input.choice(["push", "pull-request", "auto"], "push"),
  token: input.secret(),
  reason: input.text({ max: 4000 }),
  mainline: input.number({ default: "1", min: 1, integer: true, example: "1" }),
  dispatch: input.optional(),
  "dispatch-inputs": input.jsonObject('{"environment": "production"}'),
  committer: input.text({ default: DEFAULT_COMMITTER }),
  path: input.text({ default: "." }),
  ...migrationInputs,
};

export type RevertContext = ActionContext<typeof revertInputs>;

/** One item of the "commits" input. */
export type Spec = { kind: "sha"; sha: string } | { kind: "range"; from: string; to: string };

/** The inputs checked together and with the checkout; everything here is safe to show (no token). */
export interface Request {
  specs: Spec[];
  to: string | undefined;
  branch: string | undefined;
  strategy: "push" | "pull-request" | "auto";
  mainline: number;
  reason: string;
  dispatch: string | undefined;
  dispatchInputs: Record<string, unknown> | undefined;
  author: Identity;
  /** The checkout, resolved against the workspace the runner (or the terminal) gives. */
  dir: string;
  /** Its remote to revert on: origin, else the first. */
  remote: string;
}

/** Checks the inputs together and against the checkout at "path"; throws one InputError for all. */
export async function readRequest(ctx: RevertContext): Promise<Request> {
  const { settings, run } = ctx;
  const problems: InputError[] = [];
  const specs = parseCommits(settings.commits, problems);
  if (settings.to !== undefined && !SHA.test(settings.to))
    problems.push(
      inputError("to", `is ${JSON.stringify(settings.to)}, which is not a commit SHA.`, '"3f2c1ab"'),
    );
  if (settings.to !== undefined && settings.commits.length > 0)
    problems.push(
      inputError(
        "to",
        'cannot be used together with "commits": give either the commits to revert or the last good one.',
      ),
    );
  const committer = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(settings.committer);
  if (!committer?.[1])
    problems.push(
      inputError(
        "committer",
        `is ${JSON.stringify(settings.committer)}; use "Name <email>".`,
        `"${DEFAULT_COMMITTER}"`,
      ),
    );
  if (settings.dispatch !== undefined && !/^(?:[\w.-]+\.ya?ml|\d+)$/.test(settings.dispatch))
    problems.push(
      inputError(
        "dispatch",
        `is ${JSON.stringify(settings.dispatch)}; give the workflow's file name (or its ID).`,
        '"deploy.yml"',
      ),
    );
  if (settings["dispatch-inputs"] && settings.dispatch === undefined)
    problems.push(
      inputError(
        "dispatch-inputs",
        'is set but "dispatch" is empty: name the workflow to start.',
        '"deploy.yml"',
      ),
    );
  const needsApi = settings.strategy === "pull-request" || settings.dispatch !== undefined;
  if (needsApi && !settings.token)
    problems.push(
      inputError(
        "token",
        "is empty, and it is needed to open a pull request or dispatch a workflow. Pass ${{ github.token }} or a GitHub App token.",
      ),
    );
  if (needsApi && !run.repository)
    problems.push(
      new InputError('The repository is unknown (GITHUB_REPOSITORY); "owner/repo" is needed to call GitHub.'),
    );
  // git sends the token base64-encoded in a header: mask that form too.
  if (settings.token) ctx.tk.setSecret(basicAuthHeader(settings.token).split(" ").pop() as string);
  const dir = resolve(run.workspace, settings.path);
  const remotes = await checkCheckout(new Git({ cwd: dir, signal: ctx.signal }), settings, problems);
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join("\n"));
  return {
    specs,
    to: settings.to,
    branch: settings.branch,
    strategy: settings.strategy as Request["strategy"],
    mainline: settings.mainline ?? 1,
    reason: settings.reason,
    dispatch: settings.dispatch,
    dispatchInputs: settings["dispatch-inputs"],
    author: { name: committer?.[1] ?? "", email: committer?.[2] ?? "" },
    dir,
    remote: remotes.includes("origin") ? "origin" : (remotes[0] as string),
  };
}

/** The "commits" items: SHAs and A..B ranges, separated by newlines, commas or spaces. */
function parseCommits(commits: string[], problems: InputError[]): Spec[] {
  const specs: Spec[] = [];
  for (const item of commits.flatMap((entry) => entry.split(/\s+/)).filter(Boolean)) {
    const range = RANGE.exec(item);
    if (range) specs.push({ kind: "range", from: range[1] as string, to: range[2] as string });
    else if (SHA.test(item)) specs.push({ kind: "sha", sha: item });
    else
      problems.push(
        inputError(
          "commits",
          `has ${JSON.stringify(item)}, which is neither a commit SHA nor a range A..B of SHAs.`,
          '"3f2c1ab" or "3f2c1ab..9e8d7c6"',
        ),
      );
  }
  return specs;
}

/**
 * "path" must be a git checkout with a remote; "branch", once all else is valid, a valid branch name.
 * Returns the checkout's remotes.
 */
async function checkCheckout(
  git: Git,
  settings: { path: string; branch: string | undefined },
  problems: InputError[],
): Promise<string[]> {
  const path = JSON.stringify(settings.path);
  const checkout = existsSync(git.cwd) && (await git.isWorkTree());
  const remotes = checkout ? await git.remotes() : [];
  if (!checkout)
    problems.push(
      inputError("path", `is ${path}, which is not a git checkout (run actions/checkout first).`),
    );
  else if (remotes.length === 0)
    problems.push(inputError("path", `is ${path}, a git repository without a remote to push to.`));
  if (settings.branch !== undefined && problems.length === 0 && !(await git.validBranchName(settings.branch)))
    problems.push(
      inputError(
        "branch",
        `is ${JSON.stringify(settings.branch)}, which is not a valid branch name.`,
        '"main"',
      ),
    );
  return remotes;
}
