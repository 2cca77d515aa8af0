import { z } from "zod";
import type { Logger } from "../../core/action.ts";
import { HttpClient, type HttpClientOptions, HttpError } from "../../core/http.ts";
import {
  DEPLOYMENT_CANCEL_MUTATION,
  DEPLOYMENT_QUERY,
  DEPLOYMENT_REDEPLOY_MUTATION,
  DEPLOYMENT_RESTART_MUTATION,
  DEPLOYMENT_ROLLBACK_MUTATION,
  PROJECT_QUERY,
  PROJECT_TOKEN_QUERY,
  PROJECTS_QUERY,
  SERVICE_DEPLOYMENTS_QUERY,
  WORKSPACES_QUERY,
} from "./operations.ts";

export const DEFAULT_API_URL = "https://backboard.railway.com/graphql/v2";
export const USER_AGENT = "production-rollback-railway-redeploy/1.0 (+https://github.com/features/actions)";

export type TokenType = "project" | "account";

export interface RailwayClientOptions {
  token: string;
  tokenType: TokenType;
  apiUrl?: string;
  logger?: Logger;
  /** Overrides for timeouts and retries (tests, the CLI). */
  http?: Partial<Omit<HttpClientOptions, "baseUrl" | "platform" | "headers">>;
}

/** Railway answered, but with `errors[]` (usually at HTTP 200): the operation did not happen. */
export class RailwayError extends Error {
  override name = "RailwayError";
  readonly operation: string;
  readonly messages: string[];
  readonly code: string | undefined;
  constructor(operation: string, messages: string[], code?: string) {
    super(`Railway API ${operation} failed${code ? ` (${code})` : ""}: ${messages.join("; ")}`);
    this.operation = operation;
    this.messages = messages;
    this.code = code;
  }
  /** Railway's answer for a token that may not see this object (or is not the kind it was sent as). */
  get notAuthorized(): boolean {
    return this.messages.some((m) => /not authori[sz]ed|unauthori[sz]ed|forbidden|token/i.test(m));
  }
}

/** Railway refused the token itself: as the kinds it was tried as, it may read nothing. */
export class TokenRejectedError extends Error {
  override name = "TokenRejectedError";
  /** How it was sent: `project` (Project-Access-Token), `account` (Bearer), or both under `auto`. */
  readonly triedAs: TokenType[];
  readonly railwayMessages: string[];
  constructor(triedAs: TokenType[], railwayMessages: string[]) {
    super(
      `Railway rejected the token (${railwayMessages.join("; ")}), sent as ${triedAs.map((t) => (t === "project" ? "a project token" : "an account/workspace token")).join(" and as ")}.`,
    );
    this.triedAs = triedAs;
    this.railwayMessages = railwayMessages;
  }
}

/** The mutation answered `false`: Railway did not do it. */
export class RefusedError extends Error {
  override name = "RefusedError";
  readonly operation: string;
  constructor(operation: string) {
    super(`Railway answered false to ${operation}: it did not act.`);
    this.operation = operation;
  }
}

const gqlError = z
  .object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).loose().optional() })
  .loose();
const envelope = z.object({ data: z.unknown().optional(), errors: z.array(gqlError).optional() }).loose();

export const deploymentSchema = z
  .object({
    id: z.string(),
    // Railway adds statuses over time: read them as text, never as a closed enum.
    status: z.string(),
    createdAt: z.string(),
    canRollback: z.boolean().optional(),
    canRedeploy: z.boolean().optional(),
    meta: z.unknown().optional(),
    serviceId: z.string().nullable().optional(),
    environmentId: z.string().optional(),
  })
  .loose();
export type Deployment = z.infer<typeof deploymentSchema>;

const named = z.object({ id: z.string(), name: z.string() });
export type Named = z.infer<typeof named>;
const edgesOf = <T extends z.ZodType>(node: T) => z.object({ edges: z.array(z.object({ node })) });

const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  services: edgesOf(named),
  environments: edgesOf(named),
});
const projectTokenData = z.object({
  projectToken: z.object({ projectId: z.string(), environmentId: z.string(), project: projectSchema }),
});
const projectData = z.object({ project: projectSchema });
const projectsData = z.object({ projects: edgesOf(named) });
const workspacesData = z.object({ me: z.object({ workspaces: z.array(named) }) });
const cancelData = z.object({ deploymentCancel: z.boolean() });
const serviceDeploymentsData = z.object({
  serviceInstance: z.object({ activeDeployments: z.array(deploymentSchema) }).nullable(),
  deployments: edgesOf(deploymentSchema),
});
const deploymentData = z.object({ deployment: deploymentSchema });
const rollbackData = z.object({ deploymentRollback: z.boolean() });
const redeployData = z.object({ deploymentRedeploy: deploymentSchema });
const restartData = z.object({ deploymentRestart: z.boolean() });

export interface Project {
  id: string;
  name: string;
  services: Named[];
  environments: Named[];
}

export interface ServiceDeployments {
  /** Serving now, newest first (more than one while an overlap drains). */
  active: Deployment[];
  /** Recent deployments, newest first. */
  deployments: Deployment[];
}

/** A Railway GraphQL client: queries may be retried, mutations never are. */
export class RailwayClient {
  readonly tokenType: TokenType;
  readonly apiUrl: string;
  private readonly http: HttpClient;
  readonly logger: Logger;
  /** Requests made outside this client's HTTP (subscriptions opened, the token probe), one each. */
  extraRequests = 0;

  constructor(options: RailwayClientOptions) {
    this.tokenType = options.tokenType;
    this.apiUrl = options.apiUrl ?? DEFAULT_API_URL;
    this.logger = options.logger ?? { info: () => {}, warn: () => {}, debug: () => {} };
    this.http = new HttpClient({
      baseUrl: this.apiUrl,
      platform: "Railway",
      headers: { ...authHeaders(options.token, options.tokenType), "user-agent": USER_AGENT },
      errorDetails: (body) => {
        const parsed = envelope.safeParse(body);
        const first = parsed.success ? parsed.data.errors?.[0] : undefined;
        return first ? { code: first.extensions?.code, message: first.message } : undefined;
      },
      onRetry: ({ attempt, delayMs, reason }) =>
        this.logger.info(
          `Railway API: ${reason}, retrying in ${Math.round(delayMs / 100) / 10}s (retry ${attempt})`,
        ),
      ...options.http,
    });
  }

  /** The headers a WebSocket upgrade needs (auth and User-Agent). */
  get headers(): Record<string, string> {
    return { ...this.http.options.headers };
  }

  /** HTTP requests made (retries included) plus subscriptions opened. */
  get requestCount(): number {
    return this.http.requestCount + this.extraRequests;
  }

  private async send<T>(
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    schema: z.ZodType<T>,
    mutation: boolean,
  ): Promise<T> {
    const response = await this.http.request({
      method: "POST",
      path: "",
      body: { operationName: operation, query, variables },
      schema: envelope,
      safeToRetry: !mutation,
    });
    const { data, errors } = response.data;
    if (errors?.length) {
      throw new RailwayError(
        operation,
        errors.map((e) => e.message),
        errors[0]?.extensions?.code,
      );
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RailwayError(operation, [
        `answer not understood (${issue?.path.join(".") || "data"}: ${issue?.message})`,
      ]);
    }
    return parsed.data;
  }

  /** A read-only operation kept beside its own feature (metrics.ts): retried like every query. */
  async query<T>(
    operation: string,
    document: string,
    variables: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    return this.send(operation, document, variables, schema, false);
  }

  /** A mutation kept beside its own feature: sent once, never retried. */
  async mutate<T>(
    operation: string,
    document: string,
    variables: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    return this.send(operation, document, variables, schema, true);
  }

  /** A project token's scope and its project, in one read. */
  async projectToken(): Promise<{ projectId: string; environmentId: string; project: Project }> {
    const { projectToken } = await this.send(
      "ProjectToken",
      PROJECT_TOKEN_QUERY,
      {},
      projectTokenData,
      false,
    );
    return { ...projectToken, project: flatProject(projectToken.project) };
  }

  async project(id: string): Promise<Project> {
    const { project } = await this.send("Project", PROJECT_QUERY, { id }, projectData, false);
    return flatProject(project);
  }

  /** Without a workspace: the personal account's projects only. */
  async projects(workspaceId?: string): Promise<Named[]> {
    const data = await this.send("Projects", PROJECTS_QUERY, { workspaceId }, projectsData, false);
    return data.projects.edges.map((e) => e.node);
  }

  /** The workspaces of the token's user (an account token; a workspace token has no user). */
  async workspaces(): Promise<Named[]> {
    return (await this.send("Workspaces", WORKSPACES_QUERY, {}, workspacesData, false)).me.workspaces;
  }

  async serviceDeployments(
    projectId: string,
    environmentId: string,
    serviceId: string,
    first = 20,
  ): Promise<ServiceDeployments> {
    const data = await this.send(
      "ServiceDeployments",
      SERVICE_DEPLOYMENTS_QUERY,
      { projectId, environmentId, serviceId, first },
      serviceDeploymentsData,
      false,
    );
    return {
      active: newestFirst(data.serviceInstance?.activeDeployments ?? []),
      deployments: newestFirst(data.deployments.edges.map((e) => e.node)),
    };
  }

  async deployment(id: string): Promise<Deployment> {
    return (await this.send("Deployment", DEPLOYMENT_QUERY, { id }, deploymentData, false)).deployment;
  }

  /** Railway answers `true` (else RefusedError); the new deployment must be found by reading the service. */
  async rollback(id: string): Promise<void> {
    const data = await this.send(
      "DeploymentRollback",
      DEPLOYMENT_ROLLBACK_MUTATION,
      { id },
      rollbackData,
      true,
    );
    if (!data.deploymentRollback) throw new RefusedError("DeploymentRollback");
  }

  /** Stops a queued, building or deploying deployment (RefusedError when Railway answers false). */
  async cancel(id: string): Promise<void> {
    const data = await this.send("DeploymentCancel", DEPLOYMENT_CANCEL_MUTATION, { id }, cancelData, true);
    if (!data.deploymentCancel) throw new RefusedError("DeploymentCancel");
  }

  /** Same source, new build (usePreviousImageTag false). */
  async redeploy(id: string): Promise<Deployment> {
    const data = await this.send(
      "DeploymentRedeploy",
      DEPLOYMENT_REDEPLOY_MUTATION,
      { id, usePreviousImageTag: false },
      redeployData,
      true,
    );
    return data.deploymentRedeploy;
  }

  async restart(id: string): Promise<void> {
    const data = await this.send("DeploymentRestart", DEPLOYMENT_RESTART_MUTATION, { id }, restartData, true);
    if (!data.deploymentRestart) throw new RefusedError("DeploymentRestart");
  }
}

function flatProject(project: z.infer<typeof projectSchema>): Project {
  return {
    id: project.id,
    name: project.name,
    services: project.services.edges.map((e) => e.node),
    environments: project.environments.edges.map((e) => e.node),
  };
}

export function authHeaders(token: string, tokenType: TokenType): Record<string, string> {
  return tokenType === "project" ? { "project-access-token": token } : { authorization: `Bearer ${token}` };
}

function newestFirst(deployments: Deployment[]): Deployment[] {
  return [...deployments].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export interface DetectedToken {
  client: RailwayClient;
  /** Set for a project token: the one project and environment it may act on, and the project. */
  scope?: { projectId: string; environmentId: string; project: Project };
  /** `auto` found it is not a project token: an account-side refusal then means Railway rejects it outright. */
  probedAsProject?: string[];
}

/**
 * Resolves `auto` by asking Railway rather than guessing from the token's shape (both kinds look alike):
 * `projectToken` sent with the `Project-Access-Token` header answers the token's scope only for a project
 * token; any other token gets `errors[]`, and is then used as an account/workspace token (`Bearer`), which
 * the next read confirms. For an explicit type, a project token's scope is read the same way.
 */
export async function connect(
  options: Omit<RailwayClientOptions, "tokenType"> & { tokenType: TokenType | "auto" },
): Promise<DetectedToken> {
  if (options.tokenType === "account")
    return { client: new RailwayClient({ ...options, tokenType: "account" }) };
  const asProject = new RailwayClient({ ...options, tokenType: "project" });
  try {
    return { client: asProject, scope: await asProject.projectToken() };
  } catch (error) {
    const refused = error instanceof RailwayError;
    const rejected = refused || (error instanceof HttpError && [401, 403].includes(error.status ?? 0));
    if (!rejected) throw error;
    const messages = refused ? error.messages : [error.message];
    if (options.tokenType === "project") throw new TokenRejectedError(["project"], messages);
    const account = new RailwayClient({ ...options, tokenType: "account" });
    account.extraRequests += asProject.requestCount;
    options.logger?.info(
      "The token is not a project token; using it as an account/workspace token (Bearer).",
    );
    return { client: account, probedAsProject: messages };
  }
}
