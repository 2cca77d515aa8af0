/** What old code is likely to break on, once the migration has run. */
export type Flag = "drop" | "rename" | "type-change" | "not-null";

export const FLAGS: readonly Flag[] = ["drop", "rename", "type-change", "not-null"];

/** SQL without comments, upper-cased, in statements. */
function statements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .toUpperCase()
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

const NAME = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[\w.]+)`;
const ALTER_TABLE = new RegExp(String.raw`\bALTER TABLE (?:ONLY )?(?:IF EXISTS )?${NAME} `);
/** Clauses of one ALTER TABLE: split at the comma before each new action. */
const CLAUSE = /,\s*(?=(?:ADD|DROP|ALTER|RENAME|MODIFY|CHANGE)\b)/;

function sqlFlags(sql: string): Set<Flag> {
  const flags = new Set<Flag>();
  for (const statement of statements(sql)) {
    // Not anchored: SQL inside a framework migration sits in a string (`execute "DROP TABLE …"`).
    if (/\bDROP (?:TABLE|VIEW|MATERIALIZED VIEW|SCHEMA|TYPE)\b/.test(statement)) flags.add("drop");
    if (/\bSP_RENAME\b|\bRENAME TABLE\b/.test(statement)) flags.add("rename");
    const alter = ALTER_TABLE.exec(statement);
    if (!alter) continue;
    const clauses = statement.slice(alter.index + alter[0].length).split(CLAUSE);
    for (const clause of clauses) {
      // DROP CONSTRAINT/INDEX/DEFAULT and ALTER … DROP NOT NULL loosen the schema: old code still works.
      if (/^DROP (?!CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|CHECK|DEFAULT|NOT NULL)/.test(clause))
        flags.add("drop");
      if (/^RENAME (?!CONSTRAINT|INDEX|KEY)/.test(clause) || /^CHANGE /.test(clause)) flags.add("rename");
      if (/^ALTER (?:COLUMN )?\S+ (?:SET DATA )?TYPE /.test(clause) || /^MODIFY /.test(clause))
        flags.add("type-change");
      if (/\bSET NOT NULL\b/.test(clause) && !/\bSET DEFAULT\b/.test(statement)) flags.add("not-null");
      if (/^ADD (?!CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|UNIQUE|CHECK)/.test(clause)) {
        if (/\bNOT NULL\b/.test(clause) && !/\bDEFAULT\b/.test(clause) && !/\bGENERATED\b/.test(clause))
          flags.add("not-null");
      }
    }
  }
  return flags;
}

/** The same changes written with a framework's migration helpers (Rails, Django, Alembic, Knex, …). */
const HELPERS: [Flag, RegExp][] = [
  ["drop", /\b(?:remove_column|remove_columns|drop_table|remove_reference|drop_column)\b/],
  ["drop", /\b(?:RemoveField|DeleteModel|dropColumns?|dropTable|removeColumn|dropTableIfExists)\b/],
  ["rename", /\b(?:rename_column|rename_table|RenameField|RenameModel|renameColumn|renameTable)\b/],
  ["rename", /\bnew_column_name\s*=/],
  ["type-change", /\b(?:change_column|AlterField|changeColumn|alterColumn)\b/],
  ["type-change", /\balter_column\([^)]*\btype_\s*=/],
  ["not-null", /\bchange_column_null\b[^\n]*\bfalse\b/],
  ["not-null", /\balter_column\([^)]*\bnullable\s*=\s*False/],
  ["not-null", /\badd_column\([^)]*\bnullable\s*=\s*False(?![^)]*server_default)[^)]*\)/],
  ["not-null", /\badd_column\b[^\n]*\bnull:\s*false\b(?![^\n]*\bdefault:)/],
];

/** The flags of a migration's added text; `.sql` files are read as SQL, others by their helpers. */
export function flagsOf(path: string, text: string): Flag[] {
  const found = /\.sql$/i.test(path) ? sqlFlags(text) : new Set<Flag>();
  if (!/\.sql$/i.test(path)) {
    for (const [flag, pattern] of HELPERS) if (pattern.test(text)) found.add(flag);
    // SQL run from a migration file (execute "…", op.execute, queryRunner.query, knex.raw).
    for (const flag of sqlFlags(text)) found.add(flag);
  }
  return FLAGS.filter((flag) => found.has(flag));
}

/** The lines a unified diff adds (without the `+`): what the migration brings. */
export function addedText(patch: string): string {
  return patch
    .split("\n")
    .filter((line) => line.startsWith("+") && !line.startsWith("+++"))
    .map((line) => line.slice(1))
    .join("\n");
}
