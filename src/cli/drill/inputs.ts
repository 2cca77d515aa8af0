// The inputs of the drill's data and revert steps, as the workflow passes them from its variables.
import { SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../../sim/s3.ts";
import { BUCKET, type World } from "./world.ts";

export function storageInputs(world: World): Record<string, string> {
  return {
    bucket: BUCKET,
    "point-in-time": world.bucketGoodAt,
    endpoint: world.s3.server.url,
    region: "us-east-1",
    "access-key-id": SIM_S3_ACCESS_KEY,
    "secret-access-key": SIM_S3_SECRET_KEY,
    confirm: BUCKET,
  };
}

export function revertInputs(world: World, reason: string): Record<string, string> {
  return {
    reason,
    path: world.repo.checkout,
    branch: "main",
    committer: "Drill <drill@example.com>",
  };
}
