import type { ModuleDefinition } from '../platform/context.js';
import { accessModule } from './access/index.js';
import { apiTokensModule } from './api-tokens/index.js';
import { assessmentExportsModule } from './assessment-exports/index.js';
import { assessmentsModule } from './assessments/index.js';
import { assetsModule } from './assets/index.js';
import { auditModule } from './audit/index.js';
import { authModule } from './auth/index.js';
import { controlsModule } from './controls/index.js';
import { evidenceModule } from './evidence/index.js';
import { findingsModule } from './findings/index.js';
import { foldersModule } from './folders/index.js';
import { frameworksModule } from './frameworks/index.js';
import { invitationsModule } from './invitations/index.js';
import { jobsModule } from './jobs/index.js';
import { mappingInferenceModule } from './mapping-inference/index.js';
import { membersModule } from './members/index.js';
import { organizationsModule } from './organizations/index.js';
import { outboxModule } from './outbox/index.js';
import { overviewModule } from './overview/index.js';
import { riskAcceptancesModule } from './risk-acceptances/index.js';
import { riskAssessmentsModule } from './risk-assessments/index.js';
import { riskExportsModule } from './risk-exports/index.js';
import { riskMatricesModule } from './risk-matrices/index.js';
import { riskRegisterModule } from './risk-register/index.js';
import { securityExceptionsModule } from './security-exceptions/index.js';
import { setupModule } from './setup/index.js';
import { threatsModule } from './threats/index.js';
import { usersModule } from './users/index.js';

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
