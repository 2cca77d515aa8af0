import { run } from "../bundle/index.js";

await run("notify");
