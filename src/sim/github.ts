import { compare, type SimCommit } from "./github-compare.ts";
import { SimDeployments } from "./github-deployments.ts";
import { SimRepoSettings } from "./github-settings.ts";
import { type SimRequest, type SimResponse, SimServer } from "./server.ts";

export interface SimPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  html_url: string;
}

export interface SimIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "open" | "closed";
  html_url: string;
  comments: { id: number; body: string; html_url: string }[];
}

export interface SimDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
}

export interface GitHubSimulatorOptions {
  owner?: string;
  repo?: string;
  token?: string;
  defaultBranch?: string;
  /** Workflow files that exist (dispatching another answers 404, as GitHub does). */
  workflows?: string[];
  /**
   * `return_run_details` on a dispatch: `supported` answers 200 with the run (github.com since
   * 2026-02-19, per GitHub's changelog); `rejected` answers 422 naming the key (a GitHub Enterprise
   * Server that does not know it; unknown, so the pessimistic case).
   */
  runDetails?: "supported" | "rejected";
}

/**
 * The slice of GitHub's REST API the suite calls: the repository, pull requests, workflow dispatch,
 * issues and issue comments, with token checks and GitHub's error bodies (`{message, documentation_url}`).
 */
export class GitHubSimulator {
  readonly pulls: SimPull[] = [];
  readonly issues: SimIssue[] = [];
  readonly dispatches: SimDispatch[] = [];
  /** The default branch's history, oldest first: what compare reads. */
  readonly commits: SimCommit[] = [];
  /** Deployments and their statuses (notify's github-deployment). */
  readonly deployments = new SimDeployments(() => `${this.url}/repos/${this.owner}/${this.repo}`);
  /** Environments, branch rules and workflows (readiness reads them). */
  readonly settings = new SimRepoSettings(() => this.options.workflows);
  readonly server: SimServer;
  readonly owner: string;
  readonly repo: string;
  private readonly options: Required<GitHubSimulatorOptions>;
  private nextNumber = 1;
  private nextCommentId = 1000;

  constructor(options: GitHubSimulatorOptions = {}) {
    this.options = {
      owner: "acme",
      repo: "shop",
      token: "ghs_simulatedtoken0000",
      defaultBranch: "main",
      workflows: ["deploy.yml"],
      runDetails: "supported",
      ...options,
    };
    this.owner = this.options.owner;
    this.repo = this.options.repo;
    this.server = new SimServer((request) => this.handle(request));
  }

  get requests(): SimRequest[] {
    return this.server.requests;
  }

  get url(): string {
    return this.server.url;
  }

  get token(): string {
    return this.options.token;
  }

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private handle(request: SimRequest): SimResponse {
    const auth = request.headers.authorization ?? "";
    if (auth.replace(/^(token|bearer) /i, "") !== this.options.token) {
      return error(401, "Bad credentials");
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!request.path.startsWith(prefix)) return error(404, "Not Found");
    const path = request.path.slice(prefix.length) || "/";
    const route = `${request.method} ${path}`;
    const body = (typeof request.body === "object" && request.body ? request.body : {}) as Record<
      string,
      unknown
    >;

    if (route === "GET /") return { status: 200, body: this.repository() };
    const basehead = /^GET \/compare\/(.+)$/.exec(route);
    // The compare endpoint as the REST docs describe it (src/sim/github-compare.ts).
    if (basehead) return compare(this.commits, decodeURIComponent(basehead[1] ?? ""), request.query);
    if (route === "GET /pulls") return { status: 200, body: this.listPulls(request.query) };
    if (route === "POST /pulls") return this.createPull(body);
    const dispatch = /^POST \/actions\/workflows\/([^/]+)\/dispatches$/.exec(route);
    if (dispatch) return this.dispatch(decodeURIComponent(dispatch[1] ?? ""), body);
    if (route === "GET /issues") return { status: 200, body: this.listIssues(request.query) };
    if (route === "POST /issues") return this.createIssue(body);
    const update = /^PATCH \/issues\/(\d+)$/.exec(route);
    if (update) return this.updateIssue(Number(update[1]), body);
    const comment = /^POST \/issues\/(\d+)\/comments$/.exec(route);
    if (comment) return this.comment(Number(comment[1]), body);
    const deployment = this.deployments.handle(route, request.query, body);
    if (deployment) return deployment;
    const setting = this.settings.handle(route);
    if (setting) return setting;
    return error(404, "Not Found");
  }

  private html(kind: string, number: number): string {
    return `https://github.com/${this.owner}/${this.repo}/${kind}/${number}`;
  }

  private repository() {
    return {
      id: 1,
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      default_branch: this.options.defaultBranch,
      html_url: `https://github.com/${this.owner}/${this.repo}`,
    };
  }

  private pullJson(pull: SimPull) {
    return {
      ...pull,
      id: pull.number * 10,
      url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pull.number}`,
      head: { ref: pull.head, label: `${this.owner}:${pull.head}` },
      base: { ref: pull.base, label: `${this.owner}:${pull.base}` },
    };
  }

  private listPulls(query: URLSearchParams) {
    const state = query.get("state") ?? "open";
    const head = query.get("head")?.replace(/^[^:]+:/, "");
    return this.pulls
      .filter((pull) => state === "all" || pull.state === state)
      .filter((pull) => !head || pull.head === head)
      .map((pull) => this.pullJson(pull));
  }

  private createPull(body: Record<string, unknown>): SimResponse {
    const { title, head, base } = body;
    if (typeof title !== "string" || typeof head !== "string" || typeof base !== "string") {
      return error(422, "Validation Failed", [{ resource: "PullRequest", code: "missing_field" }]);
    }
    if (this.pulls.some((pull) => pull.head === head && pull.base === base && pull.state === "open")) {
      return error(422, "Validation Failed", [
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${this.owner}:${head}.`,
        },
      ]);
    }
    const number = this.nextNumber++;
    const pull: SimPull = {
      number,
      title,
      head,
      base,
      body: typeof body.body === "string" ? body.body : "",
      state: "open",
      html_url: this.html("pull", number),
    };
    this.pulls.push(pull);
    return { status: 201, body: this.pullJson(pull) };
  }

  private dispatch(workflow: string, body: Record<string, unknown>): SimResponse {
    if (!this.options.workflows.includes(workflow)) return error(404, "Not Found");
    if (typeof body.ref !== "string" || !body.ref)
      return error(422, 'Invalid request. "ref" wasn\'t supplied.');
    const inputs = (body.inputs ?? {}) as Record<string, unknown>;
    if (typeof inputs !== "object" || Array.isArray(inputs))
      return error(422, "Invalid request. Inputs must be an object.");
    const details = body.return_run_details === true;
    if (details && this.options.runDetails === "rejected")
      return error(422, 'Invalid request.\n\n"return_run_details" is not a permitted key.');
    this.dispatches.push({ workflow, ref: body.ref, inputs });
    if (!details) return { status: 204 };
    // 200 {workflow_run_id, run_url, html_url}: the run the dispatch started.
    const id = 9000 + this.dispatches.length;
    const run = `${this.owner}/${this.repo}/actions/runs/${id}`;
    return {
      status: 200,
      body: {
        workflow_run_id: id,
        run_url: `${this.url}/repos/${run}`,
        html_url: `https://github.com/${run}`,
      },
    };
  }

  private issueJson(issue: SimIssue) {
    const { comments, labels, ...rest } = issue;
    return {
      ...rest,
      id: issue.number * 10,
      comments: comments.length,
      labels: labels.map((name) => ({ name })),
    };
  }

  private listIssues(query: URLSearchParams) {
    const state = query.get("state") ?? "open";
    const labels = query.get("labels")?.split(",").filter(Boolean) ?? [];
    const perPage = Number(query.get("per_page") ?? 30);
    const page = Number(query.get("page") ?? 1);
    return this.issues
      .filter((issue) => state === "all" || issue.state === state)
      .filter((issue) => labels.every((label) => issue.labels.includes(label)))
      .sort((a, b) => b.number - a.number)
      .slice((page - 1) * perPage, page * perPage)
      .map((issue) => this.issueJson(issue));
  }

  private createIssue(body: Record<string, unknown>): SimResponse {
    if (typeof body.title !== "string" || !body.title) {
      return error(422, "Validation Failed", [{ resource: "Issue", field: "title", code: "missing_field" }]);
    }
    const number = this.nextNumber++;
    const labels = Array.isArray(body.labels)
      ? body.labels.map((label) =>
          typeof label === "string" ? label : String((label as { name?: unknown }).name),
        )
      : [];
    const issue: SimIssue = {
      number,
      title: body.title,
      body: typeof body.body === "string" ? body.body : "",
      labels,
      state: "open",
      html_url: this.html("issues", number),
      comments: [],
    };
    this.issues.push(issue);
    return { status: 201, body: this.issueJson(issue) };
  }

  /** Update an issue (REST "Update an issue"): title, body and state open/closed. */
  private updateIssue(number: number, body: Record<string, unknown>): SimResponse {
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (!issue) return error(404, "Not Found");
    if (body.state !== undefined && body.state !== "open" && body.state !== "closed") {
      return error(422, "Validation Failed", [{ resource: "Issue", field: "state", code: "invalid" }]);
    }
    if (typeof body.title === "string") issue.title = body.title;
    if (typeof body.body === "string") issue.body = body.body;
    if (body.state === "open" || body.state === "closed") issue.state = body.state;
    return { status: 200, body: this.issueJson(issue) };
  }

  private comment(number: number, body: Record<string, unknown>): SimResponse {
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (!issue) return error(404, "Not Found");
    if (typeof body.body !== "string" || !body.body) {
      return error(422, "Validation Failed", [
        { resource: "IssueComment", field: "body", code: "missing_field" },
      ]);
    }
    const id = this.nextCommentId++;
    const comment = { id, body: body.body, html_url: `${issue.html_url}#issuecomment-${id}` };
    issue.comments.push(comment);
    return { status: 201, body: comment };
  }
}

function error(status: number, message: string, errors?: unknown[]): SimResponse {
  return {
    status,
    body: { message, documentation_url: "https://docs.github.com/rest", ...(errors ? { errors } : {}) },
  };
}
