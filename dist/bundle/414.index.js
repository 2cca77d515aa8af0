export const id = 414;
export const ids = [414];
export const modules = {

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  "default": () => (/* binding */ revert_commit)
});

// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/platforms/git.ts + 1 modules
var platforms_git = __webpack_require__(1817);
;// CONCATENATED MODULE: ./src/platforms/git-push.ts

/** Outputs of a push that the remote refused because the branch moved under us. */
const RACE = /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/i;
/** Branch protection and rulesets (GH006, GH013) or a server-side hook standing in for them. */
const PROTECTED = /GH013|GH006|protected branch|repository rule violations|pre-receive hook declined/i;
/**
 * Secret-scanning push protection and push rulesets also answer GH013, but they refuse the content on
 * every branch, so a pull request branch is refused the same way (PLATFORMS.md, GitHub).
 */
const BLOCKED = /PUSH PROTECTION|Push cannot contain secrets|Push rule violation/i;
/** Within the runner's 7.5 s between the cancel signal and SIGTERM, leaving time to report. */
const PUSH_GRACE_MS = 5000;
/**
 * Pushes `sha` to `refs/heads/<branch>`: never forced; classifies a refusal. A push under way when the
 * run is stopped gets `graceMs` to finish; past that it is stopped (`interrupted`): the remote may or
 * may not hold it, so read `remoteTip` before saying which.
 */
async function push(git, target) {
    const args = ["push", "--porcelain", target.remote, `${target.sha}:refs/heads/${target.branch}`];
    let result;
    try {
        result = await git.run(args, {
            auth: true,
            allowFailure: true,
            graceMs: target.graceMs ?? PUSH_GRACE_MS,
        });
    }
    catch (error) {
        if (!(error instanceof platforms_git/* GitInterruptedError */.xT))
            throw error;
        return { ok: false, kind: "interrupted", message: error.message };
    }
    if (result.exitCode === 0)
        return { ok: true };
    const text = `${result.stderr}\n${result.stdout}`;
    const message = text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !/^(To |Done$|hint:)/.test(line))
        .slice(-8)
        .join("\n");
    if (BLOCKED.test(text))
        return { ok: false, kind: "blocked", message };
    if (PROTECTED.test(text))
        return { ok: false, kind: "protected", message };
    if (RACE.test(text))
        return { ok: false, kind: "race", message };
    return { ok: false, kind: "rejected", message };
}
/**
 * What the remote's branch holds now ("" when it has no such branch), asked even while the run is being
 * stopped, with a short timeout: a person needs the answer before the runner kills the job. Undefined
 * when the remote could not say.
 */
async function remoteTip(git, { remote, branch, timeoutMs = 3000 }) {
    const result = await git
        .run(["ls-remote", remote, `refs/heads/${branch}`], {
        auth: true,
        allowFailure: true,
        ignoreSignal: true,
        timeoutMs,
    })
        .catch(() => undefined);
    if (result?.exitCode !== 0)
        return undefined;
    return /^([0-9a-f]{40})\s/.exec(result.stdout)?.[1] ?? "";
}

// EXTERNAL MODULE: ./src/migrations/report.ts
var report = __webpack_require__(3183);
;// CONCATENATED MODULE: ./src/actions/revert-commit/error.ts
/** A failure carrying its problem; the message is explain.ts's text for it. */
class RevertError extends Error {
    name = "RevertError";
    problem;
    constructor(problem, message) {
        super(message);
        this.problem = problem;
    }
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/explain.ts





/** The message for each problem: what failed, git's or GitHub's words, and what to do next. */
function problemText(p) {
    switch (p.kind) {
        case "fetch":
            return `Could not fetch branch ${p.branch} from ${p.remote}: ${p.detail}\nCheck that the branch exists and the token may read the repository (permissions: contents: read; the push later needs contents: write).`;
        case "no-default-branch":
            return `Could not tell the default branch of remote ${p.remote}: set the "branch" input.`;
        case "no-api":
            return "A token and the repository (GITHUB_REPOSITORY) are needed to call GitHub, and one of them is missing.";
        case "missing":
            return `Commit ${p.revs.join(", ")} is not in the repository (fetched ${p.branch} with its whole history). Check the SHA; a short SHA must be unique.`;
        case "off-branch":
            return `Commit ${p.revs.join(", ")} is not on branch ${p.branch} (not reachable from refs/remotes/${p.remote}/${p.branch}); nothing was changed. Check the SHA, or set "branch" to the branch it was deployed from.`;
        case "empty-range":
            return `The ranges in "commits" hold no commits on ${p.branch}; nothing to revert.`;
        case "mainline":
            return `Commit ${p.commit.short} is a merge of ${p.commit.parents.length} parents; "mainline" is ${p.mainline}. Set "mainline" to the parent to keep (1 is the branch merged into).`;
        case "conflict":
            if (p.files.length === 0)
                return `Reverting ${p.commit.short} ("${p.commit.subject}") failed; nothing was pushed.\n${p.output.trim()}`;
            return `Reverting ${p.commit.short} ("${p.commit.subject}") conflicts with later changes on ${p.branch} in: ${p.files.join(", ")}. Nothing was pushed.\nRevert the later commits that touch these files too (add them to "commits", or use "to"), or revert by hand: git revert ${p.commit.short}, resolve, push.`;
        case "protected":
            return `Branch protection refused the push to ${p.branch}; nothing was changed.\n${p.message}\nUse strategy "auto" or "pull-request" to open a pull request instead, or a token allowed to bypass the rule.`;
        case "blocked":
            return `GitHub refused the push to ${p.branch} by push protection or a push ruleset; nothing was changed, and no pull request was opened (these rules refuse the same content on every branch).\n${p.message}\nThe revert brings back content the rule blocks (for example a secret a later commit removed): revert by hand and leave that content out, or, if the finding is a false positive, allow it through the link in GitHub's message and run again.`;
        case "rejected":
            return `The push to ${p.branch} was refused; nothing was changed.\n${p.message}\nCheck the token may push (permissions: contents: write) and that ${p.branch} accepts pushes.`;
        case "race-lost":
            return `${p.branch} kept moving: the push lost the race ${p.attempts} times; nothing was pushed.\n${p.message}\nRun the rollback again once pushes to ${p.branch} have settled.`;
        case "pr-push":
            return `Could not push branch ${p.head} for the pull request; nothing was changed on ${p.branch}.\n${p.message}\nCheck the token may push branches (permissions: contents: write).`;
        case "pr-open":
            return `Pushed branch ${p.head}, but opening the pull request failed: ${p.detail}\nOpen it by hand: ${p.compareUrl}. If GitHub says Actions may not create pull requests, allow it in Settings → Actions → General, or pass a token that may (permissions: pull-requests: write).`;
    }
}
function revertError(problem) {
    return new RevertError(problem, problemText(problem));
}
/** The runner's `explain`: a RevertError already says it all; anything else gets the phase's context. */
function explainRevert(error, phase) {
    if (error instanceof RevertError || error instanceof report/* MigrationsBlocked */.K6)
        return error.message;
    if (error instanceof platforms_git/* GitInterruptedError */.xT)
        return `Cancelled before the revert was pushed: nothing was changed on the remote. Run the rollback again.`;
    const what = phase === "apply" ? "Making the revert failed" : "Planning the revert failed";
    return `${what}: ${(0,secrets/* errorMessage */.gJ)(error)}`;
}
/** The run was stopped before anything reached the remote. */
function cancelledBeforePush(signalName, branch) {
    return new action/* CancelledError */.cc(signalName, `Cancelled by ${signalName} before the revert was pushed: nothing was changed on ${branch}. Run the rollback again.`);
}
// --- Nothing to do ---
function tipIsRevertReason(branch, tip, reverted) {
    const of = reverted.map((sha) => sha.slice(0, 7)).join(", ");
    return `The tip of ${branch} (${tip.short}, "${tip.subject}") is itself a revert (of ${of}): nothing to do. Reverting it would bring the reverted change back; to do that on purpose, pass its SHA: commits: ${tip.short}.`;
}
function alreadyRevertedReason(branch, targets) {
    return `Already reverted on ${branch}: ${targets.map((c) => c.short).join(", ")}. Nothing was pushed.`;
}
function alreadyHasContentReason(branch, to) {
    return `${branch} already has the content of ${to.short}: nothing to revert.`;
}
const NO_CHANGE_REASON = "Reverting the commits changes nothing: their changes are already undone on the branch.";
function undoneMeanwhileReason(branch) {
    return `Someone undid these changes on ${branch} meanwhile; nothing to push.`;
}
// --- Advice after a push ---
const DEFAULT_TOKEN_NOTE = `Pushes made with the default GITHUB_TOKEN start no workflows, so this revert does not redeploy by itself: set "dispatch" to the deploy workflow, or use a GitHub App or personal token.`;
function dispatchFailedText(options) {
    const { branch, head, workflow, detail } = options;
    const check = options.ambiguous
        ? `GitHub's answer was lost, so the deploy may have started: look at Actions → ${workflow} before starting it by hand.`
        : `Start the deploy by hand (Actions → ${workflow} → Run workflow on ${branch}); check the workflow has a workflow_dispatch trigger and the job has permissions: actions: write.`;
    const deploy = options.ambiguous
        ? "it is unknown whether the deploy started."
        : "the deploy was not started.";
    return `The revert is on ${branch} (${head}), but ${deploy} ${detail}\n${check}`;
}
function prSkipsDispatchText(workflow, branch) {
    return `${workflow} was not started: nothing was pushed to ${branch} yet. Merging the pull request deploys through your usual push workflows.`;
}
// --- Cancelled (SIGINT/SIGTERM) during apply ---
function prBranchOnlyText(signalName, branch, head, compareUrl) {
    return `Cancelled by ${signalName} after pushing branch ${head}: no pull request was opened, and ${branch} is unchanged. Open it by hand: ${compareUrl}`;
}
function pushStoppedText(options) {
    const { signalName, remote, branch, head, tip, now } = options;
    const stopped = `Cancelled by ${signalName} while pushing the revert to ${branch}; the push did not finish in time and was stopped.`;
    switch (options.after) {
        case "revert":
            return `${stopped} It had landed: ${remote}'s ${branch} holds the revert ${head}. Nothing else was done (no deploy was started).`;
        case "unchanged":
            return `${stopped} ${remote}'s ${branch} is still at ${tip}: nothing was changed. Run the rollback again.`;
        case "moved":
            return `${stopped} ${remote}'s ${branch} is now at ${now}, which is neither the revert nor the old tip: someone else pushed. Nothing of this run is on the branch; run the rollback again.`;
        case "unknown":
            return `${stopped} ${remote} could not be asked afterwards, so ${branch} may or may not hold the revert ${head}. Check with: git ls-remote ${remote} refs/heads/${branch}`;
    }
}
function pushedThenCancelledText(signalName, branch, head, workflow) {
    const deploy = workflow
        ? ` The deploy workflow ${workflow} was not started: start it by hand (Actions → ${workflow} → Run workflow on ${branch}).`
        : "";
    return `Cancelled by ${signalName} after the push: the revert ${head} is on ${branch}.${deploy}`;
}

// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/actions/revert-commit/messages.ts

function message(context, subject, body) {
    // One line: a reason can never add a line of its own, such as a fake `This reverts commit <sha>.`
    const reason = context.reason.replace(/\s*[\r\n]+\s*/g, " ").trim();
    const trailer = [reason && `Reason: ${reason}`, context.run && `Workflow run: ${context.run}`].filter(Boolean);
    return [subject, "", ...body, ...(trailer.length ? ["", ...trailer] : [])].join("\n");
}
/** The message `git revert` would write, with the reason and the workflow run. */
function revertMessage(context, commit) {
    const parent = commit.parents[context.mainline - 1];
    const body = commit.parents.length > 1
        ? [`This reverts commit ${commit.sha}, reversing`, `changes made to ${parent}.`]
        : [`This reverts commit ${commit.sha}.`];
    return message(context, `Revert "${commit.subject}"`, body);
}
/** `to` mode: one commit undoing every commit after `to`. */
function revertToMessage(context, to, commits) {
    const [only] = commits;
    if (only && commits.length === 1 && only.parents.length === 1)
        return revertMessage(context, only);
    return message(context, `Revert ${commits.length} commits on ${context.branch}, back to ${to.short}`, [
        `Restores the content of ${to.sha} ("${to.subject}").`,
        "",
        ...commits.map((commit) => `This reverts commit ${commit.sha}.`),
    ]);
}
function pullRequestBody(context, to, reverted, rejection) {
    return [
        `Emergency rollback of \`${context.branch}\`${to ? `, back to ${to.sha}` : ""}.`,
        "",
        context.reason ? `**Reason:** ${context.reason}\n` : "",
        "Reverted commits, newest first:",
        "",
        ...reverted.map((c) => `- ${c.sha} ${c.subject} (${c.author})`),
        "",
        rejection ? `A direct push was refused by branch protection:\n\n\`\`\`\n${rejection}\n\`\`\`\n` : "",
        context.run ? `Workflow run: ${context.run}` : "",
    ]
        .filter((part, index, all) => part !== "" || all[index - 1] !== "")
        .join("\n");
}
/** A commit as one log line. */
function commitLine(commit) {
    return `  ${commit.short} ${commit.subject} (${commit.author})`;
}
/** Where the repository's commits are shown (`…/owner/repo/commit/`), when the repository is known. */
function commitLinkBase(run) {
    return run.repository ? `${run.serverUrl}/${run.repository.full}/commit/` : undefined;
}
function commitUrl(base, sha) {
    return base && base + sha;
}
const COMMIT_HEADER = ["commit", "subject", "author"];
/** Rows for a summary table under COMMIT_HEADER. */
function commitRows(commits, base) {
    return commits.map((c) => [(0,core_report/* link */.nf)(c.short, commitUrl(base, c.sha)), c.subject, c.author]);
}
/** The pull request's branch: one per workflow run attempt, so a re-run finds the pull request it opened. */
function pullRequestBranch(newest, run) {
    const attempt = run.runAttempt > 1 ? `-${run.runAttempt}` : "";
    return `${pullRequestPrefix(newest)}${run.runId ? run.runId + attempt : Date.now()}`;
}
/** What every run's pull request branch for reverting `newest` starts with. */
function pullRequestPrefix(newest) {
    return `rollback/revert-${newest.short}-`;
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/build.ts


function identityEnv(author) {
    return {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
}
/** Makes the revert commit(s) of `targets` (newest first) in a scratch worktree checked out at `base`. */
async function build(wt, context, { targets, base }) {
    const env = identityEnv(context.author);
    const { to } = context;
    if (to) {
        // Every commit after `to`, merges included, as one commit: the tree of `to` on top of the tip.
        const head = await wt.out(["commit-tree", `${to.sha}^{tree}`, "-p", base, "-F", "-"], {
            env,
            input: revertToMessage(context, to, targets),
        });
        return { head, reverted: [...targets] };
    }
    const reverted = [];
    for (const commit of targets) {
        const mainline = commit.parents.length > 1 ? ["-m", String(context.mainline)] : [];
        const result = await wt.run(["revert", "--no-commit", ...mainline, commit.sha], { allowFailure: true });
        if (result.exitCode !== 0)
            await conflict(wt, { commit, branch: context.branch, output: result.stderr || result.stdout });
        if (await wt.test(["diff", "--cached", "--quiet"])) {
            context.log(`Reverting ${commit.short} changes nothing: its changes are already undone. Skipped.`);
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
/** `to` mode after a lost race: the same revert commit, applied again in a worktree at the new tip `base`. */
async function reapply(wt, context, { revert, base, targets }) {
    const result = await wt.run(["cherry-pick", "--no-commit", revert], { allowFailure: true });
    const to = context.to;
    if (result.exitCode !== 0)
        await conflict(wt, {
            commit: to,
            branch: context.branch,
            output: result.stderr || result.stdout,
            command: "cherry-pick",
        });
    if (await wt.test(["diff", "--cached", "--quiet"])) {
        await wt.run(["cherry-pick", "--quit"], { allowFailure: true });
        return { head: base, reverted: [] };
    }
    await wt.run(["commit", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
        env: identityEnv(context.author),
        input: revertToMessage(context, to, targets),
    });
    return { head: await wt.out(["rev-parse", "HEAD"]), reverted: [...targets] };
}
async function conflict(wt, { commit, branch, output, command = "revert", }) {
    const files = (await wt.out(["diff", "--name-only", "--diff-filter=U"]).catch(() => ""))
        .split("\n")
        .filter(Boolean);
    await wt.run([command, "--abort"], { allowFailure: true, ignoreSignal: true });
    throw revertError({ kind: "conflict", commit, branch, files, output });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/migrations/check.ts + 5 modules
var check = __webpack_require__(3235);
;// CONCATENATED MODULE: ./src/actions/revert-commit/inputs.ts





const DEFAULT_COMMITTER = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";
const SHA = /^[0-9a-f]{4,40}$/i;
const RANGE = /^([0-9a-f]{4,40})\.\.([0-9a-f]{4,40})$/i;
const revertInputs = {
    commits: inputs/* input */.hF.list({ example: '"3f2c1ab" or "3f2c1ab..9e8d7c6"' }),
    to: inputs/* input */.hF.optional(),
    branch: inputs/* input */.hF.optional(),
    strategy: inputs/* input */.hF.choice(["push", "pull-request", "auto"], "push"),
    token: inputs/* input */.hF.secret(),
    reason: inputs/* input */.hF.text({ max: 4000 }),
    mainline: inputs/* input */.hF.number({ default: "1", min: 1, integer: true, example: "1" }),
    dispatch: inputs/* input */.hF.optional(),
    "dispatch-inputs": inputs/* input */.hF.jsonObject('{"environment": "production"}'),
    committer: inputs/* input */.hF.text({ default: DEFAULT_COMMITTER }),
    path: inputs/* input */.hF.text({ default: "." }),
    ...check/* migrationInputs */.WN,
};
/** Checks the inputs together and against the checkout at "path"; throws one InputError for all. */
async function readRequest(ctx) {
    const { settings, run } = ctx;
    const problems = [];
    const specs = parseCommits(settings.commits, problems);
    if (settings.to !== undefined && !SHA.test(settings.to))
        problems.push((0,inputs/* inputError */.Xu)("to", `is ${JSON.stringify(settings.to)}, which is not a commit SHA.`, '"3f2c1ab"'));
    if (settings.to !== undefined && settings.commits.length > 0)
        problems.push((0,inputs/* inputError */.Xu)("to", 'cannot be used together with "commits": give either the commits to revert or the last good one.'));
    const committer = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(settings.committer);
    if (!committer?.[1])
        problems.push((0,inputs/* inputError */.Xu)("committer", `is ${JSON.stringify(settings.committer)}; use "Name <email>".`, `"${DEFAULT_COMMITTER}"`));
    if (settings.dispatch !== undefined && !/^(?:[\w.-]+\.ya?ml|\d+)$/.test(settings.dispatch))
        problems.push((0,inputs/* inputError */.Xu)("dispatch", `is ${JSON.stringify(settings.dispatch)}; give the workflow's file name (or its ID).`, '"deploy.yml"'));
    if (settings["dispatch-inputs"] && settings.dispatch === undefined)
        problems.push((0,inputs/* inputError */.Xu)("dispatch-inputs", 'is set but "dispatch" is empty: name the workflow to start.', '"deploy.yml"'));
    const needsApi = settings.strategy === "pull-request" || settings.dispatch !== undefined;
    if (needsApi && !settings.token)
        problems.push((0,inputs/* inputError */.Xu)("token", "is empty, and it is needed to open a pull request or dispatch a workflow. Pass ${{ github.token }} or a GitHub App token."));
    if (needsApi && !run.repository)
        problems.push(new inputs/* InputError */.dz('The repository is unknown (GITHUB_REPOSITORY); "owner/repo" is needed to call GitHub.'));
    // git sends the token base64-encoded in a header: mask that form too.
    if (settings.token)
        ctx.tk.setSecret((0,platforms_git/* basicAuthHeader */.mn)(settings.token).split(" ").pop());
    const dir = (0,external_node_path_.resolve)(run.workspace, settings.path);
    const remotes = await checkCheckout(new platforms_git/* Git */.TU({ cwd: dir, signal: ctx.signal }), settings, problems);
    if (problems.length)
        throw new inputs/* InputError */.dz(problems.map((problem) => problem.message).join("\n"));
    return {
        specs,
        to: settings.to,
        branch: settings.branch,
        strategy: settings.strategy,
        mainline: settings.mainline ?? 1,
        reason: settings.reason,
        dispatch: settings.dispatch,
        dispatchInputs: settings["dispatch-inputs"],
        author: { name: committer?.[1] ?? "", email: committer?.[2] ?? "" },
        dir,
        remote: remotes.includes("origin") ? "origin" : remotes[0],
    };
}
/** The "commits" items: SHAs and A..B ranges, separated by newlines, commas or spaces. */
function parseCommits(commits, problems) {
    const specs = [];
    for (const item of commits.flatMap((entry) => entry.split(/\s+/)).filter(Boolean)) {
        const range = RANGE.exec(item);
        if (range)
            specs.push({ kind: "range", from: range[1], to: range[2] });
        else if (SHA.test(item))
            specs.push({ kind: "sha", sha: item });
        else
            problems.push((0,inputs/* inputError */.Xu)("commits", `has ${JSON.stringify(item)}, which is neither a commit SHA nor a range A..B of SHAs.`, '"3f2c1ab" or "3f2c1ab..9e8d7c6"'));
    }
    return specs;
}
/**
 * "path" must be a git checkout with a remote; "branch", once all else is valid, a valid branch name.
 * Returns the checkout's remotes.
 */
async function checkCheckout(git, settings, problems) {
    const path = JSON.stringify(settings.path);
    const checkout = (0,external_node_fs_.existsSync)(git.cwd) && (await git.isWorkTree());
    const remotes = checkout ? await git.remotes() : [];
    if (!checkout)
        problems.push((0,inputs/* inputError */.Xu)("path", `is ${path}, which is not a git checkout (run actions/checkout first).`));
    else if (remotes.length === 0)
        problems.push((0,inputs/* inputError */.Xu)("path", `is ${path}, a git repository without a remote to push to.`));
    if (settings.branch !== undefined && problems.length === 0 && !(await git.validBranchName(settings.branch)))
        problems.push((0,inputs/* inputError */.Xu)("branch", `is ${JSON.stringify(settings.branch)}, which is not a valid branch name.`, '"main"'));
    return remotes;
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/migrations.ts



/**
 * The migrations the commits to revert brought: a revert removes the migration files, never the schema
 * change they made. Read from the checkout (revert-commit always has the history it reverts).
 */
async function revertMigrations(ctx, request, revert) {
    const ranges = revert.to
        ? [range(`everything after ${revert.to.short}`, revert.to.sha, revert.tip)]
        : revert.targets.map((c) => range(`commit ${c.short}`, c.parents[Math.min(request.mainline, c.parents.length) - 1], c.sha));
    const migrations = await (0,check/* checkMigrations */.wE)({ ...ctx, cwd: request.dir }, ranges);
    (0,core_report/* setOutputs */.n0)(ctx.tk, { migrations: (0,report/* migrationsOutput */.h8)(migrations) });
    (0,report/* stopIfBlocked */.sg)(migrations, ctx.settings["dry-run"]);
    return migrations;
}
function range(label, base, head) {
    return {
        label,
        target: { name: "its parent", commit: base },
        production: { name: head.slice(0, 7), commit: head },
        repo: undefined,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/platforms/git-history.ts


/** Details of each commit, in the order given. */
async function readCommits(git, revs) {
    if (revs.length === 0)
        return [];
    const format = ["%H", "%h", "%s", "%an", "%ae", "%P", "%b"].join("%x00");
    const text = await git.out(["show", "-s", `--format=%x01${format}`, ...revs]);
    return text
        .split("\x01")
        .filter(Boolean)
        .map((entry) => {
        const [sha = "", short = "", subject = "", author = "", authorEmail = "", parents = "", body = ""] = entry.split("\0");
        return { sha, short, subject, author, authorEmail, parents: parents.split(" ").filter(Boolean), body };
    });
}
/**
 * The commits a commit reverts, by the line `git revert` writes into the body: `This reverts commit
 * <sha>.` (or `…<sha>, reversing` for a merge), a whole line of its own. Text elsewhere (a subject, a
 * reason quoting such a line in the middle of a sentence) does not count.
 */
function revertedShas(commit) {
    return [...commit.body.matchAll(/^This reverts commit ([0-9a-f]{40})(?:\.|, reversing)$/gm)].map((match) => match[1]);
}
/** Commits whose parents a shallow clone lacks. */
async function shallowBoundary(git) {
    const list = await git.run(["rev-parse", "--git-path", "shallow"], { allowFailure: true });
    const file = list.stdout.trim();
    if (!file)
        return new Set();
    const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(git.cwd, file), "utf8").catch(() => "");
    return new Set(text.split("\n").filter(Boolean));
}
/** The commits in `range` that revert others (by git's own body line), newest first, with what they revert. */
async function readReverts(git, range) {
    // --grep narrows the log to candidates cheaply; revertedShas decides.
    const text = await git.out([
        "log",
        "--fixed-strings",
        "--grep=This reverts commit ",
        "--format=%H%x00%b%x01",
        ...range,
    ]);
    return text
        .split("\x01")
        .map((entry) => entry.replace(/^\n/, ""))
        .filter(Boolean)
        .map((entry) => {
        const [sha = "", body = ""] = entry.split("\0");
        return { sha, reverts: revertedShas({ body }) };
    });
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/reverted.ts


/**
 * What is left to revert on `tip`. A commit counts as reverted when a later commit on the branch carries
 * git's own line `This reverts commit <sha>.` and that revert was not itself reverted. With the default
 * target (the tip), a tip that is itself a revert is the end: reverting it would bring back what it undid
 * (a second dispatch of the rollback must not undo the first), so that has to be asked for by SHA.
 */
async function revertState(git, options) {
    const { branch, tip, to, targets } = options;
    if (to) {
        if (targets.length === 0 || (await git.test(["diff", "--quiet", to.sha, tip])))
            return { kind: "nothing", reason: alreadyHasContentReason(branch, to) };
        return { kind: "revert", targets, skipped: [] };
    }
    const [newest] = targets;
    if (options.tipByDefault && newest?.sha === tip) {
        const reverted = revertedShas(newest);
        if (reverted.length)
            return { kind: "nothing", reason: tipIsRevertReason(branch, newest, reverted) };
    }
    const oldest = targets[targets.length - 1];
    if (!oldest)
        return { kind: "revert", targets, skipped: [] };
    const revertsOf = new Map();
    for (const { sha, reverts } of await readReverts(git, [tip, `^${oldest.sha}`]))
        for (const target of reverts)
            revertsOf.set(target, [...(revertsOf.get(target) ?? []), sha]);
    const seen = new Set();
    const isReverted = (sha) => {
        if (seen.has(sha))
            return false;
        seen.add(sha);
        const result = (revertsOf.get(sha) ?? []).some((revert) => !isReverted(revert));
        seen.delete(sha);
        return result;
    };
    const active = targets.filter((commit) => !isReverted(commit.sha));
    if (active.length === 0)
        return { kind: "nothing", reason: alreadyRevertedReason(branch, targets) };
    return { kind: "revert", targets: active, skipped: targets.filter((commit) => !active.includes(commit)) };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/actions/revert-commit/session.ts






/** The git client for the checkout: the token for its remote, the run's signal, commands in the log. */
function openGit(ctx, dir, remote) {
    return new platforms_git/* Git */.TU({
        cwd: dir,
        token: ctx.settings.token,
        remote,
        signal: ctx.signal,
        log: ctx.log,
    });
}
/**
 * GitHub's REST API for this repository; loaded only when a pull request, a dispatch or the default
 * branch needs it (the GitHub modules are imported lazily everywhere in this action, for start-up).
 */
async function openGitHub(ctx) {
    const { token } = ctx.settings;
    const repository = ctx.run.repository;
    if (!token || !repository)
        throw revertError({ kind: "no-api" });
    const { githubClient } = await __webpack_require__.e(/* import() */ 719).then(__webpack_require__.bind(__webpack_require__, 1719));
    const octokit = await githubClient({ token, apiUrl: ctx.run.apiUrl });
    return { octokit, repo: { owner: repository.owner, repo: repository.repo } };
}
/**
 * Runs `work` in a scratch worktree at `sha`, outside the checkout (which stays as it was), and removes
 * it afterwards, even when the run is being stopped.
 */
async function inWorktree({ ctx, git, sha }, work) {
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.run.temp || (0,external_node_os_.tmpdir)(), "revert-commit-"));
    const path = (0,external_node_path_.join)(scratch, "worktree");
    try {
        await git.addWorktree(path, sha);
        return await work(git.at(path));
    }
    finally {
        await git.removeWorktree(path);
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** The signal's name (SIGINT, SIGTERM) once the run is being stopped. */
function signalName(ctx) {
    const reason = ctx.signal.reason;
    return reason instanceof action/* CancelledError */.cc ? reason.signalName : "a cancellation";
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/targets.ts


/** How far a shallow clone is deepened before fetching the whole history. */
const DEEPEN_STEPS = [50, 500];
function deepen(step) {
    const depth = DEEPEN_STEPS[step];
    return depth ? [`--deepen=${depth}`] : ["--unshallow"];
}
/**
 * Resolves what to revert on `tip`. A shallow clone is deepened until every commit is found on the branch
 * with its parents; then a commit still missing, or not on the branch, is refused before anything changes.
 */
async function resolveTargets(git, options) {
    const { remote, branch, tip } = options;
    for (let step = 0;; step++) {
        // The default, the tip: on the branch by definition; only its parents must be there to revert it.
        if (!options.to && options.specs.length === 0) {
            if ((await shallowBoundary(git)).has(tip) && (await git.isShallow())) {
                await git.fetchBranch(remote, branch, deepen(step));
                continue;
            }
            return { to: undefined, targets: checkMainline(await readCommits(git, [tip]), options.mainline) };
        }
        const onBranch = await git.revList(["--topo-order", tip]);
        const position = new Map(onBranch.map((sha, index) => [sha, index]));
        const boundary = await shallowBoundary(git);
        const missing = [];
        const offBranch = [];
        const wanted = new Set();
        const check = async (rev) => {
            const sha = await git.resolveCommit(rev);
            if (!sha)
                missing.push(rev);
            else if (!position.has(sha))
                offBranch.push(rev);
            return sha;
        };
        let to;
        if (options.to) {
            to = await check(options.to);
            if (to && position.has(to))
                for (const sha of await git.revList([`${to}..${tip}`]))
                    wanted.add(sha);
        }
        for (const spec of options.specs) {
            if (spec.kind === "sha") {
                const sha = await check(spec.sha);
                if (sha && position.has(sha))
                    wanted.add(sha);
                continue;
            }
            const from = await git.resolveCommit(spec.from);
            if (!from)
                missing.push(spec.from);
            const until = await check(spec.to);
            if (!from || !until || !position.has(until))
                continue;
            // The branch's own history: a merge in the range stands for the commits it brought in.
            const range = await git.revList(["--first-parent", `${from}..${until}`]);
            if (range.length === 0 && !(await git.test(["merge-base", "--is-ancestor", from, until])))
                offBranch.push(`${spec.from} (the start of ${spec.from}..${spec.to})`);
            for (const sha of range)
                wanted.add(sha);
        }
        const needParents = !options.to && [...wanted].some((sha) => boundary.has(sha));
        const complete = missing.length === 0 && offBranch.length === 0 && !needParents;
        if (!complete && (await git.isShallow())) {
            await git.fetchBranch(remote, branch, deepen(step));
            continue;
        }
        if (missing.length)
            throw revertError({ kind: "missing", revs: missing, branch });
        if (offBranch.length)
            throw revertError({ kind: "off-branch", revs: offBranch, branch, remote });
        const shas = [...wanted].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
        if (options.specs.length > 0 && shas.length === 0)
            throw revertError({ kind: "empty-range", branch });
        const targets = await readCommits(git, shas);
        if (!options.to)
            checkMainline(targets, options.mainline);
        const [toCommit] = to ? await readCommits(git, [to]) : [];
        return { to: toCommit, targets };
    }
}
/** A merge among the targets must have the parent "mainline" names. */
function checkMainline(targets, mainline) {
    for (const commit of targets)
        if (commit.parents.length > 1 && mainline > commit.parents.length)
            throw revertError({ kind: "mainline", commit, mainline });
    return targets;
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/plan.ts









function buildContext(plan, log) {
    const { request } = plan;
    return {
        branch: plan.branch,
        mainline: request.mainline,
        reason: request.reason,
        run: plan.runUrl,
        to: plan.to,
        author: request.author,
        log,
    };
}
/** Reads only on the remote: fetches the branch, resolves the commits and makes the revert locally. */
async function planRevert(ctx) {
    const request = await readRequest(ctx);
    const { remote } = request;
    const git = openGit(ctx, request.dir, remote);
    // A run killed before its cleanup leaves a worktree registered whose folder is gone.
    await git.pruneWorktrees();
    let branch = request.branch ?? (await git.defaultBranch(remote));
    if (!branch && ctx.settings.token && ctx.run.repository) {
        const { repositoryDefaultBranch } = await __webpack_require__.e(/* import() */ 982).then(__webpack_require__.bind(__webpack_require__, 3982));
        const { octokit, repo } = await openGitHub(ctx);
        branch = await repositoryDefaultBranch(octokit, repo);
    }
    if (!branch)
        throw revertError({ kind: "no-default-branch", remote });
    const tip = await git.fetchBranch(remote, branch).catch((error) => {
        throw revertError({ kind: "fetch", remote, branch, detail: error.message });
    });
    const { specs, mainline } = request;
    const { to, targets } = await resolveTargets(git, { remote, branch, tip, specs, to: request.to, mainline });
    const state = await revertState(git, {
        branch,
        tip,
        to,
        targets,
        tipByDefault: !request.to && !specs.length,
    });
    const base = {
        request,
        remote,
        branch,
        tip,
        to,
        runUrl: ctx.run.runUrl,
        commitLinks: commitLinkBase(ctx.run),
    };
    if (state.kind === "nothing")
        return { ...base, targets, skipped: [], nothing: state.reason, revert: undefined, migrations: undefined };
    if (state.skipped.length)
        ctx.log.info(`Already reverted on ${branch}, skipped: ${state.skipped.map((c) => c.short).join(", ")}.`);
    const migrations = await revertMigrations(ctx, request, { to, tip, targets: state.targets });
    const plan = {
        ...base,
        targets: state.targets,
        skipped: state.skipped,
        nothing: undefined,
        revert: undefined,
        migrations,
    };
    const built = await inWorktree({ ctx, git, sha: tip }, (wt) => build(wt, buildContext(plan, (line) => ctx.log.info(line)), { targets: state.targets, base: tip }));
    if (built.reverted.length === 0)
        return { ...plan, nothing: NO_CHANGE_REASON };
    const stat = await git.diffStat(tip, built.head);
    ctx.log.info(`Plan: revert on ${branch} (strategy ${request.strategy}):\n${built.reverted.map(commitLine).join("\n")}\n${stat}`);
    return { ...plan, revert: { ...built, stat } };
}
function nothingToRevert(plan) {
    return plan.nothing ? { status: "already-reverted", reason: plan.nothing } : undefined;
}
function planOutputs(plan) {
    return { "reverted-shas": plan.revert ? shas(plan.revert.reverted) : "" };
}
function shas(commits) {
    return commits.map((c) => c.sha).join(" ");
}
/** The plan in words: the commits, the strategy and the diff the revert makes. */
function describeRevert(plan, summary) {
    if (!plan.revert) {
        summary.table(COMMIT_HEADER, commitRows(plan.targets, plan.commitLinks));
        (0,report/* describeMigrations */.Hb)(plan.migrations, summary);
        return;
    }
    summary.text(`Revert on \`${plan.branch}\` with strategy \`${plan.request.strategy}\`:`);
    summary.table(COMMIT_HEADER, commitRows(plan.revert.reverted, plan.commitLinks));
    if (plan.skipped.length)
        summary.text(`Already reverted, skipped: ${plan.skipped.map((c) => `\`${c.short}\``).join(", ")}.`);
    if (plan.request.reason)
        summary.text(`**Reason:** ${plan.request.reason}`);
    summary.text(`\`\`\`\n${plan.revert.stat}\n\`\`\``);
    (0,report/* describeMigrations */.Hb)(plan.migrations, summary);
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/pull-request.ts








/** Pushes a branch with the revert and opens a pull request into the branch (or finds the one already open). */
async function proposeRevert(ctx, plan, { git, built, rejection }) {
    const { createPullRequest, findPullRequest, findPullRequestByPrefix } = await __webpack_require__.e(/* import() */ 982).then(__webpack_require__.bind(__webpack_require__, 3982));
    const { octokit, repo } = await openGitHub(ctx);
    const newest = built.reverted[0];
    const head = pullRequestBranch(newest, ctx.run);
    // This run's pull request (a re-run), or another run's for the same revert (a second dispatch of the
    // rollback): never a second one. Its branch's tip is the revert it proposes.
    const found = (await findPullRequest(octokit, repo, head, plan.branch).then((pr) => pr && { ...pr, head })) ??
        (await findPullRequestByPrefix(octokit, repo, { base: plan.branch, prefix: pullRequestPrefix(newest) }));
    if (found) {
        const sha = (await remoteTip(git, { remote: plan.remote, branch: found.head })) || built.head;
        return { kind: "pull-request", built: { ...built, head: sha }, ...found, existing: true };
    }
    if (ctx.signal.aborted)
        throw cancelledBeforePush(signalName(ctx), plan.branch);
    const pushed = await push(git, { remote: plan.remote, sha: built.head, branch: head });
    if (!pushed.ok) {
        if (pushed.kind === "interrupted")
            throw cancelledBeforePush(signalName(ctx), plan.branch);
        if (pushed.kind === "blocked")
            throw revertError({ kind: "blocked", branch: head, message: pushed.message });
        throw revertError({ kind: "pr-push", branch: plan.branch, head, message: pushed.message });
    }
    const compareUrl = `${ctx.run.serverUrl}/${repo.owner}/${repo.repo}/compare/${plan.branch}...${head}`;
    if (ctx.signal.aborted)
        throw new action/* CancelledError */.cc(signalName(ctx), prBranchOnlyText(signalName(ctx), plan.branch, head, compareUrl));
    const title = (await readCommits(git, [built.head]))[0]?.subject ?? `Revert on ${plan.branch}`;
    const body = pullRequestBody(buildContext(plan, () => { }), plan.to, built.reverted, rejection);
    try {
        const pr = await createPullRequest(octokit, repo, { head, base: plan.branch, title, body });
        return { kind: "pull-request", built, head, ...pr, existing: false };
    }
    catch (error) {
        throw revertError({ kind: "pr-open", base: plan.branch, head, compareUrl, detail: (0,secrets/* errorMessage */.gJ)(error) });
    }
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/apply.ts









const PUSH_ATTEMPTS = 3;
/**
 * Pushes the revert to the branch, never forced (a lost race is fetched and applied again), or proposes
 * it in a pull request; then starts the deploy. Once the revert is on the remote, a later failure or a
 * cancellation is returned, not thrown, so the report says what the remote holds.
 */
async function applyRevert(ctx, plan) {
    const git = openGit(ctx, plan.request.dir, plan.remote);
    try {
        const landed = await pushRevert(ctx, plan, git);
        if (landed.kind !== "pushed")
            return landed;
        if (ctx.signal.aborted)
            return { ...landed, cancelled: signalName(ctx) };
        return { ...landed, dispatch: await startDeploy(ctx, plan, landed.built) };
    }
    catch (error) {
        if (error instanceof platforms_git/* GitInterruptedError */.xT)
            throw cancelledBeforePush(signalName(ctx), plan.branch);
        throw error;
    }
}
async function pushRevert(ctx, plan, git) {
    const { remote, branch, request } = plan;
    let built = plan.revert;
    if (request.strategy === "pull-request")
        return { ...(await proposeRevert(ctx, plan, { git, built, rejection: "" })), rejection: "" };
    for (let attempt = 1;; attempt++) {
        if (ctx.signal.aborted)
            throw cancelledBeforePush(signalName(ctx), branch);
        const outcome = await push(git, { remote, sha: built.head, branch });
        if (outcome.ok)
            return { kind: "pushed", built, dispatch: undefined, cancelled: undefined };
        const { kind, message } = outcome;
        if (kind === "interrupted")
            return stopped(ctx, plan, { git, built });
        if (kind === "blocked")
            throw revertError({ kind: "blocked", branch, message });
        if (kind === "protected" && request.strategy === "auto") {
            ctx.log.info(`The push to ${branch} was refused by branch protection; opening a pull request instead.\n${message}`);
            return { ...(await proposeRevert(ctx, plan, { git, built, rejection: message })), rejection: message };
        }
        if (kind === "protected")
            throw revertError({ kind: "protected", branch, message });
        if (kind === "rejected")
            throw revertError({ kind: "rejected", branch, message });
        if (attempt >= PUSH_ATTEMPTS)
            throw revertError({ kind: "race-lost", branch, attempts: PUSH_ATTEMPTS, message });
        ctx.log.info(`${branch} moved while pushing (attempt ${attempt} of ${PUSH_ATTEMPTS}); fetching and applying the revert again.`);
        const tip = await git.fetchBranch(remote, branch);
        const state = await revertState(git, {
            branch,
            tip,
            to: plan.to,
            targets: plan.targets,
            tipByDefault: false,
        });
        if (state.kind === "nothing")
            return { kind: "nothing", reason: state.reason };
        const context = buildContext(plan, (line) => ctx.log.info(line));
        const first = plan.revert.head;
        const previous = built.reverted;
        built = await inWorktree({ ctx, git, sha: tip }, (wt) => plan.to
            ? reapply(wt, context, { revert: first, base: tip, targets: previous })
            : build(wt, context, { targets: state.targets, base: tip }));
        if (built.reverted.length === 0)
            return { kind: "nothing", reason: undoneMeanwhileReason(branch) };
    }
}
/** The push was stopped by the signal: ask the remote what it now holds. */
async function stopped(ctx, plan, { git, built }) {
    const now = await remoteTip(git, { remote: plan.remote, branch: plan.branch });
    const after = now === undefined ? "unknown" : now === built.head ? "revert" : now === plan.tip ? "unchanged" : "moved";
    return { kind: "push-stopped", built, cancelled: signalName(ctx), after, now };
}
/** Starts the deploy workflow on the branch; a failure is reported, since the revert is already in. */
async function startDeploy(ctx, plan, built) {
    const { dispatch: workflow, dispatchInputs } = plan.request;
    if (!workflow)
        return undefined;
    const { dispatchWorkflow, GitHubError } = await __webpack_require__.e(/* import() */ 982).then(__webpack_require__.bind(__webpack_require__, 3982));
    try {
        const { octokit, repo } = await openGitHub(ctx);
        const run = await dispatchWorkflow(octokit, repo, { workflow, ref: plan.branch, inputs: dispatchInputs });
        ctx.log.info(`Started workflow ${workflow} on ${plan.branch}${run ? `: ${run.url}` : "."}`);
        return { ok: true, runUrl: run?.url };
    }
    catch (error) {
        const ambiguous = error instanceof GitHubError && error.ambiguous;
        return {
            ok: false,
            message: dispatchFailedText({
                branch: plan.branch,
                head: built.head,
                workflow,
                detail: (0,secrets/* errorMessage */.gJ)(error),
                ambiguous,
            }),
        };
    }
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/report.ts




function revertOutputs(built) {
    return { "revert-sha": built.head, "reverted-shas": shas(built.reverted) };
}
function pushedLine(plan, built) {
    return `Revert commit ${(0,core_report/* link */.nf)(built.head.slice(0, 12), commitUrl(plan.commitLinks, built.head))} pushed to \`${plan.branch}\`.`;
}
/** Outputs and summary for what the run did; what reached the remote is always said, even on failure. */
function reportRevert(ctx, plan, applied) {
    const { branch, request } = plan;
    const describe = (summary) => describeRevert(plan, summary);
    switch (applied.kind) {
        case "nothing":
            ctx.log.info(applied.reason);
            return {
                status: "already-reverted",
                headline: "✅ already-reverted",
                outputs: { "reverted-shas": "" },
                summary: (summary) => summary.text(applied.reason),
            };
        case "pull-request": {
            const { number, url, head, existing } = applied;
            const opened = existing
                ? `Pull request ${(0,core_report/* link */.nf)(`#${number}`, url)} was already open for \`${head}\`.`
                : `Pull request ${(0,core_report/* link */.nf)(`#${number}`, url)} opened from \`${head}\` into \`${branch}\`.`;
            ctx.log.info(existing
                ? `Pull request #${number} already open for ${head}: ${url}`
                : `Opened pull request #${number}: ${url}`);
            const skipped = request.dispatch ? prSkipsDispatchText(request.dispatch, branch) : undefined;
            if (skipped)
                ctx.log.info(skipped);
            return {
                status: "pull-request",
                headline: "✅ pull request opened",
                outputs: { ...revertOutputs(applied.built), "pull-request-url": url, "pull-request-number": number },
                summary: (summary) => {
                    describe(summary);
                    summary.text(opened);
                    if (skipped)
                        summary.text(skipped);
                },
            };
        }
        case "push-stopped": {
            const message = pushStoppedText({
                signalName: applied.cancelled,
                remote: plan.remote,
                branch,
                head: applied.built.head,
                tip: plan.tip,
                after: applied.after,
                now: applied.now,
            });
            const landed = applied.after === "revert";
            return {
                status: landed ? "reverted" : "failed",
                headline: landed ? "⏹️ cancelled after the push landed" : "⏹️ cancelled",
                outputs: landed ? revertOutputs(applied.built) : {},
                summary: (summary) => {
                    describe(summary);
                    summary.text(`**${message}**`);
                },
                failure: message,
            };
        }
        case "pushed":
            return reportPushed(ctx, plan, applied);
    }
}
function reportPushed(ctx, plan, applied) {
    const { built, dispatch, cancelled } = applied;
    const { branch, request } = plan;
    ctx.log.info(`Pushed ${built.head} to ${branch}, reverting ${built.reverted.map((c) => c.short).join(", ")}.`);
    const token = ctx.settings.token;
    const noteDefaultToken = !request.dispatch && token !== undefined && token === ctx.run.defaultToken;
    if (noteDefaultToken && !cancelled)
        ctx.tk.notice(DEFAULT_TOKEN_NOTE);
    const failure = cancelled
        ? pushedThenCancelledText(cancelled, branch, built.head, request.dispatch)
        : dispatch && !dispatch.ok
            ? dispatch.message
            : undefined;
    const runUrl = dispatch?.ok ? dispatch.runUrl : undefined;
    return {
        status: "reverted",
        headline: cancelled
            ? "⏹️ cancelled after the push"
            : failure
                ? "⚠️ reverted, deploy not started"
                : "✅ reverted",
        outputs: { ...revertOutputs(built), "dispatch-run-url": runUrl },
        summary: (summary) => {
            describeRevert(plan, summary);
            summary.text(pushedLine(plan, built));
            if (dispatch?.ok) {
                const inputs = request.dispatchInputs
                    ? ` with inputs \`${JSON.stringify(request.dispatchInputs)}\``
                    : "";
                const started = runUrl
                    ? `: ${(0,core_report/* link */.nf)("the deploy run", runUrl)}`
                    : " (GitHub did not say which run it started)";
                summary.text(`Started workflow \`${request.dispatch}\` on \`${branch}\`${inputs}${started}.`);
            }
            if (failure)
                summary.text(`**${failure}**`);
            if (noteDefaultToken && !cancelled)
                summary.text(`> **Note:** ${DEFAULT_TOKEN_NOTE}`);
        },
        failure,
    };
}

;// CONCATENATED MODULE: ./src/actions/revert-commit/index.ts






/** Reverts commits on a branch by pushing revert commits (never forced), or proposes them in a pull request. */
/* harmony default export */ const revert_commit = ((0,action/* defineAction */.QP)({
    name: "revert-commit",
    title: "Revert commit",
    inputs: revertInputs,
    plan: planRevert,
    nothingToDo: nothingToRevert,
    describe: describeRevert,
    planOutputs: planOutputs,
    apply: applyRevert,
    report: reportRevert,
    explain: explainRevert,
}));


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   c_: () => (/* binding */ serverNow),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   v1: () => (/* binding */ isPlainRefusal),
/* harmony export */   x8: () => (/* binding */ readBody),
/* harmony export */   yy: () => (/* reexport safe */ _wait_js__WEBPACK_IMPORTED_MODULE_2__.yy)
/* harmony export */ });
/* harmony import */ var _network_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7957);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
/* harmony import */ var _undici_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3547);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3210);




class HttpError extends Error {
    name = "HttpError";
    kind;
    details;
    constructor(message, kind, details) {
        super((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message));
        this.kind = kind;
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    get code() {
        return this.details.code;
    }
    get ambiguous() {
        return this.details.ambiguous === true;
    }
}
/** Retry-After as seconds or an HTTP date, in milliseconds. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text.trim()))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** The server's clock at the response (its Date header), or the local clock when it sent none. */
function serverNow(date, now = Date.now()) {
    const parsed = Date.parse((Array.isArray(date) ? date[0] : date) ?? "");
    return Number.isNaN(parsed) ? now : parsed;
}
/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

// Network failures where the request provably never reached the server.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);
function shortUrl(url) {
    return `${url.origin}${url.pathname}`;
}
/** JSON over HTTP with timeouts, retries and one error type: the base of every platform client. */
class HttpClient {
    options;
    constructor(options) {
        this.options = {
            timeoutMs: 30_000,
            retries: 4,
            backoffBaseMs: 500,
            backoffMaxMs: 10_000,
            maxRetryAfterMs: 120_000,
            maxBodyBytes: 32 * MiB,
            ...options,
        };
    }
    /** Requests made so far (attempts, retries included): API budgets are measured with it. */
    requestCount = 0;
    async request(options) {
        const method = options.method ?? "GET";
        const url = this.url(options.path, options.query);
        const safe = options.safeToRetry ?? (method === "GET" || method === "HEAD");
        const { retries, backoffBaseMs, backoffMaxMs, maxRetryAfterMs, platform } = this.options;
        const label = `${platform} API ${method} ${shortUrl(url)}`;
        // The client's own headers (its token) go to its own origin only: an absolute URL elsewhere (a link
        // in a platform's answer) gets the request's headers alone.
        const home = url.origin === URL.parse(this.options.baseUrl)?.origin;
        const headers = {
            accept: "application/json",
            ...(home ? this.options.headers : {}),
            ...options.headers,
        };
        let body;
        if (options.body !== undefined) {
            body = JSON.stringify(options.body);
            headers["content-type"] = "application/json";
        }
        else if (options.form) {
            body = new URLSearchParams(options.form).toString();
            headers["content-type"] = "application/x-www-form-urlencoded";
        }
        for (let attempt = 0;; attempt++) {
            let retry;
            try {
                this.requestCount++;
                const response = await (0,_undici_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .E)(url, {
                    method,
                    headers,
                    body,
                    signal: AbortSignal.timeout(this.options.timeoutMs),
                    headersTimeout: this.options.timeoutMs,
                    bodyTimeout: this.options.timeoutMs,
                });
                const { text, truncated } = await readBody(response.body, this.options.maxBodyBytes);
                if (truncated) {
                    throw new HttpError(`${label} → ${response.statusCode}: the answer is larger than ${formatSize(this.options.maxBodyBytes)}; stopped reading it.`, "parse", { method, url: shortUrl(url), status: response.statusCode, ambiguous: !safe });
                }
                const parsed = parseBody(text);
                const { statusCode: status } = response;
                const accepted = (status >= 200 && status < 300) || options.acceptStatuses?.includes(status);
                if (accepted) {
                    return {
                        status,
                        headers: response.headers,
                        data: this.parse(label, status, parsed, options, method, url),
                        attempts: attempt + 1,
                    };
                }
                // An HTTP-date Retry-After is on the server's clock: measure it against the response's own Date.
                const retryAfterMs = parseRetryAfter(response.headers["retry-after"], serverNow(response.headers.date));
                const details = plainWhenRefused(status, this.options.errorDetails?.(parsed));
                const error = new HttpError(`${label} → ${status}${details?.code ? ` ${details.code}` : ""}: ${details?.message ?? (refused(status) ? NOT_SHOWN : snippet(text) || "no message")}`, status === 429 ? "rate-limit" : "status", {
                    method,
                    url: shortUrl(url),
                    status,
                    code: details?.code,
                    platformMessage: details?.message,
                    body: refused(status) ? undefined : parsed,
                    ambiguous: status >= 500 && !safe,
                    retryAfterMs,
                });
                const retryable = status === 429 || (status >= 500 && safe);
                if (!retryable || attempt >= retries)
                    throw error;
                if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
                    throw new HttpError(`${error.message} (the platform asks to wait ${Math.ceil(retryAfterMs / 1000)}s: try again later)`, error.kind, error.details);
                }
                retry = {
                    reason: `${status}`,
                    delayMs: retryAfterMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs),
                };
            }
            catch (error) {
                if (error instanceof HttpError)
                    throw error;
                const timedOut = error instanceof DOMException && error.name === "TimeoutError";
                const found = (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .C)(error);
                const code = timedOut ? "timeout" : (found?.code ?? "network error");
                const notSent = NOT_SENT.has(code);
                const failure = new HttpError(`${label} failed: ${timedOut ? `no answer within ${this.options.timeoutMs} ms` : (0,_network_text_js__WEBPACK_IMPORTED_MODULE_3__/* .networkText */ .g)(code, found?.message ?? error.message)}`, timedOut ? "timeout" : "network", { method, url: shortUrl(url), code, ambiguous: !notSent && !safe });
                if ((!safe && !notSent) || attempt >= retries)
                    throw failure;
                retry = { reason: code, delayMs: backoffDelay(attempt, backoffBaseMs, backoffMaxMs) };
            }
            this.options.onRetry?.({ attempt: attempt + 1, ...retry });
            await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(retry.delayMs);
        }
    }
    url(path, query) {
        const url = /^https?:\/\//.test(path)
            ? new URL(path)
            : new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
        for (const [key, value] of Object.entries(query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        return url;
    }
    parse(label, status, body, options, method, url) {
        if (!options.schema)
            return body;
        const result = options.schema.safeParse(body);
        if (result.success)
            return result.data;
        const issue = result.error.issues[0];
        const where = issue?.path.length ? issue.path.join(".") : "body";
        throw new HttpError(`${label} answered ${status} with a body this client does not understand (${where}: ${issue?.message}).`, "parse", { method, url: shortUrl(url), status, body });
    }
}
function parseBody(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
const MiB = 1024 * 1024;
function formatSize(bytes) {
    return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}
/** Reads a body as text, at most `limit` bytes; past that the stream is closed and `truncated` set. */
async function readBody(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        if (size + chunk.length > limit) {
            chunks.push(chunk.subarray(0, limit - size));
            // Leaving the loop destroys the stream: nothing more is downloaded.
            return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
        }
        chunks.push(chunk);
        size += chunk.length;
    }
    return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}
/** A 401/403 body may echo the credentials it refused. */
function refused(status) {
    return status === 401 || status === 403;
}
const NOT_SHOWN = "the credentials were refused (the answer's body is not shown: it may echo them)";
/** Words a platform uses to refuse (`forbidden`, "Bad credentials"), never a token-like string. */
function isPlainRefusal(text) {
    return /^[A-Za-z][A-Za-z _.,'()-]{0,79}$/.test(text) && !/[A-Za-z_-]{25,}/.test(text);
}
function plainWhenRefused(status, details) {
    if (!refused(status) || !details)
        return details;
    const plain = (text) => (text && isPlainRefusal(text) ? text : undefined);
    return { code: plain(details.code), message: plain(details.message) };
}
function snippet(text) {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}


/***/ }),

/***/ 7957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ errorCode),
/* harmony export */   g: () => (/* binding */ networkText)
/* harmony export */ });
// Network failures in words a person acts on. Node reports TLS failures with OpenSSL's internal error
// string (library, function, source file and line): the reason is the only part that helps, and the most
// common one, "wrong version number", means the port speaks plain HTTP.
/** The first error code in an error's cause chain (undici wraps the socket's error). */
function errorCode(error) {
    let current = error;
    while (current && typeof current === "object") {
        const code = current.code;
        if (typeof code === "string" && code !== "UND_ERR")
            return { code, message: String(current.message ?? "") };
        current = current.cause;
    }
    return undefined;
}
const OPENSSL = /^[0-9A-F]+:error:[0-9A-F]+:[^:]+:[^:]+:([^:]+):/;
/** `code (message)`, with OpenSSL's internals reduced to the reason and a hint for the usual cause. */
function networkText(code, message) {
    if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG")
        return "TLS failed: the server did not answer in TLS (is it plain http on that port? use http://, or the TLS port)";
    const reason = OPENSSL.exec(message)?.[1];
    if (reason)
        return `TLS failed: ${reason} (${code})`;
    return `${code} (${message})`;
}


/***/ }),

/***/ 3547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request),
/* harmony export */   g: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2581);
/* harmony import */ var undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3__);




// What undici's index does as it loads: every dispatcher answers request(), stream(), pipeline() …
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_2___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_0__);
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `request(url, options)`: the URL split into origin and path, on `dispatcher` or the global one. */
function request(url, options = {}) {
    const { dispatcher = undici_lib_global_js__WEBPACK_IMPORTED_MODULE_3___default().getGlobalDispatcher(), ...rest } = options;
    const { origin, pathname, search } = new URL(url);
    return dispatcher.request({
        ...rest,
        origin,
        path: `${pathname}${search}`,
        method: rest.method ?? (rest.body ? "PUT" : "GET"),
    });
}


/***/ }),

/***/ 3183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hb: () => (/* binding */ describeMigrations),
/* harmony export */   K6: () => (/* binding */ MigrationsBlocked),
/* harmony export */   h8: () => (/* binding */ migrationsOutput),
/* harmony export */   sg: () => (/* binding */ stopIfBlocked)
/* harmony export */ });
/* harmony import */ var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3235);


/** The `migrations` output: a JSON array of `{file, tool, commit, flags}`. */
function migrationsOutput(check) {
    return (check &&
        JSON.stringify(check.migrations.map(({ file, tool, commit, flags }) => ({ file, tool, commit, flags }))));
}
/** `migrations: block` without `allow-migrations`: raised while planning, so nothing has changed. */
class MigrationsBlocked extends Error {
    name = "MigrationsBlocked";
}
/** Stops a real run that block mode holds back; a dry run only says it would stop (describeMigrations). */
function stopIfBlocked(check, dryRun) {
    if (!check?.blocks || dryRun)
        return;
    const found = check.migrations.map((m) => `- ${(0,_check_js__WEBPACK_IMPORTED_MODULE_0__/* .line */ .n8)(m)}`);
    const unknown = check.unknown.map((sentence) => `- ${sentence}`);
    throw new MigrationsBlocked([
        `Stopped before any change (migrations: block): ${check.migrations.length ? "migrations ran between the target and production, and the old code may not work with the new schema" : "the migrations between the target and production could not all be checked"}.`,
        ...found,
        ...unknown,
        check.migrations.length
            ? "Nothing was changed. Restore the database to before them (or check the old code works with the new schema), then re-run with allow-migrations: true."
            : "Nothing was changed. Look for migrations in that range by hand (or give the missing history or token), then re-run, with allow-migrations: true if there are none that matter.",
    ].join("\n"));
}
/** The migrations in the plan's summary: each with its flags, what is unknown, and whether block stops. */
function describeMigrations(check, summary) {
    if (!check)
        return;
    summary.heading("Migrations between the target and production");
    if (check.migrations.length)
        summary.table(["File", "Tool", "Commit", "Flags"], check.migrations.map((m) => [
            m.file,
            m.tool,
            m.commit.slice(0, 7),
            m.read ? m.flags.join(", ") || "none found" : "not read (GitHub showed no diff)",
        ]));
    else if (!check.unknown.length)
        summary.text("None.");
    summary.list(check.unknown.map(_core_report_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV));
    if (check.restore.length)
        summary.list(check.restore.map(_core_report_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV));
    if (check.blocks)
        summary.text("⛔ `migrations: block`: a real run stops here, before any change.");
    else if (check.mode === "block" && check.allow && (check.migrations.length || check.unknown.length))
        summary.text("`allow-migrations: true`: going ahead despite them.");
}


/***/ })

};
