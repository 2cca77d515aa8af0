import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git, makeRepos, type Repos, run } from "./helpers/revert-repos.ts";

let repos: Repos;
beforeEach(() => {
  repos = makeRepos();
  mkdirSync(join(repos.dev, "db", "migrate"), { recursive: true });
});
afterEach(() => repos.cleanup());

/** A release that renamed a column (the bad one) on top of a good history. */
function history() {
  repos.commit("Initial", { "app.txt": "v1\n", "db/migrate/1_init.rb": "create_table :users\n" });
  const bad = repos.commit("Rename user name", {
    "app.txt": "v2\n",
    "db/migrate/2_rename.rb": "rename_column :users, :name, :full_name\n",
  });
  return { bad };
}

describe("revert-commit: migrations in the commits to revert, from the checkout's history", () => {
  it("warn: reverts, and names the migration with the reverted commit and its flags", async () => {
    const { bad } = history();
    const tk = await run({ path: repos.clone(), commits: bad });
    expect(tk.outputs.status).toBe("reverted");
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual([
      { file: "db/migrate/2_rename.rb", tool: "rails", commit: bad, flags: ["rename"] },
    ]);
    expect(tk.summary).toContain("| db/migrate/2_rename.rb | rails |");
  });

  it("block: nothing is pushed; allow-migrations goes ahead", async () => {
    const { bad } = history();
    const before = repos.remoteRefs();
    const blocked = await run({ path: repos.clone(), commits: bad, migrations: "block" });
    expect(blocked.outputs.status).toBe("failed");
    expect(blocked.failed).toMatch(/^Stopped before any change \(migrations: block\)/);
    expect(blocked.failed).toContain(`db/migrate/2_rename.rb (rails, ${bad.slice(0, 7)}): rename`);
    expect(repos.remoteRefs()).toBe(before);
    const allowed = await run({
      path: repos.clone(),
      commits: bad,
      migrations: "block",
      "allow-migrations": "true",
    });
    expect(allowed.outputs.status).toBe("reverted");
    expect(git(repos.origin, "rev-parse", "main^")).toBe(bad);
  });

  it("to: everything after the good commit, with migrations-path patterns", async () => {
    const good = repos.commit("Good", { "app.txt": "v1\n" });
    mkdirSync(join(repos.dev, "schema"), { recursive: true });
    const change = repos.commit("Schema change", {
      "schema/004_orders.cql": "ALTER TABLE orders DROP note;\n",
    });
    repos.commit("More", { "app.txt": "v2\n" });
    const tk = await run({
      path: repos.clone(),
      to: good,
      "migrations-path": "schema/*.cql",
      "dry-run": "true",
    });
    expect(tk.outputs.status).toBe("planned");
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual([
      { file: "schema/004_orders.cql", tool: "migrations-path", commit: change, flags: ["drop"] },
    ]);
  });

  it("ignore: no check and no output", async () => {
    const { bad } = history();
    const tk = await run({ path: repos.clone(), commits: bad, migrations: "ignore" });
    expect(tk.outputs.status).toBe("reverted");
    expect(tk.outputs.migrations).toBeUndefined();
  });
});
