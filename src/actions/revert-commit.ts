import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { InputError, input, inputError, readInputs } from "../core/inputs.ts";
import { link, Summary, setOutputs } from "../core/report.ts";
import { errorMessage } from "../core/secrets.ts";
import { runUrl, type Toolkit } from "../core/toolkit.ts";
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

const DEFAULT_COMMITTER = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";
const SHA = /^[0-9a-f]{4,40}$/i;
const RANGE = /^([0-9a-f]{4,40})\.\.([0-9a-f]{4,40})$/i;
const PUSH_ATTEMPTS = 3;
/** How far a shallow clone is deepened before fetching the whole history. */
const DEEPEN_STEPS = [50, 500];

type Spec = { kind: "sha"; sha: string } | { kind: "range"; from: string; to: string };

interface Identity {
  name: string;
  email: string;
}

/** What to revert, decided before anything changes. */
interface Plan {
  remote: string;
  branch: string;
  tip: string;
  /** `to` mode: every commit after this one, as one revert commit. */
  to: Commit | undefined;
  /** Newest first. */
  targets: Commit[];
}

interface Built {
  head: string;
  /** Targets actually reverted, newest first. */
  reverted: Commit[];
}

/** A failure whose message already says what happened and what to do; the remote is unchanged. */
class RevertError extends Error {
  override name = "RevertError";
}

export async function revertCommit(tk: Toolkit): Promise<void> {
  const summary = new Summary("Revert commit");
  const inputs = readInputs(tk, {
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
  });
  const env = tk.env;
  const problems: InputError[] = [];
  const specs: Spec[] = [];
  for (const item of inputs.commits.flatMap((entry) => entry.split(/\s+/)).filter(Boolean)) {
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
  const dir = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.path);
  const author = { name: committerMatch?.[1] ?? "", email: committerMatch?.[2] ?? "" };
  if (inputs.token) {
    // git sends the token base64-encoded in a header: mask that form too.
    tk.setSecret(basicAuthHeader(inputs.token).split(" ").pop() as string);
  }
  let git = new Git({ cwd: dir, token: inputs.token, log: (line) => tk.info(`$ ${line}`) });
  if (!existsSync(dir) || !(await git.isWorkTree())) {
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
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join("\n"));

  const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
  let octokit: Octokit | undefined;
  const api = async (): Promise<{ octokit: Octokit; repo: Repo }> => {
    if (!inputs.token || !repo)
      throw new RevertError(
        "A token and GITHUB_REPOSITORY are needed to call GitHub, and one of them is missing.",
      );
    octokit ??= await githubClient({ token: inputs.token, apiUrl });
    return { octokit, repo };
  };

  const remotes = await git.remotes();
  const remote = remotes.includes("origin") ? "origin" : (remotes[0] as string);
  if (remote !== "origin")
    git = new Git({ cwd: dir, token: inputs.token, remote, log: (line) => tk.info(`$ ${line}`) });
  let branch = inputs.branch ?? (await git.defaultBranch(remote));
  if (!branch && inputs.token && repo) branch = await repositoryDefaultBranch((await api()).octokit, repo);
  if (!branch)
    throw new RevertError(`Could not tell the default branch of remote ${remote}: set the "branch" input.`);

  const scratch = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), "revert-commit-"));
  const worktree = join(scratch, "worktree");
  let worktreeAdded = false;
  try {
    const tip = await git.fetchBranch(remote, branch).catch((error: unknown) => {
      throw new RevertError(
        `Could not fetch branch ${branch} from ${remote}: ${errorMessage(error)}\nCheck that the branch exists and the token may read the repository (permissions: contents: write).`,
      );
    });
    const plan = await makePlan(git, {
      remote,
      branch,
      tip,
      specs,
      to: inputs.to,
      mainline: inputs.mainline ?? 1,
    });
    const context: Context = {
      tk,
      git,
      plan,
      reason: inputs.reason,
      author,
      mainline: inputs.mainline ?? 1,
      summary,
    };

    const already = await alreadyReverted(git, plan, env, (m) => tk.info(m));
    if (already) {
      tk.info(already);
      summary.text(already);
      summary.table(["commit", "subject", "author"], commitRows(plan.targets, env));
      setOutputs(tk, { status: "already-reverted", "reverted-shas": "" });
      await summary.write(tk, "already reverted");
      return;
    }

    await git.addWorktree(worktree, tip);
    worktreeAdded = true;
    const wt = git.at(worktree);
    let built = await build(wt, context, plan.targets, tip);
    if (built.reverted.length === 0)
      return await reportAlreadyReverted(
        context,
        "Reverting the commits changes nothing: their changes are already undone on the branch.",
      );

    if (inputs["dry-run"]) {
      const stat = await git.diffStat(tip, built.head);
      tk.info(`Dry run: would revert on ${branch}:\n${built.reverted.map(line).join("\n")}\n${stat}`);
      summary.text(
        `Dry run: these commits would be reverted on \`${branch}\` with strategy \`${inputs.strategy}\`; nothing was changed.`,
      );
      summary.table(["commit", "subject", "author"], commitRows(built.reverted, env));
      summary.text(`\`\`\`\n${stat}\n\`\`\``);
      setOutputs(tk, { status: "planned", "reverted-shas": built.reverted.map((c) => c.sha).join(" ") });
      await summary.write(tk, "planned (dry run)");
      return;
    }

    let pushedTo: "branch" | "pull-request" = "branch";
    let rejection = "";
    if (inputs.strategy === "pull-request") pushedTo = "pull-request";
    else {
      const first = built.head;
      for (let attempt = 1; ; attempt++) {
        const outcome = await git.push(remote, built.head, branch);
        if (outcome.ok) break;
        if (outcome.kind === "protected" && inputs.strategy === "auto") {
          tk.info(
            `The push to ${branch} was refused by branch protection; opening a pull request instead.\n${outcome.message}`,
          );
          rejection = outcome.message;
          pushedTo = "pull-request";
          break;
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
        const againAlready = await alreadyReverted(git, plan, env, (m) => tk.info(m));
        if (againAlready) return await reportAlreadyReverted(context, againAlready);
        built = plan.to
          ? await reapply(wt, context, first, newTip, built.reverted)
          : await build(wt, context, plan.targets, newTip);
        if (built.reverted.length === 0)
          return await reportAlreadyReverted(
            context,
            `Someone undid these changes on ${branch} meanwhile; nothing to push.`,
          );
      }
    }

    const reverted = built.reverted;
    const outputs: Record<string, string | number | undefined> = {
      "revert-sha": built.head,
      "reverted-shas": reverted.map((c) => c.sha).join(" "),
    };
    summary.table(["commit", "subject", "author"], commitRows(reverted, env));
    if (inputs.reason) summary.text(`**Reason:** ${inputs.reason}`);

    if (pushedTo === "pull-request") {
      const pr = await openPullRequest(context, built, await api(), rejection);
      setOutputs(tk, {
        status: "pull-request",
        ...outputs,
        "pull-request-url": pr.url,
        "pull-request-number": pr.number,
      });
      if (inputs.dispatch) {
        const skipped = `${inputs.dispatch} was not started: nothing was pushed to ${branch} yet. Merging the pull request deploys through your usual push workflows.`;
        tk.info(skipped);
        summary.text(skipped);
      }
      await summary.write(tk, "pull request opened");
      return;
    }

    tk.info(`Pushed ${built.head} to ${branch}, reverting ${reverted.map((c) => c.short).join(", ")}.`);
    summary.text(
      `Revert commit ${link(built.head.slice(0, 12), commitUrl(env, built.head))} pushed to \`${branch}\`.`,
    );
    setOutputs(tk, { status: "reverted", ...outputs });
    if (inputs.dispatch) {
      try {
        await dispatchWorkflow((await api()).octokit, repo as Repo, {
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
    } else if (inputs.token && isDefaultToken(inputs.token, env)) {
      const note = `Pushes made with the default GITHUB_TOKEN start no workflows, so this revert does not redeploy by itself: set "dispatch" to the deploy workflow, or use a GitHub App or personal token.`;
      tk.notice(note);
      summary.text(`> **Note:** ${note}`);
    }
    await summary.write(tk, "reverted");
  } catch (error) {
    summary.text(`**Failed:** ${errorMessage(error)}`);
    await summary.write(tk, "failed");
    throw error;
  } finally {
    if (worktreeAdded) await git.removeWorktree(worktree);
    await rm(scratch, { recursive: true, force: true });
  }
}

interface Context {
  tk: Toolkit;
  git: Git;
  plan: Plan;
  reason: string;
  author: Identity;
  mainline: number;
  summary: Summary;
}

async function reportAlreadyReverted(context: Context, message: string): Promise<void> {
  const { tk, summary, plan } = context;
  tk.info(message);
  summary.text(message);
  summary.table(["commit", "subject", "author"], commitRows(plan.targets, tk.env));
  setOutputs(tk, { status: "already-reverted", "reverted-shas": "" });
  await summary.write(tk, "already reverted");
}

function line(commit: Commit): string {
  return `  ${commit.short} ${commit.subject} (${commit.author})`;
}

function commitUrl(env: Record<string, string | undefined>, sha: string): string | undefined {
  if (!env.GITHUB_REPOSITORY) return undefined;
  return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/commit/${sha}`;
}

function commitRows(commits: Commit[], env: Record<string, string | undefined>): unknown[][] {
  return commits.map((c) => [link(c.short, commitUrl(env, c.sha)), c.subject, c.author]);
}

/** The default token can't be recognised by its form (App tokens look alike): compare with the env. */
function isDefaultToken(token: string, env: Record<string, string | undefined>): boolean {
  return token === env.GITHUB_TOKEN;
}

/**
 * Resolves what to revert. A shallow clone is deepened until every commit is found on the branch with
 * its parents; then a commit still missing, or not on the branch, is refused before anything changes.
 */
async function makePlan(
  git: Git,
  options: {
    remote: string;
    branch: string;
    tip: string;
    specs: Spec[];
    to: string | undefined;
    mainline: number;
  },
): Promise<Plan> {
  const { remote, branch, tip } = options;
  const tracking = `refs/remotes/${remote}/${branch}`;
  for (let step = 0; ; step++) {
    const onBranch = await git.revList(["--topo-order", tip]);
    const position = new Map(onBranch.map((sha, index) => [sha, index]));
    const boundary = await git.shallowBoundary();
    const missing: string[] = [];
    const offBranch: string[] = [];
    let needParents = false;
    const wanted = new Set<string>();
    const check = async (rev: string): Promise<string | undefined> => {
      const sha = await git.resolveCommit(rev);
      if (!sha) missing.push(rev);
      else if (!position.has(sha)) offBranch.push(rev);
      return sha;
    };
    let to: string | undefined;
    if (options.to) {
      to = await check(options.to);
      if (to && position.has(to)) for (const sha of await git.revList([`${to}..${tip}`])) wanted.add(sha);
    } else if (options.specs.length === 0) {
      wanted.add(tip);
    }
    for (const spec of options.specs) {
      if (spec.kind === "sha") {
        const sha = await check(spec.sha);
        if (sha && position.has(sha)) wanted.add(sha);
        continue;
      }
      const from = await git.resolveCommit(spec.from);
      if (!from) missing.push(spec.from);
      const until = await check(spec.to);
      if (!from || !until || !position.has(until)) continue;
      // The branch's own history: a merge in the range stands for the commits it brought in.
      const range = await git.revList(["--first-parent", `${from}..${until}`]);
      if (range.length === 0 && !(await git.test(["merge-base", "--is-ancestor", from, until])))
        offBranch.push(`${spec.from} (the start of ${spec.from}..${spec.to})`);
      for (const sha of range) wanted.add(sha);
    }
    if (!options.to) for (const sha of wanted) if (boundary.has(sha)) needParents = true;
    const complete = missing.length === 0 && offBranch.length === 0 && !needParents;
    if (!complete && (await git.isShallow())) {
      const depth = DEEPEN_STEPS[step];
      const how = depth ? [`--deepen=${depth}`] : ["--unshallow"];
      await git.fetchBranch(remote, branch, how);
      continue;
    }
    if (missing.length)
      throw new RevertError(
        `Commit ${missing.join(", ")} is not in the repository (fetched ${branch} with its whole history). Check the SHA; a short SHA must be unique.`,
      );
    if (offBranch.length)
      throw new RevertError(
        `Commit ${offBranch.join(", ")} is not on branch ${branch} (not reachable from ${tracking}); nothing was changed. Check the SHA, or set "branch" to the branch it was deployed from.`,
      );
    const shas = [...wanted].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    if (options.specs.length > 0 && shas.length === 0)
      throw new RevertError(`The ranges in "commits" hold no commits on ${branch}; nothing to revert.`);
    const targets = await git.commits(shas);
    if (!options.to)
      for (const commit of targets)
        if (commit.parents.length > 1 && options.mainline > commit.parents.length)
          throw new RevertError(
            `Commit ${commit.short} is a merge of ${commit.parents.length} parents; "mainline" is ${options.mainline}. Set "mainline" to the parent to keep (1 is the branch merged into).`,
          );
    const [toCommit] = to ? await git.commits([to]) : [];
    return { remote, branch, tip, to: toCommit, targets };
  }
}

/**
 * Why there is nothing to do, or undefined. A commit counts as reverted when a later commit on the branch
 * says `This reverts commit <sha>` and that revert was not itself reverted.
 */
async function alreadyReverted(
  git: Git,
  plan: Plan,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<string | undefined> {
  if (plan.to) {
    if (plan.targets.length === 0 || (await git.test(["diff", "--quiet", plan.to.sha, plan.tip])))
      return `${plan.branch} already has the content of ${plan.to.short}: nothing to revert.`;
    return undefined;
  }
  const oldest = plan.targets[plan.targets.length - 1];
  if (!oldest) return undefined;
  const reverts = new Map<string, string[]>();
  const messages = await git.messages([plan.tip, `^${oldest.sha}`]);
  for (const { sha, message } of messages)
    for (const match of message.matchAll(/This reverts commit ([0-9a-f]{40})/g))
      reverts.set(match[1] as string, [...(reverts.get(match[1] as string) ?? []), sha]);
  const seen = new Set<string>();
  const isReverted = (sha: string): boolean => {
    if (seen.has(sha)) return false;
    seen.add(sha);
    const result = (reverts.get(sha) ?? []).some((revert) => !isReverted(revert));
    seen.delete(sha);
    return result;
  };
  const active = plan.targets.filter((commit) => !isReverted(commit.sha));
  // Re-running the same workflow run must not revert its own revert (which would re-apply the bad commit).
  const [only] = active;
  const ownRevert =
    active.length === 1 &&
    only?.sha === plan.tip &&
    env.GITHUB_RUN_ID &&
    /This reverts commit/.test(only.body) &&
    only.body.includes(`/actions/runs/${env.GITHUB_RUN_ID}`);
  if (ownRevert)
    return `The tip of ${plan.branch} is the revert this workflow run already made: nothing to do.`;
  if (active.length === 0)
    return `Already reverted on ${plan.branch}: ${plan.targets.map((c) => c.short).join(", ")}. Nothing was pushed.`;
  const skipped = plan.targets.filter((commit) => !active.includes(commit));
  if (skipped.length) {
    log(`Already reverted on ${plan.branch}, skipped: ${skipped.map((c) => c.short).join(", ")}.`);
    plan.targets = active;
  }
  return undefined;
}

function message(context: Context, subject: string, body: string[]): string {
  const run = runUrl(context.tk.env);
  const trailer = [context.reason && `Reason: ${context.reason}`, run && `Workflow run: ${run}`].filter(
    Boolean,
  );
  return [subject, "", ...body, ...(trailer.length ? ["", ...trailer] : [])].join("\n");
}

function revertMessage(context: Context, commit: Commit): string {
  const parent = commit.parents[context.mainline - 1];
  const body =
    commit.parents.length > 1
      ? [`This reverts commit ${commit.sha}, reversing`, `changes made to ${parent}.`]
      : [`This reverts commit ${commit.sha}.`];
  return message(context, `Revert "${commit.subject}"`, body);
}

function revertToMessage(context: Context, to: Commit, commits: Commit[]): string {
  const [only] = commits;
  if (only && commits.length === 1 && only.parents.length === 1) return revertMessage(context, only);
  return message(context, `Revert ${commits.length} commits on ${context.plan.branch}, back to ${to.short}`, [
    `Restores the content of ${to.sha} ("${to.subject}").`,
    "",
    ...commits.map((commit) => `This reverts commit ${commit.sha}.`),
  ]);
}

function identityEnv(author: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
}

/** Makes the revert commit(s) on `base` in the scratch worktree. */
async function build(wt: Git, context: Context, targets: Commit[], base: string): Promise<Built> {
  const env = identityEnv(context.author);
  await wt.run(["checkout", "--force", "--detach", base]);
  const { to } = context.plan;
  if (to) {
    // Every commit after `to`, merges included, as one commit: the tree of `to` on top of the tip.
    const head = await wt.out(["commit-tree", `${to.sha}^{tree}`, "-p", base, "-F", "-"], {
      env,
      input: revertToMessage(context, to, targets),
    });
    await wt.run(["checkout", "--force", "--detach", head]);
    return { head, reverted: targets };
  }
  const reverted: Commit[] = [];
  for (const commit of targets) {
    const mainline = commit.parents.length > 1 ? ["-m", String(context.mainline)] : [];
    const result = await wt.run(["revert", "--no-commit", ...mainline, commit.sha], { allowFailure: true });
    if (result.exitCode !== 0)
      await conflict(wt, commit, context.plan.branch, result.stderr || result.stdout);
    if (await wt.test(["diff", "--cached", "--quiet"])) {
      context.tk.info(`Reverting ${commit.short} changes nothing: its changes are already undone. Skipped.`);
      await wt.run(["revert", "--quit"], { allowFailure: true });
      continue;
    }
    await wt.run(["commit", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
      env,
      input: revertMessage(context, commit),
    });
    reverted.push(commit);
  }
  return { head: await wt.out(["rev-parse", "HEAD"]), reverted };
}

/** `to` mode after a lost race: the same revert commit, applied again on the new tip. */
async function reapply(
  wt: Git,
  context: Context,
  revert: string,
  base: string,
  targets: Commit[],
): Promise<Built> {
  await wt.run(["checkout", "--force", "--detach", base]);
  const result = await wt.run(["cherry-pick", "--no-commit", revert], { allowFailure: true });
  const to = context.plan.to as Commit;
  if (result.exitCode !== 0)
    await conflict(wt, to, context.plan.branch, result.stderr || result.stdout, "cherry-pick");
  if (await wt.test(["diff", "--cached", "--quiet"])) {
    await wt.run(["cherry-pick", "--quit"], { allowFailure: true });
    return { head: base, reverted: [] };
  }
  await wt.run(["commit", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
    env: identityEnv(context.author),
    input: revertToMessage(context, to, targets),
  });
  return { head: await wt.out(["rev-parse", "HEAD"]), reverted: targets };
}

async function conflict(
  wt: Git,
  commit: Commit,
  branch: string,
  output: string,
  command: "revert" | "cherry-pick" = "revert",
): Promise<never> {
  const files = (await wt.out(["diff", "--name-only", "--diff-filter=U"]).catch(() => ""))
    .split("\n")
    .filter(Boolean);
  await wt.run([command, "--abort"], { allowFailure: true });
  if (files.length === 0)
    throw new RevertError(
      `Reverting ${commit.short} ("${commit.subject}") failed; nothing was pushed.\n${output.trim()}`,
    );
  throw new RevertError(
    `Reverting ${commit.short} ("${commit.subject}") conflicts with later changes on ${branch} in: ${files.join(", ")}. Nothing was pushed.\nRevert the later commits that touch these files too (add them to "commits", or use "to"), or revert by hand: git revert ${commit.short}, resolve, push.`,
  );
}

async function openPullRequest(
  context: Context,
  built: Built,
  { octokit, repo }: { octokit: Octokit; repo: Repo },
  rejection: string,
): Promise<{ number: number; url: string }> {
  const { tk, git, plan, summary } = context;
  const newest = built.reverted[0] as Commit;
  const attempt =
    tk.env.GITHUB_RUN_ATTEMPT && tk.env.GITHUB_RUN_ATTEMPT !== "1" ? `-${tk.env.GITHUB_RUN_ATTEMPT}` : "";
  const head = `rollback/revert-${newest.short}-${tk.env.GITHUB_RUN_ID ? tk.env.GITHUB_RUN_ID + attempt : Date.now()}`;
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
  const run = runUrl(tk.env);
  const title = (await git.commits([built.head]))[0]?.subject ?? `Revert on ${plan.branch}`;
  const body = [
    `Emergency rollback of \`${plan.branch}\`${plan.to ? `, back to ${plan.to.sha}` : ""}.`,
    "",
    context.reason ? `**Reason:** ${context.reason}\n` : "",
    "Reverted commits, newest first:",
    "",
    ...built.reverted.map((c) => `- ${c.sha} ${c.subject} (${c.author})`),
    "",
    rejection ? `A direct push was refused by branch protection:\n\n\`\`\`\n${rejection}\n\`\`\`\n` : "",
    run ? `Workflow run: ${run}` : "",
  ]
    .filter((part, index, all) => part !== "" || all[index - 1] !== "")
    .join("\n");
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
