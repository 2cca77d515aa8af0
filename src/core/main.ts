import { errorMessage } from "./secrets.ts";
import type { Toolkit } from "./toolkit.ts";

export type Action = (tk: Toolkit) => Promise<void>;

/** Runs an action on the real runner: every entry file is `await main(action)`. */
export async function main(action: Action): Promise<void> {
  const { actionsToolkit } = await import("./toolkit.ts");
  const core = await import("@actions/core");
  const tk = actionsToolkit(core);
  try {
    await action(tk);
  } catch (error) {
    tk.setFailed(errorMessage(error));
  }
}
