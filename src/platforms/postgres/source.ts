import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { backoffDelay, parseRetryAfter, sleep } from "../../core/http.ts";
import { request } from "../../core/undici.ts";
import { formatMs } from "../../core/wait.ts";

/** A dump on local disk, with what identifies it. */
export interface LocalDump {
  /** Where pg_restore / psql read it. */
  path: string;
  /** What the user named: the path, or the URL without its query string. */
  source: string;
  /** File name, for messages and the restore marker. */
  name: string;
  bytes: number;
  sha256: string;
  /** A download's temp folder, removed by `discardDump`. */
  tempDir: string | undefined;
}

export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

export interface FetchOptions {
  /** `backup`: a file path (relative to `cwd`) or an http(s) URL. */
  backup: string;
  cwd: string;
  /** Headers for a URL (their values are secrets: never logged). */
  headers?: Record<string, string>;
  /** Where a download goes. */
  tempRoot: string;
  log: Log;
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignal;
}

export function isUrl(backup: string): boolean {
  return /^https?:\/\//i.test(backup);
}

/** The URL as it may be shown: no query string (signed URLs carry their credentials there), no userinfo. */
export function shownUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname}`;
}

function progressEvery(log: Log, what: string, total: number | undefined): (bytes: number) => void {
  const started = Date.now();
  let last = started;
  return (bytes) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    const of = total ? ` of ${formatBytes(total)}` : "";
    log.info(`${what}: ${formatBytes(bytes)}${of} (${formatMs(Date.now() - started)})`);
  };
}

function hashing(hash: ReturnType<typeof createHash>, onBytes: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
      callback(null, chunk);
    },
  });
}

/** A dump being fetched: where it is once there; the sha256 of a local file is still being read. */
export interface OpenedDump {
  dump: Omit<LocalDump, "sha256">;
  sha256: Promise<string>;
}

/**
 * Finds the dump where it is (a path) or streams it to a temp file (a URL), hashing as it goes. A local
 * file is usable at once: its sha256 is read while the caller checks it (pg_restore --list reads it too).
 */
export async function openDump(options: FetchOptions): Promise<OpenedDump> {
  if (!isUrl(options.backup)) {
    const path = resolve(options.cwd, options.backup);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`The dump ${path} does not exist.`);
    if (!info.isFile()) {
      throw new Error(
        `${path} is not a file. Give a custom-format dump (pg_dump -Fc), a tar dump (-Ft) or a .sql / .sql.gz file.`,
      );
    }
    const sha256 = hashFile(path, info.size, options.log);
    // Awaited by the caller unless it gives up on the dump first.
    sha256.catch(() => {});
    return {
      dump: { path, source: path, name: basename(path), bytes: info.size, tempDir: undefined },
      sha256,
    };
  }
  const { sha256, ...dump } = await download(options);
  return { dump, sha256: Promise.resolve(sha256) };
}

/** The dump fetched and hashed whole. */
export async function fetchDump(options: FetchOptions): Promise<LocalDump> {
  const { dump, sha256 } = await openDump(options);
  return { ...dump, sha256: await sha256 };
}

async function hashFile(path: string, size: number, log: Log): Promise<string> {
  const hash = createHash("sha256");
  const report = progressEvery(log, `Reading ${basename(path)}`, size);
  let read = 0;
  // 4 MiB reads: about twice as fast as the default 64 KiB on a dump of hundreds of MB.
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
    report(read);
  }
  return hash.digest("hex");
}

async function download(options: FetchOptions): Promise<LocalDump> {
  const shown = shownUrl(options.backup);
  const name = basename(new URL(options.backup).pathname) || "dump";
  const tempDir = await mkdtemp(join(options.tempRoot, "dbrestore-dump-"));
  const path = join(tempDir, name.replace(/[^\w.-]/g, "_"));
  const retries = options.retries ?? 3;
  try {
    for (let attempt = 0; ; attempt++) {
      const outcome = await downloadOnce(options, shown, path);
      if (outcome.ok) return { ...outcome.dump, source: shown, name, tempDir };
      if (!outcome.retry || attempt >= retries) throw new Error(outcome.message);
      const delay = outcome.retryAfterMs ?? backoffDelay(attempt, 1000, 15_000);
      options.log.warn(`${outcome.message}; trying again in ${formatMs(delay)}.`);
      await sleep(delay);
    }
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

type Attempt =
  | { ok: true; dump: Pick<LocalDump, "path" | "bytes" | "sha256"> }
  | { ok: false; retry: boolean; message: string; retryAfterMs?: number };

async function get(options: FetchOptions): Promise<Awaited<ReturnType<typeof request>>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let url = new URL(options.backup);
  let headers = options.headers ?? {};
  for (let hop = 0; ; hop++) {
    const response = await request(url, {
      method: "GET",
      headers: { "user-agent": "production-rollback database-restore", ...headers },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: options.signal,
    });
    const location = response.headers.location;
    const redirect = response.statusCode >= 300 && response.statusCode < 400 && typeof location === "string";
    const next = redirect ? new URL(location, url) : undefined;
    // Never follow a redirect from https down to http: the dump is production data.
    if (!next || hop >= 5 || (url.protocol === "https:" && next.protocol !== "https:")) return response;
    await response.body.dump();
    // Release assets redirect to signed storage URLs: the user's headers are for the first host only.
    if (next.origin !== url.origin) headers = {};
    url = next;
  }
}

async function downloadOnce(options: FetchOptions, shown: string, path: string): Promise<Attempt> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await get(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, retry: true, message: `Downloading the dump from ${shown} failed: ${code}` };
  }
  const status = response.statusCode;
  if (status !== 200) {
    await response.body.dump();
    const hint =
      status === 401 || status === 403
        ? " (the server wants credentials: pass them in backup-headers, e.g. Authorization: Bearer …)"
        : status === 404
          ? " (no dump at that address)"
          : "";
    return {
      ok: false,
      retry: status === 429 || status >= 500,
      message: `Downloading the dump from ${shown} answered HTTP ${status}${hint}`,
      retryAfterMs: parseRetryAfter(response.headers["retry-after"]),
    };
  }
  const length = Number(response.headers["content-length"]) || undefined;
  const hash = createHash("sha256");
  let bytes = 0;
  const report = progressEvery(options.log, `Downloading ${shown}`, length);
  try {
    await pipeline(
      response.body,
      hashing(hash, (n) => {
        bytes = n;
        report(n);
      }),
      createWriteStream(path, { mode: 0o600 }),
    );
  } catch (error) {
    return {
      ok: false,
      retry: true,
      message: `Downloading the dump from ${shown} broke off: ${(error as Error).message}`,
    };
  }
  if (length !== undefined && bytes !== length) {
    return {
      ok: false,
      retry: true,
      message: `Downloading the dump from ${shown} stopped at ${bytes} of ${length} bytes`,
    };
  }
  return { ok: true, dump: { path, bytes, sha256: hash.digest("hex") } };
}

/** Removes a downloaded dump (a local path is the user's and stays). */
export async function discardDump(dump: Pick<LocalDump, "tempDir">): Promise<void> {
  if (dump.tempDir) await rm(dump.tempDir, { recursive: true, force: true });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
