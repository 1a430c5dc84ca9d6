public import GazetteModel

extension Gazetteer {
    /// The columns of the gazetteer TSV, in order.
    public static let columns = [
        "id", "kind", "name_en", "name_ar", "alt_names", "admin1_id", "admin1_en", "admin1_ar",
        "admin2_id", "admin2_en", "admin2_ar", "admin3_id", "admin3_en", "admin3_ar", "lat", "lon",
    ]

    /// Parses the gazetteer TSV that `Scripts/build-gazetteer` writes.
    ///
    /// Lines starting with `#` (sources and licences) and empty lines are skipped; the first other line must be
    /// the header with ``columns``. `alt_names` are `|`-separated. Rows of kind `region` become ``regions``.
    /// - Parameter origin: names the text in errors (`origin:line: ...`), usually the file path.
    /// - Throws: ``GazetteerError`` naming the line for a missing header, a wrong number of fields, an empty
    ///   or repeated id, an unknown kind, or coordinates that are not numbers in range.
    public init(tsv: String, origin: String = "gazetteer") throws(GazetteerError) {
        var places: [Place] = []
        var regions: [Region] = []
        var seen: Set<String> = []
        var headerSeen = false
        var lineNumber = 0
        places.reserveCapacity(6_000)
        for rawLine in tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = rawLine[...]
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if bytes.isEmpty || bytes.first == UInt8(ascii: "#") { continue }
            let fields = bytes.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            func fail(_ message: String) -> GazetteerError {
                GazetteerError(origin: origin, line: lineNumber, message: message)
            }
            if !headerSeen {
                guard fields == Self.columns else {
                    throw fail("expected the header row '\(Self.columns.joined(separator: " "))', "
                        + "found '\(fields.prefix(4).joined(separator: " "))…'")
                }
                headerSeen = true
                continue
            }
            guard fields.count == Self.columns.count else {
                throw fail("expected \(Self.columns.count) tab-separated fields, found \(fields.count)")
            }
            let id = fields[0]
            guard !id.isEmpty, !id.contains(where: \.isWhitespace) else { throw fail("empty or blank id") }
            guard seen.insert(id).inserted else { throw fail("id \(id) appears twice") }
            let alternates = fields[4].isEmpty ? [] : fields[4].split(separator: "|").map(String.init)
            if fields[1] == "region" {
                regions.append(Region(id: id, nameEn: fields[2], nameAr: fields[3], alternateNames: alternates))
                continue
            }
            guard let kind = Place.Kind(rawValue: fields[1]) else {
                throw fail("unknown kind '\(fields[1])' for \(id) (expected community, subdistrict, district, "
                    + "governorate or region)")
            }
            guard !fields[2].isEmpty || !fields[3].isEmpty else { throw fail("\(id) has no English or Arabic name") }
            func unit(_ at: Int) -> AdminUnit? {
                fields[at].isEmpty && fields[at + 1].isEmpty && fields[at + 2].isEmpty
                    ? nil : AdminUnit(id: fields[at], nameEn: fields[at + 1], nameAr: fields[at + 2])
            }
            func coordinate(_ at: Int, limit: Double, name: String) throws(GazetteerError) -> Double? {
                if fields[at].isEmpty { return nil }
                guard let value = Double(fields[at]), abs(value) <= limit else {
                    throw fail("\(name) '\(fields[at])' of \(id) is not a number between -\(Int(limit)) and \(Int(limit))")
                }
                return value
            }
            let latitude = try coordinate(14, limit: 90, name: "latitude")
            let longitude = try coordinate(15, limit: 180, name: "longitude")
            places.append(Place(
                id: id, kind: kind, nameEn: fields[2], nameAr: fields[3], alternateNames: alternates,
                admin1: unit(5), admin2: unit(8), admin3: unit(11), latitude: latitude, longitude: longitude))
        }
        guard headerSeen else {
            throw GazetteerError(origin: origin, line: 0, message: "no header row: the file is empty or only comments")
        }
        self.init(places: places, regions: regions)
    }
}
