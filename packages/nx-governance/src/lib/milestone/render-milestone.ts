import type { MilestoneDocument, TaskStatus } from './model';

/** The document's text; unchanged parts come back byte for byte. */
export function renderMilestone(document: MilestoneDocument): string {
  return document.parts.map((part) => (part.kind === 'card' ? part.card.raw : part.raw)).join('');
}

export interface NewTaskCard {
  id: string;
  title: string;
  goal: string;
  status: TaskStatus;
  statusDate?: string;
  workItems: string[];
  acceptanceCriteria: string[];
  requiredGates: string[];
}

/** A task card in the seed's format, ending with the blank line that separates cards. */
export function renderTaskCard(card: NewTaskCard, eol: '\n' | '\r\n' = '\n'): string {
  const status = card.statusDate ? `${card.status} (${card.statusDate})` : card.status;
  const lines = [
    `### ${card.id} ${card.title}`,
    '',
    `- Goal: ${card.goal}`,
    `- Status: ${status}`,
    '- Work items:',
    ...card.workItems.map((item) => `- ${item}`),
    '- Acceptance criteria:',
    ...card.acceptanceCriteria.map((item) => `- ${item}`),
    `- Required gates: ${card.requiredGates.join(', ')}`,
    '',
  ];
  return lines.map((line) => line + eol).join('');
}

export interface NewMilestone {
  id: string;
  title: string;
  objective: string;
  entryCriteria: string[];
  exitCriteria: string[];
}

/** A new milestone in the seed's format, with an empty task-card section. */
export function renderNewMilestone(milestone: NewMilestone): string {
  return [
    `# ${milestone.id} - ${milestone.title}`,
    '',
    '## Objective',
    '',
    milestone.objective,
    '',
    '## Entry Criteria',
    '',
    ...milestone.entryCriteria.map((c) => `- ${c}`),
    '',
    '## Exit Criteria',
    '',
    ...milestone.exitCriteria.map((c) => `- ${c}`),
    '',
    '## Task Cards',
    '',
  ].join('\n');
}
