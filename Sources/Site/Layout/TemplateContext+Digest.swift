/// A page's template values as a digest (`PageCache`'s key): every value a template can reach, dictionaries in key
/// order. Nil when a value is of a kind it does not know, so that page is rendered, never taken from the cache.
struct TemplateValueDigester {
    private var digester = ContentDigester()
    /// The chapter menu every chapter page shares, with its digest worked out once (`PageLayout`); recognised by its
    /// storage, so a menu built separately is digested entry by entry.
    let sharedMenu: (links: [ChapterLink], digest: ContentDigest)?

    init(sharedMenu: (links: [ChapterLink], digest: ContentDigest)? = nil) {
        self.sharedMenu = sharedMenu
    }

    var digest: ContentDigest { digester.digest }

    mutating func add(_ text: String) {
        digester.add(text)
    }

    mutating func add(_ number: Int) {
        digester.add(number)
    }

    /// Adds a value as templates see it; false when it cannot (the digest is then of no use).
    mutating func add(value: Any) -> Bool {
        switch value {
        case let flag as Bool:
            digester.add(1)
            digester.add(flag ? 1 : 0)
        case let text as String:
            digester.add(2)
            digester.add(text)
        case let text as TemplateText:
            digester.add(2)
            digester.add(text.text)
        case let number as Int:
            digester.add(3)
            digester.add(number)
        case let number as TemplateNumber:
            digester.add(3)
            digester.add(number.value)
        case let context as TemplateContext:
            return add(values: context.values)
        case let values as [String: Any]:
            return add(values: values)
        case let link as ChapterLink:
            add(link)
        case let menu as ChapterMenu:
            digester.add(6)
            digester.add(menu.current ?? -1)
            digester.add(menu.limit)
            if let sharedMenu, sameStorage(menu.links, sharedMenu.links) {
                digester.add(sharedMenu.digest)
            } else {
                digester.add(menu.links.count)
                for link in menu.links { add(link) }
            }
        case let list as [Any]:
            digester.add(7)
            digester.add(list.count)
            for item in list where !add(value: item) { return false }
        default:
            return false
        }
        return true
    }

    /// Adds a dictionary of values in the order of its keys, but for those in `skipping` (which the caller digests
    /// in another way).
    mutating func add(values: [String: Any], skipping: Set<String> = []) -> Bool {
        digester.add(4)
        digester.add(values.count)
        for key in values.keys.sorted() where !skipping.contains(key) {
            digester.add(key)
            guard add(value: values[key]!) else { return false }
        }
        return true
    }

    mutating func add(_ link: ChapterLink) {
        digester.add(5)
        digester.add(link.href)
        digester.add(link.title)
        digester.add(link.number)
        digester.add(link.readingMinutes)
        digester.add(link.readingTime)
        digester.add(link.summary == nil ? 0 : 1)
        digester.add(link.summary ?? "")
        digester.add(link.current ? 1 : 0)
    }

    /// The digest of a whole chapter list.
    static func digest(of links: [ChapterLink]) -> ContentDigest {
        var digester = TemplateValueDigester()
        digester.add(links.count)
        for link in links { digester.add(link) }
        return digester.digest
    }

    private func sameStorage(_ one: [ChapterLink], _ other: [ChapterLink]) -> Bool {
        one.count == other.count && one.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
