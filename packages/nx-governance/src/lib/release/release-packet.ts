import { escapeMarkdown as e } from '../markdown/escape';
import type { ReadinessItem, ReleasePacket } from '../evidence/evidence-schemas';

export type { ReleasePacket } from '../evidence/evidence-schemas';

export function readinessVerdict(items: ReadinessItem[]): 'go' | 'no-go' {
  return items.every((i) => i.advisory || i.state === 'pass') ? 'go' : 'no-go';
}

export function renderReleasePacket(packet: ReleasePacket & { digest: string }): string {
  const consumers = Object.entries(packet.currentTuple.consumers).map(([name, c]) => `${e(name)} ${e(c.version ?? '?')} (${e(c.commit?.slice(0, 12) ?? '?')})`);
  return [
    `# Release packet: ${e(packet.version)} (${e(packet.releaseClass)}): ${packet.verdict.toUpperCase()}`,
    '',
    `- Date: ${e(packet.date)}`,
    `- Owner: ${e(packet.owner)}`,
    `- Approver: ${e(packet.approver)}`,
    `- Current tuple: core ${e(packet.currentTuple.core.version)} (${e(packet.currentTuple.core.commit.slice(0, 12))}) with ${consumers.join(', ')}`,
    `- Rollback tuple: ${packet.rollbackTuple ? `core ${e(packet.rollbackTuple.core)} with ${Object.entries(packet.rollbackTuple.consumers).map(([n, v]) => `${e(n)} ${e(v)}`).join(', ')}` : 'none listed'}`,
    '',
    '## Checklist',
    '',
    '| Item | State | Reason |',
    '|---|---|---|',
    ...packet.items.filter((i) => !i.advisory).map((i) => `| ${e(i.check)} | ${e(i.state)} | ${e(i.reason)} |`),
    '',
    '## Advisory findings',
    '',
    ...(packet.advisoryFindings.length ? packet.advisoryFindings.map((i) => `- ${e(i.check)}: ${e(i.state)}: ${e(i.reason)}`) : ['None.']),
    '',
    `Record sha256: ${e(packet.digest)}`,
    '',
  ].join('\n');
}
