public import GazetteModel

/// A problem in a report definition or a strings file, named by file and line.
public typealias PublishingError = InputError
