import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../../components/format.ts';
import type { ReferralItem } from '../api.ts';

// Shades that keep white text at AA contrast.
export const urgencyColour: Record<string, string> = {
  immediate: 'red.9',
  high: 'pink.9',
  normal: 'blue.9',
  low: 'gray.7',
};

/** Referrals as rows: urgency, offence, status, answer deadline (overdue in red), where from. */
export function ReferralTable({
  items,
  caption,
}: {
  items: ReferralItem[];
  caption: string;
}): React.ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('referral.urgency')}</Table.Th>
            <Table.Th>{t('referral.offence')}</Table.Th>
            <Table.Th>{t('referral.status')}</Table.Th>
            <Table.Th>{t('referral.due')}</Table.Th>
            <Table.Th>{t('referral.proposedAt')}</Table.Th>
            <Table.Th>{t('referral.case')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.referralId}>
              <Table.Td>
                <Badge color={urgencyColour[item.urgency] ?? 'gray.7'}>{t(`urgency.${item.urgency}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {t(`offence.${item.offenceCategory}`, { defaultValue: item.offenceCategory })}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{t(`referralStatus.${item.status}`, { defaultValue: item.status })}</Text>
                  {item.overdue && <Badge color="red.9">{t('referral.overdue')}</Badge>}
                  {item.escalated && <Badge color="grape.9">{t('referral.escalated')}</Badge>}
                  {item.readOnly && <Badge variant="outline">{t('referral.readOnly')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                {item.dueAt && (
                  <Text
                    size="sm"
                    c={item.overdue ? 'red.9' : undefined}
                    title={formatDateTime(item.dueAt, i18n.language)}
                  >
                    {formatRelative(item.dueAt, i18n.language)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(item.proposedAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/referrals/$referralId" params={{ referralId: item.referralId }} />
                  )}
                >
                  {t('referral.open', { id: item.caseId.slice(0, 8) })}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
