import { partitionsNamedBy } from '../../../api/src/local/partitionKeyFilter';

/**
 * Which cross-partition queries the embedded server may run over the partitions they name: only
 * those whose answer cannot include a document from any other partition.
 */

const PK = ['pk'];
const params = [
  { name: '@pk0', value: 't|a' },
  { name: '@pk1', value: 't|b' },
];

describe('partitions a query names with IN', () => {
  it('reads the named values from parameters and literals', () => {
    expect(
      partitionsNamedBy(
        "SELECT c.id FROM c WHERE c.pk IN (@pk0, @pk1) AND (c.type = 'a' OR c.type = 'b')",
        params,
        PK,
      ),
    ).toEqual(new Set(['t|a', 't|b']));
    expect(partitionsNamedBy("SELECT * FROM c WHERE c.pk IN ('t|x') ORDER BY c.n", [], PK)).toEqual(
      new Set(['t|x']),
    );
    expect(partitionsNamedBy('select * from d where d.pk in (@pk0)', params, PK)).toEqual(
      new Set(['t|a']),
    );
  });

  it('refuses a filter another partition could still satisfy', () => {
    // AND binds tighter than OR: `pk IN (…) AND x OR y` matches y anywhere.
    expect(
      partitionsNamedBy(
        "SELECT * FROM c WHERE c.pk IN (@pk0) AND c.a = 1 OR c.b = 'x'",
        params,
        PK,
      ),
    ).toBeUndefined();
    expect(partitionsNamedBy('SELECT * FROM c WHERE c.pk IN (@pk0) OR c.b = 1', params, PK)).toBe(
      undefined,
    );
    expect(
      partitionsNamedBy(
        'SELECT * FROM c WHERE c.pk IN (@pk0) AND (c.a = 1) OR (c.b = 1)',
        params,
        PK,
      ),
    ).toBeUndefined();
  });

  it('ignores an OR inside a string or parentheses', () => {
    expect(
      partitionsNamedBy("SELECT * FROM c WHERE c.pk IN (@pk0) AND c.title = ' OR '", params, PK),
    ).toEqual(new Set(['t|a']));
  });

  it('leaves every other shape to run over the whole container', () => {
    const shapes = [
      'SELECT * FROM c WHERE ARRAY_CONTAINS(@pks, c.pk)',
      'SELECT * FROM c WHERE c.tenantId IN (@pk0)',
      'SELECT * FROM c WHERE c.n = 1 AND c.pk IN (@pk0)',
      'SELECT * FROM c WHERE d.pk IN (@pk0)',
      'SELECT * FROM c WHERE c.pk IN (@missing)',
      'SELECT * FROM c WHERE c.pk IN (c.other)',
      'SELECT * FROM c WHERE (c.pk IN (@pk0))',
      'SELECT VALUE COUNT(1) FROM c WHERE c.pk IN (@pk0)',
      'SELECT * FROM c JOIN s IN c.steps WHERE c.pk IN (@pk0)',
    ];
    for (const query of shapes) expect(partitionsNamedBy(query, params, PK)).toBeUndefined();
    expect(partitionsNamedBy('SELECT * FROM c WHERE c.pk IN (@pk0)', params, ['a', 'b'])).toBe(
      undefined,
    );
  });
});
