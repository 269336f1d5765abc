import { MikroORM } from '@mikro-orm/postgresql';

const orm = await MikroORM.init({
  clientUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  entities: [],
  discovery: { warnWhenNoEntities: false },
  debug: true,
});
const conn = orm.em.getConnection();
console.log(
  await conn.execute(
    'select ?::int + 1 as x, ?::jsonb as j, ?::text[] as arr',
    [41, JSON.stringify({ a: "it's" }), ['a', 'b']],
    'all',
  ),
);
const r = await orm.em.transactional(async (em) => {
  return em.getConnection().execute('select txid_current() as t', [], 'all', em.getTransactionContext());
});
console.log(r);
await orm.close();
