import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";
import type { FakeUser } from "../fakes/telegram/index.js";

const KEY = /rk_live_[0-9A-Za-z]{40}/;

/** /api in chat (SPEC §8): the key shown once in a message that can be deleted, rotate, revoke, URL, IPs, pushes. */
describe.skipIf(!redisAvailable || !postgresAvailable)("/api in chat", () => {
  let h: Harness;
  let nextId = 7500;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  const me = (key: string) => fetch(`${h.url}/api/v1/me`, { headers: { Authorization: `Bearer ${key}` } });

  async function createKey(u: FakeUser): Promise<string> {
    await u.send("/api");
    await u.waitForMessage({ match: /No API key yet/ });
    await tap(u, /Create key/);
    const shown = await u.waitForMessage({ match: /Your API key/ });
    return KEY.exec(shown.text)![0];
  }

  it("creates a key shown once, which works at once, and deletes its message on request", async () => {
    const u = await h.reseller(nextId++);
    const key = await createKey(u);
    expect((await me(key)).status).toBe(200);
    await tap(u, /Delete this message/);
    await u.waitFor(() => u.messages().some((m) => m.deleted && KEY.test(m.text)), 5_000, "the key's message deleted");
    await u.send("/api");
    const card = await u.waitForMessage({ match: /Key: rk_live_…/ });
    // The card shows only the hint, never the key.
    expect(card.text).not.toContain(key);
  });

  it("rotating ends the old key at once, revoking ends the new one", async () => {
    const u = await h.reseller(nextId++);
    const first = await createKey(u);
    await u.send("/api");
    await u.waitForMessage({ match: /Key: / });
    await tap(u, /Rotate key/);
    await u.waitForMessage({ match: /Rotate the key\?/ });
    await tap(u, /Yes, rotate/);
    const shown = await u.waitForMessage({ match: /Your API key/, after: u.messages().length - 1 });
    const second = KEY.exec(shown.text)![0];
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
    await u.send("/api");
    await u.waitForMessage({ match: /Key: / });
    await tap(u, /Revoke key/);
    await tap(u, /Yes, revoke/);
    await u.waitForMessage({ match: /Key revoked/ });
    expect((await me(second)).status).toBe(401);
  });

  it("checks a callback URL when it is set, and keeps allowed IPs", async () => {
    const u = await h.reseller(nextId++);
    await u.send("/api url http://shop.example/hooks");
    await u.waitForMessage({ match: /must start with https/ });
    await u.send("/api url https://127.0.0.1/hooks");
    await u.waitForMessage({ match: /private or local/ });
    await u.send("/api url https://169.254.169.254/latest/meta-data");
    await u.waitForMessage({ match: /private or local/, after: u.messages().length - 1 });
    expect((await h.app.api.keys.settings(u.id)).callbackUrl).toBeUndefined();

    await u.send("/api ips 203.0.113.0/24, 2001:db8::/32");
    await u.waitForMessage({ match: /Allowed IPs: 203\.0\.113\.0\/24, 2001:db8::\/32/ });
    await u.send("/api ips 10.0.0.0/99");
    await u.waitForMessage({ match: /is not an IP address or CIDR range/ });
    expect((await h.app.api.keys.settings(u.id)).allowedIps).toEqual(["203.0.113.0/24", "2001:db8::/32"]);
    await u.send("/api ips off");
    await u.waitForMessage({ match: /Any address may now call/ });

    await u.send("/api");
    await u.waitForMessage({ match: /API orders in this chat: off/ });
    await tap(u, /Show API orders here/);
    await u.waitForMessage({ match: /will be shown in this chat too/ });
    expect((await h.app.api.keys.settings(u.id)).notifyInChat).toBe(true);
  });

  it("speaks Indonesian and Burmese", async () => {
    const id = await h.reseller(nextId++, { language_code: "id" });
    await id.send("/api");
    await id.waitForMessage({ match: /Belum ada kunci API/ });
    const my = await h.reseller(nextId++, { language_code: "my" });
    await my.send("/api");
    await my.waitForMessage({ match: /API ကီး မရှိသေးပါ/ });
  });

  it("is refused to a reseller who is not approved, with their status line", async () => {
    const u = await h.reseller(nextId++, { active: false });
    await u.send("/start");
    await u.waitForMessage({});
    await u.send("/api");
    await u.waitForMessage({ match: /waiting|approval/i, after: u.messages().length - 1 });
    expect(await h.app.api.keys.liveKey(u.id)).toBeUndefined();
  });
});
