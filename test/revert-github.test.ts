import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { basicAuthHeader, Git } from "../src/platforms/git.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { SimServer } from "../src/sim/server.ts";
import { runBundle } from "./helpers/bundle.ts";
import { git, gitEnv, makeRepos, type Repos, remoteFile, run, seed } from "./helpers/revert-repos.ts";

let repos: Repos;
let sim: GitHubSimulator;
let api: Record<string, string>;
beforeEach(async () => {
  repos = makeRepos();
  sim = new GitHubSimulator();
  await sim.start();
  api = { GITHUB_API_URL: sim.url };
});
afterEach(async () => {
  await sim.stop();
  repos.cleanup();
});

/** Racer commits on top of main, parked under refs/racers/N for the update hook to move main to. */
function prepareRacers(count: number): string[] {
  const racer = repos.clone("racer");
  const shas: string[] = [];
  for (let n = 1; n <= count; n++) {
    git(racer, "commit", "--quiet", "--allow-empty", "-m", `Racer ${n}`);
    const sha = git(racer, "rev-parse", "HEAD");
    git(racer, "push", "--quiet", "origin", `HEAD:refs/racers/${n}`);
    shas.push(sha);
  }
  // On the Nth push to main, someone else's commit N lands first: the ref moved under the push, as in a
  // real race (receive-pack then fails to lock the ref at the old value).
  repos.hook(
    "update",
    [
      '[ "$1" = refs/heads/main ] || exit 0',
      "n=$(cat race-count 2>/dev/null || echo 0); n=$((n+1)); echo $n > race-count",
      'sha=$(git rev-parse --verify --quiet "refs/racers/$n") && git update-ref "$1" "$sha"',
      "exit 0",
    ].join("\n"),
  );
  return shas;
}

function protectMain(): void {
  repos.hook(
    "pre-receive",
    [
      "while read old new ref; do",
      '  if [ "$ref" = refs/heads/main ]; then',
      '    echo "error: GH013: Repository rule violations found for refs/heads/main." >&2',
      '    echo "- Changes must be made through a pull request." >&2',
      "    exit 1",
      "  fi",
      "done",
    ].join("\n"),
  );
}

describe("revert-commit: push races", () => {
  it("a push race is won on retry: fetch, re-apply on the new tip, push again", async () => {
    const { c2 } = seed(repos);
    const [racer] = prepareRacers(1);
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: c2 });

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("reverted");
    expect(readFileSync(join(repos.origin, "race-count"), "utf8").trim()).toBe("2");
    expect(git(repos.origin, "rev-parse", "main^")).toBe(racer);
    expect(tk.outputs["revert-sha"]).toBe(git(repos.origin, "rev-parse", "main"));
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
    expect(tk.logs.join("\n")).toMatch(/main moved while pushing \(attempt 1 of 3\)/);
  });

  it("`to` mode re-applies the same revert on the new tip, keeping the racing commit", async () => {
    const { c1 } = seed(repos);
    const racer = repos.clone("racer");
    git(racer, "config", "user.name", "Racer");
    writeFileSync(join(racer, "racer.txt"), "racer\n");
    git(racer, "add", "racer.txt");
    git(racer, "commit", "--quiet", "-m", "Racer adds a file");
    git(racer, "push", "--quiet", "origin", "HEAD:refs/racers/1");
    repos.hook(
      "update",
      [
        '[ "$1" = refs/heads/main ] || exit 0',
        "n=$(cat race-count 2>/dev/null || echo 0); n=$((n+1)); echo $n > race-count",
        'sha=$(git rev-parse --verify --quiet "refs/racers/$n") && git update-ref "$1" "$sha"',
        "exit 0",
      ].join("\n"),
    );
    const clone = repos.clone();
    const tk = await run({ path: clone, to: c1 });
    expect(tk.failed).toBeUndefined();
    expect(remoteFile(repos, "racer.txt")).toBe("racer\n");
    expect(remoteFile(repos, "three.txt")).toBeUndefined();
    expect(remoteFile(repos, "config.txt")).toBe("port=80\n");
  });

  it("a race lost three times fails and pushes nothing of ours", async () => {
    const { c2 } = seed(repos);
    const racers = prepareRacers(3);
    const clone = repos.clone();
    const tk = await run({ path: clone, commits: c2 });

    expect(tk.failed).toMatch(/main kept moving: the push lost the race 3 times; nothing was pushed/);
    expect(tk.failed).toMatch(/Run the rollback again/);
    expect(tk.outputs.status).toBe("failed");
    expect(git(repos.origin, "rev-parse", "main")).toBe(racers[2]);
    expect(git(repos.origin, "log", "--format=%s", "main")).not.toMatch(/Revert/);
    expect(git(repos.origin, "for-each-ref", "--format=%(refname)", "refs/heads")).toBe("refs/heads/main");
  });
});

describe("revert-commit: branch protection and pull requests", () => {
  it("auto: protection rejects the push (GH013), a PR is opened instead", async () => {
    const { c3 } = seed(repos);
    protectMain();
    const clone = repos.clone();
    const before = git(repos.origin, "rev-parse", "main");
    const tk = await run(
      { path: clone, strategy: "auto", token: sim.token, reason: "500s on checkout" },
      api,
    );

    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("pull-request");
    expect(git(repos.origin, "rev-parse", "main")).toBe(before);
    const head = `rollback/revert-${c3.slice(0, 7)}-77`;
    expect(tk.outputs["revert-sha"]).toBe(git(repos.origin, "rev-parse", head));
    expect(git(repos.origin, "rev-parse", `${head}^`)).toBe(before);
    expect(tk.outputs["pull-request-number"]).toBe("1");
    expect(tk.outputs["pull-request-url"]).toBe("https://github.com/acme/shop/pull/1");

    // POST /repos/{owner}/{repo}/pulls: title, head and base are required; body optional.
    const create = sim.requests.find((r) => r.method === "POST");
    expect(create?.path).toBe("/repos/acme/shop/pulls");
    const body = create?.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(["base", "body", "head", "title"]);
    expect(body).toMatchObject({ head, base: "main", title: 'Revert "Add feature three"' });
    expect(body.body).toContain("**Reason:** 500s on checkout");
    expect(body.body).toContain(`- ${c3} Add feature three (Dev Eloper)`);
    expect(body.body).toContain("Workflow run: https://github.com/acme/shop/actions/runs/77");
    expect(body.body).toContain("GH013");
    expect(create?.headers.authorization).toBe(`token ${sim.token}`);
    // The existing-PR lookup: GET /repos/{owner}/{repo}/pulls?head=owner:branch
    const list = sim.requests.find((r) => r.method === "GET");
    expect(list?.path).toBe("/repos/acme/shop/pulls");
    expect(list?.query.get("head")).toBe(`acme:${head}`);
    expect(sim.pulls).toHaveLength(1);
    expect(tk.summary).toContain("[#1](https://github.com/acme/shop/pull/1)");
  });

  it("push: protection rejects the push: fails saying what to do, remote unchanged, no PR", async () => {
    seed(repos);
    protectMain();
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const tk = await run({ path: clone, token: sim.token }, api);
    expect(tk.failed).toMatch(/Branch protection refused the push to main; nothing was changed/);
    expect(tk.failed).toMatch(/GH013/);
    expect(tk.failed).toMatch(/Use strategy "auto" or "pull-request"/);
    expect(repos.remoteRefs()).toBe(before);
    expect(sim.requests).toHaveLength(0);
  });

  it("pull-request: a new branch and a PR, the base branch untouched", async () => {
    const { c1, c2 } = seed(repos);
    const clone = repos.clone();
    const before = git(repos.origin, "rev-parse", "main");
    const tk = await run(
      { path: clone, strategy: "pull-request", commits: `${c1} ${c2}`, token: sim.token },
      { ...api, GITHUB_RUN_ATTEMPT: "2" },
    );
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("pull-request");
    expect(git(repos.origin, "rev-parse", "main")).toBe(before);
    expect(sim.pulls[0]?.head).toBe(`rollback/revert-${c2.slice(0, 7)}-77-2`);
    expect(sim.pulls[0]?.body).toContain(c1);
    expect(remoteFile(repos, "one.txt", sim.pulls[0]?.head)).toBeUndefined();
  });

  it("pull-request when GitHub refuses to open it: fails with the branch to open it from", async () => {
    seed(repos);
    sim.server.inject({
      match: { method: "POST", path: "/repos/acme/shop/pulls" },
      kind: "status",
      status: 403,
      body: { message: "GitHub Actions is not permitted to create or approve pull requests." },
    });
    const clone = repos.clone();
    const tk = await run({ path: clone, strategy: "pull-request", token: sim.token }, api);
    expect(tk.failed).toMatch(/opening the pull request failed: .*403 GitHub Actions is not permitted/);
    expect(tk.failed).toMatch(/compare\/main\.\.\.rollback\/revert-/);
    expect(tk.failed).toMatch(/Settings → Actions → General/);
  });
});

describe("revert-commit: a refusal that echoes the request", () => {
  it("a 403 whose body quotes the request is reported by its status only", async () => {
    seed(repos);
    sim.server.inject({
      match: { method: "POST", path: "/repos/acme/shop/pulls" },
      kind: "status",
      status: 403,
      body: { message: `Forbidden: request had header x-echo: ${sim.token.split("").reverse().join("")}` },
    });
    const tk = await run({ path: repos.clone(), strategy: "pull-request", token: sim.token }, api);
    expect(tk.failed).toMatch(
      /opening the pull request failed: Opening a pull request from \S+ into main failed: 403\n/,
    );
    expect(tk.failed).not.toContain("x-echo");
    expect(tk.summary).not.toContain("x-echo");
  });
});

describe("revert-commit: dispatch", () => {
  it("starts the workflow on the branch after the push, with the inputs (POST …/actions/workflows/{file}/dispatches)", async () => {
    seed(repos);
    const clone = repos.clone();
    const tk = await run(
      {
        path: clone,
        token: sim.token,
        dispatch: "deploy.yml",
        "dispatch-inputs": '{"environment": "production", "force": true}',
      },
      api,
    );
    expect(tk.failed).toBeUndefined();
    expect(sim.dispatches).toEqual([
      { workflow: "deploy.yml", ref: "main", inputs: { environment: "production", force: true } },
    ]);
    const [request] = sim.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/repos/acme/shop/actions/workflows/deploy.yml/dispatches");
    // `ref` is required, `inputs` an object, `return_run_details` asks for the started run: nothing else.
    expect(request?.body).toEqual({
      ref: "main",
      inputs: { environment: "production", force: true },
      return_run_details: true,
    });
    expect(tk.outputs["dispatch-run-url"]).toBe("https://github.com/acme/shop/actions/runs/9001");
    expect(tk.summary).toContain("Started workflow `deploy.yml` on `main`");
    expect(tk.summary).toContain("[the deploy run](https://github.com/acme/shop/actions/runs/9001)");
    expect(tk.logs.join("\n")).not.toMatch(/default GITHUB_TOKEN/);
  });

  it("a failed dispatch fails the step, saying the revert is in and how to deploy by hand", async () => {
    seed(repos);
    const clone = repos.clone();
    const tk = await run({ path: clone, token: sim.token, dispatch: "missing.yml" }, api);
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.failed).toMatch(
      /The revert is on main \([0-9a-f]{40}\), but the deploy was not started\. Dispatching workflow missing\.yml on main failed: 404 Not Found/,
    );
    expect(tk.failed).toMatch(/workflow_dispatch trigger/);
  });

  it("with the default token and no dispatch, the summary says the push starts no workflows", async () => {
    seed(repos);
    const clone = repos.clone();
    const tk = await run(
      { path: clone, token: "ghs_defaulttoken123" },
      { GITHUB_TOKEN: "ghs_defaulttoken123" },
    );
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.summary).toMatch(/Pushes made with the default GITHUB_TOKEN start no workflows/);
    expect(tk.logs.join("\n")).toMatch(/notice: Pushes made with the default GITHUB_TOKEN/);

    const other = await run(
      { path: repos.clone(), token: "ghp_personal0000" },
      { GITHUB_TOKEN: "ghs_x0000" },
    );
    expect(other.summary).not.toMatch(/start no workflows/);
  });
});

describe("git client: the token travels in a header only", () => {
  it("sends basic x-access-token auth to an http remote, never in the URL, config or logs", async () => {
    const token = "ghs_secretTOKEN4242";
    const server = new SimServer(() => ({ status: 404, body: "not found" }));
    const url = await server.start();
    try {
      const dir = repos.clone();
      git(dir, "remote", "set-url", "origin", `${url}/acme/shop.git`);
      const logs: string[] = [];
      const log = {
        info: (m: string) => logs.push(m),
        warn: (m: string) => logs.push(m),
        debug: (m: string) => logs.push(m),
      };
      const client = new Git({ cwd: dir, token, log });
      await expect(client.fetchBranch("origin", "main")).rejects.toThrow(/git fetch/);
      const request = server.requests[0];
      expect(request?.path).toBe("/acme/shop.git/info/refs");
      expect(request?.headers.authorization).toBe(
        `basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`,
      );
      expect(basicAuthHeader(token)).toBe(`AUTHORIZATION: ${request?.headers.authorization}`);
      const config = readFileSync(join(dir, ".git", "config"), "utf8");
      expect(config).not.toContain(token);
      expect(config).not.toContain("extraheader");
      expect(logs.join("\n")).not.toContain(token);
      expect(logs.join("\n")).not.toContain(Buffer.from(`x-access-token:${token}`).toString("base64"));
    } finally {
      await server.stop();
    }
  });
});

describe("revert-commit bundle, run as the runner runs it", () => {
  it("reverts in a real clone; no token in the output or .git/config", async () => {
    const { c3 } = seed(repos);
    const clone = repos.clone();
    const result = await runBundle(
      "revert-commit",
      {
        token: sim.token,
        reason: "bundle drill",
        dispatch: "deploy.yml",
        "dispatch-inputs": '{"why":"drill"}',
      },
      { cwd: clone, env: { ...gitEnv, GITHUB_API_URL: sim.url, GITHUB_WORKSPACE: clone } },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe("reverted");
    expect(result.outputs["reverted-shas"]).toBe(c3);
    expect(result.outputs["revert-sha"]).toBe(git(repos.origin, "rev-parse", "main"));
    expect(git(repos.origin, "log", "-1", "--format=%B", "main")).toContain(
      "Workflow run: https://github.com/acme/shop/actions/runs/4242",
    );
    expect(sim.dispatches).toEqual([{ workflow: "deploy.yml", ref: "main", inputs: { why: "drill" } }]);
    expect(result.summary).toContain("Revert commit: ✅ reverted");
    expect(result.all).not.toContain(sim.token);
    expect(result.stdout).toContain(`::add-mask::${sim.token}`);
    expect(readFileSync(join(clone, ".git", "config"), "utf8")).not.toContain(sim.token);
  });

  it("bad inputs fail the step with one message naming the input", async () => {
    seed(repos);
    const clone = repos.clone();
    const before = repos.remoteRefs();
    const result = await runBundle(
      "revert-commit",
      { commits: "abc1234", to: "abc1234" },
      {
        cwd: clone,
        env: gitEnv,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::Input "to" cannot be used together with "commits"/);
    expect(repos.remoteRefs()).toBe(before);
  });
});
