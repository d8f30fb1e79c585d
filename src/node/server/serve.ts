/** Starts the workbench: the Hono app on a Node HTTP server bound to one host and port. */
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp, type WorkbenchOptions } from "./app.js";

export interface ServeOptions extends WorkbenchOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningWorkbench {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function startWorkbench(options: ServeOptions): Promise<RunningWorkbench> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Browsers keep connections open; end them so closing does not wait for their timeout.
              (server as import("node:http").Server).closeAllConnections?.();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}

/** Opens `url` in the desktop's browser, only when asked (--open). */
export function openInBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "cmd" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}
