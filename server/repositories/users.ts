import type { Permission, User } from '../../contract';
import type { Db } from '../db/database';

export interface UserRecord extends User {
  permissions: Permission[];
}

interface UserRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  password: string;
  is_staff: number;
  is_superuser: number;
  permissions: string;
}

export interface NewUser {
  email: string;
  first_name: string;
  last_name: string;
  password: string;
  is_staff: boolean;
  is_superuser: boolean;
  permissions: Permission[];
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    name: `${row.first_name} ${row.last_name}`,
    is_staff: row.is_staff === 1,
    is_superuser: row.is_superuser === 1,
    permissions: row.permissions.split(',').filter(Boolean) as Permission[],
  };
}

export function createUserRepository(db: Db) {
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO users (email, first_name, last_name, password, is_staff, is_superuser, permissions)
     VALUES (@email, @first_name, @last_name, @password, @is_staff, @is_superuser, @permissions)`,
  );
  return {
    /** The user and their stored password, for sign-in only. */
    findCredentials(email: string): { user: UserRecord; password: string } | undefined {
      const row = byEmail.get(email) as UserRow | undefined;
      return row && { user: toRecord(row), password: row.password };
    },
    findByEmail(email: string): UserRecord | undefined {
      const row = byEmail.get(email) as UserRow | undefined;
      return row && toRecord(row);
    },
    findById(id: number): UserRecord | undefined {
      const row = byId.get(id) as UserRow | undefined;
      return row && toRecord(row);
    },
    insert(user: NewUser): number {
      const result = insert.run({
        ...user,
        is_staff: user.is_staff ? 1 : 0,
        is_superuser: user.is_superuser ? 1 : 0,
        permissions: user.permissions.join(','),
      });
      return Number(result.lastInsertRowid);
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
