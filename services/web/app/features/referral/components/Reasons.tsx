import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../api.ts';

/** A decision's reasons, translated from their codes; the service's English when a code is new. */
export function Reasons({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {reasons.map((reason, index) => (
        // Reasons repeat (two redirections), and their order is their meaning: the index is the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: a reason list never reorders
        <List.Item key={index}>
          {t(`reasons.${reason.code}`, {
            ...reason.params,
            defaultValue: reason.text,
            interpolation: { escapeValue: false },
          })}
        </List.Item>
      ))}
    </List>
  );
}
