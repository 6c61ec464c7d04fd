import { bundledPageWorkspace } from '../../test-helpers/bundled-page-workspace';
import type { PageModel } from './page-model';
import { relativeHref } from './relative-href';
import { overdueFirst } from './render-page-sections';
import { renderPage } from './render-page';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m.slice(1).map((s) => (s === undefined ? s : unescape(s))));

describe('renderPage', () => {
  const { cleanup, build } = bundledPageWorkspace();
  afterAll(cleanup);
  const model = (): PageModel => build({});

  it('shows every number and state the model holds, and nothing else', () => {
    const m = model();
    const html = renderPage(m);
    const cells = all(html, /<td class="cell" data-core="([^"]*)" data-consumer="([^"]*)">(.*?)<\/td>/g);
    const cores = [...new Set(m.matrix!.cells.map((c) => c.core))];
    expect(cells.length).toBe(cores.length * m.matrix!.consumers.length);
    const shown = cells.flatMap(([core, consumer, inner]) => all(inner, /data-tier="([^"]*)"(?: data-version="([^"]*)")?/g).map(([tier, version]) => [core, consumer, version ?? 'any', tier]));
    expect(shown).toEqual(m.matrix!.cells.map((c) => [c.core, c.consumer, c.consumerVersion, c.tier]).sort((a, b) => m.matrix!.consumers.indexOf(a[1]) - m.matrix!.consumers.indexOf(b[1]) || cores.indexOf(a[0]) - cores.indexOf(b[0])));
    expect(all(html, /data-age="(\d+)"/g).map(([age]) => Number(age))).toEqual(m.releaseClasses.flatMap((c) => c.gates.flatMap((g) => (g.ageDays === undefined ? [] : [g.ageDays]))));
    expect(all(html, /<h3 id="class-[^"]*">.*?(\d+) gate\(s\)/g).map(([n]) => Number(n))).toEqual(m.releaseClasses.map((c) => c.gates.length));
    expect(all(html, /<td data-label="Next due">([^<]*)<\/td>/g).map(([due]) => due)).toEqual(overdueFirst(m.cadence.activities).map((a) => a.nextDue ?? '-'));
    expect(all(html, /<td data-label="Runs">(\d+)<\/td>/g).map(([n]) => Number(n))).toEqual(m.timelines.map((t) => t.total));
  });

  it('renders a <script> from the data as text, and fetches nothing', () => {
    const m = model();
    m.project = '<script>alert(1)</script>';
    m.releaseClasses[0].gates[0].title = '<script>alert(2)</script>';
    m.matrix!.cells[0].why = '"><img src=x onerror=alert(3)>';
    const html = renderPage(m);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset)=|url\(|@import|https?:\/\//i);
  });

  it('links evidence relative to the page, each segment encoded so no scheme can appear', () => {
    const link = relativeHref('/ws', '/ws/reports');
    expect(link('evidence/gates/VG-A/latest.md')).toBe('../evidence/gates/VG-A/latest.md');
    expect(relativeHref('/ws', '/ws')('javascript:alert(1)/x y')).toBe('javascript%3Aalert(1)/x%20y');
  });
});
