import { useParams } from '@tanstack/react-router';
import { DecisionRecordPage } from '../../app/ui/decision-record/DecisionRecordPage';
import { AcceptanceBadges } from './AcceptanceBadges';
import { AcceptanceForm } from './AcceptanceForm';
import { CoveredScenarios } from './CoveredScenarios';
import { acceptanceKind } from './kind';

export function RiskAcceptancePage() {
  const { acceptanceId } = useParams({ from: '/app/risk-acceptances/$acceptanceId' });
  return (
    <DecisionRecordPage
      kind={acceptanceKind}
      id={acceptanceId}
      badges={(acceptance) => <AcceptanceBadges acceptance={acceptance} size="lg" />}
      form={(acceptance, props) => <AcceptanceForm acceptance={acceptance} {...props} />}
      links={(acceptance) => <CoveredScenarios acceptance={acceptance} />}
    />
  );
}
