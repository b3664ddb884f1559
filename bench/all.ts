/** `npm run bench`: every benchmark in turn (about 20 minutes); a missed target does not stop the others, but fails the run. */
import { spawnSync } from "node:child_process";

const NAMES = ["ledger", "throughput", "broadcast", "webhook", "memory", "race"];
const failed = NAMES.filter((name) => spawnSync("npm", ["run", "--silent", `bench:${name}`], { stdio: "inherit" }).status !== 0);
if (failed.length > 0) {
  console.error(`\nmissed a target or failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
