import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { type IntakeSearch, sameNameQuery } from '../api.ts';

/**
 * Intakes that may be the same person, found as the name is typed (once name, birth date and
 * commune are known: the match key needs all four). A minimal view: channel, date, status.
 */
export function PossibleDuplicates({ search }: { search: Partial<IntakeSearch> }) {
  const { t, i18n } = useTranslation();
  const [debounced] = useDebouncedValue(search, 400);
  const complete = Boolean(
    debounced.lastName && debounced.firstName && debounced.birthDate && debounced.communeCode,
  );
  const query = useQuery({ ...sameNameQuery(debounced as IntakeSearch), enabled: complete });
  const items = query.data?.items ?? [];
  if (!complete || items.length === 0) return null;
  return (
    <Alert
      color="yellow"
      title={t('duplicates.title', { count: query.data?.total ?? items.length })}
      aria-live="polite"
    >
      <Text size="sm">{t('duplicates.hint')}</Text>
      <List size="sm" mt="xs">
        {items.map((item) => (
          <List.Item key={item.intakeId}>
            {formatDateTime(item.recordedAt, i18n.language)} · {t(`channel.${item.channel}`)} ·{' '}
            {t(`intakeStatus.${item.status}`, { defaultValue: item.status })} · {item.caseId.slice(0, 8)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
