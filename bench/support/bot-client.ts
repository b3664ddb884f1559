import { fork, type ChildProcess } from "node:child_process";
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

const ENTRY = fileURLToPath(new URL("./bot-process.ts", import.meta.url));

/** Forks bot-process.ts with `spec`; resolves once the bot is up. */
export async function startBotProcess(spec: BotSpec): Promise<BotHandle> {
  const child: ChildProcess = fork(ENTRY, [], {
    // BENCH_NODE_ARGS: extra node flags for the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
    execArgv: ["--import", "tsx", ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
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
