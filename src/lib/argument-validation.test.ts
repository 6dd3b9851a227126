import 'reflect-metadata';
import { ArrayMaxSize, IsEmail, Length, Max, ValidateNested } from 'class-validator';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Field, InputType, Int, Mutation, Query, Resolver, buildSchema } from 'type-graphql';
import { validateArgument } from './argument-validation';

@InputType()
class LineInput {
  @Field(() => Int)
  @Max(10)
  count!: number;
}

@InputType()
class OrderInput {
  @Field(() => String)
  @IsEmail()
  email!: string;

  @Field(() => String, { nullable: true })
  @Length(1, 5)
  note?: string;

  @Field(() => [LineInput])
  @ArrayMaxSize(3)
  @ValidateNested()
  lines!: LineInput[];
}

@InputType()
class NamedInput {
  @Field(() => String)
  @Length(1, 3)
  name!: string;
}

/** No decorator of its own: the constraint comes from NamedInput. */
@InputType()
class RenameInput extends NamedInput {
  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
class UncheckedInput {
  @Field(() => String)
  anything!: string;
}

@Resolver()
class OrderResolver {
  @Mutation(() => Boolean)
  rename(@Arg('input', () => RenameInput) _input: RenameInput): boolean {
    return true;
  }

  @Mutation(() => Boolean)
  note(@Arg('input', () => UncheckedInput) _input: UncheckedInput): boolean {
    return true;
  }

  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => Boolean)
  placeOrder(@Arg('input', () => OrderInput) _input: OrderInput, @Arg('tag', () => String, { nullable: true }) _tag?: string): boolean {
    return true;
  }
}

describe('validateArgument', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [OrderResolver], validate: true, validateFn: validateArgument });
  });

  const place = (input: unknown) =>
    graphql({
      schema,
      source: 'mutation ($input: OrderInput!) { placeOrder(input: $input) }',
      variableValues: { input },
    });

  it('lets valid input through, omitted optional fields included', async () => {
    const result = await place({ email: 'a@example.com', lines: [{ count: 1 }] });
    expect(result).toEqual({ data: { placeOrder: true } });
  });

  it('reports BAD_USER_INPUT with a fieldErrors path from the argument name down', async () => {
    const result = await place({ email: 'nope', note: 'far too long', lines: [{ count: 1 }, { count: 11 }] });
    const [error] = result.errors ?? [];
    expect(error?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: ['input', 'email'], message: 'email must be an email', constraint: 'isEmail' },
        { path: ['input', 'note'], message: expect.stringContaining('note must be'), constraint: 'isLength' },
        { path: ['input', 'lines', 1, 'count'], message: 'count must not be greater than 10', constraint: 'max' },
      ],
    });
    expect(error?.message).toBe('email must be an email');
  });

  it('checks what a class inherits, every time, and lets a class without constraints through', async () => {
    for (let i = 0; i < 2; i += 1) {
      const refused = await graphql({ schema, source: 'mutation { rename(input: { name: "far too long" }) }' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'name'], constraint: 'isLength' }] });
      expect(await graphql({ schema, source: 'mutation { rename(input: { name: "ok" }) }' })).toEqual({ data: { rename: true } });
    }
    expect(await graphql({ schema, source: 'mutation { note(input: { anything: "far too long for NamedInput" }) }' })).toEqual({ data: { note: true } });
  });
});
