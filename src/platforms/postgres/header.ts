import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";

/** What a dump file is, read from its first bytes (never from its name). */
export type DumpFormat = "custom" | "tar" | "sql" | "sql.gz";

export interface DumpHeader {
  format: DumpFormat;
  /** The pg_dump that wrote it, e.g. "15.4" (custom and tar archives, and plain dumps that say it). */
  dumpVersion: string | undefined;
  /** The server it was dumped from. */
  serverVersion: string | undefined;
  /** The database it was dumped from (archives only). */
  database: string | undefined;
  /** Archive format version, e.g. "1.14". */
  archiveVersion: string | undefined;
}

export class NotADumpError extends Error {
  override name = "NotADumpError";
}

/**
 * Reads the archive header as pg_dump writes it (pg_backup_archiver.c, WriteHead): "PGDMP", version
 * bytes, int and offset sizes, format, compression, creation time (7 ints), then the database name, the
 * server version and the pg_dump version as length-prefixed strings.
 */
export function parseArchiveHeader(buffer: Buffer, format: "custom" | "tar"): DumpHeader {
  let pos = 5;
  const byte = () => {
    if (pos >= buffer.length) throw new NotADumpError("the archive header is cut short");
    return buffer[pos++] as number;
  };
  const [vmaj, vmin] = [byte(), byte(), byte()];
  const intSize = byte();
  byte(); // offset size
  byte(); // format
  if (intSize < 1 || intSize > 8) throw new NotADumpError("the archive header is damaged");
  const readInt = () => {
    const negative = byte() !== 0;
    let value = 0;
    for (let i = 0; i < intSize; i++) value += byte() * 2 ** (8 * i);
    return negative ? -value : value;
  };
  const readStr = () => {
    const length = readInt();
    if (length < 0) return undefined;
    if (pos + length > buffer.length) throw new NotADumpError("the archive header is cut short");
    const text = buffer.toString("utf8", pos, pos + length);
    pos += length;
    return text;
  };
  const atLeast = (minor: number) => vmaj > 1 || (vmaj === 1 && vmin >= minor);
  // 1.15 (PostgreSQL 16) stores the compression algorithm as a byte; before, the level as an int.
  if (atLeast(15)) byte();
  else readInt();
  let database: string | undefined;
  if (atLeast(4)) {
    for (let i = 0; i < 7; i++) readInt();
    database = readStr();
  }
  let serverVersion: string | undefined;
  let dumpVersion: string | undefined;
  if (atLeast(10)) {
    serverVersion = readStr();
    dumpVersion = readStr();
  }
  return { format, dumpVersion, serverVersion, database, archiveVersion: `${vmaj}.${vmin}` };
}

function plainHeader(text: string, format: "sql" | "sql.gz"): DumpHeader {
  const version = (label: string) =>
    new RegExp(`^-- Dumped ${label} version (\\d+(?:\\.\\d+)?)`, "m").exec(text)?.[1];
  return {
    format,
    dumpVersion: version("by pg_dump"),
    serverVersion: version("from database"),
    database: undefined,
    archiveVersion: undefined,
  };
}

async function gunzipStart(path: string): Promise<string> {
  const gunzip = createGunzip();
  const source = createReadStream(path, { end: 256 * 1024 });
  pipeline(source, gunzip, () => {});
  let text = "";
  try {
    for await (const chunk of gunzip) {
      text += chunk.toString("utf8");
      if (text.length >= 8192) break;
    }
  } catch (error) {
    throw new NotADumpError(`it starts like gzip but does not decompress (${(error as Error).message})`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  return text;
}

/** Tells the dump's format and versions from its first bytes. */
export async function readDumpHeader(path: string): Promise<DumpHeader> {
  const file = await open(path, "r");
  const buffer = Buffer.alloc(16 * 1024);
  let read: number;
  try {
    ({ bytesRead: read } = await file.read(buffer, 0, buffer.length, 0));
  } finally {
    await file.close();
  }
  const head = buffer.subarray(0, read);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return parseArchiveHeader(head, "custom");
  // A tar archive from pg_dump -Ft begins with its toc.dat member, which holds the same header.
  const tarName = head.subarray(0, 100).toString("latin1").replace(/\0.*$/s, "");
  if (tarName === "toc.dat" && head.subarray(512, 517).toString("latin1") === "PGDMP") {
    return parseArchiveHeader(head.subarray(512), "tar");
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return plainHeader(await gunzipStart(path), "sql.gz");
  if (read > 0 && !head.includes(0)) return plainHeader(head.toString("utf8"), "sql");
  throw new NotADumpError(
    "it is neither a pg_dump archive (custom or tar format) nor plain SQL (.sql or .sql.gz)",
  );
}

/**
 * A plain dump has no table of contents to check, and psql commits whatever it has run when its input
 * ends. pg_dump ends every plain dump with this line, so its absence means a file cut short; reading a
 * .gz to the end also checks its CRC.
 */
export async function checkPlainComplete(path: string, format: "sql" | "sql.gz"): Promise<void> {
  const source = createReadStream(path);
  const stream = format === "sql.gz" ? pipeline(source, createGunzip(), () => {}) : source;
  let tail = "";
  try {
    for await (const chunk of stream) tail = (tail + (chunk as Buffer).toString("latin1")).slice(-512);
  } catch (error) {
    throw new NotADumpError(`it does not decompress to the end (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
  if (!tail.includes("-- PostgreSQL database dump complete")) {
    throw new NotADumpError(
      'it does not end with the line pg_dump writes last ("-- PostgreSQL database dump complete"), so it looks cut short',
    );
  }
}
