import { flagParam, listSearch, oneOfParam, textParam } from '../../app/ui/list/search-params';
import { exceptionStates, severities } from './use-security-exceptions';

/** The security exceptions list's filters, kept in the URL (`/security-exceptions?awaitingMe=true`). */
export const validateExceptionsSearch = listSearch({
  q: textParam(),
  state: oneOfParam(exceptionStates),
  severity: oneOfParam(severities),
  awaitingMe: flagParam,
});

export type ExceptionsSearch = ReturnType<typeof validateExceptionsSearch>;
