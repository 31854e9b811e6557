/** Query keys of groups, roles, role bindings and the permission catalogue. */
export const accessKeys = {
  groups: ['groups'] as const,
  groupMembers: (id: string | null) => [...accessKeys.groups, id, 'members'] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
  bindings: ['role-bindings'] as const,
  bindingsOfFolder: (folderId: string | null) => [...accessKeys.bindings, folderId] as const,
};
