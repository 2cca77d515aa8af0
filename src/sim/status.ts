import { HostedSimulator, type SimRequest, type SimResponse } from "./server.ts";

/**
 * The local status pages: Atlassian Statuspage here, Instatus and Better Stack in their own files. Each keeps
 * a page's components and incidents, checks the auth header the provider documents, answers in the
 * provider's shape and error body, and plays injected faults (420/429 with Retry-After, 5xx, lost answers).
 * Where a provider's docs are silent (the exact error text, how it treats an unknown component), the
 * simulator is pessimistic: it refuses.
 */

export interface SimComponent {
  id: string;
  name: string;
  status: string;
}

export interface SimStatusIncident {
  id: string;
  name: string;
  status: string;
  impact?: string;
  /** Component id → status, as last set. */
  components: Record<string, string>;
  /** Every message, first one included, in the provider's words. */
  updates: { status: string; message: string }[];
  resolved: boolean;
}

export interface StatusSimOptions {
  key?: string;
  pageId?: string;
  components?: { id: string; name: string }[];
}

const DEFAULT_COMPONENTS = [
  { id: "cmp_api", name: "API" },
  { id: "cmp_web", name: "Website" },
];

/** What every status-page simulator shares: a page, its components and incidents, auth, faults. */
export abstract class StatusSim extends HostedSimulator {
  readonly key: string;
  readonly pageId: string;
  readonly components: SimComponent[];
  readonly incidents: SimStatusIncident[] = [];
  private nextId = 1;

  constructor(options: StatusSimOptions, defaults: { key: string; pageId: string; status: string }) {
    super();
    this.key = options.key ?? defaults.key;
    this.pageId = options.pageId ?? defaults.pageId;
    this.components = (options.components ?? DEFAULT_COMPONENTS).map((c) => ({
      ...c,
      status: defaults.status,
    }));
  }

  /** Bodies of the mutations accepted, oldest first (what the provider was asked to publish). */
  mutations(): SimRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  reset(): void {
    this.incidents.length = 0;
    this.requests.length = 0;
    this.server.clearFaults();
  }

  protected newId(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(4, "0")}`;
  }

  protected unknownComponents(ids: string[]): string[] {
    return ids.filter((id) => !this.components.some((c) => c.id === id));
  }

  protected setComponents(incident: SimStatusIncident, statuses: Record<string, string>): void {
    for (const [id, status] of Object.entries(statuses)) {
      incident.components[id] = status;
      const component = this.components.find((c) => c.id === id);
      if (component) component.status = status;
    }
  }

  /** The bearer-style credential in the request, or undefined when the header is missing or malformed. */
  protected credential(request: SimRequest, scheme: string): string | undefined {
    const header = request.headers.authorization ?? "";
    const match = new RegExp(`^${scheme} (.+)$`).exec(header);
    return match?.[1];
  }
}

/** A JSON object body, or an empty one. */
export function objectBody(request: SimRequest): Record<string, unknown> {
  return typeof request.body === "object" && request.body !== null && !Array.isArray(request.body)
    ? (request.body as Record<string, unknown>)
    : {};
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// Statuspage: developer.statuspage.io. `Authorization: OAuth KEY`; incident bodies wrapped in `{incident}`;
// `components` maps component id → status; incidents listed (and searched with `q`) at /incidents.
export const STATUSPAGE_COMPONENT_STATUSES = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
];
const STATUSPAGE_INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"];

export class StatuspageSimulator extends StatusSim {
  constructor(options: StatusSimOptions = {}) {
    super(options, { key: "sp-simulated-key-0001", pageId: "pg_sim0001", status: "operational" });
  }

  /** The statuspage-api-url input. */
  get apiUrl(): string {
    return `${this.url}/v1`;
  }

  protected override handle(request: SimRequest): SimResponse {
    if (this.credential(request, "OAuth") !== this.key)
      return { status: 401, body: { error: "Unauthorized" } };
    const prefix = `/v1/pages/${this.pageId}`;
    if (!request.path.startsWith(prefix)) return { status: 404, body: { error: "Not found" } };
    const path = request.path.slice(prefix.length);
    const route = `${request.method} ${path}`;
    if (route === "GET /components")
      return { status: 200, body: this.components.map((c) => ({ ...c, group: false })) };
    if (route === "GET /incidents") return { status: 200, body: this.search(request) };
    if (route === "POST /incidents") return this.create(request);
    const one = /^(GET|PATCH) \/incidents\/([^/]+)$/.exec(route);
    const incident = one && this.incidents.find((i) => i.id === one[2]);
    if (one && !incident) return { status: 404, body: { error: "Not found" } };
    if (one?.[1] === "GET" && incident) return { status: 200, body: this.json(incident) };
    if (one?.[1] === "PATCH" && incident) return this.patch(incident, request);
    return { status: 404, body: { error: "Not found" } };
  }

  // developer.statuspage.io "Get a list of incidents": `q` searches the name, status and updates; `limit`
  // (default 100) and `page`; newest first.
  private search(request: SimRequest) {
    const q = (request.query.get("q") ?? "").toLowerCase();
    const limit = Number(request.query.get("limit") ?? 100);
    const page = Number(request.query.get("page") ?? 1);
    return this.incidents
      .filter((i) =>
        [i.name, i.status, ...i.updates.map((u) => u.message)].some((text) => text.toLowerCase().includes(q)),
      )
      .reverse()
      .slice((page - 1) * limit, page * limit)
      .map((i) => this.json(i));
  }

  private check(fields: Record<string, unknown>): SimResponse | undefined {
    const status = fields.status;
    if (status !== undefined && !STATUSPAGE_INCIDENT_STATUSES.includes(String(status))) {
      return { status: 422, body: { error: `Status is not included in the list` } };
    }
    const components = (fields.components ?? {}) as Record<string, unknown>;
    const ids = [...strings(fields.component_ids), ...Object.keys(components)];
    const unknown = this.unknownComponents(ids);
    if (unknown.length) return { status: 422, body: { error: `Component ${unknown[0]} not found` } };
    const bad = Object.values(components).find((s) => !STATUSPAGE_COMPONENT_STATUSES.includes(String(s)));
    if (bad !== undefined)
      return { status: 422, body: { error: `Component status ${String(bad)} is invalid` } };
    return undefined;
  }

  private create(request: SimRequest): SimResponse {
    const fields = objectBody(request).incident as Record<string, unknown> | undefined;
    if (!fields || typeof fields.name !== "string" || !fields.name) {
      return { status: 422, body: { error: "Name can't be blank" } };
    }
    const problem = this.check(fields);
    if (problem) return problem;
    const status = String(fields.status ?? "investigating");
    const incident: SimStatusIncident = {
      id: this.newId("inc_"),
      name: fields.name,
      status,
      impact: typeof fields.impact_override === "string" ? fields.impact_override : "none",
      components: {},
      updates: [{ status, message: String(fields.body ?? "") }],
      resolved: status === "resolved",
    };
    this.setComponents(incident, (fields.components ?? {}) as Record<string, string>);
    this.incidents.push(incident);
    return { status: 201, body: this.json(incident) };
  }

  private patch(incident: SimStatusIncident, request: SimRequest): SimResponse {
    const fields = (objectBody(request).incident ?? {}) as Record<string, unknown>;
    const problem = this.check(fields);
    if (problem) return problem;
    if (typeof fields.status === "string") incident.status = fields.status;
    if (typeof fields.impact_override === "string") incident.impact = fields.impact_override;
    incident.resolved = incident.status === "resolved";
    this.setComponents(incident, (fields.components ?? {}) as Record<string, string>);
    if (typeof fields.body === "string")
      incident.updates.push({ status: incident.status, message: fields.body });
    return { status: 200, body: this.json(incident) };
  }

  private json(incident: SimStatusIncident) {
    return {
      id: incident.id,
      name: incident.name,
      status: incident.status,
      impact: incident.impact,
      page_id: this.pageId,
      shortlink: `https://stspg.io/${incident.id}`,
      resolved_at: incident.resolved ? new Date().toISOString() : null,
      components: Object.entries(incident.components).map(([id, status]) => ({
        id,
        name: this.components.find((c) => c.id === id)?.name ?? id,
        status,
      })),
      incident_updates: incident.updates.map((u, n) => ({
        id: `upd_${n}`,
        status: u.status,
        body: u.message,
      })),
    };
  }
}
