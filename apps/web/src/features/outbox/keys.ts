/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of the development outbox (e-mails not sent). */
export const outboxKeys = {
  all: ['outbox'] as const,
  detail: (id: MaybeId) => [...outboxKeys.all, id] as const,
};
