/**
 * A schema built the first time it is used rather than when the contract is imported. The
 * console's first bundle imports the whole contract, and building every schema up front was
 * about half of that bundle's evaluation on a cold load (25–60 ms here), in the task that decides
 * how long the page cannot paint or take input; most screens use a handful of them. The stand-in
 * is a proxy of the schema: reading any property (`parse`, `shape`, `extend`, zod's internals)
 * builds it once and reads it there, so it goes wherever a schema goes.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_target, key) => {
      const schema = real();
      return Reflect.get(schema, key, schema) as unknown;
    },
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
