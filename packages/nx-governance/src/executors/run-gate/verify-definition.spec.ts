import type { ExecutorContext } from '@nx/devkit';
import type { Gate } from '../../lib/schemas/gates';
import type { GovernanceData } from '../../lib/workspace/load-governance';
import { gateDefinitionInput } from '../../plugins/gate-hash-inputs';
import { definitionRefusal } from './verify-definition';

const gate = (script: string): Gate =>
  ({ id: 'VG-A-001', title: 'A', scope: 's', owner: 'qa', kind: 'command', enforcement: 'blocking', timeoutSeconds: 60, steps: [{ argv: ['node', '-e', script] }] }) as Gate;
const data = { gateFiles: {}, gates: { file: 'governance/gates.json' } } as unknown as GovernanceData;
const contextFor = (inputs: unknown[]) =>
  ({ projectName: 'governance', targetName: 'VG-A-001', projectsConfigurations: { version: 2, projects: { governance: { root: 'governance', targets: { 'VG-A-001': { inputs } } } } } }) as unknown as ExecutorContext;

describe('the definition a gate runs is the one Nx hashed', () => {
  it('runs the gate whose digest Nx hashed', () => {
    expect(definitionRefusal(contextFor([gateDefinitionInput(gate('a'))]), data, gate('a'))).toBeUndefined();
  });

  it('refuses a definition edited after Nx hashed the task, naming the file', () => {
    expect(definitionRefusal(contextFor([gateDefinitionInput(gate('a'))]), data, gate('b'))).toMatch(
      /^VG-A-001: its definition in governance\/gates\.json \(digest [0-9a-f]{12}…\) is not the one this task was hashed for \(found the digest [0-9a-f]{12}… Nx hashed\)/,
    );
  });

  it('refuses a target that carries no digest', () => {
    expect(definitionRefusal(contextFor(['{workspaceRoot}/**/*']), data, gate('a'))).toContain("found no digest of it among the target's inputs");
  });
});
