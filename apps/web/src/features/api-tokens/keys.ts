/** Query keys of API tokens (one's own, or every member's for an administrator). */
export const tokenKeys = {
  all: ['api-tokens'] as const,
  list: (all: boolean) => [...tokenKeys.all, { all }] as const,
};
