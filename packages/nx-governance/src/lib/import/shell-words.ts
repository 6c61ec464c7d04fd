/**
 * Splits a shell command line into words the way a POSIX shell would for
 * quoting only: single and double quotes and backslashes. Anything that a
 * shell would expand or interpret ($, backquotes, globs, pipes, ;, &&,
 * redirections) is reported instead, so such a command is never converted.
 * A `#` that starts a word begins a comment, as in a shell: the rest of the
 * line is no argument (`cargo test # --release` runs `cargo test`).
 */
export function shellWords(line: string): { words: string[]; operators: string[] } {
  const words: string[] = [];
  const operators: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { words, operators: [...operators, 'unclosed quote'] };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) word += line[++j];
        else if (line[j] === '$' || line[j] === '`') {
          operators.push(line[j]);
          word += line[j];
        } else word += line[j];
      }
      if (j >= line.length) return { words, operators: [...operators, 'unclosed quote'] };
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === '#' && !inWord) {
      break;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      const two = line.slice(i, i + 2);
      if (['&&', '||', '>>', '<<', '$('].includes(two)) {
        operators.push(two);
        if (two === '&&') {
          if (inWord) words.push(word);
          words.push('&&');
          word = '';
          inWord = false;
          i++;
          continue;
        }
      } else if ('|;&<>`$*?~(){}'.includes(c)) operators.push(c);
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words, operators };
}
