import GazetteModel

/// What a table can be grouped by besides the period (`--by governorate,district,place,perpetrator,weapon`).
public enum Dimension: String, Sendable, Hashable, CaseIterable {
    case governorate, district, place, perpetrator, weapon
}

/// The value of one dimension for one event: an id to group on and a name to show.
///
/// For places the id is the gazetteer's P-code and the name its OCHA name, or, for a place that did not match,
/// an empty id and the name as written (so two unmatched spellings stay two groups, as they should until a
/// person reconciles them). For the other dimensions the id is the name. An empty name means unknown.
public struct GroupValue: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var name: String

    /// Creates a value.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// A value whose id is its name.
    public init(_ name: String) { self.init(id: name, name: name) }

    /// Unknown: an empty id and name; sorted after every known value.
    public static let unknown = GroupValue("")

    public var isUnknown: Bool { id.isEmpty && name.isEmpty }
    public var description: String { id == name || id.isEmpty ? name : "\(name) [\(id)]" }
}

extension Dimension {
    /// The group value of a perpetrator or weapon as written (`value(of:districtOfPlace:)` uses it): the
    /// vocabulary labels without the words in brackets, `unknown` left out, joined by "; ". For readers that
    /// group rows of a table without making events.
    public static func actorLabel(_ written: String) -> String { Actors.label(written) }

    /// The value of this dimension for `event`, from its first report. `districtOfPlace` maps a place id to its
    /// district (the gazetteer's admin 2), since incidents carry no district of their own.
    public func value(of event: Event, districtOfPlace: [String: String]) -> GroupValue {
        let r = event.primary
        switch self {
        case .governorate: return GroupValue(r.governorate)
        case .district: return GroupValue(districtOfPlace[r.placeID] ?? "")
        case .place:
            if !r.placeID.isEmpty {
                return GroupValue(id: r.placeID, name: r.placeName.isEmpty ? r.place : r.placeName)
            }
            return GroupValue(id: "", name: r.place)
        case .perpetrator:
            return GroupValue(Actors.label(r.perpetrator))
        case .weapon: return GroupValue(Actors.label(r.weapon))
        }
    }
}
