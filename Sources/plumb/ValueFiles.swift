import Foundation
import PlumblineCore

/// Loads KPI values from CSV files for a canvas, streaming each file in chunks.
enum ValueFiles {
    /// The values of the canvas's `data` files (relative to the canvas) and of `extra` files.
    static func load(for document: CanvasDocument, extra: [String]) throws(CanvasReadError) -> KPIValues {
        let known = Set(document.canvas.kpis.map(\.id.rawValue))
        let base =
            document.file.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? URL(fileURLWithPath: ".")
        var paths: [String] = []
        for source in document.canvas.data {
            if case .file(let path, _) = source {
                paths.append(path.hasPrefix("/") ? path : base.appendingPathComponent(path).path)
            }
        }
        paths += extra
        var values = KPIValues()
        var issues: [CanvasIssue] = []
        for path in paths {
            switch read(path, known: known) {
            case .success(let v): values.merge(v)
            case .failure(let e): issues += e.issues
            }
        }
        if !issues.isEmpty { throw CanvasReadError(issues: issues) }
        return values
    }

    static func read(_ path: String, known: Set<String>) -> Result<KPIValues, CanvasReadError> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(
                CanvasReadError(issues: [
                    CanvasIssue(file: path, code: .unreadable, message: "no such file, or it cannot be read")
                ]))
        }
        defer { try? handle.close() }
        var importer = KPIValueImport(file: path, knownKPIs: known)
        // Chunks of 8 MiB: large enough to share between the cores, small enough that a file of
        // any size streams through in bounded memory.
        let ways = ProcessInfo.processInfo.activeProcessorCount
        while true {
            let chunk = (try? handle.read(upToCount: 8 << 20)) ?? nil
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { raw in
                importer.consume(parallel: raw.bindMemory(to: UInt8.self), ways: ways)
            }
        }
        if let values = importer.finish() { return .success(values) }
        return .failure(CanvasReadError(issues: importer.issues))
    }
}
