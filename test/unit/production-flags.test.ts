import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "../../bench/support/bot-client.js";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the node flags production runs with", () => {
  it("are the same in npm start, the Docker image and the benchmarks' bots", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    const nodeOptions = /^ENV NODE_OPTIONS=(.*)$/m.exec(read("Dockerfile"))?.[1];
    expect(scripts.start).toBe(`node ${PRODUCTION_NODE_FLAGS.join(" ")} dist/src/main.js`);
    // npm start runs what the image runs: the build, checked (and made if stale) by prestart.
    expect(scripts.prestart).toBe("node scripts/build-if-changed.mjs");
    expect(/^CMD \["node", "dist\/src\/main\.js"\]$/m.test(read("Dockerfile"))).toBe(true);
    expect(nodeOptions).toBe(PRODUCTION_NODE_FLAGS.join(" "));
  });
});
