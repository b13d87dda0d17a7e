import Mustache

/// Values for a template, by name: a `[String: Any]` as Mustache sees it, but cheaper to look things up in.
///
/// Mustache finds every `{{name}}` through dynamic casts of the context objects, and casting a dictionary to
/// `MustacheParent` (a conditional conformance) costs several times more than casting a concrete type; a page
/// looks up about a hundred names. A name that is absent is nil, so Mustache goes on to the enclosing context,
/// as it does for a dictionary.
struct TemplateContext: MustacheParent {
    var values: [String: Any]
    /// Set on a page's root context: records the names asked of it (see `TemplateLookups`).
    var lookups: PageLookups?

    init(_ values: [String: Any]) {
        self.values = values
    }

    init(_ values: [String: Any], lookups: PageLookups) {
        self.values = values
        self.lookups = lookups
    }

    func child(named name: String) -> Any? {
        let value = values[name]
        if let lookups {
            if value == nil { lookups.missed.insert(name) } else { lookups.found.insert(name) }
        }
        if name == "chapters", let menu = value as? ChapterMenu, let lambda = menu.prerendered(below: self) { return lambda }
        return value.map(templateValue)
    }
}

extension ChapterMenu {
    /// The menu's section from remembered entries (MenuItemCache), with `root` below each entry; nil without them.
    func prerendered(below root: any MustacheParent) -> MustacheLambda? {
        guard let items else { return nil }
        let menu = self
        return MustacheLambda { section in PrerenderedHTML(description: items.render(menu, section: section, root: root)) }
    }
}

/// The root values of `base`: a page's values with its rendered template as `content` (which takes the place of a
/// `content` the page's values may have).
struct BaseContext: MustacheParent {
    let page: TemplateContext
    let content: String

    func child(named name: String) -> Any? {
        if name == "content" {
            page.lookups?.found.insert(name)
            return TemplateText(text: content)
        }
        let value = page.child(named: name)
        // The menu's entries are rendered with this context, `content` and all, below them.
        if name == "chapters", value is MustacheLambda, let menu = page.values[name] as? ChapterMenu {
            return menu.prerendered(below: self)
        }
        return value
    }
}

/// Text as templates see it: `{{name}}` renders its characters (escaped), String's transforms apply
/// (`{{uppercased(name)}}`), and it has no values of its own.
///
/// Mustache renders a plain `String` only after failing several dynamic casts and printing it generically, and
/// inside a `{{#name}}` section over one it looks names up by reflecting on the String; this answers both directly.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// A whole number as templates see it (`{{number}}`), with Int's transforms (`{{plusone(number)}}`).
struct TemplateNumber: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let value: Int

    var renderText: String { String(value) }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { value.transform(name) }
}

/// A template value with text and whole numbers in their template forms; other values as they are.
///
/// Every name a page looks up comes through here. The value's type is compared first, so the commonest values (text,
/// flags, nested contexts and lists of them) cost no dynamic cast, which fails slowly for a value of another type;
/// anything else (an optional, say) takes `templateValueByCasting`.
func templateValue(_ value: Any) -> Any {
    let type = type(of: value)
    if type == String.self { return TemplateText(text: value as! String) }
    if type == Bool.self || type == TemplateContext.self || type == [TemplateContext].self || type == TemplateText.self {
        return value
    }
    if type == Int.self { return TemplateNumber(value: value as! Int) }
    return templateValueByCasting(value)
}

/// `templateValue` by dynamic casts alone.
func templateValueByCasting(_ value: Any) -> Any {
    switch value {
    case let text as String: TemplateText(text: text)
    case let number as Int: TemplateNumber(value: number)
    default: value
    }
}
