import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BotRequest, BotSpec } from "./bot-process.js";

export interface BotStats {
  rss: number;
  heapUsed: number;
  updates: number;
  p50: number;
  p99: number;
  /** The bot's HTTP port, when started. */
  port?: number;
}

export interface BotHandle {
  pid: number;
  request<T = unknown>(req: BotRequest): Promise<T>;
  stats(): Promise<BotStats>;
  stop(): Promise<void>;
}

/** The node flags production runs the bot with (package.json start, the Dockerfile's NODE_OPTIONS). */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=160"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "dist/bench");
let compiled: string | undefined;

/**
 * The bots run as production runs them (npm start, the Docker image): compiled
 * JavaScript on plain node. Under tsx the same bot holds about 45 MiB more. Compiled once per
 * benchmark run, and started with production's node flags; BENCH_TSX=1 runs the TypeScript
 * sources under tsx instead.
 */
function entry(): { file: string; execArgv: string[] } {
  if (process.env.BENCH_TSX === "1") return { file: join(ROOT, "bench/support/bot-process.ts"), execArgv: ["--import", "tsx"] };
  if (!compiled) {
    rmSync(OUT, { recursive: true, force: true });
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.bench.json"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    cpSync(join(ROOT, "locales"), join(OUT, "locales"), { recursive: true });
    cpSync(join(ROOT, "src/store/postgres/migrations"), join(OUT, "src/store/postgres/migrations"), { recursive: true });
    compiled = join(OUT, "bench/support/bot-process.js");
  }
  return { file: compiled, execArgv: PRODUCTION_NODE_FLAGS };
}

/** Forks bot-process.ts with `spec`; resolves once the bot is up. */
export async function startBotProcess(spec: BotSpec): Promise<BotHandle> {
  const { file, execArgv } = entry();
  const child: ChildProcess = fork(file, [], {
    // BENCH_NODE_ARGS: extra node flags for the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
    execArgv: [...execArgv, ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
    env: { PATH: process.env.PATH ?? "", BENCH_BOT: JSON.stringify(spec) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bot process exited with ${code} before it was ready`)));
    child.on("message", (msg: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (msg.ready) return resolve();
      const p = pending.get(msg.id!);
      pending.delete(msg.id!);
      if (msg.error) p?.reject(new Error(`bot process: ${msg.error}`));
      else p?.resolve(msg.result);
    });
  });
  const request = <T>(req: BotRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, req });
    });
  return {
    pid: child.pid!,
    request,
    stats: () => request<BotStats>({ cmd: "stats" }),
    async stop() {
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await request({ cmd: "stop" }).catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
  };
}
