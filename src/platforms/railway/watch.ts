import type { WebSocket } from "undici";
import { z } from "zod";
import type { Logger } from "../../core/action.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { RailwayClient } from "./client.ts";
import { classifyStatus } from "./deployments.ts";
import { DEPLOYMENT_SUBSCRIPTION } from "./operations.ts";

/** How long the subscription may take to be acknowledged before polling takes over. */
const SUBSCRIBE_TIMEOUT_MS = 5000;
/**
 * With live updates, a read this soon after subscribing when nothing was pushed yet, then whenever nothing
 * was heard (pushed or read) for `GUARD_READ_MS`: a subscription that accepts and stays silent costs at
 * most about 10 s of detection, and a talking one costs no reads.
 */
const FIRST_GUARD_MS = 2000;
const GUARD_READ_MS = 10_000;
/** Without live updates: first pause between reads, growing ×1.5 up to the CLI's 5 s… and a bit beyond. */
const FALLBACK_FIRST_MS = 2000;
const FALLBACK_MAX_MS = 8000;
/** How often the wait looks at what the subscription delivered (no request): bounds the detection lag. */
const TICK_MS = 50;

const nextMessage = z.object({
  type: z.string(),
  id: z.string().optional(),
  payload: z.unknown().optional(),
});
const nextPayload = z.object({
  data: z
    .object({ deployment: z.object({ id: z.string(), status: z.string() }) })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string() }).loose()).optional(),
});

export interface Subscription {
  /** True once subscribed; false when live updates are unavailable. */
  ready: Promise<boolean>;
  readonly healthy: boolean;
  close(): void;
}

/** `https://…/graphql/v2` → `wss://…/graphql/v2`. */
export function websocketUrl(apiUrl: string): string {
  return apiUrl.replace(/^http/, "ws");
}

/**
 * Subscribes to a deployment's status over graphql-transport-ws, as Railway's CLI does, with the auth
 * headers on the upgrade. Any failure (refused upgrade, error message, close) marks it unhealthy and the
 * caller polls instead; it never throws.
 */
export async function subscribeDeployment(
  client: RailwayClient,
  deploymentId: string,
  onStatus: (status: string) => void,
  onFailure: (reason: string) => void,
): Promise<Subscription> {
  // Loaded when a wait starts, not with the action: undici's WebSocket brings its fetch and WebIDL code.
  const { WebSocket } = (await import("undici/lib/web/websocket/websocket.js")).default;
  let healthy = false;
  let ended = false;
  let settle: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  client.extraRequests++;
  let socket: WebSocket;
  try {
    socket = new WebSocket(websocketUrl(client.apiUrl), {
      protocols: "graphql-transport-ws",
      headers: client.headers,
    });
  } catch (error) {
    onFailure((error as Error).message);
    return { ready: Promise.resolve(false), healthy: false, close: () => {} };
  }
  const fail = (reason: string) => {
    if (ended) return;
    ended = true;
    healthy = false;
    clearTimeout(timer);
    settle(false);
    onFailure(reason);
    try {
      socket.close();
    } catch {
      // Already closing.
    }
  };
  const timer = setTimeout(
    () => fail(`no acknowledgement within ${formatMs(SUBSCRIBE_TIMEOUT_MS)}`),
    SUBSCRIBE_TIMEOUT_MS,
  );
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  socket.onopen = () => send({ type: "connection_init", payload: {} });
  socket.onerror = (event) =>
    fail(`WebSocket error${"message" in event ? ` (${String(event.message)})` : ""}`);
  socket.onclose = (event) =>
    fail(`connection closed (${event.code}${event.reason ? ` ${event.reason}` : ""})`);
  socket.onmessage = (event) => {
    let message: z.infer<typeof nextMessage>;
    try {
      message = nextMessage.parse(JSON.parse(String(event.data)));
    } catch {
      return fail("a message that is not graphql-transport-ws");
    }
    switch (message.type) {
      case "connection_ack":
        send({
          id: "1",
          type: "subscribe",
          payload: {
            operationName: "DeploymentStatus",
            query: DEPLOYMENT_SUBSCRIPTION,
            variables: { id: deploymentId },
          },
        });
        healthy = true;
        clearTimeout(timer);
        settle(true);
        return;
      case "ping":
        return send({ type: "pong" });
      case "next": {
        const payload = nextPayload.safeParse(message.payload);
        if (!payload.success) return fail("an update this client does not understand");
        if (payload.data.errors?.length) return fail(payload.data.errors.map((e) => e.message).join("; "));
        const status = payload.data.data?.deployment.status;
        if (status) onStatus(status);
        return;
      }
      case "error":
        return fail(`subscription refused: ${JSON.stringify(message.payload)}`);
      case "complete":
        return fail("subscription ended by the server");
      default:
        return;
    }
  };
  return {
    ready,
    get healthy() {
      return healthy && !ended;
    },
    close: () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      settle(false);
      socket.close();
    },
  };
}

export type DeploymentOutcome =
  | { outcome: "success" | "failed"; status: string; elapsedMs: number }
  | { outcome: "timeout"; status: string | undefined; elapsedMs: number };

export interface WaitDeploymentOptions {
  timeoutMs: number;
  log: Logger;
  /** Label for progress lines, e.g. "backend deployment 1234". */
  what: string;
  /** Set false to poll only. */
  live?: boolean;
}

/**
 * Waits for a deployment to succeed or fail. Live updates come from the subscription (exit within one
 * tick of Railway reporting the outcome); reads are rare guards while it is healthy and frugal polling
 * when it is not. Unknown statuses keep the wait going, with a warning, until the deadline.
 */
export async function waitForDeployment(
  client: RailwayClient,
  deploymentId: string,
  options: WaitDeploymentOptions,
): Promise<DeploymentOutcome> {
  let latest: string | undefined;
  let heardAt = Date.now();
  const unknownSeen = new Set<string>();
  // Every status seen, pushed or read, is noted as it arrives: a short-lived unknown one still warns.
  const see = (status: string) => {
    heardAt = Date.now();
    // The first outcome stands: a SUCCESS replaced a moment later (REMOVED by a newer deploy) was reached.
    if (latest !== undefined && ["success", "failed"].includes(classifyStatus(latest))) return;
    latest = status;
    if (classifyStatus(status) === "unknown" && !unknownSeen.has(status)) {
      unknownSeen.add(status);
      options.log.warn(
        `${options.what} reports status ${status}, which this action does not know; waiting for SUCCESS or a failure until the deadline.`,
      );
    }
  };
  const subscription =
    options.live === false
      ? undefined
      : await subscribeDeployment(client, deploymentId, see, (reason) =>
          options.log.info(
            `Live updates for ${options.what} unavailable (${reason}); polling Railway instead.`,
          ),
        );
  try {
    if (subscription) await subscription.ready;
    const subscribedAt = Date.now();
    let lastRead: number | undefined;
    let fallbackDelay = FALLBACK_FIRST_MS;
    const result = await waitFor<string>({
      what: options.what,
      timeoutMs: options.timeoutMs,
      initialDelayMs: TICK_MS,
      maxDelayMs: TICK_MS,
      factor: 1,
      progressEveryMs: 15_000,
      onProgress: (line) => options.log.info(line),
      poll: async () => {
        const now = Date.now();
        const live = subscription?.healthy === true;
        const due = live
          ? latest === undefined && lastRead === undefined
            ? now - subscribedAt >= FIRST_GUARD_MS
            : now - heardAt >= GUARD_READ_MS
          : lastRead === undefined || now - lastRead >= fallbackDelay;
        if (due) {
          if (lastRead !== undefined && !live) fallbackDelay = Math.min(FALLBACK_MAX_MS, fallbackDelay * 1.5);
          lastRead = now;
          see((await client.deployment(deploymentId)).status);
        }
        if (latest === undefined) return { done: false };
        const kind = classifyStatus(latest);
        if (kind === "success" || kind === "failed") return { done: true, value: latest };
        return { done: false, state: latest };
      },
    });
    if (result.outcome === "timeout") {
      return { outcome: "timeout", status: result.lastState ?? latest, elapsedMs: result.elapsedMs };
    }
    const kind = classifyStatus(result.value) === "success" ? "success" : "failed";
    return { outcome: kind, status: result.value, elapsedMs: result.elapsedMs };
  } finally {
    subscription?.close();
  }
}
