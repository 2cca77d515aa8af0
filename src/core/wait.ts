// Kept apart from http.ts: formatting a duration (every summary does) must not load the HTTP client.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type PollResult<T> = { done: true; value: T } | { done: false; state?: string };

export interface WaitOptions<T> {
  /** What is awaited, for progress lines: "alias job for dpl_123". */
  what: string;
  /** Deadline from the start of waiting. */
  timeoutMs: number;
  /** Reads the platform once: done with a value, or not yet with the state seen. */
  poll: () => Promise<PollResult<T>>;
  /** First pause between polls; each pause grows by `factor` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** A progress line at most this often (and whenever the state changes). */
  progressEveryMs?: number;
  onProgress?: (line: string) => void;
}

export type WaitResult<T> =
  | { outcome: "done"; value: T; elapsedMs: number; polls: number }
  | { outcome: "timeout"; lastState: string | undefined; elapsedMs: number; polls: number };

/**
 * Polls until the platform reports an outcome or the deadline passes. Starts fast and backs off, so a
 * quick job is seen promptly and a slow one costs few requests; never sleeps past the deadline.
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const {
    timeoutMs,
    initialDelayMs = 250,
    maxDelayMs = 5000,
    factor = 1.5,
    progressEveryMs = 10_000,
  } = options;
  const started = Date.now();
  let delay = initialDelayMs;
  let polls = 0;
  let lastState: string | undefined;
  let lastProgress = started;
  for (;;) {
    const result = await options.poll();
    polls++;
    const elapsedMs = Date.now() - started;
    if (result.done) return { outcome: "done", value: result.value, elapsedMs, polls };
    const changed = result.state !== undefined && result.state !== lastState;
    if (changed || Date.now() - lastProgress >= progressEveryMs) {
      options.onProgress?.(
        `Waiting for ${options.what}: ${result.state ?? "not done yet"} (${formatMs(elapsedMs)} of ${formatMs(timeoutMs)})`,
      );
      lastProgress = Date.now();
    }
    lastState = result.state ?? lastState;
    const remaining = timeoutMs - elapsedMs;
    if (remaining <= 0) return { outcome: "timeout", lastState, elapsedMs, polls };
    await sleep(Math.min(delay, remaining));
    delay = Math.min(maxDelayMs, delay * factor);
  }
}

/** 950 ms, 12.3s, 4m05s, 1h02m. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m${String(s).padStart(2, "0")}s`;
}
