import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { urgencyColour } from '../../referral/components/ReferralTable.tsx';
import { openIntakesQuery } from '../api.ts';

/** The intakes that stay open until someone completes them (no identity), newest first. */
export function OpenIntakesPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(openIntakesQuery);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('openIntakes.title')}
      </Title>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('openIntakes.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Caption>{t('openIntakes.count', { count: total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('openIntakes.urgency')}</Table.Th>
                    <Table.Th>{t('openIntakes.offence')}</Table.Th>
                    <Table.Th>{t('openIntakes.channel')}</Table.Th>
                    <Table.Th>{t('openIntakes.recordedAt')}</Table.Th>
                    <Table.Th>{t('openIntakes.case')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.intakeId}>
                      <Table.Td>
                        <Badge color={urgencyColour[item.urgency] ?? 'gray.7'}>
                          {t(`urgency.${item.urgency}`, { defaultValue: item.urgency })}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {t(`offence.${item.offenceCategory}`, { defaultValue: item.offenceCategory })}
                      </Table.Td>
                      <Table.Td>{t(`channel.${item.channel}`)}</Table.Td>
                      <Table.Td>{formatDateTime(item.recordedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Anchor
                          renderRoot={(props) => (
                            <Link
                              {...props}
                              to="/helpline/open-intakes/$intakeId"
                              params={{ intakeId: item.intakeId }}
                            />
                          )}
                        >
                          {t('openIntakes.open', { id: item.caseId.slice(0, 8) })}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
