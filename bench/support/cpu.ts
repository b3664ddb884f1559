import { readdirSync, readFileSync } from "node:fs";

/** CPU time (user + system, ms) a process has used so far, from /proc; 0 where /proc is absent. */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Every running process whose command is `name` (all PostgreSQL backends, say). */
function pidsNamed(name: string): number[] {
  try {
    return readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, "utf8").trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

export interface CpuSample {
  bot: number;
  load: number;
  redis: number;
  postgres: number;
}

/**
 * Where the machine's CPU went: the bot, this process (the load generator and the fake Bot API),
 * the run's redis-server and PostgreSQL (all its processes: the server is shared with nothing
 * else during a run). On a machine with few cores these compete, so the bot's own cost is only
 * part of the picture.
 */
export function cpuSample(botPid: number, redisPid: number): CpuSample {
  const own = process.cpuUsage();
  return {
    bot: processCpuMs(botPid),
    load: (own.user + own.system) / 1000,
    redis: processCpuMs(redisPid),
    postgres: pidsNamed("postgres").reduce((sum, pid) => sum + processCpuMs(pid), 0),
  };
}

export const cpuDelta = (a: CpuSample, b: CpuSample): CpuSample => ({
  bot: b.bot - a.bot,
  load: b.load - a.load,
  redis: b.redis - a.redis,
  postgres: b.postgres - a.postgres,
});
