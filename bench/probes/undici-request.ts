// The floor under every action's start-up: Node, then undici's request API as the actions load it, then one
// request. bench/startup.ts bundles it as dist/ is bundled and times it beside the actions.
import { request } from "../../src/core/undici.ts";

const response = await request(process.env.PROBE_URL ?? "");
await response.body.dump();
