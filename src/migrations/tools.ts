/**
 * Which migration tool a changed file belongs to, by the layouts each tool writes by default. A folder
 * prefix is allowed everywhere (monorepos: `apps/api/prisma/migrations/…`).
 */
export type Tool =
  | "prisma"
  | "drizzle"
  | "supabase"
  | "rails"
  | "django"
  | "alembic"
  | "flyway"
  | "golang-migrate"
  | "liquibase"
  | "knex"
  | "sequelize"
  | "typeorm"
  | "sql"
  | "migrations-path";

const at = (rest: string) => new RegExp(`(?:^|/)${rest}$`);

/** First match wins: the specific layouts come before the generic `migrations/` folder. */
const LAYOUTS: [Tool, RegExp][] = [
  ["prisma", at(String.raw`prisma/migrations/[^/]+/migration\.sql`)],
  ["supabase", at(String.raw`supabase/migrations/[^/]+\.sql`)],
  ["drizzle", at(String.raw`drizzle/(?:[^/]+/)*(?:[^/]+\.sql|meta/_journal\.json)`)],
  ["rails", at(String.raw`db/migrate/[^/]+\.rb`)],
  ["alembic", at(String.raw`[^/]+/versions/[^/]+\.py`)],
  ["django", at(String.raw`[^/]+/migrations/(?!__init__\.py$)[^/]+\.py`)],
  ["flyway", at(String.raw`V[^/]*__[^/]+\.sql`)],
  ["golang-migrate", at(String.raw`[^/]+\.up\.sql`)],
  ["liquibase", at(String.raw`(?:changelogs?/(?:[^/]+/)*[^/]+|[^/]*changelog[^/]*)\.(?:xml|ya?ml|json|sql)`)],
  ["knex", at(String.raw`migrations/[^/]+\.(?:[cm]?js|[cm]?ts)`)],
  // A down migration runs only when someone rolls the schema back by hand.
  ["sql", at(String.raw`migrations/(?![^/]+\.down\.sql$)[^/]+\.sql`)],
];

/**
 * The tool of a file, or undefined when it is no migration. Files in a `migrations/` folder written in
 * JavaScript or TypeScript are told apart by what they import, when their text is known (Knex otherwise).
 */
export function toolOf(path: string, patterns: readonly RegExp[], text = ""): Tool | undefined {
  const found = LAYOUTS.find(([, layout]) => layout.test(path))?.[0];
  if (found === "knex") {
    if (/MigrationInterface|QueryRunner/.test(text)) return "typeorm";
    if (/queryInterface|sequelize/i.test(text)) return "sequelize";
  }
  if (found) return found;
  return patterns.some((pattern) => pattern.test(path)) ? "migrations-path" : undefined;
}

/**
 * A `migrations-path` glob as a regular expression over the whole path: `**` any folders, `*` and `?`
 * within one name. A pattern without a slash matches a file name in any folder.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.trim().replace(/^\.?\//, "");
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      out += slash ? "(?:[^/]+/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^$(){}|[\]\\]/g, "\\$&");
  }
  return new RegExp(pattern.includes("/") ? `^${out}$` : `(?:^|/)${out}$`);
}
