/**
 * The gates end-to-end specs write into their workspaces: a command gate with
 * the fields every spec repeats, and a step that runs a Node script (argv, no
 * shell). Each spec passes what its case is about (steps, inputs, criteria).
 */
export function commandGate(id: string, fields: object = {}) {
  return { id, title: id, scope: 'e2e', owner: 'qa', kind: 'command', ...fields };
}

/** A step running `node -e <script>`. */
export function nodeStep(script: string) {
  return { argv: ['node', '-e', script] };
}

/** What a step prints for the test-count parsers: one passing test. */
export const ONE_PASSED = "console.log('1 passed, 0 failed')";
