// One registry of every secret this process has read, so any text can be scrubbed before it is shown.
const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  secrets.add(value);
  // Tokens often travel URL-encoded (query strings, webhook paths): scrub that form too.
  const encoded = encodeURIComponent(value);
  if (encoded !== value) secrets.add(encoded);
}

export function redact(text: string): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 4) continue;
    out = out.split(secret).join("***");
  }
  return out;
}

export function errorMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}
