import { plainText } from './markdown-document';

const TRIVIAL = /^(exit( code)? 0|passes|green|succeeds?|-)?\.?$/i;
const METRIC = /^`([^`]+\.json)`\s*`(\/[^`]*)`\s*within\s*(\d+(?:\.\d+)?)\s*%\s*of\s*`([^`]+\.json)`/i;

/** Pass criteria from a matrix cell: a minimum test count or a metric budget against a baseline; anything else stays prose. */
export function readPassCriteria(cell: string): { criteria?: { minTests?: { count: number }; metrics?: Array<{ name: string } & Record<string, unknown>> }; unconverted?: string } {
  const text = plainText(cell);
  const minTests = /(?:at least|>=|≥|min(?:imum)?)\s*(\d+)\s*tests?/i.exec(text) ?? /(\d+)\+?\s*tests?\s*(?:pass|executed|run)/i.exec(text);
  if (minTests) return { criteria: { minTests: { count: Number(minTests[1]) } } };
  const metric = METRIC.exec(cell.trim());
  if (metric) {
    const [, file, pointer, percent, baseline] = metric;
    const name = pointer.split('/').pop() || 'metric';
    const better = /ms|latency|time|duration|seconds|bytes|memory/i.test(name) ? 'lower' : 'higher';
    return { criteria: { metrics: [{ name, file, pointer, baseline, maxRegressionPercent: Number(percent), better }] } };
  }
  return TRIVIAL.test(text) ? {} : { unconverted: text };
}
