import type { Toolkit } from "../core/toolkit.ts";

export async function smokeTest(tk: Toolkit): Promise<void> {
  tk.info("placeholder");
}
