import { mkdirSync, writeFileSync } from "node:fs";

export const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const mib = (bytes: number) => bytes / 1024 / 1024;

/** Prints the report and saves it as bench/results/<name>.md. */
export function saveResult(name: string, lines: string[]): void {
  const text = lines.join("\n");
  console.log(text);
  mkdirSync(new URL("../results/", import.meta.url), { recursive: true });
  writeFileSync(new URL(`../results/${name}.md`, import.meta.url), `${text}\n`);
}

/** A check a figure must pass; the script exits non-zero when any fails (after saving the table). */
export function verdict(ok: boolean): string {
  if (!ok) process.exitCode = 1;
  return ok ? "pass" : "**FAIL**";
}
