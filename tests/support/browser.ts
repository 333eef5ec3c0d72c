/**
 * What the browser tests and the browser benchmark share: a static file server on loopback and
 * Debian Chromium launched the way that works on machines without a GPU. No vitest here, so
 * scripts/ can use it too.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv, { type Options as SirvOptions } from 'sirv';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// SwiftShader gives a software WebGL context on machines without a GPU (CI, containers); the
// network flags keep Chromium from calling home on a closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian Chromium with CHROMIUM_ARGS, plus `extraArgs` (e.g. to turn WebGL off). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium introuvable à ${CHROMIUM_PATH} : installez-le (apt-get install chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Serves `root` on 127.0.0.1 at a free port with sirv (MIME types, ranges, no caching). `mounts`
 * maps a URL prefix (e.g. '/data/') to another folder, so one build can be served with several
 * data sets.
 */
export function startStaticServer(root: string, mounts: Record<string, string> = {}): Promise<Server> {
  const options: SirvOptions = { dev: true, etag: false };
  const serveRoot = sirv(root, options);
  const serveMounts = Object.entries(mounts).map(([prefix, dir]) => [prefix, sirv(dir, options)] as const);
  const server = createServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`introuvable : ${req.url ?? ''}`);
    };
    const mount = serveMounts.find(([prefix]) => req.url?.startsWith(prefix));
    if (mount) {
      req.url = req.url!.slice(mount[0].length - 1);
      mount[1](req, res, notFound);
      return;
    }
    serveRoot(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** http://127.0.0.1:PORT of a listening server. */
export function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
