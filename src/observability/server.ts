// The optional operations endpoint: GET /healthz (200 while the bot can answer, 503 otherwise)
// and GET /metrics (Prometheus text). Bound to 127.0.0.1 unless configured otherwise; nothing
// else is served, and nothing here reads a request body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface Health {
  readonly ok: boolean;
  /** Shown as JSON: gateway state, index size... never member data. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (see `port` on the result). */
  readonly port: number;
  readonly registry: Registry;
  readonly health: () => Health;
  readonly onError?: (err: unknown) => void;
}

export interface OpsServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    void answer(req, res, options).catch((err: unknown) => {
      options.onError?.(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => options.onError?.(err));
  const address = server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse, options: OpsServerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('method not allowed\n');
    return;
  }
  if (path === '/healthz') {
    const health = options.health();
    const body = JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', ...health.detail });
    res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : `${body}\n`);
    return;
  }
  if (path === '/metrics') {
    const text = await options.registry.metrics();
    res.writeHead(200, { 'content-type': options.registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found: try /healthz or /metrics\n');
}
