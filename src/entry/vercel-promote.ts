import { vercelPromote } from "../actions/vercel-promote.ts";
import { main } from "../core/main.ts";

await main(vercelPromote);
