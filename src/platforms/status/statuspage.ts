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

// Atlassian Statuspage REST API v1 (developer.statuspage.io): `Authorization: OAuth KEY`; incidents under
// /pages/{page_id}/incidents with the body wrapped in `{incident: {…}}`; components as a map of id → status.

/** Component statuses by impact; `operational` when resolved. */
const COMPONENT_STATUS: Record<Impact, string> = {
  none: "degraded_performance",
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};

const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  shortlink: z.string().nullish(),
  components: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
});
const componentSchema = z.object({ id: z.string(), name: z.string(), group: z.boolean().nullish() });

const HINT =
  "Check statuspage-api-key (an API key of a user with the Incident Manager role: Statuspage → API info) and statuspage-page-id.";

export class StatuspageClient implements StatusPageClient {
  readonly channel = "statuspage" as const;
  readonly label = "Statuspage";
  private readonly http: StatusHttp;
  private readonly page: string;

  constructor(options: StatusPageOptions) {
    this.page = `/pages/${encodeURIComponent(options.pageId)}`;
    this.http = new StatusHttp(
      this.label,
      options.apiUrl,
      { authorization: `OAuth ${options.apiKey}` },
      options,
    );
  }

  async components(): Promise<Component[]> {
    const all: Component[] = [];
    // Pages have at most a few hundred components; a server that ignores `page` stops the loop too.
    for (let page = 1; page <= 10; page++) {
      const batch = await this.http.request(
        {
          path: `${this.page}/components`,
          query: { page, per_page: 100 },
          schema: z.array(componentSchema),
        },
        HINT,
      );
      const fresh = batch.filter((c) => !all.some((known) => known.id === c.id));
      all.push(...fresh.map(({ id, name }) => ({ id, name })));
      if (batch.length < 100 || fresh.length === 0) break;
    }
    return all;
  }

  async get(id: string): Promise<Incident | undefined> {
    const data = await orNotFound(
      this.http.request(
        { path: `${this.page}/incidents/${encodeURIComponent(id)}`, schema: incidentSchema },
        HINT,
      ),
    );
    return data && toIncident(data);
  }

  async find(tag: string, search: string): Promise<Incident | undefined> {
    // `q` searches names and updates (developer.statuspage.io, "Get a list of incidents"), newest first; the
    // name's ending decides.
    const list = await this.http.request(
      {
        path: `${this.page}/incidents`,
        query: { q: search, limit: 100 },
        schema: z.array(incidentSchema),
      },
      HINT,
    );
    const found = list.find((incident) => incident.name.endsWith(tag));
    return found && toIncident(found);
  }

  async open(text: IncidentText, components: string[], state: IncidentState): Promise<Incident> {
    const data = await this.http.request(
      {
        method: "POST",
        path: `${this.page}/incidents`,
        body: {
          incident: {
            name: text.name,
            status: state,
            impact_override: text.impact,
            body: text.message,
            component_ids: components,
            components: Object.fromEntries(components.map((id) => [id, COMPONENT_STATUS[text.impact]])),
          },
        },
        schema: incidentSchema,
      },
      HINT,
    );
    return toIncident(data);
  }

  async update(id: string, text: IncidentText, components: string[], state: IncidentState): Promise<void> {
    const resolve = state === "resolved";
    const status = resolve ? "operational" : COMPONENT_STATUS[text.impact];
    await this.http.request(
      {
        method: "PATCH",
        path: `${this.page}/incidents/${encodeURIComponent(id)}`,
        body: {
          incident: {
            status: state,
            body: text.message,
            ...(resolve ? {} : { impact_override: text.impact }),
            component_ids: components,
            components: Object.fromEntries(components.map((c) => [c, status])),
          },
        },
        schema: incidentSchema,
      },
      HINT,
    );
  }
}

function toIncident(data: z.infer<typeof incidentSchema>): Incident {
  // `postmortem` and `completed` (maintenance) are past resolution too.
  const resolved = ["resolved", "postmortem", "completed"].includes(data.status);
  return {
    id: data.id,
    name: data.name,
    resolved,
    url: data.shortlink ?? undefined,
    components: (data.components ?? []).map((c) => c.id),
  };
}
