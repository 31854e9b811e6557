import type { AssessmentHeader, ExportRow } from '../load.js';
import { summarise } from '../summary.js';
import { derivedUuid, oscalControlId } from './oscal-ids.js';

export const OSCAL_VERSION = '1.1.2';
/** Namespace of Rampart's own OSCAL props (OSCAL requires one for names outside its own vocabulary). */
export const RAMPART_NS = 'https://rampart.dev/ns/oscal';
/**
 * Rampart has no OSCAL assessment plan to point at; `import-ap` is required, so it names a placeholder. A tool
 * that resolves it must be told the plan lives elsewhere (documented with the export).
 */
export const PLACEHOLDER_PLAN_HREF = '#rampart-assessment-plan-not-exported';

const satisfied = new Set(['compliant', 'not_applicable']);

/**
 * The assessment as OSCAL 1.1.2 assessment-results: one result whose findings are the assessed requirements
 * (result other than not_assessed), each targeting its control id with satisfied / not-satisfied and Rampart's
 * own result as a prop; observation texts become OSCAL observations linked from their finding.
 */
export function assessmentToOscalResults(header: AssessmentHeader, rows: ExportRow[], exportedAt: Date) {
  const assessed = rows.filter((r) => r.assessment && r.assessment.result !== 'not_assessed');
  const summary = summarise(rows);
  const observations: Record<string, unknown>[] = [];
  const findings = assessed.map((row) => {
    const ra = row.assessment as NonNullable<ExportRow['assessment']>;
    const controlId = oscalControlId(row);
    const observationUuid = derivedUuid(header.id, ra.id, 'observation');
    const hasObservation = Boolean(ra.observation?.trim()) || ra.evidence.length > 0;
    if (hasObservation) {
      observations.push({
        uuid: observationUuid,
        title: `Observation on ${row.refId ?? controlId}`,
        description: ra.observation?.trim() || `Evidence reviewed for ${row.refId ?? controlId}.`,
        methods: ['EXAMINE'],
        types: ['control-objective'],
        ...(ra.evidence.length > 0 ? { 'relevant-evidence': ra.evidence.map((e) => ({ description: e.name })) } : {}),
        collected: ra.updatedAt.toISOString(),
      });
    }
    return {
      uuid: derivedUuid(header.id, ra.id, 'finding'),
      title: [row.refId, row.name].filter(Boolean).join(' ') || controlId,
      description: `Rampart result for ${row.refId ?? controlId}: ${ra.result.replace(/_/g, ' ')}.`,
      props: [
        { name: 'result', ns: RAMPART_NS, value: ra.result },
        { name: 'requirement-urn', ns: RAMPART_NS, value: row.urn },
        ...(ra.isScored && ra.score !== null ? [{ name: 'score', ns: RAMPART_NS, value: String(ra.score) }] : []),
        ...(ra.inferred ? [{ name: 'inferred', ns: RAMPART_NS, value: 'true' }] : []),
      ],
      target: {
        type: 'objective-id',
        'target-id': controlId,
        status: {
          state: satisfied.has(ra.result) ? 'satisfied' : 'not-satisfied',
          ...(ra.result === 'not_applicable' ? { reason: 'not-applicable' } : {}),
        },
      },
      ...(ra.controls.length > 0
        ? {
            remarks: `Applied controls: ${ra.controls.map((c) => (c.refId ? `${c.refId} ${c.name}` : c.name)).join('; ')}`,
          }
        : {}),
      ...(hasObservation ? { 'related-observations': [{ 'observation-uuid': observationUuid }] } : {}),
    };
  });
  const controlIds = [...new Set(rows.filter((r) => r.assessment).map(oscalControlId))];

  return {
    'assessment-results': {
      uuid: derivedUuid(header.id, 'assessment-results', exportedAt.toISOString()),
      metadata: {
        title: `${header.name} — assessment results`,
        'last-modified': exportedAt.toISOString(),
        version: String(header.version),
        'oscal-version': OSCAL_VERSION,
        props: [
          { name: 'assessment-id', ns: RAMPART_NS, value: header.id },
          { name: 'framework-urn', ns: RAMPART_NS, value: header.framework.urn },
          { name: 'framework-version', ns: RAMPART_NS, value: header.framework.frameworkVersion },
        ],
        parties: [
          { uuid: derivedUuid(header.organizationId, 'party'), type: 'organization', name: header.organizationName },
        ],
      },
      'import-ap': {
        href: PLACEHOLDER_PLAN_HREF,
        remarks: 'Placeholder: Rampart does not export the assessment plan this result belongs to.',
      },
      results: [
        {
          uuid: derivedUuid(header.id, 'result'),
          title: header.name,
          description:
            `Assessment of ${header.framework.name} (${header.framework.frameworkVersion}). ` +
            `${summary.assessed} of ${summary.requirements} requirements assessed` +
            (summary.compliancePercent === null ? '.' : `, ${summary.compliancePercent}% of applicable compliant.`),
          start: header.createdAt.toISOString(),
          ...(header.lockedAt ? { end: header.lockedAt.toISOString() } : {}),
          props: [{ name: 'status', ns: RAMPART_NS, value: header.status }],
          'reviewed-controls': {
            'control-selections': [
              controlIds.length > 0
                ? { 'include-controls': controlIds.map((id) => ({ 'control-id': id })) }
                : { 'include-all': {} },
            ],
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
    },
  };
}
