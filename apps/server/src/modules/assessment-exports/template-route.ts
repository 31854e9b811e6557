import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { frameworkTemplateXlsx, requireFrameworkRead } from '../frameworks/index.js';

/**
 * `GET /library/template.xlsx`: the workbook a person fills in to describe a framework, then uploads through
 * `POST /library/imports`. Built once per process: it does not depend on the caller.
 */
export function registerLibraryTemplateRoute(app: TypedApp, _ctx: AppContext) {
  let template: Promise<Buffer> | null = null;
  app.get(
    '/library/template.xlsx',
    {
      schema: {
        operationId: 'getFrameworkTemplate',
        tags: ['library'],
        description:
          'An XLSX template to describe a framework: instructions, a "framework" sheet (URN, ref ID, name, ' +
          'version, provider, description, implementation groups) and a "requirements" sheet (URN or ref ID, ' +
          'parent ref ID, name, description, assessable, implementation groups, importance, typical evidence) ' +
          'with drop-downs. Upload the filled-in file to POST /library/imports. Needs framework:read.',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.string().describe('The workbook (binary)').meta({ format: 'binary' }) },
      },
    },
    async (request, reply) => {
      requireFrameworkRead(await request.access());
      template ??= frameworkTemplateXlsx();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="rampart-framework-template.xlsx"')
        .header('cache-control', 'no-store')
        .send((await template) as unknown as string);
    },
  );
}
