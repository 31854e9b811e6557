import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExceptionBadges } from './ExceptionBadges';
import { useExceptionList } from './use-security-exceptions';

/** The security exceptions linked to one requirement assessment (assessment side panel); nothing when none. */
export function RequirementExceptions({ requirementAssessmentId }: { requirementAssessmentId: string }) {
  const { t } = useTranslation('securityExceptions');
  const list = useExceptionList({ requirementAssessmentId });
  if (list.items.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('panel.title')}>
      <Text size="sm" fw={500}>
        {t('panel.title')}
      </Text>
      {list.items.map((exception) => (
        <Group key={exception.id} gap="xs" wrap="nowrap" justify="space-between">
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link {...props} to="/security-exceptions/$exceptionId" params={{ exceptionId: exception.id }} />
            )}
          >
            {exception.refId ? `${exception.refId} · ${exception.name}` : exception.name}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            <ExceptionBadges exception={exception} size="sm" withSeverity={false} />
            {exception.expiryDate && (
              <Text size="xs" c="dimmed">
                {exception.expiryDate}
              </Text>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
