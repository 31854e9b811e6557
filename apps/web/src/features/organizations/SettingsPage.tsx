import { Alert, Button, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useFormatDate } from '../../app/format';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { organizationKey, useOrganizationDetails } from '../../app/layout/use-organization';
import { meQuery } from '../../app/session/me';
import { notifySuccess } from '../../app/ui/notify';

export function SettingsPage() {
  const { t } = useTranslation(['organizations', 'common']);
  const formatDate = useFormatDate();
  const organization = useOrganizationDetails();
  const queryClient = useQueryClient();
  const org = organization.data;
  const save = useMutation({
    mutationFn: (body: { name: string; requireTotp: boolean }) =>
      unwrap(
        api.PATCH('/api/v1/organizations/{id}', {
          params: { path: { id: org?.id ?? '' } },
          body: { version: org?.version ?? 1, ...body },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationKey(updated.id), updated);
      await queryClient.invalidateQueries(meQuery);
      notifySuccess(t('common:states.saved'));
    },
  });
  const errors = fieldErrorsOf(save.error);
  const reload = () => {
    save.reset();
    return organization.refetch();
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <QueryState query={organization}>
        {org && (
          <Card withBorder maw={640}>
            <form
              key={org.version}
              onSubmit={(event) => {
                event.preventDefault();
                const data = new FormData(event.currentTarget);
                save.mutate({ name: String(data.get('name')), requireTotp: data.get('requireTotp') === 'on' });
              }}
            >
              <Stack>
                {!org.abilities.update && <Alert color="blue">{t('readOnly')}</Alert>}
                <FormAlert error={save.error} fields={['name', 'requireTotp']} onReload={reload} />
                <TextInput
                  name="name"
                  label={t('name')}
                  defaultValue={org.name}
                  required
                  maxLength={200}
                  readOnly={!org.abilities.update}
                  error={errors.name}
                />
                <Switch
                  name="requireTotp"
                  label={t('requireTotp')}
                  description={t('requireTotpHint')}
                  defaultChecked={org.requireTotp}
                  disabled={!org.abilities.update}
                  error={errors.requireTotp}
                />
                <Text size="xs" c="dimmed">
                  {t('created', { date: formatDate(org.createdAt) })}
                </Text>
                {org.abilities.update && (
                  <Group>
                    <Button type="submit" loading={save.isPending}>
                      {t('common:actions.save')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </form>
          </Card>
        )}
      </QueryState>
    </>
  );
}
