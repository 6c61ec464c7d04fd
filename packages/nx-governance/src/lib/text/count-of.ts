/** A count with its noun agreeing: `1 new failure`, `2 new failures`, `0 tier changes`. */
export const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
