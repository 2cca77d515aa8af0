import type { SimResponse } from "./server.ts";

// GitHub deployments (docs.github.com/rest/deployments): POST /deployments → 201 (202 `{message}` only after an
// auto-merge, which auto_merge: false rules out); a status per POST /deployments/{id}/statuses; list filtered
// by environment and task. Without `required_contexts: []` GitHub checks the ref's commit statuses (409 when
// they do not pass), so the simulator refuses a create that omits it.
export const DEPLOYMENT_STATES = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
];

export interface SimDeployment {
  id: number;
  ref: string;
  environment: string;
  task: string;
  payload: unknown;
  description: string | null;
  productionEnvironment: boolean;
  statuses: { state: string; log_url?: string; environment_url?: string; description?: string }[];
}

type Body = Record<string, unknown>;

export class SimDeployments {
  readonly deployments: SimDeployment[] = [];
  private nextId = 500;
  private readonly base: () => string;

  constructor(base: () => string) {
    this.base = base;
  }

  /** Answers the deployment routes (path relative to /repos/{o}/{r}), or undefined for any other path. */
  handle(route: string, query: URLSearchParams, body: Body): SimResponse | undefined {
    if (route === "GET /deployments") return { status: 200, body: this.list(query) };
    if (route === "POST /deployments") return this.create(body);
    const status = /^POST \/deployments\/(\d+)\/statuses$/.exec(route);
    if (status) return this.addStatus(Number(status[1]), body);
    const list = /^GET \/deployments\/(\d+)\/statuses$/.exec(route);
    if (list) {
      const deployment = this.deployments.find((d) => d.id === Number(list[1]));
      return deployment ? { status: 200, body: [...deployment.statuses].reverse() } : notFound();
    }
    return undefined;
  }

  private json(d: SimDeployment) {
    return {
      id: d.id,
      ref: d.ref,
      sha: d.ref,
      environment: d.environment,
      task: d.task,
      payload: d.payload,
      description: d.description,
      production_environment: d.productionEnvironment,
      url: `${this.base()}/deployments/${d.id}`,
    };
  }

  private list(query: URLSearchParams) {
    const environment = query.get("environment");
    const task = query.get("task");
    const perPage = Number(query.get("per_page") ?? 30);
    return this.deployments
      .filter((d) => (!environment || d.environment === environment) && (!task || d.task === task))
      .reverse()
      .slice(0, perPage)
      .map((d) => this.json(d));
  }

  private create(body: Body): SimResponse {
    if (typeof body.ref !== "string" || !body.ref) return invalid("ref", "missing_field");
    if (!Array.isArray(body.required_contexts)) {
      return { status: 409, body: { message: `Conflict: Commit status checks failed for ${body.ref}` } };
    }
    const deployment: SimDeployment = {
      id: this.nextId++,
      ref: body.ref,
      environment: typeof body.environment === "string" ? body.environment : "production",
      task: typeof body.task === "string" ? body.task : "deploy",
      payload: body.payload ?? {},
      description: typeof body.description === "string" ? body.description : null,
      // docs.github.com/rest/deployments: production_environment defaults to true only for "production".
      productionEnvironment:
        typeof body.production_environment === "boolean"
          ? body.production_environment
          : body.environment === "production" || body.environment === undefined,
      statuses: [],
    };
    this.deployments.push(deployment);
    return { status: 201, body: this.json(deployment) };
  }

  private addStatus(id: number, body: Body): SimResponse {
    const deployment = this.deployments.find((d) => d.id === id);
    if (!deployment) return notFound();
    if (!DEPLOYMENT_STATES.includes(String(body.state))) return invalid("state", "invalid");
    const status = {
      state: String(body.state),
      ...(typeof body.log_url === "string" ? { log_url: body.log_url } : {}),
      ...(typeof body.environment_url === "string" ? { environment_url: body.environment_url } : {}),
      ...(typeof body.description === "string" ? { description: body.description } : {}),
    };
    deployment.statuses.push(status);
    return { status: 201, body: { id: deployment.statuses.length, ...status } };
  }
}

function notFound(): SimResponse {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
}

function invalid(field: string, code: string): SimResponse {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ resource: "Deployment", field, code }],
      documentation_url: "https://docs.github.com/rest",
    },
  };
}
