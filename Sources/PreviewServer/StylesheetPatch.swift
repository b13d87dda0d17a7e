import Site

/// The site after stylesheet edits, without a build: the new bytes replace the old ones in both the sources
/// and the output.
///
/// Returns nil, asking for a full build, unless every edited file is an asset the last good build copied verbatim
/// (`templates/assets/x.css` → `assets/x.css` with the same bytes) or without its comments, so the result is exactly
/// what a build would give.
public func patchStylesheets(_ edits: [String: [UInt8]], source: SourceTree, output: OutputTree) -> (SourceTree, OutputTree)? {
    var source = source
    var output = output
    for (path, bytes) in edits.sorted(by: { $0.key < $1.key }) {
        guard path.hasPrefix("templates/"), let index = source.assets.firstIndex(where: { $0.path == path }) else { return nil }
        let outputPath = String(path.dropFirst("templates/".count))
        // Served without its comments (`trimmedStylesheet`) or, with `trimScripts: false`, as written; a file that had no
        // comments does not say which, so one that now has some takes a build.
        let trimmed = output[outputPath] == trimmedStylesheet(source.assets[index].bytes)
        let asWritten = output[outputPath] == source.assets[index].bytes
        guard trimmed || asWritten, !(trimmed && asWritten && trimmedStylesheet(bytes) != bytes) else { return nil }
        source.assets[index].bytes = bytes
        output[outputPath] = trimmed ? trimmedStylesheet(bytes) : bytes
    }
    return (source, output)
}
