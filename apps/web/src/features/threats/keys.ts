/** Query keys of the threat catalogue. */
export const threatKeys = {
  all: ['threats'] as const,
  lists: () => [...threatKeys.all, 'list'] as const,
  list: (filters: object) => [...threatKeys.lists(), filters] as const,
};
