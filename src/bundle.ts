import { loadAction } from "./actions/registry.ts";
import { main } from "./core/action.ts";

/** The one bundle every action runs: `dist/<name>/index.js` is a two-line file that calls this. */
export async function run(name: string): Promise<void> {
  await main(await loadAction(name));
}
