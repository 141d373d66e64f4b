import Foundation
import PackagePlugin

/// Embeds every file of the package's `Policies/` folder into the target as Swift source,
/// so that the default policy, the holiday data and the schemas travel inside the binary.
@main
struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let policies = context.package.directoryURL.appending(path: "Policies")
        let inputs = try FileManager.default
            .contentsOfDirectory(at: policies, includingPropertiesForKeys: nil)
            .filter { ["xml", "xsd", "mustache"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPolicyFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Policies/ into \(target.name)",
                executable: try context.tool(named: "dsr-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
