// `npm start`'s prestart: runs `npm run build` only when the build's inputs changed since the
// last good build, so a fresh clone builds once and a restart starts at once.
//
//   node scripts/build-if-changed.mjs [project-dir]   (default: the project this script is in)
//
// The fingerprint is a SHA-256 over the relative path and bytes of every input file, so an edit,
// a new file and a deleted file all change it (mtimes play no part: a checkout or a `touch` alone
// does not rebuild). It is stored in dist/.build-stamp after a build that exited 0; the stamp is
// removed before a build starts, so a failed or interrupted build leaves none and the next start
// builds again. A build failure exits with the build's status, which stops `npm start`.
// Plain JavaScript on purpose: node starts it in tens of milliseconds, tsx would cost more.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Directories whose whole tree is an input, and single root files that are. */
const INPUT_DIRS = ["src", "locales"];
const isRootInput = (name) => /^tsconfig.*\.json$/.test(name) || name === "package.json" || name === "package-lock.json";
const STAMP = join("dist", ".build-stamp");
/** What `npm start` runs: a stamp without it (dist/src deleted by hand) is not a build. */
const ENTRY = join("dist", "src", "main.js");

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : e.isFile() ? [path] : [];
  });
}

export function fingerprint(root) {
  const files = [
    ...INPUT_DIRS.flatMap((d) => filesUnder(join(root, d))),
    ...readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isFile() && isRootInput(e.name))
      .map((e) => join(root, e.name)),
  ]
    .map((f) => relative(root, f).split(sep).join("/"))
    .sort();
  const hash = createHash("sha256");
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    // Path and length delimit each entry, so no two different trees hash the same stream.
    hash.update(`${f}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return `sha256:${hash.digest("hex")} files:${files.length}`;
}

function runBuild(root) {
  // Under npm, npm_execpath is the npm that runs us; otherwise the npm on PATH.
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm?.endsWith("npm-cli.js") ? [process.execPath, [npm, "run", "build"]] : ["npm", ["run", "build"]];
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.error) console.error(`build-if-changed: could not run npm: ${r.error.message}`);
  return r.status ?? 1;
}

/** Returns the exit status: 0 when dist is up to date (built now or already). */
export function buildIfChanged(root) {
  const stampFile = join(root, STAMP);
  if (!existsSync(join(root, "src")) && existsSync(join(root, ENTRY))) {
    console.error("build-if-changed: no src/ here, running the build in dist/ as it is");
    return 0;
  }
  // Taken before the build: a file edited while it runs is seen by the next start.
  const current = fingerprint(root);
  const stored = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : undefined;
  if (stored === current && existsSync(join(root, ENTRY))) {
    console.error("build-if-changed: dist/ is up to date, not building");
    return 0;
  }
  console.error(`build-if-changed: ${stored === undefined ? "no build stamp" : "sources changed"}, running npm run build`);
  rmSync(stampFile, { force: true });
  const status = runBuild(root);
  if (status !== 0) {
    console.error(`build-if-changed: the build failed (exit ${status}); not starting`);
    return status;
  }
  if (!existsSync(join(root, ENTRY))) {
    console.error(`build-if-changed: the build did not produce ${ENTRY}; not starting`);
    return 1;
  }
  writeFileSync(stampFile, `${current}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url)));
  process.exitCode = buildIfChanged(root);
}
