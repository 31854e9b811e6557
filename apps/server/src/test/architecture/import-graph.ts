import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One relative import of one source file, resolved to the file it names (paths relative to `src/`). */
export interface ImportEdge {
  from: string;
  to: string;
}

export interface SourceFile {
  path: string;
  lines: number;
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, relative specifiers only.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every `.ts`/`.tsx` file under `root` with its line count and relative imports (a fast scan, no compiler). */
export function scanSources(root: string): { files: SourceFile[]; edges: ImportEdge[] } {
  const files: SourceFile[] = [];
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        const from = path.relative(root, full);
        files.push({ path: from, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
        for (const match of text.matchAll(IMPORT)) {
          const spec = match[1] ?? match[2] ?? '';
          const to = path.relative(root, path.resolve(path.dirname(full), spec)).replace(/\.js$/, '.ts');
          edges.push({ from, to });
        }
      }
    }
  };
  walk(root);
  return { files, edges };
}
