import Foundation

/// Reads a new password: the first line of standard input when it is not a terminal, else
/// typed twice at the terminal without echo.
enum PasswordPrompt {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure(message: "no password on standard input", exitCode: CommandFailure.badInput)
            }
            return line
        }
        let first = try ask("New password: ")
        let second = try ask("Repeat it: ")
        guard first == second else {
            throw CommandFailure(message: "the two passwords differ", exitCode: CommandFailure.badInput)
        }
        return first
    }

    /// One line typed at the terminal with echo switched off (and back on).
    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(message: "no password typed", exitCode: CommandFailure.badInput)
        }
        return line
    }
}
