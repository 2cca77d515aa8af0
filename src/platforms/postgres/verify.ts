import type postgres from "postgres";

/** The end of the quoted part (string, identifier, dollar-quoted body or comment) that starts at `i`. */
function skipQuoted(text: string, i: number): number {
  const char = text[i];
  if (char === "-" && text[i + 1] === "-") {
    const end = text.indexOf("\n", i);
    return end < 0 ? text.length : end;
  }
  if (char === "/" && text[i + 1] === "*") {
    // Block comments nest in PostgreSQL.
    let depth = 0;
    for (let j = i; j < text.length - 1; j++) {
      if (text[j] === "/" && text[j + 1] === "*") {
        depth++;
        j++;
      } else if (text[j] === "*" && text[j + 1] === "/" && --depth === 0) return j + 2;
    }
    return text.length;
  }
  if (char === "$") {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i));
    // `$1` (a parameter) or a `$` inside an identifier is no quote.
    if (!tag || /[A-Za-z0-9_]/.test(text[i - 1] ?? "")) return i + 1;
    const end = text.indexOf(tag[0], i + tag[0].length);
    return end < 0 ? text.length : end + tag[0].length;
  }
  if (char === "'" || char === '"') {
    // E'…' strings take backslash escapes; elsewhere a doubled quote is the only escape.
    const escapes = char === "'" && /[eE]/.test(text[i - 1] ?? "") && !/[A-Za-z0-9_]/.test(text[i - 2] ?? "");
    for (let j = i + 1; j < text.length; j++) {
      if (escapes && text[j] === "\\") j++;
      else if (text[j] === char) {
        if (text[j + 1] === char) j++;
        else return j + 1;
      }
    }
    return text.length;
  }
  return i + 1;
}

/**
 * `verify-sql` as statements: split on semicolons outside strings, quoted identifiers, dollar quotes and
 * comments; text with no semicolon at all is one statement per line. Each statement is then sent alone
 * (the extended protocol refuses two), so a split in the wrong place fails instead of running more.
 */
export function splitStatements(text: string): string[] {
  if (!text.includes(";"))
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === ";") {
      statements.push(text.slice(start, i));
      start = ++i;
    } else i = skipQuoted(text, i);
  }
  statements.push(text.slice(start));
  return statements
    .map((statement) => statement.trim())
    .filter((statement) => !/^(--[^\n]*\s*)*$/.test(statement));
}

// postgres.js sends an `unsafe` query with no parameters by the simple protocol (several statements at
// once) unless told `simple: false`, an option its types leave out.
const EXTENDED = { prepare: false, simple: false };

export class VerifyError extends Error {
  override name = "VerifyError";
  readonly query: string;
  constructor(query: string, problem: string) {
    super(
      `verify-sql failed: ${JSON.stringify(query.length > 120 ? `${query.slice(0, 117)}...` : query)} ${problem}`,
    );
    this.query = query;
  }
}

function empty(value: unknown): boolean {
  return value === null || value === false || value === 0 || value === "0" || value === 0n;
}

/**
 * Runs each query alone in a READ ONLY transaction, through the extended protocol: one statement per
 * message, so `COMMIT; DELETE …` cannot end the read-only transaction and write. A query
 * passes when it succeeds and returns rows; a single value of 0, false or NULL fails too, so
 * `SELECT count(*) FROM users` catches an empty table.
 */
export async function runVerify(
  sql: postgres.Sql,
  queries: string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const lines: string[] = [];
  for (const query of queries) {
    let rows: postgres.Row[];
    try {
      rows = await sql.begin("read only", (tx) => {
        const pending = tx.unsafe(query, [], EXTENDED);
        // The phase's timer or a cancel stops a long query on the server too.
        const cancel = () => void pending.cancel();
        signal?.addEventListener("abort", cancel, { once: true });
        return pending.finally(() => signal?.removeEventListener("abort", cancel));
      });
      signal?.throwIfAborted();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const code = (error as { code?: string }).code;
      throw new VerifyError(query, `raised ${code ? `${code} ` : ""}${(error as Error).message}`);
    }
    if (rows.length === 0) throw new VerifyError(query, "returned no rows");
    const first = rows[0] as Record<string, unknown>;
    const values = Object.values(first);
    if (rows.length === 1 && values.length === 1 && empty(values[0])) {
      throw new VerifyError(query, `returned ${String(values[0])}`);
    }
    const shown = rows.length === 1 && values.length === 1 ? String(values[0]) : `${rows.length} rows`;
    lines.push(`${query} → ${shown}`);
  }
  return lines;
}
