public import Tally

/// Tally's `Dimension`, named apart from Foundation's `Dimension` (units of measure) for files that import both.
typealias GroupDimension = Dimension
