// The public face of the frameworks module: what other modules may use (see docs/ARCHITECTURE.md).

export type { PathSegment } from './formats/ciso-assistant/yaml-source.js';
export { parseYamlLocated, yamlPath } from './formats/ciso-assistant/yaml-source.js';
export { issuesFromZod, MAX_REPORTED_ISSUES } from './formats/ciso-assistant/zod-issues.js';
export { frameworkTemplateXlsx } from './formats/xlsx/template.js';
export type { LibraryIssue } from './library-content.js';
export { LibraryFormatError } from './library-content.js';
export { findFramework } from './queries.js';
export { requireFrameworkRead, requireReadSomewhere } from './service.js';
export type { Translations } from './tables.js';
export {
  frameworks,
  mappingRelationships,
  mappingRules,
  mappingSets,
  referenceControls,
  requirementNodes,
} from './tables.js';
export { frameworkDeletion } from './usage.js';
