import {
  DEFAULT_GRAPH_LATENCY,
  createLatencySampler,
  logNormal,
  meanMs,
} from '../../../../api/src/local/graph-simulator/latencyModel';
import { latencyClassOf } from '../../../../api/src/local/graph-simulator/dispatcher';
import { createPrng } from '../../../../api/src/local/demo-org/prng';

/** The simulator's Graph latency: the distribution it promises, repeatable from its seed. */

const draws = (next: () => number, n: number) => Array.from({ length: n }, next);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

describe('Graph latency model', () => {
  it('has the median and 99th percentile it is given', () => {
    const values = draws(logNormal({ medianMs: 200, p99Ms: 1500 }, createPrng(7).next), 20_000);
    expect(percentile(values, 0.5)).toBeGreaterThan(190);
    expect(percentile(values, 0.5)).toBeLessThan(210);
    expect(percentile(values, 0.99)).toBeGreaterThan(1350);
    expect(percentile(values, 0.99)).toBeLessThan(1650);
    expect(Math.min(...values)).toBeGreaterThan(0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const expected = meanMs({ medianMs: 200, p99Ms: 1500 });
    expect(expected).toBeGreaterThan(280);
    expect(Math.abs(mean - expected) / expected).toBeLessThan(0.05);
  });

  it('gives the same sequence for the same seed, another for another seed', () => {
    const run = (seed: string) => {
      const sampler = createLatencySampler({ ...DEFAULT_GRAPH_LATENCY, seed });
      return draws(() => sampler.next('calendar'), 50);
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });

  it('keeps each class’s sequence whatever the other class draws in between', () => {
    const alone = createLatencySampler(DEFAULT_GRAPH_LATENCY);
    const mixed = createLatencySampler(DEFAULT_GRAPH_LATENCY);
    const calendarAlone = draws(() => alone.next('calendar'), 20);
    const calendarMixed = draws(() => {
      mixed.next('directory');
      return mixed.next('calendar');
    }, 20);
    expect(calendarMixed).toEqual(calendarAlone);
  });

  it('never exceeds its cap and answers in whole milliseconds', () => {
    const sampler = createLatencySampler({
      ...DEFAULT_GRAPH_LATENCY,
      calendar: { medianMs: 500, p99Ms: 50_000 },
      maxMs: 3000,
    });
    const values = draws(() => sampler.next('calendar'), 2000);
    expect(Math.max(...values)).toBe(3000);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it('refuses a model whose tail is below its median', () => {
    expect(() =>
      createLatencySampler({
        ...DEFAULT_GRAPH_LATENCY,
        directory: { medianMs: 300, p99Ms: 100 },
      }),
    ).toThrow(/directory needs 0 < median ≤ p99/);
  });

  it('delays calendar and directory requests and nothing else', () => {
    expect(latencyClassOf('POST', '/users/abc/calendar/getSchedule', true)).toBe('calendar');
    expect(latencyClassOf('POST', '/users/abc/events', true)).toBe('calendar');
    expect(latencyClassOf('GET', '/users/delta', false)).toBe('directory');
    expect(latencyClassOf('GET', '/users/abc/manager', false)).toBe('directory');
    expect(latencyClassOf('GET', '/groups?$search="x"', false)).toBe('directory');
    expect(latencyClassOf('POST', '/users/abc/teamwork/sendActivityNotification', false)).toBe(
      null,
    );
    expect(latencyClassOf('POST', '/chats', false)).toBe(null);
  });
});
