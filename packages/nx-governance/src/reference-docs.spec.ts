import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReferenceDocs } from '../../../tools/generate-reference-docs';
import { REPO_ROOT } from './test-helpers/temp-workspace';

describe('the reference docs', () => {
  const pages = [...renderReferenceDocs()];

  it.each(pages.map(([file]) => file))('%s is what the schemas generate (run npm run docs:reference)', (file) => {
    const path = join(REPO_ROOT, file);
    expect(existsSync(path) ? readFileSync(path, 'utf8') : `${file} is missing`).toBe(new Map(pages).get(file));
  });

  it('documents every executor and generator with its options', () => {
    const page = (kind: string) => new Map(pages).get(`docs/reference/${kind}.md`)!;
    for (const kind of ['executors', 'generators']) {
      const names = Object.keys(JSON.parse(readFileSync(join(__dirname, '..', `${kind}.json`), 'utf8'))[kind]);
      for (const name of names) expect(page(kind)).toContain(`## ${name}\n`);
    }
    expect(page('generators')).toContain('| `--releaseClass` | string |');
    expect(page('executors')).toContain('## release-candidate\n');
  });
});
