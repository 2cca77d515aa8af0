import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Context, condition } from "./helpers/expressions.ts";

// The post-deploy example sees a deploy either as a finished `Deploy` workflow or as a GitHub Deployment
// that reached success (Vercel's and Railway's own GitHub integrations report those). The smoke job's real
// `if:` decides, evaluated with GitHub's expression engine.
const workflow = parse(readFileSync(".github/workflows/post-deploy.yml", "utf8")) as {
  on: Record<string, unknown>;
  jobs: { smoke: { if: string } };
};
const passed = { success: true, failure: false, cancelled: false };
const runs = (context: Context) => condition(workflow.jobs.smoke.if, context, passed);

const repository = { default_branch: "main" };
function deploymentStatus(
  environment: string,
  state = "success",
  task = "deploy",
  vars: Context = {},
): Context {
  return {
    github: {
      event_name: "deployment_status",
      event: { deployment_status: { state }, deployment: { environment, task }, repository },
    },
    vars,
  };
}
function workflowRun(branch: string, conclusion = "success"): Context {
  return {
    github: {
      event_name: "workflow_run",
      event: { workflow_run: { conclusion, event: "push", head_branch: branch }, repository },
    },
    vars: {},
  };
}

describe("post-deploy: which deploys are checked", () => {
  it("listens to deployment_status as well as workflow_run", () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["workflow_run", "deployment_status"]));
  });

  const cases: [string, Context, boolean][] = [
    ["Vercel's production deployment succeeded", deploymentStatus("Production"), true],
    ["the environment name in another case", deploymentStatus("production"), true],
    ["a preview deployment", deploymentStatus("Preview"), false],
    ["a production deployment still in progress", deploymentStatus("Production", "in_progress"), false],
    ["a production deployment that failed", deploymentStatus("Production", "failure"), false],
    ["this suite's own rollback deployment", deploymentStatus("Production", "success", "rollback"), false],
    [
      "Railway's environment, named in POST_DEPLOY_ENVIRONMENTS",
      deploymentStatus("shop / production", "success", "deploy", {
        POST_DEPLOY_ENVIRONMENTS: "Production,shop / production",
      }),
      true,
    ],
    [
      "an environment not in POST_DEPLOY_ENVIRONMENTS",
      deploymentStatus("Production", "success", "deploy", { POST_DEPLOY_ENVIRONMENTS: "shop / production" }),
      false,
    ],
    ["a Deploy workflow that finished on the production branch", workflowRun("main"), true],
    ["a Deploy workflow on another branch", workflowRun("feature"), false],
    ["a Deploy workflow that failed", workflowRun("main", "failure"), false],
  ];
  it.each(cases)("%s", (_name, context, expected) => {
    expect(runs(context)).toBe(expected);
  });
});
