import type { Provider } from "./provider.ts";

export const atlasProvider: Provider = {
  plan: async () => {
    throw new Error("atlas: in progress");
  },
  apply: async () => {
    throw new Error("atlas: in progress");
  },
};
