import type { z } from "zod";
import { errorCode, networkText } from "./network-text.ts";
import { redact } from "./secrets.ts";
import { type Dispatcher, request } from "./undici.ts";
import { sleep } from "./wait.ts";

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface HttpClientOptions {
  /** Base URL that request paths are appended to. */
  baseUrl: string;
  /** Name used in messages: "Vercel", "Railway", "GitHub", "Slack". */
  platform: string;
  headers?: Record<string, string>;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Further attempts after a retryable failure. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this fails now rather than stall a rollback. */
  maxRetryAfterMs?: number;
  /** An answer larger than this is not read to the end (a broken or hostile server could stream forever). */
  maxBodyBytes?: number;
  /** Pulls the platform's error code and message out of an error body. */
  errorDetails?: (body: unknown) => { code?: string; message?: string } | undefined;
  onRetry?: (event: RetryEvent) => void;
}

export interface RequestOptions<T> {
  method?: Method;
  /** Path appended to the base URL, or an absolute URL. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead (OAuth token endpoints). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Parses the JSON body; an empty body parses as undefined. */
  schema?: z.ZodType<T>;
  /**
   * Whether a failure after the request may have reached the server can be retried blindly. Defaults to
   * true for GET and HEAD; set it for POSTs that change nothing (GraphQL queries). A mutation is retried
   * only when the server provably did not act (429, connection refused); otherwise the error is
   * `ambiguous` and the caller re-reads the platform's state.
   */
  safeToRetry?: boolean;
  /** Non-2xx statuses the caller handles itself instead of getting an HttpError. */
  acceptStatuses?: number[];
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: T;
  /** Attempts made, retries included. */
  attempts: number;
}

type ErrorKind = "status" | "network" | "timeout" | "parse" | "rate-limit";

export interface HttpErrorDetails {
  method: Method;
  url: string;
  status?: number;
  code?: string;
  platformMessage?: string;
  body?: unknown;
  /** The request may have been applied: re-read state before deciding what to do. */
  ambiguous?: boolean;
  /** How long the platform asked to wait (Retry-After), when it said. */
  retryAfterMs?: number;
}

export class HttpError extends Error {
  override name = "HttpError";
  readonly kind: ErrorKind;
  readonly details: HttpErrorDetails;
  constructor(message: string, kind: ErrorKind, details: HttpErrorDetails) {
    super(redact(message));
    this.kind = kind;
    this.details = details;
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string | undefined {
    return this.details.code;
  }
  get ambiguous(): boolean {
    return this.details.ambiguous === true;
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The server's clock at the response (its Date header), or the local clock when it sent none. */
export function serverNow(date: string | string[] | undefined, now = Date.now()): number {
  const parsed = Date.parse((Array.isArray(date) ? date[0] : date) ?? "");
  return Number.isNaN(parsed) ? now : parsed;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

export { sleep };

// Network failures where the request provably never reached the server.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

function shortUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** JSON over HTTP with timeouts, retries and one error type: the base of every platform client. */
export class HttpClient {
  readonly options: Required<Omit<HttpClientOptions, "errorDetails" | "onRetry" | "headers">> &
    HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.options = {
      timeoutMs: 30_000,
      retries: 4,
      backoffBaseMs: 500,
      backoffMaxMs: 10_000,
      maxRetryAfterMs: 120_000,
      maxBodyBytes: 32 * MiB,
      ...options,
    };
  }

  /** Requests made so far (attempts, retries included): API budgets are measured with it. */
  requestCount = 0;

  async request<T = unknown>(options: RequestOptions<T>): Promise<HttpResponse<T>> {
    const method = options.method ?? "GET";
    const url = this.url(options.path, options.query);
    const safe = options.safeToRetry ?? (method === "GET" || method === "HEAD");
    const { retries, backoffBaseMs, backoffMaxMs, maxRetryAfterMs, platform } = this.options;
    const label = `${platform} API ${method} ${shortUrl(url)}`;
    // The client's own headers (its token) go to its own origin only: an absolute URL elsewhere (a link
    // in a platform's answer) gets the request's headers alone.
    const home = url.origin === URL.parse(this.options.baseUrl)?.origin;
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(home ? this.options.headers : {}),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }

    for (let attempt = 0; ; attempt++) {
      let retry: { reason: string; delayMs: number } | undefined;
      try {
        this.requestCount++;
        const response = await request(url, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headersTimeout: this.options.timeoutMs,
          bodyTimeout: this.options.timeoutMs,
        });
        const { text, truncated } = await readBody(response.body, this.options.maxBodyBytes);
        if (truncated) {
          throw new HttpError(
            `${label} → ${response.statusCode}: the answer is larger than ${formatSize(this.options.maxBodyBytes)}; stopped reading it.`,
            "parse",
            { method, url: shortUrl(url), status: response.statusCode, ambiguous: !safe },
          );
        }
        const parsed = parseBody(text);
        const { statusCode: status } = response;
        const accepted = (status >= 200 && status < 300) || options.acceptStatuses?.includes(status);
        if (accepted) {
          return {
            status,
            headers: response.headers,
            data: this.parse(label, status, parsed, options, method, url),
            attempts: attempt + 1,
          };
        }
        // An HTTP-date Retry-After is on the server's clock: measure it against the response's own Date.
        const retryAfterMs = parseRetryAfter(
          response.headers["retry-after"],
          serverNow(response.headers.date),
        );
        const details = plainWhenRefused(status, this.options.errorDetails?.(parsed));
        const error = new HttpError(
          `${label} → ${status}${details?.code ? ` ${details.code}` : ""}: ${details?.message ?? (refused(status) ? NOT_SHOWN : snippet(text) || "no message")}`,
          status === 429 ? "rate-limit" : "status",
          {
            method,
            url: shortUrl(url),
            status,
            code: details?.code,
            platformMessage: details?.message,
            body: refused(status) ? undefined : parsed,
            ambiguous: status >= 500 && !safe,
            retryAfterMs,
          },
        );
        const retryable = status === 429 || (status >= 500 && safe);
        if (!retryable || attempt >= retries) throw error;
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
          throw new HttpError(
            `${error.message} (the platform asks to wait ${Math.ceil(retryAfterMs / 1000)}s: try again later)`,
            error.kind,
            error.details,
          );
        }
        retry = {
          reason: `${status}`,
          delayMs: retryAfterMs ?? backoffDelay(attempt, backoffBaseMs, backoffMaxMs),
        };
      } catch (error) {
        if (error instanceof HttpError) throw error;
        const timedOut = error instanceof DOMException && error.name === "TimeoutError";
        const found = errorCode(error);
        const code = timedOut ? "timeout" : (found?.code ?? "network error");
        const notSent = NOT_SENT.has(code);
        const failure = new HttpError(
          `${label} failed: ${timedOut ? `no answer within ${this.options.timeoutMs} ms` : networkText(code, found?.message ?? (error as Error).message)}`,
          timedOut ? "timeout" : "network",
          { method, url: shortUrl(url), code, ambiguous: !notSent && !safe },
        );
        if ((!safe && !notSent) || attempt >= retries) throw failure;
        retry = { reason: code, delayMs: backoffDelay(attempt, backoffBaseMs, backoffMaxMs) };
      }
      this.options.onRetry?.({ attempt: attempt + 1, ...retry });
      await sleep(retry.delayMs);
    }
  }

  private url(path: string, query: RequestOptions<unknown>["query"]): URL {
    const url = /^https?:\/\//.test(path)
      ? new URL(path)
      : new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private parse<T>(
    label: string,
    status: number,
    body: unknown,
    options: RequestOptions<T>,
    method: Method,
    url: URL,
  ): T {
    if (!options.schema) return body as T;
    const result = options.schema.safeParse(body);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "body";
    throw new HttpError(
      `${label} answered ${status} with a body this client does not understand (${where}: ${issue?.message}).`,
      "parse",
      { method, url: shortUrl(url), status, body },
    );
  }
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const MiB = 1024 * 1024;

export function formatSize(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}

/** Reads a body as text, at most `limit` bytes; past that the stream is closed and `truncated` set. */
export async function readBody(
  body: Dispatcher.ResponseData["body"],
  limit: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > limit) {
      chunks.push(chunk.subarray(0, limit - size));
      // Leaving the loop destroys the stream: nothing more is downloaded.
      return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}

/** A 401/403 body may echo the credentials it refused. */
export function refused(status: number | undefined): boolean {
  return status === 401 || status === 403;
}

const NOT_SHOWN = "the credentials were refused (the answer's body is not shown: it may echo them)";

/** Words a platform uses to refuse (`forbidden`, "Bad credentials"), never a token-like string. */
export function isPlainRefusal(text: string): boolean {
  return /^[A-Za-z][A-Za-z _.,'()-]{0,79}$/.test(text) && !/[A-Za-z_-]{25,}/.test(text);
}

function plainWhenRefused(
  status: number,
  details: { code?: string; message?: string } | undefined,
): { code?: string; message?: string } | undefined {
  if (!refused(status) || !details) return details;
  const plain = (text: string | undefined) => (text && isPlainRefusal(text) ? text : undefined);
  return { code: plain(details.code), message: plain(details.message) };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
