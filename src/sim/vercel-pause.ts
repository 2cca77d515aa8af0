import type { SimResponse } from "./server.ts";
import { renderProject, type SimProject, type SimWorld } from "./vercel-shapes.ts";

/**
 * Pausing a project and the setting it flips: auto-assignment of custom production domains. Pause and
 * unpause both write that setting, whatever it was, so an unpause after an instant rollback undoes its pin.
 */

export function setPaused(project: SimProject, paused: boolean): SimResponse {
  project.paused = paused;
  // @vercel/sdk projectsPauseProject: a pause "disables auto assigning custom production domains";
  // projectsUnpauseProject: an unpause "enables auto assigning custom production domains" (PLATFORMS.md).
  project.autoAssignCustomDomains = !paused;
  // @vercel/sdk projectsPauseProject/projectsUnpauseProject: 200 with no body.
  return { status: 200 };
}

/** The project settings the simulator models; any other field is refused, so no test leans on a no-op. */
const MODELLED = new Set(["autoAssignCustomDomains"]);

/** `PATCH /v9/projects/{idOrName}`: only `autoAssignCustomDomains` is modelled. */
export function updateProject(world: SimWorld, project: SimProject, body: unknown): SimResponse {
  if (!body || typeof body !== "object" || Array.isArray(body))
    return refuse("The request body must be a JSON object.");
  const fields = Object.entries(body as Record<string, unknown>);
  const unknown = fields.filter(([name]) => !MODELLED.has(name)).map(([name]) => name);
  if (unknown.length) return refuse(`The simulator does not model ${unknown.join(", ")}.`);
  const auto = (body as { autoAssignCustomDomains?: unknown }).autoAssignCustomDomains;
  if (auto !== undefined && typeof auto !== "boolean")
    return refuse("autoAssignCustomDomains must be a boolean.");
  // @vercel/sdk models/updateprojectdefinitions.ts: UpdateProjectRequestBody has `autoAssignCustomDomains`
  // (the setting a rollback turns off and a promote turns on, PLATFORMS.md).
  if (auto !== undefined) project.autoAssignCustomDomains = auto;
  return { status: 200, body: renderProject(world, project, false) };
}

function refuse(message: string): SimResponse {
  return { status: 400, body: { error: { code: "bad_request", message } } };
}
