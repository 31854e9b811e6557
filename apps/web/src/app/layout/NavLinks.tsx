import { NavLink, Stack } from '@mantine/core';
import {
  IconChecklist,
  IconFileCertificate,
  IconFolders,
  IconGauge,
  IconHistory,
  IconKey,
  IconLibrary,
  IconListCheck,
  IconMail,
  IconSettings,
  IconShieldCheck,
  IconShieldHalf,
  IconUser,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { type Can, useCan } from '../session/can';
import { mustEnrolTotp, useMe } from '../session/me';

type NavKey =
  | 'profile'
  | 'dashboard'
  | 'controls'
  | 'evidence'
  | 'assessments'
  | 'folders'
  | 'library'
  | 'members'
  | 'groups'
  | 'roles'
  | 'tokens'
  | 'audit'
  | 'jobs'
  | 'outbox'
  | 'settings';

/** Pages the caller may open: those whose list the server would refuse are not offered. */
const items: {
  key: NavKey;
  to: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  allowed?: (can: Can) => boolean;
}[] = [
  {
    key: 'dashboard',
    to: '/dashboard',
    icon: IconGauge,
    allowed: (can) => can.somewhere('compliance_assessment:read'),
  },
  {
    key: 'assessments',
    to: '/assessments',
    icon: IconChecklist,
    allowed: (can) => can.somewhere('compliance_assessment:read'),
  },
  { key: 'controls', to: '/controls', icon: IconShieldHalf, allowed: (can) => can.somewhere('applied_control:read') },
  { key: 'evidence', to: '/evidence', icon: IconFileCertificate, allowed: (can) => can.somewhere('evidence:read') },
  { key: 'folders', to: '/folders', icon: IconFolders },
  { key: 'library', to: '/library', icon: IconLibrary, allowed: (can) => can.somewhere('framework:read') },
  { key: 'members', to: '/members', icon: IconUsers, allowed: (can) => can.everywhere('member:read') },
  { key: 'groups', to: '/groups', icon: IconUsersGroup, allowed: (can) => can.somewhere('group:read') },
  { key: 'roles', to: '/roles', icon: IconShieldCheck, allowed: (can) => can.somewhere('role:read') },
  { key: 'tokens', to: '/tokens', icon: IconKey },
  { key: 'audit', to: '/audit', icon: IconHistory, allowed: (can) => can.somewhere('audit_event:read') },
  { key: 'jobs', to: '/jobs', icon: IconListCheck, allowed: (can) => can.somewhere('job:read') },
  // The outbox shows mail that could not be sent, invitation links included.
  { key: 'outbox', to: '/outbox', icon: IconMail, allowed: (can) => can.everywhere('outbox_email:read') },
  { key: 'settings', to: '/settings', icon: IconSettings, allowed: (can) => can.everywhere('organization:update') },
];

export function NavLinks() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  // Until the user enrols in two-factor authentication, their profile is the one page the organisation allows.
  const enrolmentRequired = mustEnrolTotp(useMe());
  const shown = enrolmentRequired
    ? [{ key: 'profile' as const, to: '/profile', icon: IconUser }]
    : items.filter((item) => item.allowed?.(can) ?? true);

  return (
    <Stack gap={2}>
      {shown.map(({ key, to, icon: Icon }) => {
        const active = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <NavLink
            key={key}
            component={Link}
            to={to}
            label={t(`nav.${key}`)}
            leftSection={<Icon size={18} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
          />
        );
      })}
    </Stack>
  );
}
