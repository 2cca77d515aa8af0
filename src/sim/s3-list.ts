import type { SimObjectVersion } from "./s3.ts";
import { listVersionsXml } from "./s3-xml.ts";
import type { SimResponse } from "./server.ts";

/**
 * ListObjectVersions (API Reference): keys in UTF-8 binary order, each key's versions and delete
 * markers newest first, at most max-keys entries (and at most `pageSize`: S3 may return fewer).
 * key-marker alone resumes after that key; with version-id-marker, after that version of it.
 */
export function listVersions(
  name: string,
  keysOf: Map<string, SimObjectVersion[]>,
  q: URLSearchParams,
  pageSize: number,
): SimResponse {
  const prefix = q.get("prefix") ?? "";
  const keyMarker = q.get("key-marker") ?? "";
  const versionIdMarker = q.get("version-id-marker") ?? "";
  const maxKeys = Math.min(Number(q.get("max-keys") ?? 1000) || 1000, 1000);
  const keys = [...keysOf.keys()]
    .filter((k) => k.startsWith(prefix))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const entries: { version: SimObjectVersion; latest: boolean }[] = [];
  let truncated = false;
  for (const key of keys) {
    const cmp = Buffer.compare(Buffer.from(key), Buffer.from(keyMarker));
    if (keyMarker && cmp < 0) continue;
    const history = keysOf.get(key) ?? [];
    let start = 0;
    if (keyMarker && cmp === 0) {
      // Without a version-id-marker, listing resumes after the key; with one, after that version.
      if (!versionIdMarker) continue;
      start = history.findIndex((v) => v.versionId === versionIdMarker) + 1;
      if (start === 0) continue;
    }
    for (let i = start; i < history.length; i++) {
      if (entries.length >= Math.min(maxKeys, pageSize)) {
        truncated = true;
        break;
      }
      entries.push({ version: history[i] as SimObjectVersion, latest: i === 0 });
    }
    if (truncated) break;
  }
  return listVersionsXml({ bucket: name, prefix, keyMarker, versionIdMarker, maxKeys, entries, truncated });
}
