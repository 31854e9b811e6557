import { Alert, Button, Center, Loader, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { credentials } from '../../app/api/credentials';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { meQuery, useResetSession } from '../../app/session/me';
import { AuthCard } from '../auth/AuthCard';
import { TotpStep } from '../auth/TotpStep';
import { invitationKeys } from './keys';

const route = getRouteApi('/accept-invitation');

/**
 * The link from the invitation e-mail. A new person chooses a name and password; someone with an account proves
 * it with their password (or is already signed in as the invited address). Either way they end up signed in.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const [needsTotp, setNeedsTotp] = useState(false);
  const me = useQuery(meQuery);
  const lookup = useQuery({
    queryKey: invitationKeys.byToken(token),
    queryFn: () => unwrap(api.GET('/api/v1/invitations/lookup', { params: { query: { token: token ?? '' } } })),
    enabled: Boolean(token),
    retry: false,
  });
  const finish = async (csrfToken: string | null) => {
    credentials.setCsrfToken(csrfToken);
    await resetSession();
    await navigate({ to: '/folders' });
  };
  const accept = useMutation({
    mutationFn: (body: { displayName?: string; password?: string }) =>
      unwrap(api.POST('/api/v1/invitations/accept', { body: { token: token ?? '', ...body } })),
    onSuccess: async (result) => {
      credentials.setOrganizationId(result.organizationId);
      if (result.status === 'totp_required') setNeedsTotp(true);
      else await finish(result.csrfToken);
    },
  });
  const errors = fieldErrorsOf(accept.error);

  if (!token) {
    return (
      <AuthCard title={t('invitation.title')}>
        <Alert color="red">{t('invitation.missingToken')}</Alert>
      </AuthCard>
    );
  }
  if (needsTotp) {
    return (
      <AuthCard title={t('totp.title')}>
        <TotpStep onSignedIn={finish} onCancel={() => setNeedsTotp(false)} />
      </AuthCard>
    );
  }

  const invitation = lookup.data;
  const signedInAsInvitee = Boolean(invitation && me.data && me.data.user.email === invitation.email);

  return (
    <AuthCard title={t('invitation.title')}>
      {lookup.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common:states.loading')} />
        </Center>
      ) : !invitation ? (
        <Alert color="red">{t('invitation.invalid')}</Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const password = data.get('password');
            const displayName = data.get('displayName');
            accept.mutate({
              ...(typeof password === 'string' && password ? { password } : {}),
              ...(typeof displayName === 'string' && displayName ? { displayName } : {}),
            });
          }}
        >
          <Stack>
            <Text size="sm">{t('invitation.intro')}</Text>
            <Table variant="vertical" withTableBorder>
              <Table.Tbody>
                <Row label={t('invitation.organization')} value={invitation.organizationName} />
                <Row label={t('invitation.email')} value={invitation.email} />
                <Row label={t('invitation.invitedBy')} value={invitation.invitedByName ?? '—'} />
              </Table.Tbody>
            </Table>
            <FormAlert error={accept.error} fields={['displayName', 'password']} />
            {!invitation.accountExists && <Text size="sm">{t('invitation.newAccount')}</Text>}
            {!invitation.accountExists && (
              <TextInput
                name="displayName"
                label={t('invitation.displayName')}
                autoComplete="name"
                required
                maxLength={200}
                error={errors.displayName}
              />
            )}
            {!signedInAsInvitee && (
              <PasswordInput
                name="password"
                label={invitation.accountExists ? t('login.password') : t('invitation.password')}
                description={invitation.accountExists ? undefined : t('setup.passwordHint')}
                autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
                required
                maxLength={200}
                error={errors.password}
              />
            )}
            <Button type="submit" loading={accept.isPending}>
              {t('invitation.accept')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
