/**
 * The panels' pages as the tests serve them: the page shell of src/extension/panelHtml.ts
 * (the very function the extension host calls, with its real CSP and a fresh nonce per load),
 * whose bundle then builds the panel's markup, at / (text panel) and /forecast (forecast
 * panel), and the built dist/webview.js,
 * dist/forecastWebview.js, media/*.css and dist/codicons/ from a tiny HTTP server on
 * 127.0.0.1, whose origin plays the part of `webview.cspSource`.
 *
 * `node out/test/webview/fixturePage.js` serves it for a look in a browser (it then needs a
 * stand-in VS Code: the panel falls back to one that logs what it would post).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { renderPanelHtml } from '../../src/extension/panelHtml';

/** The repository root (out/test/webview/ -> ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The panel's HTML for a page served from `origin`. */
export function fixturePageHtml(origin: string, nonce = newNonce()): string {
  return renderPanelHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/webview.js`,
    styleUri: `${origin}/media/panel.css`,
    codiconsUri: `${origin}/dist/codicons/codicon.css`,
    title: 'RNN Studio',
  });
}

/** The forecast panel's HTML for a page served from `origin` (at /forecast). */
export function forecastFixturePageHtml(origin: string, nonce = newNonce()): string {
  return renderPanelHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/forecastWebview.js`,
    styleUri: `${origin}/media/panel.css`,
    extraStyleUris: [`${origin}/media/forecast.css`],
    codiconsUri: `${origin}/dist/codicons/codicon.css`,
    title: 'RNN Studio — Forecast',
  });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.html': 'text/html; charset=utf-8',
};

/** Only these folders are served, as the panel's localResourceRoots allow only dist/ and media/. */
const SERVED = ['dist/', 'media/'];

export interface FixtureServer {
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(root = REPO_ROOT): Promise<FixtureServer> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/' || url.pathname === '/index.html') {
      send(200, TYPES['.html'], fixturePageHtml(origin));
      return;
    }
    if (url.pathname === '/forecast') {
      send(200, TYPES['.html'], forecastFixturePageHtml(origin));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask; VS Code's webviews do not
      return;
    }
    const rel = path.posix.normalize(url.pathname).replace(/^\/+/, '');
    if (!SERVED.some((prefix) => rel.startsWith(prefix)) || rel.includes('..')) {
      send(404, 'text/plain', 'not found');
      return;
    }
    readFile(path.join(root, rel)).then(
      (body) => send(200, TYPES[path.extname(rel)] ?? 'application/octet-stream', body),
      () => send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  void startFixtureServer().then((s) => console.log(`RNN Studio panel fixture: ${s.origin}/ (forecast panel: ${s.origin}/forecast)`));
}
