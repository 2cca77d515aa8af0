// One registry of every secret this process has read, so any text can be scrubbed before it is shown.
const secrets = new Set<string>();

/** Shorter forms would mask ordinary words; the runner's own masker makes the same trade. */
const MIN_LENGTH = 4;
/** Encoded forms (base64 fragments above all) shorter than this are left alone: they match too much by chance. */
const MIN_DERIVED = 8;

/**
 * Registers a secret with every form it can travel in, and returns the forms not registered before so
 * the runner can be told to mask them too (`core.setSecret` for each).
 */
export function registerSecret(value: string | undefined): string[] {
  if (!value) return [];
  const added: string[] = [];
  for (const form of new Set(forms(value))) {
    if (secrets.has(form)) continue;
    secrets.add(form);
    added.push(form);
  }
  return added;
}

function forms(value: string): string[] {
  // What a server echoes: the value, and for `Bearer tok`, `token tok`, `Bot tok`, `Basic dXNlcjpwYXNz` the
  // bare credential (a Basic one decoded, and its password alone).
  const plain = [value, value.trim()];
  const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s+(\S+)$/.exec(value.trim());
  if (scheme?.[2]) {
    plain.push(scheme[2]);
    if (scheme[1]?.toLowerCase() === "basic") plain.push(...basicParts(scheme[2]));
  }
  // How they travel: URL-encoded, JSON-escaped, base64.
  const encoded = plain.flatMap((form) => [
    encodeURIComponent(form),
    JSON.stringify(form).slice(1, -1),
    ...base64Forms(form),
  ]);
  return [
    value,
    ...plain.filter((form) => form.length >= MIN_LENGTH),
    ...encoded.filter((form) => form.length >= MIN_DERIVED),
  ];
}

/** The decoded `user:pass` of a Basic credential, and the password alone. */
function basicParts(credential: string): string[] {
  const decoded = Buffer.from(credential, "base64").toString("utf8");
  // Only a credential that round-trips is base64 at all; anything else is masked as given.
  if (Buffer.from(decoded, "utf8").toString("base64").replace(/=+$/, "") !== credential.replace(/=+$/, ""))
    return [];
  const colon = decoded.indexOf(":");
  if (colon < 0) return [decoded];
  const password = decoded.slice(colon + 1);
  return password.length >= MIN_LENGTH ? [decoded, password] : [decoded];
}

/**
 * The base64 and base64url spellings of a secret, whole and as it appears inside a longer encoded text
 * (Basic credentials, JWTs, data URLs): at each of the three byte offsets, the characters that depend on
 * the secret's bytes alone.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms = [bytes.toString("base64"), bytes.toString("base64url")];
  for (const shift of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const start = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    const inner = encoded.slice(start, end);
    forms.push(inner, inner.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

export function redact(text: string): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < MIN_LENGTH) continue;
    out = out.split(secret).join("***");
  }
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Defuses workflow commands in text bound for the log: the runner treats any line that starts (after
 * blanks) with `::` or `##[` as a command, so a platform's message could otherwise set outputs, add
 * masks or fake errors. A zero-width space keeps the line as it reads while the runner no longer parses it.
 * Control characters other than tab and line breaks go too: escape sequences could recolour, hide or
 * relink what a person reads in the log or a terminal.
 */
export function neutralise(text: string): string {
  return text.replace(CONTROL, "").replace(/(^|\r\n|\r|\n)([^\S\r\n]*)(?=::|##\[)/g, "$1$2\u200B");
}

export function errorMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}
