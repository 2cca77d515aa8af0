import { z } from "zod";
import {
  type Component,
  type Impact,
  type Incident,
  type IncidentState,
  type IncidentText,
  orNotFound,
  StatusHttp,
  type StatusPageClient,
  type StatusPageOptions,
} from "./common.ts";

// Better Stack Uptime API v2 (betterstack.com/docs/uptime/api): `Authorization: Bearer TOKEN`; JSON:API-style
// answers `{data: {id, type, attributes}}`; a status report per incident, later messages as status updates,
// each naming every affected resource with `degraded`, `downtime` or `resolved` (the only words accepted).

const RESOURCE_STATUS: Record<Impact, string> = {
  none: "degraded",
  minor: "degraded",
  major: "degraded",
  critical: "downtime",
};

const reportSchema = z.object({
  id: z.string(),
  attributes: z
    .object({
      title: z.string(),
      aggregate_state: z.string().nullish(),
      affected_resources: z
        .array(z.object({ status_page_resource_id: z.union([z.string(), z.number()]) }).passthrough())
        .nullish(),
    })
    .passthrough(),
});
const resourceSchema = z.object({
  id: z.string(),
  attributes: z.object({ public_name: z.string().nullish() }).passthrough(),
});
const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: z.object({ next: z.string().nullish() }).nullish() });

const HINT =
  "Check betterstack-api-token (a Team API token: Better Stack → API tokens) and betterstack-status-page-id.";

export class BetterStackClient implements StatusPageClient {
  readonly channel = "betterstack" as const;
  readonly label = "Better Stack";
  private readonly http: StatusHttp;
  private readonly page: string;

  constructor(options: StatusPageOptions) {
    this.page = `/api/v2/status-pages/${encodeURIComponent(options.pageId)}`;
    this.http = new StatusHttp(
      this.label,
      options.apiUrl,
      { authorization: `Bearer ${options.apiKey}` },
      options,
    );
  }

  async components(): Promise<Component[]> {
    const all: Component[] = [];
    for (let n = 1; n <= 10; n++) {
      const { data, pagination } = await this.http.request(
        { path: `${this.page}/resources`, query: { page: n }, schema: page(resourceSchema) },
        HINT,
      );
      const fresh = data.filter((r) => !all.some((known) => known.id === r.id));
      all.push(...fresh.map((r) => ({ id: r.id, name: r.attributes.public_name ?? r.id })));
      if (!pagination?.next || fresh.length === 0) break;
    }
    return all;
  }

  async get(id: string): Promise<Incident | undefined> {
    const answer = await orNotFound(
      this.http.request(
        {
          path: `${this.page}/status-reports/${encodeURIComponent(id)}`,
          schema: z.object({ data: reportSchema }),
        },
        HINT,
      ),
    );
    return answer && toIncident(answer.data);
  }

  async find(tag: string): Promise<Incident | undefined> {
    for (let n = 1; n <= 5; n++) {
      const { data, pagination } = await this.http.request(
        { path: `${this.page}/status-reports`, query: { page: n }, schema: page(reportSchema) },
        HINT,
      );
      const found = data
        .map(toIncident)
        .reverse()
        .find((incident) => incident.name.endsWith(tag));
      if (found) return found;
      if (!pagination?.next) return undefined;
    }
    return undefined;
  }

  // Better Stack has no incident status words: the message and each resource's status tell the state.
  async open(text: IncidentText, components: string[]): Promise<Incident> {
    const answer = await this.http.request(
      {
        method: "POST",
        path: `${this.page}/status-reports`,
        body: {
          title: text.name,
          message: text.message,
          report_type: "manual",
          affected_resources: affected(components, RESOURCE_STATUS[text.impact]),
        },
        schema: z.object({ data: reportSchema }),
      },
      HINT,
    );
    return toIncident(answer.data);
  }

  async update(id: string, text: IncidentText, components: string[], state: IncidentState): Promise<void> {
    const resolve = state === "resolved";
    await this.http.request(
      {
        method: "POST",
        path: `${this.page}/status-reports/${encodeURIComponent(id)}/status-updates`,
        body: {
          message: text.message,
          affected_resources: affected(components, resolve ? "resolved" : RESOURCE_STATUS[text.impact]),
        },
        schema: z.object({ data: z.object({ id: z.string() }).passthrough() }),
      },
      HINT,
    );
  }
}

function affected(components: string[], status: string) {
  return components.map((id) => ({ status_page_resource_id: id, status }));
}

function toIncident(report: z.infer<typeof reportSchema>): Incident {
  // The docs list Operational, Maintenance, Downtime and Degraded; a resolved report reads as operational.
  const state = report.attributes.aggregate_state?.toLowerCase() ?? "";
  return {
    id: report.id,
    name: report.attributes.title,
    resolved: ["operational", "resolved"].includes(state),
    components: (report.attributes.affected_resources ?? []).map((r) => String(r.status_page_resource_id)),
  };
}
