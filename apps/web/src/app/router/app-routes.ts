import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { validateTokensSearch } from '../../features/api-tokens/search';
import { validateAssessmentsSearch } from '../../features/assessments/search';
import { validateAssetsSearch } from '../../features/assets/search';
import { validateAuditSearch } from '../../features/audit/search';
import { validateControlsSearch } from '../../features/controls/search';
import { validateEvidenceSearch } from '../../features/evidence/search';
import { validateFindingsPageSearch } from '../../features/findings/search';
import { validateJobsSearch } from '../../features/jobs/search';
import { validateLibrarySearch } from '../../features/library/search';
import { validateMembersSearch } from '../../features/members/search';
import { validateAcceptancesSearch } from '../../features/risk-acceptances/search';
import { validateRiskAssessmentsSearch } from '../../features/risk-assessments/search';
import { validateMatricesSearch } from '../../features/risk-matrices/search';
import { validateRegisterSearch } from '../../features/risk-register/search';
import { validateExceptionsSearch } from '../../features/security-exceptions/search';
import { validateThreatsSearch } from '../../features/threats/search';
import { appRoute } from './root-routes';

// Signed-in pages. Each page's code is its own chunk, fetched when its route is first matched (or when a link to it
// is hovered: the router preloads on intent), so the sign-in page does not download the whole application.

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/folders' });
  },
});

const foldersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/folders',
  component: lazyRouteComponent(() => import('../../features/folders/FoldersPage'), 'FoldersPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../../features/profile/ProfilePage'), 'ProfilePage'),
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tokens',
  validateSearch: validateTokensSearch,
  component: lazyRouteComponent(() => import('../../features/api-tokens/TokensPage'), 'TokensPage'),
});
const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/members',
  validateSearch: validateMembersSearch,
  component: lazyRouteComponent(() => import('../../features/members/MembersPage'), 'MembersPage'),
});
const groupsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/groups',
  component: lazyRouteComponent(() => import('../../features/access/GroupsPage'), 'GroupsPage'),
});
const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roles',
  component: lazyRouteComponent(() => import('../../features/access/RolesPage'), 'RolesPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('../../features/audit/AuditPage'), 'AuditPage'),
});
const libraryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library',
  validateSearch: validateLibrarySearch,
  component: lazyRouteComponent(() => import('../../features/library/LibraryPage'), 'LibraryPage'),
});
const frameworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library/$frameworkId',
  component: lazyRouteComponent(() => import('../../features/library/FrameworkPage'), 'FrameworkPage'),
});
const coverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library/$frameworkId/coverage',
  component: lazyRouteComponent(() => import('../../features/coverage/CoveragePage'), 'CoveragePage'),
});
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: lazyRouteComponent(() => import('../../features/dashboard/DashboardPage'), 'DashboardPage'),
});
const controlsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/controls',
  validateSearch: validateControlsSearch,
  component: lazyRouteComponent(() => import('../../features/controls/ControlsPage'), 'ControlsPage'),
});
const controlRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/controls/$controlId',
  component: lazyRouteComponent(() => import('../../features/controls/ControlPage'), 'ControlPage'),
});
const evidenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evidence',
  validateSearch: validateEvidenceSearch,
  component: lazyRouteComponent(() => import('../../features/evidence/EvidencePage'), 'EvidencePage'),
});
const evidenceDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evidence/$evidenceId',
  component: lazyRouteComponent(() => import('../../features/evidence/EvidenceDetailPage'), 'EvidenceDetailPage'),
});
const assessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments',
  validateSearch: validateAssessmentsSearch,
  component: lazyRouteComponent(() => import('../../features/assessments/AssessmentsPage'), 'AssessmentsPage'),
});
const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/$assessmentId',
  component: lazyRouteComponent(() => import('../../features/assessments/AssessmentPage'), 'AssessmentPage'),
});
const assetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assets',
  validateSearch: validateAssetsSearch,
  component: lazyRouteComponent(() => import('../../features/assets/AssetsPage'), 'AssetsPage'),
});
const assetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assets/$assetId',
  component: lazyRouteComponent(() => import('../../features/assets/AssetPage'), 'AssetPage'),
});
const threatsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/threats',
  validateSearch: validateThreatsSearch,
  component: lazyRouteComponent(() => import('../../features/threats/ThreatsPage'), 'ThreatsPage'),
});
const riskMatricesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-matrices',
  validateSearch: validateMatricesSearch,
  component: lazyRouteComponent(() => import('../../features/risk-matrices/RiskMatricesPage'), 'RiskMatricesPage'),
});
const riskMatrixRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-matrices/$matrixId',
  component: lazyRouteComponent(() => import('../../features/risk-matrices/RiskMatrixPage'), 'RiskMatrixPage'),
});
const riskAssessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-assessments',
  validateSearch: validateRiskAssessmentsSearch,
  component: lazyRouteComponent(
    () => import('../../features/risk-assessments/RiskAssessmentsPage'),
    'RiskAssessmentsPage',
  ),
});
const riskAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-assessments/$riskAssessmentId',
  component: lazyRouteComponent(
    () => import('../../features/risk-assessments/RiskAssessmentPage'),
    'RiskAssessmentPage',
  ),
});
const riskRegisterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-scenarios',
  validateSearch: validateRegisterSearch,
  component: lazyRouteComponent(() => import('../../features/risk-register/RiskRegisterPage'), 'RiskRegisterPage'),
});
const riskScenarioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-scenarios/$scenarioId',
  component: lazyRouteComponent(() => import('../../features/risk-assessments/RiskScenarioPage'), 'RiskScenarioPage'),
});
const riskAcceptancesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-acceptances',
  validateSearch: validateAcceptancesSearch,
  component: lazyRouteComponent(
    () => import('../../features/risk-acceptances/RiskAcceptancesPage'),
    'RiskAcceptancesPage',
  ),
});
const riskAcceptanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-acceptances/$acceptanceId',
  component: lazyRouteComponent(
    () => import('../../features/risk-acceptances/RiskAcceptancePage'),
    'RiskAcceptancePage',
  ),
});
const securityExceptionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/security-exceptions',
  validateSearch: validateExceptionsSearch,
  component: lazyRouteComponent(
    () => import('../../features/security-exceptions/SecurityExceptionsPage'),
    'SecurityExceptionsPage',
  ),
});
const securityExceptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/security-exceptions/$exceptionId',
  component: lazyRouteComponent(
    () => import('../../features/security-exceptions/SecurityExceptionPage'),
    'SecurityExceptionPage',
  ),
});
const findingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/findings',
  validateSearch: validateFindingsPageSearch,
  component: lazyRouteComponent(() => import('../../features/findings/FindingsPage'), 'FindingsPage'),
});
const findingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/findings/$findingId',
  component: lazyRouteComponent(() => import('../../features/findings/FindingPage'), 'FindingPage'),
});
const findingsAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/findings-assessments/$findingsAssessmentId',
  component: lazyRouteComponent(
    () => import('../../features/findings/FindingsAssessmentPage'),
    'FindingsAssessmentPage',
  ),
});
const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/jobs',
  validateSearch: validateJobsSearch,
  component: lazyRouteComponent(() => import('../../features/jobs/JobsPage'), 'JobsPage'),
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  component: lazyRouteComponent(() => import('../../features/outbox/OutboxPage'), 'OutboxPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('../../features/organizations/SettingsPage'), 'SettingsPage'),
});

export const appPageRoutes = [
  indexRoute,
  foldersRoute,
  profileRoute,
  tokensRoute,
  membersRoute,
  groupsRoute,
  rolesRoute,
  auditRoute,
  libraryRoute,
  frameworkRoute,
  coverageRoute,
  dashboardRoute,
  controlsRoute,
  controlRoute,
  evidenceRoute,
  evidenceDetailRoute,
  assessmentsRoute,
  assessmentRoute,
  assetsRoute,
  assetRoute,
  threatsRoute,
  riskMatricesRoute,
  riskMatrixRoute,
  riskAssessmentsRoute,
  riskAssessmentRoute,
  riskRegisterRoute,
  riskScenarioRoute,
  riskAcceptancesRoute,
  riskAcceptanceRoute,
  securityExceptionsRoute,
  securityExceptionRoute,
  findingsRoute,
  findingRoute,
  findingsAssessmentRoute,
  jobsRoute,
  outboxRoute,
  settingsRoute,
] as const;
