import { z } from "zod";
import type { Toolkit } from "./toolkit.ts";

/** Bad input: raised before anything is changed, naming every input at fault. */
export class InputError extends Error {
  override name = "InputError";
}

/** One input's problem, in the same words `readInputs` uses. */
export function inputError(input: string, problem: string, example?: string): InputError {
  return new InputError(describe(input, problem, example));
}

function describe(input: string, problem: string, example?: string): string {
  return `Input "${input}" ${problem}${example ? ` Example: ${example}` : ""}`;
}

class Problem extends Error {
  readonly example: string | undefined;
  constructor(message: string, example?: string) {
    super(message);
    this.example = example;
  }
}

/** Fields read as secrets, and whether they hold header lines whose values are masked one by one. */
const secretFields = new WeakMap<z.ZodType, "secret" | "headers">();

/**
 * Every field starts from this one string schema: building a zod string is the costly part of a schema, and
 * an action declares up to 60 inputs at start-up.
 */
const rawString = z.string();

/** A zod field over the raw input string: `parse` throws a Problem to reject it. */
function field<T>(parse: (raw: string) => T) {
  return rawString.transform((raw, ctx): T => {
    try {
      return parse(raw.trim());
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      ctx.issues.push({
        code: "custom",
        message: error.message,
        input: raw,
        params: { example: error.example },
      });
      return z.NEVER;
    }
  });
}

/**
 * Refused rather than turned into an Authorization header: the URL is echoed in logs, summaries and
 * messages, and a header is the one place credentials are masked on purpose.
 */
export const CREDENTIALS_IN_URL =
  "has a user name or password in it (https://user:pass@host), which would be shown wherever the URL is. Remove them and pass credentials as a token or header input (masked) instead; rotate that password, since the runner prints step inputs.";

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

function orDefault(raw: string, fallback: string | undefined): string {
  return raw === "" && fallback !== undefined ? fallback : raw;
}

function requireValue(raw: string, example: string): void {
  if (raw === "") throw new Problem("is required.", example);
}

const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

/** `90s`, `5m`, `1h30m`, `250ms` or plain seconds, in milliseconds. */
export function parseDuration(raw: string): number | undefined {
  const value = raw.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const match = DURATION.exec(value);
  if (!value || !match || match.slice(1).every((part) => part === undefined)) return undefined;
  const [h = "0", m = "0", s = "0", ms = "0"] = match.slice(1).map((part) => part ?? "0");
  return Math.round(Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms));
}

/** Comma- or newline-separated values, trimmed, empty ones dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Field builders. Each takes the raw string ("" when unset) and yields a typed value or one problem. */
export const input = {
  /** Free text; `max` characters at most. */
  text(options: { default?: string; required?: boolean; max?: number; example?: string } = {}) {
    return field((raw) => {
      const value = orDefault(raw, options.default);
      if (options.required) requireValue(value, options.example ?? "");
      if (options.max !== undefined && value.length > options.max) {
        throw new Problem(
          `is ${value.length} characters long; at most ${options.max} are allowed.`,
          options.example,
        );
      }
      return value;
    });
  },

  /** Optional text: undefined when unset. */
  optional() {
    return field((raw) => (raw === "" ? undefined : raw));
  },

  /**
   * A token, webhook URL or other secret: masked as soon as it is read, never echoed in a message.
   * `url`: the secret is a webhook URL and must be http(s).
   */
  secret(options: { required?: boolean; example?: string; url?: boolean } = {}) {
    const schema = field((raw) => {
      if (options.required && raw === "") {
        throw new Problem(
          "is required and empty. If it comes from a secret, check the secret exists and is passed to this workflow (secrets: inherit or by name).",
          options.example,
        );
      }
      if (options.url && raw !== "" && !/^https?:$/.test(URL.parse(raw)?.protocol ?? "")) {
        throw new Problem(
          "is not an http(s) URL (its value is a secret, so it is not shown).",
          options.example,
        );
      }
      return raw === "" ? undefined : raw;
    });
    secretFields.set(schema, "secret");
    return schema;
  },

  /** true/false as `core.getBooleanInput` accepts them. */
  boolean(fallback: boolean) {
    return field((raw) => {
      if (raw === "") return fallback;
      if (["true", "True", "TRUE"].includes(raw)) return true;
      if (["false", "False", "FALSE"].includes(raw)) return false;
      throw new Problem(`is ${quote(raw)}, which is not a boolean: use true or false.`, "true");
    });
  },

  /** A duration in milliseconds; `min` (ms) for a timeout that must leave a request time to answer. */
  duration(fallback: string, options: { min?: number } = {}) {
    return field((raw) => {
      const value = orDefault(raw, fallback);
      const ms = parseDuration(value);
      if (ms === undefined) {
        throw new Problem(
          `is ${quote(value)}, which is not a duration: use seconds ("300") or units h, m, s, ms.`,
          `"90s", "5m", "1h30m"`,
        );
      }
      if (options.min !== undefined && ms < options.min) {
        throw new Problem(`is ${quote(value)}; it must be at least ${options.min}ms.`, `"${fallback}"`);
      }
      return ms;
    });
  },

  /** A list: commas or newlines. */
  list(options: { required?: boolean; example?: string } = {}) {
    return field((raw) => {
      const values = parseList(raw);
      if (options.required && values.length === 0) throw new Problem("is required.", options.example);
      return values;
    });
  },

  /** One of a fixed set of words. */
  choice<const T extends string>(values: readonly T[], fallback: T) {
    return field((raw): T => {
      const value = orDefault(raw, fallback);
      if (!(values as readonly string[]).includes(value)) {
        throw new Problem(`is ${quote(value)}; it must be one of: ${values.join(", ")}.`, `"${fallback}"`);
      }
      return value as T;
    });
  },

  /** A number within bounds. */
  number(options: { default?: string; min?: number; max?: number; integer?: boolean; example: string }) {
    return field((raw): number | undefined => {
      const value = orDefault(raw, options.default);
      if (value === "") return undefined;
      const n = Number(value);
      const { min, max } = options;
      const bad =
        !Number.isFinite(n) ||
        (options.integer && !Number.isInteger(n)) ||
        (min !== undefined && n < min) ||
        (max !== undefined && n > max);
      if (bad) {
        const kind = options.integer ? "a whole number" : "a number";
        const range = [min !== undefined && `at least ${min}`, max !== undefined && `at most ${max}`]
          .filter(Boolean)
          .join(" and ");
        throw new Problem(
          `is ${quote(value)}; it must be ${kind}${range ? ` ${range}` : ""}.`,
          options.example,
        );
      }
      return n;
    });
  },

  /** An http(s) URL; trailing slashes removed. */
  url(options: { default?: string; required?: boolean; example: string }) {
    return field((raw): string | undefined => {
      const value = orDefault(raw, options.default);
      if (value === "") {
        if (options.required) throw new Problem("is required.", options.example);
        return undefined;
      }
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new Problem(`is ${quote(value)}, which is not a URL.`, options.example);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Problem(`is ${quote(value)}: only http and https URLs are supported.`, options.example);
      }
      if (url.username || url.password) throw new Problem(CREDENTIALS_IN_URL, options.example);
      return value.replace(/\/+$/, "");
    });
  },

  /** `Name: value` lines; values are secrets (masked, never echoed). */
  headers() {
    const schema = field((raw) => {
      const headers: Record<string, string> = {};
      raw.split("\n").forEach((line, index) => {
        if (!line.trim()) return;
        const colon = line.indexOf(":");
        const name = colon > 0 ? line.slice(0, colon).trim() : "";
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
          throw new Problem(
            `line ${index + 1} is not a "Name: value" header line.`,
            `"Authorization: Bearer xyz"`,
          );
        }
        headers[name] = line.slice(colon + 1).trim();
      });
      return headers;
    });
    secretFields.set(schema, "headers");
    return schema;
  },

  /** A JSON object. */
  jsonObject(example: string) {
    return field((raw): Record<string, unknown> | undefined => {
      if (raw === "") return undefined;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new Problem(`is not valid JSON (${(error as Error).message}).`, example);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new Problem("must be a JSON object.", example);
      }
      return value as Record<string, unknown>;
    });
  },
};

type Shape = Record<string, z.ZodType<unknown, string>>;

/**
 * Reads and checks every input of an action at once, before anything else happens. Secrets are
 * masked as soon as they are read. All problems are reported together in one error.
 */
export function readInputs<S extends Shape>(
  tk: Pick<Toolkit, "getInput" | "setSecret">,
  shape: S,
): { [K in keyof S]: z.output<S[K]> } {
  const raw: Record<string, string> = {};
  for (const [name, schema] of Object.entries(shape)) {
    raw[name] = tk.getInput(name);
    const kind = secretFields.get(schema);
    if (kind) maskSecretInput(tk, raw[name], kind === "headers");
  }
  // Parsed once per run: zod's compiled fast path would cost more to generate (~25 ms at start-up) than it saves.
  const result = z.object(shape).safeParse(raw, { jitless: true });
  if (result.success) return result.data as { [K in keyof S]: z.output<S[K]> };
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const example = (issue as { params?: { example?: string } }).params?.example;
    return describe(name, issue.message, example);
  });
  throw new InputError(lines.join("\n"));
}

function maskSecretInput(tk: Pick<Toolkit, "setSecret">, value: string, headerLines: boolean): void {
  if (!value) return;
  tk.setSecret(value);
  if (!headerLines) return;
  // Each header value on its own as well, since a request shows them one by one.
  for (const line of value.split("\n")) {
    const colon = line.indexOf(":");
    const headerValue = colon > 0 ? line.slice(colon + 1).trim() : "";
    if (headerValue.length >= 4) tk.setSecret(headerValue);
  }
}
