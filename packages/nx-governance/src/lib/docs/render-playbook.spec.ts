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

describe('a rollback trigger of another kind, as an import writes it', () => {
  it('is written once, with one period (helper D: "…afterwards.. …afterwards.")', () => {
    const playbook = playbookFileSchema.parse(JSON.parse(readRepoFile('governance/playbook.json')));
    const description = 'Data loss reported by a consumer: we roll back first and investigate after.';
    const markdown = renderPlaybookMarkdown({ ...playbook, rollbackTriggers: [{ id: 'data-loss', kind: 'other', description }] }, []);
    const line = markdown.split('\n').find((l) => l.startsWith('- data-loss'));
    expect(line).toBe('- data-loss (other): judged by hand (no evidence can judge it yet): Data loss reported by a consumer: we roll back first and investigate after.');
  });
});
