import type { ChatStatus } from "../chat/message.ts";
import type { Component, Incident, IncidentState, IncidentText, StatusPageClient } from "./common.ts";

/** What a status page will get for this message: decided from reads only, so a dry run can show it. */
export type IncidentStep =
  | { kind: "open"; state: IncidentState }
  | { kind: "update"; incident: Incident; state: IncidentState }
  | { kind: "resolve"; incident: Incident }
  | { kind: "none"; reason: string; incident?: Incident };

export interface IncidentPlan {
  step: IncidentStep;
  text: IncidentText;
  /** The rollback's mark at the end of the incident's name. */
  tag: string;
  search: string;
  /** Components that exist on the page, from those asked for. */
  components: string[];
  /** Asked for but not on the page: left out, and said so. */
  unknown: string[];
  /** The page's components, for the message about unknown ones. */
  available: Component[];
  /** A note for the log (an incident id that no longer exists, say). */
  notes: string[];
}

/** Which rollback an incident belongs to: a page is shared by every environment and by people. */
export interface RollbackMark {
  environment?: string;
  /** The workflow run: every attempt of a run is the same rollback. */
  runId?: string;
}

/** `(production, rollback 4242)`: ends the incident's name, and is how a later step finds it again. */
export function incidentTag(mark: RollbackMark): string {
  const parts = [mark.environment, mark.runId ? `rollback ${mark.runId}` : "rollback"].filter(Boolean);
  return `(${parts.join(", ")})`;
}

export interface IncidentRequest {
  status: ChatStatus;
  /** `name` is the title alone; the tag is added here. */
  text: IncidentText;
  components: string[];
  mark: RollbackMark;
  /** The incident an earlier notify opened (its `status-page-incident` output). */
  incidentId?: string;
}

/**
 * Reads the page and decides. The incident is this rollback's own: the one `status-page-incident` names,
 * else the newest whose name ends with this environment's and run's tag (resolved ones too, so a re-run
 * continues it). `started` opens one unless it exists; `failed` and `unverified` update it (reopening it when
 * an earlier attempt resolved it) or open one: the public must hear of a rollback that did not recover;
 * `cancelled` and `info` update an open one; `succeeded` resolves it. Never a second incident per rollback.
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
  const tag = incidentTag(request.mark);
  const search = request.mark.runId ?? "rollback";
  const text = { ...request.text, name: `${request.text.name} ${tag}` };
  let own: Incident | undefined;
  if (request.incidentId) {
    own = await client.get(request.incidentId);
    if (!own)
      notes.push(`incident ${request.incidentId} is not on this page; looking for this rollback's own`);
  }
  if (!own) {
    const found = await client.find(tag, search);
    // Without a run id the tag names only the environment: an old, resolved incident is another rollback's.
    own = found && (request.mark.runId || !found.resolved) ? found : undefined;
  }
  const step = decide(request.status, own, tag);
  return { step, text, tag, search, components, unknown, available, notes };
}

function decide(status: ChatStatus, own: Incident | undefined, tag: string): IncidentStep {
  const open = own && !own.resolved ? own : undefined;
  switch (status) {
    case "started":
      if (open)
        return {
          kind: "none",
          reason: `incident ${open.id} of this rollback is open: continued`,
          incident: open,
        };
      return own
        ? {
            kind: "none",
            reason: `incident ${own.id} of this rollback was resolved by an earlier attempt: left resolved`,
            incident: own,
          }
        : { kind: "open", state: "investigating" };
    case "failed":
    case "unverified": {
      const state = status === "failed" ? "investigating" : "monitoring";
      return own ? { kind: "update", incident: own, state } : { kind: "open", state };
    }
    case "cancelled":
    case "info":
      if (open) return { kind: "update", incident: open, state: "investigating" };
      return {
        kind: "none",
        reason: own
          ? `incident ${own.id} is resolved: nothing to update`
          : `no incident ${tag} open: nothing to update`,
        incident: own,
      };
    case "succeeded":
      if (open) return { kind: "resolve", incident: open };
      return own
        ? { kind: "none", reason: `incident ${own.id} is already resolved`, incident: own }
        : { kind: "none", reason: `no incident ${tag} open: nothing to resolve` };
  }
}

/** The plan in one line, for the log, the summary and a dry run. */
export function describeIncident(plan: IncidentPlan): string {
  const { step, text } = plan;
  const on = plan.components.length ? `; components ${plan.components.join(", ")}` : "";
  switch (step.kind) {
    case "open":
      return `open "${text.name}" (${step.state}, impact ${text.impact}${on})`;
    case "update": {
      const reopen = step.incident.resolved ? ", reopening it" : "";
      return `update incident ${step.incident.id} (${step.state}${reopen}, impact ${text.impact}${on})`;
    }
    case "resolve":
      return `resolve incident ${step.incident.id} (components back to operational)`;
    case "none":
      return step.reason;
  }
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
