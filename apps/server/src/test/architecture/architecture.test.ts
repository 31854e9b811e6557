import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { decidedMutualPairs, floors } from '../../modules/floors.js';
import { scanSources } from './import-graph.js';
import { architectureViolations, type Layout } from './rules.js';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webRoot = path.resolve(serverSrc, '../../web');

const layout: Layout = {
  floors,
  decidedMutualPairs,
  maxLines: 400,
  // Generated from the OpenAPI document; translation catalogues are data in four languages, not code.
  lineLimitExempt: [/schema\.d\.ts$/, /(^|\/)i18n(\.ts$|\/)/],
};

describe('architecture', () => {
  it('the server keeps its floors, faces and file sizes', () => {
    const { files, edges } = scanSources(serverSrc);
    expect(files.length).toBeGreaterThan(300);
    expect(architectureViolations(files, edges, layout)).toEqual([]);
  });

  it('the web app keeps its file sizes', () => {
    const src = scanSources(path.join(webRoot, 'src'));
    const e2e = scanSources(path.join(webRoot, 'e2e'));
    expect(src.files.length).toBeGreaterThan(100);
    const noEdges = { floors: {}, decidedMutualPairs: [] };
    expect(architectureViolations(src.files, [], { ...layout, ...noEdges })).toEqual([]);
    expect(architectureViolations(e2e.files, [], { ...layout, ...noEdges })).toEqual([]);
  });

  describe('fails on what it must refuse', () => {
    const small: Layout = {
      floors: { kernel: ['folders', 'access'], catalogues: ['controls'], assessing: ['assessments'] },
      decidedMutualPairs: [],
      maxLines: 400,
      lineLimitExempt: [],
    };
    const file = (p: string, lines = 10) => ({ path: p, lines });
    const files = ['folders', 'access', 'controls', 'assessments'].map((m) => file(`modules/${m}/service.ts`));

    it('an upward import', () => {
      const edges = [{ from: 'modules/controls/service.ts', to: 'modules/assessments/index.ts' }];
      expect(architectureViolations(files, edges, small)).toEqual([
        expect.stringMatching(/controls \(catalogues\) may not import assessments \(assessing\), a floor above/),
      ]);
    });

    it("another module's tables outside its face (a table's foreign key excepted)", () => {
      const edges = [
        { from: 'modules/assessments/queries.ts', to: 'modules/controls/tables.ts' },
        { from: 'modules/assessments/tables.ts', to: 'modules/controls/tables.ts' },
        { from: 'modules/assessments/queries.ts', to: 'modules/controls/index.ts' },
      ];
      expect(architectureViolations(files, edges, small)).toEqual([
        'modules/assessments/queries.ts imports modules/controls/tables.ts: use the public face modules/controls/index.ts',
      ]);
    });

    it('the platform importing a module', () => {
      const edges = [{ from: 'platform/db/prepare.ts', to: 'modules/folders/index.ts' }];
      expect(architectureViolations(files, edges, small)).toEqual([
        'platform/db/prepare.ts imports modules/folders/index.ts: the platform knows no module',
      ]);
    });

    it('an undecided mutual pair, and a decided one that is gone', () => {
      const edges = [
        { from: 'modules/folders/service.ts', to: 'modules/access/index.ts' },
        { from: 'modules/access/service.ts', to: 'modules/folders/index.ts' },
      ];
      expect(architectureViolations(files, edges, small)).toEqual([
        expect.stringMatching(/^access↔folders use each other/),
      ]);
      const decided = { ...small, decidedMutualPairs: [{ modules: ['access', 'folders'] as const }] };
      expect(architectureViolations(files, edges, decided)).toEqual([]);
      expect(architectureViolations(files, [], decided)).toEqual([
        'access↔folders is listed as a decided mutual pair but is none any more',
      ]);
    });

    it('a module on no floor, and a file over the limit', () => {
      const more = [...files, file('modules/incidents/service.ts', 401), file('modules/incidents/i18n.ts', 900)];
      expect(architectureViolations(more, [], { ...small, lineLimitExempt: [/i18n\.ts$/] })).toEqual([
        'module incidents is on no floor (add it to modules/floors.ts)',
        'modules/incidents/service.ts has 401 lines (at most 400): split it by idea',
      ]);
    });
  });

  // Faces make module-level cycles visible to ESM: a value used at load time (a constant, a zod schema) by a
  // module of a decided mutual pair is undefined when the load starts from the other side. Start from each.
  it('every face and every module definition loads first in a fresh module graph', async () => {
    const { files } = scanSources(serverSrc);
    const entries = files.map((f) => f.path).filter((p) => /^modules\/[^/]+\/(index|routes)\.ts$/.test(p));
    expect(entries.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const entry of entries) {
      vi.resetModules();
      await import(path.join(serverSrc, entry)).catch((error: Error) => failures.push(`${entry}: ${error.message}`));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('reads imports of every form', () => {
    const { edges } = scanSources(path.join(serverSrc, 'test/architecture'));
    const fromTest = edges.filter((e) => e.from === 'architecture.test.ts').map((e) => e.to);
    expect(fromTest).toEqual(['../../modules/floors.ts', 'import-graph.ts', 'rules.ts']);
  });
});
