import GazetteModel
import Toponyms

/// The one ``Matcher`` of a service, behind an actor.
///
/// Why an actor and not a matcher per request: building the index costs about a tenth of a second and the
/// matcher's memo of keys and answers is what makes repeated names (a spreadsheet column has many) cheap; the
/// matcher is not `Sendable`, so its caches need one owner. A whole batch runs in one actor call, so a request
/// waits at most for the batches ahead of it, and no thread is blocked while it waits (a `Mutex` would block an
/// event-loop thread for the length of a batch).
///
/// The memo grows with every distinct name; a server that runs for weeks must not grow with it, so after
/// `refreshInterval` names the matcher is rebuilt from the `Sendable` gazetteer and the memo starts empty.
actor SharedMatcher {
    private let gazetteer: Gazetteer
    private let refreshInterval: Int
    private var matcher: Matcher
    private var sinceRefresh = 0

    init(gazetteer: Gazetteer, refreshInterval: Int) {
        self.gazetteer = gazetteer
        self.refreshInterval = max(1, refreshInterval)
        self.matcher = Matcher(gazetteer: gazetteer)
    }

    /// The matcher's answer for each name in its context, in order.
    func match(_ requests: [(name: String, context: String)]) -> [Match] {
        if sinceRefresh + requests.count > refreshInterval, sinceRefresh > 0 {
            matcher = Matcher(gazetteer: gazetteer)
            sinceRefresh = 0
        }
        sinceRefresh += requests.count
        return requests.map { matcher.match($0.name, context: $0.context) }
    }
}
