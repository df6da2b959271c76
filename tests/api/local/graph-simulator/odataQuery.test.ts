import {
  DEFAULT_USER_PROPERTIES,
  assertOnlyOptions,
  contextFragment,
  parseAccountEnabledFilter,
  parseNameStartsWithFilter,
  parseSelect,
  parseTop,
  preferredPageSize,
  readQueryOptions,
} from '../../../../api/src/local/graph-simulator/odataQuery';
import { GraphHttpError } from '../../../../api/src/local/graph-simulator/graphErrors';

const graphError = (fn: () => unknown): GraphHttpError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphHttpError) return error;
    throw error;
  }
  throw new Error('expected a Graph error');
};

describe('$select', () => {
  it('keeps Graph’s spelling whatever the caller’s case, without duplicates', () => {
    expect(parseSelect('ID,displayname, JobTitle,id', { allowManager: false })).toEqual({
      properties: ['id', 'displayName', 'jobTitle'],
      manager: false,
    });
  });

  it('means the default property set when absent', () => {
    expect(parseSelect(undefined, { allowManager: false })).toEqual({
      properties: null,
      manager: false,
    });
    expect(DEFAULT_USER_PROPERTIES).toEqual(
      expect.arrayContaining(['id', 'displayName', 'mail', 'jobTitle']),
    );
    expect(DEFAULT_USER_PROPERTIES).not.toContain('accountEnabled');
  });

  it('refuses an unknown property with Graph’s message', () => {
    const error = graphError(() => parseSelect('id,shoeSize', { allowManager: false }));
    expect(error).toMatchObject({ status: 400, code: 'Request_UnsupportedQuery' });
    expect(error.message).toBe(
      "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    );
  });

  it('allows manager only where delta tracks it', () => {
    expect(parseSelect('displayName,manager', { allowManager: true })).toEqual({
      properties: ['displayName'],
      manager: true,
    });
    expect(graphError(() => parseSelect('manager', { allowManager: false })).status).toBe(400);
  });
});

describe('page size', () => {
  it('accepts $top from 1 to 999 and rejects anything else like Graph', () => {
    expect(parseTop(undefined)).toBeUndefined();
    expect(parseTop('1')).toBe(1);
    expect(parseTop('999')).toBe(999);
    for (const bad of ['0', '1000', '-5', 'ten', '9.5']) {
      const error = graphError(() => parseTop(bad));
      expect(error).toMatchObject({ status: 400, code: 'Request_UnsupportedQuery' });
    }
    expect(graphError(() => parseTop('1000')).message).toBe(
      "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    );
  });

  it('reads Prefer: odata.maxpagesize, capped at 999', () => {
    expect(preferredPageSize({ prefer: 'odata.maxpagesize=250' })).toBe(250);
    expect(preferredPageSize({ prefer: 'return=minimal, odata.maxpagesize=5000' })).toBe(999);
    expect(preferredPageSize({})).toBeUndefined();
  });
});

describe('$filter', () => {
  it('supports accountEnabled eq true|false and the people picker’s startswith on displayName only', () => {
    expect(parseAccountEnabledFilter(undefined)).toBeNull();
    expect(parseAccountEnabledFilter('accountEnabled eq true')).toBe(true);
    expect(parseAccountEnabledFilter(' AccountEnabled  eq FALSE ')).toBe(false);
    expect(parseAccountEnabledFilter("startswith(displayName,'A')")).toBeNull();
    expect(parseNameStartsWithFilter("startswith(displayName,'O''Brien')")).toBe("o'brien");
    expect(parseNameStartsWithFilter('accountEnabled eq true')).toBeNull();
    const error = graphError(() => parseAccountEnabledFilter("startswith(mail,'A')"));
    expect(error).toMatchObject({ status: 400, code: 'Request_UnsupportedQuery' });
    expect(error.message).toMatch(/accountEnabled eq true/);
  });
});

describe('query options', () => {
  it('are case-insensitive and refused when the endpoint does not support them', () => {
    const options = readQueryOptions(new URLSearchParams('$SELECT=id&$expand=manager&other=1'));
    expect(options.get('$select')).toBe('id');
    expect(graphError(() => assertOnlyOptions(options, ['$select'])).message).toMatch(
      /'\$expand' is not supported/,
    );
    expect(() => assertOnlyOptions(options, ['$select', '$expand'])).not.toThrow();
  });

  it('name the selection in @odata.context as Graph does', () => {
    expect(contextFragment('users', { properties: null, manager: false })).toBe('users');
    expect(contextFragment('users', { properties: ['id', 'displayName'], manager: true })).toBe(
      'users(id,displayName,manager)',
    );
  });
});
