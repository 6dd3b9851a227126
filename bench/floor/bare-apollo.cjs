// The floor of the stack: Apollo Server 5 behind plain node:http (executeHTTPGraphQLRequest), one
// resolver returning the same dashboard object. No database, no token, no admission control.
'use strict';
const http = require('node:http');
const { ApolloServer, HeaderMap } = require('@apollo/server');

const dashboard = JSON.parse(process.env.FLOOR_DASHBOARD);
const typeDefs = `
  type Query { dashboard(days: Int!): Dashboard }
  type Owner { id: ID! }
  type Point { date: String entryCount: Int countSum: String averageScaleScore: Float }
  type Category {
    category: String entryCount: Int scaleEntryCount: Int countEntryCount: Int countSum: String
    activeDays: Int averageEntriesPerDay: String averageCountPerDay: String averageScaleScore: Float
    series: [Point]
  }
  type Dashboard { owner: Owner days: Int dateFrom: String dateTo: String generatedAt: String categories: [Category] }`;

async function main() {
  const apollo = new ApolloServer({ typeDefs, resolvers: { Query: { dashboard: () => dashboard } } });
  await apollo.start();
  http
    .createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', async () => {
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(request.headers)) {
          headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const answer = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method,
            headers,
            search: '',
            body: JSON.parse(Buffer.concat(chunks).toString()),
          },
          context: async () => ({}),
        });
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        response.statusCode = answer.status ?? 200;
        response.end(answer.body.kind === 'complete' ? answer.body.string : '');
      });
    })
    // The server's own backlog (src/server.ts): Node's 511 resets connections when 5,000 arrive at once.
    .listen({ port: Number(process.env.PORT), host: '127.0.0.1', backlog: 4096 }, () => console.log('floor server ready'));
}

main();
