import { Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import classes from './library.module.css';
import { nodeLabel } from './tree';
import { type Framework, type Requirement, useRequirement } from './use-library';

/** The selected node's full texts, read one node at a time (the tree itself carries no texts). */
export function RequirementPanel({ framework, nodeId }: { framework: Framework; nodeId: string | null }) {
  const { t } = useTranslation('library');
  const requirement = useRequirement(framework.id, nodeId);
  return (
    <Card withBorder component="section" aria-labelledby="requirement-details-title" className={classes.panel}>
      {nodeId === null ? (
        <>
          <Title order={2} size="h5" id="requirement-details-title" mb="xs">
            {t('node.details')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('node.select')}
          </Text>
        </>
      ) : (
        <QueryState query={requirement}>
          {requirement.data && <RequirementDetails framework={framework} requirement={requirement.data} />}
        </QueryState>
      )}
    </Card>
  );
}

function RequirementDetails({ framework, requirement }: { framework: Framework; requirement: Requirement }) {
  const { t } = useTranslation('library');
  const groupName = new Map(framework.implementationGroups.map((g) => [g.refId, g.name]));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="requirement-details-title">
        {nodeLabel(requirement)}
      </Title>
      <Group gap={6}>
        {requirement.withdrawn && (
          <Badge color="gray" variant="outline">
            {t('node.withdrawn')}
          </Badge>
        )}
        {requirement.assessable && <Badge variant="light">{t('node.assessable')}</Badge>}
        {requirement.importance && (
          <Badge color="grape" variant="light">
            {t('node.importance', { importance: requirement.importance })}
          </Badge>
        )}
      </Group>
      <Section title={t('node.description')} text={requirement.description} />
      {requirement.annotation && <Section title={t('node.annotation')} text={requirement.annotation} />}
      {requirement.typicalEvidence && <Section title={t('node.typicalEvidence')} text={requirement.typicalEvidence} />}
      {requirement.implementationGroups.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('node.groups')}
          </Title>
          <Group gap={4}>
            {requirement.implementationGroups.map((refId) => (
              <Badge key={refId} variant="dot" tt="none" maw="100%" title={groupName.get(refId) ?? refId}>
                {groupName.get(refId) ?? refId}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t('node.urn')}: <Code>{requirement.urn}</Code>
      </Text>
    </Stack>
  );
}

function Section({ title, text }: { title: string; text: string | null }) {
  const { t } = useTranslation('library');
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      <Text size="sm" className={classes.prose} c={text ? undefined : 'dimmed'}>
        {text || t('node.noText')}
      </Text>
    </Stack>
  );
}
