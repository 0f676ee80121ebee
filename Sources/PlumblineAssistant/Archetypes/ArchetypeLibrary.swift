import Foundation
import Yams

/// Every industry archetype and team role the generator knows, loaded from the bundled data.
public struct ArchetypeLibrary: Sendable {
    /// Industries in file order; `general` is the fallback when none is recognised.
    public let archetypes: [Archetype]
    public let functions: [FunctionRole]

    public init(archetypes: [Archetype], functions: [FunctionRole]) {
        self.archetypes = archetypes
        self.functions = functions
    }

    /// The archetype used when a description names no industry the library knows.
    public var fallback: Archetype { archetypes.first { $0.id == "general" } ?? archetypes[0] }

    public func archetype(_ id: String) -> Archetype? { archetypes.first { $0.id == id } }

    public func function(_ id: String) -> FunctionRole? { functions.first { $0.id == id } }

    // MARK: - Loading

    /// The archetypes shipped with Plumbline.
    public static func bundled() throws -> ArchetypeLibrary {
        try load(from: Bundle.module.resourceURL!.appendingPathComponent("archetypes"))
    }

    /// Loads a folder laid out like the bundled one (`functions.yaml`, `industries/*.yaml`).
    public static func load(from folder: URL) throws -> ArchetypeLibrary {
        let decoder = YAMLDecoder()
        let industries = folder.appendingPathComponent("industries")
        let files = try FileManager.default.contentsOfDirectory(at: industries, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let archetypes = try files.map {
            try decoder.decode(Archetype.self, from: String(contentsOf: $0, encoding: .utf8))
        }
        let functions = try decoder.decode(
            [FunctionRole].self,
            from: String(contentsOf: folder.appendingPathComponent("functions.yaml"), encoding: .utf8))
        return ArchetypeLibrary(archetypes: archetypes, functions: functions)
    }
}
