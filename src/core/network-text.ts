// Network failures in words a person acts on. Node reports TLS failures with OpenSSL's internal error
// string (library, function, source file and line): the reason is the only part that helps, and the most
// common one, "wrong version number", means the port speaks plain HTTP.

/** The first error code in an error's cause chain (undici wraps the socket's error). */
export function errorCode(error: unknown): { code: string; message: string } | undefined {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR")
      return { code, message: String((current as Error).message ?? "") };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const OPENSSL = /^[0-9A-F]+:error:[0-9A-F]+:[^:]+:[^:]+:([^:]+):/;

/** `code (message)`, with OpenSSL's internals reduced to the reason and a hint for the usual cause. */
export function networkText(code: string, message: string): string {
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG")
    return "TLS failed: the server did not answer in TLS (is it plain http on that port? use http://, or the TLS port)";
  const reason = OPENSSL.exec(message)?.[1];
  if (reason) return `TLS failed: ${reason} (${code})`;
  return `${code} (${message})`;
}
