import type { RunContext } from "../../core/context.ts";
import type { SendOptions } from "../../platforms/chat/send.ts";
import { deploymentState, recordDeployment } from "../../platforms/github/deployments.ts";
import { pagerDutyEvent, sendPagerDuty } from "../../platforms/pagerduty.ts";
import { BetterStackClient } from "../../platforms/status/betterstack.ts";
import type { StatusPageClient } from "../../platforms/status/common.ts";
import { describeIncident, planIncident, unknownComponentsWarning } from "../../platforms/status/incident.ts";
import { applyIncident, IncidentFailure } from "../../platforms/status/incident-apply.ts";
import { InstatusClient } from "../../platforms/status/instatus.ts";
import { StatuspageClient } from "../../platforms/status/statuspage.ts";
import { type ChannelPlan, failedPlan, SendFailure } from "./channel.ts";
import { recordsDeployment } from "./checks.ts";
import type { Said } from "./compose.ts";
import type { NotifySettings } from "./plan.ts";

interface PageSetup {
  client: StatusPageClient;
  componentsInput: string;
  components: string[];
}

function statusPages(settings: NotifySettings, send: SendOptions): PageSetup[] {
  const pages: PageSetup[] = [];
  const sp = settings["statuspage-api-key"];
  const spPage = settings["statuspage-page-id"];
  if (sp && spPage) {
    pages.push({
      client: new StatuspageClient({
        ...send,
        apiKey: sp,
        pageId: spPage,
        apiUrl: settings["statuspage-api-url"] ?? "",
      }),
      componentsInput: "statuspage-components",
      components: settings["statuspage-components"],
    });
  }
  const is = settings["instatus-api-key"];
  const isPage = settings["instatus-page-id"];
  if (is && isPage) {
    pages.push({
      client: new InstatusClient({
        ...send,
        apiKey: is,
        pageId: isPage,
        apiUrl: settings["instatus-api-url"] ?? "",
      }),
      componentsInput: "instatus-components",
      components: settings["instatus-components"],
    });
  }
  const bs = settings["betterstack-api-token"];
  const bsPage = settings["betterstack-status-page-id"];
  if (bs && bsPage) {
    pages.push({
      client: new BetterStackClient({
        ...send,
        apiKey: bs,
        pageId: bsPage,
        apiUrl: settings["betterstack-api-url"] ?? "",
      }),
      componentsInput: "betterstack-resources",
      components: settings["betterstack-resources"],
    });
  }
  return pages;
}

/** `statuspage:ID instatus:ID` when several pages are set; a bare id is for the only one. */
export function incidentIdFor(value: string | undefined, channel: string, pages: number): string | undefined {
  if (!value) return undefined;
  const parts = value.split(/[\s,]+/).filter(Boolean);
  const tagged = parts.find((part) => part.startsWith(`${channel}:`));
  if (tagged) return tagged.slice(channel.length + 1);
  return pages === 1 && parts.length === 1 && !parts[0]?.includes(":") ? parts[0] : undefined;
}

/** Status pages: each plan reads the page (its components, the open incident) to decide what to send. */
export async function statusPageChannels(
  settings: NotifySettings,
  said: Said,
  run: RunContext,
  send: SendOptions,
): Promise<ChannelPlan[]> {
  const pages = statusPages(settings, send);
  return Promise.all(
    pages.map(async ({ client, components, componentsInput }): Promise<ChannelPlan> => {
      const via = `${client.label} incident`;
      try {
        const plan = await planIncident(client, {
          status: said.status,
          text: said.statusPage,
          components,
          mark: { environment: settings.environment, runId: run.runId },
          incidentId: incidentIdFor(settings["status-page-incident"], client.channel, pages.length),
        });
        const warning = unknownComponentsWarning(client.label, plan, componentsInput);
        const what = describeIncident(plan);
        const skip = plan.step.kind === "none" && !plan.step.incident ? plan.step.reason : undefined;
        return {
          channel: client.channel,
          via,
          preview: `${what}\nName: ${plan.text.name}\nMessage: ${plan.text.message}`,
          warnings: [...plan.notes.map((note) => `${client.label}: ${note}`), ...(warning ? [warning] : [])],
          skip,
          send: async () => {
            const result = await applyIncident(client, plan).catch((error: unknown) => {
              if (!(error instanceof IncidentFailure)) throw error;
              const id = error.incident.id;
              throw new SendFailure(
                `${error.message} Incident ${id} is still this rollback's: re-run this step (status-page-incident: ${id}) to send the update again.`,
                { incident: id },
              );
            });
            return {
              detail: result.detail,
              outputs: result.incident ? { incident: result.incident.id } : {},
            };
          },
        };
      } catch (error) {
        return failedPlan(client.channel, via, error);
      }
    }),
  );
}

/** Why nothing is sent to PagerDuty for this status and attempt, or undefined when the event goes out. */
function pagerDutySkip(said: Said, run: RunContext, action: string | undefined): string | undefined {
  if (said.status === "unverified")
    return "status unverified leaves the alert open: only a verified recovery (status succeeded) resolves it";
  if (!action) return `status ${said.status} neither triggers nor resolves an alert`;
  // PagerDuty opens a new alert for a trigger whose dedup_key was resolved: a re-run must not page again.
  if (action === "trigger" && run.runAttempt > 1)
    return `attempt ${run.runAttempt} of this run: no new trigger (dedup_key ${said.pagerDuty.dedupKey} belongs to attempt 1's alert, which may be resolved; a trigger would page again). A resolve is still sent on succeeded`;
  return undefined;
}

export function pagerDutyChannel(
  settings: NotifySettings,
  said: Said,
  run: RunContext,
  send: SendOptions,
): ChannelPlan[] {
  const routingKey = settings["pagerduty-routing-key"];
  if (!routingKey) return [];
  const event = pagerDutyEvent(routingKey, said.pagerDuty);
  const skip = pagerDutySkip(said, run, event?.event_action);
  const apiUrl = settings["pagerduty-api-url"] ?? "";
  return [
    {
      channel: "pagerduty",
      via: "PagerDuty Events v2",
      // The routing key is a secret: the preview shows where it goes, not what it is.
      preview: event ? JSON.stringify({ ...event, routing_key: "***" }, null, 2) : "",
      skip,
      warnings: [],
      send: async () => {
        const sent = await sendPagerDuty(said.pagerDuty, { ...send, routingKey, apiUrl });
        return { detail: sent ? `${sent.action} (dedup_key ${sent.dedupKey})` : "nothing sent" };
      },
    },
  ];
}

export function deploymentChannel(settings: NotifySettings, said: Said, run: RunContext): ChannelPlan[] {
  const token = settings["github-token"];
  const environment = settings.environment;
  if (!recordsDeployment(settings) || !token || !environment || !run.repository) return [];
  const state = deploymentState(said.status);
  const { owner, repo, full } = run.repository;
  const id = settings["github-deployment-id"];
  const record = {
    owner,
    repo,
    environment,
    ref: run.sha ?? run.ref ?? "",
    runId: run.runId ?? "",
    status: said.status,
    description: said.deployment,
    logUrl: run.runUrl,
    environmentUrl: settings["environment-url"],
    deploymentId: id,
    productionEnvironment:
      settings["production-environment"] === "auto"
        ? environment === "production"
        : settings["production-environment"] === "true",
  };
  return [
    {
      channel: "github-deployment",
      via: `GitHub deployment of ${environment} in ${full}`,
      preview: `${id ? `deployment ${id}` : `a deployment of ${environment} at ${record.ref.slice(0, 12)}`}: status ${state ?? "none"}, production_environment ${record.productionEnvironment}${record.environmentUrl ? `, environment_url ${record.environmentUrl}` : ""}${record.logUrl ? `, log_url ${record.logUrl}` : ""}`,
      skip: state ? undefined : `status ${said.status} records no deployment status`,
      warnings: [],
      send: async () => {
        const { githubClient } = await import("../../platforms/github/client.ts");
        const octokit = await githubClient({ token, apiUrl: run.apiUrl });
        const result = await recordDeployment(octokit, record);
        return {
          detail: `${result.created ? "created" : "added to"} deployment ${result.id}: ${result.state}`,
          outputs: { "github-deployment-id": result.id },
        };
      },
    },
  ];
}
