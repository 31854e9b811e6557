import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import {
  appliedControlPage,
  appliedControlSchema,
  controlIdParams,
  createControlBody,
  deleteQuery,
  listControlsQuery,
  updateControlBody,
} from './contracts.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerControlLinkRoutes } from './link-routes.js';
import { createControlService } from './service.js';

export const controlsModule: ModuleDefinition = {
  name: 'controls',
  answers: folderContentsAnswers,
  register(app, { db, usage }) {
    const service = createControlService({ db, usage });
    const tags = ['applied-controls'];

    app.get(
      '/applied-controls',
      {
        schema: {
          operationId: 'listAppliedControls',
          tags,
          description:
            'Applied controls in the folders the caller may read, one page at a time, with filters on text, status, ' +
            'category, CSF function, folder subtree, owner, linked requirement and attached evidence.',
          querystring: listControlsQuery,
          response: { 200: appliedControlPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/applied-controls/:id',
      {
        schema: {
          operationId: 'getAppliedControl',
          tags,
          description:
            'One applied control with its owners, linked requirements (with their framework), reference controls ' +
            'and the attached evidence the caller may read.',
          params: controlIdParams,
          response: { 200: appliedControlSchema },
        },
      },
      async (request) => {
        return service.detail(await request.access(), request.params.id);
      },
    );

    app.post(
      '/applied-controls',
      {
        schema: {
          operationId: 'createAppliedControl',
          tags,
          description: 'Creates an applied control in `folderId` (needs applied_control:create there).',
          body: createControlBody,
          response: { 201: appliedControlSchema },
        },
      },
      async (request, reply) => {
        const control = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(control);
      },
    );

    app.patch(
      '/applied-controls/:id',
      {
        schema: {
          operationId: 'updateAppliedControl',
          tags,
          description:
            'Changes fields of an applied control; `null` clears an optional field, `ownerIds` replaces the owners, ' +
            '`folderId` moves it (needs applied_control:create in the target). Send the version you loaded ' +
            '(If-Match or `version`); a stale one answers 409.',
          params: controlIdParams,
          body: updateControlBody,
          response: { 200: appliedControlSchema },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return service.update(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, version),
          changes,
        );
      },
    );

    app.delete(
      '/applied-controls/:id',
      {
        schema: {
          operationId: 'deleteAppliedControl',
          tags,
          description:
            'Deletes an applied control and its links (the linked evidence and requirements stay). Send the version. ' +
            'Answers 409 while a locked (done or deprecated) compliance assessment cites it, 409 ' +
            '`risk_assessment_locked` while a scenario of a done or deprecated risk assessment links it, or 409 when ' +
            'the version is stale.',
          params: controlIdParams,
          querystring: deleteQuery,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.remove(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, request.query.version),
        );
        return reply.status(204).send(null);
      },
    );

    registerControlLinkRoutes(app, { db, detail: service.detail });
  },
};
