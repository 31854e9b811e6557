import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { LibraryFormatError } from '../../library-content.js';

export type PathSegment = string | number;

/** A parsed YAML (or JSON) file that can still say on which line any path of its data starts. */
export interface LocatedYaml {
  data: unknown;
  lineOf(path: readonly PathSegment[]): number | undefined;
}

/** Library files are data, not object graphs: a handful of aliases is plenty and caps "billion laughs" input. */
const MAX_ALIASES = 100;

/**
 * Parses YAML keeping line information, so validation errors found later on the plain data can be reported at
 * the line where the offending value (or, for a missing field, its parent) is written. Duplicate keys are an
 * error: a library where `urn` appears twice is ambiguous, and silently taking the last one hides mistakes.
 */
export function parseYamlLocated(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // A pathologically nested document can exhaust the parser's stack: that is a bad file, not a server fault.
    throw new LibraryFormatError([{ file, path: '', message: `Invalid YAML: ${firstLine((error as Error).message)}` }]);
  }
  if (doc.errors.length > 0) {
    throw new LibraryFormatError(
      doc.errors.slice(0, 20).map((error) => ({
        file,
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        message: `Invalid YAML: ${firstLine(error.message)}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new LibraryFormatError([{ file, path: '', message: `Invalid YAML: ${firstLine((error as Error).message)}` }]);
  }
  const lineAt = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);

  return {
    data,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = lineAt(doc.contents);
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
          if (!pair) break;
          line = lineAt(pair.key as Node) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as Node | undefined;
          if (!item) break;
          line = lineAt(item) ?? line;
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}

/** `objects.framework.requirement_nodes[3].parent_urn` — how YAML users name a place in their file. */
export function yamlPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

const firstLine = (message: string) => message.split('\n')[0] ?? message;
