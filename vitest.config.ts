import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Local servers and child processes: two cores, so keep the pool small.
    pool: "forks",
    maxWorkers: 2,
    // The Actions language service imports JSON without import attributes: let vite transform it.
    server: { deps: { inline: [/@actions\/(languageservice|workflow-parser|expressions)/] } },
  },
});
