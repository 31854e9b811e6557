/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query key of the invitation a link's token opens (read before sign-in). */
export const invitationKeys = {
  byToken: (token: MaybeId) => ['invitation', token] as const,
};
