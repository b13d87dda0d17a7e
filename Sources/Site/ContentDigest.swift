/// A 128-bit digest of bytes, for caches of one process keyed by content (`PageCache`): two seeded SipHash
/// states fed the same bytes. Text is fed as its UTF-8 bytes, so two texts that compare equal as Strings but differ in
/// their bytes (é composed or not) have different digests, as the pages made from them differ.
struct ContentDigest: Hashable, Sendable {
    let first: Int
    let second: Int
}

/// Feeds values into a `ContentDigest`, each with a tag and its length, so that different sequences of values
/// never feed the same bytes.
struct ContentDigester {
    private var first = Hasher()
    private var second = Hasher()

    init() {
        second.combine(0x6578_706C_6169_6E65)
    }

    var digest: ContentDigest {
        ContentDigest(first: first.finalize(), second: second.finalize())
    }

    mutating func add(_ number: Int) {
        first.combine(number)
        second.combine(number)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    mutating func add(_ digest: ContentDigest) {
        add(digest.first)
        add(digest.second)
    }

    private mutating func add(bytes: UnsafeRawBufferPointer) {
        add(bytes.count)
        first.combine(bytes: bytes)
        second.combine(bytes: bytes)
    }
}

extension ContentDigest {
    /// The digest of files: their paths and bytes, in order.
    init(of files: [SourceFile]) {
        var digester = ContentDigester()
        digester.add(files.count)
        for file in files {
            digester.add(file.path)
            digester.add(file.bytes)
        }
        self = digester.digest
    }
}
