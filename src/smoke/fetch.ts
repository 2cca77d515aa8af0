import { formatSize, readBody } from "../core/http.ts";
import { networkText } from "../core/network-text.ts";
import type { Agent, Dispatcher } from "../core/undici.ts";
import { request } from "../core/undici.ts";
import { formatMs } from "../core/wait.ts";
import type { Check } from "./checks.ts";

/** A check reads at most this much of a body: enough for any health page, and a huge one cannot exhaust memory. */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface Fetched {
  status: number;
  body: string;
  /** The body was longer than MAX_BODY_BYTES: only its start was read. */
  bodyCut: boolean;
}

/** A redirect this client will not follow; its message is the check's failure. */
class RedirectRefused extends Error {}

/**
 * One request for a check, following redirects by hand so that the headers it was given (the `headers`
 * input and its own, credentials among them) go only to the check's own origin: undici's redirect handling
 * strips Authorization and Cookie alone. An https page that redirects to plain http is refused. The
 * signal bounds the whole exchange, redirects and body included.
 */
export async function fetchCheck(
  check: Check,
  userHeaders: Record<string, string>,
  dispatcher: Agent,
  signal: AbortSignal,
): Promise<Fetched> {
  const origin = new URL(check.url).origin;
  // A check that expects a redirect must see it, not the page it leads to.
  const follow = !check.expect.status?.some((status) => status >= 300 && status < 400);
  let url = new URL(check.url);
  let method = check.method;
  let body = check.body;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      "user-agent": "production-rollback-smoke-test",
      ...(url.origin === origin ? userHeaders : {}),
    };
    // A redirect that turned a POST into a GET sends no body, so no body's type either.
    if (body === undefined && check.body !== undefined) {
      for (const name of Object.keys(headers))
        if (name.toLowerCase() === "content-type") delete headers[name];
    }
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      dispatcher,
      signal,
    });
    const location = response.headers.location;
    if (follow && REDIRECTS.has(response.statusCode) && typeof location === "string") {
      await response.body.dump();
      const next = new URL(location, url);
      if (hop >= MAX_REDIRECTS) throw new RedirectRefused(`more than ${MAX_REDIRECTS} redirects`);
      if (next.protocol !== "http:" && next.protocol !== "https:")
        throw new RedirectRefused(`redirected to ${next.protocol} URL: refused`);
      if (url.protocol === "https:" && next.protocol === "http:")
        throw new RedirectRefused(`redirected from https to plain http (${next.origin}): refused`);
      // As browsers do: 303, and 301/302 after a POST, fetch the new page with GET and no body.
      if (
        (response.statusCode === 303 && method !== "HEAD") ||
        (response.statusCode <= 302 && method === "POST")
      ) {
        method = "GET";
        body = undefined;
      }
      url = next;
      continue;
    }
    const read = await readBody(response.body, MAX_BODY_BYTES);
    return { status: response.statusCode, body: read.text, bodyCut: read.truncated };
  }
}

/** Added to a failure that concerns a body read only in part. */
export const BODY_CUT_NOTE = ` (only the first ${formatSize(MAX_BODY_BYTES)} of the body was read)`;

export function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof RedirectRefused) return error.message;
  if (error instanceof DOMException && error.name === "TimeoutError")
    return `no answer within ${formatMs(timeoutMs)}`;
  let current: unknown = error;
  while (current && typeof current === "object") {
    const code = (current as { code?: unknown }).code;
    if (code === "ECONNREFUSED") return "connection refused";
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
    if (typeof code === "string" && code !== "UND_ERR") return networkText(code, (current as Error).message);
    current = (current as { cause?: unknown }).cause;
  }
  return (error as Error).message ?? String(error);
}
