import ArgumentParser
import Foundation

/// The `gazette` command: reads reports of violence against civilians, reconciles place names, and writes
/// the figures analysts publish.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turn press releases about attacks on civilians into incidents, place codes and monthly reports.",
        discussion: """
            Gazette reads documents (plain text, Markdown, HTML, JSON Lines) in Arabic, English, French and more; \
            extracts each incident (date, place, killed and injured as bounds, perpetrator, weapon) with the \
            sentence it came from; reconciles place names across spellings and scripts to OCHA P-codes; and \
            writes per-period reports as spreadsheet-safe CSV and plain text.

            Data: the bundled Syrian gazetteer (Locales/gazetteer/syria.tsv) and rule sets (Locales/<lang>/) are \
            found next to the source tree; set GAZETTE_HOME to the folder that holds Locales/ and Reports/ when \
            the binary runs from elsewhere.

            Exit status: 0 when every input was read; 65 when some input was malformed or missing (the others \
            are still processed and the message names the file, line or byte); 64 for a usage error; 73 when \
            an output file cannot be written; 78 when Gazette's data folder (Locales/) cannot be found.
            """,
        subcommands: [
            MatchCommand.self,
            ReconcileCommand.self,
            ClusterCommand.self,
            ExtractCommand.self,
            ReportCommand.self,
            EventsCommand.self,
            TallyCommand.self,
            EvalCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command; errors about the user's files get the exit status the help promises.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
