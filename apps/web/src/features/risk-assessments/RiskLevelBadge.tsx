import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOn } from './levels';
import type { MatrixDefinition } from './use-risk-assessments';

/** A risk level in its matrix colour; "Not rated" when there is none. */
export function RiskLevelBadge({ level, definition }: { level: number; definition: MatrixDefinition | undefined }) {
  const { t } = useTranslation('riskAssessments');
  const risk = level >= 0 ? definition?.risk[level] : undefined;
  if (!risk) {
    return (
      <Badge variant="outline" color="gray.7">
        {level >= 0 ? level + 1 : t('notRated')}
      </Badge>
    );
  }
  return <Badge style={{ background: risk.color, color: textOn(risk.color) }}>{risk.name}</Badge>;
}
