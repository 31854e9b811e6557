import type { ImportEdge, SourceFile } from './import-graph.js';

export interface Layout {
  /** Floor name → its modules, bottom floor first. */
  floors: Readonly<Record<string, readonly string[]>>;
  decidedMutualPairs: ReadonlyArray<{ modules: readonly [string, string] }>;
  maxLines: number;
  /** Files the line limit does not apply to (generated code, translation catalogues), as path tests. */
  lineLimitExempt: readonly RegExp[];
}

/** The module a path under `modules/` belongs to, or null. */
export const moduleOf = (file: string) => (file.startsWith('modules/') ? (file.split('/')[1] ?? null) : null);

/** Tests and their fixtures may reach into any module: they arrange data the way a database would hold it. */
export const isTestSupport = (file: string) =>
  /\.test\.tsx?$/.test(file) ||
  /(^|\/)testing\.ts$/.test(file) ||
  file.startsWith('test/') ||
  /\/fixtures\//.test(file);

const isFace = (file: string, module: string) => file === `modules/${module}/index.ts`;
const isTables = (file: string) => file.endsWith('/tables.ts');

/** Every breach of the layering rules, as sentences; empty when the code keeps them. */
export function architectureViolations(files: readonly SourceFile[], edges: readonly ImportEdge[], layout: Layout) {
  const violations: string[] = [];
  const floorOf = new Map<string, number>();
  Object.values(layout.floors).forEach((modules, level) => {
    for (const module of modules) floorOf.set(module, level);
  });
  const floorName = (level: number) => Object.keys(layout.floors)[level];

  for (const module of new Set(files.map((f) => moduleOf(f.path)).filter((m): m is string => m !== null))) {
    if (module.endsWith('.ts')) continue; // modules/index.ts, modules/floors.ts
    if (!floorOf.has(module)) violations.push(`module ${module} is on no floor (add it to modules/floors.ts)`);
  }

  const pairs = new Set<string>();
  for (const { from, to } of edges) {
    if (from.startsWith('platform/') && !to.startsWith('platform/') && !isTestSupport(from)) {
      violations.push(`${from} imports ${to}: the platform knows no module`);
      continue;
    }
    const source = moduleOf(from);
    const target = moduleOf(to);
    // modules/index.ts and modules/floors.ts list every module: they are the composition, above all floors.
    const composition = (m: string) => m.endsWith('.ts');
    if (!source || !target || source === target || composition(source) || composition(target)) continue;
    if (isTestSupport(from)) continue;
    pairs.add(`${source}→${target}`);
    const up = (floorOf.get(target) ?? 0) > (floorOf.get(source) ?? 0);
    if (up) {
      violations.push(
        `${from} imports ${to}: ${source} (${floorName(floorOf.get(source) ?? 0)}) may not import ${target} ` +
          `(${floorName(floorOf.get(target) ?? 0)}), a floor above; ask a usage question instead`,
      );
    }
    // A table may reference another module's table for a foreign key; everything else goes through the face.
    if (!isFace(to, target) && !(isTables(from) && isTables(to))) {
      violations.push(`${from} imports ${to}: use the public face modules/${target}/index.ts`);
    }
  }

  const decided = new Set(layout.decidedMutualPairs.map(({ modules: [a, b] }) => [a, b].sort().join('↔')));
  const mutual = new Set<string>();
  for (const pair of pairs) {
    const [a, b] = pair.split('→') as [string, string];
    if (pairs.has(`${b}→${a}`)) mutual.add([a, b].sort().join('↔'));
  }
  for (const pair of mutual) {
    if (!decided.has(pair))
      violations.push(`${pair} use each other: break the cycle or decide it in modules/floors.ts`);
  }
  for (const pair of decided) {
    if (!mutual.has(pair)) violations.push(`${pair} is listed as a decided mutual pair but is none any more`);
  }

  for (const file of files) {
    if (file.lines > layout.maxLines && !layout.lineLimitExempt.some((re) => re.test(file.path))) {
      violations.push(`${file.path} has ${file.lines} lines (at most ${layout.maxLines}): split it by idea`);
    }
  }
  return violations;
}
