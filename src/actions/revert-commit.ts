import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { InputError, input, inputError, readInputs } from "../core/inputs.ts";
import { link, Summary, setOutputs } from "../core/report.ts";
import { errorMessage } from "../core/secrets.ts";
import { runContext } from "../core/context.ts";
import type { Toolkit } from "../core/toolkit.ts";
import { basicAuthHeader, type Commit, Git } from "../platforms/git.ts";
import { githubClient, type Octokit } from "../platforms/github/client.ts";
import {
  createPullRequest,
  dispatchWorkflow,
  findPullRequest,
  parseRepository,
  type Repo,
  repositoryDefaultBranch,
} from "../platforms/github/pulls.ts";
import { type BuildContext, type Built, build, type Identity, reapply } from "./revert-commit/build.ts";
import { RevertError } from "./revert-commit/error.ts";
import {
  COMMIT_HEADER,
  commitLine,
  commitRows,
  commitUrl,
  pullRequestBody,
  pullRequestBranch,
} from "./revert-commit/messages.ts";
import { alreadyReverted, makePlan, type Plan, type Spec } from "./revert-commit/plan.ts";

const DEFAULT_COMMITTER = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";
const SHA = /^[0-9a-f]{4,40}$/i;
const RANGE = /^([0-9a-f]{4,40})\.\.([0-9a-f]{4,40})$/i;
const PUSH_ATTEMPTS = 3;

const revertInputs = {
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
  "dry-run": input.boolean(false),
};

type Inputs = Awaited<ReturnType<typeof readRevertInputs>>;

/** GitHub's API, reached only when a pull request, a dispatch or the default branch needs it. */
type GitHub = () => Promise<{ octokit: Octokit; repo: Repo }>;

/** Nothing to do: the outcome and why. */
type AlreadyReverted = { status: "already-reverted"; message: string };

/** One run: the checked inputs, the clients, and the plan once it is made. */
interface Run {
  tk: Toolkit;
  inputs: Inputs;
  git: Git;
  github: GitHub;
  summary: Summary;
  plan: Plan;
}

/** Reverts commits on a branch by pushing revert commits (never forced), or proposes them in a pull request. */
export async function revertCommit(tk: Toolkit): Promise<void> {
  const summary = new Summary("Revert commit");
  // Inputs: every problem reported at once, before anything changes.
  const inputs = await readRevertInputs(tk);
  const { git, github, remote, branch } = await openBranch(tk, inputs);
  const scratch = await mkdtemp(join(tk.env.RUNNER_TEMP || tmpdir(), "revert-commit-"));
  const worktree = { path: join(scratch, "worktree"), added: false };
  try {
    // Plan: reads only; the revert commits are made in a scratch worktree, never in the checkout.
    const plan = await planRevert(git, inputs, remote, branch);
    const run: Run = { tk, inputs, git, github, summary, plan };
    const planned = await buildRevert(run, worktree);
    if (planned.status === "already-reverted") return await reportAlreadyReverted(run, planned.message);
    if (inputs["dry-run"]) return await reportDryRun(run, planned.built);

    // Apply: push (a lost race is fetched and applied again), or fall back to a pull request.
    const applied = await pushRevert(run, planned.wt, planned.built);
    if (applied.status === "already-reverted") return await reportAlreadyReverted(run, applied.message);
    // Report each step as it lands, so that a later failure leaves what was done in the summary and outputs.
    summarizeReverted(run, applied.built);
    if (applied.status === "pull-request")
      return await proposePullRequest(run, applied.built, applied.rejection);
    reportPushed(run, applied.built);
    await startDeploy(run, applied.built);
    await summary.write(tk, "reverted");
  } catch (error) {
    summary.text(`**Failed:** ${errorMessage(error)}`);
    await summary.write(tk, "failed");
    throw error;
  } finally {
    if (worktree.added) await git.removeWorktree(worktree.path);
    await rm(scratch, { recursive: true, force: true });
  }
}

// --- Inputs ---

/** Reads every input and checks them together with the checkout at "path"; throws one InputError for all. */
async function readRevertInputs(tk: Toolkit) {
  const inputs = readInputs(tk, revertInputs);
  const env = tk.env;
  const problems: InputError[] = [];
  const specs = parseCommits(inputs.commits, problems);
  if (inputs.to !== undefined && !SHA.test(inputs.to))
    problems.push(
      inputError("to", `is ${JSON.stringify(inputs.to)}, which is not a commit SHA.`, '"3f2c1ab"'),
    );
  if (inputs.to !== undefined && inputs.commits.length > 0)
    problems.push(
      inputError(
        "to",
        'cannot be used together with "commits": give either the commits to revert or the last good one.',
      ),
    );
  const committerMatch = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(inputs.committer);
  if (!committerMatch?.[1])
    problems.push(
      inputError(
        "committer",
        `is ${JSON.stringify(inputs.committer)}; use "Name <email>".`,
        `"${DEFAULT_COMMITTER}"`,
      ),
    );
  if (inputs.dispatch !== undefined && !/^(?:[\w.-]+\.ya?ml|\d+)$/.test(inputs.dispatch))
    problems.push(
      inputError(
        "dispatch",
        `is ${JSON.stringify(inputs.dispatch)}; give the workflow's file name (or its ID).`,
        '"deploy.yml"',
      ),
    );
  if (inputs["dispatch-inputs"] && inputs.dispatch === undefined)
    problems.push(
      inputError(
        "dispatch-inputs",
        'is set but "dispatch" is empty: name the workflow to start.',
        '"deploy.yml"',
      ),
    );
  const needsApi = inputs.strategy === "pull-request" || inputs.dispatch !== undefined;
  if (needsApi && !inputs.token)
    problems.push(
      inputError(
        "token",
        "is empty, and it is needed to open a pull request or dispatch a workflow. Pass ${{ github.token }} or a GitHub App token.",
      ),
    );
  const repo = parseRepository(env.GITHUB_REPOSITORY);
  if (needsApi && !repo)
    problems.push(
      new InputError(
        `GITHUB_REPOSITORY is ${JSON.stringify(env.GITHUB_REPOSITORY ?? "")}; "owner/repo" is needed to call GitHub.`,
      ),
    );
  if (inputs.token) {
    // git sends the token base64-encoded in a header: mask that form too.
    tk.setSecret(basicAuthHeader(inputs.token).split(" ").pop() as string);
  }
  const dir = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.path);
  await checkCheckout(new Git({ cwd: dir, log: (line) => tk.info(`$ ${line}`) }), inputs, problems);
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join("\n"));
  const author: Identity = { name: committerMatch?.[1] ?? "", email: committerMatch?.[2] ?? "" };
  return { ...inputs, specs, author, repo, dir, mainline: inputs.mainline ?? 1 };
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

/** "path" must be a git checkout with a remote; "branch", once all else is valid, a valid branch name. */
async function checkCheckout(
  git: Git,
  inputs: { path: string; branch: string | undefined },
  problems: InputError[],
): Promise<void> {
  if (!existsSync(git.cwd) || !(await git.isWorkTree())) {
    problems.push(
      inputError(
        "path",
        `is ${JSON.stringify(inputs.path)}, which is not a git checkout (run actions/checkout first).`,
      ),
    );
  } else if ((await git.remotes()).length === 0) {
    problems.push(
      inputError("path", `is ${JSON.stringify(inputs.path)}, a git repository without a remote to push to.`),
    );
  }
  if (inputs.branch !== undefined && problems.length === 0 && !(await git.validBranchName(inputs.branch)))
    problems.push(
      inputError(
        "branch",
        `is ${JSON.stringify(inputs.branch)}, which is not a valid branch name.`,
        '"main"',
      ),
    );
}

/** The remote (origin, else the first), its branch to revert on, and git and GitHub clients for them. */
async function openBranch(
  tk: Toolkit,
  inputs: Inputs,
): Promise<{ git: Git; github: GitHub; remote: string; branch: string }> {
  const log = (line: string) => tk.info(`$ ${line}`);
  const remotes = await new Git({ cwd: inputs.dir, log }).remotes();
  const remote = remotes.includes("origin") ? "origin" : (remotes[0] as string);
  const git = new Git({ cwd: inputs.dir, token: inputs.token, remote, log });
  const apiUrl = tk.env.GITHUB_API_URL || "https://api.github.com";
  let octokit: Octokit | undefined;
  const github: GitHub = async () => {
    if (!inputs.token || !inputs.repo)
      throw new RevertError(
        "A token and GITHUB_REPOSITORY are needed to call GitHub, and one of them is missing.",
      );
    octokit ??= await githubClient({ token: inputs.token, apiUrl });
    return { octokit, repo: inputs.repo };
  };
  let branch = inputs.branch ?? (await git.defaultBranch(remote));
  if (!branch && inputs.token && inputs.repo)
    branch = await repositoryDefaultBranch((await github()).octokit, inputs.repo);
  if (!branch)
    throw new RevertError(`Could not tell the default branch of remote ${remote}: set the "branch" input.`);
  return { git, github, remote, branch };
}

// --- Plan ---

/** Fetches the branch and decides what to revert on its tip. */
async function planRevert(git: Git, inputs: Inputs, remote: string, branch: string): Promise<Plan> {
  const tip = await git.fetchBranch(remote, branch).catch((error: unknown) => {
    throw new RevertError(
      `Could not fetch branch ${branch} from ${remote}: ${errorMessage(error)}\nCheck that the branch exists and the token may read the repository (permissions: contents: read; the push later needs contents: write).`,
    );
  });
  const { specs, to, mainline } = inputs;
  return makePlan(git, { remote, branch, tip, specs, to, mainline });
}

/** What making the revert commits and their messages takes from the run. */
function buildContext(run: Run): BuildContext {
  const { tk, inputs, plan } = run;
  return {
    branch: plan.branch,
    mainline: inputs.mainline,
    reason: inputs.reason,
    run: runContext(tk.env).runUrl,
    to: plan.to,
    author: inputs.author,
    log: (line) => tk.info(line),
  };
}

/** The revert commits on the tip, in a scratch worktree; or why there is nothing to revert. */
async function buildRevert(
  run: Run,
  worktree: { path: string; added: boolean },
): Promise<AlreadyReverted | { status: "planned"; wt: Git; built: Built }> {
  const { tk, git, plan } = run;
  const already = await alreadyReverted(git, plan, tk.env, (m) => tk.info(m));
  if (already) return { status: "already-reverted", message: already };
  await git.addWorktree(worktree.path, plan.tip);
  worktree.added = true;
  const wt = git.at(worktree.path);
  const built = await build(wt, buildContext(run), plan.targets, plan.tip);
  if (built.reverted.length === 0)
    return {
      status: "already-reverted",
      message: "Reverting the commits changes nothing: their changes are already undone on the branch.",
    };
  return { status: "planned", wt, built };
}

// --- Apply ---

/**
 * Pushes the revert to the branch, never forced. A lost race fetches the new tip and applies the revert
 * again, PUSH_ATTEMPTS times at most; "auto" falls back to a pull request when branch protection refuses.
 */
async function pushRevert(
  run: Run,
  wt: Git,
  built: Built,
): Promise<
  | AlreadyReverted
  | { status: "reverted"; built: Built }
  | { status: "pull-request"; built: Built; rejection: string }
> {
  const { tk, inputs, git, plan } = run;
  const { remote, branch } = plan;
  if (inputs.strategy === "pull-request") return { status: "pull-request", built, rejection: "" };
  const first = built.head;
  for (let attempt = 1; ; attempt++) {
    const outcome = await git.push(remote, built.head, branch);
    if (outcome.ok) return { status: "reverted", built };
    if (outcome.kind === "protected" && inputs.strategy === "auto") {
      tk.info(
        `The push to ${branch} was refused by branch protection; opening a pull request instead.\n${outcome.message}`,
      );
      return { status: "pull-request", built, rejection: outcome.message };
    }
    if (outcome.kind === "protected")
      throw new RevertError(
        `Branch protection refused the push to ${branch}; nothing was changed.\n${outcome.message}\nUse strategy "auto" or "pull-request" to open a pull request instead, or a token allowed to bypass the rule.`,
      );
    if (outcome.kind === "rejected")
      throw new RevertError(
        `The push to ${branch} was refused; nothing was changed.\n${outcome.message}\nCheck the token may push (permissions: contents: write) and that ${branch} accepts pushes.`,
      );
    if (attempt >= PUSH_ATTEMPTS)
      throw new RevertError(
        `${branch} kept moving: the push lost the race ${PUSH_ATTEMPTS} times; nothing was pushed.\n${outcome.message}\nRun the rollback again once pushes to ${branch} have settled.`,
      );
    tk.info(
      `${branch} moved while pushing (attempt ${attempt} of ${PUSH_ATTEMPTS}); fetching and applying the revert again.`,
    );
    const newTip = await git.fetchBranch(remote, branch);
    plan.tip = newTip;
    const againAlready = await alreadyReverted(git, plan, tk.env, (m) => tk.info(m));
    if (againAlready) return { status: "already-reverted", message: againAlready };
    built = plan.to
      ? await reapply(wt, buildContext(run), first, newTip, built.reverted)
      : await build(wt, buildContext(run), plan.targets, newTip);
    if (built.reverted.length === 0)
      return {
        status: "already-reverted",
        message: `Someone undid these changes on ${branch} meanwhile; nothing to push.`,
      };
  }
}

/** Pushes a branch with the revert and opens a pull request into the branch (or finds the one already open). */
async function openPullRequest(
  run: Run,
  built: Built,
  rejection: string,
): Promise<{ number: number; url: string }> {
  const { tk, git, plan, summary } = run;
  const { octokit, repo } = await run.github();
  const head = pullRequestBranch(built.reverted[0] as Commit, tk.env);
  const existing = await findPullRequest(octokit, repo, head, plan.branch);
  if (existing) {
    tk.info(`Pull request #${existing.number} already open for ${head}: ${existing.url}`);
    summary.text(
      `Pull request ${link(`#${existing.number}`, existing.url)} was already open for \`${head}\`.`,
    );
    return existing;
  }
  const pushed = await git.push(plan.remote, built.head, head);
  if (!pushed.ok)
    throw new RevertError(
      `Could not push branch ${head} for the pull request; nothing was changed on ${plan.branch}.\n${pushed.message}\nCheck the token may push branches (permissions: contents: write).`,
    );
  const title = (await git.commits([built.head]))[0]?.subject ?? `Revert on ${plan.branch}`;
  const body = pullRequestBody(buildContext(run), plan.to, built.reverted, rejection);
  let pr: { number: number; url: string };
  try {
    pr = await createPullRequest(octokit, repo, { head, base: plan.branch, title, body });
  } catch (error) {
    const server = tk.env.GITHUB_SERVER_URL ?? "https://github.com";
    throw new RevertError(
      `Pushed branch ${head}, but opening the pull request failed: ${errorMessage(error)}\nOpen it by hand: ${server}/${repo.owner}/${repo.repo}/compare/${plan.branch}...${head}. If GitHub says Actions may not create pull requests, allow it in Settings → Actions → General, or pass a token that may (permissions: pull-requests: write).`,
    );
  }
  tk.info(`Opened pull request #${pr.number}: ${pr.url}`);
  summary.text(
    `Pull request ${link(`#${pr.number}`, pr.url)} opened from \`${head}\` into \`${plan.branch}\`.`,
  );
  return pr;
}

/** Starts the deploy workflow on the branch; without one, says when the push starts no workflow. */
async function startDeploy(run: Run, built: Built): Promise<void> {
  const { tk, inputs, summary, plan } = run;
  const { branch } = plan;
  if (inputs.dispatch) {
    try {
      await dispatchWorkflow((await run.github()).octokit, inputs.repo as Repo, {
        workflow: inputs.dispatch,
        ref: branch,
        inputs: inputs["dispatch-inputs"],
      });
    } catch (error) {
      throw new RevertError(
        `The revert is on ${branch} (${built.head}), but the deploy was not started. ${errorMessage(error)}\nStart the deploy by hand (Actions → ${inputs.dispatch} → Run workflow on ${branch}); check the workflow has a workflow_dispatch trigger and the job has permissions: actions: write.`,
      );
    }
    tk.info(`Started workflow ${inputs.dispatch} on ${branch}.`);
    summary.text(
      `Started workflow \`${inputs.dispatch}\` on \`${branch}\`${inputs["dispatch-inputs"] ? ` with inputs \`${JSON.stringify(inputs["dispatch-inputs"])}\`` : ""}.`,
    );
  } else if (inputs.token && isDefaultToken(inputs.token, tk.env)) {
    const note = `Pushes made with the default GITHUB_TOKEN start no workflows, so this revert does not redeploy by itself: set "dispatch" to the deploy workflow, or use a GitHub App or personal token.`;
    tk.notice(note);
    summary.text(`> **Note:** ${note}`);
  }
}

/** The default token can't be recognised by its form (App tokens look alike): compare with the env. */
function isDefaultToken(token: string, env: Record<string, string | undefined>): boolean {
  return token === env.GITHUB_TOKEN;
}

// --- Report ---

async function reportAlreadyReverted(run: Run, message: string): Promise<void> {
  const { tk, summary, plan } = run;
  tk.info(message);
  summary.text(message);
  summary.table(COMMIT_HEADER, commitRows(plan.targets, tk.env));
  setOutputs(tk, { status: "already-reverted", "reverted-shas": "" });
  await summary.write(tk, "already reverted");
}

async function reportDryRun(run: Run, built: Built): Promise<void> {
  const { tk, inputs, git, summary, plan } = run;
  const stat = await git.diffStat(plan.tip, built.head);
  tk.info(`Dry run: would revert on ${plan.branch}:\n${built.reverted.map(commitLine).join("\n")}\n${stat}`);
  summary.text(
    `Dry run: these commits would be reverted on \`${plan.branch}\` with strategy \`${inputs.strategy}\`; nothing was changed.`,
  );
  summary.table(COMMIT_HEADER, commitRows(built.reverted, tk.env));
  summary.text(`\`\`\`\n${stat}\n\`\`\``);
  setOutputs(tk, { status: "planned", "reverted-shas": shas(built) });
  await summary.write(tk, "planned (dry run)");
}

/** The reverted commits, in the summary as soon as the revert is settled: a later failure still shows them. */
function summarizeReverted(run: Run, built: Built): void {
  const { tk, inputs, summary } = run;
  summary.table(COMMIT_HEADER, commitRows(built.reverted, tk.env));
  if (inputs.reason) summary.text(`**Reason:** ${inputs.reason}`);
}

async function proposePullRequest(run: Run, built: Built, rejection: string): Promise<void> {
  const { tk, inputs, summary, plan } = run;
  const pr = await openPullRequest(run, built, rejection);
  setOutputs(tk, {
    status: "pull-request",
    "revert-sha": built.head,
    "reverted-shas": shas(built),
    "pull-request-url": pr.url,
    "pull-request-number": pr.number,
  });
  if (inputs.dispatch) {
    const skipped = `${inputs.dispatch} was not started: nothing was pushed to ${plan.branch} yet. Merging the pull request deploys through your usual push workflows.`;
    tk.info(skipped);
    summary.text(skipped);
  }
  await summary.write(tk, "pull request opened");
}

/** Outputs are set before the deploy is started: the revert is on the branch even if that fails. */
function reportPushed(run: Run, built: Built): void {
  const { tk, summary, plan } = run;
  tk.info(
    `Pushed ${built.head} to ${plan.branch}, reverting ${built.reverted.map((c) => c.short).join(", ")}.`,
  );
  summary.text(
    `Revert commit ${link(built.head.slice(0, 12), commitUrl(tk.env, built.head))} pushed to \`${plan.branch}\`.`,
  );
  setOutputs(tk, { status: "reverted", "revert-sha": built.head, "reverted-shas": shas(built) });
}

function shas(built: Built): string {
  return built.reverted.map((c) => c.sha).join(" ");
}
