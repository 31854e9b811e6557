import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import {
  assetLinkBody,
  assetSetBody,
  controlLinkBody,
  controlSetBody,
  type FindingDto,
  findingSchema,
  idParams,
  linkParams,
  scenarioLinkBody,
  scenarioSetBody,
} from './contracts.js';
import type { LinkTarget } from './link-lookups.js';
import { createFindingLinkService } from './link-service.js';

const kinds = [
  {
    target: 'assets',
    path: 'assets',
    op: 'Asset',
    noun: 'assets',
    setBody: assetSetBody,
    setField: 'assetIds',
    linkBody: assetLinkBody,
    linkField: 'assetId',
  },
  {
    target: 'appliedControls',
    path: 'applied-controls',
    op: 'AppliedControl',
    noun: 'applied controls',
    setBody: controlSetBody,
    setField: 'appliedControlIds',
    linkBody: controlLinkBody,
    linkField: 'appliedControlId',
  },
  {
    target: 'riskScenarios',
    path: 'risk-scenarios',
    op: 'RiskScenario',
    noun: 'risk scenarios',
    setBody: scenarioSetBody,
    setField: 'riskScenarioIds',
    linkBody: scenarioLinkBody,
    linkField: 'riskScenarioId',
  },
] as const;

/**
 * `PUT /findings/{id}/<kind>` replaces the linked set, `POST` adds one, `DELETE …/<kind>/{targetId}` removes one.
 * Each answers the finding as GET does. The linked objects must be readable by the caller.
 */
export function registerFindingLinkRoutes(
  app: TypedApp,
  deps: { db: Database; detail: (access: Access, id: string) => Promise<FindingDto> },
) {
  const { db, detail } = deps;
  const links = createFindingLinkService({ db });
  const tags = ['findings'];

  for (const k of kinds) {
    const target: LinkTarget = k.target;
    app.put(
      `/findings/:id/${k.path}`,
      {
        schema: {
          operationId: `setFinding${k.op}Links`,
          tags,
          description: `Replaces the ${k.noun} linked to the finding (needs finding:update). Ids unknown to the organisation or unreadable by the caller answer 400 naming \`${k.setField}\`; links the caller cannot read stay.`,
          params: idParams,
          body: k.setBody,
          response: { 200: findingSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const ids = (request.body as Record<string, string[]>)[k.setField] ?? [];
        await links.replace(access, request.audit, request.params.id, target, ids);
        return detail(access, request.params.id);
      },
    );

    app.post(
      `/findings/:id/${k.path}`,
      {
        schema: {
          operationId: `addFinding${k.op}Link`,
          tags,
          description: `Links one of the ${k.noun} to the finding; linking it again changes nothing. One the caller cannot read answers 404.`,
          params: idParams,
          body: k.linkBody,
          response: { 200: findingSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const targetId = (request.body as Record<string, string>)[k.linkField] ?? '';
        await links.add(access, request.audit, request.params.id, target, targetId);
        return detail(access, request.params.id);
      },
    );

    app.delete(
      `/findings/:id/${k.path}/:targetId`,
      {
        schema: {
          operationId: `removeFinding${k.op}Link`,
          tags,
          description: `Unlinks one of the ${k.noun} from the finding (404 when it is not linked).`,
          params: linkParams,
          response: { 200: findingSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        await links.remove(access, request.audit, request.params.id, target, request.params.targetId);
        return detail(access, request.params.id);
      },
    );
  }
}
