import type { Redis } from "ioredis";
import type { UserChanges } from "../cached-users.js";

/**
 * User-record changes over Redis pub/sub, on a connection of its own (a subscribed connection
 * can do nothing else). After the subscription is lost and regained every copy is dropped:
 * messages published in between are gone.
 */
export function redisUserChanges(redis: Redis, channel: string, onError: (err: Error) => void) {
  const subscriber = redis.duplicate({ enableAutoPipelining: false });
  const handlers: ((id: number | undefined) => void)[] = [];
  const tell = (id: number | undefined) => {
    for (const h of handlers) h(id);
  };
  let subscribedBefore = false;
  subscriber.on("error", onError);
  // ioredis subscribes again by itself after a reconnect (autoResubscribe) and then is "ready".
  subscriber.on("ready", () => {
    if (subscribedBefore) tell(undefined);
  });
  subscriber.on("message", (_channel: string, message: string) => {
    const id = Number(message);
    tell(Number.isSafeInteger(id) ? id : undefined);
  });
  const subscribed = subscriber.subscribe(channel).then(() => {
    subscribedBefore = true;
  });

  const changes: UserChanges & { ready: Promise<void>; close(): void } = {
    ready: subscribed,
    publish(id) {
      redis.publish(channel, String(id)).catch(onError);
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    close() {
      subscriber.disconnect();
    },
  };
  return changes;
}
