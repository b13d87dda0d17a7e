import Mustache

/// Values for a template, by name: a `[String: Any]` as Mustache sees it, but cheaper to look things up in.
///
/// Mustache finds every `{{name}}` through dynamic casts of the context objects, and casting a dictionary to
/// `MustacheParent` (a conditional conformance) costs several times more than casting a concrete type; a page
/// looks up about a hundred names. A name that is absent is nil, so Mustache goes on to the enclosing context,
/// as it does for a dictionary.
struct TemplateContext: MustacheParent {
    var values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        values[name]
    }
}
