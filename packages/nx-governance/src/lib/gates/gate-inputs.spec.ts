import { type Gate, gateSchema } from '../schemas/gates';
import { gateReads, gatesReadingEverything } from './gate-inputs';

const gate = (fields: object): Gate => gateSchema.parse({ id: 'VG-X-001', title: 't', scope: 's', owner: 'qa', kind: 'command', ...fields });

describe('gateReads', () => {
  it.each([
    ['a command step and nothing declared', { steps: [{ argv: ['npm', 'test'] }] }, { kind: 'everything', except: ['evidence'] }],
    ['a command step with a cwd and nothing declared', { steps: [{ argv: ['make', 'check'], cwd: 'tools' }] }, { kind: 'everything', except: ['evidence'] }],
    ['declared globs', { steps: [{ argv: ['python3', 'check.py'] }], inputs: ['check.py'] }, { kind: 'declared', globs: ['check.py'], projects: [] }],
    ['declared projects', { steps: [{ argv: ['tsc', '-b'] }], projects: ['app'] }, { kind: 'declared', globs: [], projects: ['app'] }],
    ['an explicit empty list', { steps: [{ target: 'loop:build' }, { argv: ['loop/target/release/loop', '--version'] }], inputs: [] }, { kind: 'declared', globs: [], projects: [] }],
    ['only Nx target steps', { steps: [{ target: 'loop:test' }] }, { kind: 'declared', globs: [], projects: [] }],
    ['a manual gate', { kind: 'manual', checklist: ['ok'], inputs: ['docs/**'] }, { kind: 'declared', globs: ['docs/**'], projects: [] }],
  ])('%s', (_name, fields, expected) => {
    expect(gateReads(gate(fields), 'evidence')).toEqual(expected);
  });

  it('lists the gates that run on every change', () => {
    const gates = [gate({ id: 'VG-A-001', steps: [{ argv: ['npm', 'test'] }] }), gate({ id: 'VG-B-001', steps: [{ argv: ['npm', 'test'] }], inputs: [] })];
    expect(gatesReadingEverything(gates, 'evidence')).toEqual(['VG-A-001']);
  });
});
