import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { FindingStatusBadge, OverdueBadge, SeverityBadge } from './badges';
import { type FindingFilters, useFindings } from './use-findings';

/** One page of findings at a time, with "Load more"; the filters decide which. */
export function FindingsTable({ filters, filtered }: { filters: FindingFilters; filtered: boolean }) {
  const { t } = useTranslation('findings');
  const findings = useFindings(filters);
  return (
    <QueryState query={findings}>
      {findings.items.length === 0 ? (
        <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.refId')}</Table.Th>
                <Table.Th>{t('fields.title')}</Table.Th>
                <Table.Th>{t('fields.severity')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.owner')}</Table.Th>
                <Table.Th>{t('fields.dueDate')}</Table.Th>
                <Table.Th>{t('fields.assessment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.items.map((finding) => (
                <Table.Tr key={finding.id}>
                  <Table.Td>{finding.refId ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/findings/$findingId" params={{ findingId: finding.id }} />
                      )}
                    >
                      {finding.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={finding.severity} />
                  </Table.Td>
                  <Table.Td>
                    <FindingStatusBadge status={finding.status} />
                  </Table.Td>
                  <Table.Td>{finding.owner?.displayName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <span>{finding.dueDate ?? '—'}</span>
                      <OverdueBadge overdue={finding.overdue} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {finding.findingsAssessment ? (
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            {...props}
                            to="/findings-assessments/$findingsAssessmentId"
                            params={{ findingsAssessmentId: finding.findingsAssessment?.id ?? '' }}
                          />
                        )}
                      >
                        {finding.findingsAssessment.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={findings} />
    </QueryState>
  );
}
