import Foundation
import Testing

@testable import PlumblineStore

/// Users, first-owner setup, sessions and API tokens, on every database.
@Suite struct AccountStoreTests {
    @Test(arguments: StoreKind.available)
    func usersAreFoundByIdAndByEmailIgnoringCase(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            #expect(try await store.hasUsers() == false)
            #expect(try await store.userCount() == 0)
            let ada = try await store.createUser(
                NewUser(email: "Ada.Lovelace@Example.org", displayName: "Ada", passwordHash: "hash-1"))
            #expect(try await store.user(id: ada.id) == ada)
            #expect(try await store.user(email: "ada.lovelace@example.ORG") == ada)
            #expect(try await store.user(email: "nobody@example.org") == nil)
            #expect(try await store.user(id: UUID()) == nil)
            #expect(try await store.hasUsers())
            #expect(try await store.userCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func emailIsUniqueIgnoringCase(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            _ = try await store.createUser(NewUser(email: "grace@example.org", displayName: "Grace", passwordHash: "h"))
            await expectStoreError(.duplicate("user with this email")) {
                try await store.createUser(NewUser(email: "GRACE@example.org", displayName: "Other", passwordHash: "h"))
            }
            #expect(try await store.userCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func updatingAUserChangesOnlyWhatIsGiven(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let user = try await store.makeUser()
            let renamed = try await store.updateUser(id: user.id, displayName: "Ada L.", passwordHash: nil)
            #expect(renamed.displayName == "Ada L." && renamed.passwordHash == user.passwordHash)
            let rehashed = try await store.updateUser(id: user.id, displayName: nil, passwordHash: "new-hash")
            #expect(rehashed.displayName == "Ada L." && rehashed.passwordHash == "new-hash")
            #expect(try await store.user(id: user.id) == rehashed)
            await expectStoreError(.notFound("user")) {
                try await store.updateUser(id: UUID(), displayName: "X", passwordHash: nil)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func setupTokenCreatesTheOwnerOnceAndOnlyBeforeItExpires(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let owner = NewUser(email: "owner@example.org", displayName: "Owner", passwordHash: "h")
            await expectStoreError(.notFound("setup token")) {
                try await store.redeemSetupToken(hash: "t1", owner: owner, workspaceName: nil)
            }
            try await store.saveSetupToken(hash: "t1", expiresAt: clock.now.addingTimeInterval(3600))
            try await store.saveSetupToken(hash: "t2", expiresAt: clock.now.addingTimeInterval(3600))
            // A new token replaces the old one.
            await expectStoreError(.notFound("setup token")) {
                try await store.redeemSetupToken(hash: "t1", owner: owner, workspaceName: nil)
            }
            let first = try await store.redeemSetupToken(hash: "t2", owner: owner, workspaceName: "Acme")
            #expect(first.user.email == "owner@example.org")
            let workspace = try #require(first.workspace)
            #expect(try await store.role(userID: first.user.id, workspaceID: workspace.id) == .owner)
            // One use only.
            await expectStoreError(.notFound("setup token")) {
                try await store.redeemSetupToken(
                    hash: "t2", owner: NewUser(email: "second@example.org", displayName: "S", passwordHash: "h"),
                    workspaceName: nil)
            }
            // Works while other users exist, fails once expired.
            try await store.saveSetupToken(hash: "t3", expiresAt: clock.now.addingTimeInterval(60))
            clock.advance(by: 61)
            await expectStoreError(.notFound("setup token")) {
                try await store.redeemSetupToken(
                    hash: "t3", owner: NewUser(email: "late@example.org", displayName: "L", passwordHash: "h"),
                    workspaceName: nil)
            }
            try await store.saveSetupToken(hash: "t4", expiresAt: clock.now.addingTimeInterval(60))
            let second = try await store.redeemSetupToken(
                hash: "t4", owner: NewUser(email: "two@example.org", displayName: "Two", passwordHash: "h"),
                workspaceName: nil)
            #expect(second.workspace == nil)
            #expect(try await store.userCount() == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func ofTenConcurrentRedeemersOfOneSetupTokenOneWins(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            try await store.saveSetupToken(hash: "once", expiresAt: clock.now.addingTimeInterval(60))
            let outcomes = await withTaskGroup(of: StoreError?.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        do {
                            _ = try await store.redeemSetupToken(
                                hash: "once",
                                owner: NewUser(email: "owner\(index)@example.org", displayName: "O", passwordHash: "h"),
                                workspaceName: "W\(index)")
                            return nil
                        } catch let error as StoreError {
                            return error
                        } catch {
                            return .unavailable("\(error)")
                        }
                    }
                }
                return await group.reduce(into: [StoreError?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.filter { $0 == .notFound("setup token") }.count == 9)
            #expect(try await store.userCount() == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aTakenEmailLeavesTheSetupTokenUsable(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let taken = try await store.makeUser()
            try await store.saveSetupToken(hash: "t", expiresAt: clock.now.addingTimeInterval(60))
            await expectStoreError(.duplicate("user with this email")) {
                try await store.redeemSetupToken(
                    hash: "t", owner: NewUser(email: taken.email.uppercased(), displayName: "X", passwordHash: "h"),
                    workspaceName: "W")
            }
            #expect(try await store.userCount() == 1)
            let owner = try await store.redeemSetupToken(
                hash: "t", owner: NewUser(email: "fresh@example.org", displayName: "F", passwordHash: "h"),
                workspaceName: "W")
            #expect(try await store.workspaces(userID: owner.user.id).count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func sessionsLiveUntilTheyExpireOrEnd(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let user = try await store.makeUser()
            let start = clock.now
            let short = Session(
                id: "s-short", userID: user.id, csrfToken: "c1", createdAt: start,
                expiresAt: start.addingTimeInterval(60))
            let long = Session(
                id: "s-long", userID: user.id, csrfToken: "c2", createdAt: start,
                expiresAt: start.addingTimeInterval(3600))
            try await store.createSession(short)
            try await store.createSession(long)
            #expect(try await store.session(id: "s-short") == short)
            await expectStoreError(.duplicate("session")) { try await store.createSession(short) }
            await expectStoreError(.notFound("user")) {
                try await store.createSession(
                    Session(id: "s-x", userID: UUID(), csrfToken: "c", createdAt: start, expiresAt: start))
            }

            clock.advance(by: 120)
            #expect(try await store.session(id: "s-short") == nil)
            #expect(try await store.deleteExpiredSessions() == 1)
            #expect(try await store.deleteExpiredSessions() == 0)
            #expect(try await store.session(id: "s-long") == long)

            try await store.deleteSession(id: "s-long")
            try await store.deleteSession(id: "s-long")
            #expect(try await store.session(id: "s-long") == nil)

            try await store.createSession(
                Session(id: "a", userID: user.id, csrfToken: "c", createdAt: clock.now, expiresAt: .distantFuture))
            try await store.createSession(
                Session(id: "b", userID: user.id, csrfToken: "c", createdAt: clock.now, expiresAt: .distantFuture))
            try await store.deleteSessions(userID: user.id)
            #expect(try await store.session(id: "a") == nil)
            #expect(try await store.session(id: "b") == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func apiTokensAreFoundByHashUntilRevoked(kind: StoreKind) async throws {
        let clock = TestClock()
        try await withStore(kind, clock: clock) { (store) async throws in
            let user = try await store.makeUser()
            let ci = try await store.createAPIToken(userID: user.id, name: "CI", tokenHash: "hash-ci")
            clock.advance(by: 1)
            clock.advance(by: 1)
            let laptop = try await store.createAPIToken(userID: user.id, name: "laptop", tokenHash: "hash-laptop")
            #expect(try await store.apiToken(hash: "hash-ci") == ci)
            #expect(try await store.apiTokens(userID: user.id).map(\.name) == ["CI", "laptop"])
            await expectStoreError(.duplicate("API token")) {
                try await store.createAPIToken(userID: user.id, name: "again", tokenHash: "hash-ci")
            }
            await expectStoreError(.notFound("user")) {
                try await store.createAPIToken(userID: UUID(), name: "x", tokenHash: "other")
            }

            clock.advance(by: 5)
            try await store.markAPITokenUsed(id: ci.id)
            #expect(try await store.apiToken(hash: "hash-ci")?.lastUsedAt == clock.now)

            let revoked = try await store.revokeAPIToken(id: laptop.id)
            #expect(revoked.revokedAt == clock.now && revoked.isRevoked)
            clock.advance(by: 5)
            #expect(try await store.revokeAPIToken(id: laptop.id).revokedAt == revoked.revokedAt)
            #expect(try await store.apiToken(hash: "hash-laptop") == nil)
            #expect(try await store.apiTokens(userID: user.id).count == 2)
            await expectStoreError(.notFound("API token")) { try await store.revokeAPIToken(id: UUID()) }
            await expectStoreError(.notFound("API token")) { try await store.markAPITokenUsed(id: UUID()) }
        }
    }
}
