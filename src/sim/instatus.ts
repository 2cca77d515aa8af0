import type { SimRequest, SimResponse } from "./server.ts";
import { objectBody, type SimStatusIncident, StatusSim, type StatusSimOptions, strings } from "./status.ts";

// Instatus API v1 (instatus.com/help/api): `Authorization: Bearer KEY`; POST /v1/{page}/incidents creates,
// POST /v1/{page}/incidents/{id}/incident-updates adds a message; upper-case statuses; component statuses
// given per message as `statuses: [{id, status}]`. Error bodies are not documented: `{message}` here.
export const INSTATUS_INCIDENT_STATUSES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"];
export const INSTATUS_COMPONENT_STATUSES = [
  "OPERATIONAL",
  "UNDERMAINTENANCE",
  "DEGRADEDPERFORMANCE",
  "PARTIALOUTAGE",
  "MAJOROUTAGE",
];

export class InstatusSimulator extends StatusSim {
  constructor(options: StatusSimOptions = {}) {
    super(options, { key: "instatus-simulated-key-0001", pageId: "ckpage0001", status: "OPERATIONAL" });
  }

  /** The instatus-api-url input. */
  get apiUrl(): string {
    return this.url;
  }

  protected override handle(request: SimRequest): SimResponse {
    if (this.credential(request, "Bearer") !== this.key)
      return { status: 401, body: { message: "Unauthorized" } };
    const prefix = `/v1/${this.pageId}`;
    if (!request.path.startsWith(`${prefix}/`)) return { status: 404, body: { message: "Page not found" } };
    const route = `${request.method} ${request.path.slice(prefix.length)}`;
    if (route === "GET /components") return { status: 200, body: this.components };
    if (route === "GET /incidents") return { status: 200, body: this.list(request) };
    if (route === "POST /incidents") return this.create(request);
    const one = /^GET \/incidents\/([^/]+)$/.exec(route);
    const update = /^POST \/incidents\/([^/]+)\/incident-updates$/.exec(route);
    const id = one?.[1] ?? update?.[1];
    const incident = id && this.incidents.find((i) => i.id === id);
    if (id && !incident) return { status: 404, body: { message: "Incident not found" } };
    if (one && incident) return { status: 200, body: this.json(incident) };
    if (update && incident) return this.addUpdate(incident, request);
    return { status: 404, body: { message: "Not found" } };
  }

  private list(request: SimRequest) {
    const perPage = Number(request.query.get("per_page") ?? 50);
    const page = Number(request.query.get("page") ?? 1);
    return [...this.incidents]
      .reverse()
      .slice((page - 1) * perPage, page * perPage)
      .map((i) => this.json(i));
  }

  private check(body: Record<string, unknown>): SimResponse | undefined {
    if (body.status !== undefined && !INSTATUS_INCIDENT_STATUSES.includes(String(body.status))) {
      return { status: 400, body: { message: `Invalid status ${String(body.status)}` } };
    }
    const statuses = Array.isArray(body.statuses)
      ? (body.statuses as { id?: unknown; status?: unknown }[])
      : [];
    const unknown = this.unknownComponents([
      ...strings(body.components),
      ...statuses.map((s) => String(s.id)),
    ]);
    if (unknown.length) return { status: 400, body: { message: `Component ${unknown[0]} not found` } };
    if (statuses.some((s) => !INSTATUS_COMPONENT_STATUSES.includes(String(s.status)))) {
      return { status: 400, body: { message: "Invalid component status" } };
    }
    return undefined;
  }

  private statuses(body: Record<string, unknown>): Record<string, string> {
    const list = Array.isArray(body.statuses) ? (body.statuses as { id: string; status: string }[]) : [];
    return Object.fromEntries(list.map((s) => [s.id, s.status]));
  }

  private create(request: SimRequest): SimResponse {
    const body = objectBody(request);
    if (typeof body.name !== "string" || !body.name)
      return { status: 400, body: { message: "name is required" } };
    const problem = this.check(body);
    if (problem) return problem;
    const status = String(body.status ?? "INVESTIGATING");
    const incident: SimStatusIncident = {
      id: this.newId("ckinc"),
      name: body.name,
      status,
      components: {},
      updates: [{ status, message: String(body.message ?? "") }],
      resolved: status === "RESOLVED",
    };
    for (const id of strings(body.components)) incident.components[id] = "OPERATIONAL";
    this.setComponents(incident, this.statuses(body));
    this.incidents.push(incident);
    return { status: 200, body: this.json(incident) };
  }

  private addUpdate(incident: SimStatusIncident, request: SimRequest): SimResponse {
    const body = objectBody(request);
    const problem = this.check(body);
    if (problem) return problem;
    if (typeof body.status === "string") incident.status = body.status;
    incident.resolved = incident.status === "RESOLVED";
    this.setComponents(incident, this.statuses(body));
    incident.updates.push({ status: incident.status, message: String(body.message ?? "") });
    return { status: 200, body: { id: this.newId("ckupd"), incident: incident.id, status: incident.status } };
  }

  private json(incident: SimStatusIncident) {
    return {
      id: incident.id,
      name: incident.name,
      status: incident.status,
      components: Object.entries(incident.components).map(([id, status]) => ({
        id,
        name: this.components.find((c) => c.id === id)?.name ?? id,
        status,
      })),
      incidentUpdates: incident.updates.map((u, n) => ({
        id: `upd${n}`,
        status: u.status,
        message: u.message,
      })),
    };
  }
}
