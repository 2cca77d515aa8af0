import { smokeTest } from "../actions/smoke-test.ts";
import { main } from "../core/main.ts";

await main(smokeTest);
