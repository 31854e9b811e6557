import { type ZodType, z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { type Cursor, decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import type { Access } from '../access/index.js';
import type { AuditContext } from '../audit/index.js';
import type { DecisionRecordKind, DecisionRow } from './kind.js';
import { createDecisionTransitions } from './transitions.js';

type Operation = 'list' | 'get' | 'create' | 'update' | 'delete' | 'transition';

/**
 * The HTTP face of one kind, as data: its path, tag, and per operation the operationId and description the
 * OpenAPI document shows; the kind's own zod contracts. The engine registers the same six routes for every kind.
 */
export interface DecisionApi {
  /** `/risk-acceptances`: the collection; a record is `<path>/:id`. */
  path: string;
  tag: string;
  operations: Record<Operation, { operationId: string; description: string }>;
  schemas: {
    idParams: ZodType;
    listQuery: ZodType;
    page: ZodType;
    record: ZodType;
    createBody: ZodType;
    updateBody: ZodType;
    deleteQuery: ZodType;
    transitionBody: ZodType;
  };
}

/** The kind's service, typed with its contracts by the module (methods: its inputs are the contracts' types). */
export interface DecisionRouteService<Detail> {
  detail(access: Access, id: string): Promise<Detail>;
  list(access: Access, params: never): Promise<unknown>;
  create(access: Access, audit: AuditContext, input: never): Promise<Detail>;
  update(access: Access, audit: AuditContext, id: string, version: number, input: never): Promise<Detail>;
  remove(access: Access, audit: AuditContext, id: string, version: number): Promise<void>;
}

/** List, read, create, edit, delete and transition one kind of record: the same handlers for every kind. */
export function registerDecisionRecordRoutes<S extends string, Row extends DecisionRow<S>, L extends string, Detail>(
  app: TypedApp,
  kind: DecisionRecordKind<S, Row, L, unknown>,
  api: DecisionApi,
  deps: { db: Database; clock: Clock; service: DecisionRouteService<Detail> },
) {
  const { service } = deps;
  const { path, operations: op, schemas } = api;
  const tags = [api.tag];
  const transition = createDecisionTransitions(kind, deps);
  // The contracts are the kind's; their parsed values are read here only for the fields every kind has.
  const id = (request: { params: unknown }) => (request.params as { id: string }).id;
  // Keys in the order the OpenAPI document has always listed them.
  const schemaOf = <T extends object>(operation: Operation, rest: T) => ({
    operationId: op[operation].operationId,
    tags,
    description: op[operation].description,
    ...rest,
  });

  app.get(
    path,
    { schema: schemaOf('list', { querystring: schemas.listQuery, response: { 200: schemas.page } }) },
    async (request) => {
      const access = await request.access();
      const { cursor, ...query } = request.query as { cursor?: string };
      const params: { cursor: Cursor | null } = { ...query, cursor: decodeCursor(cursor) };
      return service.list(access, params as never);
    },
  );

  app.get(
    `${path}/:id`,
    { schema: schemaOf('get', { params: schemas.idParams, response: { 200: schemas.record } }) },
    async (request) => service.detail(await request.access(), id(request)),
  );

  app.post(
    path,
    { schema: schemaOf('create', { body: schemas.createBody, response: { 201: schemas.record } }) },
    async (request, reply) => {
      const created = await service.create(await request.access(), request.audit, request.body as never);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    `${path}/:id`,
    {
      schema: schemaOf('update', {
        params: schemas.idParams,
        body: schemas.updateBody,
        response: { 200: schemas.record },
      }),
    },
    async (request) => {
      const { version, ...changes } = request.body as { version?: number };
      const access = await request.access();
      const expected = expectedVersion(request, version);
      return service.update(access, request.audit, id(request), expected, changes as never);
    },
  );

  app.delete(
    `${path}/:id`,
    {
      schema: schemaOf('delete', {
        params: schemas.idParams,
        querystring: schemas.deleteQuery,
        response: { 204: z.null() },
      }),
    },
    async (request, reply) => {
      const { version } = request.query as { version?: number };
      const access = await request.access();
      await service.remove(access, request.audit, id(request), expectedVersion(request, version));
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${path}/:id/transition`,
    {
      schema: schemaOf('transition', {
        params: schemas.idParams,
        body: schemas.transitionBody,
        response: { 200: schemas.record },
      }),
    },
    async (request) => {
      const access = await request.access();
      const { to, comment, version } = request.body as { to: S; comment?: string; version?: number };
      await transition(access, request.audit, id(request), expectedVersion(request, version), to, comment);
      return service.detail(access, id(request));
    },
  );
}
