import { type GateDefinition, type GateImportContext, type ImportedGate, importGate } from './import-gates';
import type { ImportLog } from './import-log';
import { type MarkdownDocument, type MarkdownSection, plainText } from './markdown-document';

type Where = { file: string; line: number };

/** An id, in backticks or bold or neither, then a dash or colon and what follows: "`VG-CORE-001` — build. Run `cargo build`." */
const LEAD = /^(?:\*\*)?`?([^\s`*:—–]+)`?(?:\*\*)?\s*(?:[—–:]|-\s)\s*(.*)$/;
/** A sentence that says how the gate is enforced: "*Advisory.*", "This one is advisory; …", "Advisory unless promoted by D-31." */
const ENFORCEMENT = /^(advisory|optional|non-blocking|blocking|required|mandatory)\b|\b(is|are)\s+(advisory|optional|non-blocking)\b/i;

/**
 * Gates written without a table: list items that open with a gate id
 * ("- `VG-CORE-001` — workspace build. Run `cargo build --locked`. *Advisory.*")
 * and headings that are a gate id with paragraphs under them ("#### VG-PERF-001
 * — step latency"). Each goes through the table's own conversion; the sections
 * read are returned so that no other reader takes them (a gate headed "release
 * checklist" is no pre-release checklist).
 */
export function importProseGates(documents: MarkdownDocument[], context: GateImportContext, gates: ImportedGate[], gateLines: Map<string, Where>, log: ImportLog): Set<MarkdownSection> {
  const used = new Set<MarkdownSection>();
  const add = (definition: GateDefinition | undefined, section: MarkdownSection) => {
    if (!definition) return false;
    importGate(definition, context, gates, log);
    if (!gateLines.has(definition.id)) gateLines.set(definition.id, definition.where);
    used.add(section);
    return true;
  };
  for (const section of documents.flatMap((d) => d.sections)) {
    if (add(headingGate(section, context), section)) continue;
    for (const item of section.items) add(definitionOf(item.text, [], { file: section.file, line: item.line }, context), section);
  }
  return used;
}

/** A heading that is a gate id (and its title), with the paragraphs and code under it as the method. */
function headingGate(section: MarkdownSection, context: GateImportContext): GateDefinition | undefined {
  const code = section.code.map((c) => `\`${c.text.replace(/\s*\n\s*/g, ' ')}\``);
  const written = [...section.text, ...section.items].sort((a, b) => a.line - b.line).map((t) => t.text);
  // "### LAT-COMPAT-001 mesh-cli against the working tree": a heading needs no dash between the id and its title.
  const lead = LEAD.test(section.heading.trim()) ? section.heading : section.heading.trim().replace(/^(`?[^\s`*:—–]+`?)\s+(?=\S)/, '$1 — ');
  return definitionOf(lead, [...written, ...code], { file: section.file, line: section.line }, context);
}

/** The gate a lead line defines: after the id, its title (the first sentence, or the heading's words), its method and its enforcement. */
function definitionOf(lead: string, paragraphs: string[], where: Where, context: GateImportContext): GateDefinition | undefined {
  const match = LEAD.exec(lead.trim()) ?? /^`?([^\s`]+)`?$/.exec(lead.trim());
  if (!match || !context.ids.matches('gate', match[1])) return undefined;
  const rest = match[2] ?? '';
  const labelled = labelledFields(paragraphs);
  const said = [...(paragraphs.length ? [] : sentences(rest)), ...labelled.unlabelled].filter((s) => !MANUAL_MARK.test(plainText(s)));
  const enforcement = [...labelled.enforcement, ...said.filter((s) => !s.includes('`') && ENFORCEMENT.test(plainText(s)))];
  // A "Command:" line is the method; the sentences around it describe the gate (what it covers, where it runs), never a step.
  const described = labelled.method.length ? said.filter((s) => !enforcement.includes(s)) : [];
  const method = labelled.method.length ? [...labelled.method] : said.filter((s) => !enforcement.includes(s));
  if (paragraphs.length === 0 && method.length === 0) return undefined;
  // A list item's first sentence is its title when a method follows; a heading's words after the id are.
  const title = paragraphs.length ? rest : method.length > 1 ? method.shift() ?? '' : (method[0] ?? '');
  // Beside a command, a sentence with no command in it says what passing means ("The regression budget is 10%."): the
  // criteria, which convert or are listed; without a command, every sentence is the check a person makes.
  const criteria = method.some((s) => s.includes('`')) ? method.filter((s) => !s.includes('`')) : [];
  const how = method.filter((s) => !criteria.includes(s));
  return { id: match[1], where, scope: plainText(title).replace(/\.$/, ''), method: how.join(' '), criteria: [...labelled.criteria, ...criteria, ...described].join(' '), enforcement: enforcement.join(' '), owners: labelled.owners.join(', '), inProse: true };
}

/** A bullet or paragraph that says which field it is ("Command: `…`", "Owner: client owner", "Enforcement: advisory"). */
const LABEL = /^\*{0,2}(command|run|runs|owners?|enforcement|pass criteria|criteria)\*{0,2}\s*:\s*(?:\*\*\s*)?(.*)$/i;

/** "Manual." alone: the gate is a person's check (its other sentences say which), not part of the check. */
const MANUAL_MARK = /^manual(?: (?:check|review|gate))?\.?$/i;

/** The labelled sentences under a gate heading ("Blocking. Owner: mesh maintainer." holds one), each as its field; the other sentences as they are. */
function labelledFields(paragraphs: string[]): { method: string[]; owners: string[]; enforcement: string[]; criteria: string[]; unlabelled: string[] } {
  const fields = { method: [] as string[], owners: [] as string[], enforcement: [] as string[], criteria: [] as string[], unlabelled: [] as string[] };
  for (const sentence of paragraphs.flatMap((p) => (LABEL.test(p.trim()) ? [p] : sentences(p)))) {
    const match = LABEL.exec(sentence.trim());
    const label = match?.[1].toLowerCase() ?? '';
    const value = match?.[2].trim().replace(/\.$/, '') ?? '';
    if (!match || !value) fields.unlabelled.push(sentence);
    else if (label.startsWith('owner')) fields.owners.push(value);
    else if (label === 'enforcement') fields.enforcement.push(value);
    else if (label.includes('criteria')) fields.criteria.push(value);
    else fields.method.push(value);
  }
  return fields;
}

/** Sentences of prose, never cut inside a code span (`docs/protocol.md`, `tee target/bench.txt`). */
export function sentences(text: string): string[] {
  const spans: string[] = [];
  const masked = text.replace(/`[^`]*`/g, (span) => `\u0000${spans.push(span) - 1}\u0000`);
  return masked
    .split(/(?<=\.)\s+(?=\S)/)
    .map((s) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)]).trim())
    .filter(Boolean);
}
