import { configDefaults, defineConfig } from "vitest/config";
import { testsWithoutServers } from "./test/helpers/servers.ts";

// A fresh machine may lack the real servers some tests start: those files are left out, loudly. CI installs
// them (.ci/run) and leaves nothing out, so a missing server fails there.
const leftOut = process.env.CI ? { exclude: [], reasons: [] } : testsWithoutServers("test");
for (const reason of leftOut.reasons) console.warn(`\u26a0\ufe0f  ${reason}`);

export default defineConfig({
  // The language-service packages ship source maps without their sources, and vite warns for each file,
  // burying the test report. Vite's own warnings say nothing about this project's code.
  logLevel: "error",
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...leftOut.exclude],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Local servers and child processes: two cores, so keep the pool small.
    pool: "forks",
    maxWorkers: 2,
    // The Actions language service imports JSON without import attributes: let vite transform it.
    server: { deps: { inline: [/@actions\/(languageservice|workflow-parser|expressions)/] } },
  },
});
