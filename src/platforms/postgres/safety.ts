import { createCipheriv, pbkdf2Sync, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Encrypts `source` into `dest` (created 0600) in the format of `openssl enc -aes-256-cbc -pbkdf2`
 * (OpenSSL 1.1.1+: "Salted__", an 8-byte salt, then AES-256-CBC with key and IV from PBKDF2-HMAC-SHA256,
 * 10,000 iterations), so it opens with:
 *   openssl enc -d -aes-256-cbc -pbkdf2 -in FILE.enc -out FILE -pass env:SAFETY_BACKUP_KEY
 */
export async function encryptFile(source: string, dest: string, passphrase: string): Promise<void> {
  const salt = randomBytes(8);
  const derived = pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, 10_000, 48, "sha256");
  const cipher = createCipheriv("aes-256-cbc", derived.subarray(0, 32), derived.subarray(32, 48));
  const header = Readable.from([Buffer.concat([Buffer.from("Salted__"), salt])]);
  const out = createWriteStream(dest, { mode: 0o600, flags: "wx" });
  await pipeline(async function* () {
    yield* header;
    yield* createReadStream(source).pipe(cipher);
  }, out);
}
