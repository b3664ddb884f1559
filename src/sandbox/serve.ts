import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { FakeEnv } from "./harness.js";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Starts a fake on host:port (port 0: a free one) and resolves once it listens. */
export function listen(app: Hono<FakeEnv>, opts: { host?: string; port?: number }): Promise<Listening> {
  const host = opts.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onListening = (info: AddressInfo) => {
      const shown = info.address.includes(":") ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            const http = server as Server;
            http.close(() => done());
            // Keep-alive and hanging sockets would hold close() open.
            http.closeAllConnections?.();
          }),
      });
    };
    server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 0 }, onListening);
    server.once("error", reject);
  });
}
