import { type Fault, type SimRequest, type SimResponse, SimServer } from "./server.ts";
import { type AliasHost, listAliases, requestAliasChange, simError } from "./vercel-aliases.ts";
import { setPaused, updateProject } from "./vercel-pause.ts";
import {
  isRollbackCandidate,
  type Plan,
  renderAlias,
  renderDeployment,
  renderListItem,
  renderProject,
  renderRollingRelease,
  type SimCreator,
  type SimDeployment,
  type SimProject,
} from "./vercel-shapes.ts";

export type { Plan, SimDeployment } from "./vercel-shapes.ts";

/**
 * A local Vercel API: teams, projects, deployments, the current production deployment, asynchronous alias
 * jobs, pinned auto-assignment after a rollback, rolling releases, builds that can be cancelled, paused
 * projects, plan limits, team scoping and a clock of its own. Behaviour follows PLATFORMS.md (Vercel); the
 * answers follow the `@vercel/sdk` models (a test parses them). It also serves the projects' sites: a
 * request whose Host is a production domain gets the serving deployment, or 503 while the project is paused.
 */

export interface SimTeamSeed {
  id: string;
  slug: string;
  plan?: Plan;
}

export interface SimDeploymentSeed {
  id: string;
  url?: string;
  /** ms since epoch; by default seeds are spaced a minute apart, oldest first. */
  createdAt?: number;
  /** BUILDING, QUEUED and INITIALIZING builds finish after `readyInMs`. */
  readyState?: "READY" | "ERROR" | "BUILDING" | "QUEUED" | "INITIALIZING" | "CANCELED";
  /** `production` or null (preview). */
  target?: "production" | null;
  /** `PROMOTED` served production; `STAGED` never did. Default: PROMOTED for READY production. */
  readySubstate?: "STAGED" | "PROMOTED";
  /** Deleted deployments answer 410. */
  deleted?: boolean;
  meta?: Record<string, string>;
  creator?: SimCreator;
  /** A build in flight: how long until it is READY (default the simulator's `buildMs`). */
  readyInMs?: number;
  /** The build finishes at the moment a cancel for it arrives, so the cancel fails. */
  finishesOnCancel?: boolean;
}

export interface SimProjectSeed {
  id: string;
  name: string;
  /** Team id owning the project; none: the personal account. */
  team?: string;
  /** Id of the deployment serving production; default the newest READY PROMOTED production one. */
  production?: string;
  autoAssignCustomDomains?: boolean;
  paused?: boolean;
  /** Production domains. */
  domains?: string[];
  /** Other domains of the project and the deployment each points at (a staging or pinned domain). */
  aliases?: Record<string, string>;
  /** Domains whose alias job fails: the job ends `failed` and production does not move. */
  failingDomains?: string[];
  /** Promotes are queued behind a rolling release (202). */
  rollingRelease?: boolean;
  /** An ACTIVE rolling release of this deployment, from the current production one. */
  activeRelease?: { canary: string; targetPercentage?: number };
  deployments: SimDeploymentSeed[];
}

export interface VercelSimSeed {
  /** Bearer token accepted; default `sim-vercel-token`. */
  token?: string;
  /** Plan of the personal account. */
  plan?: Plan;
  teams?: SimTeamSeed[];
  projects: SimProjectSeed[];
  /** Time an alias job takes from request to outcome; default 50 ms. */
  aliasJobMs?: number;
  /** Build time of a new production build; default 50 ms. */
  buildMs?: number;
  /** Vercel's clock minus the real one (negative: Vercel is behind). */
  clockSkewMs?: number;
}

export interface VercelSimulatorOptions {
  /** Called when a project's production deployment changes (the drill points a fake app at it). */
  onProductionChange?: (project: { id: string; name: string }, deployment: SimDeployment) => void;
  /** Called with every request before it is handled (tests stage races with it). */
  onRequest?: (request: SimRequest) => void;
}

export const SIM_VERCEL_TOKEN = "sim-vercel-token";
type Route = (
  team: SimTeamSeed | undefined,
  params: string[],
  query: URLSearchParams,
  body: unknown,
) => SimResponse;
const IN_FLIGHT = new Set(["BUILDING", "QUEUED", "INITIALIZING"]);

export class VercelSimulator implements AliasHost {
  readonly server: SimServer;
  readonly token: string;
  aliasJobMs: number;
  buildMs: number;
  clockSkewMs: number;
  onProductionChange: VercelSimulatorOptions["onProductionChange"];
  onRequest: VercelSimulatorOptions["onRequest"];
  readonly projects: SimProject[] = [];
  readonly deployments: SimDeployment[] = [];
  private readonly plan: Plan;
  private readonly teams: SimTeamSeed[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;

  constructor(seed: VercelSimSeed, options: VercelSimulatorOptions = {}) {
    this.token = seed.token ?? SIM_VERCEL_TOKEN;
    this.plan = seed.plan ?? "pro";
    this.teams = seed.teams ?? [];
    this.aliasJobMs = seed.aliasJobMs ?? 50;
    this.buildMs = seed.buildMs ?? 50;
    this.clockSkewMs = seed.clockSkewMs ?? 0;
    this.onProductionChange = options.onProductionChange;
    this.onRequest = options.onRequest;
    for (const projectSeed of seed.projects) this.addProject(projectSeed);
    this.server = new SimServer(async (request) => {
      this.onRequest?.(request);
      const response = this.handle(request);
      // Every answer carries Vercel's clock, as a real server's Date header does.
      return { ...response, headers: { date: new Date(this.now()).toUTCString(), ...response.headers } };
    });
  }

  private addProject(seed: SimProjectSeed): void {
    const now = this.now();
    const count = seed.deployments.length;
    const project: SimProject = {
      id: seed.id,
      name: seed.name,
      team: seed.team,
      production: undefined,
      // A paused project has auto-assignment off (@vercel/sdk projectsPauseProject).
      autoAssignCustomDomains: seed.autoAssignCustomDomains ?? !seed.paused,
      paused: seed.paused ?? false,
      domains: seed.domains ?? [`${seed.name}.example.com`, `www.${seed.name}.example.com`],
      aliases: seed.aliases ?? {},
      failingDomains: seed.failingDomains ?? [],
      queuePromotes: (seed.rollingRelease ?? false) || seed.activeRelease !== undefined,
      rollingRelease: undefined,
      lastAliasRequest: null,
      rollbackDescription: undefined,
      failedAliases: { type: "rollback", aliases: [] },
      createdAt: now - (count + 1) * 60_000,
    };
    this.projects.push(project);
    seed.deployments.forEach((d, index) => {
      this.addDeployment(project, { createdAt: now - (count - index) * 60_000, ...d });
    });
    project.production =
      seed.production ??
      this.deployments
        .filter((d) => d.projectId === project.id && isRollbackCandidate(d))
        .sort((a, b) => b.createdAt - a.createdAt)[0]?.id;
    if (seed.activeRelease && project.production) {
      const canary = this.deployment(seed.activeRelease.canary);
      if (canary) canary.readySubstate = "ROLLING";
      project.rollingRelease = {
        state: "ACTIVE",
        currentDeployment: project.production,
        canaryDeployment: seed.activeRelease.canary,
        targetPercentage: seed.activeRelease.targetPercentage ?? 10,
        startedAt: now - 30_000,
        updatedAt: now - 30_000,
      };
    }
  }

  private addDeployment(project: SimProject, d: SimDeploymentSeed): SimDeployment {
    const target = d.target === undefined ? "production" : d.target;
    const readyState = d.readyState ?? "READY";
    const deployment: SimDeployment = {
      id: d.id,
      url: d.url ?? `${project.name}-${d.id.replace(/^dpl_/, "").toLowerCase()}.vercel.app`,
      projectId: project.id,
      createdAt: d.createdAt ?? this.now(),
      readyState,
      target,
      readySubstate:
        d.readySubstate ?? (target === "production" && readyState === "READY" ? "PROMOTED" : undefined),
      deleted: d.deleted ?? false,
      meta: d.meta ?? {},
      creator: d.creator ?? { uid: "usr_sim", username: "sim" },
      finishesOnCancel: d.finishesOnCancel ?? false,
    };
    this.deployments.push(deployment);
    if (IN_FLIGHT.has(readyState))
      this.later(d.readyInMs ?? this.buildMs, () => this.finishBuild(deployment));
    return deployment;
  }

  /** Vercel's clock. */
  now(): number {
    return Date.now() + this.clockSkewMs;
  }

  planOf(project: SimProject | undefined): Plan {
    return project?.team ? (this.teams.find((t) => t.id === project.team)?.plan ?? "pro") : this.plan;
  }

  /** Starts listening (port 0: any free port) and returns the base URL. */
  start(port = 0, host = "127.0.0.1"): Promise<string> {
    return this.server.start(port, host);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  get requests(): SimRequest[] {
    return this.server.requests;
  }

  inject(fault: Fault): this {
    this.server.inject(fault);
    return this;
  }

  /** Requests that change state (rollback, promote, new deployment, cancel, pause, project settings). */
  mutations(): SimRequest[] {
    return this.requests.filter((r) => r.method === "POST" || r.method === "PATCH");
  }

  private projectByIdOrName(idOrName: string): SimProject | undefined {
    return this.projects.find((p) => p.id === idOrName || p.name === idOrName);
  }

  /** The deployment serving production for a project (id or name), or undefined. */
  productionDeployment(projectIdOrName: string): SimDeployment | undefined {
    const project = this.projectByIdOrName(projectIdOrName);
    return project?.production ? this.deployment(project.production) : undefined;
  }

  /** Project state for assertions. */
  project(projectIdOrName: string) {
    const project = this.projectByIdOrName(projectIdOrName);
    if (!project) return undefined;
    const { id, name, production, autoAssignCustomDomains, lastAliasRequest, paused, rollingRelease } =
      project;
    const rollbackDescription = project.rollbackDescription?.description;
    return {
      id,
      name,
      production,
      autoAssignCustomDomains,
      lastAliasRequest,
      paused,
      rollingRelease,
      rollbackDescription,
    };
  }

  deployment(id: string): SimDeployment | undefined {
    return this.deployments.find((d) => d.id === id);
  }

  /** Points production at a deployment at once, as another person or a git push would. */
  setProduction(projectIdOrName: string, deploymentId: string): void {
    const project = this.projectByIdOrName(projectIdOrName);
    const deployment = this.deployment(deploymentId);
    if (!project || !deployment) throw new Error(`unknown project or deployment ${deploymentId}`);
    this.moveProduction(project, deployment);
  }

  /** A git push: a new production build that takes the domains when it is READY, unless production is pinned. */
  startBuild(projectIdOrName: string, seed: SimDeploymentSeed): SimDeployment {
    const project = this.projectByIdOrName(projectIdOrName);
    if (!project) throw new Error(`unknown project ${projectIdOrName}`);
    return this.addDeployment(project, { readyState: "BUILDING", ...seed });
  }

  /** Every build still in flight finishes now: "later, when it would have finished", without waiting. */
  finishBuilds(): void {
    for (const d of this.deployments) this.finishBuild(d);
  }

  /** What a visitor of `host` (a production domain) gets: the serving deployment, or 503 while paused. */
  visit(host: string): { status: number; deploymentId: string | undefined } {
    const project = this.projects.find((p) => p.domains.includes(host));
    if (!project) return { status: 404, deploymentId: undefined };
    if (project.paused) return { status: 503, deploymentId: undefined };
    return { status: project.production ? 200 : 404, deploymentId: project.production };
  }

  // --- HTTP ---

  /** Method, path and handler (given the team scope, the decoded path parameters and the query). */
  private readonly routes: [string, RegExp, Route][] = [
    [
      "GET",
      /^\/v9\/projects\/([^/]+)$/,
      (team, [id], query) =>
        this.withProject(team, id, (p) => ok(renderProject(this, p, query.get("rollbackInfo") === "true"))),
    ],
    ["GET", /^\/v[67]\/deployments$/, (team, _, query) => this.list(team, query)],
    [
      "GET",
      /^\/v13\/deployments\/([^/]+)$/,
      (team, [id]) => this.withDeployment(team, id, (d) => ok(renderDeployment(this, d))),
    ],
    ["GET", /^\/v4\/aliases\/([^/]+)$/, (team, [host]) => this.alias(team, host ?? "")],
    [
      "GET",
      /^\/v1\/projects\/([^/]+)\/rolling-release$/,
      (team, [id]) => this.withProject(team, id, (p) => ok(renderRollingRelease(this, p))),
    ],
    // The CLI posts to v9 with `{}`; the documented call is v1 with ?description=.
    [
      "POST",
      /^\/v(?:1|9)\/projects\/([^/]+)\/rollback\/([^/]+)$/,
      (team, [projectId = "", deploymentId = ""], query) =>
        requestAliasChange(this, { team, projectId, deploymentId, type: "rollback", query }),
    ],
    [
      "POST",
      /^\/v10\/projects\/([^/]+)\/promote\/([^/]+)$/,
      (team, [projectId = "", deploymentId = ""], query) =>
        requestAliasChange(this, { team, projectId, deploymentId, type: "promote", query }),
    ],
    ["POST", /^\/v13\/deployments$/, (team, _, __, body) => this.rebuild(team, body)],
    [
      "PATCH",
      /^\/v12\/deployments\/([^/]+)\/cancel$/,
      (team, [id]) => this.withDeployment(team, id, (d) => this.cancel(d)),
    ],
    [
      "POST",
      /^\/v1\/projects\/([^/]+)\/(pause|unpause)$/,
      (team, [id, verb]) => this.withProject(team, id, (p) => setPaused(p, verb === "pause")),
    ],
    [
      "PATCH",
      /^\/v9\/projects\/([^/]+)$/,
      (team, [id], _, body) => this.withProject(team, id, (p) => updateProject(this, p, body)),
    ],
    // Failed aliases: promotes have a v1 listing of strings, rollbacks only a v9 one of objects.
    [
      "GET",
      /^\/v1\/projects\/([^/]+)\/promote\/aliases$/,
      (team, [id], query) => this.withProject(team, id, (p) => listAliases(p, query, "promote")),
    ],
    [
      "GET",
      /^\/v9\/projects\/([^/]+)\/rollback\/aliases$/,
      (team, [id], query) => this.withProject(team, id, (p) => listAliases(p, query, "rollback")),
    ],
  ];

  private handle(request: SimRequest): SimResponse {
    const host = String(request.headers.host ?? "").replace(/:\d+$/, "");
    if (this.projects.some((p) => p.domains.includes(host))) return this.serveSite(host);
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return error(401, "forbidden", "Not authorized: the token is invalid or missing.");
    }
    const scope = this.scope(request);
    if ("status" in scope) return scope;
    const { method, path, query } = request;
    const team = scope.team;
    for (const [verb, pattern, handler] of this.routes) {
      const match = method === verb ? pattern.exec(path) : null;
      if (match) return handler(team, match.slice(1).map(decode), query, request.body);
    }
    return error(404, "not_found", `The route ${method} ${path} does not exist.`);
  }

  private serveSite(host: string): SimResponse {
    const { status, deploymentId } = this.visit(host);
    // A paused project answers every visitor 503 DEPLOYMENT_PAUSED (PLATFORMS.md: "a paused project serves 503").
    if (status === 503) return { status, body: "503: SERVICE_UNAVAILABLE\nCode: DEPLOYMENT_PAUSED\n" };
    return { status, body: deploymentId ? `deployment ${deploymentId}\n` : "404: NOT_FOUND\n" };
  }

  /** The team a request is scoped to (teamId or slug), or undefined for the personal account. */
  private scope(request: SimRequest): { team: SimTeamSeed | undefined } | SimResponse {
    const teamId = request.query.get("teamId");
    const slug = request.query.get("slug");
    if (!teamId && !slug) return { team: undefined };
    const team = this.teams.find((t) => (teamId ? t.id === teamId : t.slug === slug));
    if (!team)
      return error(
        403,
        "forbidden",
        "Not authorized: the specified scope does not exist or the token cannot access it.",
      );
    return { team };
  }

  findProject(team: SimTeamSeed | undefined, idOrName: string): SimProject | SimResponse {
    const project = this.projectByIdOrName(idOrName);
    if (!project || (project.team && team && project.team !== team.id) || (!project.team && team)) {
      return error(404, "not_found", "Project not found");
    }
    if (project.team && !team) {
      return error(
        403,
        "forbidden",
        `Not authorized: Trying to access resource under scope "personal". You must re-authenticate to this scope or use a token with access to this scope.`,
      );
    }
    return project;
  }

  private withProject(
    team: SimTeamSeed | undefined,
    idOrName: string | undefined,
    then: (p: SimProject) => SimResponse,
  ) {
    const project = this.findProject(team, idOrName ?? "");
    return "status" in project ? project : then(project);
  }

  findDeployment(team: SimTeamSeed | undefined, idOrUrl: string): SimDeployment | SimResponse {
    const host = idOrUrl.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    const deployment = this.deployments.find((d) => d.id === idOrUrl || d.url === host);
    if (!deployment) return error(404, "not_found", "Deployment not found");
    const project = this.projects.find((p) => p.id === deployment.projectId);
    if ((project?.team ?? undefined) !== team?.id) {
      return project?.team && !team
        ? error(403, "forbidden", "Not authorized: this deployment belongs to a different team.")
        : error(404, "not_found", "Deployment not found");
    }
    if (deployment.deleted) return error(410, "deployment_deleted", "The deployment has been deleted.");
    return deployment;
  }

  private withDeployment(
    team: SimTeamSeed | undefined,
    idOrUrl: string | undefined,
    then: (d: SimDeployment) => SimResponse,
  ) {
    const deployment = this.findDeployment(team, idOrUrl ?? "");
    return "status" in deployment ? deployment : then(deployment);
  }

  private list(team: SimTeamSeed | undefined, query: URLSearchParams): SimResponse {
    const projectId = query.get("projectId");
    const project = projectId ? this.findProject(team, projectId) : undefined;
    if (project && "status" in project) return project;
    const limit = Math.min(100, Number(query.get("limit") ?? 20) || 20);
    const until = query.get("until") ? Number(query.get("until")) : undefined;
    const target = query.get("target");
    const state = query.get("state")?.split(",");
    const candidatesOnly = query.get("rollbackCandidate") === "true";
    const ownerTeam = (d: SimDeployment) => this.projects.find((p) => p.id === d.projectId)?.team;
    const matching = this.deployments
      .filter((d) => !d.deleted)
      .filter((d) => (project ? d.projectId === project.id : ownerTeam(d) === team?.id))
      .filter((d) => !target || (target === "production" ? d.target === "production" : d.target === null))
      .filter((d) => !state || state.includes(d.readyState))
      .filter((d) => !candidatesOnly || isRollbackCandidate(d))
      .filter((d) => until === undefined || d.createdAt < until)
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    return ok({
      deployments: page.map((d) => renderListItem(this, d)),
      pagination: {
        count: page.length,
        next: matching.length > limit && last ? last.createdAt : null,
        prev: page[0]?.createdAt ?? null,
      },
    });
  }

  private alias(team: SimTeamSeed | undefined, host: string): SimResponse {
    const pinned = this.projects.find((p) => p.aliases[host]);
    if (pinned && (pinned.team ?? undefined) === team?.id)
      return ok(renderAlias(this, host, pinned, pinned.aliases[host]));
    const byDomain = this.projects.find((p) => p.domains.includes(host));
    const deployment = byDomain ? undefined : this.deployments.find((d) => d.url === host);
    const project = byDomain ?? this.projects.find((p) => p.id === deployment?.projectId);
    if (!project || (project.team ?? undefined) !== team?.id)
      return error(404, "not_found", "Alias not found");
    return ok(renderAlias(this, host, project, byDomain ? project.production : deployment?.id));
  }

  moveProduction(project: SimProject, deployment: SimDeployment): void {
    project.production = deployment.id;
    deployment.readySubstate = "PROMOTED";
    this.onProductionChange?.({ id: project.id, name: project.name }, deployment);
  }

  /** A build reaching READY takes the domains, unless production is pinned after a rollback. */
  private finishBuild(deployment: SimDeployment): void {
    if (!IN_FLIGHT.has(deployment.readyState)) return;
    deployment.readyState = "READY";
    const project = this.projects.find((p) => p.id === deployment.projectId);
    if (deployment.target !== "production" || !project) return;
    if (project.autoAssignCustomDomains) this.moveProduction(project, deployment);
    else deployment.readySubstate = "STAGED";
  }

  private cancel(deployment: SimDeployment): SimResponse {
    if (deployment.finishesOnCancel) this.finishBuild(deployment);
    // Vercel documents only that a cancel stops a build; for one already finished it answers an error.
    if (!IN_FLIGHT.has(deployment.readyState)) {
      return error(
        400,
        "bad_request",
        `Cannot cancel deployment ${deployment.id}: it is ${deployment.readyState}.`,
      );
    }
    deployment.readyState = "CANCELED";
    return ok(renderDeployment(this, deployment));
  }

  private rebuild(team: SimTeamSeed | undefined, body: unknown): SimResponse {
    const { deploymentId, name, target } = (body ?? {}) as {
      deploymentId?: string;
      name?: string;
      target?: string;
    };
    if (!deploymentId || !name) return error(400, "bad_request", "deploymentId and name are required.");
    const source = this.findDeployment(team, deploymentId);
    if ("status" in source) return source;
    const project = this.findProject(team, source.projectId);
    if ("status" in project) return project;
    if (name !== project.name)
      return error(400, "bad_request", `name must be the project's name "${project.name}".`);
    const id = `dpl_sim${Date.now().toString(36)}${(this.counter++).toString(36)}`;
    const deployment = this.addDeployment(project, {
      id,
      readyState: "BUILDING",
      target: target === "production" ? "production" : null,
      meta: { ...source.meta, action: "promote" },
    });
    return ok(renderDeployment(this, deployment));
  }

  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}

function decode(segment: string | undefined): string {
  return decodeURIComponent(segment ?? "");
}

const ok = (body: unknown): SimResponse => ({ status: 200, body });

const error = simError;

/**
 * The drill's and the README's scenario: project `shop` whose production deployment (`dpl_bad`) is broken,
 * with older good production deployments, a failed build and a preview.
 */
export function badProductionScenario(
  options: { team?: SimTeamSeed; aliasJobMs?: number } = {},
): VercelSimSeed {
  const commit = (sha: string, message: string) => ({
    githubCommitSha: sha,
    githubCommitMessage: message,
    githubCommitRef: "main",
  });
  return {
    teams: options.team ? [options.team] : [],
    aliasJobMs: options.aliasJobMs ?? 1000,
    projects: [
      {
        id: "prj_shop",
        name: "shop",
        team: options.team?.id,
        domains: ["shop.example.com", "www.shop.example.com"],
        deployments: [
          { id: "dpl_good1", meta: commit("1111111aaaaaaa", "Add cart") },
          { id: "dpl_good2", meta: commit("2222222bbbbbbb", "Faster checkout") },
          { id: "dpl_preview", target: null, meta: commit("3333333ccccccc", "Try new header") },
          { id: "dpl_failed", readyState: "ERROR", meta: commit("4444444ddddddd", "Upgrade framework") },
          { id: "dpl_bad", meta: commit("5555555eeeeeee", "Rewrite payment flow") },
        ],
      },
    ],
  };
}

/** A simulator seeded with `badProductionScenario`, not started yet. */
export function badProductionSimulator(
  options: { team?: SimTeamSeed; aliasJobMs?: number } & VercelSimulatorOptions = {},
): VercelSimulator {
  return new VercelSimulator(badProductionScenario(options), options);
}
