/**
 * npm start's prestart (scripts/build-if-changed.mjs) on a tiny fake project in a temporary
 * directory: its `build` script counts its runs, so each step shows whether a build ran. The real
 * dist/ is never touched (other test files compile into it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = join(import.meta.dirname, "../../scripts/build-if-changed.mjs");

// Fails when src/broken.ts exists (a compile error); else writes the entry and counts the build.
const BUILD = `import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
if (existsSync("src/broken.ts")) { console.error("error TS1005: ';' expected."); process.exit(2); }
mkdirSync("dist/src", { recursive: true });
writeFileSync("dist/src/main.js", "");
appendFileSync("builds.log", "built\\n");
`;

describe("npm start's build-if-changed", () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const builds = () => (existsSync(join(root, "builds.log")) ? readFileSync(join(root, "builds.log"), "utf8").split("\n").length - 1 : 0);
  const stamp = () => join(root, "dist/.build-stamp");
  const check = () => {
    const r = spawnSync(process.execPath, [SCRIPT, root], { encoding: "utf8" });
    return { status: r.status, output: r.stdout + r.stderr };
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "build-if-changed-"));
    write("package.json", JSON.stringify({ name: "fake", private: true, type: "module", scripts: { build: "node build.mjs" } }));
    write("package-lock.json", "{}");
    write("build.mjs", BUILD);
    write("tsconfig.json", "{}");
    write("tsconfig.build.json", "{}");
    write("src/main.ts", "export {};\n");
    write("src/bot/i18n.ts", "export const x = 1;\n");
    write("src/store/postgres/migrations/0001_init.sql", "CREATE TABLE t ();\n");
    write("locales/en.ftl", "hello = Hello\n");
    write("locales/id.ftl", "hello = Halo\n");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("builds when there is no dist, then not again while nothing changed", () => {
    expect(check().status).toBe(0);
    expect(builds()).toBe(1);
    expect(readFileSync(stamp(), "utf8")).toMatch(/^sha256:[0-9a-f]{64} files:\d+\n$/);
    const again = check();
    expect(again.status).toBe(0);
    expect(again.output).toMatch(/up to date/);
    expect(builds()).toBe(1);
  });

  it("does not rebuild for a new mtime alone (a checkout, a touch)", () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "locales/en.ftl"), later, later);
    utimesSync(join(root, "src/main.ts"), later, later);
    expect(check().status).toBe(0);
    expect(builds()).toBe(1);
  });

  it("rebuilds once for each input that changes: a locale, a source, a migration, a tsconfig, the lockfile", () => {
    let expected = 1;
    for (const [file, text] of [
      ["locales/en.ftl", "hello = Hello there\n"],
      ["src/bot/i18n.ts", "export const x = 2;\n"],
      ["src/store/postgres/migrations/0002_more.sql", "ALTER TABLE t ADD c int;\n"],
      ["tsconfig.build.json", '{ "compilerOptions": {} }'],
      ["package-lock.json", '{ "lockfileVersion": 3 }'],
    ] as const) {
      write(file, text);
      expect(check().status, file).toBe(0);
      expect(builds(), file).toBe(++expected);
      expect(check().status).toBe(0);
      expect(builds(), `${file}, second start`).toBe(expected);
    }
  });

  it("rebuilds when a source or locale file is deleted, or a file moves", () => {
    const before = builds();
    rmSync(join(root, "src/bot/i18n.ts"));
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 1);
    rmSync(join(root, "locales/id.ftl"));
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 2);
    // Same bytes under another name: still a different tree.
    rmSync(join(root, "locales/en.ftl"));
    write("locales/en-GB.ftl", "hello = Hello there\n");
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 3);
  });

  it("rebuilds when dist/ or its entry is gone although the stamp says current", () => {
    const before = builds();
    rmSync(join(root, "dist/src/main.js"));
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 1);
    rmSync(join(root, "dist"), { recursive: true });
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 2);
    expect(existsSync(stamp())).toBe(true);
  });

  it("fails with the build's exit status and leaves no stamp; the next start tries again", () => {
    const before = builds();
    write("src/broken.ts", "export const = ;\n");
    const failed = check();
    expect(failed.status).toBe(2);
    expect(failed.output).toMatch(/build failed \(exit 2\)/);
    expect(existsSync(stamp())).toBe(false);
    // The stamp of the last good build is gone too: undoing the change must not skip a build
    // over the half-written dist/ the failed one left.
    rmSync(join(root, "src/broken.ts"));
    expect(check().status).toBe(0);
    expect(builds()).toBe(before + 1);
    expect(existsSync(stamp())).toBe(true);
  });
});
