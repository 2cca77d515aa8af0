import { notify } from "../actions/notify.ts";
import { main } from "../core/main.ts";

await main(notify);
