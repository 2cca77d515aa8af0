import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { buildSchema, type DocumentNode, GraphQLError, graphql, parse, subscribe, validate } from "graphql";
import { WebSocketServer } from "ws";
import { RAILWAY_ENVIRONMENT_SDL } from "./railway-environment.ts";
import { RAILWAY_METRICS_SDL, RailwayTraffic, railwayMetricsResolvers } from "./railway-metrics.ts";
import {
  environmentVolumeFields,
  RAILWAY_VOLUMES_SDL,
  RailwayVolumes,
  railwayVolumesResolvers,
} from "./railway-volumes.ts";
import { type Fault, type SimRequest, type SimResponse, SimServer } from "./server.ts";

/**
 * The subset of Railway's public GraphQL schema the simulator serves. Names and argument types follow
 * `railway-public-schema.graphql`, so an operation valid here is checked against the real one in tests.
 * `DeploymentStatus` is Railway's enum, served as text so the simulator can play a status the action
 * does not know.
 */
export const RAILWAY_SIM_SCHEMA = `
scalar DateTime
scalar DeploymentMeta
scalar DeploymentStatus
scalar EnvironmentVariables

type Deployment {
  id: ID!
  status: DeploymentStatus!
  createdAt: DateTime!
  updatedAt: DateTime!
  statusUpdatedAt: DateTime
  canRollback: Boolean!
  canRedeploy: Boolean!
  deploymentStopped: Boolean!
  meta: DeploymentMeta
  projectId: String!
  environmentId: String!
  serviceId: String
  staticUrl: String
  url: String
}

type DeploymentSnapshot { id: ID! createdAt: DateTime! updatedAt: DateTime! variables: EnvironmentVariables! }
type Variable { id: ID! name: String! isSealed: Boolean! serviceId: String environmentId: String }
type EnvironmentVariablesConnectionEdge { cursor: String! node: Variable! }
type EnvironmentVariablesConnection { edges: [EnvironmentVariablesConnectionEdge!]! pageInfo: PageInfo! }
type Workspace { id: ID! name: String! }
type User { id: ID! name: String workspaces: [Workspace!]! }
type ServiceInstanceAutoDeployStatus { canEnable: Boolean! enabled: Boolean! reason: String }
type ServiceInstanceAutoDeployUpdateResult { enabled: Boolean! }
input ServiceInstanceAutoDeployUpdateInput { enabled: Boolean! environmentId: String! projectId: String! serviceId: String! }
input DeploymentStatusInput { in: [DeploymentStatus!] notIn: [DeploymentStatus!] }

type Service { id: ID! name: String! projectId: String! }
type Environment {
  id: ID!
  name: String!
  projectId: String!
  variables(after: String, before: String, first: Int, last: Int): EnvironmentVariablesConnection!
}
type PageInfo { endCursor: String hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String }
type ProjectServicesConnectionEdge { cursor: String! node: Service! }
type ProjectServicesConnection { edges: [ProjectServicesConnectionEdge!]! pageInfo: PageInfo! }
type ProjectEnvironmentsConnectionEdge { cursor: String! node: Environment! }
type ProjectEnvironmentsConnection { edges: [ProjectEnvironmentsConnectionEdge!]! pageInfo: PageInfo! }

type Project {
  id: ID!
  name: String!
  services(after: String, before: String, first: Int, last: Int): ProjectServicesConnection!
  environments(after: String, before: String, first: Int, isEphemeral: Boolean, last: Int): ProjectEnvironmentsConnection!
}
type QueryProjectsConnectionEdge { cursor: String! node: Project! }
type QueryProjectsConnection { edges: [QueryProjectsConnectionEdge!]! pageInfo: PageInfo! }
type QueryDeploymentsConnectionEdge { cursor: String! node: Deployment! }
type QueryDeploymentsConnection { edges: [QueryDeploymentsConnectionEdge!]! pageInfo: PageInfo! }

type ProjectToken { id: ID! name: String! projectId: String! environmentId: String! project: Project! }

type ServiceInstance {
  id: ID!
  serviceId: String!
  serviceName: String!
  environmentId: String!
  activeDeployments: [Deployment!]!
  latestDeployment: Deployment
}

input DeploymentListInput {
  environmentId: String
  includeDeleted: Boolean
  projectId: String
  serviceId: String
  status: DeploymentStatusInput
}

type Query {
  projectToken: ProjectToken!
  project(id: String!): Project!
  projects(after: String, before: String, first: Int, includeDeleted: Boolean, last: Int, userId: String, workspaceId: String): QueryProjectsConnection!
  serviceInstance(environmentId: String!, serviceId: String!): ServiceInstance!
  deployments(after: String, before: String, first: Int, input: DeploymentListInput!, last: Int): QueryDeploymentsConnection!
  deployment(id: String!): Deployment!
  me: User!
  environment(id: String!, projectId: String): Environment!
  deploymentSnapshot(deploymentId: String!): DeploymentSnapshot
  variables(environmentId: String!, projectId: String!, serviceId: String, unrendered: Boolean): EnvironmentVariables!
  serviceInstanceAutoDeployStatus(environmentId: String!, projectId: String!, serviceId: String!): ServiceInstanceAutoDeployStatus!
}

type Mutation {
  deploymentRollback(id: String!): Boolean!
  deploymentRedeploy(id: String!, usePreviousImageTag: Boolean): Deployment!
  deploymentRestart(id: String!): Boolean!
  deploymentCancel(id: String!): Boolean!
  deploymentStop(id: String!): Boolean!
  serviceInstanceAutoDeployUpdate(input: ServiceInstanceAutoDeployUpdateInput!): ServiceInstanceAutoDeployUpdateResult!
}

type Subscription {
  deployment(id: String!): Deployment!
}
`;

export interface SimDeployment {
  id: string;
  projectId: string;
  environmentId: string;
  serviceId: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  /** Unset: computed from the image retention. */
  canRollback?: boolean;
  canRedeploy: boolean;
  meta: Record<string, unknown>;
  /** The service's variables when it was made: what `deploymentSnapshot` answers, and what a rollback restores. */
  variables: Record<string, string>;
  /** `deploymentStop` stopped its instances (the schema's `deploymentStopped`); its status is kept. */
  stopped?: boolean;
}

/** Service variables in one environment. `sealed` names never come back through the API (PLATFORMS.md). */
export interface SimVariables {
  values: Record<string, string>;
  sealed: Set<string>;
}

export interface RailwaySeed {
  projects: Array<{
    id: string;
    name: string;
    environments: Array<{ id: string; name: string }>;
    services: Array<{ id: string; name: string }>;
    /** Unset: a personal-account project (the only kind root `projects` lists). */
    workspaceId?: string;
  }>;
  /** The workspaces an account token's user belongs to (`me { workspaces }`). */
  workspaces?: Array<{ id: string; name: string }>;
  /**
   * Each service's current variables in its default environment, by service name or id; `sealed`: names
   * whose values Railway never returns.
   */
  variables?: Record<string, { values: Record<string, string>; sealed?: string[] }>;
  /** `createdAt`: epoch ms, an ISO date, or a negative number of ms before the simulator starts. */
  deployments?: Array<
    Omit<SimDeployment, "createdAt" | "updatedAt" | "canRedeploy" | "meta" | "projectId" | "variables"> & {
      createdAt?: number | string;
      canRedeploy?: boolean;
      meta?: Record<string, unknown>;
      projectId?: string;
      variables?: Record<string, string>;
    }
  >;
  tokens?: {
    /** Account or workspace tokens (Bearer), allowed every project. */
    account?: string[];
    /** Project tokens (Project-Access-Token), each scoped to one environment of one project. */
    project?: Array<{ token: string; projectId: string; environmentId: string }>;
  };
  timing?: Partial<Timing>;
  /** Images older than this can no longer be rolled back to (`canRollback: false`). */
  imageRetentionMs?: number;
  /** Requests per window per token; beyond it, 429 with Retry-After in seconds. */
  rateLimit?: { max: number; windowMs: number };
}

export interface Timing {
  initializingMs: number;
  buildingMs: number;
  deployingMs: number;
}

/** How the next deployments of a service behave. */
export interface ServiceBehavior {
  /**
   * Statuses the new deployment goes through after DEPLOYING, one per `deployingMs`; the last one stays.
   * Default `["SUCCESS"]`. `["CRASHED"]` crashes after deploying; `["HIBERNATING"]` is a status the action
   * does not know.
   */
  outcome?: string[];
  /** A git push deploying at the same moment as the next rollback or redeploy. */
  raceDeploy?: { durationMs?: number; outcome?: string };
}

/**
 * Faults: those of SimServer, optionally limited to one GraphQL operation, plus
 * - `graphql-error`: HTTP 200 with `errors[]` and this message;
 * - `graphql-data`: HTTP 200 with this `data` instead of running the operation (`deploymentRollback: false`);
 * - `finish-during-cancel`: the deployment a `deploymentCancel` names finishes (SUCCESS) just before the
 *   cancel arrives, which Railway then refuses;
 * - `ws-refuse`: refuse WebSocket upgrades; `ws-silent`: acknowledge subscriptions but never send updates.
 */
export type RailwayFault =
  | (Fault & { operation?: string })
  | { kind: "graphql-error"; operation?: string; message: string; times?: number }
  | { kind: "graphql-data"; operation: string; data: Record<string, unknown>; times?: number }
  | { kind: "finish-during-cancel"; times?: number }
  | { kind: "ws-refuse" | "ws-silent"; times?: number };

type Auth =
  | { kind: "project"; token: string; projectId: string; environmentId: string }
  | { kind: "account"; token: string }
  | { kind: "none"; reason: string };

const DEFAULT_TIMING: Timing = { initializingMs: 30, buildingMs: 60, deployingMs: 60 };
const ACTIVE = new Set(["SUCCESS", "SLEEPING"]);
const IN_PROGRESS = new Set(["INITIALIZING", "BUILDING", "DEPLOYING", "QUEUED", "WAITING"]);

function operationName(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const { operationName: name, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof name === "string") return name;
  if (typeof query !== "string") return undefined;
  return /(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1];
}

/**
 * A local Railway: GraphQL over HTTP and graphql-transport-ws on the same port, projects, environments,
 * services and deployments that move through statuses over time, image retention, token scoping, rate
 * limits and injectable faults.
 */
export class RailwaySimulator {
  readonly server: SimServer;
  readonly schema = buildSchema(
    RAILWAY_SIM_SCHEMA + RAILWAY_METRICS_SDL + RAILWAY_ENVIRONMENT_SDL + RAILWAY_VOLUMES_SDL,
  );
  /** Volume instances, backups, restore workflows and staged changes (database-restore). */
  readonly volumes = new RailwayVolumes({
    redeploy: (serviceId, environmentId) => {
      const { projectId } = this.service(serviceId);
      const variables = { ...this.instance(serviceId, environmentId).variables.values };
      this.create(
        { projectId, environmentId, serviceId },
        { reason: "deploy" },
        this.lifecycle(serviceId, false),
        { variables },
      );
    },
    addService: (projectId, name) => {
      const service = { id: randomUUID(), name };
      this.seed.projects.find((p) => p.id === projectId)?.services.push(service);
      return service.id;
    },
  });
  /** HTTP metrics per service (analyze): a bad deployment serving raises its error rate and latency. */
  readonly traffic = new RailwayTraffic((serviceId, environmentId) =>
    BAD_DEPLOYMENT_IDS.has(this.activeDeployment(serviceId, environmentId)?.id ?? ""),
  );
  private readonly seed: RailwaySeed;
  private readonly timing: Timing;
  private readonly deploymentsById = new Map<string, SimDeployment>();
  private readonly behaviors = new Map<string, ServiceBehavior>();
  private readonly graphqlFaults: Array<{ operation?: string; message: string; times: number }> = [];
  private readonly wsFaults: Array<{ kind: "ws-refuse" | "ws-silent"; times: number }> = [];
  private readonly dataFaults: Array<{ operation: string; data: Record<string, unknown>; times: number }> =
    [];
  private cancelRaces = 0;
  /** Per service instance (`serviceId:environmentId`): its variables and whether pushes auto-deploy. */
  private readonly instances = new Map<string, { variables: SimVariables; autoDeploy: boolean }>();
  private readonly listeners = new Set<(deployment: SimDeployment, previous: string | undefined) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly rate = new Map<string, number[]>();
  private wss: WebSocketServer | undefined;
  private lastTime = 0;
  url = "";

  constructor(
    seed: RailwaySeed,
    options: { onChange?: (deployment: SimDeployment, previous: string | undefined) => void } = {},
  ) {
    this.seed = seed;
    this.timing = { ...DEFAULT_TIMING, ...seed.timing };
    if (options.onChange) this.listeners.add(options.onChange);
    const started = Date.now();
    for (const [idOrName, vars] of Object.entries(seed.variables ?? {})) {
      const service = this.service(idOrName);
      this.instance(service.id, this.environment(service.projectId).id).variables = {
        values: { ...vars.values },
        sealed: new Set(vars.sealed),
      };
    }
    for (const d of seed.deployments ?? []) {
      const service = this.service(d.serviceId);
      const createdAt =
        typeof d.createdAt === "string"
          ? Date.parse(d.createdAt)
          : d.createdAt === undefined
            ? this.now()
            : d.createdAt < 0
              ? started + d.createdAt
              : d.createdAt;
      const environmentId = this.environment(service.projectId, d.environmentId).id;
      this.deploymentsById.set(d.id, {
        ...d,
        serviceId: service.id,
        projectId: d.projectId ?? service.projectId,
        environmentId,
        createdAt,
        updatedAt: createdAt,
        canRedeploy: d.canRedeploy ?? true,
        meta: d.meta ?? {},
        variables: d.variables ?? { ...this.instance(service.id, environmentId).variables.values },
      });
    }
    this.server = new SimServer((request) => this.handle(request));
  }

  /** Every request received; WebSocket subscriptions appear with method "WS". */
  get requests(): SimRequest[] {
    return this.server.requests;
  }

  /** Operation names received, in order. */
  operations(): string[] {
    return this.requests.map((r) => operationName(r.body) ?? "?");
  }

  async start(port = 0, host = "127.0.0.1"): Promise<string> {
    const base = await this.server.start(port, host);
    this.wss = new WebSocketServer({
      server: this.server.httpServer,
      path: "/graphql/v2",
      handleProtocols: (protocols) =>
        protocols.has("graphql-transport-ws") ? "graphql-transport-ws" : false,
      verifyClient: (_info, callback) => {
        const fault = this.wsFaults.find((f) => f.kind === "ws-refuse");
        if (fault && --fault.times <= 0) this.wsFaults.splice(this.wsFaults.indexOf(fault), 1);
        callback(!fault, 503, "Service Unavailable");
      },
    });
    this.wss.on("connection", (socket, request) => this.serveSocket(socket, request));
    this.url = `${base}/graphql/v2`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await this.server.stop();
  }

  inject(fault: RailwayFault): this {
    if (fault.kind === "graphql-error") {
      this.graphqlFaults.push({
        operation: fault.operation,
        message: fault.message,
        times: fault.times ?? 1,
      });
    } else if (fault.kind === "graphql-data") {
      this.dataFaults.push({ operation: fault.operation, data: fault.data, times: fault.times ?? 1 });
    } else if (fault.kind === "finish-during-cancel") {
      this.cancelRaces += fault.times ?? 1;
    } else if (fault.kind === "ws-refuse" || fault.kind === "ws-silent") {
      this.wsFaults.push({ kind: fault.kind, times: fault.times ?? 1 });
    } else {
      const { operation, ...rest } = fault as Fault & { operation?: string };
      const when = operation ? (r: SimRequest) => operationName(r.body) === operation : undefined;
      this.server.inject({ ...rest, match: { ...rest.match, ...(when ? { when } : {}) } });
    }
    return this;
  }

  behave(serviceIdOrName: string, behavior: ServiceBehavior): this {
    this.behaviors.set(this.service(serviceIdOrName).id, behavior);
    return this;
  }

  /**
   * A git push to the service's branch: a deployment builds, deploys and replaces the active one, unless
   * auto-deploy is paused (`serviceInstanceAutoDeployUpdate`), when Railway deploys nothing (PLATFORMS.md).
   * `durationMs` splits ¼ building, ½ deploying, ¼ to the outcome. Returns the deployment, if any.
   */
  push(
    serviceIdOrName: string,
    options: {
      environment?: string;
      durationMs?: number;
      outcome?: string;
      meta?: Record<string, unknown>;
    } = {},
  ): SimDeployment | undefined {
    const service = this.service(serviceIdOrName);
    const environmentId = this.environment(service.projectId, options.environment).id;
    if (!this.instance(service.id, environmentId).autoDeploy) return undefined;
    const { initializingMs, buildingMs, deployingMs } = this.timing;
    const total = options.durationMs ?? (initializingMs + buildingMs + deployingMs) * 4;
    const commitHash = randomUUID().replace(/-/g, "");
    const meta = {
      reason: "deploy",
      commitHash,
      commitMessage: "A push",
      imageDigest: `sha256:${commitHash}`,
      ...options.meta,
    };
    const from = { projectId: service.projectId, environmentId, serviceId: service.id };
    return this.create(
      from,
      meta,
      [
        ["BUILDING", total / 4],
        ["DEPLOYING", total / 2],
        [options.outcome ?? "SUCCESS", total / 4],
      ],
      {
        variables: { ...this.instance(service.id, environmentId).variables.values },
      },
    );
  }

  /** Whether a push to the service deploys now (`serviceInstanceAutoDeployUpdate` pauses it). */
  autoDeploy(serviceIdOrName: string, environmentIdOrName?: string): boolean {
    const service = this.service(serviceIdOrName);
    return this.instance(service.id, this.environment(service.projectId, environmentIdOrName).id).autoDeploy;
  }

  /** The service's variables now, sealed ones included (the API never returns those). */
  variablesOf(serviceIdOrName: string, environmentIdOrName?: string): Record<string, string> {
    const service = this.service(serviceIdOrName);
    const environment = this.environment(service.projectId, environmentIdOrName);
    return { ...this.instance(service.id, environment.id).variables.values };
  }

  /** Changes the service's variables as the dashboard would (`undefined` removes one). */
  setVariables(
    serviceIdOrName: string,
    changes: Record<string, string | undefined>,
    environmentIdOrName?: string,
  ): void {
    const service = this.service(serviceIdOrName);
    const environment = this.environment(service.projectId, environmentIdOrName);
    const { values } = this.instance(service.id, environment.id).variables;
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete values[name];
      else values[name] = value;
    }
  }

  onChange(listener: (deployment: SimDeployment, previous: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The deployment serving a service (newest SUCCESS), in the given environment or the first one. */
  activeDeployment(serviceIdOrName: string, environmentIdOrName?: string): SimDeployment | undefined {
    const service = this.service(serviceIdOrName);
    const environment = this.environment(service.projectId, environmentIdOrName);
    return this.list({ serviceId: service.id, environmentId: environment.id }).find((d) =>
      ACTIVE.has(d.status),
    );
  }

  deployment(id: string): SimDeployment | undefined {
    return this.deploymentsById.get(id);
  }

  deploymentsOf(serviceIdOrName: string, environmentIdOrName?: string): SimDeployment[] {
    const service = this.service(serviceIdOrName);
    const environment = this.environment(service.projectId, environmentIdOrName);
    return this.list({ serviceId: service.id, environmentId: environment.id });
  }

  /** Sets a status now, as Railway would report it (a crash of a running deployment, say). */
  setStatus(id: string, status: string): void {
    const deployment = this.deploymentsById.get(id);
    if (!deployment) throw new Error(`no deployment ${id}`);
    this.transition(deployment, status);
  }

  // —— model ——

  private now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  private instance(serviceId: string, environmentId: string) {
    const key = `${serviceId}:${environmentId}`;
    let found = this.instances.get(key);
    if (!found) {
      found = { variables: { values: {}, sealed: new Set() }, autoDeploy: true };
      this.instances.set(key, found);
    }
    return found;
  }

  private service(idOrName: string) {
    for (const project of this.seed.projects) {
      const service = project.services.find((s) => s.id === idOrName || s.name === idOrName);
      if (service) return { ...service, projectId: project.id };
    }
    throw new Error(`the simulator has no service ${idOrName}`);
  }

  private environment(projectId: string, idOrName?: string) {
    const project = this.seed.projects.find((p) => p.id === projectId);
    const environments = project?.environments ?? [];
    const found = idOrName
      ? environments.find((e) => e.id === idOrName || e.name === idOrName)
      : (environments.find((e) => e.name === "production") ?? environments[0]);
    if (!found) throw new Error(`the simulator has no environment ${idOrName ?? "(any)"} in ${projectId}`);
    return found;
  }

  private list(filter: { projectId?: string; environmentId?: string; serviceId?: string }): SimDeployment[] {
    return [...this.deploymentsById.values()]
      .filter(
        (d) =>
          (!filter.projectId || d.projectId === filter.projectId) &&
          (!filter.environmentId || d.environmentId === filter.environmentId) &&
          (!filter.serviceId || d.serviceId === filter.serviceId),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  private canRollback(d: SimDeployment): boolean {
    if (d.canRollback !== undefined) return d.canRollback;
    const retention = this.seed.imageRetentionMs;
    return retention === undefined || Date.now() - d.createdAt <= retention;
  }

  private later(ms: number, step: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      step();
    }, ms);
    this.timers.add(timer);
  }

  private transition(deployment: SimDeployment, status: string): void {
    const previous = deployment.status;
    if (previous === status) return;
    deployment.status = status;
    deployment.updatedAt = this.now();
    if (ACTIVE.has(status)) {
      // The new deployment serves: the one serving before is removed, and so are older ones still in progress.
      for (const other of this.list({
        serviceId: deployment.serviceId,
        environmentId: deployment.environmentId,
      })) {
        const superseded =
          ACTIVE.has(other.status) ||
          (IN_PROGRESS.has(other.status) && other.createdAt < deployment.createdAt);
        if (other !== deployment && superseded) this.transition(other, "REMOVED");
      }
    }
    for (const listener of this.listeners) listener(deployment, previous);
  }

  /**
   * Plays a lifecycle: each status after its delay; the last one stays. It stops when something else moved
   * the deployment on meanwhile (removed, cancelled, finished early).
   */
  private play(deployment: SimDeployment, steps: Array<[string, number]>): void {
    const [first, ...rest] = steps;
    if (!first) return;
    const expected = deployment.status;
    this.later(first[1], () => {
      if (deployment.status !== expected) return;
      this.transition(deployment, first[0]);
      this.play(deployment, rest);
    });
  }

  /** INITIALIZING (→ BUILDING) → DEPLOYING → the service's outcome, with the configured durations. */
  private lifecycle(serviceId: string, build: boolean): Array<[string, number]> {
    const { initializingMs, buildingMs, deployingMs } = this.timing;
    const finish = this.behaviors.get(serviceId)?.outcome ?? ["SUCCESS"];
    return [
      ...(build ? ([["BUILDING", initializingMs]] as Array<[string, number]>) : []),
      ["DEPLOYING", build ? buildingMs : initializingMs],
      ...finish.map((status): [string, number] => [status, deployingMs]),
    ];
  }

  private create(
    from: Pick<SimDeployment, "projectId" | "environmentId" | "serviceId">,
    meta: Record<string, unknown>,
    steps: Array<[string, number]>,
    extra: Pick<SimDeployment, "variables">,
  ): SimDeployment {
    const createdAt = this.now();
    const deployment: SimDeployment = {
      id: randomUUID(),
      projectId: from.projectId,
      environmentId: from.environmentId,
      serviceId: from.serviceId,
      status: "INITIALIZING",
      createdAt,
      updatedAt: createdAt,
      canRedeploy: true,
      meta,
      ...extra,
    };
    this.deploymentsById.set(deployment.id, deployment);
    for (const listener of this.listeners) listener(deployment, undefined);
    this.play(deployment, steps);
    return deployment;
  }

  /** A git push landing right after a rollback or redeploy: slower by default, so it supersedes it later. */
  private race(from: SimDeployment): void {
    const behavior = this.behaviors.get(from.serviceId);
    const race = behavior?.raceDeploy;
    if (!race) return;
    this.behaviors.set(from.serviceId, { ...behavior, raceDeploy: undefined });
    this.push(from.serviceId, {
      environment: from.environmentId,
      durationMs: race.durationMs,
      outcome: race.outcome,
      meta: { commitMessage: "A push racing the rollback" },
    });
  }

  // —— GraphQL ——

  private authenticate(headers: IncomingMessage["headers"]): Auth {
    const projectToken = headers["project-access-token"];
    const authorization = headers.authorization;
    if (typeof projectToken === "string") {
      const scope = this.seed.tokens?.project?.find((t) => t.token === projectToken);
      return scope ? { kind: "project", ...scope } : { kind: "none", reason: "Not Authorized" };
    }
    if (typeof authorization === "string" && /^Bearer /i.test(authorization)) {
      const token = authorization.slice(7).trim();
      return this.seed.tokens?.account?.includes(token)
        ? { kind: "account", token }
        : { kind: "none", reason: "Not Authorized" };
    }
    return { kind: "none", reason: "Not Authorized" };
  }

  private rateLimited(auth: Auth): number | undefined {
    const limit = this.seed.rateLimit;
    if (!limit) return undefined;
    const key = auth.kind === "none" ? "anonymous" : auth.token;
    const now = Date.now();
    const recent = (this.rate.get(key) ?? []).filter((t) => now - t < limit.windowMs);
    if (recent.length >= limit.max) {
      this.rate.set(key, recent);
      return Math.max(1, Math.ceil((limit.windowMs - (now - (recent[0] ?? now))) / 1000));
    }
    recent.push(now);
    this.rate.set(key, recent);
    return undefined;
  }

  private async handle(request: SimRequest): Promise<SimResponse> {
    if (request.method !== "POST" || request.path !== "/graphql/v2") {
      return { status: 404, body: { errors: [{ message: "Not Found" }] } };
    }
    const auth = this.authenticate(request.headers);
    const retryAfter = this.rateLimited(auth);
    if (retryAfter !== undefined) {
      return {
        status: 429,
        headers: { "retry-after": String(retryAfter) },
        body: { errors: [{ message: "Rate limit exceeded. Please try again later" }] },
      };
    }
    const body = request.body as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (!body || typeof body.query !== "string") {
      return { status: 400, body: { errors: [{ message: "Must provide query string." }] } };
    }
    const name = operationName(body);
    const fault = this.graphqlFaults.find((f) => !f.operation || f.operation === name);
    if (fault) {
      if (--fault.times <= 0) this.graphqlFaults.splice(this.graphqlFaults.indexOf(fault), 1);
      return { status: 200, body: { data: null, errors: [{ message: fault.message }] } };
    }
    const answer = this.dataFaults.find((f) => f.operation === name);
    if (answer) {
      if (--answer.times <= 0) this.dataFaults.splice(this.dataFaults.indexOf(answer), 1);
      return { status: 200, body: { data: answer.data } };
    }
    const result = await graphql({
      schema: this.schema,
      source: body.query,
      rootValue: this.resolvers(auth),
      variableValues: (body.variables as Record<string, unknown>) ?? {},
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    });
    return {
      status: 200,
      body: {
        data: result.data ?? null,
        ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message })) } : {}),
      },
    };
  }

  private view(d: SimDeployment) {
    return {
      id: d.id,
      status: d.status,
      createdAt: new Date(d.createdAt).toISOString(),
      updatedAt: new Date(d.updatedAt).toISOString(),
      statusUpdatedAt: new Date(d.updatedAt).toISOString(),
      canRollback: this.canRollback(d),
      canRedeploy: d.canRedeploy,
      deploymentStopped: d.stopped === true,
      meta: d.meta,
      projectId: d.projectId,
      environmentId: d.environmentId,
      serviceId: d.serviceId,
      staticUrl: null,
      url: null,
    };
  }

  private check(auth: Auth, projectId: string, environmentId?: string): void {
    if (auth.kind === "none") throw new GraphQLError(auth.reason);
    if (auth.kind === "project") {
      if (auth.projectId !== projectId) throw new GraphQLError("Not Authorized");
      if (environmentId && auth.environmentId !== environmentId) throw new GraphQLError("Not Authorized");
    }
  }

  private visibleDeployment(auth: Auth, id: string): SimDeployment {
    const deployment = this.deploymentsById.get(id);
    if (!deployment) throw new GraphQLError("Deployment not found");
    this.check(auth, deployment.projectId, deployment.environmentId);
    return deployment;
  }

  private resolvers(auth: Auth) {
    const edges = <T>(nodes: T[]) => ({
      edges: nodes.map((node, i) => ({ cursor: String(i), node })),
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    const projectView = (project: RailwaySeed["projects"][number]) => ({
      id: project.id,
      name: project.name,
      services: () => edges(project.services.map((s) => ({ ...s, projectId: project.id }))),
      environments: () => edges(project.environments.map((e) => ({ ...e, projectId: project.id }))),
    });
    return {
      projectToken: () => {
        if (auth.kind !== "project") throw new GraphQLError("Project Token not found");
        const project = this.seed.projects.find((p) => p.id === auth.projectId);
        return {
          id: "pt",
          name: "token",
          projectId: auth.projectId,
          environmentId: auth.environmentId,
          project: project ? projectView(project) : null,
        };
      },
      project: ({ id }: { id: string }) => {
        const project = this.seed.projects.find((p) => p.id === id);
        if (auth.kind === "none") throw new GraphQLError(auth.reason);
        if (!project || (auth.kind === "project" && auth.projectId !== id))
          throw new GraphQLError("Project not found");
        return projectView(project);
      },
      // Root `projects` lists only the personal account's projects; workspace ones need `workspaceId`
      // (PLATFORMS.md, the CLI's UserProjects.graphql).
      projects: ({ workspaceId }: { workspaceId?: string }) => {
        if (auth.kind !== "account") throw new GraphQLError("Not Authorized");
        if (workspaceId && !this.seed.workspaces?.some((w) => w.id === workspaceId))
          throw new GraphQLError("Not Authorized");
        return edges(this.seed.projects.filter((p) => p.workspaceId === workspaceId).map(projectView));
      },
      me: () => {
        if (auth.kind !== "account") throw new GraphQLError("Not Authorized");
        return { id: "user-1", name: "Simulated User", workspaces: this.seed.workspaces ?? [] };
      },
      serviceInstance: ({ environmentId, serviceId }: { environmentId: string; serviceId: string }) => {
        const project = this.seed.projects.find((p) => p.environments.some((e) => e.id === environmentId));
        const service = project?.services.find((s) => s.id === serviceId);
        if (!project || !service) throw new GraphQLError("ServiceInstance not found");
        this.check(auth, project.id, environmentId);
        const all = this.list({ serviceId, environmentId });
        return {
          id: `${serviceId}:${environmentId}`,
          serviceId,
          serviceName: service.name,
          environmentId,
          activeDeployments: all.filter((d) => ACTIVE.has(d.status)).map((d) => this.view(d)),
          latestDeployment: all[0] ? this.view(all[0]) : null,
        };
      },
      deployments: ({
        input: { status, ...input },
        first,
      }: {
        input: {
          projectId?: string;
          environmentId?: string;
          serviceId?: string;
          status?: { in?: string[]; notIn?: string[] };
        };
        first?: number;
      }) => {
        if (auth.kind === "none") throw new GraphQLError(auth.reason);
        if (auth.kind === "project")
          this.check(auth, input.projectId ?? auth.projectId, input.environmentId ?? auth.environmentId);
        const found = this.list(
          auth.kind === "project"
            ? { ...input, projectId: auth.projectId, environmentId: auth.environmentId }
            : input,
        );
        const wanted = found.filter(
          (d) => (!status?.in || status.in.includes(d.status)) && !status?.notIn?.includes(d.status),
        );
        return edges(wanted.slice(0, first ?? 50).map((d) => this.view(d)));
      },
      deployment: ({ id }: { id: string }) => this.view(this.visibleDeployment(auth, id)),
      deploymentRollback: ({ id }: { id: string }) => {
        const target = this.visibleDeployment(auth, id);
        if (!this.canRollback(target))
          throw new GraphQLError("Deployment cannot be rolled back: its image is no longer available");
        // What is seen from the real API (PLATFORMS.md): the target's image and `reason: "rollback"`,
        // no key naming the target. A rollback restores the target's custom variables too.
        const meta = { reason: "rollback", image: target.meta.image, imageDigest: target.meta.imageDigest };
        const instance = this.instance(target.serviceId, target.environmentId);
        const { values, sealed } = instance.variables;
        for (const name of Object.keys(values)) if (!sealed.has(name)) delete values[name];
        for (const [name, value] of Object.entries(target.variables))
          if (!sealed.has(name)) values[name] = value;
        this.create(target, meta, this.lifecycle(target.serviceId, false), {
          variables: { ...target.variables },
        });
        this.race(target);
        return true;
      },
      deploymentRedeploy: ({ id, usePreviousImageTag }: { id: string; usePreviousImageTag?: boolean }) => {
        const target = this.visibleDeployment(auth, id);
        if (!target.canRedeploy) throw new GraphQLError("Deployment cannot be redeployed");
        // Same source, a new build: the commit stays, the image is new; nothing names the target.
        // usePreviousImageTag asks for the target's own image (the flag's name; the schema says no more): kept.
        const { image: _image, imageDigest: _digest, ...source } = target.meta;
        const meta = usePreviousImageTag
          ? { ...target.meta, reason: "redeploy" }
          : { ...source, reason: "redeploy", imageDigest: `sha256:${randomUUID().replace(/-/g, "")}` };
        const created = this.create(target, meta, this.lifecycle(target.serviceId, true), {
          variables: { ...this.instance(target.serviceId, target.environmentId).variables.values },
        });
        this.race(target);
        return this.view(created);
      },
      // Stops the deployment's instances (the schema's "Stops a deployment."): visitors get nothing until a redeploy.
      deploymentStop: ({ id }: { id: string }) => {
        const target = this.visibleDeployment(auth, id);
        if (!ACTIVE.has(target.status)) throw new GraphQLError("Only a running deployment can be stopped");
        target.stopped = true;
        return true;
      },
      deploymentRestart: ({ id }: { id: string }) => {
        const target = this.visibleDeployment(auth, id);
        if (!ACTIVE.has(target.status)) throw new GraphQLError("Only a running deployment can be restarted");
        this.transition(target, "DEPLOYING");
        const finish = this.behaviors.get(target.serviceId)?.outcome ?? ["SUCCESS"];
        this.play(
          target,
          finish.map((status): [string, number] => [status, this.timing.deployingMs]),
        );
        return true;
      },
      ...this.configResolvers(auth, edges),
      ...railwayVolumesResolvers(
        this.volumes,
        (projectId, environmentId) => this.check(auth, projectId, environmentId),
        (environmentId) =>
          this.seed.projects.find((p) => p.environments.some((e) => e.id === environmentId))?.id ?? "",
      ),
      ...railwayMetricsResolvers(this.traffic, (serviceId, environmentId) => {
        const project = this.seed.projects.find((p) => p.services.some((s) => s.id === serviceId));
        if (!project) throw new GraphQLError("Service not found");
        this.check(auth, project.id, environmentId);
      }),
    };
  }

  /** Variables, snapshots, auto-deploy and cancellation (issues 16 and 19). */
  private configResolvers(auth: Auth, edges: <T>(nodes: T[]) => unknown) {
    // Sealed values never come back through the API (PLATFORMS.md): only their names, via Variable.isSealed.
    const unsealed = (values: Record<string, string>, sealed: Set<string>) =>
      Object.fromEntries(Object.entries(values).filter(([name]) => !sealed.has(name)));
    const instanceOf = (projectId: string, environmentId: string, serviceId: string) => {
      this.check(auth, projectId, environmentId);
      const project = this.seed.projects.find((p) => p.id === projectId);
      if (!project?.services.some((s) => s.id === serviceId)) throw new GraphQLError("Service not found");
      return this.instance(serviceId, environmentId);
    };
    return {
      environment: ({ id }: { id: string }) => {
        const project = this.seed.projects.find((p) => p.environments.some((e) => e.id === id));
        const environment = project?.environments.find((e) => e.id === id);
        if (!project || !environment) throw new GraphQLError("Environment not found");
        this.check(auth, project.id, id);
        const variables = project.services.flatMap((service) => {
          const { values, sealed } = this.instance(service.id, id).variables;
          return Object.keys(values).map((name) => ({
            id: `${service.id}:${name}`,
            name,
            isSealed: sealed.has(name),
            serviceId: service.id,
            environmentId: id,
          }));
        });
        return {
          ...environment,
          projectId: project.id,
          variables: () => edges(variables),
          ...environmentVolumeFields(this.volumes, id, edges),
        };
      },
      deploymentSnapshot: ({ deploymentId }: { deploymentId: string }) => {
        const d = this.visibleDeployment(auth, deploymentId);
        const { sealed } = this.instance(d.serviceId, d.environmentId).variables;
        const at = new Date(d.createdAt).toISOString();
        return {
          id: `snapshot-${d.id}`,
          createdAt: at,
          updatedAt: at,
          variables: unsealed(d.variables, sealed),
        };
      },
      variables: (args: { environmentId: string; projectId: string; serviceId?: string }) => {
        // Without a service: the environment's shared variables, which this simulator has none of.
        if (!args.serviceId) {
          this.check(auth, args.projectId, args.environmentId);
          return {};
        }
        const { values, sealed } = instanceOf(args.projectId, args.environmentId, args.serviceId).variables;
        return unsealed(values, sealed);
      },
      serviceInstanceAutoDeployStatus: (args: {
        environmentId: string;
        projectId: string;
        serviceId: string;
      }) => ({
        canEnable: true,
        enabled: instanceOf(args.projectId, args.environmentId, args.serviceId).autoDeploy,
        reason: null,
      }),
      serviceInstanceAutoDeployUpdate: ({
        input,
      }: {
        input: { enabled: boolean; environmentId: string; projectId: string; serviceId: string };
      }) => {
        instanceOf(input.projectId, input.environmentId, input.serviceId).autoDeploy = input.enabled;
        return { enabled: input.enabled };
      },
      deploymentCancel: ({ id }: { id: string }) => {
        const target = this.visibleDeployment(auth, id);
        if (this.cancelRaces > 0 && IN_PROGRESS.has(target.status)) {
          this.cancelRaces--;
          this.transition(target, "SUCCESS");
        }
        // Railway's words and the status a cancelled deployment shows are not documented: the simulator
        // refuses anything not in progress, and shows a cancelled one as REMOVED (it never serves).
        if (!IN_PROGRESS.has(target.status))
          throw new GraphQLError(`Deployment cannot be cancelled: it is ${target.status}`);
        this.transition(target, "REMOVED");
        return true;
      },
    };
  }

  // —— subscriptions (graphql-transport-ws) ——

  private serveSocket(socket: import("ws").WebSocket, request: IncomingMessage): void {
    const auth = this.authenticate(request.headers);
    const silent = this.wsFaults.find((f) => f.kind === "ws-silent");
    if (silent && --silent.times <= 0) this.wsFaults.splice(this.wsFaults.indexOf(silent), 1);
    const stops = new Map<string, () => void>();
    const send = (message: unknown) =>
      socket.readyState === socket.OPEN && socket.send(JSON.stringify(message));
    socket.on("close", () => {
      for (const stop of stops.values()) stop();
    });
    socket.on("message", async (raw) => {
      let message: {
        type?: string;
        id?: string;
        payload?: { query?: string; variables?: Record<string, unknown>; operationName?: string };
      };
      try {
        message = JSON.parse(String(raw));
      } catch {
        return socket.close(4400, "Invalid message");
      }
      if (message.type === "connection_init") {
        if (auth.kind === "none") return socket.close(4403, "Forbidden");
        return send({ type: "connection_ack" });
      }
      if (message.type === "ping") return send({ type: "pong" });
      if (message.type === "complete" && message.id) return stops.get(message.id)?.();
      if (message.type !== "subscribe" || !message.id || !message.payload?.query) return;
      const id = message.id;
      this.requests.push({
        method: "WS",
        path: request.url ?? "/graphql/v2",
        query: new URLSearchParams(),
        headers: request.headers,
        body: message.payload,
        rawBody: JSON.stringify(message.payload),
        at: Date.now(),
      });
      if (silent) return;
      let document: DocumentNode;
      try {
        document = parse(message.payload.query);
      } catch (error) {
        return send({ id, type: "error", payload: [{ message: (error as Error).message }] });
      }
      const errors = validate(this.schema, document);
      if (errors.length)
        return send({ id, type: "error", payload: errors.map((e) => ({ message: e.message })) });
      const result = await subscribe({
        schema: this.schema,
        document,
        variableValues: message.payload.variables ?? {},
        operationName: message.payload.operationName,
        subscribeFieldResolver: (_root, args: { id: string }) =>
          this.deploymentEvents(auth, args.id, id, stops),
      });
      if (!(Symbol.asyncIterator in result)) {
        return send({
          id,
          type: "error",
          payload: (result.errors ?? []).map((e) => ({ message: e.message })),
        });
      }
      for await (const event of result) send({ id, type: "next", payload: event });
      send({ id, type: "complete" });
    });
  }

  /** The deployment now, then on every change, until the client completes or disconnects. */
  private deploymentEvents(
    auth: Auth,
    deploymentId: string,
    subscriptionId: string,
    stops: Map<string, () => void>,
  ) {
    const deployment = this.visibleDeployment(auth, deploymentId);
    const queue: SimDeployment[] = [deployment];
    let wake: (() => void) | undefined;
    let done = false;
    const unsubscribe = this.onChange((changed) => {
      if (changed.id !== deploymentId) return;
      queue.push(changed);
      wake?.();
    });
    stops.set(subscriptionId, () => {
      done = true;
      unsubscribe();
      wake?.();
    });
    const view = (d: SimDeployment) => this.view(d);
    return (async function* () {
      while (!done) {
        const next = queue.shift();
        if (next) {
          yield { deployment: view(next) };
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    })();
  }
}

/** Fixed ids of the ready-made scenario, so the drill, tests and docs can name them. */
export const SCENARIO = {
  projectId: "7c3e9f0a-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
  projectName: "shop",
  workspaceId: "a1c2e3f4-0000-4000-8000-00000000ac3e",
  environmentId: "e0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8",
  stagingEnvironmentId: "e1b2c3d4-e5f6-4071-8283-94a5b6c7d8e9",
  projectToken: "rwp-7f3a9c2e-project-token-production",
  stagingProjectToken: "rwp-1d4b8e6f-project-token-staging",
  accountToken: "rwa-5e2c7b1d-account-token",
  services: {
    backend: {
      id: "5a1b2c3d-0001-4000-8000-00000000b0e0",
      /** past image retention, good */
      expired: "d0b0e000-0000-4000-8000-000000000001",
      /** the known-good deployment an automatic rollback goes back to */
      good: "d0b0e000-0000-4000-8000-000000000002",
      /** a deploy that failed its build */
      failed: "d0b0e000-0000-4000-8000-000000000003",
      /** the bad deployment serving now */
      bad: "d0b0e000-0000-4000-8000-000000000004",
    },
    "ai-engine": {
      id: "5a1b2c3d-0002-4000-8000-0000000a1e00",
      expired: "d0a1e000-0000-4000-8000-000000000001",
      good: "d0a1e000-0000-4000-8000-000000000002",
      failed: "d0a1e000-0000-4000-8000-000000000003",
      bad: "d0a1e000-0000-4000-8000-000000000004",
    },
  },
} as const;

/**
 * Services `backend` and `ai-engine` in project `shop`, environment `production` (and `staging`), each
 * served by a bad deployment, with a crashed deploy before it, a good one before that, and one past image
 * retention. Tokens: `SCENARIO.projectToken` (production), `SCENARIO.stagingProjectToken`,
 * `SCENARIO.accountToken`.
 */
export function rollbackScenario(
  options: { timing?: Partial<Timing>; rateLimit?: RailwaySeed["rateLimit"] } = {},
): RailwaySeed {
  const hour = 3_600_000;
  const deployments: NonNullable<RailwaySeed["deployments"]> = [];
  for (const [name, s] of Object.entries(SCENARIO.services)) {
    const meta = (n: number, message: string) => ({
      commitHash: `${name.replace(/\W/g, "")}${n}`.padEnd(40, "0"),
      commitMessage: message,
      commitAuthor: "dev@shop.example",
      image: `registry.railway.internal/${name}:${n}`,
      imageDigest: `sha256:${`${name.replace(/\W/g, "")}${n}`.padEnd(64, "0")}`,
    });
    const base = { serviceId: s.id, environmentId: SCENARIO.environmentId };
    deployments.push(
      {
        ...base,
        id: s.expired,
        status: "REMOVED",
        createdAt: -72 * hour,
        canRollback: false,
        meta: meta(1, "Initial release"),
      },
      { ...base, id: s.good, status: "REMOVED", createdAt: -24 * hour, meta: meta(2, "Add search") },
      { ...base, id: s.failed, status: "CRASHED", createdAt: -2 * hour, meta: meta(3, "Refactor cache") },
      { ...base, id: s.bad, status: "SUCCESS", createdAt: -1 * hour, meta: meta(4, "Break checkout") },
    );
  }
  return {
    projects: [
      {
        id: SCENARIO.projectId,
        name: SCENARIO.projectName,
        environments: [
          { id: SCENARIO.environmentId, name: "production" },
          { id: SCENARIO.stagingEnvironmentId, name: "staging" },
        ],
        services: Object.entries(SCENARIO.services).map(([name, s]) => ({ id: s.id, name })),
        workspaceId: SCENARIO.workspaceId,
      },
    ],
    workspaces: [{ id: SCENARIO.workspaceId, name: "acme" }],
    variables: Object.fromEntries(
      Object.keys(SCENARIO.services).map((name) => [
        name,
        { values: { DATABASE_URL: `postgres://db.internal/${name}`, LOG_LEVEL: "info" } },
      ]),
    ),
    deployments,
    tokens: {
      account: [SCENARIO.accountToken],
      project: [
        {
          token: SCENARIO.projectToken,
          projectId: SCENARIO.projectId,
          environmentId: SCENARIO.environmentId,
        },
        {
          token: SCENARIO.stagingProjectToken,
          projectId: SCENARIO.projectId,
          environmentId: SCENARIO.stagingEnvironmentId,
        },
      ],
    },
    timing: options.timing,
    rateLimit: options.rateLimit,
  };
}

/** The ids of the scenario's bad deployments: the drill's fake app answers 503 while one serves. */
export const BAD_DEPLOYMENT_IDS: ReadonlySet<string> = new Set(
  Object.values(SCENARIO.services).map((s) => s.bad),
);
