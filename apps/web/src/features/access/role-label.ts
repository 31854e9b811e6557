import { useTranslation } from 'react-i18next';

const builtinKeys = ['owner', 'manager', 'contributor', 'auditor', 'reader'] as const;
type BuiltinKey = (typeof builtinKeys)[number];

const isBuiltinKey = (key: string | null | undefined): key is BuiltinKey =>
  typeof key === 'string' && (builtinKeys as readonly string[]).includes(key);

interface Named {
  key?: string | null;
  name: string;
  description?: string | null;
}

/** Names and descriptions of roles in the reader's language: built-in roles by key, custom ones as they were named. */
export function useRoleText() {
  const { t } = useTranslation('access');
  return {
    name: (role: Named) => (isBuiltinKey(role.key) ? t(`builtinRoles.${role.key}.name`) : role.name),
    description: (role: Named) =>
      isBuiltinKey(role.key) ? t(`builtinRoles.${role.key}.description`) : (role.description ?? ''),
  };
}
