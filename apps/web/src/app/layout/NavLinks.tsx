import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBug,
  IconChecklist,
  IconFileCertificate,
  IconFolders,
  IconGauge,
  IconGridDots,
  IconHistory,
  IconKey,
  IconLibrary,
  IconListCheck,
  IconMail,
  IconServer,
  IconSettings,
  IconShieldCheck,
  IconShieldHalf,
  IconShieldX,
  IconSignature,
  IconSkull,
  IconTable,
  IconUser,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import { type ComponentType, Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type Can, useCan } from '../session/can';
import { mustEnrolTotp, useMe } from '../session/me';

type NavKey =
  | 'profile'
  | 'dashboard'
  | 'controls'
  | 'evidence'
  | 'assessments'
  | 'assets'
  | 'riskAssessments'
  | 'riskRegister'
  | 'riskAcceptances'
  | 'securityExceptions'
  | 'findings'
  | 'threats'
  | 'riskMatrices'
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

type Section = 'compliance' | 'risk' | 'library' | 'administration';

interface NavItem {
  key: NavKey;
  to: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  section?: Section;
  allowed?: (can: Can) => boolean;
}

/** Pages the caller may open: those whose list the server would refuse are not offered. */
const items: NavItem[] = [
  {
    key: 'dashboard',
    to: '/dashboard',
    icon: IconGauge,
    section: 'compliance',
    allowed: (can) => can.somewhere('compliance_assessment:read'),
  },
  {
    key: 'assessments',
    to: '/assessments',
    icon: IconChecklist,
    section: 'compliance',
    allowed: (can) => can.somewhere('compliance_assessment:read'),
  },
  {
    key: 'controls',
    to: '/controls',
    icon: IconShieldHalf,
    section: 'compliance',
    allowed: (can) => can.somewhere('applied_control:read'),
  },
  {
    key: 'evidence',
    to: '/evidence',
    icon: IconFileCertificate,
    section: 'compliance',
    allowed: (can) => can.somewhere('evidence:read'),
  },
  { key: 'assets', to: '/assets', icon: IconServer, section: 'risk', allowed: (can) => can.somewhere('asset:read') },
  {
    key: 'riskAssessments',
    to: '/risk-assessments',
    icon: IconAlertTriangle,
    section: 'risk',
    allowed: (can) => can.somewhere('risk_assessment:read'),
  },
  {
    key: 'riskRegister',
    to: '/risk-scenarios',
    icon: IconTable,
    section: 'risk',
    allowed: (can) => can.somewhere('risk_scenario:read'),
  },
  {
    key: 'riskAcceptances',
    to: '/risk-acceptances',
    icon: IconSignature,
    section: 'risk',
    allowed: (can) => can.somewhere('risk_acceptance:read'),
  },
  {
    key: 'securityExceptions',
    to: '/security-exceptions',
    icon: IconShieldX,
    section: 'risk',
    allowed: (can) => can.somewhere('security_exception:read'),
  },
  { key: 'findings', to: '/findings', icon: IconBug, section: 'risk', allowed: (can) => can.somewhere('finding:read') },
  { key: 'folders', to: '/folders', icon: IconFolders, section: 'library' },
  {
    key: 'library',
    to: '/library',
    icon: IconLibrary,
    section: 'library',
    allowed: (can) => can.somewhere('framework:read'),
  },
  {
    key: 'threats',
    to: '/threats',
    icon: IconSkull,
    section: 'library',
    allowed: (can) => can.somewhere('threat:read'),
  },
  {
    key: 'riskMatrices',
    to: '/risk-matrices',
    icon: IconGridDots,
    section: 'library',
    allowed: (can) => can.somewhere('risk_matrix:read'),
  },
  {
    key: 'members',
    to: '/members',
    icon: IconUsers,
    section: 'administration',
    allowed: (can) => can.everywhere('member:read'),
  },
  {
    key: 'groups',
    to: '/groups',
    icon: IconUsersGroup,
    section: 'administration',
    allowed: (can) => can.somewhere('group:read'),
  },
  {
    key: 'roles',
    to: '/roles',
    icon: IconShieldCheck,
    section: 'administration',
    allowed: (can) => can.somewhere('role:read'),
  },
  { key: 'tokens', to: '/tokens', icon: IconKey, section: 'administration' },
  {
    key: 'audit',
    to: '/audit',
    icon: IconHistory,
    section: 'administration',
    allowed: (can) => can.somewhere('audit_event:read'),
  },
  {
    key: 'jobs',
    to: '/jobs',
    icon: IconListCheck,
    section: 'administration',
    allowed: (can) => can.somewhere('job:read'),
  },
  // The outbox shows mail that could not be sent, invitation links included.
  {
    key: 'outbox',
    to: '/outbox',
    icon: IconMail,
    section: 'administration',
    allowed: (can) => can.everywhere('outbox_email:read'),
  },
  {
    key: 'settings',
    to: '/settings',
    icon: IconSettings,
    section: 'administration',
    allowed: (can) => can.everywhere('organization:update'),
  },
];

export function NavLinks() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  // Until the user enrols in two-factor authentication, their profile is the one page the organisation allows.
  const enrolmentRequired = mustEnrolTotp(useMe());
  const shown: NavItem[] = enrolmentRequired
    ? [{ key: 'profile', to: '/profile', icon: IconUser }]
    : items.filter((item) => item.allowed?.(can) ?? true);

  return (
    <Stack gap={2}>
      {shown.map(({ key, to, icon: Icon, section }, index) => {
        const active = pathname === to || pathname.startsWith(`${to}/`);
        const startsSection = section && section !== shown[index - 1]?.section;
        return (
          <Fragment key={key}>
            {startsSection && (
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={index === 0 ? 0 : 'sm'} pb={2}>
                {t(`nav.sections.${section}`)}
              </Text>
            )}
            <NavLink
              component={Link}
              to={to}
              label={t(`nav.${key}`)}
              leftSection={<Icon size={18} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
            />
          </Fragment>
        );
      })}
    </Stack>
  );
}
