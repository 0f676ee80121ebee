import Foundation
import Testing

@testable import PlumblineStore

/// Workspaces, memberships with their owner rule, and share links, on every database.
@Suite struct WorkspaceStoreTests {
    @Test(arguments: StoreKind.available)
    func aWorkspaceStartsWithItsOwner(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let owner = try await store.makeUser("Owner")
            let workspace = try await store.createWorkspace(name: "Acme", ownerID: owner.id)
            #expect(try await store.workspace(id: workspace.id) == workspace)
            #expect(try await store.role(userID: owner.id, workspaceID: workspace.id) == .owner)
            #expect(
                try await store.workspaces(userID: owner.id) == [WorkspaceAccess(workspace: workspace, role: .owner)])
            let renamed = try await store.renameWorkspace(id: workspace.id, name: "Acme Ltd")
            #expect(renamed.name == "Acme Ltd" && renamed.id == workspace.id)
            await expectStoreError(.notFound("user")) { try await store.createWorkspace(name: "X", ownerID: UUID()) }
            await expectStoreError(.notFound("workspace")) { try await store.renameWorkspace(id: UUID(), name: "X") }
            #expect(try await store.workspace(id: UUID()) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func membersAreAddedChangedAndRemoved(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let owner = try await store.makeUser("Owner")
            let bea = try await store.makeUser("Bea")
            let cal = try await store.makeUser("Cal")
            let workspace = try await store.createWorkspace(name: "Acme", ownerID: owner.id)
            let other = try await store.createWorkspace(name: "Other", ownerID: bea.id)

            let membership = try await store.addMember(workspaceID: workspace.id, userID: bea.id, role: .reviewer)
            #expect(membership.role == .reviewer)
            _ = try await store.addMember(workspaceID: workspace.id, userID: cal.id, role: .viewer)
            await expectStoreError(.duplicate("membership")) {
                try await store.addMember(workspaceID: workspace.id, userID: bea.id, role: .editor)
            }
            await expectStoreError(.notFound("workspace")) {
                try await store.addMember(workspaceID: UUID(), userID: bea.id, role: .editor)
            }
            await expectStoreError(.notFound("user")) {
                try await store.addMember(workspaceID: workspace.id, userID: UUID(), role: .editor)
            }

            let members = try await store.members(workspaceID: workspace.id)
            #expect(members.map(\.user.displayName) == ["Bea", "Cal", "Owner"])
            #expect(members.map(\.role) == [.reviewer, .viewer, .owner])
            #expect(try await store.workspaces(userID: bea.id).map(\.workspace.name) == ["Acme", "Other"])
            #expect(try await store.workspaces(userID: bea.id).map(\.role) == [.reviewer, .owner])

            #expect(
                try await store.changeRole(workspaceID: workspace.id, userID: bea.id, role: .editor).role == .editor)
            #expect(try await store.role(userID: bea.id, workspaceID: workspace.id) == .editor)
            try await store.removeMember(workspaceID: workspace.id, userID: cal.id)
            #expect(try await store.role(userID: cal.id, workspaceID: workspace.id) == nil)
            #expect(try await store.role(userID: cal.id, workspaceID: other.id) == nil)
            await expectStoreError(.notFound("membership")) {
                try await store.removeMember(workspaceID: workspace.id, userID: cal.id)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aWorkspaceKeepsAtLeastOneOwner(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let owner = try await store.makeUser("Owner")
            let second = try await store.makeUser("Second")
            let workspace = try await store.createWorkspace(name: "Acme", ownerID: owner.id)
            let lastOwner = StoreError.conflict("a workspace keeps at least one owner")
            await expectStoreError(lastOwner) {
                try await store.changeRole(workspaceID: workspace.id, userID: owner.id, role: .editor)
            }
            await expectStoreError(lastOwner) {
                try await store.removeMember(workspaceID: workspace.id, userID: owner.id)
            }

            _ = try await store.addMember(workspaceID: workspace.id, userID: second.id, role: .owner)
            _ = try await store.changeRole(workspaceID: workspace.id, userID: owner.id, role: .viewer)
            await expectStoreError(lastOwner) {
                try await store.removeMember(workspaceID: workspace.id, userID: second.id)
            }
            #expect(try await store.role(userID: second.id, workspaceID: workspace.id) == .owner)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentDemotionsNeverLeaveAWorkspaceWithoutOwner(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let first = try await store.makeUser("First")
            let second = try await store.makeUser("Second")
            let workspace = try await store.createWorkspace(name: "Acme", ownerID: first.id)
            _ = try await store.addMember(workspaceID: workspace.id, userID: second.id, role: .owner)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for user in [first, second] {
                    group.addTask {
                        (try? await store.changeRole(workspaceID: workspace.id, userID: user.id, role: .editor)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let owners = try await store.members(workspaceID: workspace.id).filter { $0.role == .owner }
            #expect(owners.count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func deletingAWorkspaceDeletesEverythingInIt(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, workspace, canvas) = try await store.makeCanvas()
            let link = try await store.createShareLink(canvasID: canvas.id, tokenHash: "share", createdBy: owner.id)
            _ = try await store.addComment(NewComment(canvasID: canvas.id, authorID: owner.id, body: "hi"))
            try await store.deleteWorkspace(id: workspace.id)
            #expect(try await store.workspace(id: workspace.id) == nil)
            #expect(try await store.canvas(id: canvas.id) == nil)
            #expect(try await store.version(canvasID: canvas.id, number: 1) == nil)
            #expect(try await store.shareLink(tokenHash: link.tokenHash) == nil)
            #expect(try await store.comments(canvasID: canvas.id).isEmpty)
            #expect(try await store.workspaces(userID: owner.id).isEmpty)
            #expect(try await store.user(id: owner.id) == owner)
            await expectStoreError(.notFound("workspace")) { try await store.deleteWorkspace(id: workspace.id) }
        }
    }

    @Test(arguments: StoreKind.available)
    func shareLinksAreFoundByHashUntilRevoked(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            let link = try await store.createShareLink(canvasID: canvas.id, tokenHash: "share-1", createdBy: owner.id)
            #expect(try await store.shareLink(tokenHash: "share-1") == link)
            await expectStoreError(.duplicate("share link")) {
                try await store.createShareLink(canvasID: canvas.id, tokenHash: "share-1", createdBy: owner.id)
            }
            await expectStoreError(.notFound("canvas")) {
                try await store.createShareLink(canvasID: UUID(), tokenHash: "share-2", createdBy: owner.id)
            }
            let revoked = try await store.revokeShareLink(id: link.id)
            #expect(revoked.isRevoked)
            #expect(try await store.shareLink(tokenHash: "share-1") == nil)
            #expect(try await store.shareLinks(canvasID: canvas.id) == [revoked])
            await expectStoreError(.notFound("share link")) { try await store.revokeShareLink(id: UUID()) }
        }
    }
}
