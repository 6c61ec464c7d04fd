import type { Tree } from '@nx/devkit';

const README_MARKER = '<!-- nx-governance -->';

/** Only with --addReadmeGuidance: a README belongs to its authors. */
export function addReadmeGuidance(tree: Tree): void {
  const current = tree.exists('README.md') ? (tree.read('README.md', 'utf8') ?? '') : '';
  if (current.includes(README_MARKER)) return;
  const section = [
    README_MARKER,
    '## Governance',
    '',
    'Release governance lives in `governance/` and is checked by the `nx-governance` plugin:',
    '',
    '- `npx nx run governance:validate` checks every governance file.',
    '- `npx nx run governance:gate` runs the gates of the default release class and writes evidence.',
    '- `npx nx sync` renders the compatibility matrix and the other documents from the data;',
    '  CI runs `npx nx sync:check`, which fails when they are stale.',
    '- Evidence: latest records, task evidence, attestations and release packets are committed;',
    '  record chains, logs and result history stay local (`.gitignore`). `npx nx run governance:prune-evidence --keep=20`',
    '  shows what history would go, `--apply` deletes it; `npx nx run governance:verify-evidence` checks what is left.',
    '',
  ].join('\n');
  tree.write('README.md', current ? `${current.replace(/\n*$/, '\n\n')}${section}` : section);
}
