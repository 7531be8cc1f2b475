import { schemaResolver, useForm } from '@mantine/form';
import { loginFormSchema, type LoginForm } from '@contract';

export function useSignInForm() {
  return useForm<LoginForm>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: schemaResolver(loginFormSchema, { sync: true }),
  });
}

export type SignInFormApi = ReturnType<typeof useSignInForm>;
