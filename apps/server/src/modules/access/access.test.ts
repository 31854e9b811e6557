import { describe, expect, it } from 'vitest';
import { Access } from './access.js';
import { builtinRoles, isKnownPermission } from './permissions-catalog.js';

const root = '/r/';
const branch = '/r/b/';
const leaf = '/r/b/l/';
const other = '/r/o/';
const permissionsOf = (key: string) => new Set(builtinRoles.find((r) => r.key === key)?.permissions ?? []);

describe('Access', () => {
  it('inherits a binding down the tree and not up or sideways', () => {
    const access = new Access('u', 'o', [{ folderId: 'b', path: branch, permissions: permissionsOf('manager') }]);
    expect(access.can('folder:create', branch)).toBe(true);
    expect(access.can('folder:create', leaf)).toBe(true);
    expect(access.can('folder:read', root)).toBe(false);
    expect(access.can('folder:read', other)).toBe(false);
    expect(access.canAtRoot('member:read')).toBe(false);
  });

  it('owner (*) may do anything; reader only reads', () => {
    const owner = new Access('u', 'o', [{ folderId: 'r', path: root, permissions: permissionsOf('owner') }]);
    expect(owner.can('role:delete', leaf)).toBe(true);
    expect(owner.canAtRoot('organization:update')).toBe(true);
    const reader = new Access('u', 'o', [{ folderId: 'r', path: root, permissions: permissionsOf('reader') }]);
    expect(reader.can('folder:read', leaf)).toBe(true);
    expect(reader.can('folder:update', leaf)).toBe(false);
  });

  it('answers 404 for what the caller cannot see and 403 for what they see but may not change', () => {
    const reader = new Access('u', 'o', [{ folderId: 'b', path: branch, permissions: permissionsOf('reader') }]);
    expect(() => reader.require('folder:update', leaf, 'folder:read', 'Folder')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => reader.require('folder:update', other, 'folder:read', 'Folder')).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it('built-in roles only use known permissions, and no role but owner administers the organisation', () => {
    for (const role of builtinRoles) for (const p of role.permissions) expect(isKnownPermission(p)).toBe(true);
    expect(permissionsOf('manager').has('organization:update')).toBe(false);
    expect(permissionsOf('auditor').has('folder:update')).toBe(false);
    expect(permissionsOf('auditor').has('audit_event:review')).toBe(true);
    expect(permissionsOf('contributor').has('role_binding:create')).toBe(false);
  });
});
