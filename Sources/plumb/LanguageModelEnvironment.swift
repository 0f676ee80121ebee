import ArgumentParser
import Foundation
import PlumblineAssistant
import PlumblineCore

/// The language-model settings of the environment, read here and handed to the library as a
/// configuration value:
/// - `PLUMB_LLM_URL`: the endpoint's base URL, such as `http://127.0.0.1:11434/v1` (Ollama);
/// - `PLUMB_LLM_MODEL`: the model name, such as `llama3.1`;
/// - `PLUMB_LLM_API_KEY`: a bearer token, for hosted services (optional);
/// - `PLUMB_LLM_TIMEOUT`: seconds one request may take (optional, default 60).
enum LanguageModelEnvironment {
    static let url = "PLUMB_LLM_URL"
    static let model = "PLUMB_LLM_MODEL"
    static let apiKey = "PLUMB_LLM_API_KEY"
    static let timeout = "PLUMB_LLM_TIMEOUT"

    static func configuration(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> LanguageModelConfiguration {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        let missing = [url, model].filter { value($0) == nil }
        guard missing.isEmpty, let baseURL = value(url), let modelName = value(model) else {
            throw LanguageModelError.notConfigured(missing: missing)
        }
        var configuration = LanguageModelConfiguration(
            baseURL: baseURL, model: modelName, apiKey: value(apiKey).map(APIKey.init))
        if let text = value(timeout) {
            guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                throw ValidationError("\(timeout) must be a number of seconds between 0 and 3600, not '\(text)'")
            }
            configuration.timeout = .milliseconds(Int64(seconds * 1000))
        }
        return try configuration.validated()
    }

    /// Runs `body` with a model drafter; a language-model failure goes to standard error, in
    /// words, with exit status 1.
    static func withDrafter<Value: Sendable>(_ body: (LanguageModelDrafter) async throws -> Value) async throws -> Value
    {
        do {
            let diagnosis = DiagnosisEngine(knowledge: try KnowledgeBase.bundled())
            return try await LanguageModelDrafter.withDrafter(try configuration(), diagnosis: diagnosis, body)
        } catch let error as LanguageModelError {
            Console.error("error: \(error)")
            if case .notConfigured = error {
                Console.error(
                    "For example, with Ollama: \(url)=http://127.0.0.1:11434/v1 \(model)=llama3.1 (and \(apiKey) for a hosted service)"
                )
            }
            throw ExitCode(1)
        }
    }
}
