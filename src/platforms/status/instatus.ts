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

// Instatus API v1 (instatus.com/help/api): `Authorization: Bearer KEY`; incidents under /v1/{page_id}/incidents,
// later messages as POST …/incidents/{id}/incident-updates; statuses are upper-case words and each component's
// status is set per message through `statuses: [{id, status}]`.

const COMPONENT_STATUS: Record<Impact, string> = {
  none: "DEGRADEDPERFORMANCE",
  minor: "DEGRADEDPERFORMANCE",
  major: "PARTIALOUTAGE",
  critical: "MAJOROUTAGE",
};

const incidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  components: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
});
const componentSchema = z.object({ id: z.string(), name: z.string() });

const HINT = "Check instatus-api-key (Instatus → User settings → Developer settings) and instatus-page-id.";

export class InstatusClient implements StatusPageClient {
  readonly channel = "instatus" as const;
  readonly label = "Instatus";
  private readonly http: StatusHttp;
  private readonly page: string;

  constructor(options: StatusPageOptions) {
    this.page = `/v1/${encodeURIComponent(options.pageId)}`;
    this.http = new StatusHttp(
      this.label,
      options.apiUrl,
      { authorization: `Bearer ${options.apiKey}` },
      options,
    );
  }

  async components(): Promise<Component[]> {
    const list = await this.http.request(
      { path: `${this.page}/components`, schema: z.array(componentSchema) },
      HINT,
    );
    return list.map(({ id, name }) => ({ id, name }));
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

  async find(tag: string): Promise<Incident | undefined> {
    // Newest first; this rollback's incident is on the first pages. Bounded: a server that ignores `page`
    // must not loop.
    for (let page = 1; page <= 5; page++) {
      const list = await this.http.request(
        {
          path: `${this.page}/incidents`,
          query: { page, per_page: 50 },
          schema: z.array(incidentSchema),
        },
        HINT,
      );
      const found = list.find((incident) => incident.name.endsWith(tag));
      if (found) return toIncident(found);
      if (list.length < 50) return undefined;
    }
    return undefined;
  }

  async open(text: IncidentText, components: string[], state: IncidentState): Promise<Incident> {
    const data = await this.http.request(
      {
        method: "POST",
        path: `${this.page}/incidents`,
        body: {
          name: text.name,
          message: text.message,
          status: state.toUpperCase(),
          components,
          statuses: components.map((id) => ({ id, status: COMPONENT_STATUS[text.impact] })),
          started: new Date().toISOString(),
          notify: true,
        },
        schema: incidentSchema,
      },
      HINT,
    );
    return toIncident(data);
  }

  async update(id: string, text: IncidentText, components: string[], state: IncidentState): Promise<void> {
    const status = state === "resolved" ? "OPERATIONAL" : COMPONENT_STATUS[text.impact];
    await this.http.request(
      {
        method: "POST",
        path: `${this.page}/incidents/${encodeURIComponent(id)}/incident-updates`,
        body: {
          message: text.message,
          status: state.toUpperCase(),
          components,
          statuses: components.map((c) => ({ id: c, status })),
          started: new Date().toISOString(),
          notify: true,
        },
        schema: z.object({ id: z.string() }).passthrough(),
      },
      HINT,
    );
  }
}

function toIncident(data: z.infer<typeof incidentSchema>): Incident {
  return {
    id: data.id,
    name: data.name,
    resolved: data.status.toUpperCase() === "RESOLVED",
    components: (data.components ?? []).map((c) => c.id),
  };
}
