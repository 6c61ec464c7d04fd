import { plainText } from './markdown-document';

const TRIVIAL = /^(exit( code)? 0|passes|green|succeeds?|-)?\.?$/i;
const METRIC = /^`([^`]+\.json)`\s*`(\/[^`]*)`\s*within\s*(\d+(?:\.\d+)?)\s*%\s*of\s*`([^`]+\.json)`/i;

/**
 * A minimum number of tests a text states: "at least 40 tests", "≥ 40 tests",
 * "40+ tests pass", or, where the text is about tests, "at least 40 must run".
 */
export function readTestMinimum(text: string): number | undefined {
  const plain = plainText(text);
  const stated =
    /(?:at least|>=|≥|min(?:imum)?)\s*(\d+)\s*tests?/i.exec(plain) ??
    /(\d+)\+?\s*tests?\s*(?:pass|executed|run)/i.exec(plain) ??
    (/\btests?\b/i.test(plain) ? /\bat least\s+(\d+)\s+(?:of them\s+)?(?:must|should|have to|need to)\s+(?:run|pass)/i.exec(plain) : null);
  return stated ? Number(stated[1]) : undefined;
}

/** Pass criteria from a matrix cell: a minimum test count or a metric budget against a baseline; anything else stays prose. */
export function readPassCriteria(cell: string): { criteria?: { minTests?: { count: number }; metrics?: Array<{ name: string } & Record<string, unknown>> }; unconverted?: string } {
  const text = plainText(cell);
  const minTests = readTestMinimum(text);
  if (minTests !== undefined) return { criteria: { minTests: { count: minTests } } };
  const metric = METRIC.exec(cell.trim());
  if (metric) {
    const [, file, pointer, percent, baseline] = metric;
    const name = pointer.split('/').pop() || 'metric';
    const better = /ms|latency|time|duration|seconds|bytes|memory/i.test(name) ? 'lower' : 'higher';
    return { criteria: { metrics: [{ name, file, pointer, baseline, maxRegressionPercent: Number(percent), better }] } };
  }
  return TRIVIAL.test(text) ? {} : { unconverted: text };
}
