import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textColorOn } from './contrast';
import type { MatrixDefinition } from './use-risk-register';

/** A risk level in its matrix colour (text black or white for contrast); "not rated" when there is none. */
export function LevelBadge({ level, definition }: { level: number; definition: MatrixDefinition | undefined }) {
  const { t } = useTranslation('riskRegister');
  const risk = level >= 0 ? definition?.risk[level] : undefined;
  if (!risk) {
    return (
      <Badge variant="outline" color="gray.7">
        {level >= 0 ? level + 1 : t('notRated')}
      </Badge>
    );
  }
  return <Badge style={{ background: risk.color, color: textColorOn(risk.color) }}>{risk.name}</Badge>;
}
