// serve.mjs — the static server for the page, the JS package and the embed example, on 127.0.0.1.
//
//   node tools/serve.mjs [--port N] [--embed-port M] [--dist DIR] [--demo]
//
// --demo prints the page's address with ?demo=1 (the page then imports the demo workspace into an
// empty one).
//
// Two origins, so the embed example really is another web app:
//   http://127.0.0.1:N/   web/ (the dashboard at /, the simple page at /simple.html), and under it
//       /loupe/           the built JS package: DIST (default build/wasm-release/wasm/dist: wasm/js,
//                         the engine's .mjs/.wasm and sqlite-wasm under sqlite/)
//       /app/             the dashboard's wasm and fonts (DIST/../../web/dist: build/…/web/dist)
//       /fixtures/demo/   fixtures/demo (what the page imports for ?demo=1)
//   http://127.0.0.1:M/   examples/embed/, and /fixtures/demo/ (the host app's own data)
// Defaults: N = 8780, M = 8781; 0 picks free ports. No COOP/COEP or other special headers: the
// package must work without them. Package and fixture files carry
// `Access-Control-Allow-Origin: *` so the embed origin can load them as module scripts and fetch
// the .wasm. The embed page names the package by its default origin (http://127.0.0.1:8780); when
// the main server runs elsewhere, that origin is rewritten in the embed example's HTML.
//
// As a module: `const servers = await startServers({ port, embedPort, dist })` gives
// `{ url, embedUrl, close() }`.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const kDefaultPort = 8780;
export const kDefaultEmbedPort = 8781;
const kDefaultOrigin = `http://127.0.0.1:${kDefaultPort}`;

const kMimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.mts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.gitlog': 'text/plain; charset=utf-8',
  '.mailmap': 'text/plain; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
};

function MimeType(file) {
  return kMimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// mounts: [{ prefix: '/x/', dirs: [absolute dirs, first hit wins], cors: bool }], longest prefix
// first. Returns the file to serve, or null.
async function Resolve(mounts, pathname) {
  for (const mount of mounts) {
    if (!pathname.startsWith(mount.prefix)) continue;
    let rest = pathname.slice(mount.prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    for (const dir of mount.dirs) {
      const file = path.resolve(dir, rest);
      if (file !== dir && !file.startsWith(dir + path.sep)) return null;  // "..", absolute paths
      try {
        const info = await stat(file);
        if (info.isFile()) return { file, size: info.size, cors: mount.cors };
      } catch {
        // Not in this directory: try the next one.
      }
    }
    return null;
  }
  return null;
}

function Handler(mounts, rewrite) {
  return async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'GET or HEAD only\n');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad URL\n');
    }
    if (pathname.includes('\0')) return send(400, 'bad URL\n');
    const hit = await Resolve(mounts, pathname);
    if (!hit) return send(404, `not found: ${pathname}\n`);
    const headers = {
      'Content-Type': MimeType(hit.file),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (hit.cors) headers['Access-Control-Allow-Origin'] = '*';
    if (rewrite && hit.file.endsWith('.html')) {
      const body = Buffer.from(rewrite(await readFile(hit.file, 'utf8')));
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      return response.end(request.method === 'HEAD' ? undefined : body);
    }
    headers['Content-Length'] = hit.size;
    response.writeHead(200, headers);
    if (request.method === 'HEAD') return response.end();
    createReadStream(hit.file).pipe(response);
  };
}

function Listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

export async function startServers({
  port = kDefaultPort,
  embedPort = kDefaultEmbedPort,
  dist = path.join(kRoot, 'build/wasm-release/wasm/dist'),
} = {}) {
  const at = (p) => path.resolve(kRoot, p);
  const mainMounts = [
    { prefix: '/fixtures/demo/', dirs: [at('fixtures/demo')], cors: true },
    { prefix: '/loupe/', dirs: [path.resolve(dist)], cors: true },
    { prefix: '/app/', dirs: [path.resolve(dist, '../../web/dist')], cors: false },
    { prefix: '/', dirs: [at('web')], cors: false },
  ];
  const main = http.createServer(Handler(mainMounts, null));
  const mainPort = await Listen(main, port);
  const origin = `http://127.0.0.1:${mainPort}`;

  const embedMounts = [
    { prefix: '/fixtures/demo/', dirs: [at('fixtures/demo')], cors: false },
    { prefix: '/', dirs: [at('examples/embed')], cors: false },
  ];
  const rewrite = origin === kDefaultOrigin ? null : (html) => html.replaceAll(kDefaultOrigin, origin);
  const embed = http.createServer(Handler(embedMounts, rewrite));
  let embedPortBound;
  try {
    embedPortBound = await Listen(embed, embedPort);
  } catch (error) {
    main.close();
    throw error;
  }
  const close = () =>
    Promise.all([main, embed].map((s) => new Promise((resolve) => {
      s.closeAllConnections();
      s.close(resolve);
    })));
  return { url: `${origin}/`, embedUrl: `http://127.0.0.1:${embedPortBound}/`, close };
}

function ParseArgs(argv) {
  const options = {};
  const names = { '--port': 'port', '--embed-port': 'embedPort', '--dist': 'dist' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--demo') {
      options.demo = true;
      i -= 1;
      continue;
    }
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      process.stderr.write('usage: node tools/serve.mjs [--port N] [--embed-port M] [--dist DIR] [--demo]\n');
      process.exit(2);
    }
    options[key] = key === 'dist' ? argv[i + 1] : Number(argv[i + 1]);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = ParseArgs(process.argv.slice(2));
  const servers = await startServers(options).catch((error) => {
    process.stderr.write(`serve: ${error.message}\n`);
    process.exit(1);
  });
  const query = options.demo ? '?demo=1' : '';
  process.stdout.write(`Loupe dashboard: ${servers.url}${query}\nSimple page:     ${servers.url}simple.html${query}\n`
    + `Embed example:   ${servers.embedUrl}\n(Ctrl-C stops the servers)\n`);
  const stop = () => servers.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
