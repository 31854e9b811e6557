import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ModuleDefinition, TypedApp } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { ensureBuiltinThreats } from './builtin.js';
import {
  createThreatBody,
  deleteQuery,
  importQuery,
  listThreatsQuery,
  threatIdParams,
  threatImportResult,
  threatPage,
  threatSchema,
  updateThreatBody,
} from './contracts.js';
import { folderContentsAnswers } from './folder-usage.js';
import { parseThreatLibrary } from './import-parse.js';
import { createThreatService } from './service.js';
import { readUploadedText } from './upload.js';

export const threatsModule: ModuleDefinition = {
  name: 'threats',
  answers: folderContentsAnswers,
  prepare: ensureBuiltinThreats,
  async register(app, { db, config, usage }) {
    const service = createThreatService({ db, usage });
    const tags = ['threats'];

    app.get(
      '/threats',
      {
        schema: {
          operationId: 'listThreats',
          tags,
          description:
            'The built-in threat catalogue (read-only, shared by every organisation) and the organisation’s own ' +
            'threats in the folders the caller may read, one page at a time; filters on text, category, source ' +
            'and folder subtree.',
          querystring: listThreatsQuery,
          response: { 200: threatPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/threats/:id',
      {
        schema: {
          operationId: 'getThreat',
          tags,
          description: 'One threat: a built-in one, or one of the organisation’s in a folder the caller may read.',
          params: threatIdParams,
          response: { 200: threatSchema },
        },
      },
      async (request) => {
        return service.detail(await request.access(), request.params.id);
      },
    );

    app.post(
      '/threats',
      {
        schema: {
          operationId: 'createThreat',
          tags,
          description: 'Creates an organisation threat in `folderId` (needs threat:create there).',
          body: createThreatBody,
          response: { 201: threatSchema },
        },
      },
      async (request, reply) => {
        const threat = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(threat);
      },
    );

    app.patch(
      '/threats/:id',
      {
        schema: {
          operationId: 'updateThreat',
          tags,
          description:
            'Changes an organisation threat; `null` clears an optional field, `folderId` moves it. Send the version ' +
            '(If-Match or `version`); a stale one answers 409. Built-in threats answer 403 `builtin_read_only`.',
          params: threatIdParams,
          body: updateThreatBody,
          response: { 200: threatSchema },
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
      '/threats/:id',
      {
        schema: {
          operationId: 'deleteThreat',
          tags,
          description:
            'Deletes an organisation threat (scenarios of open risk assessments citing it lose that link). Answers ' +
            '409 `risk_assessment_locked` while a scenario of a done or deprecated risk assessment links it. Send the ' +
            'version (409 when stale). Built-in threats answer 403 `builtin_read_only`.',
          params: threatIdParams,
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

    await app.register(async (scope: TypedApp) => {
      await scope.register(multipart, {
        limits: { fileSize: config.maxUploadBytes, files: 1, fields: 1, fieldSize: 100, parts: 2 },
      });
      scope.post(
        '/threats/import',
        {
          schema: {
            operationId: 'importThreats',
            tags,
            description:
              'Imports the threats of a CISO Assistant library YAML (multipart/form-data, field `file`; ' +
              '`objects.threats`: urn, ref_id, name, description, translations) into `folderId` (needs ' +
              'threat:create there). Matched by URN within the organisation: a new URN is created, a known one is ' +
              'updated only when the file differs, so importing the same file twice changes nothing. A bad file ' +
              'answers 400 with every problem located (YAML path and line); nothing is written.',
            consumes: ['multipart/form-data'],
            querystring: importQuery,
            response: { 200: threatImportResult },
          },
        },
        async (request) => {
          const access = await request.access();
          await service.checkImportFolder(access, request.query.folderId);
          const file = await readUploadedText(request);
          const imported = parseThreatLibrary(file.text, file.name);
          return service.importThreats(access, request.audit, request.query.folderId, imported);
        },
      );
    });
  },
};
