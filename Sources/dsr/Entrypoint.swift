import DSRCommands

/// The `dsr` executable: everything lives in DSRCommands so tests can drive it.
@main
enum Entrypoint {
    static func main() {
        DSRCommand.runMain()
    }
}
