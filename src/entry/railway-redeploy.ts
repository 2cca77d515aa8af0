import { railwayRedeploy } from "../actions/railway-redeploy.ts";
import { main } from "../core/main.ts";

await main(railwayRedeploy);
