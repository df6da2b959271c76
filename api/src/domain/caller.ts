/** Who is calling, as proven by a validated token. Nothing else in the API trusts a user id. */
export interface Caller {
  userId: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  roles: string[];
}

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('Admin');
