import Foundation
import PackagePlugin

/// Embeds the web application's page templates (`*.mustache`), stylesheet (`*.css`) and the
/// API's OpenAPI document (`openapi.json`) from the target's `Web/` folder as Swift source, so
/// that `dsr serve` needs no files at run time and no path from a URL can reach the file system.
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let web = target.directoryURL.appending(path: "Web")
        let inputs = (FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)?.allObjects ?? [])
            .compactMap { $0 as? URL }
            .filter { ["mustache", "css", "svg", "json"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWebFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Web/ into \(target.name)",
                executable: try context.tool(named: "dsr-embed").url,
                arguments: ["--enum", "EmbeddedWebFiles", output.path, web.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
