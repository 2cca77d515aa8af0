import { ChannelError } from "../chat/send.ts";
import type { Incident, StatusPageClient } from "./common.ts";
import type { IncidentPlan } from "./incident.ts";

// Carries out an incident plan; the decision is in incident.ts.

export interface IncidentResult {
  incident?: Incident;
  detail: string;
}

/**
 * Makes the change the plan decided. A create or resolve whose answer was lost is read back before it is
 * reported; a failure carries the incident that exists (`IncidentFailure.incident`), so the output names it.
 */
export async function applyIncident(client: StatusPageClient, plan: IncidentPlan): Promise<IncidentResult> {
  const { step, text } = plan;
  switch (step.kind) {
    case "none":
      return { incident: step.incident, detail: step.reason };
    case "open": {
      let incident: Incident;
      try {
        incident = await client.open(text, plan.components, step.state);
      } catch (error) {
        if (!ambiguous(error)) throw error;
        const found = await client.find(plan.tag, plan.search).then(
          (incident) => ({ incident }),
          () => undefined,
        );
        if (!found?.incident)
          throw new Error(`${errorText(error)} ${unopened(found !== undefined, plan.tag)}`);
        incident = found.incident;
      }
      return { incident, detail: `opened incident ${incident.id}${link(incident)}` };
    }
    case "update":
      try {
        await client.update(step.incident.id, text, plan.components, step.state);
      } catch (error) {
        throw new IncidentFailure(error, step.incident);
      }
      return {
        incident: { ...step.incident, resolved: false },
        detail: `updated incident ${step.incident.id} (${step.state}${step.incident.resolved ? ", reopened" : ""})${link(step.incident)}`,
      };
    case "resolve": {
      // Every component the incident affects goes back to operational, not only those named this time.
      const components = [...new Set([...plan.components, ...step.incident.components])];
      try {
        await client.update(step.incident.id, text, components, "resolved");
      } catch (error) {
        const now = ambiguous(error) ? await client.get(step.incident.id).catch(() => undefined) : undefined;
        if (!now?.resolved) throw new IncidentFailure(error, step.incident);
      }
      return {
        incident: { ...step.incident, resolved: true },
        detail: `resolved incident ${step.incident.id}${link(step.incident)}`,
      };
    }
  }
}

/** A change to an incident that exists failed: the message is the provider's, the incident is still ours. */
export class IncidentFailure extends Error {
  override name = "IncidentFailure";
  readonly incident: Incident;
  constructor(cause: unknown, incident: Incident) {
    super(errorText(cause), { cause });
    this.incident = incident;
  }
}

/** What the page holds after a create that may or may not have gone through, from the read-back. */
function unopened(readBack: boolean, tag: string): string {
  return readBack
    ? `Read back: the page has no incident ${tag}, so none was opened; re-run this step to open it.`
    : `The page could not be read back: an incident ${tag} may exist; a re-run finds it by that tag and never opens a second.`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ambiguous(error: unknown): boolean {
  return error instanceof ChannelError && error.ambiguous;
}

function link(incident: Incident): string {
  return incident.url ? ` ${incident.url}` : "";
}
