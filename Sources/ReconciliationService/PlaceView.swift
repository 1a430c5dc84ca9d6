public import GazetteModel

/// What `GET /place/{id}` shows of a place: its names, admin units and coordinates, as JSON or as a small page.
public struct PlaceView: Sendable, Hashable, Encodable {
    /// An admin unit the place lies in.
    public struct Unit: Sendable, Hashable, Encodable {
        public var id: String
        public var nameEn: String
        public var nameAr: String

        enum CodingKeys: String, CodingKey {
            case id
            case nameEn = "name_en"
            case nameAr = "name_ar"
        }
    }

    public var id: String
    public var kind: String
    public var nameEn: String
    public var nameAr: String
    public var alternateNames: [String]
    public var admin1: Unit?
    public var admin2: Unit?
    public var admin3: Unit?
    public var latitude: Double?
    public var longitude: Double?

    enum CodingKeys: String, CodingKey {
        case id, kind, admin1, admin2, admin3, latitude, longitude
        case nameEn = "name_en"
        case nameAr = "name_ar"
        case alternateNames = "alternate_names"
    }

    /// The view of `place`.
    public init(_ place: Place) {
        func unit(_ u: AdminUnit?) -> Unit? { u.map { Unit(id: $0.id, nameEn: $0.nameEn, nameAr: $0.nameAr) } }
        id = place.id
        kind = place.kind.rawValue
        nameEn = place.nameEn
        nameAr = place.nameAr
        alternateNames = place.alternateNames
        admin1 = unit(place.admin1)
        admin2 = unit(place.admin2)
        admin3 = unit(place.admin3)
        latitude = place.latitude
        longitude = place.longitude
    }

    /// A self-contained HTML page; `compact` leaves out the alternate names (for a client's preview frame).
    public func html(compact: Bool = false) -> String {
        var rows: [(String, String)] = [("P-code", escape(id)), ("Kind", escape(kind))]
        for (label, unit) in [("Governorate", admin1), ("District", admin2), ("Subdistrict", admin3)] {
            guard let unit, unit.id != id else { continue }
            rows.append((label, "\(escape(unit.nameEn)) · \(arabic(unit.nameAr)) (\(escape(unit.id)))"))
        }
        if let latitude, let longitude {
            rows.append(("Coordinates", "\(latitude), \(longitude)"))
        }
        if !compact, !alternateNames.isEmpty {
            rows.append(("Other names", alternateNames.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: " · ")))
        }
        let title = "\(escape(nameEn)) · \(arabic(nameAr))"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(nameEn.isEmpty ? nameAr : nameEn))</title>
            <style>body{font:14px/1.4 system-ui,sans-serif;margin:8px}h1{font-size:16px;margin:0 0 6px}\
            th{text-align:left;padding-right:12px;color:#555;vertical-align:top}</style></head>
            <body><h1>\(title)</h1><table>
            \(rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>" }.joined(separator: "\n"))
            </table></body></html>

            """
    }

    private func arabic(_ text: String) -> String {
        "<bdi lang=\"ar\" dir=\"rtl\">\(escape(text))</bdi>"
    }
}

/// Text safe inside HTML elements and attribute values.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
