import { run } from "../bundle/index.js";

await run("smoke-test");
