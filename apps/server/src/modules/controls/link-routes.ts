import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import {
  type AppliedControlDto,
  appliedControlSchema,
  controlIdParams,
  evidenceLinkBody,
  evidenceSetBody,
  linkParams,
  referenceControlLinkBody,
  referenceControlSetBody,
  requirementLinkBody,
  requirementSetBody,
} from './contracts.js';
import { createControlLinkService, type LinkKind } from './link-service.js';

/** One table row per link kind: its path segment, body schemas and the body field that names the target. */
const kinds = [
  {
    kind: 'requirements',
    path: 'requirements',
    op: 'Requirement',
    noun: 'requirement nodes (of any framework the organisation can see)',
    setBody: requirementSetBody,
    setField: 'requirementNodeIds',
    linkBody: requirementLinkBody,
    linkField: 'requirementNodeId',
  },
  {
    kind: 'referenceControls',
    path: 'reference-controls',
    op: 'ReferenceControl',
    noun: 'reference controls (the library’s or the organisation’s)',
    setBody: referenceControlSetBody,
    setField: 'referenceControlIds',
    linkBody: referenceControlLinkBody,
    linkField: 'referenceControlId',
  },
  {
    kind: 'evidence',
    path: 'evidence',
    op: 'Evidence',
    noun: 'evidence (of the organisation, readable by the caller)',
    setBody: evidenceSetBody,
    setField: 'evidenceIds',
    linkBody: evidenceLinkBody,
    linkField: 'evidenceId',
  },
] as const;

/**
 * `PUT /applied-controls/{id}/<kind>` replaces the linked set, `POST` adds one link, `DELETE …/<kind>/{targetId}`
 * removes one. Each answers the control as GET does. No version: see link-service.ts.
 */
export function registerControlLinkRoutes(
  app: TypedApp,
  deps: { db: Database; detail: (access: Access, id: string) => Promise<AppliedControlDto> },
) {
  const { db, detail } = deps;
  const links = createControlLinkService({ db });
  const tags = ['applied-controls'];

  for (const k of kinds) {
    const kind: LinkKind = k.kind;
    app.put(
      `/applied-controls/:id/${k.path}`,
      {
        schema: {
          operationId: `setAppliedControl${k.op}Links`,
          tags,
          description: `Replaces the ${k.noun} linked to the control (needs applied_control:update). Unknown or unreachable ids answer 400 naming \`${k.setField}\`.`,
          params: controlIdParams,
          body: k.setBody,
          response: { 200: appliedControlSchema },
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
      `/applied-controls/:id/${k.path}`,
      {
        schema: {
          operationId: `addAppliedControl${k.op}Link`,
          tags,
          description: `Links one of the ${k.noun} to the control; linking it again changes nothing. An id the organisation cannot reach answers 404.`,
          params: controlIdParams,
          body: k.linkBody,
          response: { 200: appliedControlSchema },
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
      `/applied-controls/:id/${k.path}/:targetId`,
      {
        schema: {
          operationId: `removeAppliedControl${k.op}Link`,
          tags,
          description: `Unlinks one of the ${k.noun} from the control (404 when it is not linked).`,
          params: linkParams,
          response: { 200: appliedControlSchema },
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
