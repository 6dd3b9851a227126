// The floor of node:http itself: every request answered with the same dashboard body, no GraphQL.
// Plain JavaScript, run by node directly, so nothing but the runtime is measured.
'use strict';
const http = require('node:http');

const body = Buffer.from(JSON.stringify({ data: { dashboard: JSON.parse(process.env.FLOOR_DASHBOARD) } }));

http
  .createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(body);
    });
  })
  // The server's own backlog (src/server.ts): Node's 511 resets connections when 5,000 arrive at once.
  .listen({ port: Number(process.env.PORT), host: '127.0.0.1', backlog: 4096 }, () => console.log('floor server ready'));
