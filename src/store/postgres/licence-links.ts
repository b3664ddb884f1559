import type { LicenceLinks } from "../types.js";
import type { Pool } from "./pool.js";

export function postgresLicenceLinks(pool: Pool): LicenceLinks {
  return {
    async link(licenceKey, userId) {
      await pool.query(
        "INSERT INTO licence_links (licence_key, user_id, linked_at) VALUES ($1, $2, now()) ON CONFLICT (licence_key, user_id) DO UPDATE SET linked_at = now()",
        [licenceKey, userId],
      );
    },
    async users(licenceKey) {
      const r = await pool.query<{ user_id: number }>("SELECT user_id FROM licence_links WHERE licence_key = $1 ORDER BY user_id", [
        licenceKey,
      ]);
      return r.rows.map((row) => row.user_id);
    },
  };
}
