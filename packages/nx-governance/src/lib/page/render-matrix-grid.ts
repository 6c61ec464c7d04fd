import { UNSTATED_END } from '../matrix/support-window';
import type { CompatibilityMatrix, MatrixCell } from '../matrix/compute-matrix';
import { TIERS } from '../matrix/compute-matrix';
import { escapeHtml as e } from './escape-html';
import { badge, type LinkTo, stackTable } from './page-html';
import { SYMBOLS, TONES } from './page-symbols';

/**
 * The matrix as a grid: one row per consumer, one column per core release in
 * the window, one cell per pair holding a badge per consumer version. Each
 * badge is focusable (the evidence link, or the badge itself when no result
 * decided it) and shows its reason on hover and on focus.
 */
export function renderMatrixGrid(matrix: CompatibilityMatrix, linkTo: LinkTo): string {
  const cores = [...new Set(matrix.cells.map((c) => c.core))];
  const byPair = new Map<string, MatrixCell[]>();
  for (const cell of matrix.cells) byPair.set(`${cell.core}\n${cell.consumer}`, [...(byPair.get(`${cell.core}\n${cell.consumer}`) ?? []), cell]);
  let tip = 0;
  // Kept small: a 50 by 30 matrix has 1500 of these, and the page must stay under 1 MB.
  const cellHtml = (cell: MatrixCell): string => {
    const id = `t${tip++}`;
    const version = cell.consumerVersion === 'any' ? '' : ` <small>${e(cell.consumerVersion)}</small>`;
    const attributes = `class="b ${TONES[cell.tier]}" data-tier="${cell.tier}"${version ? ` data-version="${e(cell.consumerVersion)}"` : ''} aria-describedby="${id}"`;
    const label = `<span class="s" aria-hidden="true">${SYMBOLS[cell.tier]}</span>${cell.tier}${version}`;
    const focusable = cell.evidence ? `<a ${attributes} href="${e(linkTo(cell.evidence))}">${label}</a>` : `<span ${attributes} tabindex="0">${label}</span>`;
    return `${focusable}<span class="tip" role="tooltip" id="${id}"><b>${e(cell.consumer)}${version ? ` ${e(cell.consumerVersion)}` : ''} with core ${e(cell.core)}: ${cell.tier}.</b> ${e(cell.why)}</span>`;
  };
  const head = `<thead><tr><th scope="col">Consumer \\ core</th>${cores.map((core) => `<th scope="col">${e(core)}</th>`).join('')}</tr></thead>`;
  const rows = matrix.consumers.map((consumer) => {
    const cells = cores.map((core) => `<td class="cell" data-core="${e(core)}" data-consumer="${e(consumer)}">${(byPair.get(`${core}\n${consumer}`) ?? []).map(cellHtml).join('')}</td>`);
    return `<tr><th scope="row">${e(consumer)}</th>${cells.join('')}</tr>`;
  });
  const legend = `<ul class="legend" aria-label="Tiers">${TIERS.map((t) => `<li>${badge(t)}</li>`).join('')}</ul>`;
  return `${legend}<div class="wrap"><table class="grid" id="matrix-grid"><caption class="print-only">Compatibility matrix as of ${e(matrix.asOf)}</caption>${head}<tbody>${rows.join('')}</tbody></table></div>`;
}

/** The support window, the lead time and the deprecations with their dates. */
export function renderPolicy(matrix: CompatibilityMatrix): string {
  const { supportWindow, deprecationLeadTimeDays } = matrix.policy;
  const window = [
    supportWindow.latestMinors !== undefined ? `the latest ${supportWindow.latestMinors} minor line(s)` : '',
    supportWindow.months !== undefined ? `${supportWindow.months} month(s) after the next line's release` : '',
    supportWindow.days !== undefined ? `tuples validated within ${supportWindow.days} day(s)` : '',
    supportWindow.tuples?.length ? `always the tuples ${supportWindow.tuples.join(', ')}` : '',
  ].filter(Boolean);
  const cycles = stackTable(
    ['Line', 'Released', 'Latest', 'End of support', 'In window'],
    matrix.cycles.map((c) => [e(c.cycle), e(c.releaseDate ?? 'not stated'), e(c.latest), e(c.eol === false ? 'not decided' : c.eol === 'unknown' ? UNSTATED_END : c.eol), c.inWindow ? badge('supported', ' <small>yes</small>') : badge('unsupported', ' <small>no</small>')]),
    'Release lines',
  );
  const deprecations = matrix.deprecations.length
    ? stackTable(['Deprecation', 'What', 'Announced', 'Removal', 'Core versions'], matrix.deprecations.map((d) => [e(d.id), e(d.what), e(d.announced), e(d.removal), e(d.coreVersions ?? 'none named')]), 'Deprecations')
    : '<p class="muted">No deprecation notice.</p>';
  return `<dl class="kv"><dt>Support window</dt><dd>${e(window.join('; ') || 'not stated')}</dd><dt>Deprecation lead time</dt><dd>${e(deprecationLeadTimeDays)} day(s)</dd><dt>As of</dt><dd>${e(matrix.asOf)}</dd></dl>${cycles}<h3>Deprecations</h3>${deprecations}`;
}
