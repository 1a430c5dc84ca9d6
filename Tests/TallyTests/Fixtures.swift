import GazetteModel

func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

func incident(
    _ document: String, _ index: Int = 1, date: String?, place: String = "", placeID: String = "",
    governorate: String = "", killed: Count = .unknown, injured: Count = .unknown, perpetrator: String = "unknown",
    weapon: String = ""
) -> Incident {
    Incident(
        document: document, index: index, date: date.map(day), datePrecision: date == nil ? .unknown : .day,
        place: place, governorate: governorate, killed: killed, injured: injured, perpetrator: perpetrator,
        weapon: weapon, placeID: placeID, placeName: place)
}
