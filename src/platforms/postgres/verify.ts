import type postgres from "postgres";

/**
 * `verify-sql` as statements: split on semicolons outside quotes and comments; text with no semicolon
 * at all is one statement per line.
 */
export function splitStatements(text: string): string[] {
  if (!text.includes(";"))
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const statements: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === "-" && text[i + 1] === "-") {
      while (i < text.length && text[i] !== "\n") i++;
      current += "\n";
    } else if (char === ";") {
      statements.push(current);
      current = "";
    } else current += char;
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter(Boolean);
}

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
 * Runs each query in a read-only transaction (verification must not change the data it checks). A query
 * passes when it succeeds and returns rows; a single value of 0, false or NULL fails too, so
 * `SELECT count(*) FROM users` catches an empty table.
 */
export async function runVerify(sql: postgres.Sql, queries: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const query of queries) {
    let rows: postgres.Row[];
    try {
      rows = await sql.begin("read only", (tx) => tx.unsafe(query));
    } catch (error) {
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
