/**
 * The floors of the server, bottom to top. A module imports only modules of its own floor or below, and only
 * through their public face (`index.ts`); a lower module that must know "is this in use?" asks a usage question
 * that the modules above answer (`platform/usage.ts`). `platform/` is below every floor and knows no module.
 * Checked by `src/test/architecture/architecture.test.ts`; a new module is added to a floor here.
 */
export const floors = {
  /** Organisations, people, the folder tree, permissions, sign-in and the audit trail: what every object needs. */
  kernel: [
    'organizations',
    'users',
    'folders',
    'access',
    'audit',
    'auth',
    'members',
    'invitations',
    'api-tokens',
    'setup',
    'jobs',
    'outbox',
  ],
  /** Reference material and inventories that work is done on. */
  catalogues: ['frameworks', 'controls', 'evidence', 'assets', 'threats', 'risk-matrices'],
  /**
   * Work on the catalogues: assessing, rating, accepting, excepting, finding. `decision-records` is the engine
   * (lifecycle, approver rule, links, expiry) that acceptances and exceptions configure; it uses the kernel only.
   */
  assessing: [
    'assessments',
    'risk-assessments',
    'decision-records',
    'risk-acceptances',
    'security-exceptions',
    'findings',
  ],
  /** Read views, exports and derived results across the floors below. */
  views: ['overview', 'mapping-inference', 'assessment-exports', 'risk-register', 'risk-exports'],
} as const;

export type Floor = keyof typeof floors;

/**
 * Pairs of modules of one floor that use each other, each decided rather than left to grow. Any other mutual
 * pair fails the architecture test; so does a pair listed here that no longer is one (the list must stay true).
 */
export const decidedMutualPairs: ReadonlyArray<{ modules: readonly [string, string]; why: string }> = [
  {
    modules: ['folders', 'organizations'],
    why:
      'An organisation is created with its root folder (organizations writes folders), and every folder belongs ' +
      'to an organisation (a foreign key). One act, two tables: the kernel core.',
  },
  {
    modules: ['access', 'organizations'],
    why:
      'Creating an organisation binds its creator as owner (organizations writes access), and access scoping ' +
      'needs membership status (suspended members hold nothing). The kernel core.',
  },
  {
    modules: ['access', 'folders'],
    why:
      'Grants are inherited down the folder tree (access reads folder paths) and the folders API checks ' +
      'permissions (folders uses Access). The kernel core.',
  },
  {
    modules: ['access', 'audit'],
    why:
      'Changes to roles, groups and bindings are audited (access records events), and reading the trail is ' +
      'a permission (audit routes use Access). Splitting the writer from the reader would be the way out.',
  },
  {
    modules: ['audit', 'users'],
    why: 'Profile changes are audited (users records events) and the trail shows who acted (audit reads names).',
  },
  {
    modules: ['api-tokens', 'auth'],
    why:
      'Authentication accepts API tokens (auth reads them) and only a signed-in session may manage tokens ' +
      '(api-tokens uses auth’s session check).',
  },
  {
    modules: ['controls', 'evidence'],
    why:
      'The control–evidence link table lives with evidence and references applied controls; controls list and ' +
      'link their evidence through the evidence face. One relation, read from both sides.',
  },
  {
    modules: ['risk-acceptances', 'risk-assessments'],
    why:
      'An acceptance covers scenarios (acceptances read scenarios) and the register flags scenarios whose ' +
      'acceptance is in force (risk assessments read the one in-force SQL of acceptances).',
  },
];
