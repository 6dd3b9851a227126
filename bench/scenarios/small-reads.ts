import { answered } from '../lib/load';
import { rowFromRuns, steadyRuns, type BenchContext, type ScenarioRow } from '../lib/scenario';
import { costTarget } from '../lib/targets';

const CONNECTIONS = 50;
const TYPENAME = 'query BenchTypename { __typename }';
const ME = 'query BenchMe { me { id fullName } }';

const load = (ctx: BenchContext) => `${CONNECTIONS} conns, ${ctx.settings.scenarioSeconds} s`;

/** The cheapest request there is, anonymous: what the HTTP and GraphQL layers cost alone. */
export async function typename(ctx: BenchContext): Promise<ScenarioRow[]> {
  ctx.log(`{ __typename }: ${CONNECTIONS} connections, ${ctx.settings.repeat} × ${ctx.settings.scenarioSeconds} s`);
  const runs = await steadyRuns(ctx, CONNECTIONS, {
    request: () => ({ operationName: 'BenchTypename', query: TYPENAME }),
    check: (body) => answered(body, '"__typename":"Query"'),
  });
  return [
    rowFromRuns('{ __typename }, anonymous', load(ctx), runs, (m) => costTarget('CPU', 0.25, m.cpuMsPerRequest), {
      plannedRuns: ctx.settings.repeat,
    }),
  ];
}

/** The viewer's own profile with a token: what authentication adds (one token per owner, in turn). */
export async function me(ctx: BenchContext): Promise<ScenarioRow[]> {
  const owners = ctx.fixtures.owners;
  ctx.log(`me: ${CONNECTIONS} connections, ${ctx.settings.repeat} × ${ctx.settings.scenarioSeconds} s (${owners.length} tokens)`);
  const runs = await steadyRuns(ctx, CONNECTIONS, {
    request: (n) => {
      const owner = owners[n % owners.length]!;
      return { operationName: 'BenchMe', query: ME, token: owner.token, expect: `"me":{"id":"${owner.id}","fullName":"` };
    },
    check: (body, expected) => answered(body, expected),
  });
  return [
    rowFromRuns('me { id fullName }, with a token', load(ctx), runs, (m) => costTarget('CPU', 0.4, m.cpuMsPerRequest), {
      plannedRuns: ctx.settings.repeat,
      notes: [`one token per demo owner (${owners.length}), in turn`],
    }),
  ];
}
