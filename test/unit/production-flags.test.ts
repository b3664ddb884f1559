import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "../../bench/support/bot-client.js";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the node flags production runs with", () => {
  it("are the same in npm run start:prod, the Docker image and the benchmarks' bots", () => {
    const startProd = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts["start:prod"]!;
    const nodeOptions = /^ENV NODE_OPTIONS=(.*)$/m.exec(read("Dockerfile"))?.[1];
    expect(startProd).toBe(`node ${PRODUCTION_NODE_FLAGS.join(" ")} dist/src/main.js`);
    expect(nodeOptions).toBe(PRODUCTION_NODE_FLAGS.join(" "));
  });
});
