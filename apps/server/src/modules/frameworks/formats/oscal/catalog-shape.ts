import { z } from 'zod';
import type { LibraryIssue } from '../../library-content.js';
import { linesOfPointers, pointerOf } from './json-text.js';

/**
 * The part of the OSCAL catalog model the importer reads (OSCAL 1.x JSON). Objects are loose: OSCAL has many
 * more fields (links, back-matter, roles) that are valid and simply not needed here.
 */
const text = z.string().max(200_000);
const id = z.string().min(1).max(200);

export const oscalProp = z.looseObject({
  name: z.string().max(200),
  value: z.string().max(10_000),
  ns: z.string().optional(),
});
export type OscalProp = z.infer<typeof oscalProp>;

export const oscalParam = z.looseObject({
  id,
  label: text.optional(),
  select: z.looseObject({ 'how-many': z.string().optional(), choice: z.array(text).optional() }).optional(),
});
export type OscalParam = z.infer<typeof oscalParam>;

export interface OscalPart {
  id?: string;
  name: string;
  prose?: string;
  props?: OscalProp[];
  parts?: OscalPart[];
}
export const oscalPart: z.ZodType<OscalPart> = z.looseObject({
  id: id.optional(),
  name: z.string().min(1).max(200),
  prose: text.optional(),
  props: z.array(oscalProp).optional(),
  get parts() {
    return z.array(oscalPart).optional();
  },
});

export interface OscalControl {
  id: string;
  title: string;
  class?: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: { href: string; rel?: string }[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}
const oscalLink = z.looseObject({ href: z.string().max(2000), rel: z.string().max(200).optional() });
export const oscalControl: z.ZodType<OscalControl> = z.looseObject({
  id,
  title: z.string().min(1).max(2000),
  class: z.string().max(200).optional(),
  params: z.array(oscalParam).optional(),
  props: z.array(oscalProp).optional(),
  links: z.array(oscalLink).optional(),
  parts: z.array(oscalPart).optional(),
  get controls() {
    return z.array(oscalControl).optional();
  },
});

export interface OscalGroup {
  id?: string;
  title: string;
  class?: string;
  props?: OscalProp[];
  parts?: OscalPart[];
  params?: OscalParam[];
  controls?: OscalControl[];
  groups?: OscalGroup[];
}
export const oscalGroup: z.ZodType<OscalGroup> = z.looseObject({
  id: id.optional(),
  title: z.string().min(1).max(2000),
  class: z.string().max(200).optional(),
  props: z.array(oscalProp).optional(),
  parts: z.array(oscalPart).optional(),
  params: z.array(oscalParam).optional(),
  get controls() {
    return z.array(oscalControl).optional();
  },
  get groups() {
    return z.array(oscalGroup).optional();
  },
});

export const oscalCatalogDocument = z.looseObject({
  catalog: z.looseObject({
    uuid: z.string().min(1).max(100),
    metadata: z.looseObject({
      title: z.string().min(1).max(2000),
      version: z.string().min(1).max(50),
      remarks: text.optional(),
    }),
    params: z.array(oscalParam).optional(),
    controls: z.array(oscalControl).optional(),
    groups: z.array(oscalGroup).optional(),
  }),
});
export type OscalCatalogDocument = z.infer<typeof oscalCatalogDocument>;

/** Zod issues as located library issues: a JSON pointer, the line where that value starts, a short message. */
export function shapeIssues(error: z.ZodError, text: string, file: string, max = 50): LibraryIssue[] {
  const issues = error.issues.slice(0, max).map((issue) => {
    const path = pointerOf(issue.path);
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { path, message: missing ? 'required' : issue.message };
  });
  // A missing field has no position of its own: point at the object that should hold it.
  const holder = (pointer: string, message: string) =>
    message === 'required' ? pointer.slice(0, pointer.lastIndexOf('/')) : pointer;
  const lines = linesOfPointers(
    text,
    issues.map((i) => holder(i.path, i.message)),
  );
  return issues.map((i) => ({ file, ...i, line: lines.get(holder(i.path, i.message)) }));
}
