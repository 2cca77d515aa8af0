import module from "node:module";
if (Number(process.versions.node.split(".")[0]) < 24) {
  console.log(`::error::This action needs Node.js 24 (action.yml: using: node24); it was started on Node.js ${process.versions.node}.`);
  process.exit(1);
}
module.enableCompileCache();
const { run } = await import("../bundle/index.js");
await run("analyze");
