import Foundation
import Testing

@testable import PlumblineStore

/// KPI uploads and the findings cache, on every database.
@Suite struct KPIDataStoreTests {
    static let csv = "kpi,period,value\nchurn,2025-01,0.031\nchurn,2025-02,0.029\n"

    @Test(arguments: StoreKind.available)
    func uploadsAreListedReadAndDeleted(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            let summary = try await store.addKPIUpload(
                NewKPIUpload(
                    canvasID: canvas.id, fileName: "values.csv", csv: Self.csv, rowCount: 2, uploadedBy: owner.id))
            #expect(
                summary.byteCount == Self.csv.utf8.count && summary.rowCount == 2 && summary.fileName == "values.csv")
            #expect(try await store.kpiUploads(canvasID: canvas.id) == [summary])
            let upload = try #require(try await store.kpiUpload(id: summary.id))
            #expect(upload.csv == Self.csv && upload.summary == summary)
            await expectStoreError(.notFound("canvas")) {
                try await store.addKPIUpload(
                    NewKPIUpload(canvasID: UUID(), fileName: "v.csv", csv: Self.csv, rowCount: 2, uploadedBy: owner.id))
            }
            try await store.deleteKPIUpload(id: summary.id)
            #expect(try await store.kpiUploads(canvasID: canvas.id).isEmpty)
            #expect(try await store.kpiUpload(id: summary.id) == nil)
            await expectStoreError(.notFound("KPI upload")) { try await store.deleteKPIUpload(id: summary.id) }
        }
    }

    @Test(arguments: StoreKind.available)
    func findingsAreCachedPerVersionAndDataKey(kind: StoreKind) async throws {
        try await withStore(kind) { (store) async throws in
            let (owner, _, canvas) = try await store.makeCanvas()
            _ = try await store.save(
                canvasID: canvas.id, baseVersion: 1, revision: .sample(author: owner.id, text: "v2"))
            #expect(try await store.cachedFindings(canvasID: canvas.id, version: 1, dataKey: "none") == nil)
            try await store.cacheFindings(canvasID: canvas.id, version: 1, dataKey: "none", json: #"{"findings":[]}"#)
            try await store.cacheFindings(canvasID: canvas.id, version: 1, dataKey: "abc", json: #"{"findings":[1]}"#)
            try await store.cacheFindings(canvasID: canvas.id, version: 2, dataKey: "none", json: #"{"findings":[2]}"#)
            #expect(
                try await store.cachedFindings(canvasID: canvas.id, version: 1, dataKey: "none") == #"{"findings":[]}"#)
            #expect(
                try await store.cachedFindings(canvasID: canvas.id, version: 1, dataKey: "abc") == #"{"findings":[1]}"#)
            // The same key again replaces the entry.
            try await store.cacheFindings(canvasID: canvas.id, version: 1, dataKey: "abc", json: #"{"findings":[3]}"#)
            #expect(
                try await store.cachedFindings(canvasID: canvas.id, version: 1, dataKey: "abc") == #"{"findings":[3]}"#)
            await expectStoreError(.notFound("canvas version")) {
                try await store.cacheFindings(canvasID: canvas.id, version: 9, dataKey: "none", json: "{}")
            }
            try await store.clearCachedFindings(canvasID: canvas.id)
            #expect(try await store.cachedFindings(canvasID: canvas.id, version: 2, dataKey: "none") == nil)
        }
    }
}
