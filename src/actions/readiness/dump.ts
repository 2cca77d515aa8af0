import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { request } from "../../core/undici.ts";
import { isUrl, shownUrl } from "../../platforms/postgres/source.ts";

/** The newest dump a restore would use, found without downloading it. */
export interface NewestDump {
  /** A local path or the URL (the URL itself is never shown: `shown` is). */
  location: string;
  shown: string;
  /** When it was written (file time, or the server's Last-Modified). */
  modifiedAt: number | undefined;
  bytes: number | undefined;
}

const DUMP_NAME = /\.(dump|backup|tar|sql|sql\.gz|pgdump)$/i;

/** A file, the newest dump file in a folder, or a URL read with HEAD. Undefined: none there. */
export async function findNewestDump(
  backup: string,
  cwd: string,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<NewestDump | undefined> {
  if (isUrl(backup)) return headDump(backup, headers, signal);
  const path = resolve(cwd, backup);
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.isFile()) return { location: path, shown: backup, modifiedAt: info.mtimeMs, bytes: info.size };
  const names = (await readdir(path)).filter((name) => DUMP_NAME.test(name));
  const files = await Promise.all(names.map(async (name) => ({ name, info: await stat(join(path, name)) })));
  const newest = files.filter((f) => f.info.isFile()).sort((a, b) => b.info.mtimeMs - a.info.mtimeMs)[0];
  if (!newest) return undefined;
  return {
    location: join(path, newest.name),
    shown: join(backup, newest.name),
    modifiedAt: newest.info.mtimeMs,
    bytes: newest.info.size,
  };
}

const headSchema = z.object({
  "last-modified": z.string().optional(),
  "content-length": z.string().optional(),
});

async function headDump(
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<NewestDump | undefined> {
  const answer = await request(url, {
    method: "HEAD",
    headers,
    signal: AbortSignal.any([AbortSignal.timeout(30_000), ...(signal ? [signal] : [])]),
  });
  await answer.body.dump();
  if (answer.statusCode === 404) return undefined;
  if (answer.statusCode >= 400) {
    throw new Error(`HEAD ${shownUrl(url)} answered HTTP ${answer.statusCode}`);
  }
  const read = headSchema.parse(answer.headers);
  const modified = read["last-modified"] ? Date.parse(read["last-modified"]) : Number.NaN;
  const bytes = Number(read["content-length"]);
  return {
    location: url,
    shown: shownUrl(url),
    modifiedAt: Number.isNaN(modified) ? undefined : modified,
    bytes: Number.isFinite(bytes) ? bytes : undefined,
  };
}
