import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, intake } from '../api/client.ts';
import { type Commune, choicesOf } from './communes.ts';

export type { Commune };

const keyOf = (c: { code: string; postcode: string }) => `${c.code}:${c.postcode}`;
const labelOf = (c: Commune) => `${c.name} (${c.postcode})`;

/**
 * A commune by postcode or name, from the official geography (intake's `GET /communes` through the
 * BFF): type "75011" or "roquev", arrows, Enter. Gives the INSEE code and the postcode routing needs.
 */
export function CommunePicker({
  value,
  onChange,
  error,
  label,
  required,
}: {
  value: { postcode?: string; communeCode?: string; name?: string };
  onChange: (commune: Commune | null) => void;
  error?: React.ReactNode;
  label?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Commune | null>(null);
  const [query] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['intake', 'communes', query],
    queryFn: async () => {
      const { items } = await data(intake.GET('/communes', { params: { query: { q: query, limit: 12 } } }));
      return { items: choicesOf(items, query) };
    },
    enabled: query.length >= 2 && query !== (picked ? labelOf(picked) : ''),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const options = [...(picked ? [picked] : []), ...(results.data?.items ?? [])];
  const unique = [...new Map(options.map((c) => [keyOf(c), c])).values()];
  const selected =
    value.communeCode && value.postcode ? keyOf({ code: value.communeCode, postcode: value.postcode }) : null;
  // Cleared from outside (the next call): the picker starts empty too.
  useEffect(() => {
    if (selected === null) {
      setPicked(null);
      setSearch('');
    }
  }, [selected]);
  return (
    <Select
      label={label ?? t('commune.label')}
      placeholder={t('commune.placeholder')}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={unique.map((c) => ({ value: keyOf(c), label: labelOf(c) }))}
      value={selected}
      onChange={(key) => {
        const commune = unique.find((c) => keyOf(c) === key) ?? null;
        setPicked(commune);
        onChange(commune);
      }}
      nothingFoundMessage={query.length >= 2 && !results.isFetching ? t('commune.none') : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
