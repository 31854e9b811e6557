import type { z } from 'zod';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import { idParams } from './contracts.js';
import { createScenarioLinkService, type ScenarioLinkKind } from './link-service.js';
import {
  assetLinkBody,
  assetSetBody,
  controlLinkBody,
  controlSetBody,
  linkParams,
  type RiskScenarioDto,
  riskScenarioSchema,
  threatLinkBody,
  threatSetBody,
} from './scenario-contracts.js';

interface KindRoute {
  kind: ScenarioLinkKind;
  path: string;
  op: string;
  noun: string;
  setBody: z.ZodType;
  setField: string;
  linkBody: z.ZodType;
  linkField: string;
}

const kinds: KindRoute[] = [
  {
    kind: 'threats',
    path: 'threats',
    op: 'Threat',
    noun: 'threats (built-in, or the organisation’s the caller may read)',
    setBody: threatSetBody,
    setField: 'threatIds',
    linkBody: threatLinkBody,
    linkField: 'threatId',
  },
  {
    kind: 'assets',
    path: 'assets',
    op: 'Asset',
    noun: 'assets (readable by the caller)',
    setBody: assetSetBody,
    setField: 'assetIds',
    linkBody: assetLinkBody,
    linkField: 'assetId',
  },
  {
    kind: 'existingControls',
    path: 'existing-controls',
    op: 'ExistingControl',
    noun: 'existing controls (applied controls in place, readable by the caller)',
    setBody: controlSetBody,
    setField: 'appliedControlIds',
    linkBody: controlLinkBody,
    linkField: 'appliedControlId',
  },
  {
    kind: 'plannedControls',
    path: 'planned-controls',
    op: 'PlannedControl',
    noun: 'planned controls (applied controls of the treatment plan, readable by the caller)',
    setBody: controlSetBody,
    setField: 'appliedControlIds',
    linkBody: controlLinkBody,
    linkField: 'appliedControlId',
  },
];

/**
 * `PUT /risk-scenarios/{id}/<kind>` replaces the linked set, `POST` adds one, `DELETE …/<kind>/{targetId}` removes
 * one. Each answers the scenario as GET does. No version: see link-service.ts.
 */
export function registerScenarioLinkRoutes(
  app: TypedApp,
  deps: { db: Database; detail: (access: Access, id: string) => Promise<RiskScenarioDto> },
) {
  const { db, detail } = deps;
  const links = createScenarioLinkService({ db });
  const tags = ['risk-scenarios'];

  for (const k of kinds) {
    app.put(
      `/risk-scenarios/:id/${k.path}`,
      {
        schema: {
          operationId: `setRiskScenario${k.op}Links`,
          tags,
          description: `Replaces the ${k.noun} linked to the scenario (needs risk_scenario:update). Unknown or unreadable ids answer 400 naming \`${k.setField}\`.`,
          params: idParams,
          body: k.setBody,
          response: { 200: riskScenarioSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const ids = (request.body as Record<string, string[]>)[k.setField] ?? [];
        await links.replace(access, request.audit, request.params.id, k.kind, ids);
        return detail(access, request.params.id);
      },
    );

    app.post(
      `/risk-scenarios/:id/${k.path}`,
      {
        schema: {
          operationId: `addRiskScenario${k.op}Link`,
          tags,
          description: `Links one of the ${k.noun} to the scenario; linking it again changes nothing. An id the caller cannot read answers 404.`,
          params: idParams,
          body: k.linkBody,
          response: { 200: riskScenarioSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        const target = (request.body as Record<string, string>)[k.linkField] ?? '';
        await links.add(access, request.audit, request.params.id, k.kind, target);
        return detail(access, request.params.id);
      },
    );

    app.delete(
      `/risk-scenarios/:id/${k.path}/:targetId`,
      {
        schema: {
          operationId: `removeRiskScenario${k.op}Link`,
          tags,
          description: `Unlinks one of the ${k.noun} from the scenario (404 when it is not linked).`,
          params: linkParams,
          response: { 200: riskScenarioSchema },
        },
      },
      async (request) => {
        const access = await request.access();
        await links.remove(access, request.audit, request.params.id, k.kind, request.params.targetId);
        return detail(access, request.params.id);
      },
    );
  }
}
