import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifyAction } from "../src/actions/notify/index.ts";
import { runDefinition } from "../src/core/action.ts";
import { recordingToolkit } from "../src/core/toolkit.ts";
import { ChatSimulator } from "../src/sim/chat.ts";
import { GitHubSimulator, type SimIssue } from "../src/sim/github.ts";

let gh: GitHubSimulator;
let chat: ChatSimulator;
beforeAll(async () => {
  gh = new GitHubSimulator();
  chat = new ChatSimulator();
  await Promise.all([gh.start(), chat.start()]);
});
afterAll(() => Promise.all([gh.stop(), chat.stop()]));
beforeEach(() => {
  gh.issues.length = 0;
  gh.requests.length = 0;
  gh.server.clearFaults();
  chat.delivered.length = 0;
});

const notify = (tk: ReturnType<typeof recordingToolkit>) => runDefinition(notifyAction(), tk);

const env = () => ({
  GITHUB_API_URL: gh.url,
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_RUN_ID: "4242",
  GITHUB_ACTOR: "octocat",
  GITHUB_REF: "refs/heads/main",
  GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
});

const incident = () => ({
  "incident-issue": "true",
  "github-token": gh.token,
  status: "succeeded",
  title: "Rollback finished",
  "incident-title": "Incident: checkout 500s after deploy",
  message: "Smoke tests pass on the previous version.",
  fields: "Vercel: dpl_bad → dpl_good\nRailway api: d_9 → d_8",
  reason: "checkout error rate 12%",
  impact: "checkout failed for about 10% of users",
  "started-at": new Date(Date.now() - 125_000).toISOString(),
});

function issue(number: number, title: string, overrides: Partial<SimIssue> = {}): SimIssue {
  return {
    number,
    title,
    body: "",
    labels: ["incident"],
    state: "open",
    html_url: `https://github.com/acme/shop/issues/${number}`,
    comments: [],
    ...overrides,
  };
}

describe("notify: the incident issue", () => {
  it("opens an issue labelled incident holding the whole report", async () => {
    const tk = recordingToolkit(incident(), env());
    await notify(tk);
    expect(tk.failed).toBeUndefined();
    expect(gh.issues).toHaveLength(1);
    const [created] = gh.issues;
    expect(created?.title).toBe("Incident: checkout 500s after deploy");
    expect(created?.labels).toEqual(["incident"]);
    const body = created?.body ?? "";
    expect(body).toMatch(/\| \*\*Time\*\* \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
    expect(body).toContain("| **Status** | ✅ Succeeded |");
    expect(body).toContain(
      "| **Version (from → to)** | Vercel: dpl_bad → dpl_good<br>Railway api: d_9 → d_8 |",
    );
    expect(body).toContain("| **Reason** | checkout error rate 12% |");
    expect(body).toMatch(/\| \*\*Duration\*\* \| 2m0[5-9]s \|/);
    expect(body).toContain("| **Impact** | checkout failed for about 10% of users |");
    expect(body).toContain("| **Resolution** | Production rolled back to the last known-good version. |");
    expect(body).toContain("[workflow run](https://github.com/acme/shop/actions/runs/4242)");
    expect(body).toContain("Smoke tests pass on the previous version.");
    expect(tk.outputs).toEqual({
      status: "sent",
      sent: "github-issue",
      "failed-channels": "[]",
      "issue-url": created?.html_url,
      "issue-number": String(created?.number),
    });
    expect(tk.summary).toContain(
      `| github-issue | GitHub issue in acme/shop | ✅ sent | opened #${created?.number}`,
    );
  });

  it("comments on the open incident with the same title, found on a later page, instead of a duplicate", async () => {
    const title = "Incident: checkout 500s after deploy";
    gh.issues.push(
      issue(1, title),
      issue(2, title, { state: "closed" }),
      issue(3, title, { labels: ["bug"] }),
    );
    for (let n = 10; n < 160; n++) gh.issues.push(issue(n, `Incident: other ${n}`));
    const tk = recordingToolkit({ ...incident(), status: "failed", "fail-on-error": "true" }, env());
    await notify(tk);
    expect(tk.failed).toBeUndefined();
    expect(gh.issues).toHaveLength(153);
    const target = gh.issues.find((candidate) => candidate.number === 1);
    expect(target?.comments).toHaveLength(1);
    expect(target?.comments[0]?.body).toMatch(/^### Update: ❌ Failed/);
    expect(target?.comments[0]?.body).toContain("| **Reason** | checkout error rate 12% |");
    expect(tk.outputs).toMatchObject({
      status: "sent",
      "issue-number": "1",
      "issue-url": "https://github.com/acme/shop/issues/1",
    });
    const lists = gh.requests.filter(
      (request) => request.method === "GET" && request.path.endsWith("/issues"),
    );
    expect(lists.map((request) => request.query.get("page"))).toEqual(["1", "2"]);
    expect(lists[0]?.query.get("labels")).toBe("incident");
    expect(lists[0]?.query.get("state")).toBe("open");
  });

  it("a second notify for the same incident comments on the issue the first one opened", async () => {
    await notify(recordingToolkit({ ...incident(), status: "started" }, env()));
    const tk = recordingToolkit(incident(), env());
    await notify(tk);
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]?.comments).toHaveLength(1);
    expect(tk.outputs["issue-number"]).toBe(String(gh.issues[0]?.number));
  });

  it("an answer lost after the issue was created: reads again and reports it, never opens a second", async () => {
    gh.server.inject({
      match: { method: "POST", path: "/repos/acme/shop/issues" },
      kind: "status-after-handle",
      status: 502,
    });
    const tk = recordingToolkit({ ...incident(), "fail-on-error": "true" }, env());
    await notify(tk);
    expect(tk.failed).toBeUndefined();
    expect(gh.issues).toHaveLength(1);
    expect(tk.outputs).toMatchObject({ status: "sent", "issue-number": String(gh.issues[0]?.number) });
    expect(gh.requests.filter((request) => request.method === "POST")).toHaveLength(1);
  });

  it("a GitHub failure fails that channel only, with GitHub's message and the permission to add", async () => {
    gh.server.inject({
      match: { method: "POST" },
      kind: "status",
      status: 403,
      body: { message: "Resource not accessible by integration" },
    });
    const tk = recordingToolkit({ ...incident(), "webhook-url": chat.webhookUrl }, env());
    await notify(tk);
    expect(tk.outputs).toMatchObject({ status: "partial", sent: "webhook" });
    expect(tk.outputs["issue-url"]).toBeUndefined();
    expect(tk.logs).toContainEqual(
      "warning: GitHub issue: opening the issue failed: 403 Resource not accessible by integration. Give the workflow `permissions: issues: write` (and check the token may write to this repository).",
    );
    expect(tk.logs.join("\n")).not.toContain(gh.token);
  });

  it("a bad token is reported as such, never shown", async () => {
    const tk = recordingToolkit(
      { ...incident(), "github-token": "ghs_wrongtoken1234", "fail-on-error": "true" },
      env(),
    );
    await notify(tk);
    expect(tk.outputs).toMatchObject({ status: "failed", sent: "" });
    expect(tk.failed).toContain(
      "GitHub issue: listing open issues failed: 401 Bad credentials. Check github-token.",
    );
    expect(tk.failed).not.toContain("ghs_wrongtoken1234");
    expect(gh.issues).toHaveLength(0);
  });
});
