import { Badge, Button, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { FrameworkLink } from './FrameworkLink';
import { GroupBadges } from './GroupBadges';
import { ImportDialog } from './ImportDialog';
import { useFrameworks } from './use-library';

export function LibraryPage() {
  const { t } = useTranslation('library');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [importing, setImporting] = useState(false);
  const frameworks = useFrameworks(q);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          // Imported frameworks belong to the whole organisation, so importing needs the right at its root.
          can.everywhere('framework:create') && (
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              {t('import.action')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('search')}
        placeholder={t('searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maxLength={200}
        type="search"
        maw={360}
        mb="md"
      />
      <QueryState query={frameworks}>
        {frameworks.items.length === 0 ? (
          <Text c="dimmed">{q ? t('noMatch') : t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.version')}</Table.Th>
                  <Table.Th>{t('columns.provider')}</Table.Th>
                  <Table.Th>{t('columns.requirements')}</Table.Th>
                  <Table.Th>{t('columns.groups')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {frameworks.items.map((framework) => (
                  <Table.Tr key={framework.id}>
                    <Table.Td>
                      <FrameworkLink id={framework.id}>{framework.name}</FrameworkLink>
                      <Text size="xs" c="dimmed">
                        {t(`format.${framework.sourceFormat}`)}
                        {framework.library && (
                          <Badge size="xs" variant="filled" color="teal.9" ml={6}>
                            {t('shipped')}
                          </Badge>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{framework.frameworkVersion}</Table.Td>
                    <Table.Td>{framework.provider ?? '—'}</Table.Td>
                    <Table.Td>
                      {t('counts', { assessable: framework.assessableCount, total: framework.requirementCount })}
                    </Table.Td>
                    <Table.Td>
                      {framework.implementationGroups.length > 0 ? (
                        <GroupBadges groups={framework.implementationGroups} />
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
        <LoadMore query={frameworks} />
      </QueryState>
      <ImportDialog opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
