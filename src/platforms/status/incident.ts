import type { ChatStatus } from "../chat/message.ts";
import { ChannelError } from "../chat/send.ts";
import type { Component, Incident, IncidentText, StatusPageClient } from "./common.ts";

/** What a status page will get for this message: decided from reads only, so a dry run can show it. */
export type IncidentStep =
  | { kind: "open" }
  | { kind: "update"; incident: Incident }
  | { kind: "resolve"; incident: Incident }
  | { kind: "none"; reason: string; incident?: Incident };

export interface IncidentPlan {
  step: IncidentStep;
  text: IncidentText;
  /** Components that exist on the page, from those asked for. */
  components: string[];
  /** Asked for but not on the page: left out, and said so. */
  unknown: string[];
  /** The page's components, for the message about unknown ones. */
  available: Component[];
  /** A note for the log (an incident id that no longer exists, say). */
  notes: string[];
}

export interface IncidentRequest {
  status: ChatStatus;
  text: IncidentText;
  components: string[];
  /** The incident an earlier notify opened (its `status-page-incident` output). */
  incidentId?: string;
}

/**
 * Reads the page and decides: `started` opens an incident unless one with this name is open (a second
 * `started` of the same rollback reuses it), `failed`/`cancelled` add an update (opening one if there is
 * none: the public must hear of a rollback that failed), `info` updates an open one, `succeeded` resolves it.
 */
export async function planIncident(
  client: StatusPageClient,
  request: IncidentRequest,
): Promise<IncidentPlan> {
  const notes: string[] = [];
  let available: Component[] = [];
  let components = request.components;
  let unknown: string[] = [];
  if (request.components.length) {
    available = await client.components();
    components = request.components.filter((id) => available.some((c) => c.id === id));
    unknown = request.components.filter((id) => !components.includes(id));
  }
  let existing: Incident | undefined;
  if (request.incidentId) {
    existing = await client.get(request.incidentId);
    if (!existing)
      notes.push(`incident ${request.incidentId} is not on this page; looking for an open one by name`);
  }
  existing ??= await client.findOpen(request.text.name);
  const open = existing && !existing.resolved ? existing : undefined;
  const step = decide(request.status, open, existing, request.text.name);
  return { step, text: request.text, components, unknown, available, notes };
}

function decide(
  status: ChatStatus,
  open: Incident | undefined,
  existing: Incident | undefined,
  name: string,
): IncidentStep {
  switch (status) {
    case "started":
      return open
        ? { kind: "none", reason: `incident ${open.id} is already open: reused`, incident: open }
        : { kind: "open" };
    case "failed":
    case "cancelled":
      return open ? { kind: "update", incident: open } : { kind: "open" };
    case "info":
      return open
        ? { kind: "update", incident: open }
        : { kind: "none", reason: `no open incident named "${name}": nothing to update` };
    case "succeeded":
      if (open) return { kind: "resolve", incident: open };
      return existing
        ? { kind: "none", reason: `incident ${existing.id} is already resolved`, incident: existing }
        : { kind: "none", reason: `no open incident named "${name}": nothing to resolve` };
  }
}

export interface IncidentResult {
  incident?: Incident;
  detail: string;
}

/** The plan in one line, for the log, the summary and a dry run. */
export function describeIncident(plan: IncidentPlan): string {
  const { step, text } = plan;
  const on = plan.components.length ? `; components ${plan.components.join(", ")}` : "";
  switch (step.kind) {
    case "open":
      return `open "${text.name}" (investigating, impact ${text.impact}${on})`;
    case "update":
      return `update incident ${step.incident.id} (investigating, impact ${text.impact}${on})`;
    case "resolve":
      return `resolve incident ${step.incident.id} (components back to operational)`;
    case "none":
      return step.reason;
  }
}

/** Makes the change the plan decided. A create whose answer was lost is looked for before it is reported. */
export async function applyIncident(client: StatusPageClient, plan: IncidentPlan): Promise<IncidentResult> {
  const { step, text } = plan;
  switch (step.kind) {
    case "none":
      return { incident: step.incident, detail: step.reason };
    case "open": {
      let incident: Incident;
      try {
        incident = await client.open(text, plan.components);
      } catch (error) {
        const found = ambiguous(error) ? await client.findOpen(text.name).catch(() => undefined) : undefined;
        if (!found) throw error;
        incident = found;
      }
      return { incident, detail: `opened incident ${incident.id}${link(incident)}` };
    }
    case "update":
      await client.update(step.incident.id, text, plan.components, false);
      return {
        incident: step.incident,
        detail: `updated incident ${step.incident.id}${link(step.incident)}`,
      };
    case "resolve": {
      // Every component the incident affects goes back to operational, not only those named this time.
      const components = [...new Set([...plan.components, ...step.incident.components])];
      try {
        await client.update(step.incident.id, text, components, true);
      } catch (error) {
        const now = ambiguous(error) ? await client.get(step.incident.id).catch(() => undefined) : undefined;
        if (!now?.resolved) throw error;
      }
      return {
        incident: { ...step.incident, resolved: true },
        detail: `resolved incident ${step.incident.id}${link(step.incident)}`,
      };
    }
  }
}

function ambiguous(error: unknown): boolean {
  return error instanceof ChannelError && error.ambiguous;
}

function link(incident: Incident): string {
  return incident.url ? ` ${incident.url}` : "";
}

/** The warning for components that are not on the page, naming the ones that are. */
export function unknownComponentsWarning(
  label: string,
  plan: IncidentPlan,
  input: string,
): string | undefined {
  if (!plan.unknown.length) return undefined;
  const known = plan.available.map((c) => `${c.id} (${c.name})`).join(", ") || "none";
  return `${label}: ${input} ${plan.unknown.join(", ")} not found on the page, left out. The page has: ${known}.`;
}
