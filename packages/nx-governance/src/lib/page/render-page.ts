import { escapeHtml as e } from './escape-html';
import { PAGE_CSS } from './page-css';
import type { LinkTo } from './page-html';
import type { PageModel } from './page-model';
import { renderCadence, renderGates, renderMilestone, renderRollback, renderTimelines } from './render-page-sections';
import { renderMatrixGrid, renderPolicy } from './render-matrix-grid';

/**
 * One self-contained HTML file: inline CSS, no script, and a content security
 * policy that forbids every fetch, so opening it sends no request anywhere.
 * Every value from data, git or output is escaped.
 */
export function renderPage(model: PageModel, linkTo: LinkTo = (path) => path): string {
  const sections: Array<[string, string, string]> = [
    ['matrix', 'Compatibility matrix', model.matrix ? renderMatrixGrid(model.matrix, linkTo) + renderPolicy(model.matrix) : '<p class="muted">No compatibility.json: there is no matrix.</p>'],
    ['gates', 'Release classes and their gates', renderGates(model, linkTo)],
    ['milestone', `${model.milestone?.active === false ? 'Newest' : 'Active'} milestone${model.milestone ? `: ${model.milestone.id}` : ''}`, renderMilestone(model)],
    ['cadence', 'Cadence', renderCadence(model)],
    ['rollback', 'Rollback triggers', renderRollback(model, linkTo)],
    ['runs', 'Compatibility runs', renderTimelines(model, linkTo)],
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>Governance of ${e(model.project)} as of ${e(model.asOf)}</title>`,
    `<style>${PAGE_CSS}</style></head><body>`,
    '<a class="skip" href="#matrix">Skip to the matrix</a>',
    `<header><h1>Governance of ${e(model.project)}</h1>`,
    `<p>As of ${e(model.asOf)}. The same data as ${model.sameDataAs.map((s) => `<code>${e(s)}</code>`).join(', ')}: computed by the same functions; <code>--json</code> writes this page's model.</p>`,
    `<nav aria-label="Sections"><ul>${sections.map(([id, title]) => `<li><a href="#${id}">${e(title)}</a></li>`).join('')}</ul></nav></header>`,
    '<main>',
    ...sections.map(([id, title, body]) => `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>${body}</section>`),
    '</main></body></html>',
    '',
  ].join('\n');
}
