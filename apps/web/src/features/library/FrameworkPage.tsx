import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { FrameworkMappingSets } from './FrameworkMappingSets';
import { GroupBadges } from './GroupBadges';
import { RequirementsBrowser } from './RequirementsBrowser';
import { type Framework, useDeleteFramework, useFramework } from './use-library';

export function FrameworkPage() {
  const { t } = useTranslation('library');
  const { frameworkId } = useParams({ from: '/app/library/$frameworkId' });
  const framework = useFramework(frameworkId);
  return (
    <>
      <Anchor component={Link} to="/library" size="sm" mb="xs" display="inline-flex">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('framework.back')}
        </Group>
      </Anchor>
      <QueryState query={framework}>
        {framework.data && (
          <>
            <FrameworkHeader framework={framework.data} />
            <FrameworkMappingSets key={`mappings-${framework.data.id}`} framework={framework.data} />
            <RequirementsBrowser key={framework.data.id} framework={framework.data} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Name, version, provider, counts and groups; Delete only on the organisation's own import. */
function FrameworkHeader({ framework }: { framework: Framework }) {
  const { t } = useTranslation(['library', 'common']);
  const navigate = useNavigate();
  const remove = useDeleteFramework();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    remove.reset();
    setConfirming(false);
  };
  return (
    <>
      <PageHeader
        title={framework.name}
        description={framework.description ?? undefined}
        actions={
          framework.abilities.delete && (
            // Neutral text with a red icon: the light red variant reads at about 3:1 on its tint.
            <Button
              variant="default"
              leftSection={<IconTrash size={16} color="var(--mantine-color-red-8)" aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('framework.delete')}
            </Button>
          )
        }
      />
      <Stack gap="xs" mb="lg" mt={-8}>
        <Group gap="xs">
          <Badge variant="light">{t('framework.version', { version: framework.frameworkVersion })}</Badge>
          {framework.provider && (
            <Badge variant="light" color="gray">
              {t('framework.provider', { provider: framework.provider })}
            </Badge>
          )}
          <Badge variant="light" color="gray">
            {t('framework.source', { format: t(`format.${framework.sourceFormat}`) })}
          </Badge>
          {framework.library && (
            <Badge variant="filled" color="teal.9">
              {t('shipped')}
            </Badge>
          )}
        </Group>
        <Group gap="md">
          <Text size="sm">
            {t('framework.requirements', { count: framework.requirementCount })} ·{' '}
            {t('framework.assessable', { count: framework.assessableCount })}
          </Text>
          <Anchor
            size="sm"
            renderRoot={(rootProps) => (
              <Link {...rootProps} to="/library/$frameworkId/coverage" params={{ frameworkId: framework.id }} />
            )}
          >
            {t('framework.coverage')}
          </Anchor>
        </Group>
        {framework.implementationGroups.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('framework.groups')}:
            </Text>
            <GroupBadges groups={framework.implementationGroups} />
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('framework.deleteTitle', { name: framework.name })}
        body={t('framework.deleteBody')}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(framework.id, {
            onSuccess: () => {
              notifySuccess(t('framework.deleted'));
              close();
              void navigate({ to: '/library' });
            },
          })
        }
      />
    </>
  );
}
