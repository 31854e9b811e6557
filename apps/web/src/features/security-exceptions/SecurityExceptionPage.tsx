import { Divider } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { DecisionRecordPage } from '../../app/ui/decision-record/DecisionRecordPage';
import { ExceptionBadges } from './ExceptionBadges';
import { ExceptionForm } from './ExceptionForm';
import { LinkedControls, LinkedRequirementAssessments } from './ExceptionLinks';
import { exceptionKind } from './kind';

export function SecurityExceptionPage() {
  const { exceptionId } = useParams({ from: '/app/security-exceptions/$exceptionId' });
  return (
    <DecisionRecordPage
      kind={exceptionKind}
      id={exceptionId}
      badges={(exception) => <ExceptionBadges exception={exception} size="lg" />}
      form={(exception, props) => <ExceptionForm exception={exception} {...props} />}
      links={(exception) => (
        <>
          <LinkedRequirementAssessments exception={exception} />
          <Divider />
          <LinkedControls exception={exception} />
        </>
      )}
    />
  );
}
