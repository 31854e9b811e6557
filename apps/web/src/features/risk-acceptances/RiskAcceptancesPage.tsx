import { DecisionRecordsPage } from '../../app/ui/decision-record/DecisionRecordsPage';
import { acceptanceListKind } from './kind';

export function RiskAcceptancesPage() {
  return <DecisionRecordsPage kind={acceptanceListKind} />;
}
