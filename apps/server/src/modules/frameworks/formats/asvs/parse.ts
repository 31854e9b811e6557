import { z } from 'zod';
import { sha256Hex } from '../../../../platform/crypto.js';
import { type LibraryContent, LibraryFormatError, type RequirementNodeContent } from '../../library-content.js';
import { MAX_REPORTED_ISSUES } from '../ciso-assistant/zod-issues.js';
import { linesOfPointers, parseJsonLocated, pointerOf } from '../oscal/json-text.js';

const LEVELS = ['L1', 'L2', 'L3'] as const;
const shortcode = z.string().trim().min(1).max(100);
const requirement = z.looseObject({
  Shortcode: shortcode,
  Description: z.string().max(200_000),
  L: z.union([z.enum(['1', '2', '3']), z.literal(1), z.literal(2), z.literal(3)]),
});
const section = z.looseObject({ Shortcode: shortcode, Name: z.string().max(2000), Items: z.array(requirement) });
const chapter = z.looseObject({ Shortcode: shortcode, Name: z.string().max(2000), Items: z.array(section) });
const asvsDocument = z.looseObject({
  Name: z.string().min(1).max(300),
  ShortName: z.string().max(100).optional(),
  Version: z.string().min(1).max(50),
  Description: z.string().max(200_000).optional(),
  Requirements: z.array(chapter).min(1),
});

const FRAMEWORK_URN = 'urn:owasp:framework:asvs';
const nodeUrn = (code: string) => `urn:owasp:req_node:asvs:${code.toLowerCase()}`;

/**
 * Reads the OWASP ASVS JSON export (chapters > sections > requirements {Shortcode, Description, L}) into one
 * framework with implementation groups L1–L3. Levels are cumulative: a level-1 requirement is also verified at
 * levels 2 and 3, so it belongs to every group from its own level up. URNs leave the version out so that mappings
 * keep pointing at the same requirement when a newer ASVS is loaded beside this one.
 */
export function parseAsvsJson(text: string, fileName: string): LibraryContent {
  const parsed = asvsDocument.safeParse(parseJsonLocated(text, fileName));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES);
    const pointers = issues.map((i) => pointerOf(i.path));
    const lines = linesOfPointers(text, [...pointers, ...pointers.map((p) => p.slice(0, p.lastIndexOf('/')))]);
    throw new LibraryFormatError(
      issues.map((issue, i) => {
        const pointer = pointers[i] ?? '';
        const line = lines.get(pointer) ?? lines.get(pointer.slice(0, pointer.lastIndexOf('/')));
        return { file: fileName, path: pointer, line, message: issue.message };
      }),
    );
  }
  const asvs = parsed.data;
  const nodes: RequirementNodeContent[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const add = (node: RequirementNodeContent, pointer: string) => {
    if (seen.has(node.urn)) duplicates.push(pointer);
    seen.add(node.urn);
    nodes.push(node);
  };
  asvs.Requirements.forEach((ch, c) => {
    const chapterUrn = nodeUrn(ch.Shortcode);
    add({ urn: chapterUrn, refId: ch.Shortcode, name: ch.Name, assessable: false }, `/Requirements/${c}/Shortcode`);
    ch.Items.forEach((sec, s) => {
      const sectionUrn = nodeUrn(sec.Shortcode);
      add(
        { urn: sectionUrn, parentUrn: chapterUrn, refId: sec.Shortcode, name: sec.Name, assessable: false },
        `/Requirements/${c}/Items/${s}/Shortcode`,
      );
      sec.Items.forEach((req, r) => {
        const level = Number(req.L);
        add(
          {
            urn: nodeUrn(req.Shortcode),
            parentUrn: sectionUrn,
            refId: req.Shortcode,
            description: req.Description,
            assessable: true,
            implementationGroups: LEVELS.slice(level - 1),
          },
          `/Requirements/${c}/Items/${s}/Items/${r}/Shortcode`,
        );
      });
    });
  });
  if (duplicates.length > 0) {
    const lines = linesOfPointers(text, duplicates);
    throw new LibraryFormatError(
      duplicates
        .slice(0, MAX_REPORTED_ISSUES)
        .map((path) => ({ file: fileName, path, line: lines.get(path), message: 'Duplicate Shortcode' })),
    );
  }
  return {
    // LibraryContent has no ASVS source format yet; the ASVS structure is what the built-in library ships.
    sourceFormat: 'owasp_asvs',
    sourceSha256: sha256Hex(text),
    frameworks: [
      {
        urn: FRAMEWORK_URN,
        refId: asvs.ShortName || 'ASVS',
        name: asvs.Name,
        description: asvs.Description ?? null,
        frameworkVersion: asvs.Version,
        provider: 'OWASP',
        locale: 'en',
        copyright: 'OWASP Application Security Verification Standard, CC BY-SA 4.0',
        implementationGroups: LEVELS.map((refId, i) => ({
          refId,
          name: `Level ${i + 1}`,
          description: `Requirements verified at ASVS level ${i + 1}`,
        })),
        nodes,
      },
    ],
    referenceControls: [],
    mappingSets: [],
  };
}
