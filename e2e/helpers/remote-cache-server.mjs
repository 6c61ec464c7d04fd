// A minimal server for Nx's self-hosted remote cache API (GET and PUT /v1/cache/{hash}, tar bodies),
// for end-to-end tests only: it listens on 127.0.0.1, keeps entries in memory, prints its port and
// counts what it served. It exits when its parent closes its standard input.
import { createServer } from 'node:http';

const entries = new Map();
// `missed` lists the hashes asked for and not held, in order: what a test playing an attacker learns of a clone's tasks.
const stats = { puts: 0, hits: 0, misses: 0, missed: [] };
const server = createServer((request, response) => {
  const match = /^\/v1\/cache\/([^/?]+)/.exec(request.url ?? '');
  if (request.url === '/stats') return response.end(JSON.stringify(stats));
  if (!match) return response.writeHead(404).end();
  const hash = match[1];
  if (request.method === 'GET') {
    const body = entries.get(hash);
    if (!body) {
      stats.misses++;
      stats.missed.push(hash);
      return response.writeHead(404).end();
    }
    stats.hits++;
    return response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  }
  if (request.method === 'PUT') {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      if (entries.has(hash)) return response.writeHead(409).end();
      entries.set(hash, Buffer.concat(chunks));
      stats.puts++;
      response.writeHead(200).end();
    });
    return;
  }
  response.writeHead(405).end();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
