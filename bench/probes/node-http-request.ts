// What Node alone takes to its first request, with its own http module: the floor without undici.
import { get } from "node:http";

get(process.env.PROBE_URL ?? "", (response) => response.resume());
