// Serves the platform simulators on fixed local ports, seeded with the drill's incident, until stopped:
//   node src/cli/simulators.ts [--port 4100]
// Vercel on PORT+1, Railway on PORT+2 (/graphql/v2), the chat sink on PORT+3. Prints one JSON line with
// their URLs and tokens once all listen, for CI jobs that run the actions with `uses:` against them.
import { parseArgs } from "node:util";
import { ChatSimulator } from "../sim/chat.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../sim/railway.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../sim/vercel.ts";

const usage =
  "Usage: npm run simulators -- [--port 4100]\n\nServes the Vercel (PORT+1), Railway (PORT+2, /graphql/v2) and chat (PORT+3) simulators,\n" +
  "seeded with the drill's incident, until stopped; prints one JSON line with their URLs and tokens.";
let values: { port: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: "string", default: "4100" }, help: { type: "boolean", default: false } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1024 || port > 65_000) {
  console.error(`--port "${values.port}": use a number from 1024 to 65000.`);
  process.exit(2);
}

const vercel = new VercelSimulator(badProductionScenario({ aliasJobMs: 500 }));
const railway = new RailwaySimulator(
  rollbackScenario({ timing: { initializingMs: 100, buildingMs: 0, deployingMs: 500 } }),
);
const chat = new ChatSimulator();
try {
  await Promise.all([vercel.start(port + 1), railway.start(port + 2), chat.start(port + 3)]);
} catch (error) {
  const { code, port: busy } = error as { code?: string; port?: number };
  if (code !== "EADDRINUSE") throw error;
  console.error(
    `Port ${busy ?? `${port + 1}–${port + 3}`} is in use: pick another base with --port (the simulators use PORT+1 to PORT+3).`,
  );
  process.exit(1);
}
console.log(
  JSON.stringify({
    vercel: { url: vercel.url, token: SIM_VERCEL_TOKEN, project: "shop" },
    railway: { url: railway.url, token: SCENARIO.projectToken, services: "backend, ai-engine" },
    slack: { apiUrl: chat.slackApiUrl, webhook: chat.slackWebhookUrl },
  }),
);
const stop = async () => {
  await Promise.all([vercel.stop(), railway.stop(), chat.stop()]);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
