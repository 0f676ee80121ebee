import ArgumentParser
import Foundation
import PlumblineCore

/// Reading and writing canvas files for the commands: the only place the CLI touches the disk
/// for canvases, so every command reports missing files and bad input the same way.
enum CanvasFile {
    /// Reads and validates `path`; throws `CanvasReadError` with every problem.
    static func read(_ path: String, limits: ReadLimits = .standard) throws(CanvasReadError) -> CanvasDocument {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CanvasReadError(issues: [CanvasIssue(file: path, code: .unreadable, message: "no such file")])
        }
        guard !isDirectory.boolValue else {
            throw CanvasReadError(issues: [
                CanvasIssue(file: path, code: .unreadable, message: "is a directory, not a canvas file")
            ])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxBytes
        {
            throw CanvasReadError(issues: [
                CanvasIssue(
                    file: path, code: .tooLarge,
                    message: "the file is \(size / (1 << 20)) MiB; the limit is \(limits.maxBytes / (1 << 20)) MiB")
            ])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CanvasReadError(issues: [
                CanvasIssue(file: path, code: .unreadable, message: "cannot be read: \(error.localizedDescription)")
            ])
        }
        return try CanvasReader(limits: limits).read([UInt8](data), file: path)
    }

    /// Reads and validates `path` for a single-file command: every problem goes to standard
    /// error and the command exits with status 2.
    static func readOrExit(_ path: String) throws -> CanvasDocument {
        do {
            return try read(path)
        } catch {
            for issue in error.issues { Console.error(issue.description) }
            throw ExitCode(2)
        }
    }

    /// Writes `text` to `path` through a temporary file and a rename, so a crash never leaves
    /// half a canvas behind.
    static func writeAtomically(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Standard error, for messages that must not mix with a command's output.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension CanvasKind: ExpressibleByArgument {}
extension DocumentSyntax: ExpressibleByArgument {}
