import {
  HttpClient,
  type HttpClientOptions,
  HttpError,
  type HttpResponse,
  isPlainRefusal,
} from "../../core/http.ts";
import { redact } from "../../core/secrets.ts";
import { formatMs } from "../../core/wait.ts";

/** Options every chat sender takes: retries and a log line per retry. No GitHub Actions in here. */
export interface SendOptions {
  timeoutMs?: number;
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterMs?: number;
  log?: (line: string) => void;
}

/**
 * A delivery that failed. The message names the channel and the platform's answer, never the URL:
 * webhook URLs are credentials.
 */
export class ChannelError extends Error {
  override name = "ChannelError";
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** The request may have been applied (its answer was lost): re-read before sending it again. */
  readonly ambiguous: boolean;
  constructor(message: string, status?: number, code?: string, ambiguous = false) {
    super(redact(message));
    this.status = status;
    this.code = code;
    this.ambiguous = ambiguous;
  }
}

export function chatClient(label: string, options: SendOptions, extra: Partial<HttpClientOptions> = {}) {
  return new HttpClient({
    // Requests use absolute URLs; the base is never used.
    baseUrl: "http://localhost",
    platform: label,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 4,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffMaxMs: options.backoffMaxMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    errorDetails: platformError,
    onRetry: (event) =>
      options.log?.(
        `${label}: ${event.reason}, retrying in ${formatMs(event.delayMs)} (attempt ${event.attempt + 1})`,
      ),
    ...extra,
  });
}

/** Error code and message out of Slack (`invalid_payload` text), Discord (`{code, message}`) or other bodies. */
function platformError(body: unknown): { code?: string; message?: string } | undefined {
  if (typeof body === "string") return body ? { message: body.slice(0, 200) } : undefined;
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  // Slack: {error: "word"}; Discord: {code, message}; Azure (Teams workflows): {error: {code, message}}.
  const nested = typeof b.error === "object" && b.error ? (b.error as Record<string, unknown>) : undefined;
  const code = nested ? nested.code : (b.error ?? b.code);
  const message = nested ? nested.message : b.message;
  return {
    code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
    message: typeof message === "string" ? message.slice(0, 200) : undefined,
  };
}

/**
 * POSTs a JSON payload to a webhook. Chat messages are retried on 5xx and timeouts too: a rare
 * duplicate message is better than a team that never hears of the rollback.
 */
export async function postJson(
  label: string,
  url: string,
  payload: unknown,
  options: SendOptions,
  extra: { headers?: Record<string, string>; hint?: string } = {},
): Promise<HttpResponse<unknown>> {
  const http = chatClient(label, options);
  try {
    return await http.request({
      method: "POST",
      path: url,
      body: payload,
      headers: extra.headers,
      safeToRetry: true,
    });
  } catch (error) {
    throw channelError(label, error, extra.hint);
  }
}

/** An HttpError (whose text holds the URL) turned into a message naming the channel only. */
export function channelError(label: string, error: unknown, hint?: string): ChannelError {
  if (error instanceof ChannelError) return error;
  if (!(error instanceof HttpError)) return new ChannelError(`${label}: ${String(error)}`);
  const { status, code, platformMessage } = error.details;
  let what: string;
  if (error.kind === "timeout") what = "no answer in time";
  else if (error.kind === "network") what = `could not connect (${code ?? "network error"})`;
  else if (error.kind === "parse") what = `answered ${status} with a body that is not understood`;
  else if (status === 401 || status === 403) {
    const said = [code, platformMessage].filter((text) => text && isPlainRefusal(text)).join(": ");
    what = `HTTP ${status}${said ? ` ${said}` : " (the answer's body is not shown)"}`;
  } else {
    const detail = [code, platformMessage].filter(Boolean).join(": ");
    what = `HTTP ${status}${detail ? ` ${detail}` : ""}`;
  }
  const retryLater = / \(the platform asks to wait \d+s: try again later\)$/.exec(error.message)?.[0] ?? "";
  return new ChannelError(
    `${label}: ${what}${retryLater}.${hint ? ` ${hint}` : ""}`,
    status,
    code,
    error.ambiguous,
  );
}
