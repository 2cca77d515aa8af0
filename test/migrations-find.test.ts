import { describe, expect, it } from "vitest";
import { findMigrations } from "../src/migrations/find.ts";
import { flagsOf } from "../src/migrations/flags.ts";
import { globToRegExp, toolOf } from "../src/migrations/tools.ts";

const LAYOUTS: [string, string][] = [
  ["prisma/migrations/20240101120000_add_orders/migration.sql", "prisma"],
  ["apps/api/prisma/migrations/20240101120000_init/migration.sql", "prisma"],
  ["drizzle/0003_steady_hulk.sql", "drizzle"],
  ["drizzle/meta/_journal.json", "drizzle"],
  ["db/migrations/1700000000000-AddEmail.ts", "knex"],
  ["migrations/20240101_create_users.js", "knex"],
  ["db/migrate/20240101120000_add_email_to_users.rb", "rails"],
  ["shop/orders/migrations/0004_remove_order_note.py", "django"],
  ["alembic/versions/3f2a1b_drop_legacy.py", "alembic"],
  ["src/main/resources/db/migration/V2__add_index.sql", "flyway"],
  ["migrations/000012_rename_users.up.sql", "golang-migrate"],
  ["supabase/migrations/20240101120000_policies.sql", "supabase"],
  ["src/main/resources/db/changelog/db.changelog-master.yaml", "liquibase"],
  ["db/changelog/changes/004-drop-column.xml", "liquibase"],
  ["migrations/0007_backfill.sql", "sql"],
];

describe("the migration finder", () => {
  it.each(LAYOUTS)("finds %s as %s", (path, tool) => {
    expect(toolOf(path, [])).toBe(tool);
  });

  it.each([
    "src/models/user.ts",
    "prisma/schema.prisma",
    "docs/migrations.md",
    "src/migrations.ts",
    "shop/orders/migrations/__init__.py",
    "migrations/000012_rename_users.down.sql",
    "CHANGELOG.md",
  ])("does not take %s for a migration", (path) => {
    expect(toolOf(path, [])).toBeUndefined();
  });

  it("tells TypeORM and Sequelize from Knex by what the file uses", () => {
    const file = "src/migrations/1700000000000-AddEmail.ts";
    expect(toolOf(file, [], "export class AddEmail implements MigrationInterface {")).toBe("typeorm");
    expect(toolOf(file, [], "async up(queryInterface, Sequelize) {")).toBe("sequelize");
    expect(toolOf(file, [], "export async function up(knex) {")).toBe("knex");
  });

  it("finds files matching migrations-path patterns, and only those", () => {
    const patterns = ["db/sql/*.sql", "**/schema-changes/**/*.cql", "*.migration"].map(globToRegExp);
    expect(toolOf("db/sql/001_init.sql", patterns)).toBe("migrations-path");
    expect(toolOf("db/sql/nested/001_init.sql", patterns)).toBeUndefined();
    expect(toolOf("svc/a/schema-changes/2024/01/x.cql", patterns)).toBe("migrations-path");
    expect(toolOf("deep/dir/add.migration", patterns)).toBe("migrations-path");
    expect(toolOf("src/db/sql/001_init.sql", patterns)).toBeUndefined();
  });
});

describe("flags", () => {
  it.each([
    ["ALTER TABLE users RENAME COLUMN name TO full_name;", ["rename"]],
    ['ALTER TABLE "User" RENAME TO "Account";', ["rename"]],
    ["DROP TABLE legacy_orders;", ["drop"]],
    ["ALTER TABLE orders DROP COLUMN note;", ["drop"]],
    ["alter table orders add column total int, drop note;", ["drop"]],
    ["ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);", ["type-change"]],
    ["ALTER TABLE orders MODIFY total DECIMAL(12,2);", ["type-change"]],
    ["ALTER TABLE orders ALTER COLUMN email SET NOT NULL;", ["not-null"]],
    ["ALTER TABLE orders ADD COLUMN region text NOT NULL;", ["not-null"]],
    ["ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';", []],
    ["ALTER TABLE orders ALTER COLUMN email DROP NOT NULL, DROP CONSTRAINT fk;", []],
    ["CREATE TABLE carts (id int NOT NULL); CREATE INDEX carts_id ON carts (id);", []],
    ["-- DROP TABLE users;\nALTER TABLE users ADD COLUMN age int;", []],
  ])("%s", (sql, flags) => {
    expect(flagsOf("prisma/migrations/1/migration.sql", sql)).toEqual(flags);
  });

  it("reads framework helpers and SQL run from them", () => {
    expect(flagsOf("db/migrate/1_x.rb", "rename_column :users, :name, :full_name")).toEqual(["rename"]);
    expect(
      flagsOf("db/migrate/1_x.rb", "remove_column :orders, :note\nchange_column_null :u, :e, false"),
    ).toEqual(["drop", "not-null"]);
    expect(
      flagsOf("a/migrations/0002.py", "migrations.RemoveField(model_name='order', name='note')"),
    ).toEqual(["drop"]);
    expect(flagsOf("alembic/versions/x.py", 'op.execute("DROP TABLE legacy")')).toEqual(["drop"]);
    expect(flagsOf("db/migrate/1_x.rb", "add_column :orders, :region, :string")).toEqual([]);
  });

  it("a rename and a drop in one change are both flagged; a removed or unread file says so", () => {
    const found = findMigrations(
      [
        {
          path: "prisma/migrations/2_x/migration.sql",
          status: "added",
          patch:
            '@@ -0,0 +1,2 @@\n+ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";\n+DROP TABLE "Legacy";',
          commit: "abc1234",
        },
        {
          path: "prisma/migrations/1_old/migration.sql",
          status: "removed",
          patch: undefined,
          commit: "abc1234",
        },
        { path: "db/migrate/9_big.rb", status: "added", patch: undefined, commit: "abc1234" },
        { path: "src/app.ts", status: "modified", patch: "+DROP TABLE x;", commit: "abc1234" },
      ],
      [],
    );
    expect(found).toEqual([
      {
        file: "prisma/migrations/2_x/migration.sql",
        tool: "prisma",
        commit: "abc1234",
        flags: ["drop", "rename"],
        read: true,
      },
      { file: "db/migrate/9_big.rb", tool: "rails", commit: "abc1234", flags: [], read: false },
    ]);
  });
});
