import ArgumentParser
import Foundation

/// Turns an HTML report into PDF with headless Chromium, the one dependency of `plumb report
/// --pdf` that plumb cannot carry itself; when Chromium is missing it says what to install.
enum ChromiumPDF {
    /// Executable names tried on `PATH`, in order.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Why no PDF could be made, as one message for standard error.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Finding Chromium

    /// `PLUMB_CHROMIUM` when set (and then only it, so a wrong setting is reported, not silently
    /// bypassed), else the first candidate on `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure) -> URL {
        if let configured = environment["PLUMB_CHROMIUM"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw Failure(
                    description: "PLUMB_CHROMIUM is '\(configured)', which is not an executable file. "
                        + "Point it at a Chromium or Chrome binary, or unset it to search PATH.")
            }
            return URL(fileURLWithPath: configured)
        }
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            for name in candidates {
                let file = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: file.path) { return file }
            }
        }
        throw Failure(
            description: """
                a PDF needs headless Chromium, and none was found (looked for \
                \(candidates.joined(separator: ", ")) on PATH, and the PLUMB_CHROMIUM variable). \
                Install the 'chromium' package (Debian/Ubuntu: apt-get install chromium; macOS: \
                brew install --cask chromium), or set PLUMB_CHROMIUM to a Chrome binary. \
                Nothing was written; 'plumb report FILE -o report.html' works without it.
                """)
    }

    // MARK: Printing

    /// Prints `html` to `output` with the Chromium at `chromium`. The PDF is made in a temporary
    /// directory and moved into place only when Chromium succeeded, so a failure writes nothing.
    static func write(html: String, to output: String, chromium: URL, timeout: TimeInterval = 120) throws(Failure) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plumb-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = scratch.appendingPathComponent("report.html")
        let pdf = scratch.appendingPathComponent("report.pdf")
        let log = scratch.appendingPathComponent("chromium.log")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw Failure(description: "cannot prepare a temporary file: \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw Failure(description: "cannot create a temporary file in \(scratch.path)")
        }

        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            // A private profile: a running browser's profile lock must not stop the print.
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--print-to-pdf=" + pdf.path, page.absoluteString,
        ]
        // Chromium talks a lot on its own streams; keep it out of ours unless it fails.
        let logHandle = FileHandle(forWritingAtPath: log.path)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw Failure(description: "cannot start \(chromium.path): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "\(chromium.path) did not finish printing within \(Int(timeout)) seconds")
        }
        try? logHandle?.close()

        let made = (try? FileManager.default.attributesOfItem(atPath: pdf.path))?[.size] as? Int ?? 0
        guard process.terminationStatus == 0, made > 0 else {
            let tail =
                (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(5)
                .joined(separator: "\n") ?? ""
            throw Failure(
                description: "\(chromium.path) failed to print the report (exit \(process.terminationStatus))"
                    + (tail.isEmpty ? "" : ":\n" + tail))
        }
        do {
            // Written through a temporary file and a rename beside the destination, like every
            // other output of plumb: a reader never sees half a PDF.
            try Data(contentsOf: pdf).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw Failure(description: "cannot write \(output): \(error.localizedDescription)")
        }
    }
}
