import type { UserPatch, UserRecord, Users } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  id: number;
  username: string | null;
  first_name: string;
  locale: UserRecord["locale"] | null;
  telegram_language: string | null;
  status: UserRecord["status"];
  tier: UserRecord["tier"];
  email: string | null;
  created_at: Date;
  blocked_at: Date | null;
  points_registered_at: Date | null;
  team_role: UserRecord["teamRole"] | null;
}

const toUser = (r: Row): UserRecord => ({
  id: r.id,
  ...(r.username !== null && { username: r.username }),
  firstName: r.first_name,
  ...(r.locale !== null && { locale: r.locale }),
  ...(r.telegram_language !== null && { telegramLanguage: r.telegram_language }),
  status: r.status,
  tier: r.tier,
  ...(r.email !== null && { email: r.email }),
  createdAt: r.created_at.getTime(),
  ...(r.blocked_at !== null && { blockedAt: r.blocked_at.getTime() }),
  ...(r.points_registered_at !== null && { pointsRegisteredAt: r.points_registered_at.getTime() }),
  ...(r.team_role !== null && { teamRole: r.team_role }),
});

/** Record field -> column, and how a value is written. Only these fields can be patched. */
const COLUMNS: { [K in keyof UserPatch]-?: [string, (v: NonNullable<UserRecord[K]>) => unknown] } = {
  username: ["username", (v) => v],
  firstName: ["first_name", (v) => v],
  locale: ["locale", (v) => v],
  telegramLanguage: ["telegram_language", (v) => v],
  status: ["status", (v) => v],
  tier: ["tier", (v) => v],
  email: ["email", (v) => v],
  createdAt: ["created_at", (v) => new Date(v)],
  blockedAt: ["blocked_at", (v) => new Date(v)],
  pointsRegisteredAt: ["points_registered_at", (v) => new Date(v)],
  teamRole: ["team_role", (v) => v],
};

const INSERT = `INSERT INTO resellers (id, username, first_name, locale, telegram_language, status, tier, email, created_at, blocked_at, points_registered_at, team_role)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const values = (u: UserRecord) => [
  u.id,
  u.username ?? null,
  u.firstName,
  u.locale ?? null,
  u.telegramLanguage ?? null,
  u.status,
  u.tier,
  u.email ?? null,
  new Date(u.createdAt),
  u.blockedAt === undefined ? null : new Date(u.blockedAt),
  u.pointsRegisteredAt === undefined ? null : new Date(u.pointsRegisteredAt),
  u.teamRole ?? null,
];

export function postgresUsers(pool: Pool): Users {
  const one = async (sql: string, params: unknown[]) => {
    const r = await pool.query<Row>(sql, params);
    return r.rows[0] && toUser(r.rows[0]);
  };
  return {
    get: (id) => one("SELECT * FROM resellers WHERE id = $1", [id]),

    // One UPDATE of only the named columns: writers of different fields never undo each other.
    async patch(id, patch) {
      const sets: string[] = [];
      const params: unknown[] = [id];
      for (const [field, value] of Object.entries(patch) as [keyof UserPatch, unknown][]) {
        if (value === undefined) continue;
        const [column, write] = COLUMNS[field];
        params.push(value === null ? null : (write as (v: unknown) => unknown)(value));
        sets.push(`${column} = $${params.length}`);
      }
      if (sets.length === 0) return one("SELECT * FROM resellers WHERE id = $1", [id]);
      return one(`UPDATE resellers SET ${sets.join(", ")} WHERE id = $1 RETURNING *`, params);
    },

    async createIfAbsent(user) {
      const created = await one(`${INSERT} ON CONFLICT (id) DO NOTHING RETURNING *`, values(user));
      if (created) return { user: created, created: true };
      return { user: (await one("SELECT * FROM resellers WHERE id = $1", [user.id])) ?? user, created: false };
    },

    async save(user) {
      await pool.query(
        `${INSERT} ON CONFLICT (id) DO UPDATE SET username = $2, first_name = $3, locale = $4, telegram_language = $5,
           status = $6, tier = $7, email = $8, created_at = $9, blocked_at = $10, points_registered_at = $11, team_role = $12`,
        values(user),
      );
    },

    byUsername: (username) =>
      one("SELECT * FROM resellers WHERE lower(username) = lower($1) ORDER BY id LIMIT 1", [username.replace(/^@/, "")]),

    async all() {
      return (await pool.query<Row>("SELECT * FROM resellers ORDER BY id")).rows.map(toUser);
    },

    async team() {
      return (await pool.query<Row>("SELECT * FROM resellers WHERE team_role IS NOT NULL ORDER BY id")).rows.map(toUser);
    },
  };
}
