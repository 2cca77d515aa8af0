import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git, makeRepos, type Repos, remoteFile, run, seed } from "./helpers/revert-repos.ts";

const BOT = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";

let repos: Repos;
beforeEach(() => {
  repos = makeRepos();
});
afterEach(() => repos.cleanup());

/** The checkout is left as it was: same HEAD, clean, no extra worktree. */
function expectCheckoutUntouched(clone: string, head: string): void {
  expect(git(clone, "rev-parse", "HEAD")).toBe(head);
  expect(git(clone, "status", "--porcelain")).toBe("");
  expect(git(clone, "worktree", "list").split("\n")).toHaveLength(1);
  expect(existsSync(join(clone, ".git", "REVERT_HEAD"))).toBe(false);
}

describe("revert-commit: what gets reverted", () => {
  it("reverts the tip of the default branch, in git's message form with the reason and the run link", async () => {
    const { c3 } = seed(repos);
    const clone = repos.clone();
    const head = git(clone, "rev-parse", "HEAD");
    const tk = await run({ path: clone, reason: "checkout is down #123" });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["reverted-shas"]).toBe(c3);
    const tip = git(repos.origin, "rev-parse", "main");
    expect(tk.outputs["revert-sha"]).toBe(tip);
    expect(git(repos.origin, "rev-parse", "main^")).toBe(c3);
    expect(git(repos.origin, "log", "-1", "--format=%B", "main")).toBe(
      [
        'Revert "Add feature three"',
        "",
        `This reverts commit ${c3}.`,
        "",
        "Reason: checkout is down #123",
        "Workflow run: https://github.com/acme/shop/actions/runs/77",
      ].join("\n"),
    );
    expect(git(repos.origin, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "main")).toBe(`${BOT}|${BOT}`);
    expect(remoteFile(repos, "three.txt")).toBeUndefined();
    expect(remoteFile(repos, "one.txt")).toBe("one\n");
    expectCheckoutUntouched(clone, head);
    expect(tk.summary).toContain("Add feature three");
    expect(tk.summary).toContain("Dev Eloper");
    expect(tk.summary).toContain(`https://github.com/acme/shop/commit/${tip}`);
  });

  it("reverts several commits given as short SHAs in any order, newest first, one revert each", async () => {
    const { c1, c3 } = seed(repos);
    const clone = repos.clone();
    const tk = await run({
      path: clone,
      commits: `${c1.slice(0, 7)}, ${c3.slice(0, 10)}`,
      committer: "Ops <ops@example.com>",
    });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["reverted-shas"]).toBe(`${c3} ${c1}`);
    expect(git(repos.origin, "log", "--format=%s|%an", "-3", "main").split("\n")).toEqual([
      'Revert "Add feature one"|Ops',
      'Revert "Add feature three"|Ops',
      "Add feature three|Dev Eloper",
    ]);
    expect(tk.outputs["revert-sha"]).toBe(git(repos.origin, "rev-parse", "main"));
    expect(remoteFile(repos, "one.txt")).toBeUndefined();
    expect(remoteFile(repos, "three.txt")).toBeUndefined();
    expect(remoteFile(repos, "config.txt")).toBe("port=8080\n");
    expect(git(repos.origin, "rev-list", "--count", `${c3}..main`)).toBe("2");
  });

  it("reverts a range A..B (A excluded), newest first", async () => {
    const { base, c2, c1 } = seed(repos);
    repos.commit("Unrelated later work", { "later.txt": "later\n" });
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: `${base.slice(0, 8)}..${c2.slice(0, 8)}` });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["reverted-shas"]).toBe(`${c2} ${c1}`);
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
    expect(remoteFile(repos, "one.txt")).toBeUndefined();
    expect(remoteFile(repos, "three.txt")).toBe("three\n");
    expect(remoteFile(repos, "later.txt")).toBe("later\n");
  });

  it("`to` reverts every commit after a known-good SHA as one commit", async () => {
    const { c1, c2, c3 } = seed(repos);
    const clone = repos.clone();
    const tk = await run({ path: clone, to: c1.slice(0, 7), reason: "bad release" });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["reverted-shas"]).toBe(`${c3} ${c2}`);
    expect(git(repos.origin, "rev-parse", "main^")).toBe(c3);
    expect(git(repos.origin, "rev-parse", "main^{tree}")).toBe(
      git(repos.origin, "rev-parse", `${c1}^{tree}`),
    );
    const body = git(repos.origin, "log", "-1", "--format=%B", "main");
    expect(body).toContain(`Revert 2 commits on main, back to ${c1.slice(0, 7)}`);
    expect(body).toContain(`This reverts commit ${c3}.`);
    expect(body).toContain(`This reverts commit ${c2}.`);
    expect(body).toContain("Reason: bad release");
  });

  it("reverts a merge commit keeping the mainline parent", async () => {
    seed(repos);
    const main = git(repos.dev, "rev-parse", "HEAD");
    git(repos.dev, "checkout", "--quiet", "-b", "feature");
    repos.commit("Feature: part one", { "f1.txt": "f1\n" }, "feature");
    repos.commit("Feature: part two", { "f2.txt": "f2\n" }, "feature");
    git(repos.dev, "checkout", "--quiet", "main");
    git(repos.dev, "merge", "--quiet", "--no-ff", "-m", "Merge feature", "feature");
    git(repos.dev, "push", "--quiet", "origin", "main");
    const merge = git(repos.dev, "rev-parse", "HEAD");
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: merge, mainline: "1" });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["reverted-shas"]).toBe(merge);
    expect(git(repos.origin, "rev-parse", "main^{tree}")).toBe(
      git(repos.origin, "rev-parse", `${main}^{tree}`),
    );
    expect(git(repos.origin, "log", "-1", "--format=%B", "main")).toContain(
      `This reverts commit ${merge}, reversing\nchanges made to ${main}.`,
    );
  });

  it("refuses a mainline the merge does not have, before anything changes", async () => {
    seed(repos);
    git(repos.dev, "checkout", "--quiet", "-b", "feature");
    repos.commit("Feature", { "f1.txt": "f1\n" }, "feature");
    git(repos.dev, "checkout", "--quiet", "main");
    git(repos.dev, "merge", "--quiet", "--no-ff", "-m", "Merge feature", "feature");
    git(repos.dev, "push", "--quiet", "origin", "main");
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, mainline: "3" });
    expect(tk.failed).toMatch(/merge of 2 parents; "mainline" is 3/);
    expect(repos.remoteRefs()).toBe(before);
  });

  it("deepens a shallow checkout as far as the commit needs", async () => {
    const { c1 } = seed(repos);
    for (let i = 0; i < 5; i++) repos.commit(`Later ${i}`, { [`later${i}.txt`]: `${i}\n` });
    const clone = repos.clone("shallow", 1);
    expect(git(clone, "rev-parse", "--is-shallow-repository")).toBe("true");
    const tk = await run({ path: clone, commits: c1.slice(0, 7) });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["reverted-shas"]).toBe(c1);
    expect(remoteFile(repos, "one.txt")).toBeUndefined();
    // Only feature one is undone: the revert's diff touches one file.
    expect(git(repos.origin, "diff", "--name-only", "main^", "main")).toBe("one.txt");
  });

  it("deepens a shallow checkout to revert its own oldest commit", async () => {
    seed(repos);
    const clone = repos.clone("shallow", 1);
    const tk = await run({ path: clone });
    expect(tk.failed).toBeUndefined();
    expect(git(repos.origin, "diff", "--name-only", "main^", "main")).toBe("three.txt");
  });

  it("refuses a SHA that is not on the branch, before anything changes", async () => {
    seed(repos);
    git(repos.dev, "checkout", "--quiet", "-b", "other");
    const other = repos.commit("Only on another branch", { "other.txt": "x\n" }, "other");
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, commits: other.slice(0, 7) });
    expect(tk.failed).toMatch(new RegExp(`Commit ${other.slice(0, 7)} is not on branch main`));
    expect(repos.remoteRefs()).toBe(before);

    const unknown = await run({ path: clone, commits: "deadbeefdeadbeef" });
    expect(unknown.failed).toMatch(/deadbeefdeadbeef is not in the repository/);
    expect(repos.remoteRefs()).toBe(before);
  });

  it("reverts on a named branch, touching no other", async () => {
    seed(repos);
    git(repos.dev, "checkout", "--quiet", "-b", "production");
    const bad = repos.commit("Bad on production", { "bad.txt": "bad\n" }, "production");
    const clone = repos.clone();
    const main = git(repos.origin, "rev-parse", "main");
    const tk = await run({ path: clone, branch: "production" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs["reverted-shas"]).toBe(bad);
    expect(git(repos.origin, "rev-parse", "main")).toBe(main);
    expect(remoteFile(repos, "bad.txt", "production")).toBeUndefined();
    expect(git(repos.origin, "for-each-ref", "--format=%(refname)").split("\n")).toEqual([
      "refs/heads/main",
      "refs/heads/production",
    ]);
  });
});

describe("revert-commit: nothing to do, or nothing allowed", () => {
  it("a conflict fails listing the files, aborts cleanly and leaves the remote byte-for-byte unchanged", async () => {
    seed(repos);
    const bad = repos.commit("Tune the app", { "app.txt": "v2\n" });
    repos.commit("Tune the app again", { "app.txt": "v3\n" });
    const clone = repos.clone();
    const head = git(clone, "rev-parse", "HEAD");
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, commits: bad });

    expect(tk.failed).toMatch(/conflicts with later changes on main in: app\.txt\. Nothing was pushed\./);
    expect(tk.failed).toMatch(/Revert the later commits/);
    expect(tk.outputs.status).toBe("failed");
    expect(repos.remoteRefs()).toBe(before);
    expectCheckoutUntouched(clone, head);
    expect(tk.summary).toContain("failed");
  });

  it("already reverted: success, nothing pushed", async () => {
    const { c2 } = seed(repos);
    git(repos.dev, "revert", "--no-edit", c2);
    git(repos.dev, "push", "--quiet", "origin", "main");
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, commits: c2.slice(0, 7) });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("already-reverted");
    expect(repos.remoteRefs()).toBe(before);
  });

  it("a revert that was itself reverted does not count", async () => {
    const { c2 } = seed(repos);
    git(repos.dev, "revert", "--no-edit", c2);
    git(repos.dev, "revert", "--no-edit", "HEAD");
    git(repos.dev, "push", "--quiet", "origin", "main");
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: c2 });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("reverted");
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
  });

  it("skips the already reverted commits of a list and reverts the rest", async () => {
    const { c1, c3 } = seed(repos);
    git(repos.dev, "revert", "--no-edit", c1);
    git(repos.dev, "push", "--quiet", "origin", "main");
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: `${c1} ${c3}` });
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["reverted-shas"]).toBe(c3);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("6");
  });

  it("a second run of the same workflow run does not revert its own revert", async () => {
    seed(repos);
    const clone = repos.clone();
    expect((await run({ path: clone })).outputs.status).toBe("reverted");
    const before = repos.remoteRefs();
    const again = await run({ path: clone });
    expect(again.outputs.status).toBe("already-reverted");
    expect(repos.remoteRefs()).toBe(before);
  });

  it("`to` when the branch already has that content: already-reverted", async () => {
    const { c1 } = seed(repos);
    const clone = repos.clone();
    expect((await run({ path: clone, to: c1 })).outputs.status).toBe("reverted");
    const before = repos.remoteRefs();
    const again = await run({ path: clone, to: c1 }, { GITHUB_RUN_ID: "78" });
    expect(again.outputs.status).toBe("already-reverted");
    expect(repos.remoteRefs()).toBe(before);
  });

  it("dry run shows the commits and the diff stat and changes nothing", async () => {
    const { c2, c3 } = seed(repos);
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const localBefore = git(clone, "for-each-ref");
    const head = git(clone, "rev-parse", "HEAD");
    const tk = await run({ path: clone, commits: `${c2} ${c3}`, "dry-run": "true" });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("planned");
    expect(tk.outputs["reverted-shas"]).toBe(`${c3} ${c2}`);
    expect(tk.outputs["revert-sha"]).toBeUndefined();
    expect(tk.summary).toContain("Change the port");
    expect(tk.summary).toMatch(/2 files changed, 1 insertion\(\+\), 2 deletions\(-\)/);
    expect(tk.logs.join("\n")).toMatch(/three\.txt +\| 1 -/);
    expect(repos.remoteRefs()).toBe(before);
    expect(git(clone, "for-each-ref")).toBe(localBefore);
    expectCheckoutUntouched(clone, head);
  });
});

describe("revert-commit: bad inputs", () => {
  it.each([
    [{ commits: "abc1234", to: "def5678" }, /Input "to" cannot be used together with "commits"/],
    [{ commits: "HEAD~1" }, /Input "commits" has "HEAD~1", which is neither a commit SHA nor a range/],
    [{ commits: "--upload-pack=touch" }, /Input "commits" has "--upload-pack=touch"/],
    [{ to: "main" }, /Input "to" is "main", which is not a commit SHA/],
    [{ strategy: "force" }, /Input "strategy" is "force"; it must be one of: push, pull-request, auto/],
    [{ mainline: "0" }, /Input "mainline" is "0"; it must be a whole number at least 1/],
    [{ committer: "just a name" }, /Input "committer" is "just a name"; use "Name <email>"/],
    [
      { "dispatch-inputs": "[1]", dispatch: "deploy.yml", token: "t0ken-value" },
      /Input "dispatch-inputs" must be a JSON object/,
    ],
    [{ dispatch: "deploy.yml" }, /Input "token" is empty, and it is needed/],
    [{ branch: "bad..name" }, /Input "branch" is "bad..name", which is not a valid branch name/],
    [{ "dry-run": "maybe" }, /Input "dry-run" is "maybe", which is not a boolean/],
  ])("%o is refused with one message naming the input, nothing changed", async (inputs, message) => {
    seed(repos);
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, ...inputs });
    expect(tk.failed).toMatch(message);
    expect(tk.outputs).toEqual({ status: "failed" });
    expect(repos.remoteRefs()).toBe(before);
  });

  it("a path that is not a checkout is an input error", async () => {
    const tk = await run({ path: join(repos.root, "nowhere") });
    expect(tk.failed).toMatch(/Input "path" is ".*nowhere", which is not a git checkout/);
  });
});
