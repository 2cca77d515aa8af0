import type { SimRequest, SimResponse } from "./server.ts";
import { objectBody, type SimStatusIncident, StatusSim, type StatusSimOptions } from "./status.ts";

// Better Stack Uptime API v2 (betterstack.com/docs/uptime/api): `Authorization: Bearer TOKEN`; a status report
// per incident, status updates on it; `affected_resources: [{status_page_resource_id, status}]` with status
// `resolved`, `degraded` or `downtime` (required on a status update); JSON:API answers; errors `{errors}`.
export const BETTERSTACK_RESOURCE_STATUSES = ["resolved", "degraded", "downtime"];

type Affected = { status_page_resource_id?: unknown; status?: unknown };

export class BetterStackSimulator extends StatusSim {
  constructor(options: StatusSimOptions = {}) {
    super(
      {
        components: [
          { id: "8001", name: "API" },
          { id: "8002", name: "Website" },
        ],
        ...options,
      },
      { key: "bs-simulated-token-0001", pageId: "4242", status: "operational" },
    );
  }

  /** The betterstack-api-url input. */
  get apiUrl(): string {
    return this.url;
  }

  protected override handle(request: SimRequest): SimResponse {
    if (this.credential(request, "Bearer") !== this.key) {
      return { status: 401, body: { errors: "Invalid Team API token" } };
    }
    const prefix = `/api/v2/status-pages/${this.pageId}`;
    if (!request.path.startsWith(`${prefix}/`))
      return { status: 404, body: { errors: "Resource not found" } };
    const route = `${request.method} ${request.path.slice(prefix.length)}`;
    if (route === "GET /resources") {
      const data = this.components.map((c) => ({
        id: c.id,
        type: "status_page_resource",
        attributes: { public_name: c.name, resource_type: "Monitor", status: c.status },
      }));
      return { status: 200, body: { data, pagination: { next: null } } };
    }
    if (route === "GET /status-reports") {
      return {
        status: 200,
        body: { data: this.incidents.map((i) => this.json(i)), pagination: { next: null } },
      };
    }
    if (route === "POST /status-reports") return this.create(request);
    const one = /^GET \/status-reports\/([^/]+)$/.exec(route);
    const update = /^POST \/status-reports\/([^/]+)\/status-updates$/.exec(route);
    const id = one?.[1] ?? update?.[1];
    const incident = id && this.incidents.find((i) => i.id === id);
    if (id && !incident) return { status: 404, body: { errors: "Resource not found" } };
    if (one && incident) return { status: 200, body: { data: this.json(incident) } };
    if (update && incident) return this.addUpdate(incident, request);
    return { status: 404, body: { errors: "Resource not found" } };
  }

  private affected(value: unknown): { statuses: Record<string, string> } | { problem: SimResponse } {
    const list = Array.isArray(value) ? (value as Affected[]) : [];
    const ids = list.map((a) => String(a.status_page_resource_id));
    const unknown = this.unknownComponents(ids);
    if (unknown.length)
      return { problem: { status: 422, body: { errors: { affected_resources: ["is invalid"] } } } };
    if (list.some((a) => !BETTERSTACK_RESOURCE_STATUSES.includes(String(a.status)))) {
      return {
        problem: { status: 422, body: { errors: { affected_resources: ["has an invalid status"] } } },
      };
    }
    return {
      statuses: Object.fromEntries(list.map((a) => [String(a.status_page_resource_id), String(a.status)])),
    };
  }

  private create(request: SimRequest): SimResponse {
    const body = objectBody(request);
    if (typeof body.title !== "string" || !body.title) {
      return { status: 422, body: { errors: { title: ["can't be blank"] } } };
    }
    const affected = this.affected(body.affected_resources);
    if ("problem" in affected) return affected.problem;
    const incident: SimStatusIncident = {
      id: this.newId("").replace(/^0+/, "") || "1",
      name: body.title,
      status: "open",
      components: {},
      updates: [{ status: "open", message: String(body.message ?? "") }],
      resolved: false,
    };
    this.setComponents(incident, affected.statuses);
    this.incidents.push(incident);
    return { status: 201, body: { data: this.json(incident) } };
  }

  private addUpdate(incident: SimStatusIncident, request: SimRequest): SimResponse {
    const body = objectBody(request);
    if (!Array.isArray(body.affected_resources)) {
      return { status: 422, body: { errors: { affected_resources: ["can't be blank"] } } };
    }
    const affected = this.affected(body.affected_resources);
    if ("problem" in affected) return affected.problem;
    this.setComponents(incident, affected.statuses);
    const states = Object.values(incident.components);
    incident.resolved = states.length > 0 && states.every((s) => s === "resolved");
    incident.status = incident.resolved ? "resolved" : "open";
    incident.updates.push({ status: incident.status, message: String(body.message ?? "") });
    return { status: 201, body: { data: { id: this.newId("9"), type: "status_update", attributes: body } } };
  }

  private json(incident: SimStatusIncident) {
    const states = Object.values(incident.components);
    // The docs name the aggregate states Operational, Maintenance, Downtime and Degraded.
    const aggregate = incident.resolved
      ? "operational"
      : states.includes("downtime")
        ? "downtime"
        : "degraded";
    return {
      id: incident.id,
      type: "status_report",
      attributes: {
        title: incident.name,
        report_type: "manual",
        status_page_id: Number(this.pageId),
        aggregate_state: aggregate,
        affected_resources: Object.entries(incident.components).map(([id, status]) => ({
          status_page_resource_id: id,
          status,
        })),
      },
    };
  }
}
