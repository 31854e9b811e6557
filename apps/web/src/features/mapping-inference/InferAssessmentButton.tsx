import { Button } from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/can';
import { InferAssessmentDialog } from './InferAssessmentDialog';

/** "Infer from mappings" in the assessments page header; hidden from callers who cannot create assessments. */
export function InferAssessmentButton() {
  const { t } = useTranslation('dashboard');
  const can = useCan();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  if (!can.somewhere('compliance_assessment:create')) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowsShuffle size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('infer.action')}
      </Button>
      {opened && (
        <InferAssessmentDialog
          onClose={() => setOpened(false)}
          onCreated={(assessmentId) => navigate({ to: '/assessments/$assessmentId', params: { assessmentId } })}
        />
      )}
    </>
  );
}
