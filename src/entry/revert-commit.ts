import { revertCommit } from "../actions/revert-commit.ts";
import { main } from "../core/main.ts";

await main(revertCommit);
