import { z } from "zod";
import { HttpClient, type HttpClientOptions } from "../../core/http.ts";

/**
 * Vercel REST client: the calls a production rollback needs, each response parsed with zod. Knows nothing
 * of GitHub Actions, so the CLI and the local drill use it too. Platform enums are read as plain strings:
 * Vercel adds values, and an unknown one must not break a rollback.
 */

const aliasRequestSchema = z.object({
  fromDeploymentId: z.string().nullable().optional(),
  toDeploymentId: z.string(),
  jobStatus: z.string(),
  requestedAt: z.number(),
  type: z.string(),
});

const productionTargetSchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  createdAt: z.number().optional(),
  readyState: z.string().optional(),
  readySubstate: z.string().optional(),
  alias: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.string()).optional(),
});

const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string().optional(),
  autoAssignCustomDomains: z.boolean().optional(),
  targets: z.record(z.string(), productionTargetSchema.nullable()).optional(),
  lastAliasRequest: aliasRequestSchema.nullable().optional(),
});

const listItemSchema = z.object({
  uid: z.string(),
  name: z.string().optional(),
  url: z.string(),
  createdAt: z.number(),
  readyState: z.string(),
  readySubstate: z.string().optional(),
  target: z.string().nullable().optional(),
  isRollbackCandidate: z.boolean().nullable().optional(),
  meta: z.record(z.string(), z.string()).optional(),
});

const listSchema = z.object({
  deployments: z.array(listItemSchema),
  pagination: z.object({ count: z.number().optional(), next: z.number().nullable().optional() }).optional(),
});

const deploymentSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  url: z.string(),
  projectId: z.string().optional(),
  createdAt: z.number().optional(),
  readyState: z.string(),
  readySubstate: z.string().optional(),
  target: z.string().nullable().optional(),
  alias: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  errorMessage: z.string().nullable().optional(),
});

const aliasesSchema = z.object({
  aliases: z
    .array(z.object({ alias: z.string(), id: z.string().optional(), status: z.string() }))
    .default([]),
});

export type Project = z.infer<typeof projectSchema>;
export type AliasRequest = z.infer<typeof aliasRequestSchema>;
export type DeploymentListItem = z.infer<typeof listItemSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type FailedAlias = z.infer<typeof aliasesSchema>["aliases"][number];

export interface VercelClientOptions {
  token: string;
  /** Default `https://api.vercel.com`. */
  baseUrl?: string;
  /** Team id (`team_…`) or slug: sent on every call when given. */
  team?: string;
  log?: (line: string) => void;
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

export class VercelClient {
  readonly http: HttpClient;
  private readonly team: Record<string, string>;

  constructor(options: VercelClientOptions) {
    const log = options.log;
    this.team = teamQuery(options.team);
    this.http = new HttpClient({
      baseUrl: options.baseUrl ?? "https://api.vercel.com",
      platform: "Vercel",
      headers: {
        authorization: `Bearer ${options.token}`,
        "user-agent": "production-rollback/vercel-promote",
      },
      errorDetails: vercelErrorDetails,
      onRetry: log
        ? (event) => log(`Vercel API: ${event.reason}, retry ${event.attempt} in ${event.delayMs} ms`)
        : undefined,
      ...options.http,
    });
  }

  /** Requests sent so far, retries included. */
  get requestCount(): number {
    return this.http.requestCount;
  }

  async getProject(idOrName: string): Promise<Project> {
    const { data } = await this.http.request({
      path: `/v9/projects/${encodeURIComponent(idOrName)}`,
      query: this.team,
      schema: projectSchema,
    });
    return data;
  }

  /** One page of a project's deployments, newest first; `next` is the `until` of the following page. */
  async listDeployments(options: {
    projectId: string;
    target?: string;
    limit?: number;
    until?: number;
  }): Promise<{ deployments: DeploymentListItem[]; next: number | undefined }> {
    const { data } = await this.http.request({
      path: "/v6/deployments",
      query: {
        projectId: options.projectId,
        target: options.target,
        limit: options.limit,
        until: options.until,
        ...this.team,
      },
      schema: listSchema,
    });
    return { deployments: data.deployments, next: data.pagination?.next ?? undefined };
  }

  /** A deployment by id (`dpl_…`) or hostname. */
  async getDeployment(idOrUrl: string): Promise<Deployment> {
    const { data } = await this.http.request({
      path: `/v13/deployments/${encodeURIComponent(idOrUrl)}`,
      query: this.team,
      schema: deploymentSchema,
    });
    return data;
  }

  /** Instant rollback: re-points production domains to a deployment that served production before. */
  async requestRollback(projectId: string, deploymentId: string, description?: string): Promise<number> {
    const { status } = await this.http.request({
      method: "POST",
      path: `/v1/projects/${encodeURIComponent(projectId)}/rollback/${encodeURIComponent(deploymentId)}`,
      query: { description: description || undefined, ...this.team },
    });
    return status;
  }

  /** Promotes a production deployment; 202 means queued behind a rolling release. */
  async requestPromote(projectId: string, deploymentId: string): Promise<number> {
    const { status } = await this.http.request({
      method: "POST",
      path: `/v10/projects/${encodeURIComponent(projectId)}/promote/${encodeURIComponent(deploymentId)}`,
      query: this.team,
    });
    return status;
  }

  /** Rebuilds a preview deployment with production settings: a new deployment that builds. */
  async rebuildForProduction(deploymentId: string, projectName: string): Promise<Deployment> {
    const { data } = await this.http.request({
      method: "POST",
      path: "/v13/deployments",
      query: this.team,
      body: { deploymentId, name: projectName, target: "production", meta: { action: "promote" } },
      schema: deploymentSchema,
    });
    return data;
  }

  /** Domains an alias job of this `type` could not move. */
  async failedAliases(projectId: string, type: string): Promise<FailedAlias[]> {
    const { data } = await this.http.request({
      path: `/v1/projects/${encodeURIComponent(projectId)}/${type === "promote" ? "promote" : "rollback"}/aliases`,
      query: { failedOnly: true, ...this.team },
      schema: aliasesSchema,
    });
    return data.aliases;
  }
}
