import * as accessI18n from '../../features/access/i18n';
import * as tokensI18n from '../../features/api-tokens/i18n';
import * as assessmentExportsI18n from '../../features/assessment-exports/i18n';
import * as assessmentsI18n from '../../features/assessments/i18n';
import * as assetsI18n from '../../features/assets/i18n';
import * as auditI18n from '../../features/audit/i18n';
import * as authI18n from '../../features/auth/i18n';
import * as controlsI18n from '../../features/controls/i18n';
import * as dashboardI18n from '../../features/dashboard/i18n';
import * as evidenceI18n from '../../features/evidence/i18n';
import * as findingsI18n from '../../features/findings/i18n';
import * as foldersI18n from '../../features/folders/i18n';
import * as jobsI18n from '../../features/jobs/i18n';
import * as libraryI18n from '../../features/library/i18n';
import * as membersI18n from '../../features/members/i18n';
import * as organizationsI18n from '../../features/organizations/i18n';
import * as outboxI18n from '../../features/outbox/i18n';
import * as profileI18n from '../../features/profile/i18n';
import * as riskAcceptancesI18n from '../../features/risk-acceptances/i18n';
import * as riskAssessmentEditI18n from '../../features/risk-assessments/edit-i18n';
import * as scenarioHistoryI18n from '../../features/risk-assessments/history-i18n';
import * as riskAssessmentsI18n from '../../features/risk-assessments/i18n';
import * as riskExportsI18n from '../../features/risk-exports/i18n';
import * as riskMatricesI18n from '../../features/risk-matrices/i18n';
import * as riskRegisterI18n from '../../features/risk-register/i18n';
import * as securityExceptionsI18n from '../../features/security-exceptions/i18n';
import * as threatsI18n from '../../features/threats/i18n';
import * as common from './common';

export const locales = ['en', 'fr', 'de', 'nl'] as const;
export type Locale = (typeof locales)[number];

/** One namespace per feature; each feature file holds its four languages side by side. */
const namespaces = {
  common,
  auth: authI18n,
  folders: foldersI18n,
  profile: profileI18n,
  tokens: tokensI18n,
  members: membersI18n,
  access: accessI18n,
  audit: auditI18n,
  jobs: jobsI18n,
  library: libraryI18n,
  controls: controlsI18n,
  evidence: evidenceI18n,
  assessments: assessmentsI18n,
  dashboard: dashboardI18n,
  assessmentExports: assessmentExportsI18n,
  outbox: outboxI18n,
  organizations: organizationsI18n,
  assets: assetsI18n,
  threats: threatsI18n,
  riskMatrices: riskMatricesI18n,
  riskAssessments: riskAssessmentsI18n,
  scenarioHistory: scenarioHistoryI18n,
  riskAssessmentEdit: riskAssessmentEditI18n,
  riskRegister: riskRegisterI18n,
  riskExports: riskExportsI18n,
  riskAcceptances: riskAcceptancesI18n,
  securityExceptions: securityExceptionsI18n,
  findings: findingsI18n,
};
type Namespaces = typeof namespaces;
export type Resources = { [N in keyof Namespaces]: Namespaces[N]['en'] };

export const resources = Object.fromEntries(
  locales.map((locale) => [
    locale,
    Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages[locale]])),
  ]),
) as Record<Locale, Resources>;
