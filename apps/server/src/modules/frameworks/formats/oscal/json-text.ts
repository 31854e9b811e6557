import { LibraryFormatError } from '../../library-content.js';

/**
 * JSON.parse is fast but its messages rarely say where a file is broken (Node 20: "Unexpected end of JSON input").
 * When it fails, this scanner walks the text once more to find the line and column of the first error, so a
 * user can open the file at the right place. It also finds the line of a JSON pointer for shape errors.
 */
export function parseJsonLocated(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = scan(text, null);
    const where = found.error ?? { offset: text.length, message: (error as Error).message };
    const { line, column } = lineColumn(text, where.offset);
    throw new LibraryFormatError([
      { file, path: '', line, message: `Invalid JSON at line ${line}, column ${column}: ${where.message}` },
    ]);
  }
}

/** The 1-based line where the value at each pointer starts (pointers that do not exist are left out). */
export function linesOfPointers(text: string, pointers: string[]): Map<string, number> {
  const wanted = new Set(pointers);
  const offsets = scan(text, wanted).found;
  const lines = new Map<string, number>();
  for (const [pointer, offset] of offsets) lines.set(pointer, lineColumn(text, offset).line);
  return lines;
}

export const pointerOf = (path: readonly PropertyKey[]) =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function lineColumn(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface ScanResult {
  error: { offset: number; message: string } | null;
  found: Map<string, number>;
}

/** A recursive-descent JSON checker that records where values start; stops at the first error. */
function scan(text: string, wanted: Set<string> | null): ScanResult {
  const found = new Map<string, number>();
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string): never => {
    throw new Stop(i, i >= text.length ? 'the file ends too early (truncated?)' : message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = () => {
    const start = ++i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) return text.slice(start, i++);
      if (c === 92) i++;
      else if (c < 32) fail('control character in a string');
      i++;
    }
    return fail('unterminated string');
  };
  const value = (pointer: string, depth: number): void => {
    if (depth > 200) fail('nesting is too deep');
    ws();
    if (wanted?.has(pointer)) found.set(pointer, i);
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail(`expected a property name in double quotes, found ${show(text, i)}`);
        const key = string();
        ws();
        if (text.charAt(i) !== ':') fail(`expected ':' after property name, found ${show(text, i)}`);
        i++;
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') return void i++;
        else fail(`expected ',' or '}' after a property value, found ${show(text, i)}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${pointer}/${index}`, depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') return void i++;
        else fail(`expected ',' or ']' after an array element, found ${show(text, i)}`);
      }
    }
    if (c === '"') return void string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(`unexpected ${show(text, i)}`);
    i += literal?.[0].length ?? 0;
  };
  try {
    value('', 0);
    ws();
    if (i < text.length) fail(`unexpected ${show(text, i)} after the end of the document`);
    return { error: null, found };
  } catch (stop) {
    if (stop instanceof Stop) return { error: { offset: stop.offset, message: stop.message }, found };
    throw stop;
  }
}

const show = (text: string, at: number) =>
  at >= text.length ? 'the end of the file' : JSON.stringify(text.charAt(at));
