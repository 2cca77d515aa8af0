import type { Logger } from "../../core/action.ts";
import {
  HttpClient,
  type HttpClientOptions,
  HttpError,
  type RequestOptions,
  serverNow,
} from "../../core/http.ts";
import {
  type Alias,
  aliasSchema,
  type Deployment,
  type DeploymentListItem,
  deploymentSchema,
  type FailedAlias,
  failedAliasesSchema,
  listSchema,
  type Project,
  projectSchema,
  type RollingRelease,
  rollingReleaseSchema,
} from "./schemas.ts";

export type {
  AliasRequest,
  Deployment,
  DeploymentListItem,
  FailedAlias,
  Project,
  RollingRelease,
} from "./schemas.ts";

/**
 * Vercel REST client: the calls a production rollback and the traffic switch need, each answer parsed with
 * zod. Knows nothing of GitHub Actions, so the CLI and the local drill use it too.
 */

export interface VercelClientOptions {
  token: string;
  /** Default `https://api.vercel.com`. */
  baseUrl?: string;
  /** Team id (`team_…`) or slug: sent on every call when given. */
  team?: string;
  log?: Logger;
  /** Overrides of the HTTP client's timeouts and retries. */
  http?: Partial<Omit<HttpClientOptions, "baseUrl" | "platform">>;
}

/** `{"error":{"code","message"}}`, Vercel's error body. */
export function vercelErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== "object") return undefined;
  return {
    code: typeof error.code === "string" ? error.code : undefined,
    message: typeof error.message === "string" ? error.message : undefined,
  };
}

/** The query parameter that scopes a call to a team: an id starts with `team_`, anything else is a slug. */
export function teamQuery(team: string | undefined): Record<string, string> {
  if (!team) return {};
  return team.startsWith("team_") ? { teamId: team } : { slug: team };
}

/** Production deployments that can still land: what `cancel-in-flight` stops. */
export const IN_FLIGHT_STATES = ["BUILDING", "QUEUED", "INITIALIZING"] as const;

const path = (template: TemplateStringsArray, ...ids: string[]) =>
  template.reduce(
    (out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] ?? "") : ""),
    "",
  );

export class VercelClient {
  readonly http: HttpClient;
  private readonly team: Record<string, string>;
  /**
   * Vercel's clock minus ours, from the last answer's Date header (whole seconds, so ±1 s). Alias jobs are
   * stamped with Vercel's clock; comparing them with the runner's would misjudge a skewed machine.
   */
  clockOffsetMs = 0;

  constructor(options: VercelClientOptions) {
    const log = options.log;
    this.team = teamQuery(options.team);
    this.http = new HttpClient({
      baseUrl: options.baseUrl ?? "https://api.vercel.com",
      platform: "Vercel",
      headers: {
        authorization: `Bearer ${options.token}`,
        "user-agent": "production-rollback/vercel",
      },
      errorDetails: vercelErrorDetails,
      onRetry: log
        ? (event) => log.info(`Vercel API: ${event.reason}, retry ${event.attempt} in ${event.delayMs} ms`)
        : undefined,
      ...options.http,
    });
  }

  /** Requests sent so far, retries included. */
  get requestCount(): number {
    return this.http.requestCount;
  }

  /** The runner's time now, on Vercel's clock. */
  serverTime(local = Date.now()): number {
    return local + this.clockOffsetMs;
  }

  private async call<T>(options: RequestOptions<T>): Promise<{ status: number; data: T }> {
    const response = await this.http.request({ ...options, query: { ...options.query, ...this.team } });
    const date = response.headers.date;
    if (date) this.clockOffsetMs = serverNow(date) - Date.now();
    return response;
  }

  async getProject(idOrName: string): Promise<Project> {
    // rollbackInfo=true is what the CLI sends: the project then carries the last rollback's description.
    const { data } = await this.call({
      path: path`/v9/projects/${idOrName}`,
      query: { rollbackInfo: true },
      schema: projectSchema,
    });
    return data;
  }

  /** One page of a project's deployments, newest first; `next` is the `until` of the following page. */
  async listDeployments(options: {
    projectId: string;
    target?: string;
    state?: readonly string[];
    limit?: number;
    until?: number;
  }): Promise<{ deployments: DeploymentListItem[]; next: number | undefined }> {
    const { data } = await this.call({
      path: "/v6/deployments",
      query: {
        projectId: options.projectId,
        target: options.target,
        state: options.state?.join(","),
        limit: options.limit,
        until: options.until,
      },
      schema: listSchema,
    });
    return { deployments: data.deployments, next: data.pagination?.next ?? undefined };
  }

  /** A deployment by id (`dpl_…`) or its own hostname (`*.vercel.app`). */
  async getDeployment(idOrUrl: string): Promise<Deployment> {
    const { data } = await this.call({ path: path`/v13/deployments/${idOrUrl}`, schema: deploymentSchema });
    return data;
  }

  /** What a custom domain or alias points at; undefined when Vercel knows no such alias (404). */
  async getAlias(host: string): Promise<Alias | undefined> {
    const { status, data } = await this.call({
      path: path`/v4/aliases/${host}`,
      schema: aliasSchema.optional(),
      acceptStatuses: [404],
    });
    return status === 404 ? undefined : data;
  }

  /** The project's rolling release, or undefined when it has none (or the plan has no rolling releases: 404). */
  async getRollingRelease(idOrName: string): Promise<RollingRelease | undefined> {
    try {
      const { data } = await this.call({
        path: path`/v1/projects/${idOrName}/rolling-release`,
        schema: rollingReleaseSchema,
      });
      return data.rollingRelease ?? undefined;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Instant rollback: re-points production domains to a deployment that served production before. */
  async requestRollback(options: {
    projectId: string;
    deploymentId: string;
    description?: string;
  }): Promise<number> {
    const { status } = await this.call({
      method: "POST",
      path: path`/v1/projects/${options.projectId}/rollback/${options.deploymentId}`,
      query: { description: options.description || undefined },
    });
    return status;
  }

  /** Promotes a production deployment; 202 means queued behind a rolling release. */
  async requestPromote(projectId: string, deploymentId: string): Promise<number> {
    const { status } = await this.call({
      method: "POST",
      path: path`/v10/projects/${projectId}/promote/${deploymentId}`,
    });
    return status;
  }

  /** Rebuilds a preview deployment with production settings: a new deployment that builds. */
  async rebuildForProduction(deploymentId: string, projectName: string): Promise<Deployment> {
    const { data } = await this.call({
      method: "POST",
      path: "/v13/deployments",
      body: { deploymentId, name: projectName, target: "production", meta: { action: "promote" } },
      schema: deploymentSchema,
    });
    return data;
  }

  /** Stops a deployment that is still building or queued; answers it with readyState CANCELED. */
  async cancelDeployment(id: string): Promise<Deployment> {
    const { data } = await this.call({
      method: "PATCH",
      path: path`/v12/deployments/${id}/cancel`,
      schema: deploymentSchema,
    });
    return data;
  }

  /** Stops all traffic to the project: visitors get 503 until it is unpaused. */
  async pauseProject(projectId: string): Promise<void> {
    await this.call({ method: "POST", path: path`/v1/projects/${projectId}/pause` });
  }

  async unpauseProject(projectId: string): Promise<void> {
    await this.call({ method: "POST", path: path`/v1/projects/${projectId}/unpause` });
  }

  /**
   * Turns auto-assignment of custom production domains on or off (`PATCH /v9/projects/{id}`, the field of
   * @vercel/sdk's UpdateProjectRequestBody): off is the pin an instant rollback leaves, and an unpause undoes.
   */
  async setAutoAssignCustomDomains(projectId: string, enabled: boolean): Promise<Project> {
    const { data } = await this.call({
      method: "PATCH",
      path: path`/v9/projects/${projectId}`,
      body: { autoAssignCustomDomains: enabled },
      schema: projectSchema,
    });
    return data;
  }

  /** Domains an alias job of this `type` could not move. */
  async failedAliases(projectId: string, type: string): Promise<FailedAlias[]> {
    // Rollbacks have only a v9 listing (the CLI's call); promotes a v1 one.
    const request =
      type === "promote"
        ? { path: path`/v1/projects/${projectId}/promote/aliases`, query: { failedOnly: true } }
        : { path: path`/v9/projects/${projectId}/rollback/aliases`, query: { failedOnly: true, limit: 20 } };
    const { data } = await this.call({ ...request, schema: failedAliasesSchema });
    return data.aliases.map((a) => ({
      alias: typeof a.alias === "string" ? a.alias : a.alias.alias,
      status: a.status,
    }));
  }
}
