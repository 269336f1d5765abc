import { Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { officeQuery } from '../../../api/directory.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import { type ReferralDetail, useAnswer } from '../api.ts';

type Action = 'accept' | 'decline' | 'redirect' | 'add-service';

/** An office id, with the office's name once the directory knows it. */
export function OfficeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [id] = useDebouncedValue(value.trim(), 300);
  const office = useQuery({ ...officeQuery(id), enabled: id.length > 2 });
  return (
    <TextInput
      label={t('referral.office')}
      placeholder="office-75-bav"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={
        office.data
          ? office.data.name
          : office.isError
            ? t('referral.officeUnknown')
            : t('referral.officeHint')
      }
      error={error}
    />
  );
}

/**
 * The office's answers to a proposal: accept, decline (a reason), redirect elsewhere (an office and
 * a reason); once accepted, add a service elsewhere. Errors land on the field the service names.
 */
export function ReferralActions({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const available: Action[] =
    referral.status === 'proposed' ? ['accept', 'decline', 'redirect'] : ['add-service'];
  const [action, setAction] = useState<Action>(available[0]!);
  const [reason, setReason] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useRef(idempotencyKey());
  const answer = useAnswer(referral.referralId);
  if (!['proposed', 'accepted'].includes(referral.status)) return null;

  const submit = () => {
    setErrors({});
    const sent =
      action === 'accept'
        ? ({ kind: 'accept' } as const)
        : action === 'decline'
          ? ({ kind: 'decline', reason } as const)
          : ({ kind: action, target: { officeId: officeId.trim(), reason } } as const);
    answer.mutate(
      { answer: sent, key: key.current },
      {
        onSuccess: () => {
          key.current = idempotencyKey();
          setReason('');
          setOfficeId('');
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.status < 500) key.current = idempotencyKey();
          setErrors(fieldErrors(error.problem, ['reason', 'officeId']).byField);
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      {available.length > 1 && (
        <SegmentedControl
          aria-label={t('referral.answer')}
          value={action}
          onChange={(value) => setAction(value as Action)}
          data={available.map((value) => ({ value, label: t(`referral.actions.${value}`) }))}
        />
      )}
      {(action === 'redirect' || action === 'add-service') && (
        <OfficeField value={officeId} onChange={setOfficeId} error={errors['officeId']} />
      )}
      {action !== 'accept' && (
        <Textarea
          label={t('referral.reason')}
          required
          minLength={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors['reason']}
        />
      )}
      {answer.isError && <ProblemAlert error={answer.error} />}
      <Group>
        <Button onClick={submit} loading={answer.isPending} color={action === 'decline' ? 'red' : undefined}>
          {t(`referral.actions.${action}`)}
        </Button>
      </Group>
    </Stack>
  );
}
