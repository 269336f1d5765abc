import type { Sql } from '@parcours/eventstore';

/** Whose dashboard: one office, or a whole association. */
export interface Scope {
  kind: 'office' | 'association';
  id: string;
}

export interface DashboardQuery {
  scope: Scope;
  /** The instant the figures are as of (overdue, upcoming, without activity). */
  asOf: Date;
  /** Start of the period of the delays, breaches and outcomes. */
  from: Date;
  inactiveWeeks: number;
}

const hours = (value: unknown) =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
const iso = (value: unknown) => new Date(value as string).toISOString();

/**
 * An office's or an association's dashboard: each figure one query on the case views, all of them
 * in one statement (one round trip, one backend: under load, nine statements in parallel each wait
 * their turn on the CPU). Each reads the scope's rows through its indexes (bench/projections).
 */
export async function dashboard(sql: Sql, q: DashboardQuery) {
  const col = q.scope.kind === 'office' ? 'office_id' : 'association_id';
  // $1 the scope, $2 as of, $3 from, $4 the weeks without activity.
  const delay = (table: string, end: string, start: string) =>
    `SELECT count(*)::int AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${end} - ${start}) / 3600) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${end} - ${start}) / 3600) AS p90
       FROM ${table} WHERE ${col} = $1 AND ${start} >= $3 AND ${start} < $2 AND ${end} IS NOT NULL AND ${end} <= $2`;
  const figures = {
    caseload: `SELECT caseworker_id, status, count(*)::int AS files FROM pj_files
         WHERE ${col} = $1 AND status <> 'closed' AND coalesce(opened_at, last_activity_at) <= $2
         GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2`,
    referrals: `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE due_at < $2)::int AS overdue FROM pj_referrals
         WHERE ${col} = $1 AND status = 'proposed' AND proposed_at <= $2`,
    contact: delay('pj_files', 'first_contact_at', 'opened_at'),
    acceptance: delay('pj_referrals', 'accepted_at', 'proposed_at'),
    inactive: `SELECT count(*)::int AS n FROM pj_files WHERE ${col} = $1 AND status <> 'closed'
         AND (inactive_since IS NOT NULL OR last_activity_at < $2 - make_interval(weeks => $4))`,
    breaches: `SELECT kind, count(*)::int AS count FROM pj_breaches WHERE ${col} = $1 AND at >= $3 AND at < $2
         GROUP BY kind ORDER BY kind`,
    hearings: `SELECT hearing_id, file_id, office_id, starts_at, accompaniment_planned FROM pj_hearings
         WHERE ${col} = $1 AND starts_at >= $2 ORDER BY starts_at, hearing_id LIMIT 20`,
    mediations: `SELECT mandate_id, office_id, first_convocation_by, deadline FROM pj_mediations
         WHERE ${col} = $1 AND status = 'open' ORDER BY deadline, mandate_id LIMIT 20`,
    outcomes: `SELECT status, return_reason, fulfilled, count(*)::int AS count FROM pj_mediations
         WHERE ${col} = $1 AND outcome_at >= $3 AND outcome_at < $2 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  };
  // Each figure's rows as a JSON array, in the order its query gives them.
  const [row] = await sql.query<Record<keyof typeof figures, any[]>>(
    `SELECT ${Object.entries(figures)
      .map(([name, query]) => `(SELECT coalesce(json_agg(f), '[]') FROM (${query}) f) AS ${name}`)
      .join(',\n')}
     FROM (SELECT $1::text, $2::timestamptz, $3::timestamptz, $4::int) AS params`,
    [q.scope.id, q.asOf, q.from, q.inactiveWeeks],
    `dashboard_${q.scope.kind}`,
  );
  const { caseload, referrals, contact, acceptance, inactive, breaches, hearings, mediations, outcomes } =
    row as {
      caseload: { caseworker_id: string | null; status: string; files: number }[];
      referrals: { waiting: number; overdue: number }[];
      contact: { n: number; median: number | null; p90: number | null }[];
      acceptance: { n: number; median: number | null; p90: number | null }[];
      inactive: { n: number }[];
      breaches: { kind: string; count: number }[];
      hearings: {
        hearing_id: string;
        file_id: string;
        office_id: string;
        starts_at: string;
        accompaniment_planned: boolean;
      }[];
      mediations: { mandate_id: string; office_id: string; first_convocation_by: string; deadline: string }[];
      outcomes: { status: string; return_reason: string | null; fulfilled: boolean | null; count: number }[];
    };
  const delayOf = (rows: { n: number; median: number | null; p90: number | null }[]) => ({
    count: rows[0]?.n ?? 0,
    medianHours: hours(rows[0]?.median),
    p90Hours: hours(rows[0]?.p90),
  });
  const { count: files, ...contactHours } = delayOf(contact);
  const { count: accepted, ...acceptanceHours } = delayOf(acceptance);
  return {
    scope: q.scope,
    asOf: q.asOf.toISOString(),
    from: q.from.toISOString(),
    caseload: caseload.map((row) => ({
      caseworkerId: row.caseworker_id,
      status: row.status,
      files: row.files,
    })),
    referrals: { waiting: referrals[0]?.waiting ?? 0, overdue: referrals[0]?.overdue ?? 0 },
    timeToFirstContact: { files, ...contactHours },
    timeToAcceptance: { referrals: accepted, ...acceptanceHours },
    filesWithoutActivity: inactive[0]?.n ?? 0,
    deadlineBreaches: breaches,
    upcomingHearings: hearings.map((row) => ({
      hearingId: row.hearing_id,
      fileId: row.file_id,
      officeId: row.office_id,
      startsAt: iso(row.starts_at),
      accompanimentPlanned: row.accompaniment_planned,
    })),
    upcomingMediations: mediations.map((row) => ({
      mandateId: row.mandate_id,
      officeId: row.office_id,
      firstConvocationBy: row.first_convocation_by,
      deadline: row.deadline,
    })),
    mediationOutcomes: outcomes.map((row) => ({
      outcome: row.status,
      returnReason: row.return_reason,
      fulfilled: row.fulfilled,
      count: row.count,
    })),
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
