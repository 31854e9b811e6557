import type {
  ImplementationGroupDefinition,
  importanceValues,
  mappingRelationships,
  ScoreDefinition,
  Translations,
} from './tables.js';

/**
 * What every importer produces and the one library writer persists: a format-neutral description of a library
 * file (frameworks, reference controls, mapping sets). Importers are pure functions text → LibraryContent, so
 * each format is unit-tested without a database, and only the writer knows the tables.
 */
export interface LibraryContent {
  /** Which importer read it, and the file's SHA-256 (for idempotency). */
  sourceFormat: 'oscal_catalog' | 'ciso_assistant' | 'rampart' | 'owasp_asvs' | 'builtin';
  sourceSha256: string;
  frameworks: FrameworkContent[];
  referenceControls: ReferenceControlContent[];
  mappingSets: MappingSetContent[];
}

export interface FrameworkContent {
  urn: string;
  refId: string;
  name: string;
  description?: string | null;
  frameworkVersion: string;
  provider?: string | null;
  packager?: string | null;
  locale?: string;
  copyright?: string | null;
  implementationGroups: ImplementationGroupDefinition[];
  minScore?: number | null;
  maxScore?: number | null;
  scoresDefinition?: ScoreDefinition[] | null;
  translations?: Translations | null;
  /** Depth-first order: a node's parent always comes before it. */
  nodes: RequirementNodeContent[];
}

export interface RequirementNodeContent {
  urn: string;
  /** URN of the parent node; null/undefined for top-level nodes. */
  parentUrn?: string | null;
  refId?: string | null;
  name?: string | null;
  description?: string | null;
  annotation?: string | null;
  assessable: boolean;
  implementationGroups?: string[];
  weight?: number;
  importance?: (typeof importanceValues)[number] | null;
  typicalEvidence?: string | null;
  withdrawn?: boolean;
  translations?: Translations | null;
  /** URNs of reference controls this requirement proposes. */
  referenceControlUrns?: string[];
  extra?: Record<string, unknown> | null;
}

export interface ReferenceControlContent {
  urn: string;
  refId?: string | null;
  name?: string | null;
  description?: string | null;
  category?: string | null;
  csfFunction?: string | null;
  annotation?: string | null;
  provider?: string | null;
  translations?: Translations | null;
}

export interface MappingSetContent {
  urn: string;
  refId?: string | null;
  name: string;
  description?: string | null;
  sourceFrameworkUrn: string;
  targetFrameworkUrn: string;
  provider?: string | null;
  rules: {
    sourceRequirementUrn: string;
    targetRequirementUrn: string;
    relationship: (typeof mappingRelationships)[number];
    rationale?: string | null;
    strength?: number | null;
  }[];
}

/**
 * A problem in an imported file, located as precisely as the format allows: the file, a path inside the
 * document (JSON pointer or YAML path) and the line when the parser knows it.
 */
export interface LibraryIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export class LibraryFormatError extends Error {
  constructor(readonly issues: LibraryIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `${i.file}${i.line ? `:${i.line}` : ''} ${i.path}: ${i.message}`)
        .join('; '),
    );
    this.name = 'LibraryFormatError';
  }
}
