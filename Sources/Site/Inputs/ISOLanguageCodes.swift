import Simulation

/// The two-letter language codes of ISO 639-1 (with the deprecated ones BCP 47 still reads: `in`, `iw`, `ji`, `jw`,
/// `mo`, `sh`): a tag whose primary subtag is two letters names one of these, or no language at all.
let isoLanguageCodes: Set<String> = Set("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
    es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji
    jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb
    nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

/// A well-formed tag whose language is not one: a two-letter primary subtag that ISO 639-1 lacks (`xx`, `qq`).
/// Published, it would be `<html lang="xx">`, which browsers and screen readers cannot read.
/// Three-letter subtags (ISO 639-2 and 639-3, some 8,000 languages such as `yue`) are not checked.
func unknownLanguageProblem(_ tag: String) -> (message: String, hint: String)? {
    guard isLanguageTag(tag), let primary = tag.split(separator: "-").first?.lowercased(), primary.count == 2,
          !isoLanguageCodes.contains(primary) else { return nil }
    let common = ["ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "nl", "pt", "ru", "zh"]
    let guess = closestMatch(to: primary, among: common).map { "did you mean '\($0)'? " } ?? ""
    return ("'\(tag)' is not a known language: '\(primary)' is not an ISO 639-1 language code, so browsers and screen readers "
                + "would not know how to read the pages",
            guess + "write the language's two-letter code, e.g. en for English, fr for French, de for German "
                + "(https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes)")
}

/// A code that is a language's, but more likely meant as a country's (ISO 3166): `kr` is Kanuri, though KR is Korea,
/// whose language is `ko`. Published, `<html lang="kr">` tells browsers and screen readers the pages are Kanuri.
/// Only codes of languages a site is unlikely to be written in, each with the language of the country it names.
func countryCodeProblem(_ tag: String) -> (message: String, hint: String)? {
    guard isLanguageTag(tag), let primary = tag.split(separator: "-").first?.lowercased() else { return nil }
    let countries: [String: (language: String, country: String, meant: String, meantName: String)] = [
        "kr": ("Kanuri", "South Korea", "ko", "Korean"), "se": ("Northern Sami", "Sweden", "sv", "Swedish"),
        "si": ("Sinhala", "Slovenia", "sl", "Slovenian"), "ee": ("Ewe", "Estonia", "et", "Estonian"),
        "am": ("Amharic", "Armenia", "hy", "Armenian"), "ba": ("Bashkir", "Bosnia and Herzegovina", "bs", "Bosnian"),
        "ie": ("Interlingue", "Ireland", "ga", "Irish"), "tw": ("Twi", "Taiwan", "zh-Hant", "Traditional Chinese"),
        "my": ("Burmese", "Malaysia", "ms", "Malay"), "br": ("Breton", "Brazil", "pt-BR", "Brazilian Portuguese"),
        "in": ("Indonesian (an old code)", "India", "hi", "Hindi"),
    ]
    guard let found = countries[primary] else { return nil }
    return ("'\(tag)' is the language code of \(found.language), though \(primary.uppercased()) is also the country code of "
                + "\(found.country): the pages would be announced to browsers and screen readers as \(found.language)",
            "if the pages are in \(found.meantName), write code: \(found.meant) (and name the i18n file \(found.meant).yml); "
                + "language codes are not country codes (https://en.wikipedia.org/wiki/List_of_ISO_639-1_codes)")
}
