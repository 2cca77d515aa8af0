import type { DetectedToken } from "./client.ts";
import { type Named, type Project, type RailwayClient, RailwayError, TokenRejectedError } from "./client.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name or id that matches nothing the token can see; `known` lists what it can. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  readonly what: "project" | "environment" | "service";
  readonly wanted: string[];
  readonly known: string[];
  constructor(what: NotFoundError["what"], wanted: string[], known: string[], message: string) {
    super(message);
    this.what = what;
    this.wanted = wanted;
    this.known = known;
  }
}

/** A project token used outside its scope (another project or environment). */
export class ScopeError extends Error {
  override name = "ScopeError";
  readonly input: "project" | "environment";
  readonly scope: string;
  constructor(input: ScopeError["input"], scope: string, message: string) {
    super(message);
    this.input = input;
    this.scope = scope;
  }
}

function names(items: Named[]): string[] {
  return items.map((i) => i.name);
}

/**
 * The project, by the token's scope, an id, or a name. A name is looked up in the personal account's
 * projects and in every workspace of the token's user (`me { workspaces }`, then
 * `projects(workspaceId:)`): root `projects` alone lists no workspace project (PLATFORMS.md).
 */
export async function resolveProject(token: DetectedToken, wanted: string | undefined): Promise<Project> {
  const { client, scope } = token;
  if (scope) {
    if (wanted && wanted !== scope.project.id && wanted !== scope.project.name) {
      throw new ScopeError(
        "project",
        scope.project.name,
        `The project token belongs to project "${scope.project.name}" (${scope.project.id}), but project is "${wanted}".`,
      );
    }
    return scope.project;
  }
  if (!wanted) {
    // Refused as a project token: before asking for a project, make sure it is a Railway token at all
    // (a Vercel token lands here too, and "project is required" would send the user the wrong way).
    if (token.probedAsProject) await rejectedAsToken(token, () => client.projects());
    throw new NotFoundError("project", [], [], "No project given for an account or workspace token.");
  }
  return rejectedAsToken(token, async () => {
    if (UUID.test(wanted)) {
      try {
        return await client.project(wanted);
      } catch (error) {
        // Not a project id after all (or not visible): look it up by name below.
        if (!(error instanceof RailwayError) || isRejection(error)) throw error;
      }
    }
    const projects = await visibleProjects(client);
    const found = projects.find((p) => p.id === wanted || p.name === wanted);
    if (!found) {
      throw new NotFoundError(
        "project",
        [wanted],
        names(projects),
        `No Railway project "${wanted}" is visible to this token. Projects it can see: ${names(projects).join(", ") || "(none)"}.`,
      );
    }
    return client.project(found.id);
  });
}

/** Personal projects plus each workspace's; a workspace token (no user behind it) gets the root list only. */
async function visibleProjects(client: RailwayClient): Promise<Named[]> {
  let workspaces: Named[] = [];
  try {
    workspaces = await client.workspaces();
  } catch (error) {
    if (!(error instanceof RailwayError) || !error.notAuthorized) throw error;
  }
  const lists = await Promise.all([client.projects(), ...workspaces.map((w) => client.projects(w.id))]);
  return [...new Map(lists.flat().map((p) => [p.id, p])).values()];
}

function isRejection(error: unknown): error is RailwayError {
  return error instanceof RailwayError && error.notAuthorized;
}

/**
 * A refusal of the first account-side read means Railway rejects the token itself: under `auto` it was
 * already refused as a project token, so neither kind fits.
 */
async function rejectedAsToken<T>(token: DetectedToken, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isRejection(error)) throw error;
    const triedAs = token.probedAsProject ? (["project", "account"] as const) : (["account"] as const);
    throw new TokenRejectedError([...triedAs], error.messages);
  }
}

export function resolveEnvironment(project: Project, token: DetectedToken, wanted: string): Named {
  const found = project.environments.find((e) => e.id === wanted || e.name === wanted);
  const scope = token.scope;
  if (scope) {
    const own = project.environments.find((e) => e.id === scope.environmentId) ?? {
      id: scope.environmentId,
      name: scope.environmentId,
    };
    if (!found || found.id !== own.id) {
      throw new ScopeError(
        "environment",
        own.name,
        `The project token is scoped to environment "${own.name}", but environment is "${wanted}".`,
      );
    }
    return own;
  }
  if (!found) {
    throw new NotFoundError(
      "environment",
      [wanted],
      names(project.environments),
      `Project "${project.name}" has no environment "${wanted}". Its environments: ${names(project.environments).join(", ") || "(none)"}.`,
    );
  }
  return found;
}

export function resolveServices(project: Project, wanted: string[]): Named[] {
  const missing = wanted.filter((w) => !project.services.some((s) => s.id === w || s.name === w));
  if (missing.length) {
    throw new NotFoundError(
      "service",
      missing,
      names(project.services),
      `Project "${project.name}" has no service ${missing.map((m) => `"${m}"`).join(", ")}. Its services: ${names(project.services).join(", ") || "(none)"}.`,
    );
  }
  const found = wanted.map((w) => project.services.find((s) => s.id === w || s.name === w) as Named);
  return [...new Map(found.map((s) => [s.id, s])).values()];
}
