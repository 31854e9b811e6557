import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { ChangesDiff } from '../audit/ChangesDiff';
import { useObjectHistory } from './use-risk-assessments';

/** The scenario's audit events (edits, links, re-ratings), newest first. */
export function ScenarioHistory({ scenarioId }: { scenarioId: string }) {
  const { t, i18n } = useTranslation('riskAssessments');
  const history = useObjectHistory(scenarioId);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('history.title')}
      </Title>
      <QueryState query={history}>
        {history.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('history.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('history.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.when')}</Table.Th>
                  <Table.Th>{t('history.who')}</Table.Th>
                  <Table.Th>{t('history.action')}</Table.Th>
                  <Table.Th>{t('history.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>{new Date(event.occurredAt).toLocaleString(i18n.language)}</Table.Td>
                    <Table.Td>{event.actor?.displayName ?? event.actorType}</Table.Td>
                    <Table.Td>
                      <code>{event.action}</code>
                    </Table.Td>
                    <Table.Td>
                      <ChangesDiff changes={event.changes as Record<string, unknown> | null} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={history} />
      </QueryState>
    </Paper>
  );
}
