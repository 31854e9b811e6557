import type { ModuleDefinition } from '../platform/context.js';
import { accessModule } from './access/routes.js';
import { apiTokensModule } from './api-tokens/routes.js';
import { assessmentExportsModule } from './assessment-exports/routes.js';
import { assessmentsModule } from './assessments/routes.js';
import { assetsModule } from './assets/routes.js';
import { auditModule } from './audit/routes.js';
import { authModule } from './auth/routes.js';
import { controlsModule } from './controls/routes.js';
import { evidenceModule } from './evidence/routes.js';
import { findingsModule } from './findings/routes.js';
import { foldersModule } from './folders/routes.js';
import { frameworksModule } from './frameworks/routes.js';
import { invitationsModule } from './invitations/routes.js';
import { jobsModule } from './jobs/routes.js';
import { mappingInferenceModule } from './mapping-inference/routes.js';
import { membersModule } from './members/routes.js';
import { organizationsModule } from './organizations/routes.js';
import { outboxModule } from './outbox/routes.js';
import { overviewModule } from './overview/routes.js';
import { riskAcceptancesModule } from './risk-acceptances/routes.js';
import { riskAssessmentsModule } from './risk-assessments/routes.js';
import { riskExportsModule } from './risk-exports/routes.js';
import { riskMatricesModule } from './risk-matrices/routes.js';
import { riskRegisterModule } from './risk-register/routes.js';
import { securityExceptionsModule } from './security-exceptions/routes.js';
import { setupModule } from './setup/routes.js';
import { threatsModule } from './threats/routes.js';
import { usersModule } from './users/routes.js';

/** Every module of the API, in registration order. Adding a module is one line here. */
export const modules: ModuleDefinition[] = [
  setupModule,
  authModule,
  organizationsModule,
  foldersModule,
  auditModule,
  jobsModule,
  outboxModule,
  accessModule,
  membersModule,
  usersModule,
  invitationsModule,
  apiTokensModule,
  frameworksModule,
  controlsModule,
  evidenceModule,
  assessmentsModule,
  mappingInferenceModule,
  assessmentExportsModule,
  overviewModule,
  assetsModule,
  threatsModule,
  riskMatricesModule,
  riskAssessmentsModule,
  riskRegisterModule,
  riskExportsModule,
  riskAcceptancesModule,
  securityExceptionsModule,
  findingsModule,
];
