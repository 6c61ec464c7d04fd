import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDestination } from './report-path';
import { writeJsonReport } from './write-json-report';

describe('--json, the one option every judging command shares', () => {
  const root = mkdtempSync(join(tmpdir(), 'json-report-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is a path from the workspace root, an absolute path, standard output when given alone, or nothing', () => {
    expect(reportDestination(root, 'reports/x.json')).toEqual({ to: 'file', path: join(root, 'reports/x.json') });
    expect(reportDestination(root, '/tmp/x.json')).toEqual({ to: 'file', path: '/tmp/x.json' });
    // Nx hands `--json` alone as true; the post-run hook reads a bare `--json` from the command line as ''.
    expect(reportDestination(root, true)).toEqual({ to: 'stdout' });
    expect(reportDestination(root, '')).toEqual({ to: 'stdout' });
    for (const none of [undefined, false]) expect(reportDestination(root, none)).toBeUndefined();
  });

  it('writes the report to the file, or to standard output', () => {
    writeJsonReport(root, 'reports/x.json', { kind: 'k', n: 1 });
    expect(JSON.parse(readFileSync(join(root, 'reports/x.json'), 'utf8'))).toEqual({ kind: 'k', n: 1 });
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    try {
      writeJsonReport(root, true, { kind: 'k', n: 2 });
      writeJsonReport(root, undefined, { kind: 'k', n: 3 });
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(written.join(''))).toEqual({ kind: 'k', n: 2 });
  });
});
