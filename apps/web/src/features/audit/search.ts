import { dateParam, idParam, listSearch, textParam } from '../../app/ui/list/search-params';

/** The audit trail's filters, kept in the URL (`/audit?action=risk_acceptance.accepted&from=2026-12-01`). */
export const validateAuditSearch = listSearch({
  q: textParam(),
  action: textParam(),
  objectType: textParam(100),
  actorUserId: idParam,
  from: dateParam,
  to: dateParam,
});
