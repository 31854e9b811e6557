import { Link } from '@tanstack/react-router';
import type { DecisionKind, DecisionListKind, LinkRoot } from '../../app/ui/decision-record/kind';
import { SelectFilter } from '../../app/ui/list/ListFilters';
import { AcceptanceBadges } from './AcceptanceBadges';
import { NewRiskAcceptanceDialog } from './NewRiskAcceptanceDialog';
import { type AcceptancesSearch, acceptanceValidities, validateAcceptancesSearch } from './search';
import {
  type AcceptanceSummary,
  acceptanceStates,
  type RiskAcceptance,
  type RiskAcceptanceState,
  useAcceptance,
  useAcceptanceRows,
  useDeleteAcceptance,
  useTransitionAcceptance,
} from './use-risk-acceptances';

const recordLink =
  (acceptanceId: string): LinkRoot =>
  (props) => <Link {...props} to="/risk-acceptances/$acceptanceId" params={{ acceptanceId }} />;

/** A risk acceptance as a decision record: its page (`DecisionRecordPage`). */
export const acceptanceKind: DecisionKind<RiskAcceptanceState, RiskAcceptance> = {
  ns: 'riskAcceptances',
  listPath: '/risk-acceptances',
  dangerous: ['rejected', 'revoked'],
  confirmValues: (acceptance, t) => ({ approver: acceptance.approver?.displayName ?? t('noApprover') }),
  facts: (acceptance) => [
    { label: 'fields.submittedAt', value: acceptance.submittedAt, date: true },
    { label: 'fields.decidedAt', value: acceptance.decidedAt, date: true },
    { label: 'fields.decidedBy', value: acceptance.decidedBy?.displayName ?? null },
    { label: 'fields.revokedAt', value: acceptance.revokedAt, date: true },
  ],
  useRecord: useAcceptance,
  useTransition: useTransitionAcceptance,
  useDelete: useDeleteAcceptance,
};

/** The risk acceptances list (`DecisionRecordsPage`): the validity filter, approver and scenario count. */
export const acceptanceListKind: DecisionListKind<RiskAcceptanceState, AcceptanceSummary, AcceptancesSearch> = {
  ns: 'riskAcceptances',
  recordLink,
  states: acceptanceStates,
  createPermission: 'risk_acceptance:create',
  createLabel: 'newAcceptance',
  validateSearch: validateAcceptancesSearch,
  useList: useAcceptanceRows,
  Badges: ({ record }) => <AcceptanceBadges acceptance={record} />,
  NewDialog: NewRiskAcceptanceDialog,
  columns: (t) => [
    { id: 'approver', header: t('fields.approver'), cell: (acceptance) => acceptance.approver?.displayName ?? '—' },
    { id: 'expiryDate', header: t('fields.expiryDate'), cell: (acceptance) => acceptance.expiryDate ?? '—' },
    { id: 'scenarios', header: t('fields.scenarios'), cell: (acceptance) => acceptance.scenarioCount },
  ],
  filters: (search, setSearch, t) => (
    <SelectFilter
      label={t('validity')}
      placeholder={t('any')}
      options={acceptanceValidities.map((v) => ({ value: v, label: t(`validityOptions.${v}`) }))}
      value={search.validity}
      onChange={(validity) => setSearch({ validity })}
      width={220}
    />
  ),
};
