import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubSimulator } from "../src/sim/github.ts";
import { git, makeRepos, type Repos, remoteFile, run, seed } from "./helpers/revert-repos.ts";

let repos: Repos;
let sim: GitHubSimulator;
beforeEach(async () => {
  repos = makeRepos();
  sim = new GitHubSimulator();
  await sim.start();
});
afterEach(async () => {
  await sim.stop();
  repos.cleanup();
});

describe("revert-commit: a second run never undoes the first", () => {
  it("the default (the tip) dispatched twice, different run ids: the second is already-reverted, origin unchanged", async () => {
    const { c3 } = seed(repos);
    const api = { GITHUB_API_URL: sim.url };
    const inputs = { path: repos.clone(), token: sim.token, dispatch: "deploy.yml", reason: "checkout down" };
    const first = await run(inputs, { ...api, GITHUB_RUN_ID: "100" });
    expect(first.outputs.status).toBe("reverted");
    const revert = git(repos.origin, "rev-parse", "main");
    const before = repos.remoteRefs();

    // A new dispatch of the rollback workflow, from a fresh checkout: another run id.
    const second = await run({ ...inputs, path: repos.clone() }, { ...api, GITHUB_RUN_ID: "200" });
    expect(second.failed).toBeUndefined();
    expect(second.outputs.status).toBe("already-reverted");
    expect(second.outputs["revert-sha"]).toBeUndefined();
    expect(repos.remoteRefs()).toBe(before);
    expect(remoteFile(repos, "three.txt")).toBeUndefined();
    // Only the first run started a deploy.
    expect(sim.dispatches).toHaveLength(1);
    // What a person reads: the tip is a revert, and how to revert it on purpose.
    const short = revert.slice(0, 7);
    expect(second.summary).toContain(`is itself a revert (of ${c3.slice(0, 7)})`);
    expect(second.summary).toContain(`commits: ${short}`);
    expect(second.summary).toContain("already-reverted");
  });

  it("reverting the revert is still possible when asked for by SHA", async () => {
    seed(repos);
    const clone = repos.clone();
    expect((await run({ path: clone })).outputs.status).toBe("reverted");
    const revert = git(repos.origin, "rev-parse", "main");
    const again = await run({ path: clone, commits: revert }, { GITHUB_RUN_ID: "78" });
    expect(again.outputs.status).toBe("reverted");
    expect(again.outputs["reverted-shas"]).toBe(revert);
    expect(remoteFile(repos, "three.txt")).toBe("three\n");
  });

  it("a reason quoting `This reverts commit <sha>` does not make that SHA count as reverted", async () => {
    const { c1, c2 } = seed(repos);
    const clone = repos.clone();
    // Both forms a reason could take: inline, and on a line of its own.
    const reason = `like before: This reverts commit ${c1}.\nThis reverts commit ${c2}.`;
    expect((await run({ path: clone, reason })).outputs.status).toBe("reverted");
    const message = git(repos.origin, "log", "-1", "--format=%B", "main");
    expect(message).toContain(`Reason: like before: This reverts commit ${c1}. This reverts commit ${c2}.`);
    expect(message.split("\n").filter((line) => line.startsWith("This reverts commit"))).toHaveLength(1);

    const tk = await run({ path: clone, commits: `${c1} ${c2}` }, { GITHUB_RUN_ID: "78" });
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["reverted-shas"]).toBe(`${c2} ${c1}`);
    expect(remoteFile(repos, "one.txt")).toBeUndefined();
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
  });

  it("a subject or a commit by hand quoting the line mid-text does not count either", async () => {
    const { c2 } = seed(repos);
    repos.commit(`Docs: explain "This reverts commit ${c2}."`, {
      "docs.txt": `see This reverts commit ${c2}.\n`,
    });
    const tk = await run({ path: repos.clone(), commits: c2 });
    expect(tk.outputs.status).toBe("reverted");
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
  });
});

describe("revert-commit: a second run never proposes the revert twice", () => {
  it("pull-request, dispatched twice (different run ids): the second finds the first one's pull request", async () => {
    const { c3 } = seed(repos);
    const api = { GITHUB_API_URL: sim.url };
    const inputs = { path: repos.clone(), token: sim.token, strategy: "pull-request" };
    const first = await run(inputs, { ...api, GITHUB_RUN_ID: "100" });
    expect(first.outputs.status).toBe("pull-request");
    const before = repos.remoteRefs();
    const second = await run({ ...inputs, path: repos.clone() }, { ...api, GITHUB_RUN_ID: "200" });
    expect(second.failed).toBeUndefined();
    expect(second.outputs.status).toBe("pull-request");
    expect(second.outputs["pull-request-number"]).toBe(first.outputs["pull-request-number"]);
    expect(second.outputs["revert-sha"]).toBe(first.outputs["revert-sha"]);
    expect(sim.pulls).toHaveLength(1);
    expect(repos.remoteRefs()).toBe(before);
    expect(second.summary).toContain(`was already open for \`rollback/revert-${c3.slice(0, 7)}-100\``);
  });
});

describe("revert-commit: push protection and push rulesets are rejections", () => {
  it.each([
    [
      "secret scanning",
      [
        "- GITHUB PUSH PROTECTION",
        "  Resolve the following violations before pushing again",
        "  - Push cannot contain secrets",
      ],
    ],
    ["a push ruleset", ["- Push rule violation: files over 100 MB are not allowed"]],
  ])("%s (GH013) under auto: fails, no pull request, nothing pushed anywhere", async (_name, lines) => {
    seed(repos);
    repos.hook(
      "pre-receive",
      [
        'echo "error: GH013: Repository rule violations found for refs/heads/main." >&2',
        ...lines.map((line) => `echo "${line}" >&2`),
        "exit 1",
      ].join("\n"),
    );
    const before = repos.remoteRefs();
    const tk = await run(
      { path: repos.clone(), strategy: "auto", token: sim.token },
      { GITHUB_API_URL: sim.url },
    );
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(
      /GitHub refused the push to main by push protection or a push ruleset; nothing was changed, and no pull request was opened/,
    );
    expect(tk.failed).toMatch(/GH013/);
    expect(repos.remoteRefs()).toBe(before);
    expect(sim.pulls).toHaveLength(0);
    expect(sim.requests).toHaveLength(0);
  });
});

describe("revert-commit: the deploy run it started", () => {
  it("a server that refuses return_run_details (older GHES): sent again without it, no run link", async () => {
    await sim.stop();
    sim = new GitHubSimulator({ runDetails: "rejected" });
    await sim.start();
    seed(repos);
    const tk = await run(
      { path: repos.clone(), token: sim.token, dispatch: "deploy.yml" },
      { GITHUB_API_URL: sim.url },
    );
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["dispatch-run-url"]).toBeUndefined();
    const posts = sim.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.body)).toEqual([{ ref: "main", return_run_details: true }, { ref: "main" }]);
    expect(sim.dispatches).toHaveLength(1);
    expect(tk.summary).toContain("GitHub did not say which run it started");
  });

  it("an answer lost after GitHub started the run: not sent again, and the message says the deploy may be running", async () => {
    seed(repos);
    sim.server.inject({
      match: { method: "POST", path: "/repos/acme/shop/actions/workflows/deploy.yml/dispatches" },
      kind: "drop-after-handle",
    });
    const tk = await run(
      { path: repos.clone(), token: sim.token, dispatch: "deploy.yml" },
      { GITHUB_API_URL: sim.url },
    );
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs["revert-sha"]).toBe(git(repos.origin, "rev-parse", "main"));
    expect(sim.dispatches).toHaveLength(1);
    expect(sim.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(tk.failed).toMatch(
      /The revert is on main \([0-9a-f]{40}\), but it is unknown whether the deploy started/,
    );
    expect(tk.failed).toMatch(
      /the deploy may have started: look at Actions → deploy\.yml before starting it by hand/,
    );
  });
});
