import { Link } from '@tanstack/react-router';
import type { DecisionKind, DecisionListKind, LinkRoot } from '../../app/ui/decision-record/kind';
import { SelectFilter } from '../../app/ui/list/ListFilters';
import { ExceptionBadges } from './ExceptionBadges';
import { NewSecurityExceptionDialog } from './NewSecurityExceptionDialog';
import { type ExceptionsSearch, validateExceptionsSearch } from './search';
import {
  type ExceptionState,
  type ExceptionSummary,
  exceptionStates,
  type SecurityException,
  severities,
  useDeleteException,
  useException,
  useExceptionRows,
  useTransitionException,
} from './use-security-exceptions';

const recordLink =
  (exceptionId: string): LinkRoot =>
  (props) => <Link {...props} to="/security-exceptions/$exceptionId" params={{ exceptionId }} />;

/** A security exception as a decision record: its page (`DecisionRecordPage`). */
export const exceptionKind: DecisionKind<ExceptionState, SecurityException> = {
  ns: 'securityExceptions',
  listPath: '/security-exceptions',
  dangerous: ['rejected'],
  // Back to draft from review is a withdrawal (the approver stops being asked), not the rework of a rejection.
  stepKey: (to, exception) => (to === 'draft' && exception.state === 'in_review' ? 'withdraw' : to),
  facts: (exception) =>
    exception.decidedAt
      ? [
          { label: 'fields.decidedAt', value: exception.decidedAt, date: true },
          { label: 'fields.decidedBy', value: exception.decidedBy?.displayName ?? '—' },
        ]
      : [],
  useRecord: useException,
  useTransition: useTransitionException,
  useDelete: useDeleteException,
};

/** The security exceptions list (`DecisionRecordsPage`): the severity filter, owner and link count. */
export const exceptionListKind: DecisionListKind<ExceptionState, ExceptionSummary, ExceptionsSearch> = {
  ns: 'securityExceptions',
  recordLink,
  states: exceptionStates,
  createPermission: 'security_exception:create',
  createLabel: 'newException',
  validateSearch: validateExceptionsSearch,
  useList: useExceptionRows,
  Badges: ({ record }) => <ExceptionBadges exception={record} />,
  NewDialog: NewSecurityExceptionDialog,
  columns: (t) => [
    { id: 'owner', header: t('fields.owner'), cell: (exception) => exception.owner?.displayName ?? '—' },
    { id: 'expiryDate', header: t('fields.expiryDate'), cell: (exception) => exception.expiryDate ?? '—' },
    {
      id: 'links',
      header: t('fields.links'),
      cell: (exception) => exception.requirementAssessmentCount + exception.appliedControlCount,
    },
  ],
  filters: (search, setSearch, t) => (
    <SelectFilter
      label={t('fields.severity')}
      placeholder={t('any')}
      options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
      value={search.severity}
      onChange={(severity) => setSearch({ severity })}
      width={160}
    />
  ),
};
