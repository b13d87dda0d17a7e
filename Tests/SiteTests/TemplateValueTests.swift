import Mustache
import Testing
@testable import Site

/// Template contexts hand text and numbers to Mustache in their own types (`TemplateText`, `TemplateNumber`); every
/// template must render exactly as it does with plain Strings and Ints in a dictionary.
@Suite struct TemplateValueTests {
    private let values: [String: Any] = [
        "title": "Tom & <Jerry> 'quoted' \"twice\"", "number": 7, "zero": 0, "empty": "", "flag": true,
        "items": [["name": "a", "number": 1], ["name": "b & c", "number": 2]],
    ]

    @Test(arguments: [
        "{{title}} {{{title}}} {{&title}} {{number}} {{zero}} [{{empty}}]",
        "{{#title}}[{{title}}|{{.}}|{{number}}|{{flag}}]{{/title}}{{^title}}none{{/title}}",
        "{{#empty}}e:{{.}}{{/empty}}{{^empty}}no text{{/empty}}",
        "{{uppercased(title)}} {{lowercased(title)}} {{capitalized(title)}} {{count(title)}} {{reversed(title)}}",
        "{{first(title)}} {{last(title)}} {{#empty(empty)}}empty{{/empty(empty)}}",
        "{{plusone(number)}} {{minusone(number)}} {{#even(number)}}even{{/even(number)}}{{#odd(number)}}odd{{/odd(number)}}",
        "{{#equalzero(zero)}}zero{{/equalzero(zero)}} {{#number}}n={{number}} {{.}}{{/number}} {{#zero}}z{{.}}{{/zero}}",
        "{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}} {{missing}}",
        "{{#items}}{{name}}:{{number}}:{{title}};{{/items}}",
        "{{#title}}{{#number}}{{title}}/{{number}}{{/number}}{{/title}}",
    ])
    func rendersAsPlainValuesDo(_ source: String) throws {
        let template = try MustacheTemplate(string: source)
        var ours = values
        ours["items"] = (values["items"] as! [[String: Any]]).map(TemplateContext.init)
        #expect(template.render(TemplateContext(ours)) == template.render(values))
    }

    @Test func chapterLinksRenderAsPlainValuesDo() throws {
        let template = try MustacheTemplate(string: "{{#links}}{{href}} {{title}} {{number}} {{readingMinutes}} {{summary}}"
            + "{{^summary}}-{{/summary}} {{uppercased(title)}} {{plusone(number)}}{{#current}}*{{/current}};{{/links}}")
        let links = [ChapterLink(href: "../a/", title: "A & B", number: 1, readingMinutes: 3, summary: "S <1>"),
                     ChapterLink(href: "../b/", title: "C", number: 2, readingMinutes: 1, summary: nil, current: true)]
        let plain: [[String: Any]] = [
            ["href": "../a/", "title": "A & B", "number": 1, "readingMinutes": 3, "summary": "S <1>"],
            ["href": "../b/", "title": "C", "number": 2, "readingMinutes": 1, "current": true],
        ]
        #expect(template.render(["links": links]) == template.render(["links": plain]))
    }
}

/// `templateValue` compares the value's type before casting; it must give what the casts alone give, for the types
/// it compares and for those it leaves to the casts (optionals among them, which a cast unwraps).
@Suite struct TemplateValueByType {
    private static let optionalText: String? = "maybe"
    private static let noText: String? = nil
    private static let optionalNumber: Int? = 3
    private static let nested: String?? = "twice wrapped"

    private let values: [Any] = [
        "text", "", "Tom & <Jerry>", 0, -7, Int.max, true, false, 2.5, Int32(4), Substring("part"),
        optionalText as Any, noText as Any, optionalNumber as Any, nested as Any,
        TemplateContext(["a": 1]), [TemplateContext(["a": "b"])], TemplateText(text: "t"), TemplateNumber(value: 9),
        ["x", "y"], [1, 2], ["k": "v"] as [String: Any],
    ]

    /// What a template would show of the value, and the type it would see.
    private func shown(_ value: Any) -> String {
        switch value {
        case let text as TemplateText: "TemplateText(\(text.text))"
        case let number as TemplateNumber: "TemplateNumber(\(number.value))"
        default: "\(type(of: value)): \(value)"
        }
    }

    @Test func givesWhatTheCastsGive() {
        for value in values {
            #expect(shown(templateValue(value)) == shown(templateValueByCasting(value)), "\(type(of: value))")
        }
    }

    @Test func turnsTextAndNumbersIntoTheirTemplateForms() {
        #expect(templateValue("x") is TemplateText)
        #expect(templateValue(5) is TemplateNumber)
        #expect(templateValue(Self.optionalText as Any) is TemplateText)
        #expect(templateValue(true) as? Bool == true)
    }
}
