import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { GroupsPage } from '../../features/access/GroupsPage';
import { RolesPage } from '../../features/access/RolesPage';
import { TokensPage } from '../../features/api-tokens/TokensPage';
import { AssessmentPage } from '../../features/assessments/AssessmentPage';
import { AssessmentsPage } from '../../features/assessments/AssessmentsPage';
import { AssetPage } from '../../features/assets/AssetPage';
import { AssetsPage } from '../../features/assets/AssetsPage';
import { AuditPage } from '../../features/audit/AuditPage';
import { ForgotPasswordPage } from '../../features/auth/ForgotPasswordPage';
import { LoginPage } from '../../features/auth/LoginPage';
import { ResetPasswordPage } from '../../features/auth/ResetPasswordPage';
import { ControlPage } from '../../features/controls/ControlPage';
import { ControlsPage } from '../../features/controls/ControlsPage';
import { CoveragePage } from '../../features/coverage/CoveragePage';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { EvidenceDetailPage } from '../../features/evidence/EvidenceDetailPage';
import { EvidencePage } from '../../features/evidence/EvidencePage';
import { FindingPage } from '../../features/findings/FindingPage';
import { FindingsAssessmentPage } from '../../features/findings/FindingsAssessmentPage';
import { FindingsPage } from '../../features/findings/FindingsPage';
import { FoldersPage } from '../../features/folders/FoldersPage';
import { AcceptInvitationPage } from '../../features/invitations/AcceptInvitationPage';
import { JobsPage } from '../../features/jobs/JobsPage';
import { FrameworkPage } from '../../features/library/FrameworkPage';
import { LibraryPage } from '../../features/library/LibraryPage';
import { MembersPage } from '../../features/members/MembersPage';
import { SettingsPage } from '../../features/organizations/SettingsPage';
import { OutboxPage } from '../../features/outbox/OutboxPage';
import { ProfilePage } from '../../features/profile/ProfilePage';
import { RiskAcceptancePage } from '../../features/risk-acceptances/RiskAcceptancePage';
import { RiskAcceptancesPage } from '../../features/risk-acceptances/RiskAcceptancesPage';
import { RiskAssessmentPage } from '../../features/risk-assessments/RiskAssessmentPage';
import { RiskAssessmentsPage } from '../../features/risk-assessments/RiskAssessmentsPage';
import { RiskScenarioPage } from '../../features/risk-assessments/RiskScenarioPage';
import { RiskMatricesPage } from '../../features/risk-matrices/RiskMatricesPage';
import { RiskMatrixPage } from '../../features/risk-matrices/RiskMatrixPage';
import { RiskRegisterPage } from '../../features/risk-register/RiskRegisterPage';
import { validateRegisterSearch } from '../../features/risk-register/search';
import { SecurityExceptionPage } from '../../features/security-exceptions/SecurityExceptionPage';
import { SecurityExceptionsPage } from '../../features/security-exceptions/SecurityExceptionsPage';
import { SetupPage } from '../../features/setup/SetupPage';
import { ThreatsPage } from '../../features/threats/ThreatsPage';
import { AppLayout } from '../layout/AppLayout';
import { NotFoundPage } from '../layout/NotFoundPage';
import {
  type RouterContext,
  redirectIfSignedIn,
  redirectSearch,
  requireSignedIn,
  setupStatusQuery,
  tokenSearch,
} from './guards';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (!status.needsSetup) throw redirect({ to: '/login' });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: redirectSearch,
  beforeLoad: async ({ context }) => {
    await redirectIfSignedIn(context.queryClient);
    const status = await context.queryClient.fetchQuery(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: '/setup' });
  },
  component: LoginPage,
});

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: ResetPasswordPage,
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invitation',
  validateSearch: tokenSearch,
  component: AcceptInvitationPage,
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href, location.pathname),
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/folders' });
  },
});

const foldersRoute = createRoute({ getParentRoute: () => appRoute, path: '/folders', component: FoldersPage });

const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profile', component: ProfilePage });

const tokensRoute = createRoute({ getParentRoute: () => appRoute, path: '/tokens', component: TokensPage });
const membersRoute = createRoute({ getParentRoute: () => appRoute, path: '/members', component: MembersPage });
const groupsRoute = createRoute({ getParentRoute: () => appRoute, path: '/groups', component: GroupsPage });
const rolesRoute = createRoute({ getParentRoute: () => appRoute, path: '/roles', component: RolesPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const libraryRoute = createRoute({ getParentRoute: () => appRoute, path: '/library', component: LibraryPage });
const frameworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library/$frameworkId',
  component: FrameworkPage,
});
const coverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library/$frameworkId/coverage',
  component: CoveragePage,
});
const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboard', component: DashboardPage });
const controlsRoute = createRoute({ getParentRoute: () => appRoute, path: '/controls', component: ControlsPage });
const controlRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/controls/$controlId',
  component: ControlPage,
});
const evidenceRoute = createRoute({ getParentRoute: () => appRoute, path: '/evidence', component: EvidencePage });
const evidenceDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evidence/$evidenceId',
  component: EvidenceDetailPage,
});
const assessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments',
  component: AssessmentsPage,
});
const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/$assessmentId',
  component: AssessmentPage,
});
const assetsRoute = createRoute({ getParentRoute: () => appRoute, path: '/assets', component: AssetsPage });
const assetRoute = createRoute({ getParentRoute: () => appRoute, path: '/assets/$assetId', component: AssetPage });
const threatsRoute = createRoute({ getParentRoute: () => appRoute, path: '/threats', component: ThreatsPage });
const riskMatricesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-matrices',
  component: RiskMatricesPage,
});
const riskMatrixRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-matrices/$matrixId',
  component: RiskMatrixPage,
});
const riskAssessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-assessments',
  component: RiskAssessmentsPage,
});
const riskAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-assessments/$riskAssessmentId',
  component: RiskAssessmentPage,
});
const riskRegisterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-scenarios',
  validateSearch: validateRegisterSearch,
  component: RiskRegisterPage,
});
const riskScenarioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-scenarios/$scenarioId',
  component: RiskScenarioPage,
});
const riskAcceptancesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-acceptances',
  component: RiskAcceptancesPage,
});
const riskAcceptanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/risk-acceptances/$acceptanceId',
  component: RiskAcceptancePage,
});
const securityExceptionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/security-exceptions',
  component: SecurityExceptionsPage,
});
const securityExceptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/security-exceptions/$exceptionId',
  component: SecurityExceptionPage,
});
const findingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/findings', component: FindingsPage });
const findingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/findings/$findingId',
  component: FindingPage,
});
const findingsAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/findings-assessments/$findingsAssessmentId',
  component: FindingsAssessmentPage,
});
const jobsRoute = createRoute({ getParentRoute: () => appRoute, path: '/jobs', component: JobsPage });
const outboxRoute = createRoute({ getParentRoute: () => appRoute, path: '/outbox', component: OutboxPage });
const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage });

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  forgotRoute,
  resetRoute,
  acceptInvitationRoute,
  appRoute.addChildren([
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
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
