export interface ReportItem {
  file: string;
  line: number;
  what: string;
  why: string;
}

/** Everything the import did with the prose: nothing is dropped without a line here. */
export interface ImportLog {
  converted: ReportItem[];
  review: ReportItem[];
  notUnderstood: ReportItem[];
}

export function emptyLog(): ImportLog {
  return { converted: [], review: [], notUnderstood: [] };
}
