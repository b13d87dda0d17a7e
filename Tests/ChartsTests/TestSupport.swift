import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

/// Compares with `Golden/<name>`; records it (and fails) when RECORD_GOLDEN is set or the file is missing.
func expectGolden(_ actual: String, _ name: String, filePath: String = #filePath,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = URL(filePath: filePath).deletingLastPathComponent().appending(path: "Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == nil,
       let expected = try? String(contentsOf: url, encoding: .utf8) {
        #expect(actual == expected, sourceLocation: sourceLocation)
    } else {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded Golden/\(name); review the diff, then re-run", sourceLocation: sourceLocation)
    }
}

/// One parsed SVG element with its attributes and direct text.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String
}

/// Parses XML with Foundation's XMLParser; returns nil (and the error) when it is not well-formed.
final class SVGParse: NSObject, XMLParserDelegate {
    private(set) var elements: [ParsedElement] = []
    private var stack: [Int] = []
    private(set) var error: String?

    static func parse(_ svg: String) -> SVGParse {
        let result = SVGParse()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = result
        if !parser.parse() { result.error = parser.parserError.map { "\($0)" } ?? "unknown XML error" }
        return result
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        // A text's anchor as the browser takes it: its own, else the nearest ancestor's (the <svg> holds the common one).
        var attributes = attributeDict
        if attributes["text-anchor"] == nil,
           let inherited = stack.reversed().lazy.compactMap({ self.elements[$0].attributes["text-anchor"] }).first {
            attributes["text-anchor"] = inherited
        }
        stack.append(elements.count)
        elements.append(ParsedElement(name: elementName, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }

    var root: ParsedElement? { elements.first }
    func all(_ name: String) -> [ParsedElement] { elements.filter { $0.name == name } }
}

/// All gallery samples rendered with their names as ids.
func renderedGallery() throws -> [(name: String, svg: String)] {
    try Gallery.samples.map { sample in (sample.name, try renderSVG(sample.spec, id: sample.name)) }
}
