/// An English stemmer after Porter's (1980), so that "tranches", "tranche"; "leased", "leasing", "leases";
/// "securitized", "securitization"; "depreciate", "depreciation" meet at one stem. It never looks words up, so it also
/// stems words it has never seen, and it is small enough to repeat exactly in the reader's browser (`assets/search.js`,
/// `stem`; `EnglishStemmerAgreementTests` runs both on every word of the site and more).
///
/// Rules, in order, on a case-folded word of at least four letters without digits:
/// 1. `-sses` → `-ss`; else `-ies` → `-y` (more than four letters); else a final `s` goes, except after `s`, `u` or `i`;
/// 2. `-ied` → `-y` (more than four letters); `-eed` stays; else `-ed` or `-ing` goes when at least three letters with a
///    vowel remain: `-at`, `-bl`, `-iz` then get their `e` back, a doubled final consonant other than l, s, z is
///    undoubled, or else a short stem gets its `e` back ("rated", "rating" → "rate");
/// 3. Porter's steps 1c to 4: a final `y` after a vowel somewhere before it becomes `i`; then the longest of Porter's
///    step 2 suffixes (`-ational` → `-ate`, `-ization` → `-ize`, `-biliti` → `-ble` …), of step 3 (`-icate` → `-ic`,
///    `-ness` → nothing …) when the rest has a measure above 0, and of step 4 (`-ance`, `-ment`, `-ate`, `-ion` after s
///    or t …) when it has one above 1;
/// 4. a final `e` goes when at least three letters remain, unless they are a short stem ("lease" → "leas",
///    "taxe" → "tax", "rate" and "cape" stay); then `-ll` → `-l` when the measure is above 1 (Porter's step 5b).
///
/// A short stem is three letters, consonant–vowel–consonant, the last not w, x or y (Porter's). Such a word keeps
/// its `e` so that it does not meet the shorter word: "cape" is not "cap" ("caps", "capped"), "rate" is not "rat",
/// "note" not "not". English doubles the consonant after a short vowel ("capped") and drops the `e` after a long one
/// ("rated"), so the three letters that `-ed` or `-ing` leave tell the two apart. A measure is Porter's: how many times
/// a vowel (a, e, i, o, u, or y after a consonant) is followed by a consonant.
func stemEnglish(_ word: String) -> String {
    var w = Array(word.unicodeScalars)
    guard w.count >= 4, !w.contains(where: isNumberScalar) else { return word }
    // Compares in place: the index stems every word of the site, and two arrays per test made this most of its time.
    func ends(_ suffix: String) -> Bool {
        var at = w.count
        for scalar in suffix.unicodeScalars.reversed() {
            at -= 1
            if at < 0 || w[at] != scalar { return false }
        }
        return true
    }
    func hasVowel(_ letters: ArraySlice<Unicode.Scalar>) -> Bool { letters.contains { "aeiouy".unicodeScalars.contains($0) } }
    /// The first three letters are all there is before `length` and make a short stem.
    func short(_ length: Int) -> Bool {
        w.count == length && !"aeiou".unicodeScalars.contains(w[0]) && "aeiouy".unicodeScalars.contains(w[1])
            && !"aeiouwxy".unicodeScalars.contains(w[2])
    }
    func tidyEnd() {
        if ends("at") || ends("bl") || ends("iz") {
            w.append("e")
        } else if w.count >= 2, w[w.count - 1] == w[w.count - 2], "bcdfghjkmnpqrtvwx".unicodeScalars.contains(w[w.count - 1]) {
            w.removeLast()
        } else if short(3) {
            w.append("e")
        }
    }
    if ends("sses") {
        w.removeLast(2)
    } else if ends("ies"), w.count > 4 {
        w.removeLast(3)
        w.append("y")
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
        w.removeLast()
    }
    if ends("ied"), w.count > 4 {
        w.removeLast(3)
        w.append("y")
    } else if ends("eed") {
        // "agreed", "need": the -ed belongs to the word
    } else if ends("ed"), w.count - 2 >= 3, hasVowel(w.dropLast(2)) {
        w.removeLast(2)
        tidyEnd()
    } else if ends("ing"), w.count - 3 >= 3, hasVowel(w.dropLast(3)) {
        w.removeLast(3)
        tidyEnd()
    }
    if ends("y"), porterMeasure(w[..<(w.count - 1)]).hasVowel {
        w[w.count - 1] = "i"
    }
    for (step, minimum) in porterSuffixSteps.enumerated().map({ ($1, $0 == 2 ? 1 : 0) }) {
        // The longest suffix of the step the word has, with at least a letter before it.
        guard let (suffix, replacement) = step.filter({ w.count > $0.suffix.count && ends($0.suffix) })
            .max(by: { $0.suffix.count < $1.suffix.count }) else { continue }
        let stem = w[..<(w.count - suffix.unicodeScalars.count)]
        if porterMeasure(stem).measure > minimum, suffix != "ion" || stem.last == "s" || stem.last == "t" {
            w = Array(stem) + Array(replacement.unicodeScalars)
        }
    }
    if ends("e"), w.count > 3, !short(4) { w.removeLast() }
    if ends("ll"), porterMeasure(w[...]).measure > 1 { w.removeLast() }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: w)
    return String(out)
}

/// Porter's steps 2, 3 and 4: suffix → what replaces it (as `search.js` has them).
let porterSuffixSteps: [[(suffix: String, replacement: String)]] = [
    "ational:ate tional:tion enci:ence anci:ance izer:ize bli:ble alli:al entli:ent eli:e ousli:ous ization:ize ation:ate "
        + "ator:ate alism:al iveness:ive fulness:ful ousness:ous aliti:al iviti:ive biliti:ble logi:log",
    "icate:ic ative: alize:al iciti:ic ical:ic ful: ness:",
    "al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize",
].map { list in
    list.split(separator: " ").map { pair in
        let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
}

/// Porter's measure of `letters` (how many times a vowel is followed by a consonant), and whether they have a vowel.
/// `y` is a vowel after a consonant, a consonant first or after a vowel.
private func porterMeasure(_ letters: ArraySlice<Unicode.Scalar>) -> (measure: Int, hasVowel: Bool) {
    var measure = 0, previousVowel = false, any = false
    for (index, letter) in letters.enumerated() {
        let vowel = "aeiou".unicodeScalars.contains(letter) || (letter == "y" && index > 0 && !previousVowel)
        if previousVowel && !vowel { measure += 1 }
        previousVowel = vowel
        any = any || vowel
    }
    return (measure, any)
}

/// Words too common to help find anything: neither indexed nor searched for. Case-folded, before stemming.
let englishStopwords: Set<String> = [
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "even",
    "every", "few", "for", "from", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "just", "many", "may", "more", "most", "much", "no", "nor", "not", "now", "of", "on", "only",
    "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "yet",
    "you", "your",
]
