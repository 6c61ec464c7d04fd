export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'steady_state'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A `- Name: value` line of a task card and the list items that belong to it. */
export interface CardField {
  name: string;
  /** Lower-case name with single spaces, used to recognise known fields. */
  key: string;
  value: string;
  items: string[];
  line: number;
}

export interface TaskCard {
  id: string;
  title: string;
  /** 1-based line of the `###` heading. */
  line: number;
  /** Heading of the `##` section the card stands under. */
  section: string;
  goal?: string;
  status?: { value: TaskStatus; date?: string; line: number };
  workItems: string[];
  acceptanceCriteria: string[];
  requiredGates: string[];
  requiredGatesLine?: number;
  releaseBlocking: boolean;
  /** Every field in source order, known or not. */
  fields: CardField[];
  unknownFields: CardField[];
  /** Lines in the card that belong to no field. */
  strayLines: { line: number; text: string }[];
  /** The card's exact source text, heading to the line before the next heading. */
  raw: string;
}

export interface MilestoneSection {
  heading: string;
  line: number;
  kind: 'objective' | 'entry-criteria' | 'exit-criteria' | 'other';
  /** The text under the heading, outside task cards, exactly as written. */
  text: string;
}

/** Source text between cards, kept verbatim so rendering is lossless. */
export type MilestonePart = { kind: 'text'; raw: string } | { kind: 'card'; card: TaskCard };

export interface MilestoneDocument {
  file: string;
  id: string;
  title: string;
  objective: string;
  entryCriteria: string[];
  exitCriteria: string[];
  sections: MilestoneSection[];
  taskCards: TaskCard[];
  /** The document as a sequence of verbatim text and task cards. */
  parts: MilestonePart[];
  eol: '\n' | '\r\n';
}
