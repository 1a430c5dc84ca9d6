import ArgumentParser
import Foundation
import Toponyms

/// Options every command that needs the gazetteer shares.
struct GazetteerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The gazetteer to reconcile against (TSV as built by Scripts/build-gazetteer).",
            discussion: "Default: Locales/gazetteer/syria.tsv, the bundled OCHA/GeoNames Syrian gazetteer.",
            valueName: "file"))
    var gazetteer: String?

    /// Loads the gazetteer named by `--gazetteer`, or the bundled one.
    func load() throws -> Gazetteer {
        let url: URL
        if let gazetteer {
            url = URL(fileURLWithPath: gazetteer)
        } else {
            url = try Resources.locate().defaultGazetteer
        }
        return try Files.parse(url) { try Gazetteer(tsv: $0, origin: url.path) }
    }
}
