import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { useControls } from '../controls/use-controls';

/** The applied controls this evidence is attached to (those the caller may read). */
export function UsedByControls({ evidenceId }: { evidenceId: string }) {
  const { t } = useTranslation('evidence');
  const controls = useControls({ evidenceId });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('usedBy.title')}
      </Title>
      <QueryState query={controls}>
        {controls.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('usedBy.empty')}
          </Text>
        ) : (
          <List>
            {controls.items.map((control) => (
              <List.Item key={control.id}>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />
                  )}
                >
                  {control.refId ? `${control.refId} · ${control.name}` : control.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </QueryState>
    </Stack>
  );
}
