import { gateSchema, type CommandGate } from '../schemas/gates';
import { gateBlocker, isOnPath } from './gate-blockers';

const gate = (requires: object) =>
  gateSchema.parse({ id: 'VG-X-1', title: 't', scope: 's', owner: 'qa', kind: 'command', steps: [{ argv: ['node'] }], requires }) as CommandGate;

describe('gateBlocker', () => {
  it('finds programs on PATH', () => {
    expect(isOnPath('node')).toBe(true);
    expect(isOnPath('no-such-tool-xyz')).toBe(false);
  });

  it('blocks a gate whose tool is missing', () => {
    expect(gateBlocker(gate({ tools: ['node', 'no-such-tool-xyz'] }))).toBe('no-such-tool-xyz not found on PATH');
  });

  it('blocks a gate that needs more memory than the machine has', () => {
    expect(gateBlocker(gate({ minMemoryMb: 1_000_000_000 }))).toMatch(/^needs 1000000000 MiB of memory, the machine has \d+ MiB$/);
  });

  it('lets a gate run when nothing is missing', () => {
    expect(gateBlocker(gate({ tools: ['node'], minMemoryMb: 1 }))).toBeUndefined();
  });
});
