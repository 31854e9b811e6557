import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import { createDecisionLinkService } from '../decision-records/index.js';
import {
  controlLinkBody,
  controlSetBody,
  exceptionIdParams,
  exceptionLinkParams,
  requirementAssessmentLinkBody,
  requirementAssessmentSetBody,
  type SecurityExceptionDto,
  securityExceptionSchema,
} from './contracts.js';
import { securityExceptionKind } from './decision-kind.js';
import type { ExceptionLinks } from './presenter.js';

const kinds = [
  {
    kind: 'requirementAssessments',
    path: 'requirement-assessments',
    op: 'RequirementAssessment',
    noun: 'requirement assessments (of compliance assessments the caller may read)',
    setBody: requirementAssessmentSetBody,
    setField: 'requirementAssessmentIds',
    linkBody: requirementAssessmentLinkBody,
    linkField: 'requirementAssessmentId',
  },
  {
    kind: 'appliedControls',
    path: 'applied-controls',
    op: 'AppliedControl',
    noun: 'applied controls (the caller may read)',
    setBody: controlSetBody,
    setField: 'appliedControlIds',
    linkBody: controlLinkBody,
    linkField: 'appliedControlId',
  },
] as const;

/**
 * `PUT /security-exceptions/{id}/<kind>` replaces the set, `POST` adds one, `DELETE …/<kind>/{targetId}` removes
 * one; each answers the exception as GET does. No version: see link-service.ts.
 */
export function registerExceptionLinkRoutes(
  app: TypedApp,
  deps: { db: Database; detail: (access: Access, id: string) => Promise<SecurityExceptionDto> },
) {
  const { db, detail } = deps;
  const links = createDecisionLinkService(securityExceptionKind, { db });
  const tags = ['security-exceptions'];

  for (const k of kinds) {
    const kind: ExceptionLinks = k.kind;
    app.put(
      `/security-exceptions/:id/${k.path}`,
      {
        schema: {
          operationId: `setSecurityException${k.op}Links`,
          tags,
          description: `Replaces the ${k.noun} linked to the exception (security_exception:update, state draft or expired). An id the caller cannot read answers 404.`,
          params: exceptionIdParams,
          body: k.setBody,
          response: { 200: securityExceptionSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const ids = (request.body as Record<string, string[]>)[k.setField] ?? [];
        await links.replace(access, request.audit, request.params.id, kind, ids);
        return detail(access, request.params.id);
      },
    );

    app.post(
      `/security-exceptions/:id/${k.path}`,
      {
        schema: {
          operationId: `addSecurityException${k.op}Link`,
          tags,
          description: `Links one of the ${k.noun}; linking it again changes nothing. An id the caller cannot read answers 404.`,
          params: exceptionIdParams,
          body: k.linkBody,
          response: { 200: securityExceptionSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const target = (request.body as Record<string, string>)[k.linkField] ?? '';
        await links.add(access, request.audit, request.params.id, kind, target);
        return detail(access, request.params.id);
      },
    );

    app.delete(
      `/security-exceptions/:id/${k.path}/:targetId`,
      {
        schema: {
          operationId: `removeSecurityException${k.op}Link`,
          tags,
          description: `Unlinks one of the ${k.noun} (404 when it is not linked).`,
          params: exceptionLinkParams,
          response: { 200: securityExceptionSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        await links.remove(access, request.audit, request.params.id, kind, request.params.targetId);
        return detail(access, request.params.id);
      },
    );
  }
}
