import type { ActivityReport } from '../cadence/evaluate-cadence';
import { escapeHtml as e } from './escape-html';
import { badge, evidenceLink, type LinkTo, stackTable } from './page-html';
import type { PageModel } from './page-model';

const STATUS_ORDER: Record<ActivityReport['status'], number> = { overdue: 0, 'due soon': 1, ok: 2, 'on event': 3 };

/** Overdue first, then due soon, then by next due date; the cadence report keeps the data's order. */
export function overdueFirst(activities: readonly ActivityReport[]): ActivityReport[] {
  return [...activities].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999'));
}

export function renderGates(model: PageModel, linkTo: LinkTo): string {
  if (!model.releaseClasses.length) return '<p class="muted">No playbook: no release class and no gates.</p>';
  return model.releaseClasses
    .map((c) => {
      const rows = c.gates.map((g) => [
        `<strong>${e(g.id)}</strong><br><span class="muted">${e(g.title)}</span>`,
        `${badge(g.state)}<br><span class="muted">${e(g.reason)}</span>${g.fix ? `<br><code>${e(g.fix)}</code>` : ''}`,
        g.ageDays === undefined ? '<span class="muted">no record</span>' : `<span data-age="${e(g.ageDays)}">${e(g.ageDays)} day(s)</span><br><span class="muted">${e(g.finishedAt ?? '')}</span>`,
        `${e(g.owner)}<br><span class="muted">${e(g.enforcement)}</span>`,
        evidenceLink(linkTo, g.evidence),
      ]);
      const heading = `<h3 id="class-${e(c.id)}">${e(c.id)}: ${e(c.title)}${c.isDefault ? ' <span class="muted">(default)</span>' : ''} <span class="muted">${e(c.gates.length)} gate(s)</span></h3>`;
      return heading + (rows.length ? stackTable(['Gate', 'State', 'Age', 'Owner', 'Evidence'], rows, `Gates of ${c.id}`) : '<p class="muted">No gate.</p>');
    })
    .join('');
}

export function renderMilestone(model: PageModel): string {
  const m = model.milestone;
  if (!m) return '<p class="muted">No milestone.</p>';
  const cards = m.cards.map(
    (card) =>
      `<article class="card" data-card="${e(card.id)}"><h3>${e(card.id)} ${e(card.title)}</h3><p>Status: <strong>${e(card.status)}</strong>${card.releaseBlocking ? ' · <strong>release-blocking</strong>' : ''}</p>` +
      `<p class="muted">Required gates (${e(card.requiredGates.length)}):</p><ul class="gates">${card.requiredGates.map((g) => `<li>${e(g.id)} ${badge(g.state)}</li>`).join('') || '<li class="muted">none</li>'}</ul></article>`,
  );
  const done = m.active ? '' : ' <strong>Every task card is done</strong>: no milestone is active, this is the newest.';
  return `<p>${e(m.id)}: ${e(m.title)} <span class="muted">(${e(m.file)}, ${e(m.cards.length)} card(s))</span>${done}</p><div class="cards">${cards.join('')}</div>`;
}

export function renderCadence(model: PageModel): string {
  const rows = overdueFirst(model.cadence.activities).map((a) => [
    `<strong>${e(a.id)}</strong><br><span class="muted">${e(a.title)}</span>`,
    badge(a.status),
    e(a.nextDue ?? '-'),
    e(a.lastDone ?? 'never'),
    `${e(a.interval)}<br><span class="muted">${e(a.owner)}</span>`,
    `<span class="muted">${e(a.source)}</span>`,
  ]);
  const table = rows.length ? stackTable(['Activity', 'Status', 'Next due', 'Last done', 'Interval, owner', 'From'], rows, 'Cadence') : '<p class="muted">No cadence activity.</p>';
  const drift = model.cadence.drift.length ? `<h3>Drift (${e(model.cadence.drift.length)})</h3><ul>${model.cadence.drift.map((d) => `<li>${e(d)}</li>`).join('')}</ul>` : '';
  return table + drift;
}

export function renderRollback(model: PageModel, linkTo: LinkTo): string {
  const { decision, triggers, unverified } = model.rollback;
  const head = decision
    ? `<p>Last decision ${badge(decision.verdict)} on ${e(decision.decidedAt)} (candidate ${e(decision.candidate)}, baseline ${e(decision.baseline)}): ${e(decision.reason)} · ${evidenceLink(linkTo, decision.file, 'decision')}</p>`
    : '<p class="muted">No rollback decision recorded: run rollback-check.</p>';
  const warn = unverified.length ? `<p>${badge('untrusted')} ${e(unverified.length)} decision file(s) do not verify and were left out: ${unverified.map((f) => e(f)).join(', ')}</p>` : '';
  const rows = triggers.map((t) => [`<strong>${e(t.id)}</strong>${t.description ? `<br><span class="muted">${e(t.description)}</span>` : ''}`, e(t.kind), badge(t.state), e(t.reason)]);
  return head + warn + (rows.length ? stackTable(['Trigger', 'Kind', 'Last state', 'Reason'], rows, 'Rollback triggers') : '<p class="muted">The playbook defines no rollback trigger.</p>');
}

export function renderTimelines(model: PageModel, linkTo: LinkTo): string {
  if (!model.timelines.length) return '<p class="muted">No consumer.</p>';
  const rows = model.timelines.map((t) => {
    const runs = t.runs.map(
      (r) => `<li><a class="ev" href="${e(linkTo(r.evidence))}" title="${e(r.reason)}">${badge(r.result, ` <small>${e(r.core)} ${e(r.finishedAt.slice(5, 10))}</small>`)}</a></li>`,
    );
    const older = t.total > t.runs.length ? `<span class="muted">${e(t.total - t.runs.length)} older run(s) not shown</span>` : '';
    return [`<strong>${e(t.consumer)}</strong>`, runs.length ? `<ol class="runs" aria-label="Runs of ${e(t.consumer)}, oldest first">${runs.join('')}</ol>${older}` : '<span class="muted">no run in the local history</span>', e(t.total)];
  });
  return stackTable(['Consumer', 'Recent runs (oldest first)', 'Runs'], rows, 'Compatibility runs');
}
