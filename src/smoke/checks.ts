import { z } from "zod";
import { CREDENTIALS_IN_URL } from "../core/inputs.ts";

/** A body pattern; run by a linear-time engine, so no pattern can stall a check. */
export interface BodyPattern {
  source: string;
  test(text: string): boolean;
}

/** What a response must satisfy. */
export interface Expectation {
  /** Accepted statuses; undefined means any 2xx. */
  status?: number[];
  bodyContains?: string;
  bodyMatches?: BodyPattern;
  /** Dotted path → expected JSON value. */
  json?: Record<string, unknown>;
  maxMs?: number;
}

export interface Check {
  name: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectation;
}

const statusSpec = () =>
  z.union([
    z.number().int().min(100).max(599),
    z.array(z.number().int().min(100).max(599)).min(1),
    z.string().regex(/^[1-5]xx$/, 'use a status code, a list of codes, or a class like "2xx"'),
  ]);

/** Methods a health check can use; anything else is a typo or an attempt to smuggle a request line. */
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Header names whose values are credentials, masked like the `headers` input's values. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|key|auth|session|password/i;

const checkSchema = () =>
  z
    .object({
      name: z.string().min(1).optional(),
      url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).refine(
        (url) => {
          // zod runs this even when the URL check failed: leave that one to report.
          const parsed = URL.parse(url);
          return !parsed?.username && !parsed?.password;
        },
        CREDENTIALS_IN_URL.replace(/^has/, "must not have").replace(/\.$/, ""),
      ),
      method: z
        .string()
        .transform((method) => method.toUpperCase())
        .pipe(z.enum(METHODS, { error: `must be one of ${METHODS.join(", ")}` }))
        .default("GET"),
      headers: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
        .default({}),
      body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
      expect: z
        .object({
          status: statusSpec().optional(),
          "body-contains": z.string().min(1).optional(),
          "body-matches": z.string().min(1).optional(),
          json: z.record(z.string(), z.unknown()).optional(),
          "max-ms": z.number().positive().optional(),
        })
        .strict()
        .default({}),
    })
    .strict();

/** Built when a `checks` input is given: a run with `url` alone does not pay for it at start-up. */
const checksSchema = () => z.array(checkSchema()).min(1);

function statuses(spec: z.output<ReturnType<typeof statusSpec>> | undefined): number[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === "number") return [spec];
  if (Array.isArray(spec)) return spec;
  const base = Number(spec[0]) * 100;
  return Array.from({ length: 100 }, (_, i) => base + i);
}

/**
 * Parses the `checks` input (YAML or JSON list). Throws an Error whose message names the offending
 * entry and field, for the caller to attach to the input's name.
 */
export async function parseChecks(text: string): Promise<Check[]> {
  if (!text.trim()) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Not JSON: YAML, whose parser is only loaded by the runs that need it.
    try {
      const { parse } = await import("yaml");
      raw = parse(text);
    } catch (error) {
      throw new Error(`is not valid YAML or JSON (${(error as Error).message.split("\n")[0]}).`);
    }
  }
  const result = checksSchema().safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const [index, ...rest] = issue?.path ?? [];
    const where =
      typeof index === "number"
        ? `entry ${index + 1}${rest.length ? ` (${rest.join(".")})` : ""}`
        : "the list";
    throw new Error(`is wrong at ${where}: ${issue?.message}.`);
  }
  const patterns = result.data.some((entry) => entry.expect["body-matches"] !== undefined)
    ? await import("re2js")
    : undefined;
  return result.data.map((entry, index) => {
    let bodyMatches: BodyPattern | undefined;
    const pattern = entry.expect["body-matches"];
    if (pattern !== undefined && patterns) {
      try {
        const compiled = patterns.RE2JS.compile(patterns.RE2JS.translateRegExp(pattern));
        bodyMatches = { source: pattern, test: (text) => compiled.test(text) };
      } catch (error) {
        throw new Error(
          `is wrong at entry ${index + 1} (expect.body-matches): ${(error as Error).message}. Patterns run in a linear-time engine (RE2 syntax): no lookarounds or backreferences.`,
        );
      }
    }
    const headers = { ...entry.headers };
    let body: string | undefined;
    if (typeof entry.body === "string") body = entry.body;
    else if (entry.body !== undefined) {
      body = JSON.stringify(entry.body);
      headers["content-type"] ??= "application/json";
    }
    return {
      name: entry.name ?? `${entry.method} ${entry.url}`,
      url: entry.url,
      method: entry.method,
      headers,
      body,
      expect: {
        status: statuses(entry.expect.status),
        bodyContains: entry.expect["body-contains"],
        bodyMatches,
        json: entry.expect.json,
        maxMs: entry.expect["max-ms"],
      },
    };
  });
}

/** Values of the checks' own credential headers (`Authorization`, `X-Api-Key`, cookies), to mask. */
export function secretHeaderValues(checks: Check[]): string[] {
  return checks.flatMap((check) =>
    Object.entries(check.headers).flatMap(([name, value]) => (SECRET_HEADER.test(name) ? [value] : [])),
  );
}

/** A check for a plain URL: GET, expecting any 2xx. */
export function urlCheck(url: string): Check {
  return { name: `GET ${url}`, url, method: "GET", headers: {}, expect: {} };
}

/** Reads a dotted path (`checks.db.ok`, `items.0.id`, optional leading `$.`) from a JSON value. */
export function jsonPath(value: unknown, path: string): { found: boolean; value?: unknown } {
  let current = value;
  for (const key of path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean)) {
    if (current === null || typeof current !== "object" || !(key in current)) return { found: false };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Why a response fails the check, or undefined when it passes. */
export function evaluate(check: Check, status: number, body: string, latencyMs: number): string | undefined {
  const { expect } = check;
  const statusOk = expect.status ? expect.status.includes(status) : status >= 200 && status < 300;
  if (!statusOk) return `status ${status}`;
  if (expect.bodyContains !== undefined && !body.includes(expect.bodyContains)) {
    return `body does not contain ${JSON.stringify(expect.bodyContains)}`;
  }
  if (expect.bodyMatches && !expect.bodyMatches.test(body))
    return `body does not match /${expect.bodyMatches.source}/`;
  if (expect.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return "body is not JSON";
    }
    for (const [path, expected] of Object.entries(expect.json)) {
      const actual = jsonPath(parsed, path);
      if (!actual.found) return `JSON ${path} is missing (expected ${JSON.stringify(expected)})`;
      if (!equal(actual.value, expected)) {
        return `JSON ${path} is ${JSON.stringify(actual.value)}, expected ${JSON.stringify(expected)}`;
      }
    }
  }
  if (expect.maxMs !== undefined && latencyMs > expect.maxMs) {
    return `took ${Math.round(latencyMs)} ms, over the ${expect.maxMs} ms limit`;
  }
  return undefined;
}
