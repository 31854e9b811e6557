import { DecisionRecordsPage } from '../../app/ui/decision-record/DecisionRecordsPage';
import { exceptionListKind } from './kind';

export function SecurityExceptionsPage() {
  return <DecisionRecordsPage kind={exceptionListKind} />;
}
