import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Starts `server` on 127.0.0.1 (port 0: any free one) and returns its port and a close that also
 * ends kept-alive connections, so test teardowns never hang on an idle socket.
 */
export function listenOnLoopback(server: Server, port = 0) {
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const close = () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ port: (server.address() as AddressInfo).port, close });
    });
  });
}
