import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRepoFile } from '../../test-helpers/temp-workspace';
import { gatesFileSchema } from '../schemas/gates';
import { playbookFileSchema } from '../schemas/playbook';
import { renderPlaybookMarkdown } from './render-playbook';

const executorOptions = (name: string) =>
  Object.keys(JSON.parse(readFileSync(join(__dirname, '..', '..', 'executors', name, 'schema.json'), 'utf8')).properties);

describe('renderPlaybookMarkdown', () => {
  it('tells users commands whose every option the executor has', () => {
    const markdown = renderPlaybookMarkdown(
      playbookFileSchema.parse(JSON.parse(readRepoFile('governance/playbook.json'))),
      gatesFileSchema.parse(JSON.parse(readRepoFile('governance/gates.json'))).gates,
    );
    const commands = [...markdown.matchAll(/`npx nx run governance:([\w-]+)([^`]*)`/g)];
    expect(commands.length).toBeGreaterThan(0);
    for (const [, target, args] of commands) {
      const given = [...args.matchAll(/--([\w]+)=/g)].map((m) => m[1]);
      expect({ target, unknown: given.filter((option) => !executorOptions(target).includes(option)) }).toEqual({ target, unknown: [] });
    }
  });
});
