import { HttpError } from "../../core/http.ts";

/** One number a provider read, with the labels of the series it came from ("" when there is one). */
export interface SeriesValue {
  series: string;
  value: number;
}

/** The window one measurement covers: a provider that sums or averages reads these bounds. */
export interface Window {
  startMs: number;
  endMs: number;
}

/**
 * A provider could not give a value. `permanent`: asking again will not help (a query the provider
 * rejects, a key it refuses), so the metric stops at once instead of spending its error budget.
 */
export class MetricsError extends Error {
  override name = "MetricsError";
  readonly provider: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly permanent: boolean;
  constructor(
    provider: string,
    message: string,
    options: { status?: number; code?: string; permanent?: boolean } = {},
  ) {
    super(message);
    this.provider = provider;
    this.status = options.status;
    this.code = options.code;
    this.permanent = options.permanent ?? false;
  }
}

/** Reads one metric: an empty list is "no data" (never 0). */
export type Reader = (window: Window) => Promise<SeriesValue[]>;

/** Turns a failed request into a MetricsError; 400, 401, 403 and 404 are the caller's to fix. */
export function fromHttpError(provider: string, error: unknown, hint: (status: number) => string): never {
  if (error instanceof HttpError) {
    const status = error.status;
    const permanent = status !== undefined && [400, 401, 403, 404].includes(status);
    const advice = status === undefined ? "" : hint(status);
    throw new MetricsError(provider, `${error.message}${advice ? ` ${advice}` : ""}`, {
      status,
      code: error.code,
      permanent,
    });
  }
  throw error;
}

/** A provider's number as text: Prometheus and others write NaN and ±Inf this way. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+]?inf(inity)?$/i.test(trimmed)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(trimmed)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(trimmed)) return Number.NaN;
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}
