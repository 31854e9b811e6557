/** Query keys of the organisation's members and pending invitations. */
export const memberKeys = {
  all: ['members'] as const,
  list: (q: string) => [...memberKeys.all, { q }] as const,
  search: (q: string) => [...memberKeys.all, 'search', q] as const,
};

export const invitationListKeys = {
  all: ['invitations'] as const,
};
