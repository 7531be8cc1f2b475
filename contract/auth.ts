import { z } from 'zod';
import { lazySchema } from './lazy';

export const loginFormSchema = lazySchema(() =>
  z.object({
    username: z.string().trim().min(1, 'Enter your e-mail address').max(320),
    password: z.string().min(1, 'Enter your password').max(1024),
  }),
);
export type LoginForm = z.infer<typeof loginFormSchema>;

export const tokenPairSchema = lazySchema(() =>
  z.object({
    access_token: z.string(),
    ejento_access_token: z.string(),
    // OAuth 2's token type is case-insensitive (RFC 6749 §5.1): a tenant may answer "Bearer".
    token_type: z.string().regex(/^bearer$/i),
    expires_in: z.number().int(),
  }),
);
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const userSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    name: z.string(),
    is_staff: z.boolean(),
    is_superuser: z.boolean(),
  }),
);
export type User = z.infer<typeof userSchema>;

export const PERMISSIONS = ['view', 'edit', 'publish', 'rollback'] as const;
export const permissionSchema = lazySchema(() => z.enum(PERMISSIONS));
export type Permission = z.infer<typeof permissionSchema>;

/**
 * `DELETE /agents/{id}` removes what end users get along with staging and the whole history, so
 * it takes the permissions to change both staging and production. [ours]
 */
export const DELETE_AGENT_PERMISSIONS: readonly Permission[] = ['edit', 'publish'];
export const permissionsSchema = lazySchema(() => z.object({ permissions: z.array(permissionSchema) }));
