import Foundation
import PackagePlugin

/// Embeds the policy files of the package's `Policies/` folder (`*.xml`, `*.xsd`) and the
/// letter templates below `Policies/templates/` into the target as Swift source, so that the
/// default policy, the holiday data, the schemas and the templates travel inside the binary.
@main
struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let policies = context.package.directoryURL.appending(path: "Policies")
        let manager = FileManager.default
        let topLevel = try manager.contentsOfDirectory(at: policies, includingPropertiesForKeys: nil)
            .filter { ["xml", "xsd"].contains($0.pathExtension) }
        let templatesFolder = policies.appending(path: "templates")
        let templates = (manager.enumerator(at: templatesFolder, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "mustache" }
        let inputs = (topLevel + templates).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPolicyFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Policies/ into \(target.name)",
                executable: try context.tool(named: "dsr-embed").url,
                arguments: [output.path, policies.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
