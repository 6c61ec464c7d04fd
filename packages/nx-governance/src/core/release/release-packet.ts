import type { ReadinessItem } from './evaluate-readiness';

export interface ReleasePacket {
  kind: 'nx-governance/release-packet';
  date: string;
  version: string;
  releaseClass: string;
  owner: string;
  approver: string;
  currentTuple: { core: { version: string; commit: string }; consumers: Record<string, { version?: string; commit?: string }> };
  rollbackTuple?: { id: string; core: string; consumers: Record<string, string> };
  items: ReadinessItem[];
  advisoryFindings: ReadinessItem[];
  verdict: 'go' | 'no-go';
}

export function readinessVerdict(items: ReadinessItem[]): 'go' | 'no-go' {
  return items.every((i) => i.advisory || i.state === 'pass') ? 'go' : 'no-go';
}

export function renderReleasePacket(packet: ReleasePacket & { digest: string }): string {
  const consumers = Object.entries(packet.currentTuple.consumers).map(([name, c]) => `${name} ${c.version ?? '?'} (${c.commit?.slice(0, 12) ?? '?'})`);
  return [
    `# Release packet: ${packet.version} (${packet.releaseClass}): ${packet.verdict.toUpperCase()}`,
    '',
    `- Date: ${packet.date}`,
    `- Owner: ${packet.owner}`,
    `- Approver: ${packet.approver}`,
    `- Current tuple: core ${packet.currentTuple.core.version} (${packet.currentTuple.core.commit.slice(0, 12)}) with ${consumers.join(', ')}`,
    `- Rollback tuple: ${packet.rollbackTuple ? `core ${packet.rollbackTuple.core} with ${Object.entries(packet.rollbackTuple.consumers).map(([n, v]) => `${n} ${v}`).join(', ')}` : 'none listed'}`,
    '',
    '## Checklist',
    '',
    '| Item | State | Reason |',
    '|---|---|---|',
    ...packet.items.filter((i) => !i.advisory).map((i) => `| ${i.check} | ${i.state} | ${i.reason.replace(/\|/g, '\\|')} |`),
    '',
    '## Advisory findings',
    '',
    ...(packet.advisoryFindings.length ? packet.advisoryFindings.map((i) => `- ${i.check}: ${i.state}: ${i.reason}`) : ['None.']),
    '',
    `Record sha256: ${packet.digest}`,
    '',
  ].join('\n');
}
