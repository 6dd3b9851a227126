// The package publishes `graphql-ws/use/ws` through package.json `exports` only, which this
// project's `moduleResolution: node` does not read; Node and Jest do. Types only.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
