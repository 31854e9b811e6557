import { flagParam, listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { acceptanceStates } from './use-risk-acceptances';

export const acceptanceValidities = ['inForce', 'notInForce', 'expiring'] as const;

/** The risk acceptances list's filters, kept in the URL (`/risk-acceptances?validity=expiring`). */
export const validateAcceptancesSearch = listSearch({
  q: textParam(),
  state: oneOfParam(acceptanceStates),
  validity: oneOfParam(acceptanceValidities),
  awaitingMe: flagParam,
});

export type AcceptancesSearch = ReturnType<typeof validateAcceptancesSearch>;
