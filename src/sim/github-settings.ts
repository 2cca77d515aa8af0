import type { SimResponse } from "./server.ts";

/**
 * A repository's settings that readiness reads, each answered in the shape of GitHub's REST reference:
 * "Get an environment" (protection_rules, required_reviewers), "Get rules for a branch" (active ruleset
 * rules such as pull_request) and "Get a workflow". Read-only: nothing here changes through the API.
 */
export class SimRepoSettings {
  /** Environments by name, with the logins of their required reviewers (none: no such rule). */
  readonly environments = new Map<string, { reviewers: string[] }>();
  /** Branches a ruleset requires a pull request for. */
  readonly pullRequestBranches = new Set<string>();
  private readonly workflows: () => string[];

  constructor(workflows: () => string[]) {
    this.workflows = workflows;
  }

  handle(route: string): SimResponse | undefined {
    const environment = /^GET \/environments\/([^/]+)$/.exec(route);
    if (environment) return this.environment(decodeURIComponent(environment[1] ?? ""));
    const rules = /^GET \/rules\/branches\/(.+)$/.exec(route);
    if (rules) {
      const branch = decodeURIComponent(rules[1] ?? "");
      const body = this.pullRequestBranches.has(branch)
        ? [
            {
              type: "pull_request",
              ruleset_source_type: "Repository",
              ruleset_id: 1,
              parameters: { required_approving_review_count: 1 },
            },
          ]
        : [];
      return { status: 200, body };
    }
    const workflow = /^GET \/actions\/workflows\/([^/]+)$/.exec(route);
    if (workflow) {
      const file = decodeURIComponent(workflow[1] ?? "");
      if (!this.workflows().includes(file)) return { status: 404, body: { message: "Not Found" } };
      return { status: 200, body: { id: 7, name: file, path: `.github/workflows/${file}`, state: "active" } };
    }
    return undefined;
  }

  private environment(name: string): SimResponse {
    const env = this.environments.get(name);
    if (!env) return { status: 404, body: { message: "Not Found" } };
    const reviewers = env.reviewers.map((login, i) => ({ type: "User", reviewer: { login, id: i + 1 } }));
    const protection_rules = reviewers.length
      ? [{ id: 1, type: "required_reviewers", prevent_self_review: false, reviewers }]
      : [];
    return { status: 200, body: { id: 3, name, protection_rules } };
  }
}
