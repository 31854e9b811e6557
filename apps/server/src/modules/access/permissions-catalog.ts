/**
 * The permission vocabulary: `object_type:action`. Later modules add their object types here, and the built-in
 * roles pick them up through the action lists, so a new module is governed from its first endpoint.
 */
export const objectTypes = [
  'organization',
  'folder',
  'member',
  'invitation',
  'group',
  'role',
  'role_binding',
  'audit_event',
  'job',
  'outbox_email',
  'file',
  // Compliance: the frameworks library (imported frameworks, reference controls, mapping sets).
  'framework',
  'mapping_set',
  // Compliance: what the organisation runs and how it assesses itself.
  'applied_control',
  'evidence',
  'compliance_assessment',
  // Risk management: inventory, catalogues, the register and what is decided about it.
  'asset',
  'threat',
  'risk_matrix',
  'risk_assessment',
  'risk_scenario',
  'risk_acceptance',
  'security_exception',
  'finding',
] as const;
export type ObjectType = (typeof objectTypes)[number];

export const actions = ['read', 'create', 'update', 'delete', 'comment', 'review', 'approve'] as const;
export type Action = (typeof actions)[number];

export type Permission = `${ObjectType}:${Action}` | '*';

export const allPermissions: Permission[] = objectTypes.flatMap((t) => actions.map((a) => `${t}:${a}` as Permission));

/** Administration of the organisation itself: who is in it and who may do what. */
const administrativeTypes: ObjectType[] = ['organization', 'member', 'invitation', 'group', 'role', 'role_binding'];
const contentTypes = objectTypes.filter((t) => !administrativeTypes.includes(t));
// Outbox messages carry invitation links: among the built-in roles only owners (`*`) may read them.
const grant = (types: readonly ObjectType[], acts: readonly Action[]) =>
  types.filter((t) => t !== 'outbox_email').flatMap((t) => acts.map((a) => `${t}:${a}` as Permission));

export interface BuiltinRole {
  key: 'owner' | 'manager' | 'contributor' | 'auditor' | 'reader';
  name: string;
  description: string;
  permissions: Permission[];
}

export const builtinRoles: BuiltinRole[] = [
  {
    key: 'owner',
    name: 'Owner',
    description: 'Everything, including members, roles and the organisation itself.',
    permissions: ['*'],
  },
  {
    key: 'manager',
    name: 'Manager',
    description: 'Manages folders and all content, invites members and grants roles; cannot change the organisation.',
    permissions: [
      ...grant(contentTypes, actions),
      ...grant(['member', 'invitation', 'group', 'role_binding'], ['read', 'create', 'update', 'delete']),
      ...grant(['organization', 'role'], ['read']),
    ],
  },
  {
    key: 'contributor',
    name: 'Contributor',
    description: 'Reads everything in scope; creates and edits content, but not folders or permissions.',
    permissions: [
      ...grant(objectTypes, ['read']),
      ...grant(
        contentTypes.filter((t) => t !== 'folder' && t !== 'audit_event' && t !== 'outbox_email'),
        ['create', 'update', 'comment'],
      ),
    ],
  },
  {
    key: 'auditor',
    name: 'Auditor',
    description: 'Reads everything in scope, comments and reviews; changes nothing else.',
    permissions: [...grant(objectTypes, ['read', 'comment', 'review'])],
  },
  {
    key: 'reader',
    name: 'Reader',
    description: 'Reads everything in scope.',
    permissions: grant(objectTypes, ['read']).filter((p) => p !== 'outbox_email:read'),
  },
];

export function isKnownPermission(value: string): value is Permission {
  return value === '*' || (allPermissions as string[]).includes(value);
}
