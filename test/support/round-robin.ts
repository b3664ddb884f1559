import { createServer, request, type Server } from "node:http";

/**
 * A small HTTP load balancer on loopback: each request goes to the next backend in turn, as a
 * round-robin proxy in front of several bot instances would send Telegram's webhook posts.
 */
export async function startRoundRobin(backends: () => number[]) {
  let next = 0;
  const served = new Map<number, number>();
  const server: Server = createServer((req, res) => {
    const ports = backends();
    const port = ports[next++ % ports.length]!;
    served.set(port, (served.get(port) ?? 0) + 1);
    const upstream = request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    /** Requests each backend port received. */
    served: () => new Map(served),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
